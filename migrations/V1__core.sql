-- corpusdb core schema: outlets, articles, their blocks of text and sentences, and load records.
-- Offsets are Unicode code points, 0-based, end exclusive, into paragraphs.text:
--   substr(p.text, s.start + 1, s."end" - s.start) is the sentence's text.

CREATE TABLE sources (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,   -- the outlet's name as the input gives it
    domain   TEXT,                   -- e.g. www.nytimes.com, when the input names one
    language TEXT
);

CREATE TABLE loads (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,      -- ISO 8601, UTC
    finished_at  TEXT,               -- NULL while running, or when the load was killed
    inputs       TEXT NOT NULL,      -- JSON array of the paths given
    options      TEXT,               -- JSON object of the options that shape the result
    added        INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    skipped      INTEGER NOT NULL DEFAULT 0,  -- already stored: same content hash
    failed       INTEGER NOT NULL DEFAULT 0,  -- records rejected (see load_errors)
    warnings     INTEGER NOT NULL DEFAULT 0,
    bytes        INTEGER NOT NULL DEFAULT 0,  -- article text read, in bytes
    tool_version TEXT NOT NULL
);

CREATE TABLE load_errors (
    id       INTEGER PRIMARY KEY,
    load_id  INTEGER NOT NULL REFERENCES loads(id) ON DELETE CASCADE,
    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    file     TEXT NOT NULL,          -- the input path, or '-' for stdin
    line     INTEGER,                -- 1-based line in the file, when known
    record   INTEGER,                -- 1-based record number in the file, when known
    message  TEXT NOT NULL
);
CREATE INDEX load_errors_load ON load_errors(load_id);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER REFERENCES sources(id),
    external_id   TEXT,              -- the input's id, or the file's path for plain text
    url           TEXT,
    title         TEXT,
    dek           TEXT,              -- subtitle / standfirst
    byline        TEXT,
    published_at  TEXT,              -- ISO 8601 date or date-time, when the raw date parses
    published_raw TEXT,              -- the date as the input gave it
    language      TEXT,
    content_hash  TEXT NOT NULL UNIQUE,  -- blake3 of outlet, title and text: re-loads add nothing
    origin        TEXT NOT NULL,     -- file:line (or file#record) the article came from
    load_id       INTEGER NOT NULL REFERENCES loads(id),
    words         INTEGER NOT NULL DEFAULT 0  -- words in the title, dek and body blocks
);
CREATE INDEX articles_source_date ON articles(source_id, published_at);
CREATE INDEX articles_date ON articles(published_at);
CREATE INDEX articles_external_id ON articles(external_id);
CREATE INDEX articles_url ON articles(url);

-- Every block of the input, in order; nothing is dropped. kind is one of title, dek, body
-- or a class of text set aside (navigation, caption, ...); reason says why, for people.
CREATE TABLE paragraphs (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,     -- 0-based order of the block in its article
    kind       TEXT NOT NULL,
    reason     TEXT,
    language   TEXT,
    text       TEXT NOT NULL,
    UNIQUE (article_id, position)
);
CREATE INDEX paragraphs_kind ON paragraphs(kind);

CREATE TABLE sentences (
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,   -- 0-based order in the paragraph
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    PRIMARY KEY (paragraph_id, position)
) WITHOUT ROWID;
