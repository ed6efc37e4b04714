-- A report parameter in a Datasette canned query (`:p` stands for its name). Datasette passes
-- every value as text and a field left empty as '': empty becomes NULL, so the report's own
-- default applies, and a number becomes a number, as `corpusdb report` binds it.
(CASE WHEN :p = '' THEN NULL WHEN CAST(CAST(:p AS NUMERIC) AS TEXT) = :p THEN CAST(:p AS NUMERIC) ELSE :p END)
