-- Articles waiting for their story, in order of publication (undated last), with the terms
-- their frequencies count.
SELECT article_id, day, terms FROM story_articles
WHERE story_id IS NULL
ORDER BY day IS NULL, day, article_id
