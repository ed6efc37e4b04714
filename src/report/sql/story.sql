-- name: story
-- description: One story's articles side by side: per outlet's article, the entities it names in its lead (title, dek, first two body paragraphs) and those it names only later, the quotes it chose, and the entities, dates and quotes only it includes (captions count: a photo credit names whose pictures it ran).
-- param: id     (required, e.g. 1) the story's id (see the stories report)
-- param: limit  rows at most (default: 500)
WITH members AS (
    SELECT sa.article_id, sa.evidence, sa.copy_of, a.title, a.published_at, s.name AS outlet
    FROM story_articles sa
    JOIN articles a ON a.id = sa.article_id
    LEFT JOIN sources s ON s.id = a.source_id
    WHERE sa.story_id = :id
),
content AS (
    -- The lead: the title, the dek and the first two body paragraphs.
    SELECT p.id, p.article_id, p.position,
           p.kind IN ('title', 'dek')
           OR (p.kind = 'body' AND (SELECT count(*) FROM paragraphs b
                                    WHERE b.article_id = p.article_id AND b.kind = 'body'
                                      AND b.position < p.position) < 2) AS lead
    FROM members mb
    JOIN paragraphs p ON p.article_id = mb.article_id AND p.kind IN ('title', 'dek', 'body', 'caption')
),
named AS (
    -- Each entity an article names, where first, and whether in its lead.
    SELECT c.article_id, e.id AS entity_id, e.name, e.kind, max(c.lead) AS in_lead,
           min(c.position * 100000 + m.start) AS first_at
    FROM content c JOIN mentions m ON m.paragraph_id = c.id JOIN entities e ON e.id = m.entity_id
    GROUP BY c.article_id, e.id
),
items AS (
    -- Entities, by entity; dates, by the day, month or year they name (else their words);
    -- quotes, by their echo cluster: the same item however each outlet wrote it.
    SELECT article_id, 'entity' AS what, 'e' || entity_id AS key, name || ' (' || kind || ')' AS item
    FROM named
    UNION ALL
    SELECT c.article_id, 'date', 'd' || coalesce(d.value, lower(d.text)), min(d.text)
    FROM content c JOIN date_mentions d ON d.paragraph_id = c.id
    GROUP BY c.article_id, coalesce(d.value, lower(d.text))
    UNION ALL
    SELECT c.article_id, 'quote', 'q' || coalesce(q.cluster_id, q.echo_key),
           min(coalesce(q.speaker_text || ': ', '') || '"' || q.text || '"')
    FROM content c JOIN quotes q ON q.paragraph_id = c.id
    GROUP BY c.article_id, coalesce(q.cluster_id, q.echo_key)
)
SELECT article_id, outlet, date, what, item FROM (
    SELECT mb.article_id, mb.outlet, mb.published_at AS date, 'article' AS what, 0 AS rank, 0 AS ord,
           coalesce(mb.title, '') || CASE WHEN mb.copy_of IS NOT NULL THEN ' [copy of article ' || mb.copy_of || ']' ELSE '' END AS item
    FROM members mb
    UNION ALL
    -- Who the outlet put first: named in its lead, in order of first mention.
    SELECT mb.article_id, mb.outlet, mb.published_at, 'lead entities', 1, 0,
           (SELECT group_concat(name, '; ') FROM (SELECT name FROM named n
            WHERE n.article_id = mb.article_id AND n.in_lead ORDER BY first_at))
    FROM members mb
    UNION ALL
    -- Who it named only further down.
    SELECT mb.article_id, mb.outlet, mb.published_at, 'late entities', 2, 0,
           (SELECT group_concat(name, '; ') FROM (SELECT name FROM named n
            WHERE n.article_id = mb.article_id AND NOT n.in_lead ORDER BY first_at))
    FROM members mb
    UNION ALL
    -- The quotes it chose, in the order it ran them.
    SELECT mb.article_id, mb.outlet, mb.published_at, 'quote', 3, c.position * 100000 + q.start,
           coalesce(q.speaker_text || ': ', '') || '"' || q.text || '"'
    FROM members mb
    JOIN content c ON c.article_id = mb.article_id
    JOIN quotes q ON q.paragraph_id = c.id
    UNION ALL
    SELECT i.article_id, mb.outlet, mb.published_at, 'only ' || i.what,
           CASE i.what WHEN 'entity' THEN 4 WHEN 'date' THEN 5 ELSE 6 END, 0, i.item
    FROM items i JOIN members mb ON mb.article_id = i.article_id
    WHERE NOT EXISTS (SELECT 1 FROM items o WHERE o.key = i.key AND o.article_id <> i.article_id)
)
WHERE item IS NOT NULL
ORDER BY date IS NULL, date, article_id, rank, ord, item
LIMIT coalesce(:limit, 500);
