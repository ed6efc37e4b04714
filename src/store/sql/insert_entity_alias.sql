INSERT INTO entity_aliases (entity_id, alias) VALUES (?1, ?2) ON CONFLICT DO NOTHING
