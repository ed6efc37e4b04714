-- name: entities
-- description: Most mentioned entities, by kind, outlet and period; with a kind, counted by the mentions of that kind (a mention's own kind, mentions.kind).
-- param: kind    person, org, place or misc (default: every kind)
-- param: source  only articles of this outlet (default: every outlet)
-- param: from    first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to      last publication date, 'YYYY-MM-DD' (default: the latest)
-- param: limit   rows at most (default: 50)
-- Read from the rollups (migration V14) by their rank index when no outlet or period
-- narrows it; counted over the mentions otherwise. Exactly one of the three parts runs.
SELECT * FROM (
    SELECT e.id AS entity_id, e.kind AS kind, e.name, e.country, t.mentions, t.articles
    FROM entity_totals t
    JOIN entities e ON e.id = t.entity_id
    WHERE :kind IS NULL AND :source IS NULL AND :from IS NULL AND :to IS NULL
    ORDER BY t.articles DESC, t.mentions DESC, e.name
    LIMIT coalesce(:limit, 50)
)
UNION ALL
SELECT * FROM (
    SELECT e.id, :kind, e.name, e.country, t.mentions, t.articles
    FROM entity_kind_totals t
    JOIN entities e ON e.id = t.entity_id
    WHERE t.kind = :kind AND :source IS NULL AND :from IS NULL AND :to IS NULL
    ORDER BY t.articles DESC, t.mentions DESC, e.name
    LIMIT coalesce(:limit, 50)
)
UNION ALL
SELECT * FROM (
    SELECT e.id, coalesce(:kind, e.kind), e.name, e.country,
           count(*) AS mentions, count(DISTINCT p.article_id) AS articles
    FROM mentions m
    JOIN entities e ON e.id = m.entity_id
    JOIN paragraphs p ON p.id = m.paragraph_id
    JOIN articles a ON a.id = p.article_id
    LEFT JOIN sources s ON s.id = a.source_id
    WHERE (:source IS NOT NULL OR :from IS NOT NULL OR :to IS NOT NULL)
      AND (:kind IS NULL OR m.kind = :kind)
      AND (:source IS NULL OR s.name = :source)
      AND (:from IS NULL OR a.published_at >= :from)
      AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
    GROUP BY e.id
    ORDER BY articles DESC, mentions DESC, e.name
    LIMIT coalesce(:limit, 50)
);
