//! The per-outlet comparison report (issue #23): an entity's or a topic's share of each
//! outlet's articles in the period, its parameters checked like every report's, and its
//! numbers on a real corpus recounted here from the tables.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Fox News: two articles in March–April 2018, one naming Kim; CNN: one, naming Kim twice.
const ARTICLES: &str = r#"{"title": "Kim visits Seoul", "text": "Kim Jong Un visited Seoul on Monday, officials said.", "source": "Fox News", "date": "2018-03-02"}
{"title": "Summit ends", "text": "The summit between Kim Jong Un and Moon Jae-in ended in Seoul.\n\nKim Jong Un flew home on Tuesday.", "source": "CNN", "date": "2018-03-20"}
{"title": "Trade talks", "text": "Officials in Washington met for trade talks on steel.", "source": "Fox News", "date": "2018-04-11"}
"#;

/// The report's rows as TSV lines (no header), after checking it exits 0.
fn rows(dir: &Path, db: &str, params: &[&str]) -> Vec<String> {
    let mut args = vec!["--db", db, "report", "outlets", "--tsv", "--no-headers"];
    for p in params {
        args.extend_from_slice(&["-p", p]);
    }
    ok(dir, &args).lines().map(str::to_string).collect()
}

#[test]
fn issue_23_outlets_report_gives_each_outlets_share() {
    let dir = workdir();
    let d = dir.path();
    fs::write(d.join("a.jsonl"), ARTICLES).unwrap();
    ok(d, &["--db", "t.db", "load", "--quiet", "a.jsonl"]);
    // outlet, articles, about, share %, mentions, per 100, quotes, per 100 (whole numbers are
    // printed whole). Fox News names Kim in the title "Kim visits Seoul" and in its body.
    assert_eq!(
        rows(d, "t.db", &["name=kim jong un"]),
        [
            "CNN\t1\t1\t100.0\t2\t200.0\t0\t0.0",
            "Fox News\t2\t1\t50.0\t2\t100.0\t0\t0.0"
        ]
    );
    // In March only, Fox News has one article: it is about Kim.
    assert_eq!(
        rows(d, "t.db", &["name=Kim Jong Un", "to=2018-03"]),
        [
            "CNN\t1\t1\t100.0\t2\t200.0\t0\t0.0",
            "Fox News\t1\t1\t100.0\t2\t200.0\t0\t0.0"
        ]
    );
    // A topic: the paragraphs that match (a title and a body paragraph each), per outlet.
    assert_eq!(
        rows(d, "t.db", &["query=trade OR summit"]),
        [
            "CNN\t1\t1\t100.0\t2\t200.0\t0\t0.0",
            "Fox News\t2\t1\t50.0\t2\t100.0\t0\t0.0"
        ]
    );
    // min leaves out the smaller outlet.
    assert_eq!(
        rows(d, "t.db", &["name=Kim Jong Un", "min=2"]),
        ["Fox News\t2\t1\t50.0\t2\t100.0\t0\t0.0"]
    );

    // Neither or both of name and query, or a bad value: exit 2 with an example.
    for (params, wanted) in [
        (&[][..], "needs --param name=… or --param query=…, e.g. corpusdb report outlets --param name=Assad"),
        (&["name=Kim Jong Un", "query=trade"][..], "takes only one of --param name=… or --param query=…"),
        (&["name=Kim Jong Uhn"][..], "closest: \"Kim Jong Un\""),
        (&["name=Kim Jong Un", "from=2018-02-30"][..], "from=\"2018-02-30\" is not a date"),
        (&["name=Kim Jong Un", "min=x"][..], "min=\"x\" is not a whole number"),
    ] {
        let mut args = vec!["--db", "t.db", "report", "outlets"];
        for p in params {
            args.extend_from_slice(&["-p", p]);
        }
        let out = run(d, &args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{params:?}: {stderr}");
        assert!(stderr.contains(wanted), "{params:?}: {wanted:?} not in {stderr}");
        assert!(out.stdout.is_empty(), "{params:?} printed rows");
    }
}

#[test]
fn issue_23_outlets_report_on_allsides_matches_a_recount() {
    let dir = workdir();
    let d = dir.path();
    // The first 400 records: dozens of outlets over several years.
    let Some(slice) = allsides_slice(d, 400) else {
        return;
    };
    let slice = slice.to_str().expect("a UTF-8 path");
    ok(d, &["--db", "a.db", "load", "--quiet", slice]);
    let conn = open(&d.join("a.db"));

    let got = rows(
        d,
        "a.db",
        &["name=donald trump", "from=2016-01-01", "limit=1000"],
    );
    assert!(got.len() >= 10, "{got:?}");
    let mut last_share = f64::INFINITY;
    for line in &got {
        let cells: Vec<&str> = line.split('\t').collect();
        let (outlet, articles, about, share) = (cells[0], cells[1], cells[2], cells[3]);
        let share: f64 = share.parse().unwrap();
        assert!(share <= last_share, "not ordered by share: {line}");
        last_share = share;
        // The recount: the outlet's articles since 2016, and those naming Trump in their text.
        let sql = |what: &str| {
            format!(
                "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id
                 WHERE s.name = '{}' AND substr(a.published_at, 1, 10) >= '2016-01-01' {what}",
                outlet.replace('\'', "''")
            )
        };
        let recount_articles = count(&conn, &sql(""));
        let recount_about = count(
            &conn,
            &sql(
                "AND EXISTS (SELECT 1 FROM paragraphs p JOIN mentions m ON m.paragraph_id = p.id
                   JOIN entities e ON e.id = m.entity_id
                   WHERE p.article_id = a.id AND p.kind IN ('title', 'dek', 'body')
                     AND (e.name = 'Donald Trump' OR e.id IN (SELECT entity_id FROM entity_aliases
                                                           WHERE alias = 'Donald Trump')))",
            ),
        );
        assert_eq!(articles, recount_articles.to_string(), "{line}");
        assert_eq!(about, recount_about.to_string(), "{line}");
        let want = (10000.0 * recount_about as f64 / recount_articles as f64).round() / 100.0;
        assert!(
            (share - want).abs() < 0.006,
            "{line}: share {share} vs {want}"
        );
    }
    // The outlets report's totals are the whole slice's since 2016.
    let total: i64 = got
        .iter()
        .map(|l| l.split('\t').nth(1).unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(
        total,
        count(
            &conn,
            "SELECT count(*) FROM articles WHERE substr(published_at, 1, 10) >= '2016-01-01'"
        )
    );
}
