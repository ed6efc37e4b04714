SELECT count(*) FROM articles WHERE source_id IS ?1
