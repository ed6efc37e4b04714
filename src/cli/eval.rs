//! `corpusdb eval WHAT`: measure an extraction stage against annotated data.

use std::process::ExitCode;

use super::eval_ner;

/// Measure an extraction stage against annotated data.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    Ner(eval_ner::Args),
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Ner(args) => eval_ner::run(args),
    }
}
