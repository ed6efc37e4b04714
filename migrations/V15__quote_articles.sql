-- Views and reports over quotes and co-occurrences in milliseconds at any size (issue #22).
-- Counting `quote_overview` or `quote_echoes` looked up every quote's paragraph, a random
-- read into the largest table (its text), to find the article: 2.6 and 4.1 s at 34k
-- articles. A quote now carries its article (written by the writer, filled here for what
-- is stored). The views read it, and read names, outlets and dates per row, so that
-- `count(*)` reads one index. The columns of every view are unchanged.

ALTER TABLE quotes ADD COLUMN article_id INTEGER REFERENCES articles(id);
UPDATE quotes SET article_id = (SELECT p.article_id FROM paragraphs p WHERE p.id = quotes.paragraph_id);

-- A quote's article (and the foreign key's check when an article is deleted); the newest
-- quotes first goes through articles by date, then their quotes.
CREATE INDEX quotes_article ON quotes(article_id);

-- A cluster's quotes with their articles, without reading the quotes (quote_echoes, and
-- the writer asking whether a cluster already has a quote in an article).
DROP INDEX quotes_cluster;
CREATE INDEX quotes_cluster ON quotes(cluster_id, article_id);

-- The clusters that echo (carried by more than one article).
CREATE INDEX quote_clusters_echoed ON quote_clusters(id) WHERE articles > 1;

-- An entity by its name (the entity, cooccurrence, timeline and outlets reports, and users'
-- own `WHERE name = ...`), without reading every entity.
CREATE INDEX entities_name ON entities(name);

-- Everything but the rows counted is read per row (a subquery, not a join), so that
-- `count(*)` reads one index instead of looking up each quote's article, outlet and
-- speaker (4 and 3 lookups a quote before). Every quote has its article (the foreign keys
-- cascade), so no row is added or lost.
DROP VIEW quote_overview;
CREATE VIEW quote_overview AS
SELECT q.id AS quote_id, q.text AS quote,
       coalesce((SELECT sp.name FROM entities sp WHERE sp.id = q.speaker_entity_id), q.speaker_text) AS speaker,
       q.speaker_text, q.speaker_entity_id, q.cue,
       coalesce((SELECT v.name FROM entities v WHERE v.id = q.via_entity_id), q.via_text) AS via,
       q.partial,
       (SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = q.article_id) AS outlet,
       (SELECT a.published_at FROM articles a WHERE a.id = q.article_id) AS date,
       q.article_id,
       (SELECT a.title FROM articles a WHERE a.id = q.article_id) AS title,
       q.cluster_id
FROM quotes q;
DROP VIEW quote_echoes;
CREATE VIEW quote_echoes AS
SELECT c.id AS cluster_id, c.quotes, c.articles,
       (SELECT fs.name FROM sources fs WHERE fs.id = c.first_source_id) AS first_outlet,
       c.first_published_at AS first_date, c.first_article_id,
       q.id AS quote_id, q.text AS variant,
       coalesce((SELECT sp.name FROM entities sp WHERE sp.id = q.speaker_entity_id), q.speaker_text) AS speaker,
       (SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = q.article_id) AS outlet,
       (SELECT a.published_at FROM articles a WHERE a.id = q.article_id) AS date,
       q.article_id
FROM quote_clusters c
JOIN quotes q ON q.cluster_id = c.id
WHERE c.articles > 1;

-- Names are read per row rather than joined: `count(*)` then counts the pairs without
-- looking up two entities for each (5.3 s at 34k articles). Every id in
-- cooccurrence_counts is a stored entity (merging entities moves their pairs), so no row
-- is added or lost.
DROP VIEW cooccurrence;
CREATE VIEW cooccurrence AS
SELECT c.entity_id, (SELECT e.name FROM entities e WHERE e.id = c.entity_id) AS entity,
       c.other_id, (SELECT o.kind FROM entities o WHERE o.id = c.other_id) AS other_kind,
       (SELECT o.name FROM entities o WHERE o.id = c.other_id) AS other,
       c.paragraphs, c.sentences, c.articles
FROM (
    SELECT entity_id, other_id, paragraphs, sentences, articles FROM cooccurrence_counts WHERE entity_id < other_id
    UNION ALL
    SELECT other_id, entity_id, paragraphs, sentences, articles FROM cooccurrence_counts WHERE entity_id < other_id
) c;
