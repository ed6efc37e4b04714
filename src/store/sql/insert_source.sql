INSERT INTO sources (name, domain) VALUES (:name, :domain)
ON CONFLICT (name) DO UPDATE SET domain = coalesce(sources.domain, excluded.domain)
RETURNING id
