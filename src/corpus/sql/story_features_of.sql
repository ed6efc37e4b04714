-- What grouping compares for one stored article, and its story if it has one.
SELECT terms, signature, story_id, copy_of FROM story_articles WHERE article_id = ?1
