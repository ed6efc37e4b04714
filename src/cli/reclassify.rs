//! `corpusdb reclassify`: re-check every stored block against the classification rules and
//! the lines repeated across an outlet's articles, recomputed over the whole database; with
//! `--aliases`, also store alias rules and merge the stored entities they name.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corpusdb::store;

/// Re-check every stored block: the rules (built in, plus --rules FILE) and the lines that
/// recur across an outlet's articles, learned from the whole database as it is now; and
/// with --aliases FILE, merge the stored entities the alias rules name.
///
/// Loads already do this for their own articles; run it after changing rules, or after
/// several loads so that lines which became frequent later are set aside in earlier
/// articles too.
#[derive(clap::Args)]
pub struct Args {
    /// More classification rules (the format of src/text/rules.tsv).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Alias rules to store and apply (the format of `load --aliases`).
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let rules = super::load::rules(args.rules.as_deref())?;
    let aliases = super::load::aliases(args.aliases.as_deref())?;
    let mut conn = store::open_write(db)?;
    let applied = corpusdb::corpus::entity_rules::apply(&mut conn, &aliases)?;
    if applied.rules > 0 {
        println!(
            "{}: {} alias rules stored, {} entities merged into the ones they name",
            db.display(),
            applied.rules,
            applied.merged
        );
    }
    let changed = store::clean::reclassify(&mut conn, &rules)?;
    println!("{}: {changed} blocks changed class or reason", db.display());
    Ok(ExitCode::SUCCESS)
}
