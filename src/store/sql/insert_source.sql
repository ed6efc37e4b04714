-- The outlet of this name, created the first time (no RETURNING: see upsert_entity.sql).
INSERT INTO sources (name, domain) VALUES (:name, :domain)
ON CONFLICT (name) DO UPDATE SET domain = coalesce(sources.domain, excluded.domain)
