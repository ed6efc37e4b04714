-- name: cooccurrence
-- description: Entities mentioned in the same sentence or paragraph as one entity, with counts and PMI.
-- param: name   the entity's canonical name or any alias
-- param: scope  'sentence' or 'paragraph' (default: paragraph)
-- param: limit  rows at most (default: 30)
WITH target AS (
    SELECT e.id FROM entities e WHERE e.name = :name
    UNION
    SELECT a.entity_id FROM entity_aliases a WHERE a.alias = :name
),
units AS (SELECT count(DISTINCT paragraph_id) AS n FROM mentions),
pairs AS (
    SELECT m2.entity_id AS other, count(DISTINCT m1.paragraph_id) AS together
    FROM mentions m1
    JOIN mentions m2 ON m2.paragraph_id = m1.paragraph_id AND m2.entity_id <> m1.entity_id
     AND (coalesce(:scope, 'paragraph') = 'paragraph' OR m2.sentence IS m1.sentence)
    WHERE m1.entity_id IN target
    GROUP BY m2.entity_id
),
freq AS (
    SELECT entity_id, count(DISTINCT paragraph_id) AS paragraphs FROM mentions
    WHERE entity_id IN (SELECT other FROM pairs) OR entity_id IN target
    GROUP BY entity_id
)
SELECT o.name, o.kind, pairs.together,
       round(log2(1.0 * pairs.together * units.n / (ft.paragraphs * fo.paragraphs)), 2) AS pmi
FROM pairs
JOIN entities o ON o.id = pairs.other
JOIN freq fo ON fo.entity_id = pairs.other
JOIN freq ft ON ft.entity_id = (SELECT id FROM target LIMIT 1)
CROSS JOIN units
ORDER BY pairs.together DESC, pmi DESC
LIMIT coalesce(:limit, 30);
