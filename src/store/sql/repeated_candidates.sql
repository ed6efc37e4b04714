-- Line keys found in at least :min_articles blocks: candidates for 'repeated'.
SELECT line_key FROM paragraphs
WHERE line_key IS NOT NULL
GROUP BY line_key
HAVING count(*) >= :min_articles
