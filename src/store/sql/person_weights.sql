-- People with the paragraphs that name them (their own row in cooccurrence_counts).
SELECT e.id, e.key, e.name, c.paragraphs
FROM entities e JOIN cooccurrence_counts c ON c.entity_id = e.id AND c.other_id = e.id
WHERE e.kind = 'person'
