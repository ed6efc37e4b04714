INSERT INTO mentions (entity_id, paragraph_id, sentence, start, "end", text, linked_kind, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
