SELECT m.paragraph_id, m.sentence, m.entity_id
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
WHERE p.article_id = ?1
