-- One article's blocks, in order, for reclassification.
SELECT id, kind, reason, language, text FROM paragraphs WHERE article_id = ?1 ORDER BY position
