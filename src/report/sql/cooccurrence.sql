-- name: cooccurrence
-- description: Entities mentioned in the same sentence or paragraph as one entity, with counts and PMI.
-- param: name   (required, e.g. 'Assad') the entity's canonical name or any alias (the most mentioned entity of that name)
-- param: scope  'sentence' or 'paragraph' (default: paragraph)
-- param: limit  rows at most (default: 30)
WITH named AS (
    SELECT e.id FROM entities e WHERE e.name = :name
    UNION
    SELECT a.entity_id FROM entity_aliases a WHERE a.alias = :name
),
-- Counts come from cooccurrence_counts, where an entity's row with itself holds its own
-- paragraphs and sentences.
target AS (
    SELECT c.entity_id AS id,
           CASE coalesce(:scope, 'paragraph') WHEN 'sentence' THEN c.sentences ELSE c.paragraphs END AS n
    FROM cooccurrence_counts c
    WHERE c.entity_id IN named AND c.other_id = c.entity_id
    ORDER BY c.paragraphs DESC, c.entity_id
    LIMIT 1
),
units AS (
    SELECT CASE coalesce(:scope, 'paragraph')
               WHEN 'sentence' THEN (SELECT count(*) FROM (SELECT DISTINCT paragraph_id, sentence FROM mentions))
               ELSE (SELECT count(DISTINCT paragraph_id) FROM mentions)
           END AS n
),
pairs AS (
    SELECT CASE WHEN c.entity_id = t.id THEN c.other_id ELSE c.entity_id END AS other,
           CASE coalesce(:scope, 'paragraph') WHEN 'sentence' THEN c.sentences ELSE c.paragraphs END AS together
    FROM cooccurrence_counts c JOIN target t ON c.entity_id = t.id OR c.other_id = t.id
    WHERE c.entity_id <> c.other_id
)
SELECT o.name, o.kind, pairs.together,
       round(log2(1.0 * pairs.together * units.n / (t.n * CASE coalesce(:scope, 'paragraph') WHEN 'sentence' THEN fo.sentences ELSE fo.paragraphs END)), 2) AS pmi
FROM pairs
JOIN entities o ON o.id = pairs.other
JOIN cooccurrence_counts fo ON fo.entity_id = pairs.other AND fo.other_id = pairs.other
CROSS JOIN target t
CROSS JOIN units
WHERE pairs.together > 0
ORDER BY pairs.together DESC, pmi DESC, o.name
LIMIT coalesce(:limit, 30);
