//! Ctrl-C during a load (issue #23): SIGINT to the real binary mid-load says how many
//! articles were stored and that re-running continues, removes the lock file, exits 130; the
//! same command run again finishes the job with nothing stored twice.

mod common;
#[path = "common/generated.rs"]
mod generated;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

#[test]
fn issue_23_ctrl_c_during_a_load_says_what_was_stored_and_exits_130() {
    let dir = workdir();
    let d = dir.path();
    let news = d.join("news.jsonl");
    generated::generate(&news, 20_000);
    let db = d.join("t.db");
    let args = ["--db", "t.db", "load", "news.jsonl", "--quiet"];
    let child = Command::new(env!("CARGO_BIN_EXE_corpusdb"))
        .args(args)
        .current_dir(d)
        .env_remove("CORPUSDB_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first committed batch, then interrupt.
    let started = Instant::now();
    let stored = || -> i64 {
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    while stored() == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no batch stored"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    let said: i64 = stderr
        .split("interrupted: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {stderr:?}"));
    assert!(said > 0 && said < 20_000, "{stderr}");
    assert!(stderr.contains("run the same command again"), "{stderr}");
    assert!(
        !d.join("t.db-lock").exists(),
        "the lock file is left behind"
    );
    let conn = open(&db);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), said);
    drop(conn);
    // Again: it carries on, and nothing is stored twice.
    run(d, &args);
    let conn = open(&db);
    let total = count(&conn, "SELECT count(*) FROM articles");
    assert!(total > said, "{total}");
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1)"
        ),
        0
    );
}
