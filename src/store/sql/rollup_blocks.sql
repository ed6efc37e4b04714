INSERT INTO block_counts (source_id, kind, blocks, articles, example_id) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (source_id, kind) DO UPDATE SET
    blocks = blocks + excluded.blocks, articles = articles + excluded.articles,
    example_id = max(coalesce(example_id, excluded.example_id), coalesce(excluded.example_id, example_id))
