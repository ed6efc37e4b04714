//! What clean text costs a load of a whole corpus (default: allsides-37k): the load's CPU
//! time, and that of the clean-text stage alone, measured in one run.
//!
//! ```sh
//! cargo run --release --example clean_throughput [-- ../shared/corpora/allsides-37k.jsonl.gz]
//! ```
//!
//! First a real load of the corpus into a scratch database (`load::run`, every stage and
//! thread, the writer included); then, in one thread, `text::clean` alone (the rules, cards,
//! related links, gallery captions, languages and other-language edges) over the same
//! articles structured as `text::process` structures them. A load without clean text would
//! take the first less the second; their ratio is what clean text adds. Clean text's part of
//! the writer's work, the repeated-line pass (`store::clean::mark_repeated`), is timed once
//! more on the loaded database and counted in clean text.
//! CPU time is read from /proc/self/stat (Linux): on a shared machine it is the one to compare.

#[path = "common/cpu.rs"]
mod cpu;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use corpusdb::read::{self, Item};
use corpusdb::text::{self, blocks, classify::Rules};
use corpusdb::{load, store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora/allsides-37k.jsonl.gz".to_string());
    let scratch = tempfile::tempdir()?;
    let before = cpu();
    let summary = load::run(
        &scratch.path().join("corpus.db"),
        &[PathBuf::from(&path)],
        &load::Options::default(),
        &mut |_| {},
    )?;
    let load = cpu() - before;
    // The repeated-line pass the load ran at its end, run again on the loaded database for its
    // time: it finds the same lines, and what it writes is already written.
    let conn = store::open_write(&scratch.path().join("corpus.db"))?;
    let before = cpu();
    // Nothing changes, so the rollups it would update are left unwritten.
    store::clean::mark_repeated(&conn, &mut store::rollups::Rollups::default())?;
    let repeated = cpu() - before;
    drop(conn);

    let mut raws = Vec::new();
    read::read_file(
        Path::new(&path),
        &path,
        &read::Options::default(),
        &Arc::new(AtomicU64::new(0)),
        &mut |item: Item| {
            if let Ok(raw) = item {
                raws.push(raw);
            }
        },
    );
    let rules = Rules::builtin();
    let structured: Vec<_> = raws
        .iter()
        .map(|raw| blocks::structure(raw.layout, raw.title.as_deref(), &raw.text, &rules))
        .collect();
    let before = cpu();
    let mut set_aside = 0;
    for (raw, blocks) in raws.iter().zip(structured) {
        let (blocks, _) = text::clean(blocks, &rules, raw.byline.as_deref());
        set_aside += blocks.iter().filter(|b| !b.kind.is_content()).count();
    }
    let clean = cpu() - before + repeated;

    println!(
        "{} articles loaded; clean text sets aside {set_aside} blocks",
        summary.counts.added
    );
    println!("load, all threads:           {load:.2} CPU-s");
    println!("clean text alone, one thread: {clean:.2} CPU-s (of which the repeated-line pass {repeated:.2})");
    println!(
        "clean text adds {:.1} % to the load's CPU time without it",
        100.0 * clean / (load - clean)
    );
    Ok(())
}

fn cpu() -> f64 {
    cpu::cpu_seconds().unwrap_or(0.0)
}
