-- name: boilerplate
-- description: Blocks set aside from the story, by outlet and class: counts, share of the outlet's blocks, an example and its reason.
-- param: source  only this outlet, by canonical name (default: every outlet)
-- param: kind    only this class: navigation, promo, caption, credit, footer, other-language, repeated (default: every class)
-- param: limit   rows at most (default: 200)
WITH totals AS (
    SELECT a.source_id, count(*) AS blocks
    FROM paragraphs p JOIN articles a ON a.id = p.article_id
    GROUP BY a.source_id
)
SELECT coalesce(s.name, '(no outlet)') AS outlet,
       p.kind,
       count(*) AS blocks,
       count(DISTINCT p.article_id) AS articles,
       round(100.0 * count(*) / t.blocks, 2) AS pct_of_outlet_blocks,
       max(p.id) AS example_id,
       p.text AS example,   -- the block with the highest id in the group (SQLite's max() rule)
       p.reason AS reason
FROM paragraphs p
JOIN articles a ON a.id = p.article_id
LEFT JOIN sources s ON s.id = a.source_id
JOIN totals t ON t.source_id IS a.source_id
WHERE p.kind NOT IN ('title', 'dek', 'body')
  AND (:source IS NULL OR s.name = :source)
  AND (:kind IS NULL OR p.kind = :kind)
GROUP BY a.source_id, p.kind
ORDER BY blocks DESC, outlet, p.kind
LIMIT coalesce(:limit, 200);
