-- Every alias rule. (The column only_kind, from V7, is no longer written: every rule holds
-- for a name of any kind.)
SELECT key, alias, kind, name, origin FROM entity_rules ORDER BY key
