-- The loader indexes each quote in quotes_fts itself, as it does paragraphs, instead of an
-- AFTER INSERT trigger. Why: a statement that fires a trigger opens a statement savepoint,
-- and at every savepoint FTS5 writes out all the full-text data pending in the transaction
-- (the paragraphs' too) as a new segment, which it must then merge again. With one quote
-- insert per quote, that was a flush per quote: the load spent about a tenth of its time
-- there. Deletes and updates of quotes still keep quotes_fts in step by trigger
-- (quotes_ad, quotes_au); a program that inserts quotes by hand indexes them with
--   INSERT INTO quotes_fts(rowid, text) VALUES (:id, :text)
-- or rebuilds the index: INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild').
DROP TRIGGER quotes_ai;
