-- Full-text search over paragraph text and article titles (FTS5, external content).
-- The loader writes the index rows itself as it inserts (much faster than an insert
-- trigger); the update and delete triggers keep edits made in SQL in step. After inserting
-- paragraphs by hand in SQL, run: INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('rebuild');

CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text,
    content="paragraphs",
    content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
);

CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER paragraphs_au AFTER UPDATE OF text ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    content="articles",
    content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
);

CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO articles_fts(rowid, title) VALUES (new.id, new.title);
END;

-- Merge index segments 8 at a time rather than 4 during bulk loads: about 15 % faster loads
-- of allsides-37k here, with no measurable change to query time.
INSERT INTO paragraphs_fts (paragraphs_fts, rank) VALUES ('automerge', 8);
