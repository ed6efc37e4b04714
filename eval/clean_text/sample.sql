-- A fixed pseudo-random sample of blocks for judging the classifier by reading: 100 blocks
-- set aside (any class but title, dek, body) and 100 body blocks. The order depends only on
-- article ids and positions, so the same corpus loaded into a fresh database gives the same
-- sample for the same :seed (default 1; the second round of judging used 2, the third 3,
-- the fourth 4 and, for a check drawn after its rules were written, 5; the fifth round read
-- 6, 7 and 8 to find rules, drew 9 after its first rules (its misses then led to a few more
-- rules) and 10 after all of them, not looked at while writing rules; the sixth judged 20 on
-- its rules, two of whose misses then led to rules; the seventh read 30 and 31 to find rules
-- and drew 21 after all of them; the eighth drew 22 and 23 after all of its rules). Since cards of related
-- headlines are cut out of paragraphs into blocks of their own (src/text/cards.rs), the
-- blocks after them sit one place later: the verdict files were moved with them (same blocks,
-- new positions), and a seed drawn again now gives a slightly different sample. Seeds 24 and
-- 25 (allsides only) are a second holdout drawn after round 8's rules, judged with no rule changed.
-- Seeds 26 and 27 (allsides only) are the holdout drawn after round 9's rules, judged with no rule changed.
-- Seeds 28 to 30 (allsides only) are the holdout drawn after round 10's rules (verdicts11-*); seeds 40 to 43
-- (body blocks only, not kept) were then read to find more rules, and seeds 31 to 34 (allsides only,
-- verdicts12-*) are the holdout drawn after those, judged with no rule changed. Seeds 35 to 38 (allsides
-- only, verdicts13-*) are the holdout drawn after round 11's rules (found by ranking body blocks with a model
-- trained on the rules' own classes, not by reading a sample), judged with no rule changed.
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
