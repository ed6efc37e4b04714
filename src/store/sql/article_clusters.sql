-- The quote clusters of an article's quotations of five words or more (a short phrase in
-- quotation marks is shared by unrelated stories).
SELECT DISTINCT q.cluster_id
FROM paragraphs p
JOIN quotes q ON q.paragraph_id = p.id
JOIN quote_clusters c ON c.id = q.cluster_id
WHERE p.article_id = ?1 AND length(c.key) - length(replace(c.key, ' ', '')) >= 4
ORDER BY q.cluster_id
