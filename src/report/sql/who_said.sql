-- name: who-said
-- description: Search within quotes (FTS5, best first): who said it, where and when.
-- param: query  (required, e.g. 'final victory') an FTS5 query over quote text
-- param: limit  rows at most (default: 20)
SELECT o.speaker, o.cue, o.via, o.outlet, o.date,
       snippet(quotes_fts, 0, '[', ']', '…', 24) AS quote, o.article_id
FROM quotes_fts
JOIN quote_overview o ON o.quote_id = quotes_fts.rowid
WHERE quotes_fts MATCH :query
ORDER BY bm25(quotes_fts)
LIMIT coalesce(:limit, 20);
