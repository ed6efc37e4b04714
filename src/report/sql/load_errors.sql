-- name: load-errors
-- description: Rejected records and warnings of a load, with the file and line they came from.
-- param: load      the load's id (default: the latest load that rejected or warned about anything)
-- param: severity  'error' or 'warning' (default: both)
-- param: limit     rows at most (default: 1000)
SELECT e.load_id, e.severity, e.file, e.line, e.record, e.message
FROM load_errors e
WHERE e.load_id = coalesce(:load, (SELECT max(load_id) FROM load_errors))
  AND (:severity IS NULL OR e.severity = :severity)
ORDER BY e.id
LIMIT coalesce(:limit, 1000);
