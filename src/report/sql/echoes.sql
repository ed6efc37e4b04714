-- name: echoes
-- description: Quotes carried by several articles, those carried by the most outlets first: their variants, outlets, and who ran them first (quotations of four words or more, in the articles' own text, unless short=1).
-- param: short    1 to include quotations of fewer than four words ("no", "fake news") (default: 0)
-- param: cluster  only this cluster (its cluster_id), whatever its length (default: every cluster)
-- param: limit    clusters at most (default: 50)
WITH
-- The quotes in an article's own text (title, dek, body): a quote inside a block set aside,
-- such as a paragraph an outlet repeats under many articles, is no echo.
own AS (
    SELECT q.id, q.cluster_id, p.article_id, a.source_id
    FROM quote_clusters c
    JOIN quotes q ON q.cluster_id = c.id
    JOIN paragraphs p ON p.id = q.paragraph_id
    JOIN articles a ON a.id = p.article_id
    WHERE c.articles > 1 AND (:cluster IS NULL OR c.id = :cluster)
      AND p.kind IN ('title', 'dek', 'body')
),
carried AS (
    SELECT cluster_id, count(DISTINCT article_id) AS articles,
           -- articles with no outlet count as one unknown outlet, not as many
           count(DISTINCT coalesce(source_id, 0)) AS outlets
    FROM own GROUP BY cluster_id
),
chosen AS (
    SELECT k.* FROM carried k JOIN quote_clusters c ON c.id = k.cluster_id
    WHERE k.articles > 1
      -- words in the cluster's normalised text: one more than its spaces
      AND (coalesce(:short, 0) = 1 OR :cluster IS NOT NULL
           OR length(trim(c.key)) - length(replace(trim(c.key), ' ', '')) + 1 >= 4)
    ORDER BY k.outlets DESC, k.articles DESC, k.cluster_id
    LIMIT coalesce(:limit, 50)
)
SELECT e.cluster_id, k.outlets, k.articles, e.first_outlet, e.first_date, e.speaker, e.outlet, e.date, e.variant
FROM chosen k
JOIN quote_echoes e ON e.cluster_id = k.cluster_id
WHERE e.quote_id IN (SELECT id FROM own)
ORDER BY k.outlets DESC, k.articles DESC, e.cluster_id, e.date, e.quote_id;
