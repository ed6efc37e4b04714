-- The co-occurrence rows of one entity (:id), counted afresh from its mentions: with every
-- entity in the same paragraphs, and its own row (other = itself). Run after
-- forget_cooccurrence.sql, when mentions moved to it (an alias rule merged entities).
INSERT INTO cooccurrence_counts (entity_id, other_id, paragraphs, sentences, articles)
WITH mine AS (
    SELECT DISTINCT paragraph_id, sentence FROM mentions WHERE entity_id = :id
),
units AS (
    SELECT DISTINCT m.paragraph_id, m.sentence, m.entity_id FROM mentions m
    WHERE m.paragraph_id IN (SELECT paragraph_id FROM mine)
),
per_paragraph AS (
    SELECT u.paragraph_id, u.entity_id AS other, sum(u.sentence IS t.sentence) AS sentences
    FROM mine t JOIN units u ON u.paragraph_id = t.paragraph_id
    GROUP BY u.paragraph_id, u.entity_id
)
SELECT min(:id, other), max(:id, other), count(*), sum(sentences), count(DISTINCT p.article_id)
FROM per_paragraph JOIN paragraphs p ON p.id = per_paragraph.paragraph_id
GROUP BY other
