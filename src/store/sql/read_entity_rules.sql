SELECT key, alias, kind, name, origin FROM entity_rules ORDER BY key
