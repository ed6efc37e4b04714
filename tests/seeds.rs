//! The two example articles: structure, sentences and the committed corpus.db.example.

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::Value;

fn expected() -> Value {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

fn load_seeds() -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = workdir();
    let db = dir.path().join("seeds.db");
    ok(
        &repo(),
        &["--db", db.to_str().unwrap(), "load", "tests/fixtures/seeds"],
    );
    let conn = open(&db);
    (dir, conn)
}

fn blocks(conn: &rusqlite::Connection, file: &str, kind: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND p.kind = ?2 ORDER BY p.position")
        .unwrap();
    stmt.query_map([file, kind], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn titles_deks_and_body_blocks_match_expected() {
    let (_dir, conn) = load_seeds();
    let expected = expected();
    for (file, article) in expected["articles"].as_object().unwrap() {
        let source = std::fs::read_to_string(fixtures().join("seeds").join(file)).unwrap();
        let title = article["title"].as_str().unwrap();
        assert_eq!(blocks(&conn, file, "title"), [title], "{file}");
        let stored: String = conn
            .query_row(
                "SELECT title FROM articles WHERE external_id = ?1",
                [file],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(stored, title);
        match article.get("subtitle").and_then(Value::as_str) {
            Some(dek) => assert_eq!(blocks(&conn, file, "dek"), [dek], "{file}"),
            None => assert!(blocks(&conn, file, "dek").is_empty(), "{file} has no dek"),
        }
        // Every block is stored, in order: the non-blank lines of the file, joined, are the
        // stored blocks joined.
        let all: Vec<String> = {
            let mut stmt = conn.prepare("SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 ORDER BY p.position").unwrap();
            stmt.query_map([file], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let lines: Vec<&str> = source
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(all, lines, "{file}: every line is one block, in order");
        // The body is exactly the story's paragraphs; every boilerplate block is set aside
        // (stored, with a class and a reason), never counted as body.
        let body = blocks(&conn, file, "body");
        assert_eq!(
            body.len() as u64,
            article["body_paragraphs"].as_u64().unwrap(),
            "{file}: {body:#?}"
        );
        let boilerplate: Vec<&str> = article["boilerplate_paragraphs_starting_with"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for start in &boilerplate {
            let (kind, reason): (String, Option<String>) = conn
                .query_row(
                    "SELECT p.kind, p.reason FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND p.text LIKE ?2 || '%'",
                    [file.as_str(), start],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap_or_else(|e| panic!("{file}: {start:?} is stored: {e}"));
            assert!(
                !["title", "dek", "body"].contains(&kind.as_str()),
                "{file}: {start:?} is {kind}"
            );
            assert!(
                reason.is_some_and(|r| !r.is_empty()),
                "{file}: {start:?} has a reason"
            );
        }
        assert!(body
            .iter()
            .all(|b| !boilerplate.iter().any(|start| b.starts_with(start))));
        // Languages: the article's, and the French chrome blocks'.
        let language: String = conn
            .query_row(
                "SELECT language FROM articles WHERE external_id = ?1",
                [file],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(language, article["language"].as_str().unwrap(), "{file}");
        if let Some(langs) = article
            .get("boilerplate_languages")
            .and_then(Value::as_object)
        {
            for (start, lang) in langs {
                let got: String = conn
                    .query_row("SELECT p.language FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND p.text LIKE ?2 || '%'", [file.as_str(), start.as_str()], |r| r.get(0))
                    .unwrap();
                assert_eq!(got, lang.as_str().unwrap(), "{file}: {start:?}");
            }
        }
        // The outlet: named in the second article's footer, none in the first.
        let outlet: Option<String> = conn
            .query_row("SELECT s.name FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.external_id = ?1", [file], |r| r.get(0))
            .unwrap();
        assert_eq!(outlet.as_deref(), article["source"].as_str(), "{file}");
    }
}

#[test]
fn the_caption_is_a_caption_and_the_skip_link_navigation() {
    let (_dir, conn) = load_seeds();
    let row = |file: &str, start: &str| -> (String, String) {
        conn.query_row(
            "SELECT p.kind, p.reason FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND p.text LIKE ?2 || '%'",
            [file, start],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    let (kind, reason) = row("002_c54f96b386a77b3c.txt", "The Syrian president meets");
    assert_eq!(kind, "caption");
    assert!(reason.contains("(SANA/AFP)"), "{reason}");
    let (kind, reason) = row(
        "000_18912cdddedae764.txt",
        "North Korean leader Kim Jong-Un / AFP PHOTO",
    );
    assert_eq!(kind, "caption");
    assert!(reason.contains("AFP PHOTO"), "{reason}");
    let (kind, _) = row("000_18912cdddedae764.txt", "Join Our Channels");
    assert_eq!(kind, "promo");
}

#[test]
fn skip_link_before_the_title_is_navigation_with_a_reason() {
    let (_dir, conn) = load_seeds();
    let row: (String, String, String) = conn
        .query_row("SELECT p.kind, p.reason, p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.external_id = '002_c54f96b386a77b3c.txt' AND p.position = 0", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!(row.0, "navigation");
    assert!(
        row.1.contains("navigation link") && row.1.contains("before the title"),
        "{}",
        row.1
    );
    assert_eq!(row.2, "Aller au contenu principal");
}

#[test]
fn every_seed_sentence_is_cut_where_a_reader_would_cut_it() {
    let (_dir, conn) = load_seeds();
    // Hand-checked: one line per sentence, "article<TAB>block position<TAB>sentence".
    let gold = std::fs::read_to_string(fixtures().join("seed_sentences.tsv")).unwrap();
    let mut want: BTreeMap<(String, i64), Vec<String>> = BTreeMap::new();
    for line in gold.lines() {
        let mut parts = line.splitn(3, '\t');
        let (file, pos, sentence) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        want.entry((format!("{file}.txt"), pos.parse().unwrap()))
            .or_default()
            .push(sentence.to_string());
    }
    let mut stmt = conn
        .prepare("SELECT a.external_id, p.position, substr(p.text, s.start + 1, s.\"end\" - s.start) FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id JOIN articles a ON a.id = p.article_id ORDER BY p.id, s.position")
        .unwrap();
    let mut got: BTreeMap<(String, i64), Vec<String>> = BTreeMap::new();
    for row in stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .unwrap()
    {
        let (file, pos, sentence) = row.unwrap();
        got.entry((file, pos)).or_default().push(sentence);
    }
    assert_eq!(got, want);
    for (check, bad) in sentence_invariant_violations(&conn) {
        assert_eq!(bad, 0, "{check}");
    }
    assert_eq!(cooccurrence_mismatches(&conn), Vec::new());
}

#[test]
fn reloading_the_seeds_adds_nothing() {
    let dir = workdir();
    let db = dir.path().join("seeds.db");
    let db = db.to_str().unwrap();
    let first = ok(&repo(), &["--db", db, "load", "tests/fixtures/seeds"]);
    assert!(first.contains("2 added"), "{first}");
    let second = ok(&repo(), &["--db", db, "load", "tests/fixtures/seeds"]);
    assert!(
        second.contains("0 added") && second.contains("2 skipped"),
        "{second}"
    );
    let conn = open(std::path::Path::new(db));
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 2);
    assert_eq!(count(&conn, "SELECT count(*) FROM loads"), 2);
    assert_eq!(count(&conn, "SELECT skipped FROM loads WHERE id = 2"), 2);
}

/// A dump of the database's content: every table's rows in key order, without the load's
/// timestamps (the only thing that differs between two builds of the same input).
fn logical_dump(conn: &rusqlite::Connection) -> String {
    let tables = strings(conn, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name <> 'refinery_schema_history' ORDER BY name");
    let mut dump = String::new();
    for table in tables {
        let sql = format!("SELECT * FROM \"{table}\" ORDER BY 1, 2");
        let mut stmt = conn.prepare(&sql).unwrap();
        let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let mut rows = stmt.query([]).unwrap();
        dump.push_str(&format!("== {table}\n"));
        while let Some(row) = rows.next().unwrap() {
            for (i, name) in names.iter().enumerate() {
                if table == "loads" && (name == "started_at" || name == "finished_at") {
                    let v: Option<String> = row.get(i).unwrap();
                    dump.push_str(if v.is_some() { "<time>|" } else { "NULL|" });
                    continue;
                }
                let v: rusqlite::types::Value = row.get(i).unwrap();
                dump.push_str(&format!("{v:?}|"));
            }
            dump.push('\n');
        }
    }
    // The full-text index must answer the same way too.
    for q in ["kim", "assad AND dprk", "pyongyang"] {
        let hits = strings(conn, &format!("SELECT group_concat(rowid) FROM (SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH '{q}' ORDER BY rowid)"));
        dump.push_str(&format!("fts {q}: {hits:?}\n"));
    }
    dump
}

#[test]
fn corpus_db_example_is_what_the_current_code_builds() {
    let dir = workdir();
    let db = dir.path().join("corpus.db.example");
    // The documented command (README), run from the repo root.
    ok(
        &repo(),
        &["--db", db.to_str().unwrap(), "load", "tests/fixtures/seeds"],
    );
    // immutable: read the committed file without creating WAL side files beside it.
    let uri = format!(
        "file:{}?immutable=1",
        repo().join("corpus.db.example").display()
    );
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI;
    let committed =
        rusqlite::Connection::open_with_flags(uri, flags).expect("corpus.db.example is committed");
    let (want, got) = (logical_dump(&open(&db)), logical_dump(&committed));
    assert!(want.contains("Syria’s Assad to meet Kim in North Korea"));
    if let Some((n, (g, w))) = got
        .lines()
        .zip(want.lines())
        .enumerate()
        .find(|(_, (g, w))| g != w)
    {
        panic!("corpus.db.example is stale (rebuild it with the command in README.md); dump line {n}:\n committed: {g}\n  rebuilt: {w}");
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "corpus.db.example is stale: rebuild it with the command in README.md"
    );
}
