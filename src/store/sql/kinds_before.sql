-- The class and reason of every block before a reclassification, to count what it changed.
CREATE TEMP TABLE kinds_before AS SELECT id, kind, reason FROM paragraphs
