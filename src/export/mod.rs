//! `corpusdb export`: every table and view of a database as Parquet, one folder each, for
//! DuckDB, Spark or Trino to take over a corpus that outgrows SQLite, alone or as one shard
//! of many. This module decides what is exported and where; [`schema`] finds the tables and
//! views, [`partition`] the folders of the tables that hang off an article, [`write`] streams
//! rows out of SQLite into [`crate::output::parquet`], which turns them into files.
//!
//! Layout of `DIR`, for the shard `S` (by default the database file's name):
//! - `DIR/<table>/shard=S/source=<source_id>/year=<YYYY>/part-0.parquet` for `articles` and
//!   every table whose rows cannot exist without an article (a NOT NULL foreign key to it,
//!   or to such a table: paragraphs, sentences, mentions, date_mentions, quotes). Outlets
//!   and years too small for a folder of their own go to `source=other` and `year=other`
//!   (see [`partition`]). An article with no outlet or no date goes to
//!   `__HIVE_DEFAULT_PARTITION__`, which Hive, Spark, Trino and DuckDB all read as NULL.
//! - `DIR/<table>/shard=S/part-0.parquet` for every other table and every view.
//!
//! The files hold the table's own columns only: the keys are in the path, where
//! `hive_partitioning` (DuckDB) or partition discovery (Spark) adds them as columns. A key
//! also in the files would be a duplicate column, which some readers refuse (DataFusion) and
//! others resolve each their own way. Every table so has a `shard` column: ids are unique
//! within a shard, so rows join on `shard` and id; entities join across shards on `kind` and
//! `key`, quote clusters on `key`. Several shards exported into one `DIR` read as one corpus.
//! Text columns holding ISO dates, or dates and times, are written as DATE or TIMESTAMP.

mod partition;
mod schema;
mod write;

use std::path::Path;

use rusqlite::Connection;

use crate::output::parquet::Column;
use crate::{Error, Result};
pub use schema::{objects, Object, ObjectKind};

/// The table every partitioned table hangs off, and its columns that give the partition.
const ARTICLES: &str = "articles";
const SOURCE_COLUMN: &str = "source_id";
const DATE_COLUMN: &str = "published_at";
/// The share of the corpus's articles an outlet, or an outlet's year, needs for a folder of
/// its own.
pub const DEFAULT_MIN_SHARE: f64 = 0.01;

/// How to export.
#[derive(Debug, Clone)]
pub struct Options {
    /// Export into a folder that holds this shard already, or other files, replacing this
    /// shard's folders of the exported tables (and nothing else) in it.
    pub force: bool,
    /// Tables and views to leave out.
    pub skip: Vec<String>,
    /// The name of this database among the shards of one corpus.
    pub shard: String,
    /// See [`DEFAULT_MIN_SHARE`]; 0 gives every outlet and year a folder.
    pub min_share: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            force: false,
            skip: Vec::new(),
            shard: "corpus".to_string(),
            min_share: DEFAULT_MIN_SHARE,
        }
    }
}

/// What was written for one table or view.
#[derive(Debug, Clone)]
pub struct Exported {
    pub name: String,
    pub kind: ObjectKind,
    pub partitioned: bool,
    pub rows: u64,
    pub files: u64,
    pub bytes: u64,
    /// The columns as written, with their types.
    pub columns: Vec<Column>,
    /// Columns some of whose values did not fit the column's type (written as null, or as
    /// lossy UTF-8 in a text column), with how many.
    pub unfit: Vec<(String, u64)>,
}

/// Exports every table and view of `conn` into `dir`, calling `on_done` after each. All of
/// it is read in one transaction, so a load that commits meanwhile is in none or all of it.
pub fn export(
    conn: &Connection,
    dir: &Path,
    options: &Options,
    on_done: &mut dyn FnMut(&Exported),
) -> Result<Vec<Exported>> {
    if options.shard.is_empty() || !(0.0..=1.0).contains(&options.min_share) {
        return Err(Error::Usage(format!(
            "--shard must be a name and --min-share a fraction from 0 to 1 (got {:?} and {})",
            options.shard, options.min_share
        )));
    }
    let snapshot = conn.unchecked_transaction()?;
    let mut objects = objects(conn)?;
    for name in &options.skip {
        if !objects.iter().any(|o| o.name.eq_ignore_ascii_case(name)) {
            let known: Vec<&str> = objects.iter().map(|o| o.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "--skip {name}: no such table or view (there are: {})",
                known.join(", ")
            )));
        }
    }
    objects.retain(|o| {
        !options
            .skip
            .iter()
            .any(|name| o.name.eq_ignore_ascii_case(name))
    });
    let shard = format!("shard={}", partition::path_segment(&options.shard));
    prepare_folder(dir, &objects, &shard, options.force)?;
    let folders = partition::folders(conn, options.min_share)?;
    let mut done = Vec::new();
    for object in objects {
        let exported = export_object(
            conn,
            &object,
            &dir.join(folder_name(&object)),
            &shard,
            &folders,
        )
        .map_err(|e| Error::Export {
            name: object.name.clone(),
            source: Box::new(e),
        })?;
        on_done(&exported);
        done.push(exported);
    }
    snapshot.rollback()?;
    Ok(done)
}

fn folder_name(object: &Object) -> String {
    partition::path_segment(&object.name)
}

/// Creates `dir`, or checks that it is empty or holds only other shards' exports (anything,
/// with `force`).
fn prepare_folder(dir: &Path, objects: &[Object], shard: &str, force: bool) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e));
        }
        Err(_) if dir.exists() && !dir.is_dir() => {
            return Err(Error::Usage(format!(
                "{} exists and is not a folder",
                dir.display()
            )))
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    if force {
        return Ok(());
    }
    // A folder of an export holds only shard folders (and a killed export's hidden ones).
    let is_shard = |name: &str| name.starts_with("shard=") || name.starts_with(".shard=");
    let mut foreign = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let inner = match std::fs::read_dir(entry.path()) {
            Ok(inner) => inner
                .filter_map(|e| e.ok())
                .all(|e| is_shard(&e.file_name().to_string_lossy())),
            Err(_) => false,
        };
        if !inner {
            foreign.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    if !foreign.is_empty() {
        return Err(Error::Usage(format!(
            "{} is not empty ({} is not a corpusdb export); export into a new or empty folder, or one that holds other shards, or add --force to replace this shard's folders in it",
            dir.display(),
            foreign.join(", ")
        )));
    }
    let taken: Vec<&str> = objects
        .iter()
        .filter(|o| dir.join(folder_name(o)).join(shard).exists())
        .map(|o| o.name.as_str())
        .collect();
    if !taken.is_empty() {
        return Err(Error::Usage(format!(
            "{} already holds {shard} ({}): name this database's shard with --shard, or add --force to replace it",
            dir.display(),
            taken.join(", ")
        )));
    }
    Ok(())
}

/// Writes one object's shard into a hidden folder beside its final one, then moves it into
/// place: a failed or killed export leaves no half-written table where a reader would take
/// it for a whole one. A column read as dates that holds a value that is none is written
/// again as text.
fn export_object(
    conn: &Connection,
    object: &Object,
    folder: &Path,
    shard: &str,
    folders: &[partition::Folder],
) -> Result<Exported> {
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let done = folder.join(shard);
    let partial = folder.join(format!(".{shard}.partial"));
    let mut as_text: Vec<String> = Vec::new();
    let written = loop {
        remove(&partial)?;
        std::fs::create_dir(&partial).map_err(|e| Error::io(&partial, e))?;
        let written = write::write_object(conn, object, &partial, folders, &as_text);
        let Ok(exported) = &written else {
            // Best effort: the error being returned matters more than the leftover.
            let _ = std::fs::remove_dir_all(&partial);
            break written?;
        };
        let failed: Vec<String> = exported
            .unfit
            .iter()
            .filter(|(name, _)| {
                exported
                    .columns
                    .iter()
                    .any(|c| c.name == *name && c.kind.is_temporal())
            })
            .map(|(name, _)| name.clone())
            .collect();
        if failed.is_empty() {
            break written?;
        }
        as_text.extend(failed);
    };
    remove(&done)?;
    std::fs::rename(&partial, &done).map_err(|e| Error::io(&done, e))?;
    Ok(written)
}

/// Removes a file or folder if there is one (a link is removed, not followed).
fn remove(path: &Path) -> Result<()> {
    let removed = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    };
    removed.map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests;
