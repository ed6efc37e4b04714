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

/// How rows are printed, shared by every command that prints rows: `--format` or one of
/// sqlite-utils' flags, with or without the header, the table fitted to the terminal or wide.
#[derive(clap::Args)]
struct FormatArg {
    #[command(flatten)]
    which: WhichFormat,
    /// Leave out the header line (CSV, TSV and table).
    #[arg(long)]
    no_headers: bool,
    /// Table: show every cell whole, however wide the terminal (else long cells wrap to fit).
    #[arg(long)]
    wide: bool,
}

/// One format at most.
#[derive(clap::Args)]
#[group(multiple = false)]
struct WhichFormat {
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// CSV (as --format csv).
    #[arg(long)]
    csv: bool,
    /// Tab-separated values.
    #[arg(long)]
    tsv: bool,
    /// Newline-delimited JSON: one object a line (as --format ndjson).
    #[arg(long)]
    nl: bool,
    /// A JSON array of objects, keys in column order (as --format json).
    #[arg(long)]
    json: bool,
    /// An aligned table (as --format table).
    #[arg(long)]
    table: bool,
}

impl FormatArg {
    fn format(&self) -> Format {
        let w = &self.which;
        let flags = [
            (w.csv, Format::Csv),
            (w.tsv, Format::Tsv),
            (w.nl, Format::Ndjson),
            (w.json, Format::Json),
            (w.table, Format::Table),
        ];
        let flag = flags.into_iter().find(|(on, _)| *on).map(|(_, f)| f);
        match (w.format, flag) {
            (Some(format), _) | (None, Some(format)) => format,
            (None, None) if std::io::stdout().is_terminal() => Format::Table,
            (None, None) => Format::Csv,
        }
    }

    /// The table's width: $COLUMNS, else the terminal's; none with --wide or off a terminal.
    fn width(&self) -> Option<usize> {
        if self.wide {
            return None;
        }
        let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        columns.or_else(|| {
            let term = console::Term::stdout();
            term.is_term()
                .then(|| term.size_checked().map(|(_, cols)| usize::from(cols)))
                .flatten()
        })
    }

    fn printer(&self) -> Printer<std::io::BufWriter<std::io::Stdout>> {
        Printer::new(self.format(), std::io::BufWriter::new(std::io::stdout()))
            .headers(!self.no_headers)
            .width(self.width())
    }
}

/// "no rows" on stderr after a valid question with an empty answer, when a person is
/// reading (stdout is a terminal); a program reading the output gets just the header.
fn say_no_rows(rows: usize) {
    if rows == 0 && std::io::stdout().is_terminal() {
        eprintln!("no rows");
    }
}
