INSERT INTO load_errors (load_id, severity, file, line, record, message)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
