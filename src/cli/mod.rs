//! Command-line wiring: one file per subcommand, each with its arguments and `run`.

mod chart;
mod datasette_metadata;
mod eval;
mod eval_entities;
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
    about = "An embedded SQL database for news corpora: load articles, search them, run reports.",
    after_help = examples(&[
        "corpusdb load articles/",
        "corpusdb search '\"North Korea\" visit'",
        "corpusdb --db corpus.db.example report overview",
    ])
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
    #[command(after_help = examples(&[
        "corpusdb load articles/ export.jsonl.gz",
        "corpusdb load --field body=story_text --field date=pubdate export.csv",
        "corpusdb --db news.db load --source 'Middle East Eye' scraped/",
    ]))]
    Load(load::Args),
    #[command(after_help = examples(&[
        "corpusdb merge corpus.db part1.db part2.db",
    ]))]
    Merge(merge::Args),
    #[command(after_help = examples(&[
        "corpusdb search 'Kim visit'",
        "corpusdb search '\"border wall\" Trump' --source 'fox news' --from 2018-01 --to 2018-03",
        "corpusdb search --fts 'NEAR(Kim Assad, 10)' --json",
    ]))]
    Search(search::Args),
    #[command(after_help = examples(&[
        "corpusdb report --list",
        "corpusdb report articles -p source='fox news' -p from='March 3, 2018' -p to=2018-03",
        "corpusdb report entity -p name=assad --table",
        "corpusdb report overview --sql > overview.sql",
    ]))]
    Report(report::Args),
    #[command(after_help = examples(&[
        "corpusdb chart timeline 'Kim Jong Un' 'Moon Jae-in' --by week -o kim-moon.svg",
        "corpusdb chart outlets Trump --measure quotes -o trump.png",
        "corpusdb chart cooccurrence Assad",
    ]))]
    Chart(chart::Args),
    #[command(after_help = examples(&["corpusdb stats", "corpusdb --db news.db stats --json"]))]
    Stats(stats::Args),
    #[command(after_help = examples(&[
        "corpusdb stories",
        "corpusdb stories --from 2018-09 --to 2018-09 --limit 50",
    ]))]
    Stories(stories::Args),
    #[command(after_help = examples(&["corpusdb story 1", "corpusdb story 1 --wide"]))]
    Story(story::Args),
    #[command(after_help = examples(&[
        "corpusdb export --format parquet corpus-parquet/",
        "corpusdb export corpus-parquet/ --force --skip cooccurrence",
        "corpusdb --db shard-a.db export --shard a shards/",
    ]))]
    Export(export::Args),
    #[command(after_help = examples(&[
        "corpusdb reclassify",
        "corpusdb reclassify --aliases my_aliases.tsv",
    ]))]
    Reclassify(reclassify::Args),
    #[command(after_help = examples(&["corpusdb --db old.db migrate"]))]
    Migrate(migrate::Args),
    #[command(after_help = examples(&[
        "corpusdb datasette-metadata -o metadata.json",
        "datasette serve corpus.db --metadata metadata.json",
    ]))]
    DatasetteMetadata(datasette_metadata::Args),
    #[command(after_help = examples(&[
        "corpusdb eval ner --conll ../shared/corpora/conll2003/eng.testa",
        "corpusdb eval quotes --gold ../shared/corpora/polnear/dev",
    ]))]
    Eval(eval::Args),
    #[command(after_help = examples(&[
        "corpusdb train ner --conll eng.train --dev eng.testa",
    ]))]
    Train(train::Args),
}

/// An "Examples:" section for a command's --help.
fn examples(lines: &[&str]) -> String {
    let mut text = String::from("Examples:");
    for line in lines {
        text.push_str("\n  ");
        text.push_str(line);
    }
    text
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
        Command::Chart(args) => chart::run(&cli.db, args),
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
