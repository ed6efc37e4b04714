-- name: article
-- description: One article, block by block: position, class, language, reason and text.
-- param: id  (required, e.g. 1) the article's id (articles.id)
SELECT p.position, p.kind, p.language, p.reason, p.text
FROM paragraphs p
WHERE p.article_id = :id
ORDER BY p.position;
