DELETE FROM articles WHERE id = ?1
