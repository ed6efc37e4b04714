-- The cluster of quotes with this echo key (created empty the first time).
INSERT INTO quote_clusters (key) VALUES (?1)
ON CONFLICT (key) DO UPDATE SET key = excluded.key
RETURNING id
