-- name: entities
-- description: Most mentioned entities, by kind, outlet and period; with a kind, counted by the mentions of that kind (a mention's own kind, mentions.kind).
-- param: kind    person, org, place or misc (default: every kind)
-- param: source  only articles of this outlet (default: every outlet)
-- param: from    first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to      last publication date, 'YYYY-MM-DD' (default: the latest)
-- param: limit   rows at most (default: 50)
-- Read from the rollups (migration V14) when no outlet or period narrows it; counted over
-- the mentions otherwise.
SELECT e.id AS entity_id, coalesce(:kind, e.kind) AS kind, e.name, e.country,
       r.mentions, r.articles
FROM (
    SELECT entity_id, mentions, articles FROM entity_totals
    WHERE :kind IS NULL AND :source IS NULL AND :from IS NULL AND :to IS NULL
    UNION ALL
    SELECT entity_id, mentions, articles FROM entity_kind_totals
    WHERE kind = :kind AND :source IS NULL AND :from IS NULL AND :to IS NULL
    UNION ALL
    SELECT m.entity_id, count(*), count(DISTINCT p.article_id)
    FROM mentions m
    JOIN paragraphs p ON p.id = m.paragraph_id
    JOIN articles a ON a.id = p.article_id
    LEFT JOIN sources s ON s.id = a.source_id
    WHERE (:source IS NOT NULL OR :from IS NOT NULL OR :to IS NOT NULL)
      AND (:kind IS NULL OR m.kind = :kind)
      AND (:source IS NULL OR s.name = :source)
      AND (:from IS NULL OR a.published_at >= :from)
      AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
    GROUP BY m.entity_id
) r
JOIN entities e ON e.id = r.entity_id
ORDER BY r.articles DESC, r.mentions DESC, e.name
LIMIT coalesce(:limit, 50);
