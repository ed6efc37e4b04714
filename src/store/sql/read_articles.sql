-- Every stored article in the order it was stored, with its outlet, for reading it back.
SELECT a.id, a.load_id, a.origin, a.external_id, a.title, a.dek, a.byline, a.url,
       s.name, a.source_raw, s.domain, a.published_at, a.published_raw, a.language,
       a.content_hash, a.words, a.received_hash
FROM articles a LEFT JOIN sources s ON s.id = a.source_id
ORDER BY a.id
