-- name: entity
-- description: One entity: its aliases with counts, and the entities most often in the same paragraph.
-- param: name   the entity's canonical name or any alias, e.g. 'Assad'
-- param: limit  rows at most (default: 30)
WITH target AS (
    SELECT e.id FROM entities e WHERE e.name = :name
    UNION
    SELECT a.entity_id FROM entity_aliases a WHERE a.alias = :name
)
SELECT 'alias' AS what, e.name AS entity, x.alias AS detail,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.text = x.alias) AS count
FROM entities e JOIN entity_aliases x ON x.entity_id = e.id
WHERE e.id IN target
UNION ALL
SELECT * FROM (
    SELECT 'with' AS what, e.name, o.kind || ': ' || o.name, count(DISTINCT m1.paragraph_id) AS n
    FROM mentions m1
    JOIN mentions m2 ON m2.paragraph_id = m1.paragraph_id AND m2.entity_id <> m1.entity_id
    JOIN entities e ON e.id = m1.entity_id
    JOIN entities o ON o.id = m2.entity_id
    WHERE m1.entity_id IN target
    GROUP BY m1.entity_id, m2.entity_id
    ORDER BY n DESC
    LIMIT coalesce(:limit, 30)
)
ORDER BY what, count DESC;
