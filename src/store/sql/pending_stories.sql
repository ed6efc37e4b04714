-- Articles waiting for their story, in order of publication (undated last).
SELECT article_id, day, terms, signature FROM story_articles
WHERE story_id IS NULL
ORDER BY day IS NULL, day, article_id
