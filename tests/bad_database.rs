//! Security and damaged databases: search, reports and stats open the file read-only (also
//! where the reader may not write at all); user input is bound, never spliced into SQL; and
//! a file that is not a corpusdb database, is damaged, truncated, or from a newer corpusdb is
//! refused with a clear message and never a panic.

mod common;
#[path = "common/generated.rs"]
mod generated;
#[path = "common/unprivileged.rs"]
mod unprivileged;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

/// A real database of a few hundred pages: the example articles and generated records.
fn real_db(dir: &Path) -> PathBuf {
    let db = dir.join("good.db");
    generated::generate(&dir.join("news.jsonl"), 1_500);
    let out = run(
        &repo(),
        &[
            "--db",
            db.to_str().unwrap(),
            "load",
            "tests/fixtures/seeds",
            dir.join("news.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    db
}

const COMMANDS: [&str; 4] = ["search", "report", "stats", "load"];

/// Runs one of the commands that open the database on `db`.
fn command(dir: &Path, db: &Path, command: &str) -> Output {
    let db = db.to_str().unwrap();
    let seeds = repo().join("tests/fixtures/seeds");
    match command {
        "search" => run(dir, &["--db", db, "search", "minister", "--format", "csv"]),
        "report" => run(dir, &["--db", db, "report", "overview", "--format", "csv"]),
        "stats" => run(dir, &["--db", db, "stats", "--format", "csv"]),
        _ => run(dir, &["--db", db, "load", seeds.to_str().unwrap()]),
    }
}

#[track_caller]
fn assert_no_panic(what: &str, out: &Output) {
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains("panicked") && out.status.code().is_some(),
        "{what}: {:?} {stderr}",
        out.status
    );
}

const PAGE: usize = 4096;

#[test]
fn damaged_databases_are_refused_with_a_clear_message_never_a_panic() {
    let dir = workdir();
    let d = dir.path();
    let good = fs::read(real_db(d)).unwrap();
    let pages = good.len() / PAGE;
    assert!(pages > 100, "{pages} pages");
    // Pages overwritten with noise: the header page, the next ones (schema, first tables),
    // and pages through the file; then the file cut in half.
    let mut noise = generated::Rng(7);
    let mut cases: Vec<(String, Vec<u8>)> =
        [0, 1, 2, pages / 4, pages / 2, 3 * pages / 4, pages - 1]
            .into_iter()
            .map(|page| {
                let mut bytes = good.clone();
                bytes[page * PAGE..(page + 1) * PAGE]
                    .iter_mut()
                    .for_each(|b| *b = noise.next() as u8);
                (format!("page {} of {pages} overwritten", page + 1), bytes)
            })
            .collect();
    cases.push(("cut in half".to_string(), good[..good.len() / 2].to_vec()));
    let db = d.join("damaged.db");
    let mut refused = Vec::new();
    for (case, bytes) in &cases {
        for name in COMMANDS {
            // Each command gets the damaged file as it was, not as an earlier one left it.
            fs::write(&db, bytes).unwrap();
            let out = command(d, &db, name);
            let what = format!("{case}, {name}");
            assert_no_panic(&what, &out);
            let stderr = text(&out.stderr);
            match out.status.code() {
                // SQLite reads only the pages a query needs: a command that needs no damaged
                // page works, and its answer comes from intact pages.
                Some(0 | 3) => {}
                Some(1) => {
                    let clear = stderr.contains("The database file is damaged")
                        || stderr.contains("is not a corpusdb database");
                    assert!(clear, "{what}: unclear message: {stderr}");
                    refused.push(what);
                }
                other => panic!("{what}: exit {other:?} {stderr}"),
            }
        }
    }
    eprintln!("refused: {refused:#?}");
    for must in ["page 1 of", "cut in half"] {
        for name in COMMANDS {
            assert!(
                refused
                    .iter()
                    .any(|r| r.starts_with(must) && r.ends_with(name)),
                "{must}, {name} was not refused: {refused:#?}"
            );
        }
    }
}

#[test]
fn files_that_are_not_corpusdb_databases_are_refused_by_every_command() {
    let dir = workdir();
    let d = dir.path();
    let foreign = d.join("foreign.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos(path) VALUES ('a.jpg');").unwrap();
    let newer = real_db(d);
    let edited = d.join("edited.db");
    fs::copy(&newer, &edited).unwrap();
    rusqlite::Connection::open(&newer).unwrap()
        .execute("INSERT INTO refinery_schema_history(version, name, applied_on, checksum) VALUES (99, 'from_the_future', '2030-01-01T00:00:00Z', '1')", [])
        .unwrap();
    // A history row that refinery did not write (it would panic reading its date).
    rusqlite::Connection::open(&edited)
        .unwrap()
        .execute(
            "UPDATE refinery_schema_history SET applied_on = 'yesterday'",
            [],
        )
        .unwrap();
    let text_file = d.join("notes.db");
    fs::write(
        &text_file,
        "Not a database, only some notes that are long enough to fill a header. ".repeat(20),
    )
    .unwrap();
    let cases: [(&Path, &str, &[&str]); 4] = [
        (&edited, "refinery_schema_history) is damaged", &["load"]),
        (&foreign, "without corpusdb's tables", &COMMANDS),
        (&text_file, "it is not a SQLite database", &COMMANDS),
        (
            &newer,
            "version 99, written by a newer corpusdb",
            &["search", "report", "stats"],
        ),
    ];
    for (db, says, commands) in cases {
        let before = fs::read(db).unwrap();
        for name in commands {
            let out = command(d, db, name);
            let what = format!("{}, {name}", db.display());
            assert_no_panic(&what, &out);
            assert_eq!(out.status.code(), Some(1), "{what}");
            let stderr = text(&out.stderr);
            assert!(
                stderr.contains("is not a corpusdb database") && stderr.contains(says),
                "{what}: {stderr}"
            );
        }
        assert!(
            fs::read(db).unwrap() == before,
            "{}: a refused file was changed",
            db.display()
        );
    }
    // A load into a database from a newer corpusdb refuses too, and adds nothing.
    let out = command(d, &newer, "load");
    assert_no_panic("newer, load", &out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("version 99, written by a newer corpusdb"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(count(&open(&newer), "SELECT count(*) FROM loads"), 1);
}

#[test]
fn readers_work_where_they_may_not_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workdir();
    let d = dir.path();
    fs::set_permissions(d, fs::Permissions::from_mode(0o755)).unwrap();
    let db = real_db(d);
    fs::set_permissions(&db, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&db).unwrap();
    let as_reader = |args: &[&str]| {
        unprivileged::corpusdb(d)
            .args(["--db", db.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap()
    };
    let found = as_reader(&["search", "minister Brussels", "--format", "csv"]);
    assert!(found.status.success(), "{}", text(&found.stderr));
    assert_eq!(
        text(&found.stdout).lines().count(),
        21,
        "20 rows and the header"
    );
    let overview = as_reader(&["report", "overview", "--format", "csv"]);
    assert!(
        overview.status.success() && text(&overview.stdout).contains("Daily A"),
        "{}",
        text(&overview.stderr)
    );
    let stats = as_reader(&["stats", "--format", "csv"]);
    assert!(
        stats.status.success() && text(&stats.stdout).contains("articles,"),
        "{}",
        text(&stats.stderr)
    );
    // A load there cannot write, and says why.
    let load = as_reader(&[
        "load",
        repo().join("tests/fixtures/seeds").to_str().unwrap(),
    ]);
    assert_eq!(load.status.code(), Some(1));
    let why = text(&load.stderr);
    assert!(
        why.contains("permission denied") || why.contains("readonly"),
        "{why}"
    );
    assert!(
        fs::read(&db).unwrap() == before,
        "a reader changed the file"
    );
    assert!(
        !d.join("good.db-wal").exists() && !d.join("good.db-shm").exists(),
        "a reader left side files"
    );
}

#[test]
fn user_input_is_bound_never_spliced_into_sql() {
    let dir = workdir();
    let d = dir.path();
    let db = real_db(d);
    let db = db.to_str().unwrap();
    let hostile = [
        "x' OR '1'='1",
        "'; DROP TABLE articles; --",
        "\") OR 1=1 --",
        "%",
        "_",
        "Daily A' --",
    ];
    for value in hostile {
        // No outlet has such a name: a usage error naming it (issue #23), no rows.
        let out = run(
            d,
            &[
                "--db",
                db,
                "report",
                "articles",
                "-p",
                &format!("source={value}"),
                "--format",
                "csv",
            ],
        );
        assert_eq!(out.status.code(), Some(2), "source={value:?}");
        assert_eq!(text(&out.stdout), "", "source={value:?} matched rows");
        assert!(
            text(&out.stderr).contains("no outlet matches"),
            "{}",
            text(&out.stderr)
        );
        let out = run(d, &["--db", db, "search", value, "--format", "csv"]);
        assert!(
            out.status.success(),
            "search {value:?}: {}",
            text(&out.stderr)
        );
    }
    // The real outlet name matches, as a value, exactly.
    let out = ok(
        d,
        &[
            "--db",
            db,
            "report",
            "articles",
            "-p",
            "source=Daily A",
            "--format",
            "csv",
        ],
    );
    assert!(out.lines().count() > 1, "{out}");
    assert!(
        count(&open(Path::new(db)), "SELECT count(*) FROM articles") > 1000,
        "the articles are all still there"
    );
}
