SELECT id FROM entities WHERE kind = ?1 AND key = ?2
