-- name: entity
-- description: One entity: its aliases with counts, the entities most often in the same paragraph, and quotes by it and about it (count is empty for a quote; quote_id names it).
-- param: name   (required, e.g. 'Assad') the entity's canonical name or any alias (the most mentioned entity of that name)
-- param: limit  rows of each part at most (default: 30)
WITH named AS (
    SELECT e.id FROM entities e WHERE e.name = :name
    UNION
    SELECT a.entity_id FROM entity_aliases a WHERE a.alias = :name
),
target AS (
    SELECT c.entity_id AS id FROM cooccurrence_counts c
    WHERE c.entity_id IN named AND c.other_id = c.entity_id
    ORDER BY c.paragraphs DESC, c.entity_id
    LIMIT 1
)
SELECT * FROM (
    SELECT 'alias' AS what, e.kind || ': ' || e.name AS entity, x.alias AS detail, coalesce(written.n, 0) AS count, NULL AS quote_id
    FROM target t JOIN entities e ON e.id = t.id JOIN entity_aliases x ON x.entity_id = e.id
    LEFT JOIN (
        SELECT m.text, count(*) AS n FROM mentions m WHERE m.entity_id = (SELECT id FROM target) GROUP BY m.text
    ) written ON written.text = x.alias
    ORDER BY count DESC, detail
    LIMIT coalesce(:limit, 30)
)
UNION ALL
SELECT * FROM (
    SELECT 'with', e.kind || ': ' || e.name, o.kind || ': ' || o.name, c.paragraphs, NULL
    FROM target t
    JOIN cooccurrence_counts c ON (c.entity_id = t.id OR c.other_id = t.id) AND c.entity_id <> c.other_id
    JOIN entities e ON e.id = t.id
    JOIN entities o ON o.id = CASE WHEN c.entity_id = t.id THEN c.other_id ELSE c.entity_id END
    ORDER BY c.paragraphs DESC, o.name
    LIMIT coalesce(:limit, 30)
)
UNION ALL
-- Quotes it said, newest first.
SELECT * FROM (
    SELECT 'quote by', e.kind || ': ' || e.name, q.quote || ' (' || coalesce(q.outlet, '?') || ', ' || coalesce(substr(q.date, 1, 10), 'undated') || ')', NULL, q.quote_id
    FROM target t JOIN entities e ON e.id = t.id JOIN quote_overview q ON q.speaker_entity_id = t.id
    ORDER BY q.date DESC, q.quote_id
    LIMIT coalesce(:limit, 30)
)
UNION ALL
-- Quotes by others that name it.
SELECT * FROM (
    SELECT DISTINCT 'quote about', e.kind || ': ' || e.name,
           coalesce(sp.name, q.speaker_text, '?') || ': ' || q.text, NULL, q.id
    FROM target t
    JOIN entities e ON e.id = t.id
    JOIN mentions m ON m.entity_id = t.id
    JOIN quotes q ON q.paragraph_id = m.paragraph_id AND m.start >= q.start AND m."end" <= q."end"
    LEFT JOIN entities sp ON sp.id = q.speaker_entity_id
    WHERE q.speaker_entity_id IS NOT t.id
    ORDER BY q.id DESC
    LIMIT coalesce(:limit, 30)
);
