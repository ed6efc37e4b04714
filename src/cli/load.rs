//! `corpusdb load`: read files, directories or stdin into the database.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use corpusdb::link::alias_rules::{self, AliasRule};
use corpusdb::load::{self, Progress};
use corpusdb::read::{self, FieldMap};
use corpusdb::text::classify::Rules;
use indicatif::{ProgressBar, ProgressStyle};

/// Load news articles: text files, JSON Lines, JSON arrays or CSV, plain or gzip.
///
/// Directories are walked recursively; `-` reads stdin. Re-loading the same content adds
/// nothing. Rejected records and warnings are kept in `load_errors` (see `corpusdb report
/// load-errors`). Exit status 3 means some input was rejected and the rest was stored.
#[derive(clap::Args)]
pub struct Args {
    /// Files, directories, or - for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Map an article field to an input column: FIELD=column, with FIELD one of id, title,
    /// dek, body, date, source, domain, url, byline. Repeatable. A column the input's first
    /// record lacks is an error before anything is written.
    #[arg(long = "field", value_name = "FIELD=COLUMN")]
    fields: Vec<String>,
    /// The outlet of articles whose input names none (else the outlet is taken from the
    /// article's URL).
    #[arg(long)]
    source: Option<String>,
    /// Update an article already stored under the same id (or url) whose content changed.
    #[arg(long)]
    replace: bool,
    /// More block classification rules, in the format of src/text/rules.tsv (tab-separated:
    /// class, lang, max_chars, pattern, reason), tried after the built-in ones.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Alias rules: one entity a line, tab-separated: kind (person, org, place, misc),
    /// canonical name, aliases ("person<TAB>Donald Trump<TAB>Trump"). Every name on a line
    /// becomes that entity, in what is stored already and in every later load (the rules are
    /// kept in the database, in entity_rules); a later rule for a name replaces the earlier.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// No progress bar and no summary.
    #[arg(long, short)]
    quiet: bool,
    /// Threads that structure the text (the writer and the reader have one each besides).
    /// Default: one per processor.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    workers: Option<u16>,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let options = load::Options {
        read: read::Options {
            fields: FieldMap::parse(&args.fields).map_err(anyhow::Error::msg)?,
            source: args.source,
        },
        replace: args.replace,
        rules: rules(args.rules.as_deref())?,
        aliases: aliases(args.aliases.as_deref())?,
        workers: args.workers.map(usize::from),
        on_wait: Some(|holder| {
            eprintln!("corpusdb: {holder}; waiting for it to finish (Ctrl-C to stop)")
        }),
    };
    on_interrupt(db);
    let started = Instant::now();
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(progress_bar);
    let mut on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            show(bar, p, started.elapsed());
        }
    };
    let summary = match load::run(db, &args.paths, &options, &mut on_progress) {
        Err(err @ corpusdb::Error::MissingColumn(_)) => return Ok(super::report::usage(&err)),
        other => other.with_context(|| format!("loading into {}", db.display()))?,
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let c = &summary.counts;
    if !args.quiet && summary.aliases.rules > 0 {
        println!(
            "aliases: {} rules stored, {} entities merged into the ones they name",
            summary.aliases.rules, summary.aliases.merged
        );
    }
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        println!(
            "load {}: {} added, {} updated, {} skipped (already stored), {} failed, {} warnings; {:.1} MB in {:.1} s ({:.1} MB/s){}",
            summary.load_id, c.added, c.updated, c.skipped, c.failed, c.warnings,
            c.bytes as f64 / 1e6, secs, c.bytes as f64 / 1e6 / secs.max(1e-9),
            if c.failed + c.warnings > 0 { format!("; see: corpusdb report load-errors --param load={}", summary.load_id) } else { String::new() },
        );
    }
    Ok(if c.failed > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// Ctrl-C during the load: the batches committed so far stay (a crash or kill at any moment
/// leaves a consistent database), so say how many articles this run stored and that running
/// the same command again carries on (what is stored is skipped by its content hash), remove
/// the lock file if this load holds it (it holds this process's pid), and exit 130.
fn on_interrupt(db: &Path) {
    let count = |db: &Path| -> Option<i64> {
        let conn = corpusdb::store::open_read(db).ok()?;
        conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .ok()
    };
    let before = if db.exists() { count(db) } else { None }.unwrap_or(0);
    let db = db.to_path_buf();
    let handler = move || {
        let stored = count(&db).map_or(0, |now| now - before);
        let lock = corpusdb::store::LoadLock::path(&db);
        let ours = std::fs::read_to_string(&lock)
            .is_ok_and(|pid| pid.trim() == std::process::id().to_string());
        if ours {
            let _ = std::fs::remove_file(&lock);
        }
        eprintln!(
            "\ncorpusdb: interrupted: {stored} articles stored in {} by this load; run the same command again to carry on (stored articles are skipped)",
            db.display()
        );
        std::process::exit(130);
    };
    if let Err(e) = ctrlc::set_handler(handler) {
        eprintln!("corpusdb: Ctrl-C will stop the load without a summary ({e})");
    }
}

/// The built-in classification rules, plus the user's file when one is given.
pub fn rules(file: Option<&Path>) -> anyhow::Result<Rules> {
    let Some(file) = file else {
        return Ok(Rules::builtin());
    };
    parse_file(file, "rules", Rules::with_user_rules)
}

/// The rules of the user's alias file, if one is given.
pub fn aliases(file: Option<&Path>) -> anyhow::Result<Vec<AliasRule>> {
    let Some(file) = file else {
        return Ok(Vec::new());
    };
    parse_file(file, "aliases", alias_rules::parse)
}

/// Reads a user's data file and parses it, errors naming the file (and the parser's, its line).
fn parse_file<T>(
    file: &Path,
    what: &str,
    parse: fn(&str, &str) -> Result<T, String>,
) -> anyhow::Result<T> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("reading {what} from {}", file.display()))?;
    parse(&text, &file.display().to_string()).map_err(anyhow::Error::msg)
}

pub(super) fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {percent:>3}%  {msg}  eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn show(bar: &ProgressBar, p: Progress, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    if let Some(total) = p.input_total {
        bar.set_length(total);
        bar.set_position(p.input_read.min(total));
    }
    bar.set_message(format!(
        "{} articles, {:.0} articles/s, {:.1} MB/s",
        p.articles,
        p.articles as f64 / secs,
        p.text_bytes as f64 / 1e6 / secs
    ));
}
