//! `corpusdb eval ner`: entity-level precision, recall and F1 on a CoNLL-2003 file, by the
//! conlleval definition (exact span and type), per type and overall; and `--bench`, the
//! tagger's speed on real news.
//!
//! ```text
//! corpusdb eval ner --conll ../shared/corpora/conll2003/eng.testa
//! corpusdb eval ner --bench ../shared/corpora/allsides-37k.jsonl.gz --limit 5000
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context};
use corpusdb::extract::ner::{conll, tokens, Tagger};
use corpusdb::model::Kind;

/// Score the named-entity tagger on a CoNLL file, or time it on real news.
#[derive(clap::Args)]
pub struct Args {
    /// A CoNLL-2003 file (word ... tag per line, -DOCSTART- between documents).
    #[arg(long)]
    conll: Option<PathBuf>,
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
    if let Some(path) = &args.conll {
        let docs = conll::read(path)?;
        let mut score = conll::Score::default();
        for d in &docs {
            let labels = tagger.label(&d.words(), &d.sentences);
            score.add(&d.gold, &labels, &d.sentences);
        }
        println!("{} ({} documents)", path.display(), docs.len());
        print!("{}", score.table());
    }
    if let Some(path) = &args.bench {
        bench(tagger, path, args.limit)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads up to `limit` articles, then times tagging alone over their blocks.
fn bench(tagger: &Tagger, path: &Path, limit: usize) -> anyhow::Result<()> {
    let mut articles: Vec<Vec<String>> = Vec::new();
    let options = corpusdb::read::Options::default();
    let rules = corpusdb::text::classify::Rules::builtin();
    let read = Arc::new(AtomicU64::new(0));
    corpusdb::read::read_file(
        path,
        &path.display().to_string(),
        &options,
        &read,
        &mut |item| {
            if articles.len() >= limit {
                return;
            }
            let Ok(raw) = item else { return };
            let Ok(article) = corpusdb::text::process(raw, &rules) else {
                return;
            };
            let blocks = article
                .blocks
                .into_iter()
                .filter(|b| matches!(b.kind, Kind::Title | Kind::Dek | Kind::Body));
            articles.push(blocks.map(|b| b.text).collect());
        },
    );
    let bytes: usize = articles.iter().flatten().map(String::len).sum();
    let tokens: usize = articles
        .iter()
        .flatten()
        .map(|b| tokens::tokenize(b).len())
        .sum();
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut mentions = 0;
    for blocks in &articles {
        mentions += tagger
            .tag_blocks(blocks)
            .iter()
            .map(Vec::len)
            .sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} articles, {tokens} tokens, {:.1} MB: {mentions} mentions in {secs:.2} s on one thread = {:.0} tokens/s, {:.1} MB/s",
        articles.len(),
        bytes as f64 / 1e6,
        tokens as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    // On a shared machine the wall clock also counts time the thread waited for a core.
    if let (Some(a), Some(b)) = (cpu_start, thread_cpu_seconds()) {
        println!(
            "on-CPU time {:.2} s = {:.0} tokens per CPU second",
            b - a,
            tokens as f64 / (b - a)
        );
    }
    Ok(())
}

/// This thread's time on a CPU, from Linux's /proc (None elsewhere).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
