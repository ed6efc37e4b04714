//! Crash safety: SIGKILL `corpusdb load` at random moments of a large load, check the
//! database after each kill, then finish the load and compare it with an uninterrupted one.
//!
//! After every kill: `PRAGMA integrity_check` is ok, `PRAGMA foreign_key_check` finds
//! nothing, every FTS5 index passes its own integrity check against its content, and no
//! article is half stored (each has all the paragraphs, and all the rows of every table
//! that hangs off paragraphs, that it has in the uninterrupted load, or is absent). After the last kill the same load runs to the end and
//! must leave exactly the rows of the uninterrupted load: same articles, paragraphs,
//! sentences, sources and index rows, nothing twice.
//!
//! The input is generated (about 12,000 articles, several commits per run) so the test runs
//! anywhere; `scripts/crash_allsides.sh` runs the same test on allsides-37k with
//! `CRASH_INPUT` and `CRASH_KILLS`. `CRASH_SEED` replays a run's kill times.

mod common;
#[path = "common/generated.rs"]
mod generated;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use generated::{generate, Rng};
use rusqlite::Connection;

fn load_command(db: &Path, input: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_corpusdb"));
    cmd.args([
        "--db",
        db.to_str().unwrap(),
        "load",
        "--quiet",
        input.to_str().unwrap(),
    ])
    .env_remove("CORPUSDB_DB")
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    cmd
}

/// Runs a load to its end (exit 0, or 3 for rejected records), returning how long it took.
fn load_to_end(db: &Path, input: &Path) -> Duration {
    let started = Instant::now();
    let out = load_command(db, input).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "load failed: {:?} {}",
        out.status,
        text(&out.stderr)
    );
    started.elapsed()
}

/// The checks that must hold after any kill. Returns the number of articles stored.
fn check_consistent(db: &Path, reference: &Path) -> i64 {
    let conn = Connection::open(db).unwrap();
    let integrity = strings(&conn, "PRAGMA integrity_check");
    assert_eq!(integrity, ["ok"], "integrity_check");
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
        0,
        "foreign_key_check"
    );
    if count(
        &conn,
        "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'",
    ) == 0
    {
        return 0; // killed before the schema was created: an empty database is consistent
    }
    // FTS5 compares each index with its content table (rank 1: external content too).
    for fts in strings(
        &conn,
        "SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'",
    ) {
        conn.execute(
            &format!("INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"),
            [],
        )
        .unwrap_or_else(|e| panic!("{fts} integrity-check: {e}"));
    }
    conn.execute("ATTACH ?1 AS ref", [reference.to_str().unwrap()])
        .unwrap();
    let strangers = count(&conn, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM ref.articles r WHERE r.content_hash = a.content_hash)");
    assert_eq!(
        strangers, 0,
        "articles that the uninterrupted load does not have"
    );
    // Each stored article, with its paragraphs and every row that hangs off them, as in
    // the uninterrupted load.
    let half_stored = count(
        &conn,
        &format!(
            "SELECT count(*) FROM ({} EXCEPT {})",
            article_rows(&conn, "main"),
            article_rows(&conn, "ref")
        ),
    );
    assert_eq!(
        half_stored, 0,
        "articles stored without all their paragraphs, sentences or other rows"
    );
    count(&conn, "SELECT count(*) FROM articles")
}

/// Per article of `schema`: its content hash, its paragraphs (how many, how many characters)
/// and how many rows each table that hangs off paragraphs holds for it: sentences today,
/// and quotes, mentions and date mentions as they land, with no change here.
fn article_rows(conn: &Connection, schema: &str) -> String {
    let tables = strings(conn, "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'paragraph_id') ORDER BY m.name");
    let per_table: String = tables
        .iter()
        .map(|t| format!(", (SELECT count(*) FROM {schema}.\"{t}\" t JOIN {schema}.paragraphs p ON p.id = t.paragraph_id WHERE p.article_id = a.id)"))
        .collect();
    format!(
        "SELECT a.content_hash, (SELECT count(*) || ':' || total(length(text)) FROM {schema}.paragraphs p WHERE p.article_id = a.id){per_table} FROM {schema}.articles a"
    )
}

/// Rows per table, for every table a load fills (the FTS indexes by their per-row
/// `_docsize` tables; their segment tables differ with the order of merges).
fn table_counts(conn: &Connection) -> Vec<String> {
    let tables = strings(
        conn,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
           AND name NOT LIKE 'sqlite%' AND name NOT IN ('refinery_schema_history', 'loads', 'load_errors')
           AND (name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' OR name LIKE '%\\_fts\\_docsize' ESCAPE '\\')
         ORDER BY name",
    );
    tables
        .into_iter()
        .map(|t| {
            format!(
                "{t}: {}",
                count(conn, &format!("SELECT count(*) FROM \"{t}\""))
            )
        })
        .collect()
}

/// Every stored row that a load produces, in a form two databases can be compared by:
/// ids differ between the two, so rows are keyed by content hash and position.
fn content(conn: &Connection) -> Vec<String> {
    let mut rows = strings(
        conn,
        "SELECT a.content_hash || '|' || coalesce(s.name, '') || '|' || coalesce(a.external_id, '') || '|' || coalesce(a.title, '') || '|'
                || coalesce(a.published_at, '') || '|' || a.words || '|' || a.origin || '|' || p.position || '|' || p.kind || '|' || p.text || '|'
                || coalesce((SELECT group_concat(start || '-' || \"end\", ',') FROM (SELECT start, \"end\" FROM sentences WHERE paragraph_id = p.id ORDER BY position)), '')
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id JOIN paragraphs p ON p.article_id = a.id",
    );
    // Each article's story, by the story's first article, and why it joined.
    rows.extend(strings(
        conn,
        "SELECT 'story|' || a.content_hash || '|' || coalesce(f.content_hash, '') || '|' || coalesce(sa.evidence, '') || '|' || coalesce(c.content_hash, '')
         FROM story_articles sa JOIN articles a ON a.id = sa.article_id
         LEFT JOIN stories st ON st.id = sa.story_id LEFT JOIN articles f ON f.id = st.first_article_id
         LEFT JOIN articles c ON c.id = sa.copy_of",
    ));
    rows.sort_unstable();
    rows
}

#[test]
fn killed_loads_leave_a_consistent_database_and_a_rerun_finishes_the_job() {
    let dir = workdir();
    let d = dir.path();
    let input: PathBuf = match std::env::var_os("CRASH_INPUT") {
        Some(path) => PathBuf::from(path),
        None => {
            let path = d.join("generated.jsonl");
            generate(&path, 12_000);
            path
        }
    };
    let kills: usize = std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!(
        "crash test: {} with {kills} kills, CRASH_SEED={seed}",
        input.display()
    );

    let reference = d.join("reference.db");
    let full = load_to_end(&reference, &input);
    let total = count(
        &Connection::open(&reference).unwrap(),
        "SELECT count(*) FROM articles",
    );
    let counts = table_counts(&Connection::open(&reference).unwrap());
    // Loading it all again adds nothing, and takes the time of reading and structuring.
    let again = load_to_end(&reference, &input);
    assert_eq!(
        table_counts(&Connection::open(&reference).unwrap()),
        counts,
        "a second load added rows"
    );
    eprintln!(
        "uninterrupted load: {:.1} s; loading it again: {:.1} s",
        full.as_secs_f64(),
        again.as_secs_f64()
    );

    let db = d.join("killed.db");
    let mut rng = Rng(seed);
    let mut stored = vec![0];
    let mut finished_before_kill = 0;
    let mut rounds = 1;
    let mut landed = 0;
    // Count only the kills that land during a load; a load that ends first is checked too.
    while landed < kills {
        assert!(
            finished_before_kill < 3 * kills,
            "the kills keep missing the loads"
        );
        // A moment anywhere in this run's expected life (shorter as more is stored): one
        // kill in five in the first 50 ms (opening, migrating), the others anywhere in
        // reading, structuring, the batch commits, the final checkpoint.
        let left = 1.0 - *stored.last().unwrap() as f64 / total as f64;
        let expected =
            again.as_secs_f64() + (full.as_secs_f64() - again.as_secs_f64()).max(0.0) * left;
        let span = if rng.below(5) == 0 {
            0.05
        } else {
            expected * 1.6
        };
        let at = Duration::from_micros(rng.below((span * 1e6) as u64));
        let mut child = load_command(&db, &input).spawn().unwrap();
        std::thread::sleep(at);
        let status = match child.try_wait().unwrap() {
            Some(status) => {
                finished_before_kill += 1;
                status
            }
            None => {
                child.kill().unwrap(); // SIGKILL
                landed += 1;
                child.wait().unwrap()
            }
        };
        if !status.code().is_none_or(|c| c == 0 || c == 3) {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
            }
            panic!("load failed on its own: {status:?}: {stderr}");
        }
        stored.push(check_consistent(&db, &reference));
        if *stored.last().unwrap() == total {
            // All stored: later kills would only hit re-runs that skip. Start a new round
            // from an empty file, so that kills keep landing while articles are written.
            rounds += 1;
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
        }
    }
    eprintln!(
        "articles stored after each kill (of {total}): {:?}; {rounds} rounds from an empty file; {kills} kills during a load; {finished_before_kill} more loads ended before their kill",
        &stored[1..]
    );

    load_to_end(&db, &input);
    check_consistent(&db, &reference);
    let (killed, whole) = (
        Connection::open(&db).unwrap(),
        Connection::open(&reference).unwrap(),
    );
    assert_eq!(table_counts(&killed), counts, "row counts after the re-run");
    eprintln!(
        "after the re-run, as after the uninterrupted load: {}",
        counts.join(", ")
    );
    assert!(
        content(&killed) == content(&whole),
        "the re-run stored other content than the uninterrupted load"
    );
    // The killed loads that got as far as recording themselves show as unfinished; the last
    // load finished.
    assert_eq!(count(&killed, "SELECT count(*) FROM loads WHERE finished_at IS NULL AND id < (SELECT max(id) FROM loads)"), count(&killed, "SELECT count(*) - 1 FROM loads"));
    assert_eq!(
        count(
            &killed,
            "SELECT finished_at IS NOT NULL FROM loads ORDER BY id DESC LIMIT 1"
        ),
        1
    );
    // What a killed load rejected is recorded again by the load that finishes the job.
    let last_errors = "SELECT file || ':' || coalesce(line, '') || ' ' || message FROM load_errors WHERE load_id = (SELECT max(id) FROM loads) AND severity = 'error' ORDER BY id";
    assert_eq!(strings(&killed, last_errors), strings(&whole, last_errors));
}

/// Issue 6 (found by this test in CI): a first load killed after refinery created its
/// history table and before the first migration committed left a file the next load refused
/// as "a SQLite database without corpusdb's tables". It is a new database still.
#[test]
fn regress_first_load_killed_before_its_first_migration() {
    let dir = workdir();
    let db = dir.path().join("new.db");
    Connection::open(&db).unwrap()
        .execute_batch("CREATE TABLE refinery_schema_history(version INT4 PRIMARY KEY, name VARCHAR(255), applied_on VARCHAR(255), checksum VARCHAR(255));")
        .unwrap();
    ok(
        &repo(),
        &["--db", db.to_str().unwrap(), "load", "tests/fixtures/seeds"],
    );
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 2);
    assert_eq!(count(&conn, "SELECT count(*) FROM stories"), 1);
    // Someone else's file with only that table in it, but with history, is still refused.
    let other = dir.path().join("other.db");
    Connection::open(&other).unwrap()
        .execute_batch("CREATE TABLE refinery_schema_history(version INT4 PRIMARY KEY, name VARCHAR(255), applied_on VARCHAR(255), checksum VARCHAR(255));
                        INSERT INTO refinery_schema_history VALUES (1, 'init', '2024-01-01T00:00:00Z', '1');")
        .unwrap();
    let out = run(
        &repo(),
        &[
            "--db",
            other.to_str().unwrap(),
            "load",
            "tests/fixtures/seeds",
        ],
    );
    assert!(
        !out.status.success() && text(&out.stderr).contains("without corpusdb's tables"),
        "{}",
        text(&out.stderr)
    );
}
