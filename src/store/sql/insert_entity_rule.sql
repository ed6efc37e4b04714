INSERT OR REPLACE INTO entity_rules (key, alias, kind, name, origin)
VALUES (:key, :alias, :kind, :name, :origin)
