-- Normalize: what the first text stage repaired in each article, and the text as received.
-- Both tables hold rows only for articles where something was repaired, so clean corpora
-- pay nothing. Paragraph text (and every offset into it) is the normalised text.

-- One row per kind of repair made in an article (mojibake, html-entity, html-tag,
-- html-break, html-quote, html-comment, lost-mark, lost-apostrophe, csv-quote, line-end,
-- no-break-space, zero-width, c1-control), with how many times.
CREATE TABLE article_repairs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    repair     TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (article_id, repair)
) WITHOUT ROWID;
CREATE INDEX article_repairs_repair ON article_repairs(repair);

-- The fields a repair changed (title, text, byline), exactly as they were received.
CREATE TABLE article_received (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, field)
) WITHOUT ROWID;
