INSERT INTO entity_kind_totals (entity_id, kind, mentions, articles) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (entity_id, kind) DO UPDATE SET
    mentions = mentions + excluded.mentions, articles = articles + excluded.articles
