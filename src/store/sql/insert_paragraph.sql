INSERT INTO paragraphs (article_id, position, kind, reason, language, text)
VALUES (:article_id, :position, :kind, :reason, :language, :text)
