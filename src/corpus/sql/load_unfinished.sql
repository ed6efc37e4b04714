-- Whether load ?1 is not marked finished yet (the writer leaves one that changed the corpus
-- to the corpus stage).
SELECT finished_at IS NULL FROM loads WHERE id = ?1
