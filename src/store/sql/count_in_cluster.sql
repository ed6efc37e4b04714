-- One more quote in a cluster: counts, and the first occurrence when this one was published
-- earlier (or the cluster had none).
UPDATE quote_clusters SET
    quotes = quotes + 1,
    articles = articles + :new_article,
    first_quote_id = CASE WHEN first_quote_id IS NULL OR (:date IS NOT NULL AND (first_published_at IS NULL OR :date < first_published_at)) THEN :quote_id ELSE first_quote_id END,
    first_article_id = CASE WHEN first_quote_id IS NULL OR (:date IS NOT NULL AND (first_published_at IS NULL OR :date < first_published_at)) THEN :article_id ELSE first_article_id END,
    first_source_id = CASE WHEN first_quote_id IS NULL OR (:date IS NOT NULL AND (first_published_at IS NULL OR :date < first_published_at)) THEN :source_id ELSE first_source_id END,
    first_published_at = CASE WHEN first_quote_id IS NULL OR (:date IS NOT NULL AND (first_published_at IS NULL OR :date < first_published_at)) THEN :date ELSE first_published_at END
WHERE id = :cluster_id
