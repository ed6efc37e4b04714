//! `corpusdb export`: the Parquet folder, read back by DuckDB (from PyPI, as a user taking a
//! corpus elsewhere would), holds what SQLite holds: the rows of every table and view, the
//! same answers to a join across partitioned tables, the same titles and quotes, and the
//! outlet and year of every partition.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::*;
use serde_json::{json, Value};

/// Pinned in .ci/run too.
const DUCKDB: &str = "duckdb==2.0.0";

/// Whether python3 can import duckdb; outside CI a test without it says so and is skipped.
fn has_duckdb() -> bool {
    if Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install duckdb (.ci/run: python3 -m pip install {DUCKDB})"
    );
    eprintln!("SKIPPED: python3 cannot import duckdb (python3 -m pip install {DUCKDB})");
    false
}

/// Runs `queries` in DuckDB over the export in `out`, after making a view of each folder
/// (partition keys, where there are some, become the columns `source` and `year`), and
/// returns each query's rows as JSON values.
fn duckdb(out: &Path, queries: &[&str]) -> Vec<Vec<Vec<Value>>> {
    const SCRIPT: &str = r#"
import json, os, sys, duckdb
job = json.load(sys.stdin)
db = duckdb.connect()
for name in sorted(os.listdir(job["out"])):
    glob = os.path.join(job["out"], name, "**", "*.parquet").replace("'", "''")
    partitioned = any(e.startswith("source=") for e in os.listdir(os.path.join(job["out"], name)))
    # Typed keys: a corpus with no dates has only NULL years, which DuckDB would read as text.
    types = ", hive_types = {'source': BIGINT, 'year': BIGINT}" if partitioned else ""
    db.execute(f"""CREATE VIEW "{name}" AS SELECT * FROM read_parquet('{glob}', hive_partitioning = true{types})""")
results = [[list(row) for row in db.execute(q).fetchall()] for q in job["queries"]]
json.dump(results, sys.stdout, default=str)
"#;
    let job = json!({ "out": out, "queries": queries });
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python3");
    serde_json::to_writer(child.stdin.take().expect("stdin"), &job).expect("write job");
    let done = child.wait_with_output().expect("wait for python3");
    assert!(done.status.success(), "duckdb: {}", text(&done.stderr));
    serde_json::from_slice(&done.stdout).expect("duckdb's JSON")
}

/// A query's rows in SQLite, as JSON values.
fn sqlite(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<Value>> {
    use rusqlite::types::ValueRef;
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let width = stmt.column_count();
    let mut rows = stmt.query([]).expect("query");
    let mut out = Vec::new();
    while let Some(row) = rows.next().expect("row") {
        out.push(
            (0..width)
                .map(|i| match row.get_ref(i).expect("value") {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => json!(n),
                    ValueRef::Real(x) => json!(x),
                    ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => json!(format!("{b:?}")),
                })
                .collect(),
        );
    }
    out
}

/// What the export must hold: every table and view but SQLite's own, the migration history
/// and the full-text indexes (FTS5 tables and their `*_fts_*` shadow tables). Found here by
/// name, independently of how the exporter finds them.
fn expected_objects(conn: &rusqlite::Connection) -> Vec<String> {
    strings(
        conn,
        "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
           AND name NOT LIKE '%\\_fts%' ESCAPE '\\' AND name <> 'refinery_schema_history' ORDER BY name",
    )
}

/// Checks an export of `db` in `out` against the database: folders, row counts, a join per
/// outlet, partitions, text, types.
fn check_export(db: &Path, out: &Path) {
    let conn = open(db);
    let objects = expected_objects(&conn);
    let mut folders: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(
        folders, objects,
        "one folder per table and view, nothing else"
    );
    for table in [
        "articles",
        "paragraphs",
        "sentences",
        "mentions",
        "date_mentions",
        "quotes",
    ] {
        assert!(objects.iter().any(|o| o == table), "{table} is exported");
        let partitioned = std::fs::read_dir(out.join(table)).unwrap().all(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("source=")
        });
        assert!(partitioned, "{table} is partitioned by source");
    }
    assert!(
        out.join("sources/part-0.parquet").is_file()
            && out.join("quote_overview/part-0.parquet").is_file()
    );

    // Row counts of every table and view.
    let counts: Vec<String> = objects
        .iter()
        .map(|o| format!("SELECT count(*) FROM \"{o}\""))
        .collect();
    let mut queries: Vec<&str> = counts.iter().map(String::as_str).collect();
    // Mentions per outlet through paragraphs and articles, joined on ids; the same per
    // partition key; articles per year against the partition that holds them.
    let join = "SELECT s.name, count(*), count(DISTINCT a.id), sum(m.\"end\" - m.start) FROM mentions m
                JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
                LEFT JOIN sources s ON s.id = a.source_id GROUP BY s.name ORDER BY s.name NULLS FIRST";
    let by_key =
        "SELECT source, count(*) FROM mentions GROUP BY source ORDER BY source NULLS FIRST";
    let by_key_sql = "SELECT a.source_id, count(*) FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
                      JOIN articles a ON a.id = p.article_id GROUP BY a.source_id ORDER BY a.source_id NULLS FIRST";
    let years = "SELECT year, count(*), min(published_at) FROM articles GROUP BY year ORDER BY year NULLS FIRST";
    let years_sql = "SELECT CAST(substr(published_at, 1, 4) AS INTEGER) AS y, count(*), min(published_at) FROM articles GROUP BY y ORDER BY y NULLS FIRST";
    // Partition keys agree with the columns in the files.
    let keys = "SELECT count(*) FROM articles WHERE source IS DISTINCT FROM source_id
                   OR year IS DISTINCT FROM CAST(substr(published_at, 1, 4) AS INTEGER)";
    let text = "SELECT count(*), sum(length(text)), sum(length(title)) FROM paragraphs JOIN articles ON articles.id = paragraphs.article_id";
    let types = "SELECT column_name, column_type FROM (DESCRIBE SELECT id, source_id, title, published_at FROM articles)
                 UNION ALL SELECT column_name, column_type FROM (DESCRIBE SELECT latitude, mentions FROM entity_overview)";
    queries.extend([join, by_key, years, keys, text, types]);
    let answers = duckdb(out, &queries);
    for (i, object) in objects.iter().enumerate() {
        assert_eq!(answers[i], sqlite(&conn, &counts[i]), "rows of {object}");
    }
    let n = objects.len();
    assert_eq!(answers[n], sqlite(&conn, join), "mentions per outlet");
    assert_eq!(
        answers[n + 1],
        sqlite(&conn, by_key_sql),
        "mentions per source partition"
    );
    assert_eq!(
        answers[n + 2],
        sqlite(&conn, years_sql),
        "articles per year partition"
    );
    assert_eq!(
        answers[n + 3],
        [[json!(0)]],
        "partition keys match source_id and published_at"
    );
    assert_eq!(
        answers[n + 4],
        sqlite(&conn, text),
        "paragraph text and titles"
    );
    let types: Vec<(String, String)> = answers[n + 5]
        .iter()
        .map(|r| (r[0].as_str().unwrap().into(), r[1].as_str().unwrap().into()))
        .collect();
    let expected_types = [
        ("id", "BIGINT"),
        ("source_id", "BIGINT"),
        ("title", "VARCHAR"),
        ("published_at", "VARCHAR"),
        ("latitude", "DOUBLE"),
    ];
    for (column, ty) in expected_types {
        assert!(
            types.contains(&(column.into(), ty.into())),
            "{column} is {ty}: {types:?}"
        );
    }
}

/// The seeds and a few dated articles from two outlets (so that outlet and year partitions
/// exist, and one article with neither).
fn small_corpus(dir: &Path) -> std::path::PathBuf {
    let extra = dir.join("dated.jsonl");
    let lines = [
        json!({"title": "Minister opens bridge", "source": "Daily Planet", "date": "2018-03-02",
               "text": "\"This bridge joins two towns,\" the minister said on Friday.\n\nWork began in 2016."}),
        json!({"title": "Bridge closes for repairs", "source": "Daily Planet", "date": "2019-07-15",
               "text": "The bridge in Smallville closed on Monday.\n\n\"We expect it to reopen in May,\" said Lois Lane."}),
        json!({"title": "Storm hits coast", "source": "Morning Star", "date": "2019-01-20",
               "text": "A storm hit the coast of Maine on Sunday, officials said."}),
        json!({"title": "Undated notice", "text": "The library is open."}),
    ];
    std::fs::write(
        &extra,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
    let db = dir.join("small.db");
    let (db_s, seeds) = (db.to_str().unwrap(), fixtures().join("seeds"));
    ok(
        dir,
        &[
            "--db",
            db_s,
            "load",
            seeds.to_str().unwrap(),
            extra.to_str().unwrap(),
        ],
    );
    db
}

#[test]
fn seeds_export_reads_back_in_duckdb_with_the_same_rows_joins_and_values() {
    let dir = workdir();
    let db = small_corpus(dir.path());
    let out = dir.path().join("parquet");
    let (db_s, out_s) = (db.to_str().unwrap(), out.to_str().unwrap());
    let said = ok(
        dir.path(),
        &["--db", db_s, "export", "--format", "parquet", out_s],
    );
    assert!(
        said.contains("exported ") && said.contains("quote_overview"),
        "{said}"
    );

    // The layout: outlet id and year in the path, NULL as Hive's default partition.
    let conn = open(&db);
    let planet = count(&conn, "SELECT id FROM sources WHERE name = 'Daily Planet'");
    for year in [2018, 2019] {
        assert!(
            out.join(format!(
                "articles/source={planet}/year={year}/part-0.parquet"
            ))
            .is_file(),
            "{year}"
        );
    }
    assert!(out.join("articles/source=__HIVE_DEFAULT_PARTITION__/year=__HIVE_DEFAULT_PARTITION__/part-0.parquet").is_file());
    assert!(out
        .join(format!("quotes/source={planet}/year=2019/part-0.parquet"))
        .is_file());

    if !has_duckdb() {
        return;
    }
    check_export(&db, &out);

    // Values, not only counts: every title, every quote with its speaker, a paragraph.
    let titles = "SELECT id, title, published_at, source_id FROM articles ORDER BY id";
    let quotes = "SELECT id, text, speaker_text, cue, partial FROM quotes ORDER BY id";
    let paragraph = "SELECT text FROM paragraphs WHERE text LIKE '%Smallville%'";
    let answers = duckdb(
        &out,
        &[
            titles,
            quotes,
            paragraph,
            "SELECT source, year FROM articles WHERE title = 'Undated notice'",
        ],
    );
    assert_eq!(answers[0], sqlite(&conn, titles));
    assert!(
        answers[0]
            .iter()
            .any(|r| r[1] == "Assad planning visit to North Korea: Report"),
        "{:?}",
        answers[0]
    );
    assert_eq!(answers[1], sqlite(&conn, quotes));
    assert!(
        answers[1]
            .iter()
            .any(|r| r[1] == "We expect it to reopen in May" && r[2] == "Lois Lane"),
        "{:?}",
        answers[1]
    );
    assert_eq!(
        answers[2],
        [[json!("The bridge in Smallville closed on Monday.")]]
    );
    assert_eq!(
        answers[3],
        [[Value::Null, Value::Null]],
        "no outlet and no date read back as NULL"
    );
}

#[test]
fn export_refuses_a_folder_in_use_and_replaces_only_its_own_folders_with_force() {
    let dir = workdir();
    let d = dir.path();
    ok(
        &repo(),
        &[
            "--db",
            d.join("s.db").to_str().unwrap(),
            "load",
            "tests/fixtures/seeds",
        ],
    );
    std::fs::create_dir(d.join("out")).unwrap();
    std::fs::write(d.join("out/notes.txt"), "mine").unwrap();
    let refused = run(d, &["--db", "s.db", "export", "out"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = text(&refused.stderr);
    assert!(
        err.contains("out is not empty") && err.contains("--force"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    std::fs::create_dir(d.join("out/articles")).unwrap();
    std::fs::write(d.join("out/articles/stale.parquet"), "old").unwrap();
    let said = ok(
        d,
        &[
            "--db",
            "s.db",
            "export",
            "--force",
            "--quiet",
            "--skip",
            "cooccurrence",
            "out",
        ],
    );
    assert!(said.is_empty(), "--quiet: {said}");
    assert!(d.join("out/notes.txt").is_file(), "other files stay");
    assert!(
        !d.join("out/articles/stale.parquet").exists(),
        "an exported table's folder is replaced"
    );
    assert!(!d.join("out/cooccurrence").exists() && d.join("out/sources/part-0.parquet").is_file());

    let missing = run(d, &["--db", "none.db", "export", "out2"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("no such file"),
        "{}",
        text(&missing.stderr)
    );
    assert!(
        !d.join("out2").exists(),
        "nothing is created for a database that is not there"
    );
    let bad = run(d, &["--db", "s.db", "export", "--format", "csv", "out3"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "only parquet: {}",
        text(&bad.stderr)
    );
    std::fs::write(d.join("file"), "x").unwrap();
    let not_folder = run(d, &["--db", "s.db", "export", "file"]);
    assert!(
        text(&not_folder.stderr).contains("not a folder"),
        "{}",
        text(&not_folder.stderr)
    );
}

#[test]
fn bbc_export_reads_back_in_duckdb() {
    let Some(bbc) = corpus("bbc") else { return };
    if !has_duckdb() {
        return;
    }
    let dir = workdir();
    let db = dir.path().join("bbc.db");
    let out = dir.path().join("parquet");
    ok(
        dir.path(),
        &[
            "--db",
            db.to_str().unwrap(),
            "load",
            "--quiet",
            bbc.to_str().unwrap(),
        ],
    );
    ok(
        dir.path(),
        &[
            "--db",
            db.to_str().unwrap(),
            "export",
            "--quiet",
            out.to_str().unwrap(),
        ],
    );
    check_export(&db, &out);
}
