-- Grouped articles that articles published between days ?1 and ?2 (Julian day numbers) can
-- meet: those published in that range, and those with no date.
SELECT article_id, story_id, copy_of, day, terms, signature
FROM story_articles
WHERE story_id IS NOT NULL AND (day BETWEEN ?1 AND ?2 OR day IS NULL)
ORDER BY article_id
