-- name: search
-- description: Full-text search over paragraphs, best first (bm25), with a highlighted snippet, the article's title, outlet and date.
-- param: query   (required, e.g. 'kim visit') words to find, all of them; "a quoted phrase" is a phrase; punctuation, AND, OR and NOT are just text
-- param: raw     1 to read query as raw FTS5 syntax instead: NEAR(a b), prefix*, AND/OR/NOT (default: 0)
-- param: source  only this outlet (default: every outlet)
-- param: from    first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to      last publication date, 'YYYY-MM-DD' (default: the latest)
-- param: kind    only blocks of this class: title, dek, body, caption, … (default: title, dek and body)
-- param: all     1 to search every block, chrome and captions too (default: title, dek and body)
-- param: limit   rows at most (default: 20)
WITH RECURSIVE
-- The query as Datasette's search box reads it: curly quotes are straight ones, an unclosed
-- quote closes at the end, a quoted run is one phrase, and every other word is a quoted
-- string of its own, so that nothing in it is FTS5 syntax.
typed(q) AS (
    SELECT trim(replace(replace(replace(replace(replace(coalesce(:query, ''),
               char(9), ' '), char(10), ' '), char(13), ' '), '“', '"'), '”', '"'))
),
closed(q) AS (
    SELECT CASE WHEN (length(q) - length(replace(q, '"', ''))) % 2 = 1 THEN q || '"' ELSE q END
    FROM typed
),
split(token, rest) AS (
    SELECT NULL, q FROM closed
    UNION ALL
    SELECT CASE WHEN substr(rest, 1, 1) = '"' THEN substr(rest, 1, instr(substr(rest, 2), '"') + 1)
                WHEN instr(rest, ' ') > 0 THEN substr(rest, 1, instr(rest, ' ') - 1)
                ELSE rest END,
           ltrim(CASE WHEN substr(rest, 1, 1) = '"' THEN substr(rest, instr(substr(rest, 2), '"') + 2)
                      WHEN instr(rest, ' ') > 0 THEN substr(rest, instr(rest, ' ') + 1)
                      ELSE '' END)
    FROM split
    WHERE rest <> ''
),
terms(term) AS (
    SELECT CASE WHEN length(token) > 1 AND substr(token, 1, 1) = '"' AND substr(token, -1) = '"'
                     AND instr(substr(token, 2, length(token) - 2), '"') = 0 THEN token
                ELSE '"' || replace(token, '"', '""') || '"' END
    FROM split
    WHERE token IS NOT NULL AND token NOT IN ('', '""')
),
fts(q) AS (
    SELECT CASE WHEN coalesce(:raw, 0) = 1 THEN :query
                ELSE coalesce((SELECT group_concat(term, ' ') FROM terms), '""') END
)
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
WHERE paragraphs_fts MATCH (SELECT q FROM fts)
  AND (CASE WHEN :kind IS NOT NULL THEN p.kind = :kind
            ELSE coalesce(:all, 0) = 1 OR p.kind IN ('title', 'dek', 'body') END)
  AND (:source IS NULL OR s.name = :source)
  AND (:from IS NULL OR a.published_at >= :from)
  AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
ORDER BY bm25(paragraphs_fts), p.id
LIMIT coalesce(:limit, 20);
