INSERT INTO articles_fts (rowid, title) VALUES (?1, ?2)
