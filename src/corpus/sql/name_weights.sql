-- People, and every name stored as more than one kind, with the paragraphs that name them
-- (their own row in cooccurrence_counts): what alias rules are learned from.
SELECT e.key, e.kind, e.name, c.paragraphs
FROM entities e JOIN cooccurrence_counts c ON c.entity_id = e.id AND c.other_id = e.id
WHERE e.kind = 'person' OR e.key IN (SELECT key FROM entities GROUP BY key HAVING count(*) > 1)
