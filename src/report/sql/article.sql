-- name: article
-- description: One article, block by block: position, class, language, reason and text; first, what the normalize stage repaired (kind 'repair': the repair and how many times).
-- param: id  (required, e.g. 1) the article's id (articles.id)
SELECT position, kind, language, reason, text
FROM (
    SELECT 0 AS part, NULL AS position, 'repair' AS kind, NULL AS language,
           r.repair AS reason, CAST(r.count AS TEXT) AS text
    FROM article_repairs r
    WHERE r.article_id = :id
    UNION ALL
    SELECT 1, p.position, p.kind, p.language, p.reason, p.text
    FROM paragraphs p
    WHERE p.article_id = :id
)
ORDER BY part, position, reason;
