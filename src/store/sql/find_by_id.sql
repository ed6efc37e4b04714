-- The stored article an input with an id means to update: same outlet, same id.
SELECT id FROM articles WHERE external_id = :external_id AND source_id IS :source_id ORDER BY id LIMIT 1
