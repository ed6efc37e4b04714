-- Every article to reclassify, with its language, the outlet its lines are keyed by, and
-- its byline.
SELECT a.id, a.language, s.name, a.byline FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id
