-- One article of a misjudged pair, by external id: outlet, day, title, story terms.
SELECT a.id, s.name, substr(a.published_at, 1, 10), a.title, sa.terms
FROM articles a
LEFT JOIN sources s ON s.id = a.source_id
JOIN story_articles sa ON sa.article_id = a.id
WHERE a.external_id = ?1
LIMIT 1
