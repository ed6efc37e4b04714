-- Marks load ?1 finished, once the corpus stage has learned from what it wrote.
UPDATE loads SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1
