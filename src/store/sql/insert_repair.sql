INSERT INTO article_repairs (article_id, repair, count) VALUES (?1, ?2, ?3)
