-- A story's articles and their stored terms.
SELECT article_id, terms FROM story_articles WHERE story_id = ?1 ORDER BY article_id
