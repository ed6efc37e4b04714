-- A story for an article like none grouped before it; update_stories.sql fills it in.
INSERT INTO stories DEFAULT VALUES RETURNING id
