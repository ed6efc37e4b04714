-- Stories: articles from different outlets about the same event, grouped as they load, with
-- wire copy and syndication (the same text under several outlets) flagged. And the views a
-- dashboard reads: one row per article, per outlet and day, per story. No view reads an FTS
-- table, and every column has a stable type (computed ones are CAST).

CREATE TABLE stories (
    id                 INTEGER PRIMARY KEY,
    title              TEXT,             -- the title of its first article
    first_article_id   INTEGER,          -- the earliest published article (then the lowest id)
    first_published_at TEXT,
    last_published_at  TEXT,
    articles           INTEGER NOT NULL DEFAULT 0,
    sources            INTEGER NOT NULL DEFAULT 0,   -- distinct outlets
    copies             INTEGER NOT NULL DEFAULT 0    -- articles that repeat another's text
);

-- The story of each article, why it joined, and what the grouping compares. Articles are
-- grouped at the end of each load, in order of publication: an article joins the story of
-- the most similar article already grouped, if similar enough, or starts a new story. Until
-- then (during a load, or after a load was killed) story_id and evidence are NULL.
CREATE TABLE story_articles (
    article_id         INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id           INTEGER REFERENCES stories(id),
    evidence           TEXT CHECK (evidence IN ('first', 'copy', 'text', 'quote')),
    matched_article_id INTEGER,          -- the article it was found similar to
    similarity         REAL,             -- 0..1: shingle overlap for a copy, else term cosine
    copy_of            INTEGER,          -- the earlier article whose text this one repeats
    day                INTEGER,          -- publication day (Julian day number), for the window
    terms              TEXT NOT NULL,    -- "term:count ..." the article's salient terms
    signature          BLOB NOT NULL     -- MinHash of its 5-word shingles (32 x u32, LE)
);
CREATE INDEX story_articles_story ON story_articles(story_id);
CREATE INDEX story_articles_day ON story_articles(day);

-- In how many grouped articles each term occurs: the weights of the comparison.
CREATE TABLE story_terms (
    term     TEXT PRIMARY KEY,
    articles INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per article, with its outlet, day, size and what was extracted from it.
CREATE VIEW article_overview AS
SELECT a.id AS article_id, s.name AS outlet, a.title, a.published_at,
       CAST(substr(a.published_at, 1, 10) AS TEXT) AS day,
       CAST(substr(a.published_at, 1, 4) AS INTEGER) AS year,
       a.language, a.words, a.url,
       CAST((SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.kind = 'body') AS INTEGER) AS paragraphs,
       CAST((SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.kind NOT IN ('title', 'dek', 'body')) AS INTEGER) AS set_aside,
       CAST((SELECT count(*) FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.article_id = a.id) AS INTEGER) AS quotes,
       CAST((SELECT count(*) FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE p.article_id = a.id) AS INTEGER) AS mentions,
       sa.story_id, sa.copy_of
FROM articles a
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN story_articles sa ON sa.article_id = a.id;

-- Articles, words and quotes per outlet and day of publication.
CREATE VIEW source_daily AS
SELECT a.source_id, s.name AS outlet, CAST(substr(a.published_at, 1, 10) AS TEXT) AS day,
       CAST(count(*) AS INTEGER) AS articles,
       CAST(sum(a.words) AS INTEGER) AS words,
       CAST(sum((SELECT count(*) FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.article_id = a.id)) AS INTEGER) AS quotes
FROM articles a
LEFT JOIN sources s ON s.id = a.source_id
WHERE a.published_at IS NOT NULL
GROUP BY a.source_id, day;

-- One row per story: its size, span of days and how many of its articles are copies.
CREATE VIEW story_overview AS
SELECT st.id AS story_id, st.title, st.first_published_at AS first_date,
       st.last_published_at AS last_date, st.articles, st.sources AS outlets, st.copies,
       fs.name AS first_outlet, st.first_article_id
FROM stories st
LEFT JOIN articles fa ON fa.id = st.first_article_id
LEFT JOIN sources fs ON fs.id = fa.source_id;
