-- Brings the counts, dates and title of the stories in the JSON array ?1 up to date.
UPDATE stories SET
    articles = (SELECT count(*) FROM story_articles sa WHERE sa.story_id = stories.id),
    sources = (SELECT count(DISTINCT a.source_id) FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = stories.id),
    copies = (SELECT count(*) FROM story_articles sa WHERE sa.story_id = stories.id AND sa.copy_of IS NOT NULL),
    first_published_at = (SELECT min(a.published_at) FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = stories.id),
    last_published_at = (SELECT max(a.published_at) FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = stories.id),
    first_article_id = (SELECT a.id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = stories.id
                        ORDER BY a.published_at IS NULL, a.published_at, a.id LIMIT 1),
    title = (SELECT a.title FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = stories.id
             ORDER BY a.published_at IS NULL, a.published_at, a.id LIMIT 1)
WHERE id IN (SELECT value FROM json_each(?1));
