-- Rollups for reports and views in milliseconds at any size (issue #22). Counting over every
-- mention, paragraph or quote at each query took seconds at 37k articles and grew with the
-- corpus; these tables hold the counts, and every load and merge keeps them exact
-- incrementally (store::rollups: each article's share is added as it is stored and taken
-- away when it is replaced; merging entities and setting lines aside move their share).
-- Rows whose counts fall to zero are deleted. An article with no outlet is counted under
-- source_id 0, one with no date under day ''.

-- Per entity: its mentions, the articles that mention it, its first and last publication date.
CREATE TABLE entity_totals (
    entity_id  INTEGER PRIMARY KEY,
    mentions   INTEGER NOT NULL,
    articles   INTEGER NOT NULL,
    first_date TEXT,
    last_date  TEXT
);

-- The most mentioned first (report entities).
CREATE INDEX entity_totals_rank ON entity_totals(articles, mentions);

-- Per entity and kind of mention (mentions.kind).
CREATE TABLE entity_kind_totals (
    entity_id INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, kind)
) WITHOUT ROWID;
CREATE INDEX entity_kind_totals_rank ON entity_kind_totals(kind, articles, mentions);

-- Per entity, kind of mention and day of publication (dated articles only).
CREATE TABLE entity_days (
    entity_id INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    day       TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, kind, day)
) WITHOUT ROWID;

-- Per outlet and day of publication: articles, their words, quotes and body paragraphs.
CREATE TABLE source_days (
    source_id  INTEGER NOT NULL,
    day        TEXT NOT NULL,
    articles   INTEGER NOT NULL,
    words      INTEGER NOT NULL,
    quotes     INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL,
    PRIMARY KEY (source_id, day)
) WITHOUT ROWID;

-- Per speaker (quotes.speaker_entity_id) and outlet: quotes and the articles they are in.
CREATE TABLE speaker_sources (
    entity_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    quotes    INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, source_id)
) WITHOUT ROWID;

-- Per outlet and class of block (paragraphs.kind): blocks, the articles that have one, and
-- for classes set aside the block with the highest id (the report's example).
CREATE TABLE block_counts (
    source_id  INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    blocks     INTEGER NOT NULL,
    articles   INTEGER NOT NULL,
    example_id INTEGER,
    PRIMARY KEY (source_id, kind)
) WITHOUT ROWID;

-- Filled from what is stored (a database upgraded to V14).
INSERT INTO entity_totals (entity_id, mentions, articles, first_date, last_date)
SELECT m.entity_id, count(*), count(DISTINCT p.article_id), min(a.published_at), max(a.published_at)
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
GROUP BY m.entity_id;

INSERT INTO entity_kind_totals (entity_id, kind, mentions, articles)
SELECT m.entity_id, m.kind, count(*), count(DISTINCT p.article_id)
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
GROUP BY m.entity_id, m.kind;

INSERT INTO entity_days (entity_id, kind, day, mentions, articles)
SELECT m.entity_id, m.kind, substr(a.published_at, 1, 10), count(*), count(DISTINCT a.id)
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
WHERE a.published_at IS NOT NULL
GROUP BY m.entity_id, m.kind, substr(a.published_at, 1, 10);

INSERT INTO source_days (source_id, day, articles, words, quotes, paragraphs)
SELECT coalesce(a.source_id, 0), coalesce(substr(a.published_at, 1, 10), ''), count(*), sum(a.words),
       sum((SELECT count(*) FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.article_id = a.id)),
       sum((SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.kind = 'body'))
FROM articles a
GROUP BY 1, 2;

INSERT INTO speaker_sources (entity_id, source_id, quotes, articles)
SELECT q.speaker_entity_id, coalesce(a.source_id, 0), count(*), count(DISTINCT a.id)
FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id JOIN articles a ON a.id = p.article_id
WHERE q.speaker_entity_id IS NOT NULL
GROUP BY 1, 2;

INSERT INTO block_counts (source_id, kind, blocks, articles, example_id)
SELECT coalesce(a.source_id, 0), p.kind, count(*), count(DISTINCT a.id),
       CASE WHEN p.kind NOT IN ('title', 'dek', 'body') THEN max(p.id) END
FROM paragraphs p JOIN articles a ON a.id = p.article_id
GROUP BY 1, 2;

-- The views read the rollups; their columns are unchanged.
DROP VIEW entity_overview;
CREATE VIEW entity_overview AS
SELECT e.id AS entity_id, e.kind, e.name, e.country, e.latitude, e.longitude,
       coalesce(t.mentions, 0) AS mentions,
       coalesce(t.articles, 0) AS articles,
       t.first_date, t.last_date
FROM entities e
LEFT JOIN entity_totals t ON t.entity_id = e.id;

DROP VIEW entity_daily;
CREATE VIEW entity_daily AS
SELECT d.entity_id, d.kind, e.name, d.day, d.mentions, d.articles
FROM entity_days d
JOIN entities e ON e.id = d.entity_id;

DROP VIEW entity_kinds;
CREATE VIEW entity_kinds AS
SELECT k.entity_id, k.kind, e.kind AS entity_kind, e.name, e.country, k.mentions, k.articles
FROM entity_kind_totals k
JOIN entities e ON e.id = k.entity_id;

DROP VIEW source_daily;
CREATE VIEW source_daily AS
SELECT nullif(d.source_id, 0) AS source_id, s.name AS outlet, CAST(d.day AS TEXT) AS day,
       CAST(d.articles AS INTEGER) AS articles,
       CAST(d.words AS INTEGER) AS words,
       CAST(d.quotes AS INTEGER) AS quotes
FROM source_days d
LEFT JOIN sources s ON s.id = d.source_id
WHERE d.day <> '';
