SELECT q.speaker_entity_id FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.article_id = ?1
