-- The blocks with one line key, with their article's outlet and date, and where in the
-- article they stand (position, and the article's last position), and the line.
SELECT p.id, p.article_id, p.kind, a.source_id, a.published_at, p.position, p.text,
       (SELECT max(q.position) FROM paragraphs q WHERE q.article_id = p.article_id) AS last
FROM paragraphs p JOIN articles a ON a.id = p.article_id
WHERE p.line_key = ?1
