-- The entity of this kind and key, created the first time, its place data filled in when a
-- later mention knows it. No RETURNING: that would make this a trigger-like statement with a
-- savepoint, at which FTS5 writes out the load's pending full-text data (see migration V8);
-- the id is read with find_entity.sql.
INSERT INTO entities (kind, name, key, country, latitude, longitude)
VALUES (:kind, :name, :key, :country, :latitude, :longitude)
ON CONFLICT (kind, key) DO UPDATE SET
    country = coalesce(entities.country, excluded.country),
    latitude = coalesce(entities.latitude, excluded.latitude),
    longitude = coalesce(entities.longitude, excluded.longitude)
