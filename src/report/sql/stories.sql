-- name: stories
-- description: The largest stories: articles about the same event across outlets, their days, and how many are copies.
-- param: from   first day, e.g. 2018-09-01 (default: any)
-- param: to     last day, e.g. 2018-09-30 (default: any)
-- param: limit  stories at most (default: 20)
SELECT story_id, articles, outlets, copies, first_date, last_date, first_outlet, title
FROM story_overview
WHERE articles > 1
  AND (:from IS NULL OR last_date >= :from)
  AND (:to IS NULL OR substr(first_date, 1, 10) <= :to)
ORDER BY outlets DESC, articles DESC, story_id
LIMIT coalesce(:limit, 20);
