-- ?2 more grouped articles with this term.
INSERT INTO story_terms (term, articles) VALUES (?1, ?2)
ON CONFLICT (term) DO UPDATE SET articles = articles + excluded.articles
