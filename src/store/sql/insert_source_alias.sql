INSERT INTO source_aliases (alias, source_id) VALUES (?1, ?2)
ON CONFLICT (alias) DO NOTHING
