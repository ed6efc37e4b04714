-- The field mapping a load used: a JSON object from article field (title, dek, body, url, ...)
-- to the input column that filled it, as found in the first record of each file (an array of
-- columns when files differ), or the --field overrides when the input was stdin. NULL for a
-- merge, and for loads from before this column.
ALTER TABLE loads ADD COLUMN fields TEXT;
