-- A full-text query parameter (`MATCH :p`) in a Datasette canned query: left empty, it is the
-- empty phrase, which matches nothing (an empty or NULL query is an FTS5 syntax error).
coalesce(nullif(:p, ''), '""')
