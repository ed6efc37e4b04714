-- Each mention's own kind (issue #20): the kind its context gives it (the tagger's reading,
-- made consistent within the article by linking), whatever entity it joins. A club named
-- after its city is an org mention even where the city is a place entity; a nationality
-- ("Syrian") is a misc mention of the nationality, which carries its country's code. Reports
-- and views that count people, organisations or places count mentions by this kind; the
-- entity's own kind (entities.kind) is the kind most of its mentions have.
ALTER TABLE mentions ADD COLUMN kind TEXT NOT NULL DEFAULT 'misc'
    CHECK (kind IN ('person', 'org', 'place', 'misc'));

-- Mentions stored before: the kind their article's linking gave them (kept in linked_kind
-- when an alias rule has since moved them to an entity of another kind), else their
-- entity's.
UPDATE mentions SET kind = coalesce(linked_kind, (SELECT e.kind FROM entities e WHERE e.id = mentions.entity_id));

-- Mentions per entity, kind of mention and day of publication (kind: the mention's own).
DROP VIEW entity_daily;
CREATE VIEW entity_daily AS
SELECT e.id AS entity_id, m.kind, e.name, substr(a.published_at, 1, 10) AS day,
       count(*) AS mentions, count(DISTINCT a.id) AS articles
FROM mentions m
JOIN entities e ON e.id = m.entity_id
JOIN paragraphs p ON p.id = m.paragraph_id
JOIN articles a ON a.id = p.article_id
WHERE a.published_at IS NOT NULL
GROUP BY e.id, m.kind, day;

-- One row per entity and kind of mention: how often the entity is mentioned as a person,
-- an organisation, a place or misc ("top places": WHERE kind = 'place' ORDER BY mentions
-- DESC), with the entity's own kind beside it.
CREATE VIEW entity_kinds AS
SELECT e.id AS entity_id, m.kind, e.kind AS entity_kind, e.name, e.country,
       count(*) AS mentions,
       count(DISTINCT p.article_id) AS articles
FROM mentions m
JOIN entities e ON e.id = m.entity_id
JOIN paragraphs p ON p.id = m.paragraph_id
GROUP BY e.id, m.kind;
