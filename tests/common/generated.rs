//! Generated news-like input for the crash and concurrency tests: as many articles as a
//! test needs, the same every time, with no corpus needed.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

/// A small deterministic generator (xorshift64*): no dependency, and a seed replays a run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// JSON Lines news-like articles: several outlets, paragraphs of several sentences with
/// quotations, some duplicates and a few malformed lines, so every table and load_errors
/// get rows. Titles say how many body paragraphs the article has ("Story 7 (3
/// paragraphs)"), so a reader can check from SQL alone that no article is half stored.
pub fn generate(path: &Path, articles: usize) {
    const WORDS: [&str; 24] = [
        "minister",
        "said",
        "the",
        "government",
        "would",
        "announce",
        "a",
        "new",
        "policy",
        "on",
        "Monday",
        "after",
        "talks",
        "with",
        "officials",
        "in",
        "Brussels",
        "and",
        "Paris",
        "over",
        "trade",
        "rules",
        "Mr.",
        "Smith",
    ];
    let outlets = ["Daily A", "The B Times", "C News", "D Post", "E Wire"];
    let mut rng = Rng(42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..articles {
        if i % 997 == 500 {
            writeln!(out, "{{\"title\": \"broken line {i}\", \"text\": ").unwrap();
            continue;
        }
        let mut paragraphs = Vec::new();
        for _ in 0..2 + rng.below(6) {
            let mut sentences = Vec::new();
            for _ in 0..1 + rng.below(4) {
                let words: Vec<&str> = (0..5 + rng.below(15)).map(|_| rng.pick(&WORDS)).collect();
                let sentence = format!("{}.", words.join(" "));
                sentences.push(if rng.below(4) == 0 {
                    format!("\u{201c}{sentence}\u{201d} she said.")
                } else {
                    sentence
                });
            }
            paragraphs.push(sentences.join(" "));
        }
        let text = paragraphs.join("\n\n");
        // Every 50th article repeats an earlier one's text under the same outlet: skipped.
        let (title, text) = if i % 50 == 49 {
            (
                "A repeated story".to_string(),
                "The same text again.".to_string(),
            )
        } else {
            (format!("Story {i} ({} paragraphs)", paragraphs.len()), text)
        };
        let record = serde_json::json!({
            "id": format!("g{i}"),
            "title": title,
            "text": text,
            "source": outlets[i % outlets.len()],
            "date": format!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
        });
        writeln!(out, "{record}").unwrap();
    }
    out.flush().unwrap();
}
