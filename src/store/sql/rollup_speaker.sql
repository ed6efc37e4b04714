INSERT INTO speaker_sources (entity_id, source_id, quotes, articles) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (entity_id, source_id) DO UPDATE SET
    quotes = quotes + excluded.quotes, articles = articles + excluded.articles
