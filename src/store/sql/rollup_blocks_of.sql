SELECT id, kind FROM paragraphs WHERE article_id = ?1
