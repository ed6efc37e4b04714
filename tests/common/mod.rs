//! Helpers for the integration tests: run the real binary in a temporary work dir, find the
//! shared corpora (or say clearly why a test is skipped), open the result with rusqlite.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rusqlite::Connection;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// `../shared/corpora/NAME`, or `None` after printing why the test is skipped.
pub fn corpus(name: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/corpora").join(name);
    if path.exists() {
        Some(path)
    } else {
        // CI always lays ../shared beside the clone: a missing corpus there is a broken
        // checkout, not a reason to pass.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {} is absent: the whole-corpus tests must not skip under CI",
            path.display()
        );
        eprintln!(
            "SKIPPED: {} is absent (this test needs ../shared beside the repo)",
            path.display()
        );
        None
    }
}

/// The first `n` records of allsides as `DIR/allsides-N.jsonl`, or `None` (skipped) when
/// ../shared is absent.
pub fn allsides_slice(dir: &Path, n: usize) -> Option<PathBuf> {
    let allsides = corpus("allsides-37k.jsonl.gz")?;
    let raw = Command::new("sh")
        .arg("-c")
        .arg(format!("zcat '{}' | head -{n}", allsides.display()))
        .output()
        .expect("zcat");
    let path = dir.join(format!("allsides-{n}.jsonl"));
    std::fs::write(&path, raw.stdout).expect("write the slice");
    Some(path)
}

/// A scratch directory, removed when dropped.
pub fn workdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Runs `corpusdb ARGS` in `dir`, with no CORPUSDB_DB from the environment.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    run_with_stdin(dir, args, None)
}

pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpusdb"))
        .args(args)
        .current_dir(dir)
        .env_remove("CORPUSDB_DB")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run corpusdb");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("wait for corpusdb")
}

/// Runs and asserts success, returning stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "corpusdb {args:?} failed: {}\n{}",
        out.status,
        text(&out.stderr)
    );
    text(&out.stdout)
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn open(db: &Path) -> Connection {
    Connection::open(db).expect("open db")
}

pub fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

pub fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    stmt.query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

/// The SQL invariants every database must keep, whatever was loaded: sentences cut
/// non-empty pieces of their paragraph, in order, without overlap, covering all of its text
/// but the white space between them. Returns the number of offending rows per check.
pub fn sentence_invariant_violations(conn: &Connection) -> Vec<(&'static str, i64)> {
    let checks: [(&str, &str); 5] = [
        ("span outside its paragraph or empty",
         "SELECT count(*) FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id
          WHERE s.start < 0 OR s.\"end\" <= s.start OR s.\"end\" > length(p.text)"),
        ("sentence text is blank or has edge white space",
         "SELECT count(*) FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id
          WHERE trim(substr(p.text, s.start + 1, s.\"end\" - s.start), ' ' || char(9, 10, 13, 160)) <> substr(p.text, s.start + 1, s.\"end\" - s.start)
             OR trim(substr(p.text, s.start + 1, s.\"end\" - s.start)) = ''"),
        ("overlap or disorder with the next sentence",
         "SELECT count(*) FROM sentences a JOIN sentences b
            ON b.paragraph_id = a.paragraph_id AND b.position = a.position + 1
          WHERE b.start < a.\"end\""),
        ("text between sentences that is not white space",
         "SELECT count(*) FROM sentences a JOIN sentences b
            ON b.paragraph_id = a.paragraph_id AND b.position = a.position + 1
            JOIN paragraphs p ON p.id = a.paragraph_id
          WHERE trim(substr(p.text, a.\"end\" + 1, b.start - a.\"end\"), ' ' || char(9, 10, 13, 160, 8239, 8201)) <> ''"),
        ("paragraph text before the first or after the last sentence, or none at all",
         "SELECT count(*) FROM paragraphs p
          LEFT JOIN (SELECT paragraph_id, min(start) AS first, max(\"end\") AS last FROM sentences GROUP BY paragraph_id) s
            ON s.paragraph_id = p.id
          WHERE s.paragraph_id IS NULL
             OR trim(substr(p.text, 1, s.first)) <> ''
             OR trim(substr(p.text, s.last + 1)) <> ''"),
    ];
    checks
        .iter()
        .map(|(name, sql)| (*name, count(conn, sql)))
        .collect()
}

/// The clean-text judgement of a corpus, by people reading a fixed sample of blocks
/// (eval/clean_text/FILE: corpus, sample, external_id, position, kind, verdict, note),
/// scored against the kinds in `conn` now: (set-aside blocks judged, of which chrome; body
/// blocks judged, of which chrome). Blocks whose class changed since judging count in the
/// group they are in now.
pub fn judged(conn: &Connection, file: &str, corpus: &str) -> (usize, usize, usize, usize) {
    let text =
        std::fs::read_to_string(repo().join("eval/clean_text").join(file)).expect("verdict file");
    let (mut aside, mut aside_chrome, mut body, mut body_chrome) = (0, 0, 0, 0);
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] != corpus {
            continue;
        }
        let kind: String = conn
            .query_row(
                "SELECT p.kind FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND p.position = ?2",
                rusqlite::params![f[2], f[3].parse::<i64>().expect("position")],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{file}: {} {} not found: {e}", f[2], f[3]));
        let chrome = f[5] == "chrome";
        match kind.as_str() {
            "title" | "dek" | "body" => {
                body += 1;
                body_chrome += usize::from(chrome);
            }
            _ => {
                aside += 1;
                aside_chrome += usize::from(chrome);
            }
        }
    }
    (aside, aside_chrome, body, body_chrome)
}

/// Rows where `cooccurrence_counts` (kept by the writer, one article at a time) differs from
/// the pairs counted afresh over all mentions: (entity, other, kept counts, fresh counts).
pub fn cooccurrence_mismatches(conn: &Connection) -> Vec<(i64, i64, String, String)> {
    let sql = "
        WITH units AS (SELECT DISTINCT paragraph_id, sentence, entity_id FROM mentions),
        per_paragraph AS (
            SELECT a.paragraph_id, a.entity_id AS e, b.entity_id AS o, sum(a.sentence IS b.sentence) AS sentences
            FROM units a JOIN units b ON b.paragraph_id = a.paragraph_id AND b.entity_id >= a.entity_id
            GROUP BY a.paragraph_id, a.entity_id, b.entity_id
        ),
        fresh AS (
            SELECT e, o, count(*) || '/' || sum(sentences) || '/' || count(DISTINCT p.article_id) AS counts
            FROM per_paragraph JOIN paragraphs p ON p.id = per_paragraph.paragraph_id
            GROUP BY e, o
        ),
        kept AS (SELECT entity_id AS e, other_id AS o, paragraphs || '/' || sentences || '/' || articles AS counts FROM cooccurrence_counts)
        SELECT k.e, k.o, k.counts, coalesce(f.counts, '-') FROM kept k LEFT JOIN fresh f USING (e, o) WHERE f.counts IS NOT k.counts
        UNION ALL
        SELECT f.e, f.o, '-', f.counts FROM fresh f LEFT JOIN kept k USING (e, o) WHERE k.e IS NULL
        LIMIT 20";
    let mut stmt = conn.prepare(sql).expect("cooccurrence check");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}
