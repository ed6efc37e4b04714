-- Direct quotations with their speaker, cue and channel, and clusters of the same quote
-- across articles and outlets (echoes). Offsets are code points into paragraphs.text of the
-- quote's text without its marks.

CREATE TABLE quote_clusters (
    id                INTEGER PRIMARY KEY,
    key               TEXT NOT NULL UNIQUE,   -- the normalised quote text the cluster gathers
    first_quote_id    INTEGER,                -- the earliest published occurrence seen
    first_article_id  INTEGER,
    first_source_id   INTEGER,
    first_published_at TEXT,
    quotes            INTEGER NOT NULL DEFAULT 0,
    articles          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE quotes (
    id                INTEGER PRIMARY KEY,
    paragraph_id      INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    text              TEXT NOT NULL,
    speaker_text      TEXT,                   -- the speaker as written: "Assad", "he"
    speaker_entity_id INTEGER REFERENCES entities(id),
    cue               TEXT,                   -- "said", "cited as saying", "expressed confidence"
    via_text          TEXT,                   -- the channel as written: "KCNA"
    via_entity_id     INTEGER REFERENCES entities(id),
    partial           INTEGER NOT NULL DEFAULT 0,  -- a quoted fragment inside a sentence
    rule              TEXT,                   -- the attribution pattern that fired
    echo_key          TEXT,
    cluster_id        INTEGER REFERENCES quote_clusters(id)
);
CREATE INDEX quotes_paragraph ON quotes(paragraph_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);
CREATE INDEX quotes_cluster ON quotes(cluster_id);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text,
    content="quotes",
    content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;

-- One row per quote with its speaker, channel, outlet and date.
CREATE VIEW quote_overview AS
SELECT q.id AS quote_id, q.text AS quote,
       coalesce(sp.name, q.speaker_text) AS speaker, q.speaker_text, q.speaker_entity_id,
       q.cue, coalesce(v.name, q.via_text) AS via, q.partial,
       s.name AS outlet, a.published_at AS date, a.id AS article_id, a.title, q.cluster_id
FROM quotes q
JOIN paragraphs p ON p.id = q.paragraph_id
JOIN articles a ON a.id = p.article_id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN entities sp ON sp.id = q.speaker_entity_id
LEFT JOIN entities v ON v.id = q.via_entity_id;

-- Quotes carried by more than one article: each occurrence, with the cluster's first one.
CREATE VIEW quote_echoes AS
SELECT c.id AS cluster_id, c.quotes, c.articles,
       fs.name AS first_outlet, c.first_published_at AS first_date, c.first_article_id,
       q.id AS quote_id, q.text AS variant, coalesce(sp.name, q.speaker_text) AS speaker,
       s.name AS outlet, a.published_at AS date, a.id AS article_id
FROM quote_clusters c
JOIN quotes q ON q.cluster_id = c.id
JOIN paragraphs p ON p.id = q.paragraph_id
JOIN articles a ON a.id = p.article_id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN sources fs ON fs.id = c.first_source_id
LEFT JOIN entities sp ON sp.id = q.speaker_entity_id
WHERE c.articles > 1;
