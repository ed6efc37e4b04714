INSERT INTO quotes (paragraph_id, start, "end", text, speaker_text, speaker_entity_id, cue,
                    via_text, via_entity_id, partial, rule, echo_key, cluster_id, article_id)
VALUES (:paragraph_id, :start, :end, :text, :speaker_text, :speaker_entity_id, :cue,
        :via_text, :via_entity_id, :partial, :rule, :echo_key, :cluster_id, :article_id)
