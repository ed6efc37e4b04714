//! The CLI's answers as journalists expect them (issue #23), through the real binary: report
//! parameters checked before a query runs (the bad-parameter matrix, with each input's exit
//! status and message; dates in common forms; outlets and entities in any case; an empty
//! answer to a valid question), and output as sqlite-utils prints it.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const ARTICLES: &str = r#"{"title": "Kim visits Seoul", "text": "Kim Jong Un visited Seoul on Monday, officials said.", "source": "Fox News", "date": "2018-03-02"}
{"title": "Summit ends", "text": "The summit between Kim Jong Un and Moon Jae-in ended in Seoul.", "source": "CNN", "date": "2018-03-20"}
{"title": "Trade talks", "text": "Officials in Washington met for trade talks.", "source": "Fox News", "date": "2018-04-11"}
"#;

/// A database of three articles from two outlets in March and April 2018.
fn corpus(dir: &Path) -> String {
    fs::write(dir.join("a.jsonl"), ARTICLES).unwrap();
    ok(dir, &["--db", "t.db", "load", "a.jsonl"]);
    "t.db".to_string()
}

/// `corpusdb --db DB ARGS`: exit status, stdout, stderr.
fn answer(dir: &Path, db: &str, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--db", db];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn issue_23_bad_parameters_exit_2_naming_the_parameter_with_an_example() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    // (arguments, what stderr must contain)
    let matrix: &[(&[&str], &[&str])] = &[
        (
            &["report", "articles", "-p", "from=2018-13-45"],
            &[
                "from=\"2018-13-45\" is not a date",
                "e.g. --param from=2018-03-02",
            ],
        ),
        (
            &["report", "articles", "-p", "to=2/30/2018"],
            &["to=\"2/30/2018\" is not a date"],
        ),
        (
            &["stories", "--from", "2018-13-45"],
            &[
                "--from \"2018-13-45\" is not a date",
                "e.g. --from 2018-03-02",
            ],
        ),
        (
            &["report", "articles", "-p", "limit=abc"],
            &[
                "limit=\"abc\" is not a whole number",
                "e.g. --param limit=20",
            ],
        ),
        (
            &["report", "article", "-p", "id=abc"],
            &["id=\"abc\" is not a number", "e.g. --param id=1"],
        ),
        (
            &["report", "article", "-p", "id=999999"],
            &["no article with id=999999", "ids go up to 3"],
        ),
        (&["story", "999999"], &["no story with id=999999"]),
        (
            &["report", "article"],
            &[
                "needs --param id=",
                "e.g. corpusdb report article --param id=1",
            ],
        ),
        (
            &["report", "entity"],
            &[
                "needs --param name=",
                "e.g. corpusdb report entity --param name=Assad",
            ],
        ),
        (
            &["report", "articles", "-p", "source=Fox Newz"],
            &[
                "no outlet matches source=\"Fox Newz\"",
                "closest: \"Fox News\"",
            ],
        ),
        (
            &["report", "entity", "-p", "name=Kim Jong On"],
            &[
                "no entity matches name=\"Kim Jong On\"",
                "closest: \"Kim Jong Un\"",
            ],
        ),
        (
            &[
                "report",
                "timeline",
                "-p",
                "name=Kim Jong Un",
                "-p",
                "by=year",
            ],
            &["by=\"year\" is not one of day, week, month"],
        ),
        (
            &["report", "search", "-p", "query=kim", "-p", "all=yes"],
            &["all=\"yes\": give 1 for yes or 0 for no"],
        ),
        (
            &["report", "articles", "-p", "form=2018-01-01"],
            &["has no parameter 'form'"],
        ),
        (
            &["report", "artciles"],
            &["unknown report 'artciles'", "did you mean 'articles'"],
        ),
    ];
    for (args, said) in matrix {
        let (code, stdout, stderr) = answer(d, &db, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}: nothing on stdout");
        for s in *said {
            assert!(stderr.contains(s), "{args:?}: {stderr:?} lacks {s:?}");
        }
    }
}

#[test]
fn issue_23_dates_in_common_forms_filter_the_same_way() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    let titles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["report", "articles"];
        all.extend_from_slice(args);
        let (code, stdout, stderr) = answer(d, &db, &all);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        let mut titles: Vec<String> = stdout
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(3).unwrap_or_default().to_string())
            .collect();
        titles.sort();
        titles
    };
    let after_march_3 = ["Summit ends", "Trade talks"];
    for from in ["2018-03-03", "3/3/2018", "March 3, 2018", "3 March 2018"] {
        assert_eq!(
            titles(&["-p", &format!("from={from}")]),
            after_march_3,
            "{from}"
        );
    }
    // A month is its first day as `from`, its last as `to`.
    assert_eq!(
        titles(&["-p", "from=2018-03", "-p", "to=2018-03"]),
        ["Kim visits Seoul", "Summit ends"]
    );
    assert_eq!(titles(&["-p", "to=March 2018"]).len(), 2);
}

#[test]
fn issue_23_outlets_and_entities_match_in_any_case() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    let (code, stdout, _) = answer(d, &db, &["report", "articles", "-p", "source=fox news"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.contains("Fox News,Trade talks"), "{stdout}");
    let (code, stdout, stderr) = answer(
        d,
        &db,
        &[
            "report",
            "timeline",
            "-p",
            "name=KIM JONG UN",
            "-p",
            "by=month",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2018-03,3,2"), "{stdout}");
}

#[test]
fn issue_23_a_valid_question_with_no_answer_exits_0_with_the_header() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    let (code, stdout, stderr) = answer(d, &db, &["report", "articles", "-p", "from=2019-01-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "id,date,outlet,title,words,url,origin\n");
    // stdout is a pipe here, not a terminal: no "no rows" for a program to trip over.
    assert_eq!(stderr, "");
}

#[test]
fn issue_23_load_errors_default_to_the_latest_load_that_had_any() {
    let dir = workdir();
    let d = dir.path();
    fs::write(
        d.join("bad.jsonl"),
        "{\"title\": \"One\", \"text\": \"A story.\"}\n{not json\n",
    )
    .unwrap();
    run(d, &["--db", "t.db", "load", "bad.jsonl"]);
    fs::write(d.join("a.jsonl"), ARTICLES).unwrap();
    ok(d, &["--db", "t.db", "load", "a.jsonl"]);
    let (code, stdout, stderr) = answer(d, "t.db", &["report", "load-errors"]);
    assert_eq!(code, 0, "{stderr}");
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{stdout}");
    assert!(rows[0].starts_with("1,error,bad.jsonl,2,"), "{stdout}");
}

#[test]
fn issue_23_output_flags_as_in_sqlite_utils() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    let sources = ["report", "sources", "-p", "limit=1"];
    let with = |flags: &[&str]| -> String {
        let mut args = sources.to_vec();
        args.extend_from_slice(flags);
        let (code, stdout, stderr) = answer(d, &db, &args);
        assert_eq!(code, 0, "{flags:?}: {stderr}");
        stdout
    };
    assert_eq!(
        with(&["--csv"]),
        "id,outlet,domain,articles,words,first_date,last_date\n1,Fox News,,2,21,2018-03-02,2018-04-11\n"
    );
    assert_eq!(with(&["--csv"]), with(&["--format", "csv"]));
    assert_eq!(
        with(&["--tsv", "--no-headers"]),
        "1\tFox News\t\t2\t21\t2018-03-02\t2018-04-11\n"
    );
    // JSON keeps the column order of the query, not the alphabet's.
    let nl = with(&["--nl"]);
    assert!(
        nl.starts_with("{\"id\":1,\"outlet\":\"Fox News\",\"domain\":null,\"articles\":2"),
        "{nl}"
    );
    assert_eq!(with(&["--json"]), format!("[\n{}]\n", nl));
    let table = with(&["--table"]);
    assert!(
        table.starts_with("id  outlet    domain  articles"),
        "{table}"
    );
    // Two formats at once is a usage error.
    let (code, stdout, stderr) = answer(d, &db, &["report", "sources", "--csv", "--json"]);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
}

#[test]
fn issue_23_the_table_fits_the_terminal_width() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    let table = |extra: &[&str]| -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_corpusdb"))
            .args(["--db", &db, "report", "article", "-p", "id=2", "--table"])
            .args(extra)
            .env("COLUMNS", "40")
            .current_dir(d)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let fitted = table(&[]);
    assert!(fitted.lines().all(|l| l.chars().count() <= 40), "{fitted}");
    // Wrapped, not cut: every word of the article is there.
    for word in ["summit", "Kim", "Moon", "Jae-in", "ended", "Seoul."] {
        assert!(fitted.contains(word), "{word}: {fitted}");
    }
    let wide = table(&["--wide"]);
    assert!(wide.contains("The summit between Kim Jong Un and Moon Jae-in ended in Seoul."));
    assert!(wide.lines().any(|l| l.chars().count() > 40), "{wide}");
}

#[test]
fn issue_23_a_failing_query_prints_nothing_on_stdout() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    let (code, stdout, stderr) = answer(d, &db, &["search", "--fts", "\"border wall", "--csv"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stdout, "");
    assert!(stderr.contains("unterminated string"), "{stderr}");
}

#[test]
fn issue_23_search_reads_phrases_and_filters() {
    let dir = workdir();
    let d = dir.path();
    let db = corpus(d);
    let titles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.extend(["--nl"]);
        let (code, stdout, stderr) = answer(d, &db, &all);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        let mut titles: Vec<String> = stdout
            .lines()
            .map(|l| {
                let row: serde_json::Value = serde_json::from_str(l).unwrap();
                row["title"].as_str().unwrap_or_default().to_string()
            })
            .collect();
        titles.dedup();
        titles
    };
    // Words in any order, a phrase only in its order.
    assert_eq!(titles(&["Seoul Kim"]).len(), 2);
    assert_eq!(titles(&["\"Kim visits\""]), ["Kim visits Seoul"]);
    assert_eq!(titles(&["\"visits Kim\""]), Vec::<String>::new());
    // Curly quotes are quotes; an unclosed quote closes at the end; an apostrophe is text.
    assert_eq!(titles(&["“Kim visits”"]), ["Kim visits Seoul"]);
    assert_eq!(titles(&["\"Kim visits"]), ["Kim visits Seoul"]);
    assert_eq!(titles(&["Kim's"]), Vec::<String>::new());
    // Filters: outlet (any case), dates (any common form), block class.
    assert_eq!(titles(&["Seoul", "--source", "cnn"]), ["Summit ends"]);
    assert_eq!(
        titles(&["Seoul", "--from", "March 10, 2018"]),
        ["Summit ends"]
    );
    assert_eq!(
        titles(&["Seoul", "--to", "3/10/2018"]),
        ["Kim visits Seoul"]
    );
    assert_eq!(titles(&["Seoul", "--kind", "title"]), ["Kim visits Seoul"]);
    let (code, _, stderr) = answer(d, &db, &["search", "Seoul", "--kind", "titel"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("kind=\"titel\" is not one of title, dek, body"),
        "{stderr}"
    );
}

#[test]
fn issue_23_echoes_leave_out_quotations_under_four_words_unless_asked() {
    let dir = workdir();
    let d = dir.path();
    fs::write(
        d.join("e.jsonl"),
        r#"{"title": "Talks stall", "text": "The minister was asked about the deal.\n\n\"No,\" Smith said.\n\n\"We will never accept this deal under any circumstances,\" Smith said on Monday.", "source": "Daily A", "date": "2018-03-02"}
{"title": "Deal rejected", "text": "Reporters asked the minister about the deal.\n\n\"No,\" Smith said.\n\n\"We will never accept this deal under any circumstances,\" Smith told reporters.", "source": "Daily B", "date": "2018-03-03"}
"#,
    )
    .unwrap();
    ok(d, &["--db", "t.db", "load", "e.jsonl"]);
    let variants = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["report", "echoes", "--tsv", "--no-headers"];
        all.extend_from_slice(args);
        let (code, stdout, stderr) = answer(d, "t.db", &all);
        assert_eq!(code, 0, "{stderr}");
        let mut v: Vec<String> = stdout
            .lines()
            .filter_map(|l| l.rsplit('\t').next().map(String::from))
            .collect();
        v.dedup();
        v
    };
    let long = "We will never accept this deal under any circumstances";
    assert_eq!(variants(&[]), [long]);
    assert_eq!(variants(&["-p", "short=1"]), ["No", long]);
}
