//! Upgrades: a database built with the first migration only (as the first corpusdb made it)
//! is refused by the readers with a clear message, upgraded by `corpusdb migrate` and by a
//! load, and keeps every row of every table through the upgrade; its full-text indexes,
//! created by a later migration, cover the rows that were there before.

mod common;

use std::path::Path;

use common::*;
use rusqlite::Connection;

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// The tables of schema version 1 and, for each, its columns, read from a V1 database.
fn v1_tables(conn: &Connection) -> Vec<(String, Vec<String>)> {
    let tables = strings(conn, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'refinery_schema_history' ORDER BY name");
    tables
        .into_iter()
        .map(|t| {
            let columns = strings(
                conn,
                &format!("SELECT name FROM pragma_table_info('{t}') ORDER BY cid"),
            );
            (t, columns)
        })
        .collect()
}

/// Every row of the V1 tables, as text, in primary-key order.
fn v1_rows(conn: &Connection, tables: &[(String, Vec<String>)]) -> Vec<String> {
    let mut rows = Vec::new();
    for (table, columns) in tables {
        let quoted: Vec<String> = columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
        let sql = format!(
            "SELECT '{table}|' || {} FROM \"{table}\" ORDER BY 1",
            quoted.join(" || '|' || ")
        );
        rows.extend(strings(conn, &sql));
    }
    rows
}

/// Builds a schema-version-1 database holding real rows: what the current binary stores for
/// the example articles and a few records, copied column by column into a V1 schema.
fn v1_database(dir: &Path) -> std::path::PathBuf {
    let current = dir.join("current.db");
    std::fs::write(
        dir.join("more.jsonl"),
        "{\"id\": \"m1\", \"title\": \"More\", \"text\": \"One. Two.\\n\\nThree.\", \"source\": \"M\", \"date\": \"2019-02-03\"}\n{\"title\": broken\n",
    )
    .unwrap();
    let out = run(
        &repo(),
        &[
            "--db",
            current.to_str().unwrap(),
            "load",
            "tests/fixtures/seeds",
            dir.join("more.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));

    let v1 = dir.join("v1.db");
    let mut conn = Connection::open(&v1).unwrap();
    embedded::migrations::runner()
        .set_target(refinery::Target::Version(1))
        .run(&mut conn)
        .unwrap();
    // Tables are copied in name order, parents after children: keys are checked at the end.
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn.execute("ATTACH ?1 AS current", [current.to_str().unwrap()])
        .unwrap();
    for (table, columns) in v1_tables(&conn) {
        let list = columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        conn.execute(
            &format!(
                "INSERT INTO main.\"{table}\" ({list}) SELECT {list} FROM current.\"{table}\""
            ),
            [],
        )
        .unwrap();
    }
    conn.execute("DETACH current", []).unwrap();
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    v1
}

#[test]
fn a_version_1_database_is_upgraded_keeping_every_row() {
    let dir = workdir();
    let d = dir.path();
    let v1 = v1_database(d);
    let db = v1.to_str().unwrap();
    let (tables, before) = {
        let conn = open(&v1);
        assert_eq!(
            count(&conn, "SELECT max(version) FROM refinery_schema_history"),
            1
        );
        let tables = v1_tables(&conn);
        let rows = v1_rows(&conn, &tables);
        assert!(
            count(&conn, "SELECT count(*) FROM paragraphs") > 20,
            "the fixture holds real rows"
        );
        (tables, rows)
    };

    // Readers never write, so they refuse an old schema and say what to do.
    let out = run(d, &["--db", db, "search", "kim"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("its schema is version 1")
            && text(&out.stderr).contains("corpusdb migrate"),
        "{}",
        text(&out.stderr)
    );

    let latest = corpusdb::store::latest_version();
    let out = ok(d, &["--db", db, "migrate"]);
    assert!(
        out.contains(&format!("schema version 1 → {latest}")),
        "{out}"
    );
    let conn = open(&v1);
    assert_eq!(
        v1_rows(&conn, &tables),
        before,
        "rows changed in the upgrade"
    );
    // The full-text indexes (a later migration) cover the paragraphs and titles stored before.
    for fts in ["paragraphs_fts", "articles_fts"] {
        conn.execute(
            &format!("INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"),
            [],
        )
        .unwrap_or_else(|e| panic!("{fts} after the upgrade: {e}"));
    }
    assert_eq!(
        count(&conn, "SELECT count(*) FROM paragraphs_fts_docsize"),
        count(&conn, "SELECT count(*) FROM paragraphs")
    );
    let found = ok(
        d,
        &["--db", db, "search", "reunification", "--format", "csv"],
    );
    assert!(
        found.lines().count() > 1,
        "search finds text stored before the upgrade: {found}"
    );
    // A second migrate has nothing to do.
    assert!(
        ok(d, &["--db", db, "migrate"]).contains(&format!("schema version {latest} → {latest}"))
    );
}

#[test]
fn a_load_into_a_version_1_database_upgrades_it_and_adds_only_what_is_new() {
    let dir = workdir();
    let d = dir.path();
    let v1 = v1_database(d);
    let db = v1.to_str().unwrap();
    let (tables, before, articles) = {
        let conn = open(&v1);
        let tables = v1_tables(&conn);
        (
            tables.clone(),
            v1_rows(&conn, &tables),
            count(&conn, "SELECT count(*) FROM articles"),
        )
    };
    std::fs::write(
        d.join("new.jsonl"),
        "{\"title\": \"New after the upgrade\", \"text\": \"Reunification talks resumed.\"}\n",
    )
    .unwrap();
    let out = run(
        &repo(),
        &[
            "--db",
            db,
            "load",
            "tests/fixtures/seeds",
            d.join("new.jsonl").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 added, 0 updated, 2 skipped"),
        "{}",
        text(&out.stdout)
    );
    let conn = open(&v1);
    let after = v1_rows(&conn, &tables);
    assert!(
        before.iter().all(|row| after.contains(row)),
        "a row stored before the upgrade was lost or changed"
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), articles + 1);
    let hits = strings(&conn, "SELECT a.title FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid JOIN articles a ON a.id = p.article_id WHERE paragraphs_fts MATCH 'reunification' GROUP BY a.id ORDER BY a.id");
    assert!(
        hits.len() >= 2 && hits.last().map(String::as_str) == Some("New after the upgrade"),
        "{hits:?}"
    );
}

/// Migration V8 drops the insert trigger of `quotes_fts` (the loader indexes quotes itself):
/// quotes the trigger indexed before stay found, and those a later load stores join them.
#[test]
fn quotes_indexed_before_version_8_stay_found_and_later_quotes_join_them() {
    let dir = workdir();
    let d = dir.path();
    let db = d.join("v7.db");
    {
        let mut conn = Connection::open(&db).unwrap();
        embedded::migrations::runner()
            .set_target(refinery::Target::Version(7))
            .run(&mut conn)
            .unwrap();
        // One article with one quote, stored as a version-7 loader did: the trigger indexes it.
        conn.execute_batch(
            "INSERT INTO loads (id, started_at, inputs, options, tool_version) VALUES (1, '2020-01-01', '[]', '{}', 'v7');
             INSERT INTO articles (id, title, content_hash, origin, load_id, words) VALUES (1, 'Old', 'h1', 'old.txt', 1, 6);
             INSERT INTO paragraphs (id, article_id, position, kind, text) VALUES (1, 1, 0, 'body', '\"Harvest festivals unite us,\" she said.');
             INSERT INTO quote_clusters (id, key) VALUES (1, 'harvest festivals unite us');
             INSERT INTO quotes (paragraph_id, start, \"end\", text, partial, rule, echo_key, cluster_id)
             VALUES (1, 1, 27, 'Harvest festivals unite us', 0, 'test', 'harvest festivals unite us', 1);",
        )
        .unwrap();
    }
    let out = run(
        &repo(),
        &["--db", db.to_str().unwrap(), "load", "tests/fixtures/seeds"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = open(&db);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM sqlite_schema WHERE name = 'quotes_ai'"
        ),
        0
    );
    conn.execute(
        "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    assert_eq!(
        count(&conn, "SELECT count(*) FROM quotes_fts_docsize"),
        count(&conn, "SELECT count(*) FROM quotes")
    );
    let found = |word: &str| {
        strings(&conn, &format!("SELECT q.text FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH '{word}'"))
    };
    assert_eq!(found("harvest"), ["Harvest festivals unite us"]);
    assert_eq!(
        found("reunification"),
        ["achieve the final victory and realise the reunification of Korea without fail"]
    );
}
