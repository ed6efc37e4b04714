-- Stories whose counts no longer match their articles (one was replaced or deleted).
SELECT id FROM stories st
WHERE articles <> (SELECT count(*) FROM story_articles sa WHERE sa.story_id = st.id)
