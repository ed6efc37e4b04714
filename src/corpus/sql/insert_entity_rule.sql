INSERT OR REPLACE INTO entity_rules (key, alias, kind, name, only_kind, origin)
VALUES (:key, :alias, :kind, :name, NULL, :origin)
