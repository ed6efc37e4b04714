-- Clean text: outlets get one canonical name with aliases (the raw names kept), and blocks a
-- key that finds lines repeated across an outlet's articles. Block kinds and reasons live in
-- paragraphs.kind / paragraphs.reason (V1); the new kinds need no schema change.

-- Every spelling of an outlet an input used (or a built-in alias), pointing at the outlet.
CREATE TABLE source_aliases (
    alias     TEXT PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);
INSERT INTO source_aliases (alias, source_id) SELECT name, id FROM sources;

-- The outlet's name as the input gave it (sources.name is the canonical name).
ALTER TABLE articles ADD COLUMN source_raw TEXT;
UPDATE articles SET source_raw = (SELECT name FROM sources WHERE sources.id = articles.source_id);

-- For short non-title blocks: equal for the same line (ignoring case, digits, punctuation)
-- from the same outlet. Lines with one key in many articles are set aside as 'repeated'.
ALTER TABLE paragraphs ADD COLUMN line_key INTEGER;
CREATE INDEX paragraphs_line_key ON paragraphs(line_key) WHERE line_key IS NOT NULL;

-- Kinds are read per article, never by scanning all of one kind: the index only slowed loads.
DROP INDEX paragraphs_kind;
