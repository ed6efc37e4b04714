//! What needs the whole corpus, run explicitly after a load or merge has written (not inside
//! the writer), in this order:
//!
//! 1. [`learned`] learns alias rules from the names stored (surnames, middle initials, kinds
//!    by the evidence) and [`entity_rules`] merges the entities they name into canonical ones;
//!    then the load is marked finished, all in one transaction. The writer leaves a load that
//!    changed the corpus unfinished for this: a run killed before it leaves the load
//!    unfinished, and the next load or merge learns again. [`entity_rules`] also adds the
//!    user's rules (`--aliases`) for `load`, `merge` and `reclassify`.
//! 2. [`stories`] groups the articles waiting for their story among the stories of their
//!    days. It reads what the writer stored (`story_articles`, `story_terms`) and writes the
//!    stories, in one transaction of its own: a run killed before it leaves articles waiting,
//!    which the next load or merge groups.

pub mod entity_rules;
pub mod learned;
pub mod stories;

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use crate::{store, Result};

/// Runs the corpus stage on the writer's connection `conn` after the writer of load `load_id`
/// finished: learns from the corpus and merges entities if the load changed it, then groups
/// the articles waiting for their story.
pub fn after_write(conn: &Connection, load_id: i64) -> Result<stories::Timing> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let unfinished: Option<bool> = conn
        .query_row(include_str!("sql/load_unfinished.sql"), [load_id], |r| {
            r.get(0)
        })
        .optional()?;
    if unfinished == Some(true) {
        let learned = learned::learn(conn)?;
        entity_rules::apply_in(conn, &learned)?;
        conn.execute(include_str!("sql/finish_load.sql"), [load_id])?;
    }
    conn.execute_batch("COMMIT")?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let timing = stories::assign(conn)?;
    conn.execute_batch("COMMIT")?;
    // The load's or merge's one checkpoint: leave the WAL small for readers and for copying
    // the file.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(timing)
}

/// Undoes every story of the database at `db` and groups all its articles again, under the
/// load lock (after an upgrade of the grouping, or to try other settings).
/// `on_wait` is told who holds the database when another load is writing to it.
pub fn regroup(
    db: &Path,
    settings: &stories::Settings,
    on_wait: &mut dyn FnMut(&str),
) -> Result<stories::Timing> {
    let _lock = store::LoadLock::acquire(db, on_wait)?;
    let conn = store::open_write(db)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let timing = stories::regroup(&conn, settings)?;
    conn.execute_batch("COMMIT")?;
    Ok(timing)
}
