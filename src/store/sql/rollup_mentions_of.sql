SELECT m.entity_id, m.kind FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE p.article_id = ?1
