-- The cluster of quotes with this echo key, if there is one yet.
SELECT id FROM quote_clusters WHERE key = ?1
