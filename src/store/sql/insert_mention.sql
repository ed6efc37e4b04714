INSERT INTO mentions (entity_id, paragraph_id, sentence, start, "end", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
