-- What the database holds, in a sentence: articles, outlets, first and last publication date.
SELECT (SELECT count(*) FROM articles),
       (SELECT count(*) FROM sources),
       (SELECT min(published_at) FROM articles),
       (SELECT max(published_at) FROM articles);
