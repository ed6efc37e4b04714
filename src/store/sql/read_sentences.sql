-- One article's sentences, block by block, in order.
SELECT s.paragraph_id, s.start, s."end"
FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id
WHERE p.article_id = ?1
ORDER BY p.position, s.position
