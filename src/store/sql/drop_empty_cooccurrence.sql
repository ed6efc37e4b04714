DELETE FROM cooccurrence_counts WHERE entity_id = :entity_id AND other_id = :other_id AND paragraphs <= 0
