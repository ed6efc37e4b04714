SELECT id FROM articles WHERE content_hash = ?1
