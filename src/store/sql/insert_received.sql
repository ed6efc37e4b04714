INSERT INTO article_received (article_id, field, text) VALUES (?1, ?2, ?3)
