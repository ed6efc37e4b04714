//! The binary end to end on small inputs written in a temporary work dir: formats, field
//! mapping, bad input, search escaping, reports, output formats, read-only access.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;

use common::*;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn db(dir: &Path) -> String {
    dir.join("t.db").to_str().unwrap().to_string()
}

#[test]
fn json_lines_array_csv_and_gzip_by_magic() {
    let dir = workdir();
    let d = dir.path();
    fs::write(d.join("a.jsonl"), r#"{"headline": "One", "body": "First story. It is short.", "publisher": "Daily A", "published": "Sun, 03 Jun 2018 10:00:00 GMT", "link": "http://a/1", "authors": ["X", "Y"], "ID": 7}
{"title": "Two", "content": "Second story.\n\nSecond paragraph.", "outlet": "Daily A", "date": "June 3, 2018"}
"#).unwrap();
    fs::write(
        d.join("b.json"),
        r#"[{"title": "Three", "text": "Third story.", "source": "B News"}]"#,
    )
    .unwrap();
    fs::write(
        d.join("c.csv"),
        "title,article,site,publish_date\nFour,\"Fourth, with a comma.\",C Times,9/6/17\n",
    )
    .unwrap();
    // gzip with a name that does not say so
    fs::write(
        d.join("d.data"),
        gzip(br#"{"title": "Five", "text": "Fifth story.", "source": "D"}"#),
    )
    .unwrap();
    let out = ok(
        d,
        &[
            "--db",
            &db(d),
            "load",
            "a.jsonl",
            "b.json",
            "c.csv",
            "d.data",
        ],
    );
    assert!(out.contains("5 added") && out.contains("0 failed"), "{out}");
    let conn = open(Path::new(&db(d)));
    let rows = strings(&conn, "SELECT a.title || '|' || coalesce(s.name, '') || '|' || coalesce(a.published_at, '') || '|' || coalesce(a.byline, '') || '|' || coalesce(a.url, '') || '|' || coalesce(a.external_id, '') FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id");
    assert_eq!(
        rows,
        [
            "One|Daily A|2018-06-03T10:00:00Z|X, Y|http://a/1|7",
            "Two|Daily A|2018-06-03|||",
            "Three|B News||||",
            "Four|C Times|2017-09-06|||",
            "Five|D||||",
        ]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT text FROM paragraphs WHERE article_id = 2 ORDER BY position"
        ),
        ["Two", "Second story.", "Second paragraph."]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT text FROM paragraphs WHERE article_id = 4 AND kind = 'body'"
        ),
        ["Fourth, with a comma."]
    );
}

#[test]
fn field_overrides_and_source_option() {
    let dir = workdir();
    let d = dir.path();
    fs::write(
        d.join("x.jsonl"),
        r#"{"text": "not the body", "story": "The real body.", "hed": "Real title"}"#,
    )
    .unwrap();
    fs::write(d.join("plain.txt"), "A title\n\nA body.\n").unwrap();
    ok(
        d,
        &[
            "--db",
            &db(d),
            "load",
            "--field",
            "body=story",
            "--field",
            "title=hed",
            "--source",
            "My Outlet",
            "x.jsonl",
            "plain.txt",
        ],
    );
    let conn = open(Path::new(&db(d)));
    assert_eq!(
        strings(&conn, "SELECT text FROM paragraphs ORDER BY id"),
        ["Real title", "The real body.", "A title", "A body."]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT DISTINCT s.name FROM articles a JOIN sources s ON s.id = a.source_id"
        ),
        ["My Outlet"]
    );
    let bad = run(
        d,
        &["--db", &db(d), "load", "--field", "bogus=x", "x.jsonl"],
    );
    assert!(!bad.status.success() && text(&bad.stderr).contains("unknown field 'bogus'"));
}

#[test]
fn bad_records_are_recorded_with_file_and_line_and_the_rest_loads() {
    let dir = workdir();
    let d = dir.path();
    fs::write(d.join("mixed.jsonl"), "{\"title\": \"Good\", \"text\": \"Fine.\"}\n{\"title\": broken\n[1, 2]\n\n{\"title\": \"Also good\", \"text\": \"Fine too.\"}\n{\"title\": {\"nested\": 1}, \"text\": \"Typed wrong.\"}\n").unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    fs::write(
        d.join("image.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    )
    .unwrap();
    fs::write(
        d.join("ragged.csv"),
        "title,text\nA,Body a.\nB,Body b.,extra\nC,Body c.\n",
    )
    .unwrap();
    fs::write(d.join("cut.jsonl.gz"), &gzip(b"{\"title\": \"Gz\", \"text\": \"Gz body.\"}\n{\"title\": \"Gz2\", \"text\": \"More.\"}\n")[..40]).unwrap();
    let out = run(
        d,
        &[
            "--db",
            &db(d),
            "load",
            "mixed.jsonl",
            "empty.txt",
            "image.png",
            "ragged.csv",
            "cut.jsonl.gz",
            "missing.jsonl",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "exit 3: stored what it could, rejected some input\n{}",
        text(&out.stderr)
    );
    let conn = open(Path::new(&db(d)));
    assert_eq!(
        strings(
            &conn,
            "SELECT coalesce(title, '(none)') FROM articles ORDER BY id"
        ),
        ["Good", "Also good", "(none)", "A", "C"]
    );
    let errors = strings(&conn, "SELECT severity || ' ' || file || ':' || coalesce(line, '') || ' ' || message FROM load_errors ORDER BY id");
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(has("error mixed.jsonl:2 malformed JSON"), "{errors:#?}");
    assert!(
        has("error mixed.jsonl:3 expected a JSON object, found an array"),
        "{errors:#?}"
    );
    assert!(
        has("warning mixed.jsonl:6 field 'title' is an object"),
        "{errors:#?}"
    );
    assert!(has("error empty.txt: empty file"), "{errors:#?}");
    assert!(has("error image.png: binary file"), "{errors:#?}");
    assert!(
        has("error ragged.csv:3 ragged CSV row: 3 fields where the header has 2"),
        "{errors:#?}"
    );
    assert!(has("error cut.jsonl.gz:"), "{errors:#?}");
    assert!(has("error missing.jsonl: cannot open"), "{errors:#?}");
}

#[test]
fn latin1_text_is_kept_with_a_warning() {
    let dir = workdir();
    let d = dir.path();
    fs::write(d.join("l1.txt"), b"Price rise\n\nIt costs \xa3150 now.\n").unwrap();
    let out = ok(d, &["--db", &db(d), "load", "l1.txt"]);
    assert!(
        out.contains("1 added") && out.contains("1 warnings"),
        "{out}"
    );
    let conn = open(Path::new(&db(d)));
    assert_eq!(
        strings(&conn, "SELECT text FROM paragraphs WHERE kind = 'body'"),
        ["It costs £150 now."]
    );
}

#[test]
fn stdin_and_replace() {
    let dir = workdir();
    let d = dir.path();
    let v1 = br#"{"id": "a1", "title": "Story", "text": "First version.", "source": "S"}"#;
    let out = run_with_stdin(d, &["--db", &db(d), "load", "-"], Some(v1));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v2 = br#"{"id": "a1", "title": "Story", "text": "Second version.", "source": "S"}"#;
    // Without --replace a changed article under a known id is left alone, with a warning.
    let out = run_with_stdin(d, &["--db", &db(d), "load", "-"], Some(v2));
    assert!(
        text(&out.stdout).contains("0 added") && text(&out.stdout).contains("1 skipped"),
        "{}",
        text(&out.stdout)
    );
    let out = run_with_stdin(d, &["--db", &db(d), "load", "--replace", "-"], Some(v2));
    assert!(
        text(&out.stdout).contains("1 updated"),
        "{}",
        text(&out.stdout)
    );
    let conn = open(Path::new(&db(d)));
    assert_eq!(
        strings(&conn, "SELECT text FROM paragraphs WHERE kind = 'body'"),
        ["Second version."]
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 1);
    // The old version's index rows went with it.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'first'"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'second'"
        ),
        1
    );
    assert!(strings(&conn, "SELECT message FROM load_errors")
        .iter()
        .any(|m| m.contains("use --replace")));
}

fn seeds_db(d: &Path) -> String {
    ok(&repo(), &["--db", &db(d), "load", "tests/fixtures/seeds"]);
    db(d)
}

#[test]
fn search_escapes_user_text_and_ranks() {
    let dir = workdir();
    let d = dir.path();
    let db = seeds_db(d);
    for query in [
        "Kim \"Jong",
        "visit AND OR NOT",
        "DPRK: (meet)*",
        "\"",
        "north-korea",
        "kim's",
    ] {
        let out = run(d, &["--db", &db, "search", query, "--format", "json"]);
        assert!(out.status.success(), "{query}: {}", text(&out.stderr));
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(rows.is_array(), "{query}");
    }
    let out = ok(
        d,
        &["--db", &db, "search", "DPRK visit", "--format", "json"],
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 2, "both quotes of the visit");
    assert!(rows[0]["snippet"].as_str().unwrap().contains("[DPRK]"));
    assert!(rows[0]["title"].as_str().is_some());
    // Raw FTS5 syntax with --fts, and a clear message when it is wrong.
    let near = ok(
        d,
        &[
            "--db",
            &db,
            "search",
            "--fts",
            "NEAR(kim visit, 5)",
            "--format",
            "csv",
        ],
    );
    assert!(near.lines().count() >= 2, "{near}");
    let bad = run(
        d,
        &[
            "--db",
            &db,
            "search",
            "--fts",
            "kim AND (",
            "--format",
            "csv",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("full-text query error"),
        "{}",
        text(&bad.stderr)
    );
    // Chrome is searchable only on request.
    let nav = ok(
        d,
        &[
            "--db",
            &db,
            "search",
            "contenu principal",
            "--format",
            "csv",
        ],
    );
    assert_eq!(nav.lines().count(), 1, "{nav}");
    let nav = ok(
        d,
        &[
            "--db",
            &db,
            "search",
            "contenu principal",
            "--all",
            "--format",
            "csv",
        ],
    );
    assert_eq!(nav.lines().count(), 2, "{nav}");
}

#[test]
fn reports_list_run_with_params_and_formats() {
    let dir = workdir();
    let d = dir.path();
    fs::write(d.join("x.jsonl"), "{\"title\": \"A\", \"text\": \"One two three.\", \"source\": \"S1\", \"date\": \"2018-06-03\"}\n{\"title\": \"B\", \"text\": \"Four five.\\n\\nSix.\", \"source\": \"S2\", \"date\": \"2018-07-01\"}\n{\"title\": \"C\", \"text\": \"Seven.\", \"source\": \"S2\", \"date\": \"2019-01-01\"}\n").unwrap();
    ok(d, &["--db", &db(d), "load", "x.jsonl"]);
    let list = ok(d, &["report", "--list"]);
    for name in ["overview", "sources", "articles", "load-errors", "search"] {
        assert!(list.contains(name), "{list}");
    }
    let overview = ok(
        d,
        &["--db", &db(d), "report", "overview", "--format", "csv"],
    );
    assert_eq!(overview, "outlet,month,articles,paragraphs,words\nS1,2018-06,1,1,4\nS2,2018-07,1,2,4\nS2,2019-01,1,1,2\n");
    let filtered = ok(
        d,
        &[
            "--db",
            &db(d),
            "report",
            "articles",
            "-p",
            "source=S2",
            "-p",
            "from=2018-01-01",
            "-p",
            "to=2018-12-31",
            "--format",
            "ndjson",
        ],
    );
    let rows: Vec<serde_json::Value> = filtered
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "B");
    assert_eq!(rows[0]["words"], 4);
    let sources = ok(
        d,
        &["--db", &db(d), "report", "sources", "--format", "table"],
    );
    assert!(sources.lines().nth(2).unwrap().contains("S2"), "{sources}");
    let bad = run(d, &["--db", &db(d), "report", "articles", "-p", "nope=1"]);
    assert!(
        text(&bad.stderr).contains("has no parameter 'nope'"),
        "{}",
        text(&bad.stderr)
    );
    let bad = run(d, &["--db", &db(d), "report", "nope"]);
    assert!(text(&bad.stderr).contains("unknown report 'nope'"));
    // CORPUSDB_DB names the database.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_corpusdb"))
        .args(["stats", "--format", "csv"])
        .env("CORPUSDB_DB", db(d))
        .current_dir(d)
        .output()
        .unwrap();
    assert!(
        text(&out.stdout).contains("articles,3"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn reads_never_write_and_refuse_what_is_not_a_corpus() {
    let dir = workdir();
    let d = dir.path();
    let db = seeds_db(d);
    let before = fs::read(&db).unwrap();
    ok(d, &["--db", &db, "search", "kim"]);
    ok(d, &["--db", &db, "report", "overview"]);
    ok(d, &["--db", &db, "stats"]);
    assert!(fs::read(&db).unwrap() == before, "reading changed the file");
    fs::write(
        d.join("junk.db"),
        b"this is not sqlite at all, just text padding it out to a page",
    )
    .unwrap();
    let out = run(d, &["--db", "junk.db", "stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("junk.db is not a corpusdb database"),
        "{}",
        text(&out.stderr)
    );
    let out = run(d, &["--db", "junk.db", "load", "x.txt"]);
    assert!(
        text(&out.stderr).contains("is not a corpusdb database"),
        "{}",
        text(&out.stderr)
    );
    let other = d.join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t(x)")
        .unwrap();
    let out = run(d, &["--db", other.to_str().unwrap(), "load", "x.txt"]);
    assert!(
        text(&out.stderr).contains("without corpusdb's tables"),
        "{}",
        text(&out.stderr)
    );
    let out = run(d, &["--db", "nothing-here.db", "search", "x"]);
    assert!(
        text(&out.stderr).contains("no such file"),
        "{}",
        text(&out.stderr)
    );
    assert!(!d.join("nothing-here.db").exists());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = workdir();
    let d = dir.path();
    let mut lines = String::new();
    for i in 0..3000 {
        lines.push_str(&format!(
            "{{\"title\": \"T{i}\", \"text\": \"Body number {i}.\", \"source\": \"S{i}\"}}\n"
        ));
    }
    fs::write(d.join("many.jsonl"), lines).unwrap();
    ok(d, &["--db", &db(d), "load", "many.jsonl"]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corpusdb"))
        .args(["--db", &db(d), "report", "sources", "--format", "csv"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout); // like `| head -c 10`
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{:?} {}",
        out.status,
        text(&out.stderr)
    );
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

/// Issue #23: `stories --from` with an impossible date names `--from`, the flag that was
/// given, not the report's `--param from=`.
#[test]
fn issue_23_stories_bad_from_names_the_flag() {
    let dir = common::workdir();
    let d = dir.path();
    let seeds = common::fixtures().join("seeds");
    common::ok(
        d,
        &["--db", "t.db", "load", "--quiet", seeds.to_str().unwrap()],
    );
    for (flag, value) in [("--from", "2018-13-45"), ("--to", "2/30/2018")] {
        let out = common::run(d, &["--db", "t.db", "stories", flag, value]);
        let err = common::text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}: {err}");
        assert!(
            err.contains(&format!("{flag} \"{value}\""))
                && err.contains(&format!("e.g. {flag} 2018")),
            "{flag} {value}: {err}"
        );
        assert!(!err.contains("--param"), "{err}");
        assert!(common::text(&out.stdout).is_empty());
    }
}

/// Issue #23: `report entity` put quote ids in its count column, and `story` had no limit.
#[test]
fn issue_23_entity_quotes_leave_the_count_empty_and_story_takes_a_limit() {
    let dir = workdir();
    let d = dir.path();
    let db = seeds_db(d);
    let csv = ["--format", "csv"];
    let entity = ok(
        d,
        &[
            &["--db", &db, "report", "entity", "-p", "name=Assad"][..],
            &csv,
        ]
        .concat(),
    );
    assert_eq!(
        entity.lines().next(),
        Some("what,entity,detail,count,quote_id")
    );
    let quotes: Vec<&str> = entity
        .lines()
        .filter(|l| l.starts_with("quote by,person: Bashar al-Assad,"))
        .collect();
    assert!(quotes.len() >= 2, "{entity}");
    for quote in &quotes {
        let (rest, id) = quote.rsplit_once(',').expect("a csv row");
        assert!(id.parse::<i64>().is_ok(), "the quote's id last: {quote}");
        assert!(rest.ends_with(")\","), "an empty count: {quote}");
    }
    assert!(
        entity.contains("\nalias,person: Bashar al-Assad,Assad,"),
        "{entity}"
    );

    let all = ok(
        d,
        &[&["--db", &db, "report", "story", "-p", "id=1"][..], &csv].concat(),
    );
    assert!(all.lines().count() > 10, "{all}");
    let two = ok(
        d,
        &[
            &[
                "--db", &db, "report", "story", "-p", "id=1", "-p", "limit=2",
            ][..],
            &csv,
        ]
        .concat(),
    );
    let first: Vec<&str> = all.lines().take(3).collect();
    assert_eq!(two.lines().collect::<Vec<_>>(), first);
}
