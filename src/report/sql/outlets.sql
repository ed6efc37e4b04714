-- name: outlets
-- description: One entity's (or topic's) share of each outlet's coverage: of the outlet's articles in the period, how many mention the entity (or match the search), with mentions and quotes per 100 articles, so that outlets of every size compare.
-- needs: name or query (e.g. name=Assad)
-- param: name   the entity's canonical name or any alias, e.g. 'Assad' (give name or query)
-- param: query  a topic instead of an entity, in FTS5 syntax over titles, deks and body text, e.g. 'wall OR "border security"' (give name or query)
-- param: from   first publication date, 'YYYY-MM-DD' (default: the earliest, undated articles too)
-- param: to     last publication date, 'YYYY-MM-DD' (default: the latest, undated articles too)
-- param: min    outlets with fewer articles in the period are left out (default: 1)
-- param: limit  rows at most (default: 50)
WITH
target AS (
    SELECT e.id FROM entities e WHERE e.name = :name
    UNION
    SELECT a.entity_id FROM entity_aliases a WHERE a.alias = :name
),
period AS (
    SELECT a.id, a.source_id FROM articles a
    WHERE (:from IS NULL OR substr(a.published_at, 1, 10) >= :from)
      AND (:to IS NULL OR substr(a.published_at, 1, 10) <= :to)
),
-- The paragraphs about it (title, dek and body): the entity's mentions, or the topic's matches.
hits(article_id, paragraph_id, n) AS (
    SELECT p.article_id, p.id, count(*)
    FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
    WHERE :name IS NOT NULL AND m.entity_id IN target AND p.kind IN ('title', 'dek', 'body')
    GROUP BY p.id
    UNION ALL
    SELECT p.article_id, p.id, 1
    FROM paragraphs_fts CROSS JOIN paragraphs p ON p.id = paragraphs_fts.rowid
    WHERE :name IS NULL AND paragraphs_fts MATCH coalesce(:query, '""')
      AND p.kind IN ('title', 'dek', 'body')
),
-- Quotes by the entity, or quotes inside the paragraphs that match the topic.
said(article_id, n) AS (
    SELECT p.article_id, count(*)
    FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id
    WHERE :name IS NOT NULL AND q.speaker_entity_id IN target
    GROUP BY p.article_id
    UNION ALL
    SELECT h.article_id, count(*)
    FROM hits h JOIN quotes q ON q.paragraph_id = h.paragraph_id
    WHERE :name IS NULL
    GROUP BY h.article_id
),
per_article AS (
    SELECT pa.id, pa.source_id,
           (SELECT sum(n) FROM hits h WHERE h.article_id = pa.id) AS mentions,
           (SELECT sum(n) FROM said s WHERE s.article_id = pa.id) AS quotes
    FROM period pa
    WHERE pa.id IN (SELECT article_id FROM hits UNION SELECT article_id FROM said)
),
volume AS (
    SELECT source_id, count(*) AS articles FROM period GROUP BY source_id
)
SELECT coalesce(s.name, '(no outlet)') AS outlet,
       v.articles,
       count(x.mentions) AS articles_about,
       round(100.0 * count(x.mentions) / v.articles, 2) AS share_pct,
       coalesce(sum(x.mentions), 0) AS mentions,
       round(100.0 * coalesce(sum(x.mentions), 0) / v.articles, 2) AS mentions_per_100,
       coalesce(sum(x.quotes), 0) AS quotes,
       round(100.0 * coalesce(sum(x.quotes), 0) / v.articles, 2) AS quotes_per_100
FROM volume v
LEFT JOIN sources s ON s.id = v.source_id
LEFT JOIN per_article x ON x.source_id IS v.source_id
WHERE v.articles >= coalesce(:min, 1)
GROUP BY v.source_id
ORDER BY share_pct DESC, articles_about DESC, outlet
LIMIT coalesce(:limit, 50);
