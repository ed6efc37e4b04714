//! `corpusdb train ner`: trains the named-entity tagger on CoNLL-2003 and writes the model
//! file that is embedded in the binary. Reproducible: the same inputs and seed give the same
//! bytes. The model in the repo was made with (from the repo root):
//!
//! ```text
//! corpusdb train ner --conll ../shared/corpora/conll2003/eng.train \
//!     --dev ../shared/corpora/conll2003/eng.testa --out src/extract/ner/model.bin.gz
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use corpusdb::extract::ner::{conll, train};

/// Train a model.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// The named-entity tagger, from CoNLL-2003 files.
    #[command(after_help = super::examples(&[
        "corpusdb train ner --conll ../shared/corpora/conll2003/eng.train \\\n      --dev ../shared/corpora/conll2003/eng.testa --out src/extract/ner/model.bin.gz",
    ]))]
    Ner(NerArgs),
}

#[derive(clap::Args)]
struct NerArgs {
    /// Training data (CoNLL-2003: eng.train).
    #[arg(long)]
    conll: PathBuf,
    /// Development data to choose the number of epochs (eng.testa).
    #[arg(long)]
    dev: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// log2 of the number of hashed feature buckets. 18 keeps both passes' tables
    /// (2 x 4.5 MB, as tagging reads them at 8 bits) inside a 32 MB L3 cache, where tagging
    /// is fast.
    #[arg(long, default_value_t = 18)]
    bits: u32,
    #[arg(long, default_value_t = 40)]
    max_epochs: usize,
    /// Parts for the jackknifed first-pass labels the second pass learns from.
    #[arg(long, default_value_t = 5)]
    folds: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let What::Ner(args) = args.what;
    let train_docs = conll::read(&args.conll)?;
    let dev_docs = conll::read(&args.dev)?;
    let options = train::Options {
        bits: args.bits.clamp(12, 24),
        max_epochs: args.max_epochs,
        folds: args.folds,
        seed: args.seed,
        ..train::Options::default()
    };
    let outcome = train::train(&train_docs, &dev_docs, &options, &mut |line| {
        eprintln!("{line}")
    })?;
    std::fs::write(&args.out, &outcome.model)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!("first pass alone on {}:", args.dev.display());
    print!("{}", outcome.dev_first.table());
    println!("both passes on {}:", args.dev.display());
    print!("{}", outcome.dev.table());
    println!(
        "wrote {} ({} bytes)",
        args.out.display(),
        outcome.model.len()
    );
    Ok(ExitCode::SUCCESS)
}
