//! Outlets and fields through the real binary (issue #19): the outlet taken from the URL when
//! the input names none, a dek field, a `--field` naming a missing column stopping the load
//! before it writes, empty bodies as warnings, line numbers with CRLF, the field mapping in
//! `loads`, and reports and searches that say which parameter they need.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use rusqlite::Connection;

fn db(dir: &Path) -> String {
    dir.join("t.db").to_str().unwrap().to_string()
}

/// `(severity, line, message)` of the load's problems about `file`, in order.
fn problems(conn: &Connection, file: &str) -> Vec<(String, Option<i64>, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT severity, line, message FROM load_errors WHERE file LIKE '%' || ?1 ORDER BY id",
        )
        .unwrap();
    stmt.query_map([file], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_outlet_comes_from_the_url_when_the_input_names_none() {
    let dir = workdir();
    let d = dir.path();
    let urls = fixtures().join("outlets/urls.jsonl");
    ok(d, &["--db", &db(d), "load", urls.to_str().unwrap()]);
    let conn = open(Path::new(&db(d)));
    assert_eq!(
        strings(
            &conn,
            "SELECT a.title || ' | ' || coalesce(s.name, '-') || ' | ' || coalesce(s.domain, '-')
             FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id"
        ),
        [
            "Gulf talks resume | Al Jazeera | aljazeera.com",
            "Gulf talks stall | Al Jazeera | aljazeera.com",
            "Storm hits coast | CNN | cnn.com",
            "Senate vote | ABC News | abcnews.go.com",
            "Local fair opens | example-gazette.co.uk | example-gazette.co.uk",
            "A blog post | someone.blogspot.com | someone.blogspot.com",
            "Arctic shipping | TASS | tass.com",
            "Server page | 192.0.2.7 | 192.0.2.7",
            "Relative link | - | -",
        ]
    );
    // www.aljazeera.com and aljazeera.com are one outlet; the hosts are its aliases.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM sources WHERE name LIKE '%jazeera%'"
        ),
        1
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT alias FROM source_aliases sa JOIN sources s ON s.id = sa.source_id
             WHERE s.name = 'Al Jazeera' ORDER BY alias"
        ),
        ["Al Jazeera", "aljazeera.com", "www.aljazeera.com"]
    );
    // Every article whose URL has a host has an outlet; the one without is said.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM articles WHERE url LIKE '%://%' AND source_id IS NULL"
        ),
        0
    );
    let said = problems(&conn, "urls.jsonl");
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0, "warning");
    assert_eq!(said[0].1, Some(9));
    assert!(said[0]
        .2
        .contains("no host name in the url \"/news/relative.html\""));
    // An outlet given by the input wins over the URL's.
    fs::write(
        d.join("given.jsonl"),
        r#"{"title": "Given", "text": "Named.", "source": "Wire Desk", "url": "https://www.aljazeera.com/x"}"#,
    )
    .unwrap();
    ok(d, &["--db", &db(d), "load", "given.jsonl"]);
    assert_eq!(
        strings(
            &conn,
            "SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.title = 'Given'"
        ),
        ["Wire Desk"]
    );
}

#[test]
fn a_dek_field_is_stored_as_the_dek_block() {
    let dir = workdir();
    let d = dir.path();
    fs::write(
        d.join("deks.jsonl"),
        concat!(
            r#"{"title": "Budget passes", "subtitle": "A late-night vote ends the standoff", "text": "The budget passed at 2am.\n\nBoth houses agreed."}"#,
            "\n",
            r#"{"title": "Rates rise", "description": "The bank raised rates.", "text": "The bank raised rates. It cited inflation."}"#,
            "\n",
            r#"{"title": "Rates fall", "description": "The bank cut rates on Tuesday, its first cut in…", "text": "The bank cut rates on Tuesday, its first cut in ten years."}"#,
            "\n",
        ),
    )
    .unwrap();
    fs::write(
        d.join("standfirst.csv"),
        "headline,standfirst,kicker,body\nTrain strike,Commuters face a week of delays,Lede,Drivers walked out.\n",
    )
    .unwrap();
    ok(d, &["--db", &db(d), "load", "deks.jsonl"]);
    ok(
        d,
        &[
            "--db",
            &db(d),
            "load",
            "--field",
            "dek=kicker",
            "standfirst.csv",
        ],
    );
    let conn = open(Path::new(&db(d)));
    assert_eq!(
        strings(
            &conn,
            "SELECT kind || ': ' || text FROM paragraphs WHERE article_id = 1 ORDER BY position"
        ),
        [
            "title: Budget passes",
            "dek: A late-night vote ends the standoff",
            "body: The budget passed at 2am.",
            "body: Both houses agreed.",
        ]
    );
    assert_eq!(
        strings(&conn, "SELECT coalesce(dek, '-') FROM articles ORDER BY id"),
        [
            "A late-night vote ends the standoff",
            // A description that is the lede's first sentence, or the lede cut short, is
            // in the text already: not a second copy.
            "-",
            "-",
            // --field dek=kicker maps another column, over the default standfirst.
            "Lede",
        ]
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM paragraphs WHERE text LIKE 'The bank%'"
        ),
        2
    );
}

#[test]
fn a_field_naming_a_missing_column_stops_the_load_before_it_writes() {
    let dir = workdir();
    let d = dir.path();
    fs::create_dir(d.join("in")).unwrap();
    fs::write(
        d.join("in/a.jsonl"),
        "{\"title\": \"A\", \"story\": \"Body A.\"}\n",
    )
    .unwrap();
    fs::write(
        d.join("in/b.csv"),
        "title,text,url\nB,Body B.,http://b.example/1\n",
    )
    .unwrap();
    // The first file has the column, the second not: nothing of either is written.
    let out = run(d, &["--db", &db(d), "load", "--field", "body=story", "in"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("b.csv: --field body=story: the input has no column 'story' (its columns: title, text, url)"),
        "{stderr}"
    );
    assert!(!d.join("t.db").exists(), "nothing is written");
    // JSON: the columns of its first record.
    let out = run(
        d,
        &[
            "--db",
            &db(d),
            "load",
            "--field",
            "body=nonexistent",
            "in/a.jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--field body=nonexistent: the input has no column 'nonexistent' (its columns: story, title)"),
        "{}",
        text(&out.stderr)
    );
    assert!(!d.join("t.db").exists());
    // Stdin cannot be read twice: its first record is checked as it comes, and the stream
    // is skipped with the same message in load_errors.
    let out = run_with_stdin(
        d,
        &["--db", &db(d), "load", "--field", "body=nonexistent", "-"],
        Some(b"{\"title\": \"S\", \"text\": \"Body S.\"}\n{\"title\": \"T\", \"text\": \"Body T.\"}\n"),
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let conn = open(Path::new(&db(d)));
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 0);
    let said = problems(&conn, "-");
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].1, Some(1));
    assert!(
        said[0]
            .2
            .contains("no column 'nonexistent' (its columns: text, title); the file is skipped"),
        "{said:?}"
    );
}

#[test]
fn empty_bodies_are_warnings_and_crlf_lines_are_counted_right() {
    let dir = workdir();
    let d = dir.path();
    fs::write(
        d.join("crlf.jsonl"),
        "{\"title\": \"A\", \"text\": \"Body A.\"}\r\n{\"title\": broken\r\n\r\n{\"title\": \"Title only\", \"text\": \"\"}\r\n",
    )
    .unwrap();
    fs::write(
        d.join("crlf.csv"),
        "title,text\r\nC,Body C.\r\n\r\nD,two,cells too many\r\nE,\"Quoted\r\n\r\nacross lines\"\r\nF,\r\n",
    )
    .unwrap();
    let out = run(d, &["--db", &db(d), "load", "crlf.jsonl", "crlf.csv"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let conn = open(Path::new(&db(d)));
    let body = "looked for text, body, content, content_original, article, full_text, maintext";
    let jsonl = problems(&conn, "crlf.jsonl");
    assert_eq!(
        jsonl
            .iter()
            .map(|p| (p.0.as_str(), p.1))
            .collect::<Vec<_>>(),
        [("error", Some(2)), ("warning", Some(4))],
        "{jsonl:?}"
    );
    assert_eq!(
        jsonl[1].2,
        format!("record has no body text ({body}); stored with its title only")
    );
    let csv = problems(&conn, "crlf.csv");
    assert_eq!(
        csv.iter().map(|p| (p.0.as_str(), p.1)).collect::<Vec<_>>(),
        [("error", Some(4)), ("warning", Some(8))],
        "{csv:?}"
    );
    assert!(csv[0]
        .2
        .contains("ragged CSV row: 3 fields where the header has 2"));
    // Title-only articles are stored; no cell keeps the CR of its line end.
    assert_eq!(
        strings(&conn, "SELECT title FROM articles ORDER BY id"),
        ["A", "Title only", "C", "E", "F"]
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM paragraphs WHERE text LIKE '%' || char(13) || '%'"
        ),
        0
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT text FROM paragraphs WHERE article_id = 4 ORDER BY position"
        ),
        ["E", "Quoted", "across lines"]
    );
}

#[test]
fn the_load_records_its_field_mapping() {
    let dir = workdir();
    let d = dir.path();
    fs::write(
        d.join("a.jsonl"),
        "{\"headline\": \"A\", \"story\": \"Body.\", \"link\": \"https://www.dw.com/a\", \"subtitle\": \"Dek\"}\n",
    )
    .unwrap();
    fs::write(d.join("b.csv"), "title,story\nB,Body B.\n").unwrap();
    fs::write(d.join("c.txt"), "Plain\n\nText.\n").unwrap();
    ok(
        d,
        &[
            "--db",
            &db(d),
            "load",
            "--field",
            "body=story",
            "a.jsonl",
            "b.csv",
            "c.txt",
        ],
    );
    let conn = open(Path::new(&db(d)));
    let fields: serde_json::Value =
        serde_json::from_str(&strings(&conn, "SELECT fields FROM loads")[0]).unwrap();
    assert_eq!(
        fields,
        serde_json::json!({
            "title": ["headline", "title"],
            "dek": "subtitle",
            "body": "story",
            "url": "link",
        })
    );
    assert_eq!(
        strings(&conn, "SELECT options FROM loads"),
        [r#"{"replace":false,"source":null}"#]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id"
        ),
        ["Deutsche Welle"]
    );
}

#[test]
fn reports_and_searches_say_which_parameter_they_need() {
    let dir = workdir();
    let d = dir.path();
    fs::write(
        d.join("x.jsonl"),
        "{\"title\": \"A\", \"text\": \"\\\"We will win,\\\" Kim Jong-un said.\", \"source\": \"S\"}\n",
    )
    .unwrap();
    ok(d, &["--db", &db(d), "load", "x.jsonl"]);
    for (args, says) in [
        (&["report", "article"][..], "report 'article' needs --param id=… (the article's id (articles.id)), e.g. corpusdb report article --param id=1"),
        (&["report", "story"], "report 'story' needs --param id=…"),
        (&["report", "entity"], "report 'entity' needs --param name=… (the entity's canonical name or any alias (the most mentioned entity of that name)), e.g. corpusdb report entity --param name=Assad"),
        (&["report", "cooccurrence", "-p", "scope=sentence"], "report 'cooccurrence' needs --param name=…"),
        (&["report", "timeline", "-p", "name=  "], "report 'timeline' needs --param name=…"),
        (&["report", "who-said", "-p", "query="], "e.g. corpusdb report who-said --param query='final victory'"),
        (&["report", "search"], "report 'search' needs --param query=…"),
        (&["search", ""], "search needs words to look for, not an empty query: e.g. corpusdb search 'climate summit'"),
        (&["search", "--fts", " "], "not an empty query"),
    ] {
        let db = db(d);
        let mut full = vec!["--db", db.as_str()];
        full.extend_from_slice(args);
        let out = run(d, &full);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains("fts5"), "{stderr}");
    }
    // Given, they run; a query that is not FTS5 is said as such, not as raw SQLite.
    let said = ok(
        d,
        &[
            "--db",
            &db(d),
            "report",
            "who-said",
            "-p",
            "query=win",
            "--format",
            "csv",
        ],
    );
    assert!(
        said.contains("Kim Jong-un,said,,S,,We will [win],1"),
        "{said}"
    );
    let out = run(d, &["--db", &db(d), "report", "who-said", "-p", "query=\""]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("full-text query error"),
        "{}",
        text(&out.stderr)
    );
    let list = ok(d, &["report", "--list"]);
    assert!(
        list.contains("--param id=…  (required, e.g. 1) the article's id"),
        "{list}"
    );
}
