//! `corpusdb report`: run a prepared report, or list them.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use corpusdb::{report, store, Error};

use super::FormatArg;

/// Run a prepared report (one SQL file each; `--list` shows them with their parameters).
///
/// Every report also runs as it is in the sqlite3 shell: `.parameter set :source 'NYT'`,
/// then `.read` the file printed by `--sql NAME`.
#[derive(clap::Args)]
pub struct Args {
    /// The report to run.
    #[arg(required_unless_present = "list")]
    name: Option<String>,
    /// List the reports, their descriptions and parameters.
    #[arg(long)]
    list: bool,
    /// Print the report's SQL instead of running it.
    #[arg(long)]
    sql: bool,
    /// A parameter: KEY=VALUE. Repeatable.
    #[arg(long = "param", short = 'p', value_name = "KEY=VALUE")]
    params: Vec<String>,
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let Some(name) = args.name.filter(|_| !args.list) else {
        for r in report::all() {
            println!("{:<12} {}", r.name, r.description);
            for p in &r.params {
                println!("  --param {}=…  {}", p.name, p.help);
            }
        }
        return Ok(ExitCode::SUCCESS);
    };
    let report = report::find(&name)?;
    if args.sql {
        print!("{}", report.sql);
        return Ok(ExitCode::SUCCESS);
    }
    let mut params = BTreeMap::new();
    for spec in &args.params {
        let (key, value) = spec
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--param {spec:?}: expected KEY=VALUE"))?;
        params.insert(
            key.trim().trim_start_matches(':').to_string(),
            value.to_string(),
        );
    }
    print(db, &report, &params, &args.format)
}

/// Runs a report on the database (opened read-only) and prints its rows.
pub(super) fn print(
    db: &Path,
    report: &report::Report,
    params: &BTreeMap<String, String>,
    format: &FormatArg,
) -> anyhow::Result<ExitCode> {
    let conn = store::open_read(db)?;
    let mut printer = format.printer();
    match report::run(&conn, report, params, &mut printer) {
        Err(err) if err.is_usage() => return Ok(usage(&err)),
        Err(Error::Sqlite(e)) if takes_fts(report) && super::search::is_fts_syntax(&e) => {
            return Err(Error::Fts(format!(
                "{e}; quote words with punctuation, e.g. '\"U.S.\" visit', or search plain text (no --fts, no raw=1)"
            ))
            .into());
        }
        other => other?,
    }
    let rows = printer.finish()?;
    super::say_no_rows(rows);
    Ok(ExitCode::SUCCESS)
}

/// Whether a report reads a parameter as an FTS5 query.
fn takes_fts(report: &report::Report) -> bool {
    report.params.iter().any(|p| p.help.contains("FTS5"))
}

/// A usage error said on stderr, with the exit status for usage errors (2).
pub(super) fn usage(err: &Error) -> ExitCode {
    eprintln!("corpusdb: {err}");
    ExitCode::from(2)
}
