INSERT INTO entity_totals (entity_id, mentions, articles, first_date, last_date)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (entity_id) DO UPDATE SET
    mentions = mentions + excluded.mentions,
    articles = articles + excluded.articles,
    first_date = min(coalesce(first_date, excluded.first_date), coalesce(excluded.first_date, first_date)),
    last_date = max(coalesce(last_date, excluded.last_date), coalesce(excluded.last_date, last_date))
