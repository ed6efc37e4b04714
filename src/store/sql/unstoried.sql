-- Whether a stored article lacks its story features (stored before stories existed).
SELECT NOT EXISTS (SELECT 1 FROM story_articles WHERE article_id = ?1)
