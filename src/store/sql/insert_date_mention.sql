INSERT INTO date_mentions (paragraph_id, start, "end", text, value, granularity) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
