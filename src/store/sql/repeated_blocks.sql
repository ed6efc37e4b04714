-- The blocks with one line key, with their article's outlet and date.
SELECT p.id, p.article_id, p.kind, a.source_id, a.published_at
FROM paragraphs p JOIN articles a ON a.id = p.article_id
WHERE p.line_key = ?1
