-- One article's entity mentions in the order they were stored, with their entity.
SELECT m.paragraph_id, m.start, m."end", m.text, e.kind, e.name, e.key, e.country, e.latitude, e.longitude, m.linked_kind, m.kind
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id JOIN entities e ON e.id = m.entity_id
WHERE p.article_id = ?1
ORDER BY m.id
