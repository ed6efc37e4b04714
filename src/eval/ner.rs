//! Scores the entity tagger on a CoNLL-2003 file (entity-level precision, recall and F1 by
//! the conlleval definition, per type and overall: [`score_conll`]) and times it on real
//! news ([`bench`]). `corpusdb eval ner` prints what these return.

use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Instant;

use crate::extract::ner::{conll, tokens, Tagger};
use crate::model::Kind;
use crate::Result;

/// Tags every document of a CoNLL file (its own tokens and sentences) and scores the
/// labels against the gold ones. Returns the number of documents and the counts.
pub fn score_conll(tagger: &Tagger, path: &Path) -> Result<(usize, conll::Score)> {
    let docs = conll::read(path)?;
    let mut score = conll::Score::default();
    for d in &docs {
        let labels = tagger.label(&d.words(), &d.sentences);
        score.add(&d.gold, &labels, &d.sentences);
    }
    Ok((docs.len(), score))
}

/// What timing the tagger measured.
#[derive(Debug, Clone, Default)]
pub struct Bench {
    pub articles: usize,
    pub tokens: usize,
    pub bytes: usize,
    pub mentions: usize,
    /// Wall-clock seconds of tagging.
    pub seconds: f64,
    /// Seconds the thread was on a CPU (Linux only): on a shared machine the wall clock also
    /// counts time the thread waited for a core.
    pub cpu_seconds: Option<f64>,
}

/// Reads up to `limit` articles of `path` (any input `corpusdb load` reads), structures them
/// as a load does, then times tagging alone, on one thread, over their title, dek and body
/// blocks.
pub fn bench(tagger: &Tagger, path: &Path, limit: usize) -> Bench {
    let mut articles: Vec<Vec<String>> = Vec::new();
    let options = crate::read::Options::default();
    let rules = crate::text::classify::Rules::builtin();
    let read = Arc::new(AtomicU64::new(0));
    crate::read::read_file(
        path,
        &path.display().to_string(),
        &options,
        &read,
        &mut |item| {
            if articles.len() >= limit {
                return;
            }
            let Ok(raw) = item else { return };
            let Ok(article) = crate::text::process(raw, &rules) else {
                return;
            };
            let blocks = article
                .blocks
                .into_iter()
                .filter(|b| matches!(b.kind, Kind::Title | Kind::Dek | Kind::Body));
            articles.push(blocks.map(|b| b.text).collect());
        },
    );
    let bytes = articles.iter().flatten().map(String::len).sum();
    let tokens = articles
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
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = match (cpu_start, thread_cpu_seconds()) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    Bench {
        articles: articles.len(),
        tokens,
        bytes,
        mentions,
        seconds,
        cpu_seconds,
    }
}

/// This thread's time on a CPU, from Linux's /proc (None elsewhere).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
