SELECT count(*) FROM story_articles
