-- name: speakers
-- description: The most quoted people, with quote counts, articles and outlets.
-- param: source  only this outlet (default: every outlet)
-- param: limit   rows at most (default: 50)
-- Read from the speaker-per-outlet rollup (migration V14; outlet 0 for none).
SELECT e.name AS speaker, sum(x.quotes) AS quotes, sum(x.articles) AS articles,
       count(nullif(x.source_id, 0)) AS outlets
FROM speaker_sources x
JOIN entities e ON e.id = x.entity_id
LEFT JOIN sources s ON s.id = x.source_id
WHERE (:source IS NULL OR s.name = :source)
GROUP BY e.id
ORDER BY quotes DESC, e.name
LIMIT coalesce(:limit, 50);
