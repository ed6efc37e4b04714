SELECT DISTINCT p.article_id FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE m.entity_id = ?1
