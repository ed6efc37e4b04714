SELECT EXISTS (SELECT 1 FROM quotes q WHERE q.cluster_id = ?1 AND q.article_id = ?2)
