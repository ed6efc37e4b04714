-- Blocks whose class or reason differs from before the reclassification (kinds_before.sql).
SELECT count(*) FROM paragraphs p JOIN temp.kinds_before b ON b.id = p.id
WHERE p.kind IS NOT b.kind OR p.reason IS NOT b.reason
