INSERT INTO articles (source_id, external_id, url, title, dek, byline, published_at,
                      published_raw, language, content_hash, origin, load_id, words, source_raw,
                      received_hash)
VALUES (:source_id, :external_id, :url, :title, :dek, :byline, :published_at,
        :published_raw, :language, :content_hash, :origin, :load_id, :words, :source_raw,
        :received_hash)
