-- An entity's first and last publication date, again from what is stored (after an article
-- that held one of them was taken away).
UPDATE entity_totals SET (first_date, last_date) = (
    SELECT min(a.published_at), max(a.published_at)
    FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
    WHERE m.entity_id = ?1)
WHERE entity_id = ?1
