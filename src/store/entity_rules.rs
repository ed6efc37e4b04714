//! Alias rules as stored (`entity_rules`): the user's rules (`--aliases`) and those learned
//! from the corpus (their origin starts `corpus: `), read back so that a load's mentions go
//! straight to the right entity, and storing an entity or an alias. Adding rules and merging
//! the entities they name is corpus-wide work: `corpus::entity_rules`.

use std::collections::HashMap;

use rusqlite::{named_params, params, Connection};

use crate::link::alias_rules::{self, AliasRule};
use crate::model::{Entity, EntityKind};
use crate::Result;

/// The stored rules by key, for looking entities up.
#[derive(Debug, Default)]
pub struct Rules(HashMap<String, Entity>);

impl Rules {
    /// The entity a rule makes of `entity`, if a rule holds for its name (of any kind).
    pub fn target(&self, entity: &Entity) -> Option<&Entity> {
        self.0.get(&entity.key)
    }
}

/// The stored rules: what a load maps each name to.
pub fn read(conn: &Connection) -> Result<Rules> {
    Ok(Rules(
        stored(conn)?
            .into_iter()
            .map(|rule| (rule.key, rule.entity))
            .collect(),
    ))
}

/// The stored rules, as the file gave them (`merge` carries them to its output).
pub fn stored(conn: &Connection) -> Result<Vec<AliasRule>> {
    let mut stmt = conn.prepare(include_str!("sql/read_entity_rules.sql"))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut rules = Vec::new();
    for row in rows {
        let (key, alias, kind, name, origin) = row?;
        // The table's CHECK allows only the four kinds.
        let Some(kind) = EntityKind::parse(&kind) else {
            continue;
        };
        rules.push(AliasRule {
            key,
            alias,
            entity: alias_rules::target(kind, &name),
            origin: origin.unwrap_or_default(),
        });
    }
    Ok(rules)
}

/// The id of `entity`, created if need be.
pub fn upsert(conn: &Connection, entity: &Entity) -> Result<i64> {
    conn.prepare_cached(include_str!("sql/upsert_entity.sql"))?.execute(named_params! {
        ":kind": entity.kind.as_str(), ":name": entity.name, ":key": entity.key, ":country": entity.country,
        ":latitude": entity.latitude, ":longitude": entity.longitude,
    })?;
    Ok(conn
        .prepare_cached(include_str!("sql/find_entity.sql"))?
        .query_row(params![entity.kind.as_str(), entity.key], |r| r.get(0))?)
}

/// Records `alias` as a spelling of the entity `id` (once).
pub fn insert_alias(conn: &Connection, id: i64, alias: &str) -> Result<()> {
    conn.prepare_cached(include_str!("sql/insert_entity_alias.sql"))?
        .execute(params![id, alias])?;
    Ok(())
}
