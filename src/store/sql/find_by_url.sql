-- The stored article an input with a url (and no id) means to update: same outlet, same url.
SELECT id FROM articles WHERE url = :url AND source_id IS :source_id ORDER BY id LIMIT 1
