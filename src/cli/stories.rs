//! `corpusdb stories`: the largest stories (the `stories` report).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

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
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut params = BTreeMap::from([("limit".to_string(), args.limit.to_string())]);
    params.extend(args.from.map(|v| ("from".to_string(), v)));
    params.extend(args.to.map(|v| ("to".to_string(), v)));
    super::report::print(db, &report::find("stories")?, &params, &args.format)
}
