-- name: quotes
-- description: Direct quotes with speaker, cue, channel, outlet and date, filtered.
-- param: speaker  the speaker's canonical name or as written (default: any)
-- param: source   only this outlet (default: every outlet)
-- param: from     first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to       last publication date, 'YYYY-MM-DD' (default: the latest)
-- param: text     words the quote contains, FTS5 syntax (default: any)
-- param: limit    rows at most (default: 100)
-- The newest first: articles by their date (CROSS JOIN keeps that order), then their quotes,
-- so the first rows come without sorting every quote.
SELECT q.id AS quote_id, a.published_at AS date, s.name AS outlet,
       coalesce(sp.name, q.speaker_text) AS speaker, q.cue,
       coalesce(v.name, q.via_text) AS via, q.partial, q.text AS quote, a.id AS article_id
FROM articles a
CROSS JOIN quotes q ON q.article_id = a.id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN entities sp ON sp.id = q.speaker_entity_id
LEFT JOIN entities v ON v.id = q.via_entity_id
WHERE (:speaker IS NULL OR coalesce(sp.name, q.speaker_text) = :speaker OR q.speaker_text = :speaker)
  AND (:source IS NULL OR s.name = :source)
  AND (:from IS NULL OR a.published_at >= :from)
  AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
  AND (:text IS NULL OR q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :text))
ORDER BY a.published_at DESC, q.id
LIMIT coalesce(:limit, 100);
