-- name: overview
-- description: Articles, body paragraphs and words per outlet and month.
-- param: source  only this outlet, by name (default: every outlet)
-- param: from    first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to      last publication date, 'YYYY-MM-DD' (default: the latest)
-- Read from the outlet-per-day rollup (migration V14; day '' for undated articles).
SELECT coalesce(s.name, '(no outlet)') AS outlet,
       coalesce(nullif(substr(d.day, 1, 7), ''), '(undated)') AS month,
       sum(d.articles) AS articles,
       sum(d.paragraphs) AS paragraphs,
       sum(d.words) AS words
FROM source_days d
LEFT JOIN sources s ON s.id = d.source_id
WHERE (:source IS NULL OR s.name = :source)
  AND (:from IS NULL OR d.day >= :from)
  AND (:to IS NULL OR (d.day <> '' AND d.day < date(:to, '+1 day')))
GROUP BY outlet, month
ORDER BY outlet, month;
