-- Every rollup again from what is stored (after corpusdb reclassify; the same counts as migration V14).
DELETE FROM entity_totals; DELETE FROM entity_kind_totals; DELETE FROM entity_days;
DELETE FROM source_days; DELETE FROM speaker_sources; DELETE FROM block_counts;
INSERT INTO entity_totals (entity_id, mentions, articles, first_date, last_date)
SELECT m.entity_id, count(*), count(DISTINCT p.article_id), min(a.published_at), max(a.published_at)
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
GROUP BY m.entity_id;

INSERT INTO entity_kind_totals (entity_id, kind, mentions, articles)
SELECT m.entity_id, m.kind, count(*), count(DISTINCT p.article_id)
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
GROUP BY m.entity_id, m.kind;

INSERT INTO entity_days (entity_id, kind, day, mentions, articles)
SELECT m.entity_id, m.kind, substr(a.published_at, 1, 10), count(*), count(DISTINCT a.id)
FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
WHERE a.published_at IS NOT NULL
GROUP BY m.entity_id, m.kind, substr(a.published_at, 1, 10);

INSERT INTO source_days (source_id, day, articles, words, quotes, paragraphs)
SELECT coalesce(a.source_id, 0), coalesce(substr(a.published_at, 1, 10), ''), count(*), sum(a.words),
       sum((SELECT count(*) FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.article_id = a.id)),
       sum((SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.kind = 'body'))
FROM articles a
GROUP BY 1, 2;

INSERT INTO speaker_sources (entity_id, source_id, quotes, articles)
SELECT q.speaker_entity_id, coalesce(a.source_id, 0), count(*), count(DISTINCT a.id)
FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id JOIN articles a ON a.id = p.article_id
WHERE q.speaker_entity_id IS NOT NULL
GROUP BY 1, 2;

INSERT INTO block_counts (source_id, kind, blocks, articles, example_id)
SELECT coalesce(a.source_id, 0), p.kind, count(*), count(DISTINCT a.id),
       CASE WHEN p.kind NOT IN ('title', 'dek', 'body') THEN max(p.id) END
FROM paragraphs p JOIN articles a ON a.id = p.article_id
GROUP BY 1, 2;

