INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)
