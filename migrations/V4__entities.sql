-- Entities: people, organisations, places and misc (nationalities, events, works), their
-- spellings, their mentions in paragraphs, and date expressions. Offsets are code points
-- into paragraphs.text, 0-based, end exclusive.

CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place', 'misc')),
    name      TEXT NOT NULL,             -- canonical name: "Bashar al-Assad", "North Korea"
    key       TEXT NOT NULL,             -- normalised name the corpus merges on
    country   TEXT,                      -- ISO 3166-1 alpha-2, for places the gazetteer knows
    latitude  REAL,
    longitude REAL,
    UNIQUE (kind, key)
);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,             -- a spelling seen in the text, or a known alias
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    entity_id    INTEGER NOT NULL REFERENCES entities(id),
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    sentence     INTEGER,                -- the sentence's position in its paragraph
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL           -- as written: "Syrian President Bashar al-Assad"
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_paragraph ON mentions(paragraph_id);

CREATE TABLE date_mentions (
    id           INTEGER PRIMARY KEY,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,          -- "Sunday", "30 May", "October 1973"
    value        TEXT,                   -- ISO date it resolves to, when it does
    granularity  TEXT                    -- day, week, month, year
);
CREATE INDEX date_mentions_paragraph ON date_mentions(paragraph_id);
CREATE INDEX date_mentions_value ON date_mentions(value);

-- For people and BI tools: one row per entity with its counts and date range.
CREATE VIEW entity_overview AS
SELECT e.id AS entity_id, e.kind, e.name, e.country, e.latitude, e.longitude,
       count(m.id) AS mentions,
       count(DISTINCT p.article_id) AS articles,
       min(a.published_at) AS first_date,
       max(a.published_at) AS last_date
FROM entities e
LEFT JOIN mentions m ON m.entity_id = e.id
LEFT JOIN paragraphs p ON p.id = m.paragraph_id
LEFT JOIN articles a ON a.id = p.article_id
GROUP BY e.id;

-- Mentions per entity and day of publication.
CREATE VIEW entity_daily AS
SELECT e.id AS entity_id, e.kind, e.name, substr(a.published_at, 1, 10) AS day,
       count(*) AS mentions, count(DISTINCT a.id) AS articles
FROM mentions m
JOIN entities e ON e.id = m.entity_id
JOIN paragraphs p ON p.id = m.paragraph_id
JOIN articles a ON a.id = p.article_id
WHERE a.published_at IS NOT NULL
GROUP BY e.id, day;

-- Pairs of entities mentioned in the same paragraph (filter on entity_id: the whole table is
-- a large self-join).
CREATE VIEW cooccurrence AS
SELECT m1.entity_id, m2.entity_id AS other_id,
       count(DISTINCT m1.paragraph_id) AS paragraphs,
       count(DISTINCT p.article_id) AS articles
FROM mentions m1
JOIN mentions m2 ON m2.paragraph_id = m1.paragraph_id AND m2.entity_id <> m1.entity_id
JOIN paragraphs p ON p.id = m1.paragraph_id
GROUP BY m1.entity_id, m2.entity_id;
