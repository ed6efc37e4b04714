//! The report rollups (migration V14) stay equal to a count over the stored rows after every
//! way a database changes: a first load, a second load, a re-load of stored records, a
//! re-load with `--replace` that changes articles' text and dates, alias rules that merge
//! entities, a merge of two databases, and `corpusdb reclassify`. The oracle is what the
//! views and reports computed before V14 (and, for the quote and co-occurrence views and the
//! `quotes` and `sources` reports, before V15), straight from mentions, paragraphs and quotes.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;

use common::*;
use rusqlite::types::ValueRef;
use rusqlite::Connection;

/// The views as they were before V14 (V15 for the last three): counted over the stored
/// rows, each with an order that makes its rows' order unique.
const VIEWS: &[(&str, &str, &str)] = &[
    (
        "entity_overview",
        "ORDER BY 1",
        "SELECT e.id AS entity_id, e.kind, e.name, e.country, e.latitude, e.longitude,
                count(m.id) AS mentions, count(DISTINCT p.article_id) AS articles,
                min(a.published_at) AS first_date, max(a.published_at) AS last_date
         FROM entities e
         LEFT JOIN mentions m ON m.entity_id = e.id
         LEFT JOIN paragraphs p ON p.id = m.paragraph_id
         LEFT JOIN articles a ON a.id = p.article_id
         GROUP BY e.id",
    ),
    (
        "entity_daily",
        "ORDER BY 1, 2, 4",
        "SELECT e.id AS entity_id, m.kind, e.name, substr(a.published_at, 1, 10) AS day,
                count(*) AS mentions, count(DISTINCT a.id) AS articles
         FROM mentions m JOIN entities e ON e.id = m.entity_id
         JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
         WHERE a.published_at IS NOT NULL
         GROUP BY e.id, m.kind, day",
    ),
    (
        "entity_kinds",
        "ORDER BY 1, 2",
        "SELECT e.id AS entity_id, m.kind, e.kind AS entity_kind, e.name, e.country,
                count(*) AS mentions, count(DISTINCT p.article_id) AS articles
         FROM mentions m JOIN entities e ON e.id = m.entity_id
         JOIN paragraphs p ON p.id = m.paragraph_id
         GROUP BY e.id, m.kind",
    ),
    (
        "source_daily",
        "ORDER BY 1, 3",
        "SELECT a.source_id, s.name AS outlet, CAST(substr(a.published_at, 1, 10) AS TEXT) AS day,
                CAST(count(*) AS INTEGER) AS articles, CAST(sum(a.words) AS INTEGER) AS words,
                CAST(sum((SELECT count(*) FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.article_id = a.id)) AS INTEGER) AS quotes
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE a.published_at IS NOT NULL
         GROUP BY a.source_id, day",
    ),
    ("quote_overview", "ORDER BY 1", QUOTE_OVERVIEW),
    (
        "quote_echoes",
        "ORDER BY 7",
        "SELECT c.id AS cluster_id, c.quotes, c.articles,
                fs.name AS first_outlet, c.first_published_at AS first_date, c.first_article_id,
                q.id AS quote_id, q.text AS variant, coalesce(sp.name, q.speaker_text) AS speaker,
                s.name AS outlet, a.published_at AS date, a.id AS article_id
         FROM quote_clusters c
         JOIN quotes q ON q.cluster_id = c.id
         JOIN paragraphs p ON p.id = q.paragraph_id
         JOIN articles a ON a.id = p.article_id
         LEFT JOIN sources s ON s.id = a.source_id
         LEFT JOIN sources fs ON fs.id = c.first_source_id
         LEFT JOIN entities sp ON sp.id = q.speaker_entity_id
         WHERE c.articles > 1",
    ),
    (
        "cooccurrence",
        "ORDER BY 1, 3",
        "SELECT c.entity_id, e.name AS entity, c.other_id, o.kind AS other_kind, o.name AS other,
                c.paragraphs, c.sentences, c.articles
         FROM (
             SELECT entity_id, other_id, paragraphs, sentences, articles FROM cooccurrence_counts WHERE entity_id < other_id
             UNION ALL
             SELECT other_id, entity_id, paragraphs, sentences, articles FROM cooccurrence_counts WHERE entity_id < other_id
         ) c
         JOIN entities e ON e.id = c.entity_id
         JOIN entities o ON o.id = c.other_id",
    ),
];

/// `quote_overview` before V15: a quote's article found through its paragraph.
const QUOTE_OVERVIEW: &str = "SELECT q.id AS quote_id, q.text AS quote,
       coalesce(sp.name, q.speaker_text) AS speaker, q.speaker_text, q.speaker_entity_id,
       q.cue, coalesce(v.name, q.via_text) AS via, q.partial,
       s.name AS outlet, a.published_at AS date, a.id AS article_id, a.title, q.cluster_id
FROM quotes q
JOIN paragraphs p ON p.id = q.paragraph_id
JOIN articles a ON a.id = p.article_id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN entities sp ON sp.id = q.speaker_entity_id
LEFT JOIN entities v ON v.id = q.via_entity_id";

/// The reports as they were before V14 (their default parameters bound as NULL).
const REPORTS: &[(&str, &str)] = &[
    (
        "entities",
        "SELECT e.id AS entity_id, coalesce(:kind, e.kind) AS kind, e.name, e.country,
                count(*) AS mentions, count(DISTINCT p.article_id) AS articles
         FROM mentions m JOIN entities e ON e.id = m.entity_id
         JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
         LEFT JOIN sources s ON s.id = a.source_id
         WHERE (:kind IS NULL OR m.kind = :kind) AND (:source IS NULL OR s.name = :source)
           AND (:from IS NULL OR a.published_at >= :from)
           AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
         GROUP BY e.id
         ORDER BY articles DESC, mentions DESC, e.name
         LIMIT coalesce(:limit, 50)",
    ),
    (
        "overview",
        "SELECT coalesce(s.name, '(no outlet)') AS outlet,
                coalesce(substr(a.published_at, 1, 7), '(undated)') AS month, count(*) AS articles,
                sum((SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.kind = 'body')) AS paragraphs,
                sum(a.words) AS words
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE (:source IS NULL OR s.name = :source)
           AND (:from IS NULL OR a.published_at >= :from)
           AND (:to IS NULL OR a.published_at < date(:to, '+1 day'))
         GROUP BY outlet, month ORDER BY outlet, month",
    ),
    (
        "boilerplate",
        "WITH totals AS (
             SELECT a.source_id, count(*) AS blocks FROM paragraphs p JOIN articles a ON a.id = p.article_id
             GROUP BY a.source_id)
         SELECT coalesce(s.name, '(no outlet)') AS outlet, p.kind, count(*) AS blocks,
                count(DISTINCT p.article_id) AS articles,
                round(100.0 * count(*) / t.blocks, 2) AS pct_of_outlet_blocks,
                max(p.id) AS example_id, p.text AS example, p.reason AS reason
         FROM paragraphs p JOIN articles a ON a.id = p.article_id
         LEFT JOIN sources s ON s.id = a.source_id
         JOIN totals t ON t.source_id IS a.source_id
         WHERE p.kind NOT IN ('title', 'dek', 'body')
           AND (:source IS NULL OR s.name = :source) AND (:kind IS NULL OR p.kind = :kind)
         GROUP BY a.source_id, p.kind
         ORDER BY blocks DESC, outlet, p.kind
         LIMIT coalesce(:limit, 200)",
    ),
    (
        "speakers",
        "SELECT e.name AS speaker, count(*) AS quotes, count(DISTINCT p.article_id) AS articles,
                count(DISTINCT a.source_id) AS outlets
         FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id
         JOIN paragraphs p ON p.id = q.paragraph_id JOIN articles a ON a.id = p.article_id
         LEFT JOIN sources s ON s.id = a.source_id
         WHERE (:source IS NULL OR s.name = :source)
         GROUP BY e.id
         ORDER BY quotes DESC, e.name
         LIMIT coalesce(:limit, 50)",
    ),
    (
        "sources",
        "SELECT s.id, s.name AS outlet, s.domain,
                count(a.id) AS articles,
                coalesce(sum(a.words), 0) AS words,
                min(a.published_at) AS first_date,
                max(a.published_at) AS last_date
         FROM sources s
         LEFT JOIN articles a ON a.source_id = s.id
         GROUP BY s.id
         ORDER BY articles DESC, outlet
         LIMIT coalesce(:limit, 1000)",
    ),
];

/// Reports that read `quote_overview` as it was before V15, given as `{}`.
const QUOTE_REPORTS: &[(&str, &str)] = &[(
    "quotes",
    "SELECT q.quote_id, q.date, q.outlet, q.speaker, q.cue, q.via, q.partial, q.quote, q.article_id
     FROM ({}) q
     WHERE (:speaker IS NULL OR q.speaker = :speaker OR q.speaker_text = :speaker)
       AND (:source IS NULL OR q.outlet = :source)
       AND (:from IS NULL OR q.date >= :from)
       AND (:to IS NULL OR q.date < date(:to, '+1 day'))
       AND (:text IS NULL OR q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :text))
     ORDER BY q.date DESC, q.quote_id
     LIMIT coalesce(:limit, 100)",
)];

fn rows(conn: &Connection, sql: &str, params: &[(&str, &str)]) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    for i in 1..=stmt.parameter_count() {
        let name = stmt.parameter_name(i).unwrap_or("").trim_start_matches(':');
        let value = params.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        stmt.raw_bind_parameter(i, value).expect("bind");
    }
    let columns = stmt.column_count();
    let mut found = Vec::new();
    let mut result = stmt.raw_query();
    while let Some(row) = result.next().expect("row") {
        found.push(
            (0..columns)
                .map(|i| match row.get_ref(i).expect("value") {
                    ValueRef::Null => "NULL".to_string(),
                    ValueRef::Integer(n) => n.to_string(),
                    ValueRef::Real(f) => format!("{f:?}"),
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    ValueRef::Blob(b) => format!("{b:?}"),
                })
                .collect(),
        );
    }
    found
}

/// Every view and report that reads the rollups answers as the count over the stored rows
/// does; returns how many rows were compared.
fn check(db: &Path, step: &str) -> usize {
    let conn = open(db);
    let mut compared = 0;
    for (view, order, oracle) in VIEWS {
        let got = rows(&conn, &format!("SELECT * FROM {view} {order}"), &[]);
        let want = rows(&conn, &format!("SELECT * FROM ({oracle}) {order}"), &[]);
        assert_eq!(got.len(), want.len(), "{step}: {view} has other rows");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{step}: {view}");
        }
        compared += got.len();
    }
    let source: String = conn
        .query_row(
            "SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id
             GROUP BY s.id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an outlet");
    let speaker: String = conn
        .query_row(
            "SELECT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id
             GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a speaker");
    let cases: [&[(&str, &str)]; 6] = [
        &[],
        &[("kind", "person")],
        &[("source", &source)],
        &[
            ("kind", "place"),
            ("from", "2012-01-01"),
            ("to", "2019-12-31"),
        ],
        &[("speaker", &speaker), ("limit", "20")],
        &[("text", "people"), ("to", "2016-12-31")],
    ];
    let quote_reports = QUOTE_REPORTS
        .iter()
        .map(|(name, sql)| (*name, sql.replace("{}", QUOTE_OVERVIEW)));
    let reports = REPORTS
        .iter()
        .map(|(name, sql)| (*name, sql.to_string()))
        .chain(quote_reports);
    for (name, oracle) in reports {
        let sql = fs::read_to_string(repo().join(format!("src/report/sql/{name}.sql"))).unwrap();
        for params in cases {
            let got = rows(&conn, &sql, params);
            let want = rows(&conn, &oracle, params);
            assert_eq!(got, want, "{step}: report {name} with {params:?}");
            compared += got.len();
        }
    }
    // Migration V15: every quote names the article of its paragraph.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id
             WHERE q.article_id IS NOT p.article_id"
        ),
        0,
        "{step}: a quote names another article than its paragraph's"
    );
    compared
}

/// The first `n` allsides records after `skip`, as JSON values.
fn records(skip: usize, n: usize) -> Option<Vec<serde_json::Value>> {
    let path = corpus("allsides-37k.jsonl.gz")?;
    let file = fs::File::open(path).expect("allsides");
    let lines = BufReader::new(flate2::read::GzDecoder::new(file)).lines();
    Some(
        lines
            .skip(skip)
            .take(n)
            .map(|l| serde_json::from_str(&l.expect("line")).expect("json"))
            .collect(),
    )
}

fn write(path: &Path, records: &[serde_json::Value]) {
    let text: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    fs::write(path, text.join("\n") + "\n").expect("write");
}

#[test]
fn issue_22_rollups_equal_a_recount_after_loads_replaces_merges_and_reclassify() {
    let Some(all) = records(0, 400) else {
        return;
    };
    let dir = workdir();
    let d = dir.path();
    let (first, second) = all.split_at(200);
    write(&d.join("a.jsonl"), first);
    write(&d.join("b.jsonl"), second);
    // Five stored articles come again with another article's text and a later date: each
    // replaced article's counts (and any first date it held) must leave the rollups.
    let mut changed = first.to_vec();
    for (i, record) in changed.iter_mut().take(5).enumerate() {
        record["content_original"] = second[i]["content_original"].clone();
        record["date"] = serde_json::json!("2021-06-30");
    }
    write(&d.join("a2.jsonl"), &changed);

    let mut compared = 0;
    ok(d, &["--db", "one.db", "load", "--quiet", "a.jsonl"]);
    compared += check(&d.join("one.db"), "first load");
    ok(d, &["--db", "one.db", "load", "--quiet", "b.jsonl"]);
    compared += check(&d.join("one.db"), "second load");
    ok(d, &["--db", "one.db", "load", "--quiet", "a.jsonl"]);
    compared += check(&d.join("one.db"), "re-load");
    ok(
        d,
        &["--db", "one.db", "load", "--quiet", "--replace", "a2.jsonl"],
    );
    let conn = open(&d.join("one.db"));
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM articles WHERE published_at LIKE '2021-06-30%'"
        ),
        5,
        "the five articles were replaced"
    );
    drop(conn);
    compared += check(&d.join("one.db"), "re-load with --replace");
    let aliases = fixtures().join("aliases/aliases.tsv");
    let aliases = aliases.to_str().unwrap();
    ok(
        d,
        &[
            "--db",
            "one.db",
            "load",
            "--quiet",
            "--aliases",
            aliases,
            "b.jsonl",
        ],
    );
    compared += check(&d.join("one.db"), "alias rules merging entities");

    ok(d, &["--db", "a.db", "load", "--quiet", "a.jsonl"]);
    ok(d, &["--db", "b.db", "load", "--quiet", "b.jsonl"]);
    ok(d, &["merge", "m.db", "a.db", "b.db"]);
    compared += check(&d.join("m.db"), "merge");
    ok(d, &["--db", "m.db", "reclassify"]);
    compared += check(&d.join("m.db"), "reclassify");

    // The checks compared real rows: entities, days, outlets, speakers, set-aside blocks.
    let conn = open(&d.join("m.db"));
    for table in [
        "entity_totals",
        "entity_kind_totals",
        "entity_days",
        "source_days",
        "speaker_sources",
        "block_counts",
    ] {
        assert!(
            count(&conn, &format!("SELECT count(*) FROM {table}")) > 0,
            "{table} is empty"
        );
    }
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM block_counts WHERE kind = 'repeated'"
        ) > 0,
        "no line was set aside as repeated: the slice does not test mark_repeated"
    );
    assert!(compared > 1000, "only {compared} rows compared");
}
