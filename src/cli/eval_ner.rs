//! `corpusdb eval ner`: entity-level precision, recall and F1 on a CoNLL-2003 file, by the
//! conlleval definition (exact span and type), per type and overall; and `--bench`, the
//! tagger's speed on real news.
//!
//! ```text
//! corpusdb eval ner --conll ../shared/corpora/conll2003/eng.testa
//! corpusdb eval ner --bench ../shared/corpora/allsides-37k.jsonl.gz --limit 5000
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use corpusdb::extract::ner::Tagger;

/// Score the named-entity tagger on a CoNLL file, or time it on real news.
#[derive(clap::Args)]
pub struct Args {
    /// A CoNLL-2003 file (word ... tag per line, -DOCSTART- between documents).
    #[arg(long)]
    conll: Option<PathBuf>,
    /// Load the --conll documents through the whole pipeline (as `corpusdb load` loads a
    /// folder of text files) into a new database and score the stored mentions, by the
    /// entity's kind and by the mention's own, instead of the tagger alone.
    #[arg(long, requires = "conll")]
    through_db: bool,
    /// The database --through-db creates (must not exist; kept). Default: a temporary one,
    /// deleted after.
    #[arg(long, requires = "through_db", value_name = "DB")]
    keep_db: Option<PathBuf>,
    /// Time tagging (one thread) on the title, dek and body blocks of these articles
    /// (any input `corpusdb load` reads).
    #[arg(long)]
    bench: Option<PathBuf>,
    /// Articles to time with --bench.
    #[arg(long, default_value_t = 5000)]
    limit: usize,
    /// A model file to use instead of the embedded one (as `corpusdb train ner` writes it).
    #[arg(long)]
    model: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let tagger = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            &*Box::leak(Box::new(
                Tagger::from_bytes(&bytes).with_context(|| path.display().to_string())?,
            ))
        }
        None => Tagger::embedded()?,
    };
    if args.conll.is_none() && args.bench.is_none() {
        bail!("give --conll FILE to score, or --bench FILE to time");
    }
    if let (Some(path), true) = (&args.conll, args.through_db) {
        through_db(path, args.keep_db.as_deref())?;
    } else if let Some(path) = &args.conll {
        let (docs, score) = corpusdb::eval::ner::score_conll(tagger, path)?;
        println!("{} ({docs} documents)", path.display());
        print!("{}", score.table());
    }
    if let Some(path) = &args.bench {
        let b = corpusdb::eval::ner::bench(tagger, path, args.limit);
        println!(
            "{} articles, {} tokens, {:.1} MB: {} mentions in {:.2} s on one thread = {:.0} tokens/s, {:.1} MB/s",
            b.articles,
            b.tokens,
            b.bytes as f64 / 1e6,
            b.mentions,
            b.seconds,
            b.tokens as f64 / b.seconds,
            b.bytes as f64 / 1e6 / b.seconds
        );
        if let Some(cpu) = b.cpu_seconds {
            println!(
                "on-CPU time {cpu:.2} s = {:.0} tokens per CPU second",
                b.tokens as f64 / cpu
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--through-db`: loads the CoNLL file into a database and prints one table per column the
/// kind is read from.
fn through_db(conll: &std::path::Path, db: Option<&std::path::Path>) -> anyhow::Result<()> {
    let temp = std::env::temp_dir().join(format!("corpusdb-eval-ner-{}", std::process::id()));
    let path = match db {
        Some(db) => db.to_path_buf(),
        None => {
            std::fs::create_dir_all(&temp)?;
            temp.join("eval.db")
        }
    };
    if path.exists() {
        bail!(
            "{} exists: --through-db loads into a new database",
            path.display()
        );
    }
    let scored = corpusdb::eval::ner::score_through_db(conll, &path);
    if db.is_none() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    let scored =
        scored.with_context(|| format!("loading {} into {}", conll.display(), path.display()))?;
    println!(
        "{} ({} documents, {} articles stored) through the database",
        conll.display(),
        scored.documents,
        scored.articles
    );
    for (column, score) in &scored.scores {
        println!("\nkind read from {column}:");
        print!("{}", score.table());
    }
    Ok(())
}
