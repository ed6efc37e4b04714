//! Quote extraction throughput on a JSON Lines corpus (default: allsides-37k), one thread.
//!
//! ```sh
//! cargo run --release --example quotes_throughput [-- ../shared/corpora/allsides-37k.jsonl.gz]
//! ```
//!
//! Reads every record's `content_original`, cuts it into blocks as the loader does, then
//! times `extract::quotes::extract` alone over all articles and prints MB/s of body text
//! (MB = 10^6 bytes of UTF-8), articles, quotations and terms found. Both wall time and the
//! process's CPU time (from /proc/self/stat, on Linux) are given: on a shared machine the
//! CPU time is the one to compare.

#[path = "common/cpu.rs"]
mod cpu;

use std::io::{BufRead, BufReader};
use std::time::Instant;

use corpusdb::extract::quotes::{extract, Kind};
use corpusdb::text::blocks::split_blocks;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora/allsides-37k.jsonl.gz".to_string());
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut articles: Vec<Vec<String>> = Vec::new();
    for line in reader.lines() {
        let record: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(text) = record["content_original"].as_str() {
            articles.push(split_blocks(text));
        }
    }
    let bytes: usize = articles.iter().flatten().map(String::len).sum();
    let started = Instant::now();
    let cpu_started = cpu::cpu_seconds();
    let (mut quotes, mut terms) = (0, 0);
    for blocks in &articles {
        let paragraphs: Vec<&str> = blocks.iter().map(String::as_str).collect();
        for q in extract(&paragraphs) {
            match q.kind {
                Kind::Quote => quotes += 1,
                Kind::Term => terms += 1,
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {mb:.1} MB of body text, {quotes} quotations, {terms} terms",
        articles.len()
    );
    println!("wall {seconds:.2} s: {:.1} MB/s (one thread)", mb / seconds);
    if let (Some(a), Some(b)) = (cpu_started, cpu::cpu_seconds()) {
        println!("cpu  {:.2} s: {:.1} MB/s (one thread)", b - a, mb / (b - a));
    }
    Ok(())
}
