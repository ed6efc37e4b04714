-- A hash of the article as it was received (every field the input gave, before any stage
-- changed it). A load hashes each record as it is read and skips one already stored under
-- the same hash before structuring it, so re-loading a file runs at the speed of reading it.
-- NULL for articles stored before this migration and for those `merge` copies from a
-- database that has none: they are found by content_hash, after structuring, as before.
ALTER TABLE articles ADD COLUMN received_hash TEXT;
CREATE INDEX articles_received_hash ON articles (received_hash) WHERE received_hash IS NOT NULL;
