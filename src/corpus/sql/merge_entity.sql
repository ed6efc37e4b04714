-- Moves everything of entity :from to entity :into, then deletes :from. A mention that
-- changes kind keeps the kind its article gave it.
UPDATE mentions SET linked_kind = coalesce(linked_kind, (SELECT kind FROM entities WHERE id = :from))
WHERE entity_id = :from AND (SELECT kind FROM entities WHERE id = :from) <> (SELECT kind FROM entities WHERE id = :into);
UPDATE mentions SET entity_id = :into WHERE entity_id = :from;
UPDATE quotes SET speaker_entity_id = :into WHERE speaker_entity_id = :from;
UPDATE quotes SET via_entity_id = :into WHERE via_entity_id = :from;
INSERT OR IGNORE INTO entity_aliases (entity_id, alias) SELECT :into, alias FROM entity_aliases WHERE entity_id = :from;
DELETE FROM entities WHERE id = :from;
