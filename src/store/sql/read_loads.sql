-- Every load run, with the id of the last problem it recorded.
SELECT l.id, l.started_at, l.finished_at, l.inputs, l.options, l.tool_version,
       (SELECT max(e.id) FROM load_errors e WHERE e.load_id = l.id) AS problems_through
FROM loads l
ORDER BY l.id
