//! What needs the whole corpus, run explicitly after a load or merge has written (not inside
//! the writer): [`stories`] groups the articles waiting for their story among the stories of
//! their days. It reads what the writer stored (`story_articles`, `story_terms`) and writes
//! the stories, in one transaction of its own: a run killed before it leaves articles
//! waiting, which the next load or merge groups.

pub mod stories;
pub mod stories_undated;

use std::path::Path;

use crate::{store, Result};

/// Runs the corpus stage on the database at `db` (its writer must be finished): groups the
/// articles waiting for their story.
pub fn after_write(db: &Path) -> Result<stories::Timing> {
    let conn = store::open_write(db)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let timing = stories::assign(&conn)?;
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
