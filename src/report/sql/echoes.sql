-- name: echoes
-- description: Quotes carried by several articles: their variants, outlets, and who ran them first (quotations of four words or more, unless short=1).
-- param: short  1 to include quotations of fewer than four words ("no", "fake news") (default: 0)
-- param: limit  clusters at most (default: 50)
SELECT e.cluster_id, e.articles, e.first_outlet, e.first_date, e.speaker, e.outlet, e.date, e.variant
FROM quote_echoes e
WHERE e.cluster_id IN (
    SELECT id FROM quote_clusters
    WHERE articles > 1
      -- words in the cluster's normalised text: one more than its spaces
      AND (coalesce(:short, 0) = 1 OR length(trim(key)) - length(replace(trim(key), ' ', '')) + 1 >= 4)
    ORDER BY articles DESC, id
    LIMIT coalesce(:limit, 50))
ORDER BY e.articles DESC, e.cluster_id, e.date, e.quote_id;
