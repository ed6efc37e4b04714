-- The tables people query: not FTS shadow tables, not SQLite's or refinery's own.
SELECT name FROM sqlite_schema
WHERE type = 'table'
  AND name NOT LIKE 'sqlite_%'
  AND name NOT LIKE '%_fts_%'
  AND name <> 'refinery_schema_history'
ORDER BY name
