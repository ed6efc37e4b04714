-- name: sources
-- description: Outlets with their article counts, words and first and last publication dates.
-- param: limit  rows at most (default: 1000)
-- Counts from the per-day rollup, dates from the (source_id, published_at) index.
SELECT s.id, s.name AS outlet, s.domain,
       coalesce((SELECT sum(d.articles) FROM source_days d WHERE d.source_id = s.id), 0) AS articles,
       coalesce((SELECT sum(d.words) FROM source_days d WHERE d.source_id = s.id), 0) AS words,
       (SELECT min(a.published_at) FROM articles a WHERE a.source_id = s.id) AS first_date,
       (SELECT max(a.published_at) FROM articles a WHERE a.source_id = s.id) AS last_date
FROM sources s
ORDER BY articles DESC, outlet
LIMIT coalesce(:limit, 1000);
