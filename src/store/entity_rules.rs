//! Alias rules in the database (`entity_rules`): the user's rules (`--aliases`) and those
//! learned from the corpus (their origin starts `corpus: `). Adding rules merges the entities
//! already stored that they name: the user's when given to `load`, `reclassify` or `merge`,
//! the learned ones when the writer finishes a load. Every later load reads the rules back so
//! that its mentions go straight to the right entity.

use std::collections::HashMap;

use rusqlite::{named_params, params, Connection};

use super::cooccurrence::Rollup;
use crate::extract::ner::EntityKind;
use crate::link::alias_rules::{self, AliasRule};
use crate::model::Entity;
use crate::Result;

/// What adding rules changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Applied {
    /// Rules stored (new, or replacing one for the same name).
    pub rules: usize,
    /// Stored entities merged into the entity a rule names.
    pub merged: usize,
}

/// Stores `rules` and merges the stored entities they name into their targets: mentions,
/// quotes (as speaker or channel) and aliases move, the emptied entities go, and the
/// co-occurrence counts of the articles that mention them are redone. One transaction.
pub fn apply(conn: &mut Connection, rules: &[AliasRule]) -> Result<Applied> {
    if rules.is_empty() {
        return Ok(Applied::default());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let applied = apply_in(&tx, rules)?;
    tx.commit()?;
    Ok(applied)
}

/// [`apply`] inside the caller's transaction (a load's last one).
pub fn apply_in(tx: &Connection, rules: &[AliasRule]) -> Result<Applied> {
    let mut applied = Applied::default();
    // Rules grouped by target, in file order; a later rule for a name wins.
    let mut latest: HashMap<&str, &AliasRule> = HashMap::new();
    for rule in rules {
        latest.insert(&rule.key, rule);
    }
    let mut targets: Vec<(&Entity, Vec<&AliasRule>)> = Vec::new();
    for rule in rules
        .iter()
        .filter(|r| std::ptr::eq(latest[r.key.as_str()], *r))
    {
        match targets
            .iter_mut()
            .find(|(e, _)| e.kind == rule.entity.kind && e.key == rule.entity.key)
        {
            Some((_, group)) => group.push(rule),
            None => targets.push((&rule.entity, vec![rule])),
        }
    }
    let mut rollup = Rollup::default();
    for (entity, group) in targets {
        let into = upsert(tx, entity)?;
        // The user's spelling of the name wins over the one the corpus first stored.
        tx.prepare_cached(include_str!("sql/rename_entity.sql"))?
            .execute(named_params! { ":id": into, ":name": entity.name })?;
        for rule in &group {
            tx.prepare_cached(include_str!("sql/insert_entity_rule.sql"))?.execute(named_params! {
                ":key": rule.key, ":alias": rule.alias, ":kind": entity.kind, ":name": entity.name,
                ":origin": rule.origin,
            })?;
            applied.rules += 1;
            let found = tx
                .prepare_cached(include_str!("sql/entities_by_key.sql"))?
                .query_map(named_params! { ":key": rule.key, ":except": into }, |r| {
                    r.get::<_, i64>(0)
                })?
                .collect::<Result<Vec<i64>, _>>()?;
            // The articles that mention what merges: only their pairs change.
            let mut articles = Vec::new();
            for &from in &found {
                let mut stmt = tx.prepare_cached(include_str!("sql/entity_articles.sql"))?;
                articles.extend(
                    stmt.query_map([from], |r| r.get::<_, i64>(0))?
                        .collect::<Result<Vec<i64>, _>>()?,
                );
            }
            articles.sort_unstable();
            articles.dedup();
            for &article in &articles {
                rollup.add_merge(tx, article, &found, into)?;
            }
            for from in found {
                run_script(
                    tx,
                    include_str!("sql/merge_entity.sql"),
                    &[(":from", from), (":into", into)],
                )?;
                applied.merged += 1;
            }
            for alias in [entity.name.as_str(), rule.alias.as_str()] {
                tx.prepare_cached(include_str!("sql/insert_entity_alias.sql"))?
                    .execute(rusqlite::params![into, alias])?;
            }
        }
        rollup.flush(tx)?;
    }
    Ok(applied)
}

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
pub(super) fn upsert(conn: &Connection, entity: &Entity) -> Result<i64> {
    conn.prepare_cached(include_str!("sql/upsert_entity.sql"))?.execute(named_params! {
        ":kind": entity.kind, ":name": entity.name, ":key": entity.key, ":country": entity.country,
        ":latitude": entity.latitude, ":longitude": entity.longitude,
    })?;
    Ok(conn
        .prepare_cached(include_str!("sql/find_entity.sql"))?
        .query_row(params![entity.kind, entity.key], |r| r.get(0))?)
}

/// Runs the `;`-separated statements of `sql` in turn, binding each the named parameters it
/// uses.
fn run_script(conn: &Connection, sql: &str, params: &[(&str, i64)]) -> Result<()> {
    for statement in sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let mut stmt = conn.prepare_cached(statement)?;
        for &(name, value) in params {
            if let Some(index) = stmt.parameter_index(name)? {
                stmt.raw_bind_parameter(index, value)?;
            }
        }
        stmt.raw_execute()?;
    }
    Ok(())
}
