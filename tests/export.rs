//! `corpusdb export`: the Parquet folder, read back by DuckDB (from PyPI, as a user taking a
//! corpus elsewhere would), holds what SQLite holds: the rows of every table and view, the
//! same answers to a join across partitioned tables, the same titles and quotes, dates as
//! dates, and the outlet and year of every partition; two shards exported into one folder
//! answer as one database loaded with everything.

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
/// (the shard and, where there are some, the partition keys become the columns `shard`,
/// `source` and `year`), and returns each query's rows as JSON values.
fn duckdb(out: &Path, queries: &[&str]) -> Vec<Vec<Vec<Value>>> {
    const SCRIPT: &str = r#"
import json, os, sys, duckdb
job = json.load(sys.stdin)
db = duckdb.connect()
for name in sorted(os.listdir(job["out"])):
    glob = os.path.join(job["out"], name, "**", "*.parquet").replace("'", "''")
    folders = [d for _, ds, _ in os.walk(os.path.join(job["out"], name)) for d in ds]
    partitioned = any(d.startswith("source=") for d in folders)
    # Typed keys: a corpus with no dates has only NULL years, which DuckDB would read as
    # text; small outlets and years grouped as `other` make the keys text.
    key = "VARCHAR" if any(d.endswith("=other") for d in folders) else "BIGINT"
    keys = f", 'source': {key}, 'year': {key}" if partitioned else ""
    types = f", hive_types = {{'shard': VARCHAR{keys}}}"
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
        let shards: Vec<_> = std::fs::read_dir(out.join(table))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(shards, [out.join(table).join(shard(db))], "{table}");
        let partitioned = std::fs::read_dir(&shards[0]).unwrap().all(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("source=")
        });
        assert!(partitioned, "{table} is partitioned by source");
    }
    for object in ["sources", "quote_overview"] {
        let file = out.join(object).join(shard(db)).join("part-0.parquet");
        assert!(file.is_file(), "{}", file.display());
    }

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
                   OR year IS DISTINCT FROM CAST(substr(CAST(published_at AS VARCHAR), 1, 4) AS INTEGER)";
    let text = "SELECT count(*), sum(length(text)), sum(length(title)) FROM paragraphs JOIN articles ON articles.id = paragraphs.article_id";
    let types = "SELECT column_name, column_type FROM (DESCRIBE SELECT id, source_id, title, published_at FROM articles)
                 UNION ALL SELECT column_name, column_type FROM (DESCRIBE SELECT latitude, mentions FROM entity_overview)
                 UNION ALL SELECT column_name, column_type FROM (DESCRIBE SELECT started_at FROM loads)";
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
    // Issue #23: dates are DATE columns (when a corpus has any), times TIMESTAMP.
    let dated = count(&conn, "SELECT count(published_at) FROM articles") > 0;
    let expected_types = [
        ("id", "BIGINT"),
        ("source_id", "BIGINT"),
        ("title", "VARCHAR"),
        ("published_at", if dated { "DATE" } else { "VARCHAR" }),
        ("latitude", "DOUBLE"),
        ("started_at", "TIMESTAMP"),
    ];
    for (column, ty) in expected_types {
        assert!(
            types.contains(&(column.into(), ty.into())),
            "{column} is {ty}: {types:?}"
        );
    }
}

/// The folder of a database's shard when it is exported with no --shard: its file's name.
fn shard(db: &Path) -> String {
    format!("shard={}", db.file_stem().unwrap().to_string_lossy())
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
                "articles/shard=small/source={planet}/year={year}/part-0.parquet"
            ))
            .is_file(),
            "{year}"
        );
    }
    assert!(out.join("articles/shard=small/source=__HIVE_DEFAULT_PARTITION__/year=__HIVE_DEFAULT_PARTITION__/part-0.parquet").is_file());
    assert!(out
        .join(format!(
            "quotes/shard=small/source={planet}/year=2019/part-0.parquet"
        ))
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

    std::fs::create_dir_all(d.join("out/articles/shard=s")).unwrap();
    std::fs::write(d.join("out/articles/shard=s/stale.parquet"), "old").unwrap();
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
        !d.join("out/articles/shard=s/stale.parquet").exists(),
        "an exported table's shard is replaced"
    );
    assert!(
        !d.join("out/cooccurrence").exists()
            && d.join("out/sources/shard=s/part-0.parquet").is_file()
    );

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

/// Issue #22, beyond one machine: a corpus loaded as two shards (two databases, each from
/// half of the articles) and exported into one folder answers in DuckDB as the database
/// loaded with everything: no id collides (rows join on shard and id), and entities and quote
/// clusters add up across shards by their stable keys (kind and key; the normalised text).
#[test]
fn issue_22_two_shards_combine_in_duckdb_as_one_database() {
    let dir = workdir();
    let d = dir.path();
    // Political news, which names many people, parties and places; the seeds without ../shared.
    let articles: Vec<std::path::PathBuf> = match corpus("bbc") {
        Some(bbc) => {
            let mut files: Vec<_> = std::fs::read_dir(bbc.join("politics"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            files.sort();
            files.truncate(80);
            files
        }
        None => {
            let mut files: Vec<_> = std::fs::read_dir(fixtures().join("seeds"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            files
        }
    };
    assert!(articles.len() >= 2, "{articles:?}");
    let half = articles.len() / 2;
    let load = |db: &str, files: &[std::path::PathBuf]| {
        let mut args = vec![
            "--db".to_string(),
            db.into(),
            "load".into(),
            "--quiet".into(),
        ];
        args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ok(d, &args);
    };
    load("a.db", &articles[..half]);
    load("b.db", &articles[half..]);
    load("whole.db", &articles);
    for (db, name) in [("a.db", "a"), ("b.db", "b")] {
        ok(
            d,
            &["--db", db, "export", "--quiet", "--shard", name, "shards"],
        );
    }
    assert!(
        d.join("shards/articles/shard=a").is_dir() && d.join("shards/articles/shard=b").is_dir()
    );
    let again = run(d, &["--db", "a.db", "export", "--shard", "a", "shards"]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "a shard exported twice is refused"
    );
    assert!(
        text(&again.stderr).contains("--shard"),
        "{}",
        text(&again.stderr)
    );
    if !has_duckdb() {
        return;
    }
    let whole = open(&d.join("whole.db"));
    // (DuckDB, SQLite on the whole database.)
    let pairs = [
        (
            "SELECT e.kind, e.key, count(*) AS n FROM mentions m
             JOIN entities e ON e.shard = m.shard AND e.id = m.entity_id
             GROUP BY e.kind, e.key ORDER BY n DESC, e.kind, e.key LIMIT 25",
            "SELECT e.kind, e.key, count(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id
             GROUP BY e.kind, e.key ORDER BY n DESC, e.kind, e.key LIMIT 25",
        ),
        (
            "SELECT coalesce(s.name, '-') AS outlet, count(*) FROM quotes q
             JOIN paragraphs p ON p.shard = q.shard AND p.id = q.paragraph_id
             JOIN articles a ON a.shard = p.shard AND a.id = p.article_id
             LEFT JOIN sources s ON s.shard = a.shard AND s.id = a.source_id
             GROUP BY outlet ORDER BY outlet",
            "SELECT coalesce(s.name, '-') AS outlet, count(*) FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id
             JOIN articles a ON a.id = p.article_id LEFT JOIN sources s ON s.id = a.source_id
             GROUP BY outlet ORDER BY outlet",
        ),
        (
            "SELECT key, sum(quotes) AS n FROM quote_clusters GROUP BY key ORDER BY n DESC, key LIMIT 10",
            "SELECT key, sum(quotes) AS n FROM quote_clusters GROUP BY key ORDER BY n DESC, key LIMIT 10",
        ),
    ];
    let checks = [
        // Ids repeat across shards (each database counts from 1) but never within one.
        "SELECT count(*) > count(DISTINCT id), count(*) = count(DISTINCT (shard, id)) FROM paragraphs",
        "SELECT count(*) FROM articles",
    ];
    let mut queries: Vec<&str> = pairs.iter().map(|(duck, _)| *duck).collect();
    queries.extend(checks);
    let answers = duckdb(&d.join("shards"), &queries);
    for (i, (_, sql)) in pairs.iter().enumerate() {
        let expected = sqlite(&whole, sql);
        assert!(!expected.is_empty(), "{sql}");
        assert_eq!(answers[i], expected, "shards and the whole differ on {sql}");
    }
    assert_eq!(answers[3], [[json!(true), json!(true)]]);
    assert_eq!(answers[4], sqlite(&whole, "SELECT count(*) FROM articles"));
}
