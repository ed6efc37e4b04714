INSERT INTO paragraphs_fts (rowid, text) VALUES (?1, ?2)
