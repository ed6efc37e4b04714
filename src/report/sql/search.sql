-- name: search
-- description: Full-text search over paragraphs, best first (bm25), with a highlighted snippet.
-- param: query  (required, e.g. 'kim AND visit') an FTS5 query (`corpusdb search` quotes plain text for you)
-- param: all    1 to search every block, chrome and captions too (default: title, dek and body)
-- param: limit  rows at most (default: 20)
SELECT a.id AS article_id,
       p.id AS paragraph_id,
       round(bm25(paragraphs_fts), 2) AS score,
       snippet(paragraphs_fts, 0, '[', ']', '…', 24) AS snippet,
       a.title,
       s.name AS outlet,
       a.published_at AS date,
       p.kind
-- CROSS JOIN keeps the full-text index first in the plan, whatever the table statistics say
-- (after an interrupted load they can make SQLite scan paragraphs instead: minutes, not ms).
FROM paragraphs_fts
CROSS JOIN paragraphs p ON p.id = paragraphs_fts.rowid
JOIN articles a ON a.id = p.article_id
LEFT JOIN sources s ON s.id = a.source_id
WHERE paragraphs_fts MATCH :query
  AND (coalesce(:all, 0) = 1 OR p.kind IN ('title', 'dek', 'body'))
ORDER BY bm25(paragraphs_fts), p.id
LIMIT coalesce(:limit, 20);
