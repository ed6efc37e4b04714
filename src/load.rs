//! The load pipeline: a reader thread streams raw articles in batches, a worker stage
//! structures each batch in parallel (rayon, order kept), and the calling thread is the one
//! writer. Channels are bounded, so memory stays flat however large the input is, and the
//! order of articles (and so their ids) is the order of the input. Before any of it, the
//! `--field` overrides are checked against each input file's first record. After the writer
//! has finished, the corpus stage ([`crate::corpus`]) groups the new articles into stories.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;

use rayon::prelude::*;

use crate::corpus::entity_rules::{self, Applied};
use crate::link::alias_rules::AliasRule;
use crate::model::{Article, Problem, Severity};
use crate::read::{self, Item};
use crate::store::{self, writer::Counts, Writer};
use crate::text::classify::Rules;
use crate::{link, text, Error, Result};

/// What the reader hands on: a record to structure, with its received hash, or one stored
/// already (by an earlier load under the same hash), which needs nothing more.
// The large variant is the common one (a first load has no other): boxing it would cost an
// allocation per article to save space on the rare skipped ones.
#[allow(clippy::large_enum_variant)]
enum Received {
    Read(Item, Option<String>),
    Stored { bytes: usize },
}

/// What the text stage hands the writer.
#[allow(clippy::large_enum_variant)]
enum Structured {
    Done(Result<Article, Problem>),
    Stored { bytes: usize },
}

/// Raw articles per batch handed between the stages.
const BATCH: usize = 64;
/// Batches in flight between two stages.
const IN_FLIGHT: usize = 2;

/// What to load and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub read: read::Options,
    /// Replace an article already stored under the same id (or url) when its content changed.
    pub replace: bool,
    /// How blocks are classified (built-in rules plus a user's `--rules` file).
    pub rules: Rules,
    /// The user's alias rules (`--aliases`), stored and applied before the load.
    pub aliases: Vec<AliasRule>,
    /// Told who holds the database when another load is writing to it and this one waits.
    pub on_wait: Option<fn(&str)>,
    /// Threads structuring the text (None: one per processor).
    pub workers: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            read: read::Options::default(),
            replace: false,
            rules: Rules::builtin(),
            aliases: Vec::new(),
            on_wait: None,
            workers: None,
        }
    }
}

/// Where a running load is, for a progress bar.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub articles: u64,
    pub text_bytes: u64,
    /// Bytes of the input files read so far (compressed bytes for gzip).
    pub input_read: u64,
    /// Total size of the input files, when known (not for stdin).
    pub input_total: Option<u64>,
}

/// The result of a load.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub load_id: i64,
    #[serde(flatten)]
    pub counts: Counts,
    /// What the alias rules given with the load changed.
    pub aliases: Applied,
}

/// Loads `inputs` into the database at `db`, calling `progress` after each batch.
pub fn run(
    db: &Path,
    inputs: &[PathBuf],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    // Before the lock and the database: a wrong --field is a mistake to stop on, with
    // nothing written. (The database may not exist yet: then it is none of the inputs.)
    let fields = check_fields(inputs, &own_files(db), &options.read.fields)?;
    let _lock = store::LoadLock::acquire(db, &mut |holder| {
        if let Some(tell) = options.on_wait {
            tell(holder);
        }
    })?;
    let mut conn = store::open_write(db)?;
    let aliases = entity_rules::apply(&mut conn, &options.aliases)?;
    let own_files = own_files(db);
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let recorded = serde_json::json!({
        "replace": options.replace,
        "source": options.read.source,
        "fields": fields,
    });
    let mut writer = Writer::begin(conn, &names, &recorded, options.replace)?;
    if aliases.rules + aliases.merged > 0 {
        writer.entities_changed();
    }

    let input_total = total_size(inputs);
    let input_read = Arc::new(AtomicU64::new(0));
    let (raw_tx, raw_rx) = mpsc::sync_channel::<Vec<Received>>(IN_FLIGHT);
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Structured>>(IN_FLIGHT);
    // The reader looks up each record's received hash on a connection of its own (the
    // migrations have run: the writer has begun), so a record stored by an earlier load is
    // skipped before it costs any structuring.
    let stored = store::StoredHashes::open(db)?;

    let reader = {
        let inputs = inputs.to_vec();
        let read_options = options.read.clone();
        let counter = Arc::clone(&input_read);
        thread::Builder::new()
            .name("read".into())
            .spawn(move || {
                read_all(
                    &inputs,
                    &own_files,
                    &read_options,
                    &counter,
                    &stored,
                    &raw_tx,
                )
            })
            .map_err(|e| Error::io("thread", e))?
    };
    let rules = options.rules.clone();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.workers.unwrap_or(0))
        .thread_name(|i| format!("text-{i}"))
        .build()
        .map_err(|e| Error::io("thread pool", std::io::Error::other(e)))?;
    let worker = thread::Builder::new()
        .name("text".into())
        .spawn(move || {
            for batch in raw_rx {
                let done: Vec<_> = pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|received| match received {
                            Received::Read(item, hash) => {
                                Structured::Done(structure(item, hash, &rules))
                            }
                            Received::Stored { bytes } => Structured::Stored { bytes },
                        })
                        .collect()
                });
                if done_tx.send(done).is_err() {
                    break; // the writer stopped (an error); stop too
                }
            }
        })
        .map_err(|e| Error::io("thread", e))?;

    let mut state = Progress {
        input_total,
        ..Progress::default()
    };
    let written: Result<()> = (|| {
        for batch in done_rx {
            for item in batch {
                match item {
                    Structured::Done(Ok(article)) => {
                        state.text_bytes += article.bytes as u64;
                        writer.write(&article)?;
                    }
                    Structured::Done(Err(problem)) => writer.problem(&problem)?,
                    Structured::Stored { bytes } => {
                        state.text_bytes += bytes as u64;
                        writer.stored_already(bytes);
                    }
                }
                state.articles += 1;
            }
            state.input_read = input_read.load(Ordering::Relaxed);
            progress(state);
        }
        Ok(())
    })();
    // On a write error the receivers are dropped, which stops the other stages.
    // The stages catch panics per article; one escaping a stage would have cut the input
    // short, which must not pass for a finished load.
    let stages_ok = worker.join().is_ok() & reader.join().is_ok();
    if !stages_ok && written.is_ok() {
        return Err(Error::Internal(
            "a load stage stopped unexpectedly; the load is incomplete, run it again".into(),
        ));
    }
    written?;
    let load_id = writer.load_id();
    let (counts, conn) = writer.finish()?;
    crate::corpus::after_write(&conn, load_id)?;
    Ok(Summary {
        load_id,
        counts,
        aliases,
    })
}

/// Structures one raw article, turning a failure into a problem at its origin.
///
/// A bug that panics on one article must not cost the others: a panic while structuring
/// rejects that article, and one while extracting keeps the article with what was found
/// before it, each with a message naming the article's origin.
fn structure(item: Item, received_hash: Option<String>, rules: &Rules) -> Result<Article, Problem> {
    let raw = item?;
    let origin = raw.origin.clone();
    let problem = |severity, message| Problem {
        origin: origin.clone(),
        severity,
        message,
    };
    let processed =
        panic::catch_unwind(AssertUnwindSafe(|| text::process(raw, rules))).map_err(|cause| {
            problem(
                Severity::Error,
                format!(
                    "internal error structuring this article: {}",
                    panic_message(&cause)
                ),
            )
        })?;
    let mut article = processed.map_err(|message| problem(Severity::Error, message))?;
    article.received_hash = received_hash;
    if let Err(cause) = panic::catch_unwind(AssertUnwindSafe(|| link::enrich(&mut article))) {
        article.warnings.push(format!(
            "internal error extracting quotes, entities or dates: {}; stored without the rest",
            panic_message(&cause)
        ));
    }
    Ok(article)
}

fn panic_message(cause: &Box<dyn std::any::Any + Send>) -> String {
    cause
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| cause.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// The database's own files (itself, its WAL, shared memory, journal and load lock), by
/// canonical path: `corpusdb load .` in the database's folder must not read them.
fn own_files(db: &Path) -> Vec<PathBuf> {
    let Ok(db) = fs::canonicalize(db) else {
        return Vec::new();
    };
    let with = |suffix: &str| {
        let mut name = db.clone().into_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    vec![
        with("-wal"),
        with("-shm"),
        with("-journal"),
        store::LoadLock::path(&db),
        db,
    ]
}

/// Checks the `--field` overrides against the columns of each input file's first record,
/// before anything is written, and returns the mapping the load will use: field → column
/// (an array of columns when files differ). Stdin cannot be read twice: its first record is
/// checked as it is read (a problem that skips it), and the overrides stand for its mapping.
fn check_fields(
    inputs: &[PathBuf],
    own_files: &[PathBuf],
    fields: &read::FieldMap,
) -> Result<serde_json::Map<String, serde_json::Value>> {
    use serde_json::Value;
    let mut mapping = serde_json::Map::new();
    let mut stdin = false;
    for (path, _) in read::expand(inputs, &mut |_| {}) {
        stdin |= path.as_os_str() == "-";
        // Only regular files: a FIFO named on the command line can be read only once.
        let regular = fs::metadata(&path).is_ok_and(|m| m.is_file());
        if !regular || fs::canonicalize(&path).is_ok_and(|p| own_files.contains(&p)) {
            continue;
        }
        let Some(columns) = read::columns(&path) else {
            continue;
        };
        fields
            .check(&columns)
            .map_err(|why| Error::MissingColumn(format!("{}: {why}", path.display())))?;
        for (field, column) in fields.mapping(&columns) {
            match mapping.get_mut(&field) {
                None => {
                    mapping.insert(field, column);
                }
                Some(Value::Array(seen)) if !seen.contains(&column) => seen.push(column),
                Some(Value::Array(_)) => {}
                Some(seen) if *seen != column => *seen = Value::Array(vec![seen.take(), column]),
                Some(_) => {}
            }
        }
    }
    if stdin || mapping.is_empty() {
        for (field, column) in fields.overrides() {
            mapping.entry(field).or_insert(column);
        }
    }
    Ok(mapping)
}

/// The reader stage: every input file in order, in batches, each record with its received
/// hash, or marked stored when an earlier load stored it.
fn read_all(
    inputs: &[PathBuf],
    own_files: &[PathBuf],
    options: &read::Options,
    counter: &Arc<AtomicU64>,
    stored: &store::StoredHashes,
    tx: &mpsc::SyncSender<Vec<Received>>,
) {
    let mut batch = Vec::with_capacity(BATCH);
    let mut stopped = false;
    {
        let mut emit = |item: Item| {
            if stopped {
                return;
            }
            let received = match item {
                Ok(raw) => {
                    let hash = raw.received_hash();
                    if stored.contains(&hash) {
                        Received::Stored { bytes: raw.bytes() }
                    } else {
                        Received::Read(Ok(raw), Some(hash))
                    }
                }
                Err(problem) => Received::Read(Err(problem), None),
            };
            batch.push(received);
            if batch.len() >= BATCH {
                stopped = tx
                    .send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))
                    .is_err();
            }
        };
        for (path, name) in read::expand(inputs, &mut emit) {
            if fs::canonicalize(&path).is_ok_and(|p| own_files.contains(&p)) {
                continue; // the database being written, not input
            }
            read::read_file(&path, &name, options, counter, &mut emit);
        }
    }
    if !batch.is_empty() {
        let _ = tx.send(batch);
    }
}

fn total_size(inputs: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for path in inputs {
        if path.as_os_str() == "-" {
            return None;
        }
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .flatten()
            {
                if entry.file_type().is_file() {
                    total += entry.metadata().map(|m| m.len()).unwrap_or(0);
                }
            }
        } else {
            total += fs::metadata(path).ok()?.len();
        }
    }
    Some(total)
}
