INSERT INTO sentences (paragraph_id, position, start, "end") VALUES (?1, ?2, ?3, ?4)
