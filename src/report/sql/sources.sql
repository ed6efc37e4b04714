-- name: sources
-- description: Outlets with their article counts, words and first and last publication dates.
-- param: limit  rows at most (default: 1000)
SELECT s.id, s.name AS outlet, s.domain,
       count(a.id) AS articles,
       coalesce(sum(a.words), 0) AS words,
       min(a.published_at) AS first_date,
       max(a.published_at) AS last_date
FROM sources s
LEFT JOIN articles a ON a.source_id = s.id
GROUP BY s.id
ORDER BY articles DESC, outlet
LIMIT coalesce(:limit, 1000);
