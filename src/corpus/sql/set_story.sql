UPDATE story_articles SET story_id = ?2, evidence = ?3, matched_article_id = ?4, similarity = ?5, copy_of = ?6
WHERE article_id = ?1
