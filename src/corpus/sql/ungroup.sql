-- Every article back to waiting for its story, and no stories: `stories --regroup`.
UPDATE story_articles SET story_id = NULL, evidence = NULL, matched_article_id = NULL,
    similarity = NULL, copy_of = NULL;
DELETE FROM stories;
DELETE FROM story_terms;
