//! README.md's tour runs as written (issue #23): every command of its first `sh` block, in a
//! scratch copy of the repo root's example, with the built `corpusdb` first on the PATH.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// The lines of the first ```sh block after `## A tour`, without comments and blank lines.
fn tour(readme: &str) -> Vec<String> {
    let after = readme
        .split_once("\n## A tour\n")
        .expect("README has a tour")
        .1;
    let block = after
        .split_once("```sh\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .expect("the tour is a sh block")
        .0;
    block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn issue_23_every_command_of_the_readme_tour_runs_on_the_example() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let commands = tour(&readme);
    assert!(commands.len() >= 15, "{commands:?}");
    let dir = workdir();
    let d = dir.path();
    std::fs::copy(
        repo().join("corpus.db.example"),
        d.join("corpus.db.example"),
    )
    .unwrap();
    // The tour loads tests/fixtures/seeds, from the repo root.
    std::os::unix::fs::symlink(repo().join("tests"), d.join("tests")).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_corpusdb")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for command in &commands {
        let out = Command::new("sh")
            .args(["-c", command])
            .current_dir(d)
            .env("PATH", &path)
            .env_remove("CORPUSDB_DB")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{command}: exit {:?}\n{}",
            out.status.code(),
            text(&out.stderr)
        );
        let quiet = command.contains(" > ") || command.starts_with("cp ");
        assert!(quiet || !out.stdout.is_empty(), "{command} printed nothing");
    }
    // What the tour's commands made, and what they found.
    assert!(d.join("overview.csv").exists());
    assert!(d.join("corpus-parquet").is_dir());
    let search = Command::new("sh")
        .args(["-c", "corpusdb search 'Kim visit' --csv"])
        .current_dir(d)
        .env("PATH", &path)
        .output()
        .unwrap();
    assert!(text(&search.stdout).lines().count() > 1);
}

/// Every command's --help ends with examples that name the command (issue #23).
#[test]
fn issue_23_every_help_has_an_example() {
    let dir = workdir();
    let help = |args: &[&str]| -> String {
        let out = run(dir.path(), args);
        assert!(out.status.success(), "{args:?}");
        text(&out.stdout)
    };
    let top = help(&["--help"]);
    let commands: Vec<String> = top
        .split_once("Commands:\n")
        .expect("commands listed")
        .1
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 12, "{commands:?}");
    assert!(top.contains("Examples:\n  corpusdb "), "{top}");
    let mut checked = 0;
    for command in &commands {
        let text = help(&[command, "--help"]);
        let examples = text
            .split_once("Examples:\n")
            .unwrap_or_else(|| panic!("{command} --help has no examples"))
            .1;
        assert!(
            examples.lines().any(|l| l.contains(&format!(" {command}"))),
            "{command}: {examples}"
        );
        // Commands of commands (`eval ner`, `chart timeline`, `train ner`) too.
        let Some((_, subcommands)) = text.split_once("Commands:\n") else {
            continue;
        };
        for sub in subcommands
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .filter_map(|l| l.split_whitespace().next())
            .filter(|c| *c != "help")
        {
            let text = help(&[command, sub, "--help"]);
            let examples = text
                .split_once("Examples:\n")
                .unwrap_or_else(|| panic!("{command} {sub} --help has no examples"))
                .1;
            assert!(
                examples
                    .lines()
                    .any(|l| l.contains(&format!(" {command} {sub}"))),
                "{command} {sub}: {examples}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} commands of commands");
}
