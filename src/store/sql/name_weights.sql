-- Every entity with the paragraphs that name it (its own row in cooccurrence_counts).
SELECT e.key, e.kind, e.name, c.paragraphs
FROM entities e JOIN cooccurrence_counts c ON c.entity_id = e.id AND c.other_id = e.id
