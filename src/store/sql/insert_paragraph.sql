INSERT INTO paragraphs (article_id, position, kind, reason, language, text, line_key)
VALUES (:article_id, :position, :kind, :reason, :language, :text, :line_key)
