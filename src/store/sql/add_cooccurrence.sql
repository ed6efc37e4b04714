INSERT INTO cooccurrence_counts (entity_id, other_id, paragraphs, sentences, articles)
VALUES (:entity_id, :other_id, :paragraphs, :sentences, :articles)
ON CONFLICT (entity_id, other_id) DO UPDATE SET
    paragraphs = paragraphs + excluded.paragraphs,
    sentences = sentences + excluded.sentences,
    articles = articles + excluded.articles
