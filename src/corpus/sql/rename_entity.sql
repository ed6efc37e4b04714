UPDATE entities SET name = :name WHERE id = :id AND name IS NOT :name
