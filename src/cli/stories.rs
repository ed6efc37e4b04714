//! `corpusdb stories`: the largest stories (the `stories` report); `--regroup` groups every
//! article again (after an upgrade of the grouping), and prints how long placing took.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use corpusdb::corpus::stories::{Settings, TIMED};
use corpusdb::report;

use super::FormatArg;

/// List the largest stories: articles from several outlets about the same event, grouped as
/// they load. `corpusdb story ID` shows one side by side.
#[derive(clap::Args)]
pub struct Args {
    /// Stories that end on or after this day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Stories that start on or before this day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Stories at most.
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Undo every story and group all articles again, then list.
    #[arg(long)]
    regroup: bool,
    /// With --regroup: the cosine with a story's centroid from which an article joins it.
    #[arg(long, requires = "regroup", hide = true)]
    join: Option<f64>,
    /// With --regroup: what each day between an article and a story takes from the cosine.
    #[arg(long, requires = "regroup", hide = true)]
    per_day: Option<f64>,
    /// With --regroup: the cosine with a story's centroid from which an article that shares
    /// a quotation with it joins it.
    #[arg(long, requires = "regroup", hide = true)]
    quote_join: Option<f64>,
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    if args.regroup {
        let mut settings = Settings::default();
        settings.join = args.join.unwrap_or(settings.join);
        settings.per_day = args.per_day.unwrap_or(settings.per_day);
        settings.quote_join = args.quote_join.unwrap_or(settings.quote_join);
        let t = corpusdb::corpus::regroup(db, &settings, &mut |holder| {
            eprintln!("corpusdb: waiting for {holder} to finish");
        })?;
        let per = |d: std::time::Duration, n: usize| d.as_secs_f64() * 1e6 / n.max(1) as f64;
        let n = t.placed.min(TIMED);
        eprintln!(
            "corpusdb: {} articles grouped in {:.2} s; per article: {:.0} µs over the first {n}, {:.0} µs over the last {n}; at most {} articles in the window",
            t.placed,
            t.total.as_secs_f64(),
            per(t.first, n),
            per(t.last, n),
            t.peak_docs
        );
    }
    let mut params = BTreeMap::from([("limit".to_string(), args.limit.to_string())]);
    params.extend(args.from.map(|v| ("from".to_string(), v)));
    params.extend(args.to.map(|v| ("to".to_string(), v)));
    let stories = report::find("stories")?;
    // The report's own check, said in this command's words: `--from`, not `--param from=`.
    let conn = corpusdb::store::open_read(db)?;
    if let Err(err) = report::params::check(&conn, &stories, &params) {
        let err = match err {
            corpusdb::Error::BadParam(message) => corpusdb::Error::BadParam(as_flags(&message)),
            other => other,
        };
        if err.is_usage() {
            return Ok(super::report::usage(&err));
        }
        return Err(err.into());
    }
    drop(conn);
    super::report::print(db, &stories, &params, &args.format)
}

/// A report's message about `from` or `to` in the words of this command: `--from`, not
/// `--param from=`.
fn as_flags(message: &str) -> String {
    let mut message = message.to_string();
    for name in ["from", "to"] {
        message = message
            .replace(&format!("--param {name}="), &format!("--{name} "))
            .replace(&format!("': {name}="), &format!("': --{name} "));
    }
    message
}
