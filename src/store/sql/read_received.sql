SELECT field, text FROM article_received WHERE article_id = ?1 ORDER BY field
