//! The SQLite file: opening it (pragmas outside any transaction, migrations on every
//! writable open), telling a corpusdb database from anything else, the lock that keeps two
//! loads from writing at once, and the one [`Writer`]. Beside it: [`stories`] stores story
//! features, [`entity_rules`] reads the stored alias rules back and stores entities (learning
//! rules and merging the entities they name is the corpus stage's, `corpus::learned` and
//! `corpus::entity_rules`), [`cooccurrence`] keeps the co-occurrence counts, [`clean`] sets
//! aside repeated lines (also for `corpusdb reclassify`), and [`rollups`] keeps the counts
//! that reports and views read. [`read_back`] reads stored articles back for `merge`.

pub mod clean;
pub mod cooccurrence;
pub mod entity_rules;
pub mod read_back;
pub mod rollups;
pub mod stories;
pub mod writer;

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::{Error, Result};

pub use writer::{Outcome, Writer};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// How long a reader or writer waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Held for the whole of a load. SQLite alone would let two loads take turns batch by batch
/// (each commit lets the other in), interleaving their articles and racing for the same
/// content; with this lock the second load waits for the first to finish, then runs. The
/// lock is the operating system's (`flock`), so a killed load never leaves it held. It lives
/// in a file beside the database (`corpus.db-lock`, holding the pid of the load), never on
/// the database itself: closing another handle on the database file would drop SQLite's
/// own locks.
pub struct LoadLock {
    _file: File,
}

impl LoadLock {
    /// Takes the lock for `db`, first calling `on_wait` with a description of the holder
    /// when another load has it, then waiting for it.
    pub fn acquire(db: &Path, on_wait: &mut dyn FnMut(&str)) -> Result<LoadLock> {
        refuse_folder(db)?;
        let path = Self::path(db);
        let mut file = match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let folder = db.parent().unwrap_or(db).display();
                return Err(Error::Usage(format!(
                    "cannot create {}: the folder {folder} does not exist",
                    db.display()
                )));
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                let why = "a load writes the database and the files SQLite keeps beside it (-wal, -shm) and its -lock";
                return Err(Error::Usage(format!(
                    "cannot write beside {}: permission denied ({why})",
                    db.display()
                )));
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                on_wait(&format!(
                    "another load (pid {}) is writing to {}",
                    pid.trim(),
                    db.display()
                ));
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        // Best effort: the pid only makes the waiting message clearer.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| write!(file, "{}", std::process::id()));
        Ok(LoadLock { _file: file })
    }

    /// The lock file of a database: its path with `-lock` appended, like SQLite's `-wal`.
    pub fn path(db: &Path) -> PathBuf {
        let mut name = db.as_os_str().to_owned();
        name.push("-lock");
        PathBuf::from(name)
    }
}

/// Opens (creating if needed) a database for writing, and brings its schema up to date.
pub fn open_write(path: &Path) -> Result<Connection> {
    refuse_folder(path)?;
    let mut conn = Connection::open(path).map_err(|e| not_corpus_or(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    check_is_corpus(&conn, path, true)?;
    check_version(&conn, path, true)?;
    check_history(&conn, path)?;
    // journal_mode and synchronous must be set outside a transaction.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| not_corpus_or(path, e))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let (cache, mmap) = memory_budget();
    conn.pragma_update(None, "cache_size", -(cache as i64) * 1024)?;
    conn.pragma_update(None, "mmap_size", (mmap as i64) << 20)?;
    // One query plan per statement: otherwise SQLite marks a statement with a bound parameter
    // in a join, an ORDER BY or a LIMIT to be planned again when the parameter changes, and
    // as rusqlite clears the bindings of a cached statement when it goes back to the cache,
    // the writer's cached statements (find_by_id, cluster_has_article, ...) were prepared
    // again on every article. There are no statistics for the plans to depend on anyway.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    // The writer's cached statements (about 25 for one article) must all fit in the cache:
    // with rusqlite's default of 16 they pushed each other out, and every article prepared
    // some of them again.
    conn.set_prepared_statement_cache_capacity(64);
    let report = embedded::migrations::runner().run(&mut conn)?;
    for (version, indexes) in INDEXES_BUILT_EMPTY {
        if report
            .applied_migrations()
            .iter()
            .any(|m| m.version() == *version)
        {
            for index in *indexes {
                conn.execute(
                    &format!("INSERT INTO {index}({index}) VALUES ('rebuild')"),
                    [],
                )?;
            }
        }
    }
    Ok(conn)
}

/// The writer's page cache and memory-mapped size in MiB: 32 and 0 unless the environment
/// says otherwise (`CORPUSDB_CACHE_MIB`, `CORPUSDB_MMAP_MIB`), for a machine with memory to
/// spare and a database much larger than the cache.
fn memory_budget() -> (u64, u64) {
    let mib = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(default)
    };
    (mib("CORPUSDB_CACHE_MIB", 32), mib("CORPUSDB_MMAP_MIB", 0))
}

/// Full-text indexes that a migration created empty: right for a new database, but a
/// database upgraded across that migration already holds the rows they must cover, so they
/// are rebuilt from their content tables once the migration is applied. (A later migration
/// that adds an index can build it in its own SQL.)
const INDEXES_BUILT_EMPTY: &[(i32, &[&str])] = &[(2, &["paragraphs_fts", "articles_fts"])];

/// The received hashes of the stored articles (migration V13), looked up one record at a
/// time on a read-only connection of their own, so that a load's reader can skip a stored
/// record before it is structured: an index probe, so memory stays flat however large the
/// database is.
pub struct StoredHashes(Connection);

impl StoredHashes {
    pub fn open(db: &Path) -> Result<StoredHashes> {
        Ok(StoredHashes(open_read(db)?))
    }

    /// Whether an article received with `hash` is stored. A failed lookup says no: the
    /// record is then structured, and its content hash finds it after all.
    pub fn contains(&self, hash: &str) -> bool {
        self.0
            .prepare_cached(include_str!("sql/find_by_received_hash.sql"))
            .and_then(|mut stmt| stmt.exists([hash]))
            .unwrap_or(false)
    }
}

/// Opens an existing database read-only, for search and reports.
pub fn open_read(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(Error::NotCorpus {
            path: path.to_path_buf(),
            why: "no such file (load articles first: corpusdb load --db FILE PATH...)".into(),
        });
    }
    refuse_folder(path)?;
    let conn = open_read_only(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    check_is_corpus(&conn, path, false)?;
    check_version(&conn, path, false)?;
    Ok(conn)
}

/// Refuses a schema newer than this binary knows, and (for readers, which never migrate) an
/// older one.
fn check_version(conn: &Connection, path: &Path, older_ok: bool) -> Result<()> {
    let current = current_version(conn)?;
    let known = latest_version();
    let why = if current > known {
        format!(
            "its schema is version {current}, written by a newer corpusdb (this one knows {known})"
        )
    } else if current < known && !older_ok {
        format!("its schema is version {current}, this corpusdb needs {known}: run `corpusdb migrate` to upgrade it")
    } else {
        return Ok(());
    };
    Err(Error::NotCorpus {
        path: path.to_path_buf(),
        why,
    })
}

/// refinery trusts its history table and panics on a row it did not write itself (a date or
/// checksum of another shape, from a hand edit or a damaged file): such a file is refused
/// before refinery reads it, with the same date parser refinery uses.
fn check_history(conn: &Connection, path: &Path) -> Result<()> {
    use time::format_description::well_known::Rfc3339;
    if !has_table(conn, "refinery_schema_history")? {
        return Ok(());
    }
    let mut stmt =
        conn.prepare("SELECT version, applied_on, checksum FROM refinery_schema_history")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        // Values that are not text make refinery fail with an error, not a panic.
        let date = row.get::<_, String>(1).ok();
        let checksum = row.get::<_, String>(2).ok();
        let bad_date = date
            .as_deref()
            .is_some_and(|d| time::OffsetDateTime::parse(d, &Rfc3339).is_err());
        let bad_checksum = checksum
            .as_deref()
            .is_some_and(|c| c.parse::<u64>().is_err());
        if bad_date || bad_checksum {
            let version = row
                .get_ref(0)?
                .as_i64()
                .map_or("?".to_string(), |v| v.to_string());
            let why = format!("its schema history (refinery_schema_history) is damaged: the row of version {version} has an applied_on or checksum corpusdb never writes");
            return Err(Error::NotCorpus {
                path: path.to_path_buf(),
                why,
            });
        }
    }
    Ok(())
}

/// Opens a file read-only. Reading a WAL database needs its `-shm` file, which SQLite cannot
/// create in a folder the reader may not write to (a shared data set, a read-only mount).
/// When there is no WAL with content beside it, no load is writing and the main file holds
/// everything: it is then opened as immutable, which needs no side file.
fn open_read_only(path: &Path) -> Result<Connection> {
    use rusqlite::ErrorCode::{CannotOpen, ReadOnly};
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| not_corpus_or(path, e))?;
    let probe = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    });
    let Err(err) = probe else { return Ok(conn) };
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let wal_empty = std::fs::metadata(&wal).ok().is_none_or(|m| m.len() == 0);
    match (err.sqlite_error_code(), path.to_str()) {
        (Some(ReadOnly | CannotOpen), Some(name)) if wal_empty => {
            // A URI path escapes what URIs give meaning to.
            let name = name
                .replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23");
            Connection::open_with_flags(format!("file:{name}?immutable=1"), flags)
                .map_err(|e| not_corpus_or(path, e))
        }
        _ => Err(not_corpus_or(path, err)),
    }
}

/// The newest schema version this binary carries.
pub fn latest_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

/// The SQL of every migration this binary carries, oldest first: the schema's own
/// documentation (its comments) for tools that describe a database.
pub fn migration_sql() -> Vec<String> {
    let mut migrations: Vec<(i32, String)> = embedded::migrations::runner()
        .get_migrations()
        .iter()
        .filter_map(|m| m.sql().map(|sql| (m.version(), sql.to_string())))
        .collect();
    migrations.sort_by_key(|(version, _)| *version);
    migrations.into_iter().map(|(_, sql)| sql).collect()
}

/// The schema version a database is at (0 for a new, empty file).
pub fn current_version(conn: &Connection) -> Result<i64> {
    if !has_table(conn, "refinery_schema_history")? {
        return Ok(0);
    }
    Ok(conn.query_row(
        "SELECT coalesce(max(version), 0) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )?)
}

/// Refuses files that are not SQLite, and SQLite files that hold someone else's tables.
fn check_is_corpus(conn: &Connection, path: &Path, empty_ok: bool) -> Result<()> {
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| not_corpus_or(path, e))?;
    if tables == 0 && empty_ok {
        return Ok(());
    }
    // A first load killed after refinery created its history table, before the first
    // migration committed, leaves that table alone, empty: a new database still.
    if empty_ok && has_table(conn, "refinery_schema_history")? {
        let others: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE tbl_name <> 'refinery_schema_history'",
            [],
            |r| r.get(0),
        )?;
        let recorded: i64 =
            conn.query_row("SELECT count(*) FROM refinery_schema_history", [], |r| {
                r.get(0)
            })?;
        if others == 0 && recorded == 0 {
            return Ok(());
        }
    }
    if !has_table(conn, "refinery_schema_history")? || !has_table(conn, "articles")? {
        let why = if tables == 0 {
            "it is empty"
        } else {
            "it is a SQLite database without corpusdb's tables"
        };
        return Err(Error::NotCorpus {
            path: path.to_path_buf(),
            why: why.into(),
        });
    }
    Ok(())
}

fn refuse_folder(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::NotCorpus {
            path: path.to_path_buf(),
            why: "it is a folder (--db names the database file)".into(),
        });
    }
    Ok(())
}

fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )? > 0)
}

/// Maps SQLite's "not a database" and "corrupt" answers to a clear refusal.
fn not_corpus_or(path: &Path, err: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match err.sqlite_error_code() {
        Some(NotADatabase) => Error::NotCorpus {
            path: path.to_path_buf(),
            why: "it is not a SQLite database".into(),
        },
        Some(DatabaseCorrupt) => Error::NotCorpus {
            path: path.to_path_buf(),
            why: "the SQLite file is corrupt".into(),
        },
        _ => Error::Sqlite(err),
    }
}

/// Brings an existing database's schema up to date (what `open_write` does on every load).
pub fn migrate(path: &Path) -> Result<(i64, i64)> {
    let before = {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| not_corpus_or(path, e))?;
        check_is_corpus(&conn, path, false)?;
        current_version(&conn)?
    };
    let conn = open_write(path)?;
    Ok((before, current_version(&conn)?))
}
