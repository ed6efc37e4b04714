INSERT INTO entity_days (entity_id, kind, day, mentions, articles) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (entity_id, kind, day) DO UPDATE SET
    mentions = mentions + excluded.mentions, articles = articles + excluded.articles
