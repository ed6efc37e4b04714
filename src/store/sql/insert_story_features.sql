-- What grouping compares, stored with the article; the story follows when the load ends.
INSERT INTO story_articles (article_id, day, terms, signature) VALUES (?1, ?2, ?3, ?4)
