-- The stories of dated, grouped articles whose titles match ?1 (an FTS5 query), best bm25
-- first, ?2 titles at most: where an undated article alone looks for its story.
SELECT sa.story_id
FROM articles_fts f
JOIN story_articles sa ON sa.article_id = f.rowid
WHERE articles_fts MATCH ?1 AND sa.day IS NOT NULL AND sa.story_id IS NOT NULL
ORDER BY bm25(articles_fts)
LIMIT ?2
