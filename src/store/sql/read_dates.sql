-- One article's date mentions in the order they were stored.
SELECT d.paragraph_id, d.start, d."end", d.text, d.value, d.granularity
FROM date_mentions d JOIN paragraphs p ON p.id = d.paragraph_id
WHERE p.article_id = ?1
ORDER BY d.id
