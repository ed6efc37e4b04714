-- name: quotes
-- description: Direct quotes with speaker, cue, channel, outlet and date, filtered.
-- param: speaker  the speaker's canonical name or as written (default: any)
-- param: source   only this outlet (default: every outlet)
-- param: from     first publication date, 'YYYY-MM-DD' (default: the earliest)
-- param: to       last publication date, 'YYYY-MM-DD' (default: the latest)
-- param: text     words the quote contains, FTS5 syntax (default: any)
-- param: limit    rows at most (default: 100)
SELECT q.quote_id, q.date, q.outlet, q.speaker, q.cue, q.via, q.partial, q.quote, q.article_id
FROM quote_overview q
WHERE (:speaker IS NULL OR q.speaker = :speaker OR q.speaker_text = :speaker)
  AND (:source IS NULL OR q.outlet = :source)
  AND (:from IS NULL OR q.date >= :from)
  AND (:to IS NULL OR q.date < date(:to, '+1 day'))
  AND (:text IS NULL OR q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :text))
ORDER BY q.date DESC, q.quote_id
LIMIT coalesce(:limit, 100);
