//! Stories: the two example articles are one story, and each includes what the other
//! doesn't; stories grow across loads, survive replaced articles, and are completed by the
//! next load when one was killed before grouping.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

/// The story of the article with this external id.
fn story_of(conn: &rusqlite::Connection, id: &str) -> i64 {
    count(
        conn,
        &format!("SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE a.external_id = '{id}'"),
    )
}

/// Runs a command with `--format csv`: what it printed, and its rows.
fn csv_rows(dir: &Path, args: &[&str]) -> (String, Vec<csv::StringRecord>) {
    let mut args = args.to_vec();
    args.extend(["--format", "csv"]);
    let out = ok(dir, &args);
    let rows = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    (out, rows)
}

/// Loads three articles: two reports of one Sumatra quake (by Wire One and Daily Two, on
/// `dates[0]` and `dates[1]`) and `third` (source, title, text) on `dates[2]`.
fn quake_db(dir: &Path, dates: [Option<&str>; 3], third: (&str, &str, &str)) -> PathBuf {
    let records = [
        ("a", "Wire One", SUMATRA_TITLE, QUAKE_A),
        (
            "b",
            "Daily Two",
            "Rescuers dig for survivors in Padang",
            QUAKE_B,
        ),
        ("c", third.0, third.1, third.2),
    ];
    let lines: Vec<String> = records
        .iter()
        .zip(dates)
        .map(|((id, source, title, text), date)| {
            serde_json::json!({"id": id, "source": source, "date": date, "title": title, "text": text})
                .to_string()
        })
        .collect();
    std::fs::write(dir.join("quakes.jsonl"), lines.join("\n")).unwrap();
    let db = dir.join("quakes.db");
    load(dir, &db, &["quakes.jsonl"], &[]);
    db
}

const SUMATRA_TITLE: &str = "Deadly quake hits Sumatra";
const QUAKE_A: &str = "A magnitude 6.1 earthquake struck the Indonesian island of Sumatra on Tuesday, killing at least 14 people and damaging hundreds of homes in the city of Padang, officials said.\n\nThe quake hit at a depth of 30 kilometres, the US Geological Survey said. Rescue teams searched collapsed buildings in Padang through the night.";
const QUAKE_B: &str = "At least 14 people died when a 6.1-magnitude quake shook Sumatra, Indonesia, on Tuesday, and rescuers in Padang dug through the rubble of collapsed buildings.\n\nThe US Geological Survey put the depth of the earthquake at 30 kilometres. Officials in Padang said hundreds of homes were damaged.";
const QUAKE_OTHER: &str = "A magnitude 5.4 earthquake struck northern Chile on Thursday, shaking buildings in the port city of Iquique, but no damage or injuries were reported, officials said.\n\nThe quake hit at a depth of 80 kilometres, the US Geological Survey said.";

#[test]
fn issue_21_the_same_event_across_outlets_is_one_story_and_a_similar_event_is_not() {
    let dir = workdir();
    let day = Some("2019-03-05");
    let chile = ("Wire One", "Quake shakes northern Chile", QUAKE_OTHER);
    let db = quake_db(dir.path(), [day, day, Some("2019-03-07")], chile);
    let conn = open(&db);
    let story = |id: &str| story_of(&conn, id);
    assert_eq!(story("a"), story("b"), "the same quake, told two ways");
    assert_ne!(story("a"), story("c"), "another quake is another event");

    // The scores of that grouping against gold labels, both shapes of gold file.
    std::fs::write(
        dir.path().join("groups.tsv"),
        "external_id\tevent\na\tsumatra\nb\tsumatra\nc\tchile\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pairs.tsv"),
        "a_external_id\tb_external_id\tverdict\na\tb\tsame\na\tc\tdifferent\nb\tc\tunclear\n",
    )
    .unwrap();
    let db_arg = db.to_str().unwrap();
    let eval = |extra: &[&str]| {
        let mut args = vec!["--db", db_arg, "eval", "stories", "--gold", "groups.tsv"];
        args.extend(extra);
        args.extend(["--format", "csv"]);
        ok(dir.path(), &args)
    };
    let out = eval(&["--gold", "pairs.tsv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "gold,found,labelled,same_together,same_apart,different_together,different_apart,precision,recall,f1"
    );
    assert_eq!(lines[1], "groups.tsv,3,3,1,0,0,2,1.0,1.0,1.0");
    assert_eq!(lines[2], "pairs.tsv,2,2,1,0,0,1,1.0,1.0,1.0");
    assert_eq!(lines[3], "all,5,5,2,0,0,3,1.0,1.0,1.0");

    // The baseline groups the two Sumatra reports too (its cosine over the whole text).
    let out = eval(&["--baseline"]);
    assert!(
        out.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("groups.tsv,3,3,")),
        "{out}"
    );
}

#[test]
fn issue_21_an_undated_article_finds_the_dated_story_it_is_close_to_as_a_whole() {
    let dir = workdir();
    let day = Some("2019-03-05");
    // c, undated, meets no undated story: the dated story of a and b, which the sweep passed
    // and kept in brief (its heaviest terms), is close enough as a whole.
    let toll = ("Daily Three", "Sumatra quake toll rises", QUAKE_B);
    let db = quake_db(dir.path(), [day, day, None], toll);
    let conn = open(&db);
    let rows = "SELECT a.external_id || ' ' || sa.evidence FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY sa.story_id, a.external_id";
    assert_eq!(strings(&conn, rows), ["a first", "b text", "c text"]);
    // Another quake, found by the same terms, is not close enough.
    let dir = workdir();
    let chile = ("Daily Three", "Quake shakes northern Chile", QUAKE_OTHER);
    let db = quake_db(dir.path(), [day, day, None], chile);
    let conn = open(&db);
    assert_eq!(strings(&conn, rows), ["a first", "b text", "c first"]);
}

#[test]
fn issue_21_an_undated_article_of_a_later_load_finds_an_earlier_loads_dated_story() {
    let dir = workdir();
    let record = |id: &str, source: &str, date: Option<&str>, title: &str, text: &str| {
        serde_json::json!({"id": id, "source": source, "date": date, "title": title, "text": text})
            .to_string()
    };
    let first = [
        record("a", "Wire One", Some("2019-03-05"), SUMATRA_TITLE, QUAKE_A),
        record(
            "b",
            "Daily Two",
            Some("2019-03-05"),
            "Rescuers dig for survivors in Padang",
            QUAKE_B,
        ),
        record(
            "chile",
            "Wire One",
            Some("2019-06-01"),
            "Quake shakes northern Chile",
            QUAKE_OTHER,
        ),
    ];
    std::fs::write(dir.path().join("dated.jsonl"), first.join("\n")).unwrap();
    // The second load has only an undated article: no dated day for the sweep to pass, so the
    // earlier load's dated stories are read back in brief.
    let second = record(
        "c",
        "Daily Three",
        None,
        "Sumatra quake toll rises",
        QUAKE_B,
    );
    std::fs::write(dir.path().join("undated.jsonl"), second).unwrap();
    let db = dir.path().join("later.db");
    load(dir.path(), &db, &["dated.jsonl"], &[]);
    load(dir.path(), &db, &["undated.jsonl"], &[]);
    let conn = open(&db);
    let story = |id: &str| story_of(&conn, id);
    assert_eq!(story("a"), story("b"));
    assert_eq!(
        story("c"),
        story("a"),
        "the toll report joins the Sumatra story"
    );
    assert_ne!(story("chile"), story("a"));
    let matched = strings(
        &conn,
        "SELECT m.external_id || ' ' || sa.evidence FROM story_articles sa JOIN articles a ON a.id = sa.article_id JOIN articles m ON m.id = sa.matched_article_id WHERE a.external_id = 'c'",
    );
    assert_eq!(
        matched,
        ["b text"],
        "its nearest member is the one it repeats"
    );
}

#[test]
fn issue_21_story_shows_each_outlets_lead_entities_late_entities_and_quotes() {
    let dir = workdir();
    let db = dir.path().join("seeds.db");
    load(&repo(), &db, &["tests/fixtures/seeds"], &[]);
    let (out, rows) = csv_rows(dir.path(), &["--db", db.to_str().unwrap(), "story", "1"]);
    let of =
        |what: &str| -> Vec<&csv::StringRecord> { rows.iter().filter(|r| &r[3] == what).collect() };
    // Each of the two articles has its lead entities, in order of first mention.
    let lead = of("lead entities");
    assert_eq!(lead.len(), 2, "{out}");
    assert!(
        lead.iter()
            .all(|r| r[4].contains("Bashar al-Assad") && r[4].contains("North Korea")),
        "{out}"
    );
    // Each ran the visit quote.
    let quotes = of("quote");
    for article in ["1", "2"] {
        assert!(
            quotes
                .iter()
                .any(|r| &r[0] == article && r[4].contains("I am going to visit the DPRK")),
            "{out}"
        );
    }
}

#[test]
fn issue_21_ecbplus_gold_labels_name_every_article_by_its_file() {
    let Some(dir) = corpus("ecbplus") else { return };
    let gold = std::fs::read_to_string(repo().join("eval/stories/ecbplus_gold.tsv")).unwrap();
    let labels: BTreeMap<String, String> = gold
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let mut files = 0;
    for topic in std::fs::read_dir(dir.join("ECB+")).unwrap() {
        let topic = topic.unwrap();
        if !topic.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(topic.path()).unwrap() {
            let name = file.unwrap().file_name().to_string_lossy().into_owned();
            let Some(id) = name.strip_suffix(".xml") else {
                continue;
            };
            let event = if id.ends_with("ecbplus") {
                "ecbplus"
            } else {
                "ecb"
            };
            let expected = format!("{}_{event}", topic.file_name().to_string_lossy());
            assert_eq!(labels.get(id), Some(&expected), "{name}");
            files += 1;
        }
    }
    assert_eq!(files, 982);
    assert_eq!(labels.len(), 982);
}

#[test]
fn issue_21_eval_errors_lists_merged_and_missed_pairs_with_what_they_share() {
    let dir = workdir();
    let day = Some("2019-03-05");
    let chile = ("Wire One", "Quake shakes northern Chile", QUAKE_OTHER);
    let db = quake_db(dir.path(), [day, day, Some("2019-03-07")], chile);
    // Judged against the grouping on purpose: a/b "different" (merged), a/c "same" (missed).
    std::fs::write(
        dir.path().join("pairs.tsv"),
        "a_external_id\tb_external_id\tverdict\na\tb\tdifferent\na\tc\tsame\nb\tc\tdifferent\n",
    )
    .unwrap();
    let db_arg = db.to_str().unwrap();
    let args = [
        "--db",
        db_arg,
        "eval",
        "stories",
        "--gold",
        "pairs.tsv",
        "--errors",
        "10",
    ];
    let (out, rows) = csv_rows(dir.path(), &args);
    assert_eq!(rows.len(), 2, "b/c is right, so not listed: {out}");
    let (merged, missed) = (&rows[0], &rows[1]);
    assert_eq!((&merged[1], &merged[2], &merged[7]), ("merged", "a", "b"));
    assert_eq!((&merged[3], &merged[8]), ("Wire One", "Daily Two"));
    assert_eq!(merged[5], merged[10], "one story");
    // What carried the two Sumatra reports together: the place, the magnitude, the toll.
    for term in ["padang", "#6.1", "#14"] {
        assert!(
            merged[12].split(' ').any(|t| t.starts_with(term)),
            "{term} in {}",
            &merged[12]
        );
    }
    assert_eq!((&missed[1], &missed[2], &missed[7]), ("missed", "a", "c"));
    assert_eq!(missed[11], *"Quake shakes northern Chile");
    assert_ne!(missed[5], missed[10], "two stories");
}

#[test]
fn issue_21_undated_articles_meet_a_bounded_number_of_undated_ones() {
    let dir = workdir();
    // An undated report, 1,000 undated articles on other things, then another outlet's copy
    // of the first report: the first has left the undated window by then, so the cost of
    // placing an undated article does not grow with the corpus.
    let mut lines = vec![serde_json::json!({"id": "first", "source": "Wire One",
        "title": SUMATRA_TITLE, "text": QUAKE_A})
    .to_string()];
    for n in 0..1_000 {
        lines.push(
            serde_json::json!({"id": format!("n{n}"), "source": "Daily Two",
                "title": format!("Notice {n}"), "text": format!("Council notice number {n} was filed.")})
            .to_string(),
        );
    }
    lines.push(
        serde_json::json!({"id": "late", "source": "Daily Three", "title": SUMATRA_TITLE,
        "text": QUAKE_A})
        .to_string(),
    );
    std::fs::write(dir.path().join("undated.jsonl"), lines.join("\n")).unwrap();
    let db = dir.path().join("undated.db");
    load(dir.path(), &db, &["undated.jsonl"], &[]);
    let conn = open(&db);
    let story = |id: &str| story_of(&conn, id);
    assert_ne!(story("first"), story("late"));
    // Regrouping says how many articles it held at most.
    let out = run(
        dir.path(),
        &["--db", db.to_str().unwrap(), "stories", "--regroup"],
    );
    let said = text(&out.stderr);
    assert!(
        said.contains("at most 1000 articles in the window"),
        "{said}"
    );
}
