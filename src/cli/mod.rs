//! Command-line wiring: one file per subcommand, each with its arguments and `run`.

mod datasette_metadata;
mod eval;
mod eval_ner;
mod eval_stories;
mod export;
mod load;
mod merge;
mod migrate;
mod reclassify;
mod report;
mod search;
mod stats;
mod stories;
mod story;
mod train;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use corpusdb::output::{Format, Printer};

#[derive(Parser)]
#[command(
    name = "corpusdb",
    version,
    about = "An embedded SQL database for news corpora: load articles, search them, run reports."
)]
struct Cli {
    /// The database file.
    #[arg(long, global = true, env = "CORPUSDB_DB", default_value = "corpus.db")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Load(load::Args),
    Merge(merge::Args),
    Search(search::Args),
    Report(report::Args),
    Stats(stats::Args),
    Stories(stories::Args),
    Story(story::Args),
    Export(export::Args),
    Reclassify(reclassify::Args),
    Migrate(migrate::Args),
    DatasetteMetadata(datasette_metadata::Args),
    Eval(eval::Args),
    Train(train::Args),
}

pub fn run() -> anyhow::Result<ExitCode> {
    let matches = Cli::command().get_matches();
    // merge names its output itself: a --db on its command line would be a mistake.
    let db_given = matches.value_source("db") == Some(ValueSource::CommandLine);
    let cli =
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut Cli::command()).exit());
    match cli.command {
        Command::Load(args) => load::run(&cli.db, args),
        Command::Merge(args) => merge::run(args, db_given),
        Command::Search(args) => search::run(&cli.db, args),
        Command::Report(args) => report::run(&cli.db, args),
        Command::Stats(args) => stats::run(&cli.db, args),
        Command::Stories(args) => stories::run(&cli.db, args),
        Command::Story(args) => story::run(&cli.db, args),
        Command::Export(args) => export::run(&cli.db, args),
        Command::Reclassify(args) => reclassify::run(&cli.db, args),
        Command::Migrate(args) => migrate::run(&cli.db, args),
        Command::DatasetteMetadata(args) => datasette_metadata::run(&cli.db, args),
        Command::Eval(args) => eval::run(&cli.db, args),
        Command::Train(args) => train::run(args),
    }
}

/// `--format`, shared by every command that prints rows.
#[derive(clap::Args)]
struct FormatArg {
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
}

impl FormatArg {
    fn printer(&self) -> Printer<std::io::BufWriter<std::io::Stdout>> {
        let stdout = std::io::stdout();
        let default = if stdout.is_terminal() {
            Format::Table
        } else {
            Format::Csv
        };
        Printer::new(
            self.format.unwrap_or(default),
            std::io::BufWriter::new(stdout),
        )
    }
}
