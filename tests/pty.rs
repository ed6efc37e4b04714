//! What a person at a terminal sees: run through a pseudo-terminal (`script` from util-linux,
//! as on every Debian and Ubuntu), a valid question with no answer says "no rows" and exits
//! 0; through a pipe it prints nothing, so scripts get an empty result. Says SKIPPED where
//! `script` is missing, except under CI.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{ok, run, text, workdir};

/// Whether util-linux's `script` is here to give the command a terminal.
fn has_script() -> bool {
    let here = Command::new("script")
        .args(["-q", "-e", "-c", "true", "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    if !here {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have util-linux's script"
        );
        eprintln!("SKIPPED: no `script` (util-linux) to run corpusdb on a terminal");
    }
    here
}

/// Runs `corpusdb ARGS` in `dir` with a terminal as its stdin, stdout and stderr; what the
/// terminal showed comes back as stdout, and `-e` passes on the exit status.
fn on_terminal(dir: &Path, args: &[&str]) -> Output {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(env!("CARGO_BIN_EXE_corpusdb"));
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    Command::new("script")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .current_dir(dir)
        .env_remove("CORPUSDB_DB")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .output()
        .expect("run script")
}

#[test]
fn issue_23_a_valid_question_with_no_rows_says_so_on_a_terminal() {
    if !has_script() {
        return;
    }
    let dir = workdir();
    let d = dir.path();
    let seeds = common::fixtures().join("seeds");
    ok(
        d,
        &["--db", "t.db", "load", "--quiet", seeds.to_str().unwrap()],
    );
    for args in [
        &["--db", "t.db", "search", "zyzzyvas"][..],
        &[
            "--db",
            "t.db",
            "report",
            "articles",
            "-p",
            "from=2020-01-01",
        ],
    ] {
        let shown = on_terminal(d, args);
        let screen = text(&shown.stdout);
        assert_eq!(shown.status.code(), Some(0), "{args:?}: {screen}");
        assert!(
            screen.contains("no rows"),
            "{args:?} on a terminal: {screen:?}"
        );
        // Through pipes: nothing to read as a row, and no "no rows" either.
        let piped = run(d, args);
        assert_eq!(piped.status.code(), Some(0), "{args:?}");
        assert!(
            !text(&piped.stdout).contains("no rows") && !text(&piped.stderr).contains("no rows"),
            "{args:?} through a pipe: {}",
            text(&piped.stderr)
        );
    }
    // A question with rows shows them, and no "no rows".
    let shown = on_terminal(d, &["--db", "t.db", "search", "Kim"]);
    let screen = text(&shown.stdout);
    assert!(
        shown.status.success() && screen.contains("Kim") && !screen.contains("no rows"),
        "{screen}"
    );
}
