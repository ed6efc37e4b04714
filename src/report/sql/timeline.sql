-- name: timeline
-- description: Mentions of one entity per day, week or month of publication.
-- param: name  (required, e.g. 'Assad') the entity's canonical name or any alias
-- param: by    'day', 'week' or 'month' (default: month)
-- param: from  first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to    last publication date, 'YYYY-MM-DD' (default: the latest)
WITH target AS (
    SELECT e.id FROM entities e WHERE e.name = :name
    UNION
    SELECT a.entity_id FROM entity_aliases a WHERE a.alias = :name
)
SELECT CASE coalesce(:by, 'month')
           WHEN 'day' THEN substr(a.published_at, 1, 10)
           WHEN 'week' THEN strftime('%Y-W%W', a.published_at)
           ELSE substr(a.published_at, 1, 7)
       END AS period,
       count(*) AS mentions,
       count(DISTINCT a.id) AS articles
FROM mentions m
JOIN paragraphs p ON p.id = m.paragraph_id
JOIN articles a ON a.id = p.article_id
WHERE m.entity_id IN target AND a.published_at IS NOT NULL
  AND (:from IS NULL OR substr(a.published_at, 1, 10) >= :from)
  AND (:to IS NULL OR substr(a.published_at, 1, 10) <= :to)
GROUP BY period
ORDER BY period;
