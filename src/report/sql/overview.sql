-- name: overview
-- description: Articles, body paragraphs and words per outlet and month.
-- param: source  only this outlet, by name (default: every outlet)
-- param: from    first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to      last publication date, 'YYYY-MM-DD' (default: the latest)
SELECT coalesce(s.name, '(no outlet)') AS outlet,
       coalesce(substr(a.published_at, 1, 7), '(undated)') AS month,
       count(*) AS articles,
       sum((SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.kind = 'body')) AS paragraphs,
       sum(a.words) AS words
FROM articles a
LEFT JOIN sources s ON s.id = a.source_id
WHERE (:source IS NULL OR s.name = :source)
  AND (:from IS NULL OR a.published_at >= :from)
  AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
GROUP BY outlet, month
ORDER BY outlet, month;
