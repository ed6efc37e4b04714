-- One article's quotes in the order they were stored, with their speaker and channel.
SELECT q.paragraph_id, q.start, q."end", q.text, q.speaker_text, q.cue, q.via_text, q.partial, q.rule, q.echo_key,
       sp.kind, sp.name, sp.key, sp.country, sp.latitude, sp.longitude,
       v.kind, v.name, v.key, v.country, v.latitude, v.longitude
FROM quotes q
JOIN paragraphs p ON p.id = q.paragraph_id
LEFT JOIN entities sp ON sp.id = q.speaker_entity_id
LEFT JOIN entities v ON v.id = q.via_entity_id
WHERE p.article_id = ?1
ORDER BY q.id
