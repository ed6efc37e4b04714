SELECT EXISTS (SELECT 1 FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id
               WHERE q.cluster_id = ?1 AND p.article_id = ?2)
