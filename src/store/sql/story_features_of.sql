-- What grouping compares for one stored article.
SELECT terms, signature FROM story_articles WHERE article_id = ?1
