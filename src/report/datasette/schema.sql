-- Every table and view of the database, with its kind (table, view, virtual, shadow) and the
-- SQL that created it; SQLite's own tables are left out.
SELECT t.name, t.type, coalesce(s.sql, '') AS sql
FROM pragma_table_list t
LEFT JOIN sqlite_schema s ON s.name = t.name
WHERE t.schema = 'main' AND t.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY t.name;
