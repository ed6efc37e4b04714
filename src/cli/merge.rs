//! `corpusdb merge OUT.db IN.db...`: combine databases loaded apart into one.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use corpusdb::merge::{self, Progress};

/// Combine databases loaded apart (on other machines, from other shards) into OUT.
///
/// The articles of each IN, in order, are written to OUT as a load writes them: new ids,
/// content already stored skipped (merging again adds nothing), outlets, entities and quote
/// clusters merged by their keys, repeated lines found over all of OUT. The result is what
/// loading all the INs' inputs into OUT, in the same order, would have given. OUT is created
/// when absent; the INs are only read. The merge is recorded as one load in OUT, and the
/// problems the INs' loads recorded are carried into it. The global --db is not used.
/// Where the result can differ from one load (conflicts, inputs updated with --replace):
/// README, section Merge. Exit status 3 means an IN held articles with values corpusdb never
/// writes: they were not merged, each is in load_errors.
#[derive(clap::Args)]
pub struct Args {
    /// The database written (created when absent).
    #[arg(value_name = "OUT.db")]
    out: PathBuf,
    /// The databases read, in order.
    #[arg(value_name = "IN.db", required = true)]
    inputs: Vec<PathBuf>,
    /// Update an article OUT holds under the same outlet and id (or url) whose content differs.
    #[arg(long)]
    replace: bool,
    /// No progress bar and no summary.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args, db_given: bool) -> anyhow::Result<ExitCode> {
    if db_given {
        anyhow::bail!(
            "merge names its output first (corpusdb merge OUT.db IN.db...); --db is not used"
        );
    }
    let options = merge::Options {
        replace: args.replace,
        on_wait: Some(|holder| {
            eprintln!("corpusdb: {holder}; waiting for it to finish (Ctrl-C to stop)")
        }),
    };
    let started = Instant::now();
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(super::load::progress_bar);
    let mut on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total);
            bar.set_position(p.articles);
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} articles, {:.0} articles/s, {:.1} MB/s",
                p.articles,
                p.articles as f64 / secs,
                p.text_bytes as f64 / 1e6 / secs
            ));
        }
    };
    let summary = merge::run(&args.out, &args.inputs, &options, &mut on_progress)
        .with_context(|| format!("merging into {}", args.out.display()))?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if !args.quiet {
        let c = &summary.counts;
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let read = c.added + c.updated + c.skipped + summary.rejected;
        println!(
            "merge (load {}): {} added, {} updated, {} skipped (already stored), {} rejected; {} problems carried over; {read} articles, {:.1} MB in {:.1} s ({:.0} articles/s, {:.1} MB/s){}",
            summary.load_id, c.added, c.updated, c.skipped, summary.rejected, summary.carried,
            c.bytes as f64 / 1e6, secs, read as f64 / secs, c.bytes as f64 / 1e6 / secs,
            if summary.names_kept > 0 { format!("; {} articles kept their input's entity names (stored by another corpusdb version?)", summary.names_kept) } else { String::new() },
        );
    }
    Ok(if summary.rejected > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}
