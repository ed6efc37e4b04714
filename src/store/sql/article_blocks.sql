-- One article's blocks, in order, for reclassification and for reading the article back.
SELECT id, kind, reason, language, text, line_key FROM paragraphs WHERE article_id = ?1 ORDER BY position
