-- Every entity with this key, of any kind (the unique index on (kind, key) serves this).
SELECT id FROM entities
WHERE kind IN ('person', 'org', 'place', 'misc') AND key = :key AND id <> :except
