-- A new, empty cluster for this echo key (its counts follow with its first quote).
INSERT INTO quote_clusters (key) VALUES (?1)
