//! Stories: the two example articles are one story, and each includes what the other
//! doesn't; stories grow across loads, survive replaced articles, and are completed by the
//! next load when one was killed before grouping.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;
use serde_json::Value;

fn load(dir: &Path, db: &Path, inputs: &[&str], extra: &[&str]) -> String {
    let mut args = vec!["--db", db.to_str().unwrap(), "load"];
    args.extend(extra);
    args.extend(inputs);
    ok(dir, &args)
}

/// The `story` command's "only …" items, by the article's external id (its file name).
fn only_items(dir: &Path, db: &Path, story: i64) -> BTreeMap<String, BTreeSet<String>> {
    let conn = open(db);
    let out = ok(
        dir,
        &[
            "--db",
            db.to_str().unwrap(),
            "story",
            &story.to_string(),
            "--format",
            "csv",
        ],
    );
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let mut items: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        let article: i64 = row[0].parse().unwrap();
        let file: String = conn
            .query_row(
                "SELECT external_id FROM articles WHERE id = ?1",
                [article],
                |r| r.get(0),
            )
            .unwrap();
        let file = Path::new(&file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if row[3].starts_with("only ") {
            // "Donald Trump (person)" names the entity; a date or quote is the item itself.
            let item = row[4]
                .rsplit_once(" (")
                .filter(|_| &row[3] == "only entity")
                .map_or(&row[4], |(name, _)| name)
                .to_string();
            items.entry(file).or_default().insert(item);
        }
    }
    items
}

#[test]
fn the_example_articles_are_one_story_and_each_includes_what_the_other_does_not() {
    let dir = workdir();
    let db = dir.path().join("seeds.db");
    load(&repo(), &db, &["tests/fixtures/seeds"], &[]);
    let conn = open(&db);
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    let expected: Value = serde_json::from_str(&text).unwrap();
    let cross = &expected["cross_article"];
    assert_eq!(cross["same_story"], Value::Bool(true));
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT story_id) FROM story_articles"),
        1
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT articles || ' ' || coalesce(title, '') FROM story_overview"
        ),
        ["2 Syria’s Assad to meet Kim in North Korea"]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT evidence FROM story_articles ORDER BY article_id"
        ),
        ["first", "text"]
    );

    let only = only_items(dir.path(), &db, 1);
    for (file, key, other) in [
        (
            "000_18912cdddedae764.txt",
            "only_in_000",
            "002_c54f96b386a77b3c.txt",
        ),
        (
            "002_c54f96b386a77b3c.txt",
            "only_in_002",
            "000_18912cdddedae764.txt",
        ),
    ] {
        for item in cross[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
        {
            assert!(
                only[file].contains(item),
                "{item} only in {file}: {:?}",
                only[file]
            );
            assert!(!only[other].contains(item), "{item} is not in {other}");
        }
    }
    // What both carry is in neither list: Assad, Kim, North Korea, the echoed quote.
    for shared in ["Bashar al-Assad", "Kim Jong Un", "North Korea"] {
        assert!(
            only.values().all(|items| !items.contains(shared)),
            "{shared} is in both articles: {only:?}"
        );
    }
    assert!(
        only.values()
            .flatten()
            .all(|item| !item.contains("I am going to visit the DPRK")),
        "{only:?}"
    );

    let listed = ok(
        dir.path(),
        &["--db", db.to_str().unwrap(), "stories", "--format", "csv"],
    );
    assert!(
        listed
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("1,2,1,0,")),
        "{listed}"
    );
}

#[test]
fn an_article_loaded_later_joins_the_story_of_an_earlier_load() {
    let dir = workdir();
    let db = dir.path().join("two.db");
    load(
        &repo(),
        &db,
        &["tests/fixtures/seeds/000_18912cdddedae764.txt"],
        &[],
    );
    load(
        &repo(),
        &db,
        &["tests/fixtures/seeds/002_c54f96b386a77b3c.txt"],
        &[],
    );
    let conn = open(&db);
    assert_eq!(strings(&conn, "SELECT story_id || ' ' || evidence || ' ' || coalesce(matched_article_id, '-') FROM story_articles ORDER BY article_id"), ["1 first -", "1 text 1"]);
    assert_eq!(
        strings(
            &conn,
            "SELECT articles || ' ' || first_article_id FROM stories"
        ),
        ["2 1"]
    );
    // Both loads counted their terms once.
    assert_eq!(
        count(
            &conn,
            "SELECT articles FROM story_terms WHERE term = 'pyongyang'"
        ),
        2
    );
}

#[test]
fn articles_left_without_a_story_are_grouped_by_the_next_load() {
    let dir = workdir();
    let db = dir.path().join("seeds.db");
    load(&repo(), &db, &["tests/fixtures/seeds"], &[]);
    let grouped = |conn: &rusqlite::Connection| {
        strings(conn, "SELECT article_id || ' ' || story_id || ' ' || evidence || ' ' || coalesce(round(similarity, 6), '-') FROM story_articles ORDER BY 1")
    };
    let before = grouped(&open(&db));
    // The state a load killed after its batches and before grouping leaves.
    open(&db).execute_batch("UPDATE story_articles SET story_id = NULL, evidence = NULL, matched_article_id = NULL, similarity = NULL; DELETE FROM stories; DELETE FROM story_terms;").unwrap();
    let out = load(&repo(), &db, &["tests/fixtures/seeds"], &[]);
    assert!(
        out.contains("0 added") && out.contains("2 skipped"),
        "{out}"
    );
    let conn = open(&db);
    assert_eq!(before.len(), 2);
    assert_eq!(grouped(&conn), before);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM stories WHERE articles = 2"),
        1
    );
}

#[test]
fn a_replaced_article_leaves_no_empty_or_miscounted_story() {
    let dir = workdir();
    let record = |id: &str, file: &str| {
        let text = std::fs::read_to_string(fixtures().join("seeds").join(file)).unwrap();
        let (title, body) = text.split_once('\n').unwrap();
        serde_json::json!({"id": id, "source": "Wire", "date": "2018-06-01", "title": title, "text": body}).to_string()
    };
    let first = [
        record("a", "000_18912cdddedae764.txt"),
        record("b", "002_c54f96b386a77b3c.txt"),
    ]
    .join("\n");
    std::fs::write(dir.path().join("one.jsonl"), first).unwrap();
    let db = dir.path().join("c.db");
    load(dir.path(), &db, &["one.jsonl"], &[]);
    assert_eq!(count(&open(&db), "SELECT count(*) FROM stories"), 1);
    // Article b changes completely: it is now about something else, and starts its own story.
    let changed = serde_json::json!({"id": "b", "source": "Wire", "date": "2018-06-01", "title": "Harvest festival opens in Vermont",
        "text": "Farmers from across the county brought pumpkins, cider and quilts to the fairground on Saturday, where the annual harvest festival drew record crowds despite the rain."});
    std::fs::write(dir.path().join("two.jsonl"), changed.to_string()).unwrap();
    let out = load(dir.path(), &db, &["two.jsonl"], &["--replace"]);
    assert!(out.contains("1 updated"), "{out}");
    let conn = open(&db);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM stories WHERE articles = 0"),
        0
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT articles || ' ' || title FROM story_overview ORDER BY story_id"
        ),
        [
            "1 Syria’s Assad to meet Kim in North Korea",
            "1 Harvest festival opens in Vermont"
        ]
    );
}
