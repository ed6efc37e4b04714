-- A block's key for finding repeated lines (classify::line_key), kept in step by reclassify.
UPDATE paragraphs SET line_key = ?2 WHERE id = ?1
