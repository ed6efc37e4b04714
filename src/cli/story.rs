//! `corpusdb story ID`: one story's articles side by side (the `story` report).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use corpusdb::report;

use super::FormatArg;

/// Show one story: each outlet's article, and the entities, dates and quotes that only it
/// includes. `corpusdb stories` lists the stories; this is `corpusdb report story -p id=ID`.
#[derive(clap::Args)]
pub struct Args {
    /// The story's id.
    id: i64,
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let params = BTreeMap::from([("id".to_string(), args.id.to_string())]);
    super::report::print(db, &report::find("story")?, &params, &args.format)
}
