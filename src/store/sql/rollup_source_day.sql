INSERT INTO source_days (source_id, day, articles, words, quotes, paragraphs) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (source_id, day) DO UPDATE SET
    articles = articles + excluded.articles, words = words + excluded.words,
    quotes = quotes + excluded.quotes, paragraphs = paragraphs + excluded.paragraphs
