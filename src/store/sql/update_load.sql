UPDATE loads
SET added = :added, updated = :updated, skipped = :skipped, failed = :failed,
    warnings = :warnings, bytes = :bytes,
    finished_at = CASE WHEN :finished THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END
WHERE id = :load_id
