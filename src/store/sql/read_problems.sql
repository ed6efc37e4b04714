-- Every recorded problem, in the order it was recorded.
SELECT id, load_id, severity, file, line, record, message FROM load_errors ORDER BY id
