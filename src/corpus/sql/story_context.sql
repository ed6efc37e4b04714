-- Grouped articles that articles published between days ?1 and ?2 (Julian day numbers) can
-- meet: those published in that range, and the last ?3 grouped with no day; in the order the
-- sweep takes them (by day, undated last). Their features are read one by one as it reaches
-- them.
SELECT article_id, day FROM (
    SELECT article_id, day FROM story_articles
    WHERE story_id IS NOT NULL AND day BETWEEN ?1 AND ?2
    UNION ALL
    SELECT * FROM (
        SELECT article_id, day FROM story_articles
        WHERE story_id IS NOT NULL AND day IS NULL
        ORDER BY article_id DESC LIMIT ?3
    )
)
ORDER BY day IS NULL, day, article_id
