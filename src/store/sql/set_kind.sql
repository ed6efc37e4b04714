UPDATE paragraphs SET kind = ?2, reason = ?3 WHERE id = ?1 AND (kind IS NOT ?2 OR reason IS NOT ?3)
