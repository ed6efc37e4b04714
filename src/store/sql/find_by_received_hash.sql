SELECT 1 FROM articles WHERE received_hash = ?1 LIMIT 1
