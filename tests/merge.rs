//! `corpusdb merge OUT.db IN.db...`: shards loaded into databases of their own and merged
//! give what one load of everything (in the same order) gives, table by table with ids
//! replaced by natural keys; merging again adds nothing; bad inputs are refused and leave
//! the output untouched.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::Instant;

use common::*;
use rusqlite::types::ValueRef;

/// The tables the logical dump compares, each as rows of natural keys and values. Ids are
/// replaced by what they point at (an article by its content hash, a block by its
/// article's hash and position, an entity by kind and key, a cluster by its key); the
/// load a row came from and timestamps are left out.
const DUMP: &[(&str, &str)] = &[
    ("sources", "SELECT name, domain, language FROM sources"),
    ("source_aliases", "SELECT x.alias, s.name FROM source_aliases x JOIN sources s ON s.id = x.source_id"),
    ("articles", "SELECT a.content_hash, s.name, a.source_raw, a.external_id, a.url, a.title, a.dek, a.byline,
                         a.published_at, a.published_raw, a.language, a.origin, a.words
                  FROM articles a LEFT JOIN sources s ON s.id = a.source_id"),
    ("paragraphs", "SELECT a.content_hash, p.position, p.kind, p.reason, p.language, p.text, p.line_key
                    FROM paragraphs p JOIN articles a ON a.id = p.article_id"),
    ("article_repairs", "SELECT a.content_hash, r.repair, r.count FROM article_repairs r JOIN articles a ON a.id = r.article_id"),
    ("article_received", "SELECT a.content_hash, r.field, r.text FROM article_received r JOIN articles a ON a.id = r.article_id"),
    ("sentences", "SELECT a.content_hash, p.position, s.position, s.start, s.\"end\"
                   FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id JOIN articles a ON a.id = p.article_id"),
    ("entities", "SELECT kind, key, name, country, latitude, longitude FROM entities"),
    ("entity_aliases", "SELECT e.kind, e.key, x.alias FROM entity_aliases x JOIN entities e ON e.id = x.entity_id"),
    ("mentions", "SELECT a.content_hash, p.position, m.start, m.\"end\", m.sentence, m.text, e.kind, e.key
                  FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id JOIN articles a ON a.id = p.article_id
                  JOIN entities e ON e.id = m.entity_id"),
    ("date_mentions", "SELECT a.content_hash, p.position, d.start, d.\"end\", d.text, d.value, d.granularity
                       FROM date_mentions d JOIN paragraphs p ON p.id = d.paragraph_id JOIN articles a ON a.id = p.article_id"),
    ("quotes", "SELECT a.content_hash, p.position, q.start, q.\"end\", q.text, q.speaker_text, sp.kind, sp.key, q.cue,
                       q.via_text, v.kind, v.key, q.partial, q.rule, q.echo_key, c.key
                FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id JOIN articles a ON a.id = p.article_id
                LEFT JOIN entities sp ON sp.id = q.speaker_entity_id LEFT JOIN entities v ON v.id = q.via_entity_id
                LEFT JOIN quote_clusters c ON c.id = q.cluster_id"),
    ("quote_clusters", "SELECT c.key, fa.content_hash, fp.position, fq.start, fq.\"end\", fs.name, c.first_published_at, c.quotes, c.articles
                        FROM quote_clusters c LEFT JOIN quotes fq ON fq.id = c.first_quote_id
                        LEFT JOIN paragraphs fp ON fp.id = fq.paragraph_id LEFT JOIN articles fa ON fa.id = c.first_article_id
                        LEFT JOIN sources fs ON fs.id = c.first_source_id"),
    ("stories", "SELECT fa.content_hash, st.title, st.first_published_at, st.last_published_at, st.articles, st.sources, st.copies
                 FROM stories st LEFT JOIN articles fa ON fa.id = st.first_article_id"),
    ("story_articles", "SELECT a.content_hash, fa.content_hash, sa.evidence, ma.content_hash, round(sa.similarity, 9), ca.content_hash, sa.day, sa.terms, hex(sa.signature)
                        FROM story_articles sa JOIN articles a ON a.id = sa.article_id LEFT JOIN stories st ON st.id = sa.story_id
                        LEFT JOIN articles fa ON fa.id = st.first_article_id LEFT JOIN articles ma ON ma.id = sa.matched_article_id
                        LEFT JOIN articles ca ON ca.id = sa.copy_of"),
    ("story_terms", "SELECT term, articles FROM story_terms"),
    ("cooccurrence_counts", "SELECT min(e.kind || ':' || e.key, o.kind || ':' || o.key), max(e.kind || ':' || e.key, o.kind || ':' || o.key), c.paragraphs, c.sentences, c.articles
                             FROM cooccurrence_counts c JOIN entities e ON e.id = c.entity_id JOIN entities o ON o.id = c.other_id"),
    ("entity_rules", "SELECT key, alias, kind, name, origin FROM entity_rules"),
    // The report rollups (V14), by natural keys.
    ("entity_totals", "SELECT e.kind, e.key, t.mentions, t.articles, t.first_date, t.last_date
                       FROM entity_totals t JOIN entities e ON e.id = t.entity_id"),
    ("entity_kind_totals", "SELECT e.kind, e.key, t.kind, t.mentions, t.articles
                            FROM entity_kind_totals t JOIN entities e ON e.id = t.entity_id"),
    ("entity_days", "SELECT e.kind, e.key, t.kind, t.day, t.mentions, t.articles
                     FROM entity_days t JOIN entities e ON e.id = t.entity_id"),
    ("source_days", "SELECT s.name, t.day, t.articles, t.words, t.quotes, t.paragraphs
                     FROM source_days t LEFT JOIN sources s ON s.id = t.source_id"),
    ("speaker_sources", "SELECT e.kind, e.key, s.name, t.quotes, t.articles
                         FROM speaker_sources t JOIN entities e ON e.id = t.entity_id LEFT JOIN sources s ON s.id = t.source_id"),
    ("block_counts", "SELECT s.name, t.kind, t.blocks, t.articles, a.content_hash, p.position
                      FROM block_counts t LEFT JOIN sources s ON s.id = t.source_id
                      LEFT JOIN paragraphs p ON p.id = t.example_id LEFT JOIN articles a ON a.id = p.article_id"),
    ("load_errors", "SELECT severity, file, line, record, message FROM load_errors"),
    // The full-text indexes answer for the same rows.
    ("paragraphs_fts", "SELECT a.content_hash, p.position FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid
                        JOIN articles a ON a.id = p.article_id WHERE paragraphs_fts MATCH 'said OR minister OR korea'"),
    ("articles_fts", "SELECT a.content_hash FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH 'kim OR the OR a'"),
    ("quotes_fts", "SELECT a.content_hash, q.start FROM quotes_fts f JOIN quotes q ON q.id = f.rowid JOIN paragraphs p ON p.id = q.paragraph_id
                    JOIN articles a ON a.id = p.article_id WHERE quotes_fts MATCH 'we OR the OR a'"),
    // Articles in the order they were stored.
    ("article order", "SELECT content_hash FROM articles ORDER BY id"),
];

/// Tables the dump leaves out on purpose: run records and the schema's own history.
const NOT_DUMPED: &[&str] = &["loads", "refinery_schema_history"];

fn value(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => format!("{f:?}"),
        ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("blob {b:?}"),
    }
}

type Dump = BTreeMap<&'static str, Vec<String>>;

/// Every table's rows as text, sorted (but the article order), after checking that no table
/// of the database is left out of the comparison.
fn dump(db: &Path) -> Dump {
    let conn = open(db);
    let tables = strings(&conn, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'");
    for table in tables {
        assert!(
            DUMP.iter().any(|(name, _)| *name == table) || NOT_DUMPED.contains(&table.as_str()),
            "table {table} is not compared by tests/merge.rs: add it to DUMP (rows with ids replaced by natural keys)"
        );
    }
    for index in ["paragraphs_fts", "articles_fts", "quotes_fts"] {
        conn.execute(
            &format!("INSERT INTO {index}({index}) VALUES ('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{index}: {e}"));
    }
    let mut out = Dump::new();
    for (name, sql) in DUMP {
        let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{name}: {e}"));
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                Ok((0..columns)
                    .map(|i| value(r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join(" | "))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        if *name != "article order" {
            rows.sort();
        }
        out.insert(name, rows);
    }
    out
}

fn multiset(rows: &[String]) -> BTreeMap<&String, i64> {
    let mut m: BTreeMap<&String, i64> = BTreeMap::new();
    rows.iter().for_each(|r| *m.entry(r).or_default() += 1);
    m
}

/// Asserts two dumps are equal, naming the first rows that differ in each table.
#[track_caller]
fn assert_same(what: &str, left: &Dump, right: &Dump) {
    let mut report = String::new();
    for (table, a) in left {
        let b = &right[table];
        if a == b {
            continue;
        }
        let (ca, cb) = (multiset(a), multiset(b));
        let only = |x: &BTreeMap<&String, i64>, y: &BTreeMap<&String, i64>| -> Vec<String> {
            x.iter()
                .filter(|(r, n)| y.get(*r).copied().unwrap_or(0) < **n)
                .map(|(r, _)| (*r).clone())
                .take(5)
                .collect()
        };
        report.push_str(&format!(
            "\n{table}: {} rows vs {} rows\n  only left:  {:#?}\n  only right: {:#?}\n",
            a.len(),
            b.len(),
            only(&ca, &cb),
            only(&cb, &ca)
        ));
        if only(&ca, &cb).is_empty() && only(&cb, &ca).is_empty() {
            report.push_str("  (same rows, other order)\n");
        }
    }
    assert!(report.is_empty(), "{what}: the databases differ:{report}");
}

fn corpusdb(dir: &Path, args: &[&str]) -> Output {
    run(dir, args)
}

/// Runs and asserts success (exit 0), returning stdout.
#[track_caller]
fn ok_in(dir: &Path, args: &[&str]) -> String {
    let out = corpusdb(dir, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "corpusdb {args:?}: {}\n{}",
        text(&out.stderr),
        text(&out.stdout)
    );
    text(&out.stdout)
}

/// Loads `inputs` into `db` (exit 0, or 3 when some input is rejected).
#[track_caller]
fn load(dir: &Path, db: &str, inputs: &[&str]) {
    let mut args = vec!["--db", db, "load", "--quiet"];
    args.extend(inputs);
    let out = corpusdb(dir, &args);
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "load {inputs:?}: {}",
        text(&out.stderr)
    );
}

#[track_caller]
fn merge(dir: &Path, out: &str, inputs: &[&str]) -> String {
    let mut args = vec!["merge", out];
    args.extend(inputs);
    ok_in(dir, &args)
}

/// One JSON Lines record.
fn record(id: &str, source: &str, date: &str, title: &str, paragraphs: &[&str]) -> String {
    let domain = format!("www.{}.com", source.to_lowercase().replace(' ', ""));
    serde_json::json!({ "id": id, "source": source, "domain": domain, "date": date, "title": title, "text": paragraphs.join("\n\n") }).to_string()
}

const STORY: [&str; 6] = [
    "North Korean leader Kim Jong-un met South Korean President Moon Jae-in in Panmunjom on Friday, the first summit in more than a decade.",
    "Syrian President Bashar al-Assad said he would visit Pyongyang, the state-run KCNA news agency reported on Sunday.",
    "Officials in Seoul and Washington said talks on the nuclear programme would resume next week in Geneva.",
    "The United Nations Security Council met in New York on Monday to discuss new sanctions against the North.",
    "Japanese Prime Minister Shinzo Abe told reporters in Tokyo that pressure on Pyongyang must continue.",
    "Chinese President Xi Jinping welcomed the talks and called for calm on the Korean peninsula.",
];

/// A line found at the end of six of one outlet's articles, all in shard A: set aside as
/// repeated in A (with counts from A), and again, with the counts of everything, after a merge.
const LINE_IN_A: &str = "Coverage of the summit is produced with our partners in the region";
/// A line found at the end of three articles in shard A and three in shard B: repeated in
/// neither shard, but in everything together.
const LINE_ACROSS: &str = "Our correspondents filed this report from the region";
/// A line at the end of six of shard A's articles, and three times in each of three of
/// shard B's: furniture in A, but over everything a label used inside stories, so body.
const LINE_ONLY_IN_A: &str = "The summit talks went on late into the evening";
/// One quotation, published first (by date) in shard B and later in shard A.
const QUOTE: &str =
    "“We will not back down from this fight for our people,” Kim Jong Un said in a statement.";

/// Writes the shards' inputs: a.jsonl (also read by shard B: overlap), b.jsonl, c.jsonl.
fn write_inputs(dir: &Path) {
    let mut a = Vec::new();
    for i in 0..8 {
        let date = format!("2018-04-{:02}", 21 + i);
        let mut body: Vec<String> = vec![
            STORY[i % 6].to_string(),
            format!(
                "Article {i} of shard A adds its own detail about day {}.",
                21 + i
            ),
            STORY[(i + 2) % 6].to_string(),
        ];
        if i == 2 {
            body.push(QUOTE.to_string());
        }
        if i < 6 {
            body.push(LINE_IN_A.to_string());
        }
        if i < 3 {
            body.push(LINE_ACROSS.to_string());
        }
        if i < 6 {
            body.push(LINE_ONLY_IN_A.to_string());
        }
        let body: Vec<&str> = body.iter().map(String::as_str).collect();
        a.push(record(
            &format!("a{i}"),
            "Daily A",
            &date,
            &format!("Summit story {i} from Daily A"),
            &body,
        ));
    }
    // A date that does not parse (a warning of the article), and a broken line (an error).
    a.push(record(
        "a-undated",
        "Daily A",
        "sometime soon",
        "An undated story",
        &[STORY[3], "It has no usable date at all, the editors said."],
    ));
    a.push("{\"id\": \"broken\", \"title\": \"cut short".to_string());
    fs::write(dir.join("a.jsonl"), a.join("\n") + "\n").unwrap();

    let mut b = Vec::new();
    for i in 0..5 {
        let date = format!("2018-05-{:02}", 1 + i * 2);
        let mut body: Vec<String> = vec![
            STORY[(i + 1) % 6].replace("Kim Jong-un", "Kim Jong Un"),
            format!(
                "Shard B article {i} reports from Seoul on day {}.",
                1 + i * 2
            ),
        ];
        if i < 3 {
            body.splice(
                1..1,
                [
                    LINE_ONLY_IN_A,
                    STORY[4],
                    LINE_ONLY_IN_A,
                    STORY[5],
                    LINE_ONLY_IN_A,
                ]
                .map(str::to_string),
            );
            body.push(LINE_ACROSS.to_string());
        }
        let body: Vec<&str> = body.iter().map(String::as_str).collect();
        b.push(record(
            &format!("b{i}"),
            "Daily A",
            &date,
            &format!("Seoul story {i} from Daily A"),
            &body,
        ));
    }
    b.push(record(
        "e1",
        "E Wire",
        "2018-04-20",
        "Kim vows to fight on",
        &[QUOTE, "Kim Jong Un spoke in Pyongyang, KCNA reported."],
    ));
    fs::write(dir.join("b.jsonl"), b.join("\n") + "\n").unwrap();

    let c = [
        record(
            "n1",
            "NYT",
            "2018-06-12",
            "Trump and Kim meet in Singapore",
            &[
                STORY[0],
                "President Donald Trump met Kim Jong Un in Singapore.",
                QUOTE,
            ],
        ),
        record(
            "n2",
            "The New York Times",
            "2018-06-13",
            "After Singapore, questions",
            &[
                STORY[2],
                "Secretary of State Mike Pompeo flew to Seoul on Wednesday.",
            ],
        ),
    ];
    fs::write(dir.join("c.jsonl"), c.join("\n") + "\n").unwrap();

    let seeds = dir.join("seeds");
    fs::create_dir_all(&seeds).unwrap();
    for entry in fs::read_dir(fixtures().join("seeds")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), seeds.join(entry.file_name())).unwrap();
    }
}

const SHARD_A: &[&str] = &["seeds", "a.jsonl"];
const SHARD_B: &[&str] = &["b.jsonl", "a.jsonl"];
const SHARD_C: &[&str] = &["c.jsonl"];

/// A work dir with the shards' inputs, and `shards` of them loaded into NAME.db each.
fn inputs_and(shards: &[(&str, &[&str])]) -> tempfile::TempDir {
    let dir = workdir();
    write_inputs(dir.path());
    for (name, inputs) in shards {
        load(dir.path(), &format!("{name}.db"), inputs);
    }
    dir
}

const ALL_SHARDS: &[(&str, &[&str])] = &[("A", SHARD_A), ("B", SHARD_B), ("C", SHARD_C)];

#[test]
fn merged_shards_equal_one_load_of_everything_in_the_same_order() {
    let dir = inputs_and(ALL_SHARDS);
    let d = dir.path();
    let everything: Vec<&str> = [SHARD_A, SHARD_B, SHARD_C].concat();
    load(d, "one.db", &everything);
    let said = merge(d, "out.db", &["A.db", "B.db", "C.db"]);
    assert!(said.contains("problems carried over"), "{said}");
    let one = dump(&d.join("one.db"));
    assert_same(
        "merge A B C vs load of everything",
        &one,
        &dump(&d.join("out.db")),
    );

    // The cases this data is built to exercise did happen: a line repeated in shard A alone
    // (with A's counts there), one repeated only across shards, both set aside over
    // everything with everything's counts;
    let conn = open(&d.join("out.db"));
    let over_all = "repeated in 6 of 14 articles from this outlet";
    let sql = format!("SELECT count(*) FROM paragraphs WHERE text IN ('{LINE_IN_A}', '{LINE_ACROSS}') AND kind = 'repeated' AND reason = '{over_all}'");
    assert_eq!(count(&conn, &sql), 12);
    let in_a = open(&d.join("A.db"));
    assert_eq!(count(&in_a, &format!("SELECT count(*) FROM paragraphs WHERE text = '{LINE_IN_A}' AND reason = 'repeated in 6 of 9 articles from this outlet'")), 6);
    assert_eq!(
        count(
            &in_a,
            &format!(
                "SELECT count(*) FROM paragraphs WHERE text = '{LINE_ACROSS}' AND kind = 'body'"
            )
        ),
        3
    );
    // and a line repeated in A that over everything is not.
    assert_eq!(count(&in_a, &format!("SELECT count(*) FROM paragraphs WHERE text = '{LINE_ONLY_IN_A}' AND kind = 'repeated'")), 6);
    assert_eq!(
        count(
            &conn,
            &format!(
                "SELECT count(*) FROM paragraphs WHERE text = '{LINE_ONLY_IN_A}' AND kind = 'body'"
            )
        ),
        15
    );
    // a quote first published (by date) in B; a broken line read twice, in A and B; an
    // article's own warning, once; two spellings of a name; outlet aliases.
    assert_eq!(count(&conn, "SELECT count(*) FROM quote_clusters WHERE articles = 3 AND first_published_at = '2018-04-20'"), 1);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM load_errors WHERE severity = 'error'"
        ),
        2
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM load_errors WHERE message LIKE 'date %'"
        ),
        1
    );
    assert!(count(&conn, "SELECT count(DISTINCT x.alias) FROM entity_aliases x JOIN entities e ON e.id = x.entity_id WHERE e.key = 'kim jong un' AND x.alias IN ('Kim Jong-un', 'Kim Jong Un')") == 2);
    assert_eq!(count(&conn, "SELECT count(*) FROM source_aliases x JOIN sources s ON s.id = x.source_id WHERE s.name = 'New York Times' AND x.alias IN ('NYT', 'The New York Times')"), 2);

    // Merging again adds nothing (and carries no problem twice).
    let again = merge(d, "out.db", &["A.db", "B.db", "C.db"]);
    assert!(
        again.contains(" 0 added") && again.contains(" 0 problems carried over"),
        "{again}"
    );
    assert_same("merging again", &one, &dump(&d.join("out.db")));
    let loads = count(
        &conn,
        "SELECT count(*) FROM loads WHERE options LIKE '{\"merge\":%'",
    );
    assert_eq!(loads, 2, "each merge is one load");

    // Another order gives what loading in that order gives.
    load(d, "one-cab.db", &[SHARD_C, SHARD_A, SHARD_B].concat());
    merge(d, "out-cab.db", &["C.db", "A.db", "B.db"]);
    assert_same(
        "merge C A B vs load in that order",
        &dump(&d.join("one-cab.db")),
        &dump(&d.join("out-cab.db")),
    );
}

#[test]
fn merges_into_a_database_equal_the_loads_they_stand_for() {
    let dir = inputs_and(ALL_SHARDS);
    let d = dir.path();
    // Two loads, one after the other, into one file...
    load(d, "two-loads.db", SHARD_A);
    load(d, "two-loads.db", &[SHARD_B, SHARD_C].concat());
    let expected = dump(&d.join("two-loads.db"));
    // ...are two merges into one file,
    merge(d, "two-merges.db", &["A.db"]);
    merge(d, "two-merges.db", &["B.db", "C.db"]);
    assert_same(
        "two merges vs two loads",
        &expected,
        &dump(&d.join("two-merges.db")),
    );
    // or a load, then a merge into what it loaded,
    load(d, "load-merge.db", SHARD_A);
    merge(d, "load-merge.db", &["B.db", "C.db"]);
    assert_same(
        "a load and a merge vs two loads",
        &expected,
        &dump(&d.join("load-merge.db")),
    );
    // and a merged database merges on like any other.
    merge(d, "bc.db", &["B.db", "C.db"]);
    merge(d, "nested.db", &["A.db", "bc.db"]);
    load(d, "one.db", &[SHARD_A, SHARD_B, SHARD_C].concat());
    assert_same(
        "merge of a merge vs one load",
        &dump(&d.join("one.db")),
        &dump(&d.join("nested.db")),
    );
}

#[test]
fn bbc_split_by_topic_merges_to_what_one_load_gives() {
    let Some(bbc) = corpus("bbc") else { return };
    let dir = workdir();
    let d = dir.path();
    // Shards of topic folders, linked so that every article keeps the id and origin it
    // has in the load of everything; shard 2 also holds a few of shard 1's articles.
    let link = |from: &Path, to: &Path| std::os::unix::fs::symlink(from, to).unwrap();
    for (shard, topics) in [
        ("s1", &["business", "entertainment"][..]),
        ("s2", &["politics", "sport"][..]),
        ("s3", &["tech"][..]),
    ] {
        fs::create_dir_all(d.join(shard)).unwrap();
        for topic in topics {
            link(&bbc.join(topic), &d.join(shard).join(topic));
        }
    }
    fs::create_dir_all(d.join("s2/business")).unwrap();
    for n in 1..=40 {
        let name = format!("{n:03}.txt");
        link(
            &bbc.join("business").join(&name),
            &d.join("s2/business").join(&name),
        );
    }
    let started = Instant::now();
    for shard in ["s1", "s2", "s3"] {
        load(d, &format!("{shard}.db"), &[shard]);
    }
    let shards = started.elapsed();
    let started = Instant::now();
    load(d, "one.db", &["s1", "s2", "s3"]);
    let single = started.elapsed();
    let started = Instant::now();
    let said = merge(d, "out.db", &["s1.db", "s2.db", "s3.db"]);
    let merged = started.elapsed();
    eprintln!("bbc: shards loaded in {shards:.1?}, everything in {single:.1?}, merged in {merged:.1?}: {said}");
    let one = dump(&d.join("one.db"));
    assert!(one["articles"].len() > 2000);
    assert_same(
        "bbc shards merged vs one load",
        &one,
        &dump(&d.join("out.db")),
    );
    let again = merge(d, "out.db", &["s1.db", "s2.db", "s3.db"]);
    assert!(again.contains(" 0 added"), "{again}");
    assert_same("bbc merged again", &one, &dump(&d.join("out.db")));
}

/// The bytes of a file, or `None` when it does not exist.
fn bytes(path: &Path) -> Option<Vec<u8>> {
    fs::read(path).ok()
}

#[track_caller]
fn refused(dir: &Path, args: &[&str], expect: &str) {
    let out = corpusdb(dir, args);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?} must fail: {stderr}");
    assert!(
        stderr.contains(expect),
        "{args:?}: expected {expect:?} in: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn bad_inputs_are_refused_with_a_clear_message_and_the_output_is_untouched() {
    let dir = inputs_and(&[("good", SHARD_C)]);
    let d = dir.path();
    fs::write(d.join("notes.txt"), "not a database\n").unwrap();
    rusqlite::Connection::open(d.join("other.db"))
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    fs::copy(d.join("good.db"), d.join("newer.db")).unwrap();
    open(&d.join("newer.db"))
        .execute("INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (99, 'future', '2030-01-01T00:00:00Z', '1')", [])
        .unwrap();

    // A new output is not created...
    refused(
        d,
        &["merge", "new.db", "good.db", "missing.db"],
        "missing.db is not a corpusdb database: no such file",
    );
    refused(
        d,
        &["merge", "new.db", "notes.txt"],
        "notes.txt is not a corpusdb database: it is not a SQLite database",
    );
    refused(
        d,
        &["merge", "new.db", "other.db"],
        "other.db is not a corpusdb database: it is a SQLite database without corpusdb's tables",
    );
    refused(
        d,
        &["merge", "new.db", "newer.db"],
        "written by a newer corpusdb",
    );
    refused(d, &["merge", "new.db", "."], "is a folder");
    assert!(
        !d.join("new.db").exists() && !d.join("new.db-lock").exists(),
        "nothing is written when an input is refused"
    );

    // ...and an existing one is left as it was.
    load(d, "out.db", SHARD_A);
    let before = bytes(&d.join("out.db"));
    refused(
        d,
        &["merge", "out.db", "good.db", "missing.db"],
        "no such file",
    );
    refused(
        d,
        &["merge", "out.db", "good.db", "out.db"],
        "out.db is the output of the merge; it cannot also be one of its inputs",
    );
    refused(
        d,
        &["merge", "out.db", "./out.db"],
        "cannot also be one of its inputs",
    );
    refused(
        d,
        &["merge", "out.db", &d.join("out.db").display().to_string()],
        "cannot also be one of its inputs",
    );
    fs::hard_link(d.join("out.db"), d.join("same.db")).unwrap();
    refused(
        d,
        &["merge", "out.db", "same.db"],
        "cannot also be one of its inputs",
    );
    refused(
        d,
        &["--db", "out.db", "merge", "x.db", "good.db"],
        "merge names its output first",
    );
    assert_eq!(bytes(&d.join("out.db")), before, "the output is unchanged");
    // An output that is not a corpusdb database is refused too.
    refused(
        d,
        &["merge", "notes.txt", "good.db"],
        "notes.txt is not a corpusdb database",
    );
    assert_eq!(
        fs::read_to_string(d.join("notes.txt")).unwrap(),
        "not a database\n"
    );
    let usage = corpusdb(d, &["merge", "out.db"]);
    assert_eq!(
        usage.status.code(),
        Some(2),
        "no input is a usage error: {}",
        text(&usage.stderr)
    );
}

#[test]
fn an_article_with_values_corpusdb_never_writes_is_rejected_and_the_rest_merged() {
    let dir = inputs_and(&[("in", SHARD_C)]);
    let d = dir.path();
    open(&d.join("in.db"))
        .execute(
            "UPDATE paragraphs SET kind = 'sidebar' WHERE article_id = 1 AND position = 1",
            [],
        )
        .unwrap();
    let out = corpusdb(d, &["merge", "out.db", "in.db"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let conn = open(&d.join("out.db"));
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 1);
    let message = strings(
        &conn,
        "SELECT file || ':' || line || ' ' || message FROM load_errors WHERE severity = 'error'",
    );
    assert_eq!(message.len(), 1, "{message:?}");
    assert!(
        message[0].starts_with(
            "c.jsonl:1 in.db: article 1 not merged: it holds a block of kind \"sidebar\""
        ),
        "{message:?}"
    );
}

#[test]
fn a_merge_waits_for_a_load_writing_to_the_same_output() {
    use std::io::{BufRead, Write};
    let dir = inputs_and(&[("in", SHARD_C)]);
    let d = dir.path();
    // This test holds the output's load lock, as a running load does.
    let mut lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(d.join("out.db-lock"))
        .unwrap();
    lock.lock().unwrap();
    write!(lock, "{}", std::process::id()).unwrap();
    let mut merging = std::process::Command::new(env!("CARGO_BIN_EXE_corpusdb"))
        .args(["merge", "out.db", "in.db"])
        .current_dir(d)
        .env_remove("CORPUSDB_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    std::io::BufReader::new(merging.stderr.take().unwrap())
        .read_line(&mut said)
        .unwrap();
    assert!(
        said.contains(&format!(
            "another load (pid {}) is writing to out.db; waiting",
            std::process::id()
        )),
        "{said}"
    );
    assert!(merging.try_wait().unwrap().is_none(), "the merge waits");
    assert!(
        !d.join("out.db").exists()
            || count(&open(&d.join("out.db")), "SELECT count(*) FROM loads") == 0,
        "and has written nothing"
    );
    drop(lock);
    let out = merging.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        count(&open(&d.join("out.db")), "SELECT count(*) FROM articles"),
        2
    );
}
