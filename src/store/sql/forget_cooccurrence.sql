DELETE FROM cooccurrence_counts WHERE entity_id = ?1 OR other_id = ?1
