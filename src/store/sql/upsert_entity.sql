INSERT INTO entities (kind, name, key, country, latitude, longitude)
VALUES (:kind, :name, :key, :country, :latitude, :longitude)
ON CONFLICT (kind, key) DO UPDATE SET
    country = coalesce(entities.country, excluded.country),
    latitude = coalesce(entities.latitude, excluded.latitude),
    longitude = coalesce(entities.longitude, excluded.longitude)
RETURNING id
