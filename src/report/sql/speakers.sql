-- name: speakers
-- description: The most quoted people, with quote counts, articles and outlets.
-- param: source  only this outlet (default: every outlet)
-- param: limit   rows at most (default: 50)
SELECT e.name AS speaker, count(*) AS quotes, count(DISTINCT p.article_id) AS articles,
       count(DISTINCT a.source_id) AS outlets
FROM quotes q
JOIN entities e ON e.id = q.speaker_entity_id
JOIN paragraphs p ON p.id = q.paragraph_id
JOIN articles a ON a.id = p.article_id
LEFT JOIN sources s ON s.id = a.source_id
WHERE (:source IS NULL OR s.name = :source)
GROUP BY e.id
ORDER BY quotes DESC, e.name
LIMIT coalesce(:limit, 50);
