SELECT id FROM sources WHERE name = ?1
