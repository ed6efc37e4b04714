SELECT key, alias, kind, name, only_kind, origin FROM entity_rules ORDER BY key
