-- Every entity with this key, of any kind or of :only_kind (the unique index on (kind, key)
-- serves this).
SELECT id FROM entities
WHERE kind IN ('person', 'org', 'place', 'misc') AND key = :key AND (:only_kind IS NULL OR kind = :only_kind) AND id <> :except
