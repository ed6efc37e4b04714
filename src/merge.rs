//! Merging databases loaded apart (on other machines, from other shards) into one, with the
//! result a load of everything into that one would have given.
//!
//! Each input is opened read-only and its articles are read back in the order they were
//! stored ([`store::read_back`]) and handed to the one [`Writer`], in one recorded load, as
//! a load hands it the articles it reads: ids are the output's own, content already stored
//! is skipped (a merge done again adds nothing), outlets, entities and quote clusters are
//! merged by their keys, and the corpus-wide steps run at the end over the whole output.
//! A reader thread reads the input while the calling thread writes.
//!
//! The merge is one row of `loads`: `inputs` are the input databases, `options` says it was
//! a merge and records every load run of every input (when it started, what it read, with
//! which options and version). The problems those loads recorded come along: an article's
//! own warnings are written with it when it is added (as a load does), every other problem
//! (rejected records, conflicts) is copied into the merge's load, once: a later merge of
//! the same load copies only problems recorded since.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;

use rusqlite::Connection;

use crate::model::{Problem, Severity};
use crate::store::read_back::{self, Reader, StoredLoad};
use crate::store::{self, writer::Counts, Writer};
use crate::{Error, Result};

/// Articles per batch handed from the reader thread to the writer.
const BATCH: usize = 256;
/// Batches in flight.
const IN_FLIGHT: usize = 2;

/// How to merge.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Replace an article stored under the same outlet and id (or url) with other content.
    pub replace: bool,
    /// Told who holds the output when a load or merge is writing to it and this one waits.
    pub on_wait: Option<fn(&str)>,
}

/// Where a running merge is, for a progress bar.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub articles: u64,
    /// Articles in all the inputs.
    pub total: u64,
    pub text_bytes: u64,
}

/// The result of a merge.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub load_id: i64,
    #[serde(flatten)]
    pub counts: Counts,
    /// Problems copied from the inputs' loads (part of `counts.failed` and `counts.warnings`).
    pub carried: u64,
    /// Articles an input holds with values corpusdb never writes: not merged, each recorded.
    pub rejected: u64,
    /// Articles whose entity names could not be derived again and are the input's.
    pub names_kept: u64,
}

/// One input, checked and open.
struct Input {
    path: PathBuf,
    conn: Connection,
    loads: Vec<StoredLoad>,
    articles: u64,
}

/// Merges `inputs`, in order, into the database at `out` (created if absent).
pub fn run(
    out: &Path,
    inputs: &[PathBuf],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    // Every input is checked before the output is touched.
    let mut opened = Vec::with_capacity(inputs.len());
    for path in inputs {
        opened.push(open_input(out, path)?);
    }
    let _lock = store::LoadLock::acquire(out, &mut |holder| {
        if let Some(tell) = options.on_wait {
            tell(holder);
        }
    })?;
    let mut conn = store::open_write(out)?;
    // The user's alias rules of the inputs hold in the output too (a later input's rule for
    // a name wins). Rules an input learned from its own articles (surnames) are learned
    // again from everything merged, as one load of it all would.
    let mut rules = Vec::new();
    for input in &opened {
        rules.extend(
            store::entity_rules::stored(&input.conn)?
                .into_iter()
                .filter(|r| !r.learned()),
        );
    }
    let applied = crate::corpus::entity_rules::apply(&mut conn, &rules)?;
    // Problems of each input load already copied by an earlier merge, up to which id.
    let mut copied = earlier_merges(&conn)?;
    let mut plans = Vec::with_capacity(opened.len());
    let mut record = Vec::with_capacity(opened.len());
    for input in &opened {
        let (plan, loads) = plan(input, &mut copied);
        plans.push(plan);
        record.push(
            serde_json::json!({ "database": input.path.display().to_string(), "loads": loads }),
        );
    }
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let recorded = serde_json::json!({ "merge": record, "replace": options.replace });
    let mut writer = Writer::begin(conn, &names, &recorded, options.replace)?;
    if applied.rules + applied.merged > 0 {
        writer.entities_changed();
    }

    let mut summary = Summary {
        load_id: writer.load_id(),
        counts: Counts::default(),
        carried: 0,
        rejected: 0,
        names_kept: 0,
    };
    let mut state = Progress {
        total: opened.iter().map(|i| i.articles).sum(),
        ..Progress::default()
    };
    for (input, plan) in opened.into_iter().zip(plans) {
        merge_one(
            &mut writer,
            input,
            plan,
            &mut summary,
            &mut |articles, bytes| {
                state.articles += articles;
                state.text_bytes += bytes;
                progress(state);
            },
        )?;
    }
    let load_id = writer.load_id();
    let (counts, conn) = writer.finish()?;
    summary.counts = counts;
    crate::corpus::after_write(&conn, load_id)?;
    Ok(summary)
}

/// Opens one input read-only, refusing the output itself and anything that is not a
/// corpusdb database of this version's schema.
fn open_input(out: &Path, path: &Path) -> Result<Input> {
    let refuse = |why: &str| Error::NotCorpus {
        path: path.to_path_buf(),
        why: why.to_string(),
    };
    if !path.exists() {
        return Err(refuse("no such file"));
    }
    if same_file(out, path) {
        return Err(Error::Usage(format!(
            "{} is the output of the merge; it cannot also be one of its inputs",
            path.display()
        )));
    }
    let conn = store::open_read(path)?;
    let loads = read_back::loads(&conn)?;
    let articles = read_back::article_count(&conn)?;
    Ok(Input {
        path: path.to_path_buf(),
        conn,
        loads,
        articles,
    })
}

/// Whether `a` and `b` name one file (`a` may not exist yet): by device and inode when both
/// exist (a hard link too), else by canonical path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        use std::os::unix::fs::MetadataExt;
        return (a.dev(), a.ino()) == (b.dev(), b.ino());
    }
    let canonical = |p: &Path| {
        std::fs::canonicalize(p).ok().or_else(|| {
            let parent = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
        })
    };
    matches!((canonical(a), canonical(b)), (Some(a), Some(b)) if a == b)
}

/// What identifies one load run across databases: when it started, what it read, and the
/// version that ran it.
fn fingerprint(started_at: &str, inputs: &serde_json::Value, tool_version: &str) -> String {
    format!("{started_at}\u{1f}{inputs}\u{1f}{tool_version}")
}

/// A column holding JSON as the JSON it holds, or as a string when it holds other text.
fn json_or_text(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::String(text.to_string()))
}

/// The input loads earlier merges into this database recorded, with the id of the last
/// problem they copied from each.
fn earlier_merges(conn: &Connection) -> Result<HashMap<String, i64>> {
    let mut copied = HashMap::new();
    for load in read_back::loads(conn)? {
        let Some(Ok(value)) = load
            .options
            .as_deref()
            .map(serde_json::from_str::<serde_json::Value>)
        else {
            continue;
        };
        let inputs = value
            .get("merge")
            .and_then(|m| m.as_array())
            .into_iter()
            .flatten();
        for load in inputs.filter_map(|i| i.get("loads")?.as_array()).flatten() {
            let (Some(started), Some(version)) =
                (load["started_at"].as_str(), load["tool_version"].as_str())
            else {
                continue;
            };
            let through = load["problems_through"].as_i64().unwrap_or(0);
            let seen = copied
                .entry(fingerprint(started, &load["inputs"], version))
                .or_insert(0);
            *seen = through.max(*seen);
        }
    }
    Ok(copied)
}

/// For each load of the input: the ids of the problems to copy (after `from`, up to
/// `through`); and the record of the input's loads for the merge's `options`.
type Plan = HashMap<i64, (i64, i64)>;

fn plan(input: &Input, copied: &mut HashMap<String, i64>) -> (Plan, Vec<serde_json::Value>) {
    let mut plan = Plan::new();
    let mut record = Vec::with_capacity(input.loads.len());
    for load in &input.loads {
        let inputs = json_or_text(&load.inputs);
        let through = load.problems_through.unwrap_or(0);
        let seen = copied
            .entry(fingerprint(&load.started_at, &inputs, &load.tool_version))
            .or_insert(0);
        plan.insert(load.id, (*seen, through));
        *seen = through.max(*seen);
        record.push(serde_json::json!({
            "started_at": load.started_at,
            "finished_at": load.finished_at,
            "inputs": inputs,
            "options": load.options.as_deref().map(json_or_text),
            "tool_version": load.tool_version,
            "problems_through": *seen,
        }));
    }
    (plan, record)
}

/// What the reader thread hands the writer.
enum Item {
    Articles(Vec<read_back::Stored>),
    Problems(Vec<Problem>),
}

/// Writes one input's articles, then the problems it carries.
fn merge_one(
    writer: &mut Writer,
    input: Input,
    plan: Plan,
    summary: &mut Summary,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let name = input.path.display().to_string();
    let (tx, rx) = mpsc::sync_channel::<Result<Item>>(IN_FLIGHT);
    let reader = thread::Builder::new()
        .name("merge-read".into())
        .spawn(move || {
            if let Err(e) = read_input(&input.conn, &plan, &tx) {
                let _ = tx.send(Err(e));
            }
        })
        .map_err(|e| Error::io("thread", e))?;
    let written: Result<()> = (|| {
        for item in rx {
            match item? {
                Item::Articles(batch) => {
                    let (count, mut bytes) = (batch.len() as u64, 0);
                    for stored in batch {
                        summary.names_kept += u64::from(stored.names_kept);
                        match stored.article {
                            Ok(article) => {
                                bytes += article.bytes as u64;
                                writer.write(&article)?;
                            }
                            Err(why) => {
                                summary.rejected += 1;
                                let message = format!(
                                    "{name}: article {} not merged: it holds {why}",
                                    stored.id
                                );
                                writer.problem(&Problem {
                                    origin: stored.origin,
                                    severity: Severity::Error,
                                    message,
                                })?;
                            }
                        }
                    }
                    progress(count, bytes);
                }
                Item::Problems(problems) => {
                    for problem in &problems {
                        writer.problem(problem)?;
                    }
                    summary.carried += problems.len() as u64;
                }
            }
        }
        Ok(())
    })();
    // On a write error the receiver is gone, which stops the reader.
    if reader.join().is_err() && written.is_ok() {
        return Err(Error::Internal(format!(
            "reading {name} stopped unexpectedly; the merge is incomplete, run it again"
        )));
    }
    written
}

/// The reader thread: the input's articles in batches, then the problems to copy, all from
/// one snapshot of it.
fn read_input(conn: &Connection, plan: &Plan, tx: &mpsc::SyncSender<Result<Item>>) -> Result<()> {
    conn.execute_batch("BEGIN")?;
    let mut reader = Reader::new(conn)?;
    let mut batch: Vec<read_back::Stored> = Vec::with_capacity(BATCH);
    let mut open = true;
    reader.articles(&mut |stored| {
        batch.push(stored);
        if batch.len() >= BATCH {
            open = tx
                .send(Ok(Item::Articles(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(BATCH),
                ))))
                .is_ok();
        }
        open
    })?;
    if !open {
        return Ok(());
    }
    if !batch.is_empty() && tx.send(Ok(Item::Articles(batch))).is_err() {
        return Ok(());
    }
    let problems: Vec<Problem> = reader
        .problems()
        .into_iter()
        .filter(|p| {
            plan.get(&p.load_id)
                .is_some_and(|&(after, through)| p.id > after && p.id <= through)
        })
        .map(|p| p.problem)
        .collect();
    if !problems.is_empty() {
        let _ = tx.send(Ok(Item::Problems(problems)));
    }
    conn.execute_batch("COMMIT")?;
    Ok(())
}
