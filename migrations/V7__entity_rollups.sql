-- Co-occurrence as a table kept up to date by every load (the view over a self-join of
-- `mentions` took 40 s to list on 37k articles, too slow for a dashboard or an export), and
-- the user's alias rules (`corpusdb load --aliases FILE`), kept so that later loads follow
-- them too.

-- Pairs of entities mentioned in the same paragraph, each pair once (entity_id < other_id),
-- plus one row per entity with entity_id = other_id: the paragraphs, sentences and articles
-- that mention it at all (what PMI divides by).
CREATE TABLE cooccurrence_counts (
    entity_id  INTEGER NOT NULL,
    other_id   INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL,         -- paragraphs that mention both
    sentences  INTEGER NOT NULL,         -- sentences that mention both
    articles   INTEGER NOT NULL,         -- articles with a paragraph that mentions both
    PRIMARY KEY (entity_id, other_id)
) WITHOUT ROWID;
CREATE INDEX cooccurrence_counts_other ON cooccurrence_counts(other_id);

INSERT INTO cooccurrence_counts (entity_id, other_id, paragraphs, sentences, articles)
WITH units AS (
    SELECT DISTINCT paragraph_id, sentence, entity_id FROM mentions
),
per_paragraph AS (
    SELECT a.paragraph_id, a.entity_id AS e, b.entity_id AS o, sum(a.sentence IS b.sentence) AS sentences
    FROM units a JOIN units b ON b.paragraph_id = a.paragraph_id AND b.entity_id >= a.entity_id
    GROUP BY a.paragraph_id, a.entity_id, b.entity_id
)
SELECT e, o, count(*), sum(sentences), count(DISTINCT p.article_id)
FROM per_paragraph JOIN paragraphs p ON p.id = per_paragraph.paragraph_id
GROUP BY e, o;

-- Pairs of entities mentioned in the same paragraph, in both directions (filter on
-- entity_id for one entity's company), with both names.
DROP VIEW cooccurrence;
CREATE VIEW cooccurrence AS
SELECT c.entity_id, e.name AS entity, c.other_id, o.kind AS other_kind, o.name AS other,
       c.paragraphs, c.sentences, c.articles
FROM (
    SELECT entity_id, other_id, paragraphs, sentences, articles FROM cooccurrence_counts WHERE entity_id < other_id
    UNION ALL
    SELECT other_id, entity_id, paragraphs, sentences, articles FROM cooccurrence_counts WHERE entity_id < other_id
) c
JOIN entities e ON e.id = c.entity_id
JOIN entities o ON o.id = c.other_id;

-- Merging entities (alias rules) moves quotes by their channel too.
CREATE INDEX quotes_via ON quotes(via_entity_id);

-- Alias rules: a name (by its key, as entities.key) and the entity it stands for. The user's
-- (`--aliases`) hold whatever kind the tagger gave the name; the ones learned from the corpus
-- (a surname nearly always written for one person) hold for people only.
CREATE TABLE entity_rules (
    key       TEXT PRIMARY KEY,          -- alias_key of the alias: "trump", "nyt"
    alias     TEXT NOT NULL,             -- as written
    kind      TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place', 'misc')),
    name      TEXT NOT NULL,             -- the canonical name it maps to
    only_kind TEXT,                      -- NULL: a name of any kind; else only a name of this kind
    origin    TEXT                       -- file:line of the user's rule, or the corpus evidence
) WITHOUT ROWID;
