-- Grouped dated articles outside days ?1..?2 (Julian day numbers), the last ?3 by day, with
-- their story and terms: the dated stories an undated article of this load may join beyond
-- those the sweep passes (earlier loads' other days).
SELECT story_id, terms FROM story_articles
WHERE story_id IS NOT NULL AND day IS NOT NULL AND (day < ?1 OR day > ?2)
ORDER BY day DESC, article_id DESC
LIMIT ?3
