SELECT story_id FROM story_articles WHERE article_id = ?1
