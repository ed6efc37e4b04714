//! Datasette serves a corpus with the metadata `corpusdb datasette-metadata` writes: the
//! search box (`_search`) finds what SQLite's FTS finds in paragraphs, quotes and titles,
//! every view has rows, every report runs as a canned query and means what `corpusdb report`
//! means, and tables hold as many rows as SQLite says. Needs `python3 -m datasette` (pinned
//! in .ci/run); says SKIPPED without it, except under CI, where its absence is a failure.

mod common;
#[path = "common/generated.rs"]
mod generated;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{ok, open, strings, workdir};
use rusqlite::Connection;
use serde_json::Value;

/// The database's name in Datasette: the file's name without `.db`.
const DB: &str = "corpus";

/// Values for the report parameters that need one; every other parameter is left empty
/// (its default). `limit` and `all` check that numbers given as text act as numbers.
fn param_value(name: &str, conn: &Connection) -> String {
    match name {
        "query" => "Kim".to_string(),
        // The entity with the most mentions in dated articles: the timeline needs dates.
        "name" => strings(
            conn,
            "SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
             JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
             WHERE a.published_at IS NOT NULL GROUP BY e.id ORDER BY count(*) DESC, e.name LIMIT 1",
        )
        .remove(0),
        "id" => strings(conn, "SELECT CAST(min(id) AS TEXT) FROM articles").remove(0),
        "limit" => "12".to_string(),
        "all" => "1".to_string(),
        _ => String::new(),
    }
}

/// A running `datasette serve`, stopped by its pid (kill, then wait) when dropped, so a failed
/// assertion stops it too.
struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(db: &Path, metadata: &Path, plugins: &Path, log: PathBuf) -> Server {
        // A port the system just handed out and nobody holds now.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let out = std::fs::File::create(&log).expect("log file");
        let child = Command::new("python3")
            .args(["-m", "datasette", "serve"])
            .arg(db)
            .arg("--metadata")
            .arg(metadata)
            .arg("--plugins-dir")
            .arg(plugins)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("log file"))
            .stderr(out)
            .spawn()
            .expect("start datasette");
        let mut server = Server { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = server.child.try_wait().expect("datasette status") {
                panic!(
                    "datasette exited ({status}) before answering:\n{}",
                    server.log()
                );
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok()
                && server.try_get("/-/versions.json").is_some()
            {
                return server;
            }
            assert!(
                Instant::now() < deadline,
                "datasette did not answer on port {port} within 30 s:\n{}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// GET over HTTP/1.0 (no chunked replies): the status and the body as JSON.
    fn try_get(&self, path: &str) -> Option<(u16, Value)> {
        let (status, body) = self.try_get_text(path, "application/json")?;
        Some((
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        ))
    }

    /// A page as a browser gets it: must answer 200; its HTML.
    fn html(&self, path: &str) -> String {
        let (status, body) = self
            .try_get_text(path, "text/html")
            .unwrap_or_else(|| panic!("GET {path}: no HTTP answer\n{}", self.log()));
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    fn try_get_text(&self, path: &str, accept: &str) -> Option<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .ok()?;
        write!(
            stream,
            "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: {accept}\r\n\r\n"
        )
        .ok()?;
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).ok()?;
        let reply = String::from_utf8_lossy(&reply);
        let (head, body) = reply.split_once("\r\n\r\n")?;
        let status = head.split_whitespace().nth(1)?.parse().ok()?;
        Some((status, body.to_string()))
    }

    fn get(&self, path: &str) -> (u16, Value) {
        self.try_get(path)
            .unwrap_or_else(|| panic!("GET {path}: no HTTP answer\n{}", self.log()))
    }

    /// GET that must answer 200.
    fn get_ok(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }
}

/// `path?k=v&…` with the values percent-encoded.
fn url(path: &str, params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The rows of a table or query reply (`_shape=objects`).
fn rows(body: &Value) -> &Vec<Value> {
    body["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows in {body}"))
}

/// The text of column `column` in every row.
fn column(body: &Value, column: &str) -> Vec<String> {
    rows(body)
        .iter()
        .map(|r| {
            r[column]
                .as_str()
                .unwrap_or_else(|| panic!("{column} in {r}"))
                .to_string()
        })
        .collect()
}

fn datasette_installed() -> bool {
    Command::new("python3")
        .args(["-c", "import datasette"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn datasette_serves_search_views_and_reports() {
    if !datasette_installed() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI: datasette is not importable; .ci/run installs it with pip"
        );
        eprintln!("SKIPPED: datasette is not importable by python3 (python3 -m pip install datasette, see .ci/run)");
        return;
    }
    let dir = workdir();
    let db = dir.path().join(format!("{DB}.db"));
    let metadata_file = dir.path().join("metadata.json");
    let plugins = dir.path().join("plugins");
    // The seeds give the quotes and the words searched; the generated articles give dates and
    // outlets, so the per-day views have rows.
    let news = dir.path().join("news.jsonl");
    generated::generate(&news, 120);
    let seeds = common::fixtures().join("seeds");
    let arg = |p: &Path| p.to_str().expect("utf-8 path").to_string();
    ok(
        dir.path(),
        &["--db", &arg(&db), "load", &arg(&seeds), &arg(&news)],
    );
    ok(
        dir.path(),
        &[
            "--db",
            &arg(&db),
            "datasette-metadata",
            "-o",
            &arg(&metadata_file),
            "--plugins-dir",
            &arg(&plugins),
        ],
    );
    let metadata: Value =
        serde_json::from_str(&std::fs::read_to_string(&metadata_file).expect("metadata"))
            .expect("metadata is JSON");
    let conn = open(&db);
    let views = strings(
        &conn,
        "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name",
    );
    let reports = corpusdb::report::all();

    // The file: search on the FTS content tables, every view described, internals hidden.
    let tables = &metadata["databases"][DB]["tables"];
    for (table, index) in [
        ("paragraphs", "paragraphs_fts"),
        ("quotes", "quotes_fts"),
        ("articles", "articles_fts"),
    ] {
        assert_eq!(
            tables[table]["fts_table"], index,
            "{table}: {}",
            tables[table]
        );
        assert_eq!(tables[table]["fts_pk"], "id");
    }
    for view in &views {
        assert!(
            tables[view]["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "view {view} has no description: put a comment right above its CREATE VIEW"
        );
    }
    for hidden in [
        "paragraphs_fts",
        "paragraphs_fts_data",
        "quotes_fts_idx",
        "articles_fts_config",
        "refinery_schema_history",
    ] {
        assert_eq!(tables[hidden]["hidden"], true, "{hidden}");
    }

    let server = Server::start(
        &db,
        &metadata_file,
        &plugins,
        dir.path().join("datasette.log"),
    );
    let version = server.get_ok("/-/versions.json")["datasette"]["version"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(version.starts_with("0."), "datasette {version}: the metadata is for 0.64/0.65 (1.0 reads queries from -c datasette.yaml)");

    // The database page lists the search index of each table, hides the internals and shows
    // every report as a canned query.
    let page = server.get_ok(&format!("/{DB}.json"));
    let listed = page["tables"].as_array().expect("tables");
    let find = |name: &str| {
        listed
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name} not listed"))
    };
    assert_eq!(find("paragraphs")["fts_table"], "paragraphs_fts");
    assert_eq!(find("quotes")["fts_table"], "quotes_fts");
    assert_eq!(find("refinery_schema_history")["hidden"], true);
    assert_eq!(find("paragraphs_fts_data")["hidden"], true);
    let queries: Vec<&str> = page["queries"]
        .as_array()
        .expect("queries")
        .iter()
        .filter_map(|q| q["name"].as_str())
        .collect();
    for report in &reports {
        assert!(
            queries.contains(&format!("report-{}", report.name).as_str()),
            "report {} is not a canned query: {queries:?}",
            report.name
        );
    }

    // _search finds what SQLite's FTS finds, and only rows with the word.
    let fts_count = |index: &str, word: &str| -> i64 {
        conn.query_row(
            &format!("SELECT count(*) FROM {index} WHERE {index} MATCH ?1"),
            [word],
            |r| r.get(0),
        )
        .expect("fts count")
    };
    for (table, index, text, word) in [
        ("paragraphs", "paragraphs_fts", "text", "reunification"),
        ("paragraphs", "paragraphs_fts", "text", "Pyongyang"),
        ("quotes", "quotes_fts", "text", "DPRK"),
        ("articles", "articles_fts", "title", "Assad"),
    ] {
        let body = server.get_ok(&url(
            &format!("/{DB}/{table}.json"),
            &[("_search", word), ("_shape", "objects"), ("_size", "max")],
        ));
        let found = column(&body, text);
        assert!(!found.is_empty(), "_search={word} on {table} found nothing");
        assert_eq!(
            found.len() as i64,
            fts_count(index, word),
            "_search={word} on {table}: {found:?}"
        );
        for t in &found {
            assert!(
                t.to_lowercase().contains(&word.to_lowercase()),
                "_search={word} on {table} returned {t:?}"
            );
        }
    }
    for table in ["paragraphs", "quotes"] {
        let absent = server.get_ok(&url(
            &format!("/{DB}/{table}.json"),
            &[("_search", "zyzzyvas"), ("_shape", "objects")],
        ));
        assert!(
            rows(&absent).is_empty(),
            "{table}: an absent word found {absent}"
        );
        // Punctuation and operators are searched as text, never an FTS syntax error. (Not a
        // lone `"`: Datasette 0.65 turns it into an empty query, which FTS5 refuses.)
        for text in [
            r#"Kim's "final (victory"#,
            "NOT -- * OR AND:",
            r#""Kim"#,
            "Kim Jong-Un!",
            "-",
        ] {
            server.get_ok(&url(
                &format!("/{DB}/{table}.json"),
                &[("_search", text), ("_shape", "objects")],
            ));
        }
    }

    // Every view (whatever the migrations define) is readable and has rows.
    for view in &views {
        let body = server.get_ok(&url(
            &format!("/{DB}/{view}.json"),
            &[("_shape", "objects"), ("_size", "1")],
        ));
        assert!(
            !rows(&body).is_empty(),
            "view {view} returned no rows through Datasette"
        );
    }

    // Every table holds as many rows in Datasette as in SQLite.
    let visible = strings(&conn, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");
    for table in visible
        .iter()
        .filter(|t| tables[t.as_str()]["hidden"] != true)
    {
        let body = server.get_ok(&url(&format!("/{DB}/{table}.json"), &[("_size", "1")]));
        let sqlite = common::count(&conn, &format!("SELECT count(*) FROM \"{table}\""));
        assert_eq!(
            body["filtered_table_rows_count"], sqlite,
            "{table}: Datasette counts {} rows, SQLite {sqlite}",
            body["filtered_table_rows_count"]
        );
    }

    // Every report runs as a canned query: with every field empty, and with the values it
    // needs, giving the columns and as many rows as `corpusdb report` with the same values.
    for report in &reports {
        let path = format!("/{DB}/report-{}.json", report.name);
        let empty: Vec<(&str, &str)> = report
            .params
            .iter()
            .map(|p| (p.name.as_str(), ""))
            .collect();
        let (status, body) = server.get(&url(&path, &empty));
        assert_eq!(
            status, 200,
            "report {} with empty fields: {body}",
            report.name
        );

        // A report that takes one of several parameters (`-- needs: a or b`) gets the first.
        let left_out = |name: &str| {
            report
                .needs
                .as_ref()
                .is_some_and(|n| n.one_of.iter().skip(1).any(|o| o == name))
        };
        let values: Vec<(String, String)> = report
            .params
            .iter()
            .map(|p| match left_out(&p.name) {
                true => (p.name.clone(), String::new()),
                false => (p.name.clone(), param_value(&p.name, &conn)),
            })
            .collect();
        let mut args: Vec<(&str, &str)> = values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        args.push(("_shape", "objects"));
        let body = server.get_ok(&url(&path, &args));
        let mut cli = vec![
            "--db".to_string(),
            arg(&db),
            "report".into(),
            report.name.clone(),
            "--format".into(),
            "json".into(),
        ];
        for (k, v) in values.iter().filter(|(_, v)| !v.is_empty()) {
            cli.extend(["-p".to_string(), format!("{k}={v}")]);
        }
        let cli: Vec<&str> = cli.iter().map(String::as_str).collect();
        let expected: Value = serde_json::from_str(&ok(dir.path(), &cli)).expect("report JSON");
        let expected = expected.as_array().expect("report rows");
        let got = rows(&body);
        assert_eq!(
            got.len(),
            expected.len(),
            "report {}: Datasette gives {} rows, corpusdb report {}",
            report.name,
            got.len(),
            expected.len()
        );
        if let (Some(first), Some(want)) = (got.first(), expected.first()) {
            let keys = |v: &Value| {
                v.as_object()
                    .map(|o| o.keys().cloned().collect::<Vec<_>>())
                    .unwrap_or_default()
            };
            assert_eq!(
                keys(first),
                keys(want),
                "report {}: columns differ",
                report.name
            );
        }
        if report
            .params
            .iter()
            .any(|p| ["query", "name", "id"].contains(&p.name.as_str()))
        {
            assert!(
                !got.is_empty(),
                "report {} found nothing for {values:?}",
                report.name
            );
        }
    }
    // Issue #23: the search report reads the query as `corpusdb search` does (an apostrophe,
    // a quoted phrase, an unclosed quote), in Datasette too; canned queries fold their SQL.
    for query in [
        "Kim's visit",
        "\"North Korea\" visit",
        "\"border wall",
        "kim AND (",
    ] {
        let path = format!("/{DB}/report-search.json");
        let body = server.get_ok(&url(&path, &[("query", query), ("_shape", "objects")]));
        let cli = ok(
            dir.path(),
            &[
                "--db",
                &arg(&db),
                "search",
                query,
                "--json",
                "--limit",
                "20",
            ],
        );
        let expected: Value = serde_json::from_str(&cli).expect("search JSON");
        assert_eq!(
            rows(&body).len(),
            expected.as_array().map_or(0, Vec::len),
            "search {query:?}: Datasette and the CLI differ"
        );
    }
    for (name, query) in metadata["databases"][DB]["queries"]
        .as_object()
        .expect("queries")
    {
        assert_eq!(query["hide_sql"], true, "{name} shows its SQL");
    }
    issue_23_pages(&server, &conn);
    drop(server);
}

/// Issue #23, the pages a journalist opens: paragraphs searched best match first with title,
/// outlet and date; canned queries showing their answer, not their SQL; story ids as links;
/// `story_overview` opening on its largest stories.
fn issue_23_pages(server: &Server, conn: &Connection) {
    // The paragraphs page has a form that sends its words to the ranked search report.
    let page = server.html(&format!("/{DB}/paragraphs"));
    assert!(
        page.contains("action=\"report-search\"") && page.contains("name=\"query\""),
        "no ranked search form on the paragraphs page"
    );
    // What it leads to: best first (bm25 scores rise), with title, outlet and date.
    let body = server.get_ok(&url(
        &format!("/{DB}/report-search.json"),
        &[("query", "Kim"), ("_shape", "objects"), ("limit", "50")],
    ));
    let found = rows(&body);
    assert!(found.len() > 1, "{body}");
    let scores: Vec<f64> = found.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] <= w[1]),
        "not by relevance: {scores:?}"
    );
    for column in ["title", "outlet", "date", "snippet"] {
        assert!(
            found[0].get(column).is_some(),
            "no {column} in {}",
            found[0]
        );
    }
    let best: f64 = conn
        .query_row(
            "SELECT round(bm25(paragraphs_fts), 2) FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid
             WHERE paragraphs_fts MATCH 'Kim' AND p.kind IN ('title', 'dek', 'body') ORDER BY bm25(paragraphs_fts) LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("best score");
    assert_eq!(scores[0], best, "the best match comes first");

    // A canned query's page shows its answer and folds the SQL behind "Show SQL".
    let entity = server.html(&format!("/{DB}/report-entities"));
    assert!(entity.contains("_show_sql=1"), "no Show SQL link");
    // (Datasette 0.65's template puts the SQL in the tab's <title>; the page shows none.)
    let entity = match (entity.find("<title>"), entity.find("</title>")) {
        (Some(start), Some(end)) => format!("{}{}", &entity[..start], &entity[end..]),
        _ => entity,
    };
    assert!(
        !entity.contains("CAST(CAST(") && !entity.contains("GROUP BY"),
        "the SQL is on the page"
    );
    let shown = server.html(&format!("/{DB}/report-entities?_show_sql=1"));
    assert!(shown.contains("GROUP BY"), "Show SQL shows nothing");

    // story_overview opens on the largest stories, and its story ids are links to the story.
    let body = server.get_ok(&url(
        &format!("/{DB}/story_overview.json"),
        &[("_shape", "objects"), ("_size", "5")],
    ));
    let sizes: Vec<i64> = rows(&body)
        .iter()
        .map(|r| r["articles"].as_i64().unwrap())
        .collect();
    let largest = common::count(conn, "SELECT max(articles) FROM stories");
    assert!(
        largest > 1,
        "the test corpus has no story of several articles"
    );
    assert_eq!(sizes.first(), Some(&largest), "{sizes:?}");
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    let first = common::count(
        conn,
        "SELECT id FROM stories ORDER BY articles DESC, id LIMIT 1",
    );
    for page in [
        format!("/{DB}/story_overview"),
        format!("/{DB}/report-stories"),
    ] {
        let html = server.html(&page);
        assert!(
            html.contains(&format!("href=\"/{DB}/report-story?id={first}\"")),
            "{page}: story {first} is not a link to its story"
        );
    }
    // In the story report, each article's id opens the article.
    let story = server.html(&format!("/{DB}/report-story?id={first}"));
    let article = common::count(
        conn,
        &format!("SELECT min(article_id) FROM story_articles WHERE story_id = {first}"),
    );
    assert!(
        story.contains(&format!("href=\"/{DB}/articles/{article}\"")),
        "article {article} is not a link in story {first}"
    );
}
