-- Moves everything of entity :from to entity :into, then deletes :from.
UPDATE mentions SET entity_id = :into WHERE entity_id = :from;
UPDATE quotes SET speaker_entity_id = :into WHERE speaker_entity_id = :from;
UPDATE quotes SET via_entity_id = :into WHERE via_entity_id = :from;
INSERT OR IGNORE INTO entity_aliases (entity_id, alias) SELECT :into, alias FROM entity_aliases WHERE entity_id = :from;
DELETE FROM entities WHERE id = :from;
