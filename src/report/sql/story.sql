-- name: story
-- description: One story's articles side by side: each outlet's article, and the entities, dates and quotes only it includes (captions count: a photo credit names whose pictures it ran).
-- param: id  (required, e.g. 1) the story's id (see the stories report)
WITH members AS (
    SELECT sa.article_id, sa.evidence, sa.copy_of, a.title, a.published_at, s.name AS outlet
    FROM story_articles sa
    JOIN articles a ON a.id = sa.article_id
    LEFT JOIN sources s ON s.id = a.source_id
    WHERE sa.story_id = :id
),
content AS (
    SELECT p.id, p.article_id FROM members mb
    JOIN paragraphs p ON p.article_id = mb.article_id AND p.kind IN ('title', 'dek', 'body', 'caption')
),
items AS (
    -- Entities, by entity; dates, by the day, month or year they name (else their words);
    -- quotes, by their echo cluster: the same item however each outlet wrote it.
    SELECT c.article_id, 1 AS rank, 'entity' AS what, 'e' || e.id AS key, e.name || ' (' || e.kind || ')' AS item
    FROM content c JOIN mentions m ON m.paragraph_id = c.id JOIN entities e ON e.id = m.entity_id
    GROUP BY c.article_id, e.id
    UNION ALL
    SELECT c.article_id, 2, 'date', 'd' || coalesce(d.value, lower(d.text)), min(d.text)
    FROM content c JOIN date_mentions d ON d.paragraph_id = c.id
    GROUP BY c.article_id, coalesce(d.value, lower(d.text))
    UNION ALL
    SELECT c.article_id, 3, 'quote', 'q' || coalesce(q.cluster_id, q.echo_key),
           min(coalesce(q.speaker_text || ': ', '') || '"' || q.text || '"')
    FROM content c JOIN quotes q ON q.paragraph_id = c.id
    GROUP BY c.article_id, coalesce(q.cluster_id, q.echo_key)
)
SELECT article_id, outlet, date, what, item FROM (
    SELECT mb.article_id, mb.outlet, mb.published_at AS date, 'article' AS what,
           coalesce(mb.title, '') || CASE WHEN mb.copy_of IS NOT NULL THEN ' [copy of article ' || mb.copy_of || ']' ELSE '' END AS item
    FROM members mb
    UNION ALL
    SELECT i.article_id, mb.outlet, mb.published_at, 'only ' || i.what, i.item
    FROM items i JOIN members mb ON mb.article_id = i.article_id
    WHERE NOT EXISTS (SELECT 1 FROM items o WHERE o.key = i.key AND o.article_id <> i.article_id)
)
ORDER BY date IS NULL, date, article_id, CASE what WHEN 'article' THEN 0 WHEN 'only entity' THEN 1 WHEN 'only date' THEN 2 ELSE 3 END, item;
