//! Adding alias rules to the corpus (`entity_rules`): the user's rules when given to `load`,
//! `reclassify` or `merge`, the learned ones ([`super::learned`]) after a load or merge has
//! written. Each rule is stored and the entities already stored that it names merge into the
//! entity it names: mentions, quotes (as speaker or channel) and aliases move, the emptied
//! entities go, and the co-occurrence counts of the articles that mention them are redone.

use std::collections::HashMap;

use rusqlite::{named_params, Connection};

use crate::link::alias_rules::AliasRule;
use crate::model::Entity;
use crate::store::cooccurrence::Rollup;
use crate::store::entity_rules::{insert_alias, upsert};
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

/// [`apply`] inside the caller's transaction (the corpus stage's).
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
                ":key": rule.key, ":alias": rule.alias, ":kind": entity.kind.as_str(), ":name": entity.name,
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
                insert_alias(tx, into, alias)?;
            }
        }
        rollup.flush(tx)?;
    }
    Ok(applied)
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
