//! `corpusdb export`: every table and view as Parquet files in a folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use corpusdb::export::{self, Exported};
use corpusdb::store;

/// Write every table and view as Parquet, for DuckDB, Spark or Trino.
///
/// Each table or view gets a folder DIR/NAME, and this database a folder shard=SHARD in it.
/// Articles and the tables that hang off them (paragraphs, sentences, mentions, date_mentions,
/// quotes, and any later one with a NOT NULL foreign key to them) are partitioned Hive-style:
/// NAME/shard=SHARD/source=SOURCE_ID/year=YYYY/part-0.parquet. Outlets, and years of an
/// outlet, with less than --min-share of the articles go to source=other and year=other;
/// __HIVE_DEFAULT_PARTITION__ is an article with no outlet or date. Everything else is one
/// file, NAME/shard=SHARD/part-0.parquet. Dates and times are DATE and TIMESTAMP columns.
///
/// Shards: export each database with its own --shard into the same DIR; ids join within a
/// shard (on shard and id), entities across shards on kind and key, quote clusters on key.
///
/// In DuckDB: SELECT * FROM read_parquet('DIR/articles/**/*.parquet', hive_partitioning = true)
#[derive(clap::Args)]
pub struct Args {
    /// The folder to write (created if needed; it must be empty unless --force).
    dir: PathBuf,
    /// The file format.
    #[arg(long, value_enum, default_value_t = Format::Parquet)]
    format: Format,
    /// Write into a folder that is not empty, replacing the folders of the exported tables
    /// (other files in it are left alone).
    #[arg(long)]
    force: bool,
    /// Leave out a table or view (repeatable): e.g. cooccurrence, a view that is a
    /// self-join of all mentions and the slowest part of an export.
    #[arg(long, value_name = "NAME")]
    skip: Vec<String>,
    /// This database's name among the shards of one corpus exported into the same DIR
    /// [default: the database file's name without its extension].
    #[arg(long)]
    shard: Option<String>,
    /// The share of the articles (0 to 1) an outlet, or an outlet's year, needs for a folder
    /// of its own; 0 gives every outlet and year one.
    #[arg(long, value_name = "FRACTION", default_value_t = export::DEFAULT_MIN_SHARE)]
    min_share: f64,
    /// No line per table and no summary.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Parquet,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let Format::Parquet = args.format;
    let started = Instant::now();
    let conn = store::open_read(db)?;
    let shard = args.shard.unwrap_or_else(|| {
        db.file_stem()
            .map_or_else(|| "corpus".into(), |s| s.to_string_lossy().into_owned())
    });
    let options = export::Options {
        force: args.force,
        skip: args.skip,
        shard,
        min_share: args.min_share,
    };
    let quiet = args.quiet;
    let mut last = Instant::now();
    let mut on_done = |e: &Exported| {
        if !quiet {
            let layout = if e.partitioned { "  partitioned" } else { "" };
            let secs = last.elapsed().as_secs_f64();
            println!(
                "{:<20} {:<5} {:>10} rows {:>6} files {:>8.1} MB {secs:>6.1} s{layout}",
                e.name,
                e.kind.name(),
                e.rows,
                e.files,
                e.bytes as f64 / 1e6
            );
        }
        last = Instant::now();
        for (column, n) in &e.unfit {
            eprintln!("corpusdb: warning: {n} values of {}.{column} did not fit its type and were written as null (or lossy text)", e.name);
        }
    };
    let done = export::export(&conn, &args.dir, &options, &mut on_done)
        .with_context(|| format!("exporting {} to {}", db.display(), args.dir.display()))?;
    if !quiet {
        let secs = started.elapsed().as_secs_f64();
        let db_bytes = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
        let (rows, files, bytes) = done.iter().fold((0, 0, 0), |(r, f, b), e| {
            (r + e.rows, f + e.files, b + e.bytes)
        });
        let tables = done
            .iter()
            .filter(|e| e.kind == export::ObjectKind::Table)
            .count();
        println!(
            "exported {tables} tables and {} views: {rows} rows, {files} files, {:.1} MB of Parquet in {}; {:.1} MB of database in {secs:.1} s ({:.1} MB/s)",
            done.len() - tables,
            bytes as f64 / 1e6,
            args.dir.display(),
            db_bytes as f64 / 1e6,
            db_bytes as f64 / 1e6 / secs.max(1e-9),
        );
    }
    Ok(ExitCode::SUCCESS)
}
