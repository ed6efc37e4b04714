-- A fixed pseudo-random sample of blocks for judging the classifier by reading: 100 blocks
-- set aside (any class but title, dek, body) and 100 body blocks. The order depends only on
-- article ids and positions, so the same corpus loaded into a fresh database gives the same
-- sample for the same :seed (default 1). Which seeds were drawn when, and what was done with
-- them: eval/clean_text/README.md.
-- Run:
--   sqlite3 -tabs DB '.parameter set :seed 2' '.read eval/clean_text/sample.sql'
SELECT * FROM (
    SELECT 'set-aside' AS sample, a.external_id, p.position, p.kind, replace(replace(p.text, char(9), ' '), char(10), ' ') AS text
    FROM paragraphs p JOIN articles a ON a.id = p.article_id
    WHERE p.kind NOT IN ('title', 'dek', 'body')
    ORDER BY (a.id * 2654435761 + p.position * 40503 + coalesce(:seed, 1) * 7919) % 1000003
    LIMIT 100
)
UNION ALL
SELECT * FROM (
    SELECT 'body', a.external_id, p.position, p.kind, replace(replace(p.text, char(9), ' '), char(10), ' ')
    FROM paragraphs p JOIN articles a ON a.id = p.article_id
    WHERE p.kind = 'body'
    ORDER BY (a.id * 2654435761 + p.position * 40503 + coalesce(:seed, 1) * 7919) % 1000003
    LIMIT 100
);
