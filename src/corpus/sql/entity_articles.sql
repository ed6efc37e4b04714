SELECT p.article_id FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE m.entity_id = ?1
UNION
SELECT p.article_id FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id WHERE q.speaker_entity_id = ?1
