//! The database as people open it: the stock sqlite3 shell runs FTS5 queries with bm25() and
//! snippet(), and every report file as it is after `.parameter set`, with the same answers
//! as `corpusdb report`.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// The sqlite3 shell, or `None` (after saying so) outside CI when it is not installed.
fn shell() -> Option<&'static str> {
    if Command::new("sqlite3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Some("sqlite3");
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install the sqlite3 shell (.ci/run does)"
    );
    eprintln!("SKIPPED: no sqlite3 shell on PATH (apt-get install sqlite3)");
    None
}

fn sqlite(shell: &str, db: &Path, commands: &[&str]) -> String {
    let out = Command::new(shell)
        .arg("-csv")
        .arg("-header")
        .arg(db)
        .args(commands)
        .output()
        .expect("run sqlite3");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "sqlite3 {commands:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn records(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.expect("csv").iter().map(str::to_string).collect())
        .collect()
}

fn seeds(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("seeds.db");
    ok(
        &repo(),
        &["--db", db.to_str().unwrap(), "load", "tests/fixtures/seeds"],
    );
    db
}

#[test]
fn fts5_with_bm25_and_snippet_in_the_stock_shell() {
    let Some(shell) = shell() else { return };
    let dir = workdir();
    let db = seeds(dir.path());
    let out = sqlite(shell, &db, &[
        "SELECT a.title, round(bm25(paragraphs_fts), 3) AS score, snippet(paragraphs_fts, 0, '<b>', '</b>', '…', 8) AS snip
         FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid JOIN articles a ON a.id = p.article_id
         WHERE paragraphs_fts MATCH 'reunification' ORDER BY rank",
    ]);
    let rows = records(&out);
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(rows[1][0], "Assad planning visit to North Korea: Report");
    assert!(
        rows[1][1].parse::<f64>().unwrap() < 0.0,
        "bm25 scores are negative: {out}"
    );
    assert!(rows[1][2].contains("<b>reunification</b>"), "{out}");
    // Porter stemming and diacritics folding, as the tokenizer declares.
    let out = sqlite(shell, &db, &["SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'independantes OR visits'"]);
    assert_eq!(records(&out)[1][0], "7", "{out}");
    let out = sqlite(
        shell,
        &db,
        &["SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'assad'"],
    );
    assert_eq!(records(&out)[1][0], "2", "{out}");
}

#[test]
fn every_report_file_runs_in_the_shell_and_agrees_with_the_binary() {
    let Some(shell) = shell() else { return };
    let dir = workdir();
    let db = seeds(dir.path());
    let db_s = db.to_str().unwrap();
    let params: &[(&str, &str, &str)] = &[
        ("search", ":query", "kim AND visit"),
        ("articles", ":limit", "1"),
        ("article", ":id", "2"),
        ("who-said", ":query", "victory"),
        ("entity", ":name", "Assad"),
        ("cooccurrence", ":name", "Assad"),
        ("timeline", ":name", "Kim"),
        ("quotes", ":speaker", "Bashar al-Assad"),
        ("story", ":id", "1"),
        ("outlets", ":name", "Assad"),
    ];
    let mut ran = 0;
    for report in corpusdb::report::all() {
        let file = repo()
            .join("src/report/sql")
            .join(format!("{}.sql", report.name.replace('-', "_")));
        assert!(file.exists(), "{} has its own file", report.name);
        let mut commands: Vec<String> = Vec::new();
        let mut args: Vec<String> = ["--db", db_s, "report", &report.name, "--format", "csv"]
            .map(String::from)
            .to_vec();
        for (name, key, value) in params {
            if *name == report.name {
                commands.push(format!(".parameter set {key} '{value}'"));
                args.extend(["-p".to_string(), format!("{}={value}", &key[1..])]);
            }
        }
        commands.push(format!(".read {}", file.display()));
        let commands: Vec<&str> = commands.iter().map(String::as_str).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let from_shell = records(&sqlite(shell, &db, &commands));
        let from_binary = records(&ok(dir.path(), &args));
        if from_shell.is_empty() {
            assert_eq!(from_binary.len(), 1, "{}: header only", report.name);
        } else {
            assert_eq!(from_shell, from_binary, "{}", report.name);
        }
        ran += 1;
    }
    assert_eq!(ran, corpusdb::report::all().len());
    // The search report found the two quotes of the visit.
    let out = ok(
        dir.path(),
        &[
            "--db",
            db_s,
            "report",
            "search",
            "-p",
            "query=kim AND visit",
            "--format",
            "csv",
        ],
    );
    assert!(records(&out).len() >= 3, "{out}");
}

/// README's advice (issue #23): `.parameter set :from '2018-01-01'` stores the number 2016, so
/// a date is set as `"'2018-01-01'"`; then overview.sql filters by it as `corpusdb report` does.
#[test]
fn issue_23_a_date_set_as_the_readme_says_filters_in_the_shell() {
    let Some(shell) = shell() else { return };
    let dir = workdir();
    let d = dir.path();
    std::fs::write(
        d.join("a.jsonl"),
        "{\"title\": \"One\", \"text\": \"A story.\", \"source\": \"S\", \"date\": \"2018-03-02\"}\n\
         {\"title\": \"Two\", \"text\": \"Another story.\", \"source\": \"S\", \"date\": \"2018-04-11\"}\n",
    )
    .unwrap();
    ok(d, &["--db", "t.db", "load", "a.jsonl"]);
    let overview = repo().join("src/report/sql/overview.sql");
    let read = format!(".read {}", overview.display());
    let months = |set: &str| -> Vec<String> {
        records(&sqlite(shell, &d.join("t.db"), &[set, &read]))
            .iter()
            .skip(1)
            .map(|r| r[1].clone())
            .collect()
    };
    assert_eq!(months(".parameter set :from \"'2018-04-01'\""), ["2018-04"]);
    // The unquoted form is arithmetic: 2018 - 4 - 1 = 2013, and every date is after it.
    assert_eq!(
        months(".parameter set :from '2018-04-01'"),
        ["2018-03", "2018-04"]
    );
    let stored = sqlite(
        shell,
        &d.join("t.db"),
        &[".parameter set :from '2018-04-01'", ".parameter list"],
    );
    assert!(stored.contains("2013"), "{stored}");
    let cli = ok(
        d,
        &[
            "--db",
            "t.db",
            "report",
            "overview",
            "-p",
            "from=2018-04-01",
        ],
    );
    assert_eq!(records(&cli).len(), 2, "{cli}");
}
