//! Unit tests of the export: what is partitioned, the queries' plans, the folders.

use super::partition::NULL_PARTITION;
use super::schema::MIGRATION_HISTORY;
use super::write::queries;
use super::*;
use crate::output::parquet::Kind;
use std::path::Path;

fn migrated() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let conn = crate::store::open_write(&path).unwrap();
    (dir, conn)
}

#[test]
fn article_tables_are_found_through_their_foreign_keys() {
    let (_dir, conn) = migrated();
    let objects = objects(&conn).unwrap();
    let partitioned: Vec<&str> = objects
        .iter()
        .filter(|o| o.partitioned())
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(
        partitioned,
        [
            "article_received",
            "article_repairs",
            "articles",
            "date_mentions",
            "mentions",
            "paragraphs",
            "quotes",
            "sentences"
        ]
    );
    let names: Vec<&str> = objects.iter().map(|o| o.name.as_str()).collect();
    assert!(
        names.contains(&"sources") && names.contains(&"quote_overview"),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.contains("_fts") || n.starts_with("sqlite_") || *n == MIGRATION_HISTORY),
        "{names:?}"
    );
    assert!(
        objects
            .windows(2)
            .all(|w| w[0].kind == w[1].kind || w[1].kind == ObjectKind::View),
        "tables come before views"
    );
}

/// The partition queries (one cell of articles each) never scan or sort a whole table:
/// SQLite finds the cell's articles through their (source_id, published_at) index and each
/// child through an index.
#[test]
fn partition_queries_need_no_sort() {
    let (_dir, conn) = migrated();
    for object in objects(&conn).unwrap().iter().filter(|o| o.partitioned()) {
        let (main, _) = queries(object);
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {main}")).unwrap();
        let plan: Vec<String> = stmt
            .query_map([7, 2019], |r| r.get(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let sorts_or_scans = |step: &String| {
            step.contains("TEMP B-TREE")
                || step.contains("AUTOMATIC")
                || (step.starts_with("SCAN") && !step.contains("articles_source_date"))
        };
        assert!(
            !plan.iter().any(sorts_or_scans),
            "{}: {plan:?}",
            object.name
        );
    }
}

#[test]
fn new_tables_hanging_off_an_article_are_partitioned_and_orphans_kept() {
    let (dir, conn) = migrated();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         CREATE TABLE clips (id INTEGER PRIMARY KEY, label NUMERIC);
         CREATE TABLE clip_articles (story_id INTEGER NOT NULL REFERENCES clips(id),
                                      article_id INTEGER NOT NULL REFERENCES articles(id));
         CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles(id), x);
         INSERT INTO loads (id, started_at, inputs, tool_version) VALUES (1, '', '[]', '');
         INSERT INTO sources (id, name) VALUES (7, 'Outlet');
         INSERT INTO articles (id, source_id, published_at, content_hash, origin, load_id)
             VALUES (1, 7, '2019-05-01', 'a', 'f:1', 1), (2, NULL, NULL, 'b', 'f:2', 1), (3, 7, '2018-01-01', 'c', 'f:3', 1);
         INSERT INTO clips VALUES (1, 'x'), (2, 2.5);
         INSERT INTO clip_articles VALUES (1, 1), (1, 2), (2, 3), (2, 99);
         INSERT INTO notes VALUES (1, 1, 1), (2, NULL, 'two');",
    )
    .unwrap();
    let objects = objects(&conn).unwrap();
    let find = |name: &str| objects.iter().find(|o| o.name == name).unwrap();
    assert!(find("clip_articles").partitioned());
    assert!(
        !find("clips").partitioned() && !find("notes").partitioned(),
        "nullable keys do not partition"
    );
    let out = dir.path().join("out");
    let done = export(&conn, &out, &Options::default(), &mut |_| {}).unwrap();
    let clip_articles = done.iter().find(|e| e.name == "clip_articles").unwrap();
    assert_eq!((clip_articles.rows, clip_articles.files), (4, 4));
    let shard = out.join("clip_articles/shard=corpus");
    for path in [
        "source=7/year=2019/part-0.parquet",
        "source=7/year=2018/part-0.parquet",
    ] {
        assert!(shard.join(path).is_file(), "{path}");
    }
    // The article with no outlet and the orphan share the NULL partition, in two files.
    let null = shard.join(format!("source={NULL_PARTITION}/year={NULL_PARTITION}"));
    assert!(null.join("part-0.parquet").is_file() && null.join("part-1.parquet").is_file());
    let notes = done.iter().find(|e| e.name == "notes").unwrap();
    assert_eq!(
        notes.columns[2].kind,
        Kind::Text,
        "untyped column with 1 and 'two' is text"
    );
    let clips = done.iter().find(|e| e.name == "clips").unwrap();
    assert_eq!(clips.columns[1].kind, Kind::Text);
    let articles = done.iter().find(|e| e.name == "articles").unwrap();
    let published = articles.columns.iter().find(|c| c.name == "published_at");
    assert_eq!(published.map(|c| c.kind), Some(Kind::Date));
    assert!(out.join("notes/shard=corpus/part-0.parquet").is_file());
    // An empty table still has a file.
    assert!(out
        .join("quotes/shard=corpus")
        .join(format!(
            "source={NULL_PARTITION}/year={NULL_PARTITION}/part-0.parquet"
        ))
        .is_file());
    let partial = |out: &Path| {
        walkdir::WalkDir::new(out).into_iter().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".partial")
        })
    };
    assert!(!partial(&out));

    let err = export(&conn, &out, &Options::default(), &mut |_| {}).unwrap_err();
    assert!(
        err.to_string().contains("already holds shard=corpus"),
        "{err}"
    );
    // Another shard goes beside it, and the first stays.
    let other = Options {
        shard: "b".into(),
        min_share: 0.5,
        ..Options::default()
    };
    export(&conn, &out, &other, &mut |_| {}).unwrap();
    let b = out.join("clip_articles/shard=b");
    assert!(shard.join("source=7/year=2019/part-0.parquet").is_file());
    // At half the corpus, outlet 7 (2 of 3 articles) keeps a folder, its years (1 each) do not.
    assert!(b.join("source=7/year=other/part-0.parquet").is_file());
    assert!(b.join("source=other/year=other/part-0.parquet").is_file());

    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    let err = export(
        &conn,
        &out,
        &Options {
            shard: "c".into(),
            ..Options::default()
        },
        &mut |_| {},
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("not empty") && err.to_string().contains("keep.txt"),
        "{err}"
    );
    let skip = vec!["cooccurrence".to_string()];
    std::fs::remove_dir_all(out.join("cooccurrence")).unwrap();
    let force = Options {
        force: true,
        skip,
        ..Options::default()
    };
    export(&conn, &out, &force, &mut |_| {}).unwrap();
    assert!(
        out.join("keep.txt").is_file() && b.is_dir(),
        "--force replaces only this shard's folders"
    );
    assert!(!out.join("cooccurrence").exists());
    let err = export(
        &conn,
        &out,
        &Options {
            force: true,
            skip: vec!["nope".into()],
            ..Options::default()
        },
        &mut |_| {},
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("--skip nope: no such table or view"),
        "{err}"
    );
}

/// A column whose sample is all dates but holds one value further on that is not a date is
/// written again as text, losing nothing.
#[test]
fn a_date_column_with_a_later_non_date_is_written_as_text() {
    let (dir, conn) = migrated();
    conn.execute_batch(
        "CREATE TABLE days (id INTEGER PRIMARY KEY, day TEXT, at TEXT);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9000)
         INSERT INTO days SELECT i, date('2018-01-01', '+' || (i % 300) || ' days'),
             '2018-01-01T10:00:00Z' FROM n;
         UPDATE days SET day = '2018-03' WHERE id = 8999;",
    )
    .unwrap();
    let out = dir.path().join("out");
    let done = export(&conn, &out, &Options::default(), &mut |_| {}).unwrap();
    let days = done.iter().find(|e| e.name == "days").unwrap();
    let kinds: Vec<Kind> = days.columns.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::Integer, Kind::Text, Kind::Timestamp]);
    assert!(days.unfit.is_empty(), "{:?}", days.unfit);
}
