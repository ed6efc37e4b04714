-- The example block of an outlet's class, again from what is stored (after the block that
-- was it was taken away or changed class).
UPDATE block_counts SET example_id = (
    SELECT max(p.id) FROM articles a JOIN paragraphs p ON p.article_id = a.id
    WHERE a.source_id IS nullif(?1, 0) AND p.kind = ?2)
WHERE source_id = ?1 AND kind = ?2
