SELECT repair, count FROM article_repairs WHERE article_id = ?1 ORDER BY repair
