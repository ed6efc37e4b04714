-- name: boilerplate
-- description: Blocks set aside from the story, by outlet and class: counts, share of the outlet's blocks, an example and its reason.
-- param: source  only this outlet, by canonical name (default: every outlet)
-- param: kind    only this class: navigation, promo, caption, credit, footer, other-language, repeated (default: every class)
-- param: limit   rows at most (default: 200)
-- Read from the blocks-per-outlet-and-class rollup (migration V14; outlet 0 for none).
WITH totals AS (
    SELECT source_id, sum(blocks) AS blocks FROM block_counts GROUP BY source_id
)
SELECT coalesce(s.name, '(no outlet)') AS outlet,
       b.kind,
       b.blocks,
       b.articles,
       round(100.0 * b.blocks / t.blocks, 2) AS pct_of_outlet_blocks,
       b.example_id,
       p.text AS example,   -- the block with the highest id in the group
       p.reason AS reason
FROM block_counts b
JOIN totals t ON t.source_id = b.source_id
LEFT JOIN sources s ON s.id = b.source_id
LEFT JOIN paragraphs p ON p.id = b.example_id
WHERE b.kind NOT IN ('title', 'dek', 'body')
  AND (:source IS NULL OR s.name = :source)
  AND (:kind IS NULL OR b.kind = :kind)
ORDER BY b.blocks DESC, outlet, b.kind
LIMIT coalesce(:limit, 200);
