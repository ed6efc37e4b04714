SELECT coalesce(source_id, 0), coalesce(substr(published_at, 1, 10), ''), published_at, words
FROM articles WHERE id = ?1
