-- name: articles
-- description: Articles, newest first, filtered by outlet and publication date range.
-- param: source  only this outlet, by name (default: every outlet)
-- param: from    first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to      last publication date, 'YYYY-MM-DD' (default: the latest)
-- param: limit   rows at most (default: 100)
SELECT a.id, a.published_at AS date, s.name AS outlet, a.title, a.words, a.url, a.origin
FROM articles a
LEFT JOIN sources s ON s.id = a.source_id
WHERE (:source IS NULL OR s.name = :source)
  AND (:from IS NULL OR a.published_at >= :from)
  AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
ORDER BY a.published_at DESC, a.id
LIMIT coalesce(:limit, 100);
