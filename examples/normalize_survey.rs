//! What the normalize stage changes in each corpus: articles read, articles repaired, the
//! count of each repair, the time it took, and a sample of the changes to read.
//!
//! ```sh
//! cargo run --release --example normalize_survey [-- SAMPLES_FILE [SAMPLES_PER_REPAIR]]
//! ```
//!
//! Reads `../shared/corpora`: bbc, allsides-37k, polnear (train and dev texts), lee (one
//! article a line) and hyperpartisan (each `<article>`'s inner XML: the body as it ships).
//! The samples (default `/tmp/normalize_samples.txt`) show each changed stretch of text as
//! received and as repaired, a few per kind of repair and corpus.
//!
//! Then the round trips: the clean texts of bbc and polnear damaged in each shape (UTF-8 read
//! as Windows-1252; paragraphs as `<p>` with entities and CRLF; curly marks lost to `"?` and
//! apostrophes to `"`; all three), and how many come back as the clean text does (the same
//! blocks, byte for byte).

#[path = "common/cpu.rs"]
mod cpu;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use corpusdb::read::{self, Item};
use corpusdb::text::blocks::split_blocks;
use corpusdb::text::normalize::{normalize, Counts};

const CORPORA: &str = "../shared/corpora";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples_path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/normalize_samples.txt".to_string());
    let per_repair: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(8);
    let root = Path::new(CORPORA);
    let mut samples = String::new();
    for (name, texts) in [
        ("bbc", read_all(&[root.join("bbc")])),
        ("allsides", read_all(&[root.join("allsides-37k.jsonl.gz")])),
        (
            "polnear",
            read_all(&[
                root.join("polnear/train/text"),
                root.join("polnear/dev/text"),
            ]),
        ),
        (
            "lee",
            lines(&[
                root.join("lee/lee_background.cor"),
                root.join("lee/lee.cor"),
            ]),
        ),
        (
            "hyperpartisan",
            hyperpartisan(&root.join("hyperpartisan/articles-training-byarticle-20181122.xml")),
        ),
    ] {
        let mut total = Counts::default();
        let (mut articles, mut repaired, mut bytes) = (0, 0, 0);
        let mut shown: BTreeMap<&'static str, usize> = BTreeMap::new();
        let before = cpu::cpu_seconds().unwrap_or(0.0);
        let mut outputs = Vec::with_capacity(texts.len());
        for text in &texts {
            let mut counts = Counts::default();
            let out = normalize(text, &mut counts);
            articles += 1;
            bytes += text.len();
            if !counts.is_empty() {
                repaired += 1;
            }
            for (k, v) in counts.iter() {
                total.add(k, v);
            }
            outputs.push((
                counts,
                matches!(out, std::borrow::Cow::Owned(_)).then(|| out.into_owned()),
            ));
        }
        let seconds = cpu::cpu_seconds().unwrap_or(0.0) - before;
        println!(
            "{name}: {articles} texts ({:.1} MB), {repaired} repaired, {seconds:.3} CPU-s",
            bytes as f64 / 1e6
        );
        for (k, v) in total.iter() {
            println!("  {k:<16} {v}");
        }
        for (text, (counts, out)) in texts.iter().zip(outputs) {
            let Some(out) = out else { continue };
            let Some((kind, _)) = counts
                .iter()
                .find(|(k, _)| shown.get(k).copied().unwrap_or(0) < per_repair)
            else {
                continue;
            };
            *shown.entry(kind).or_default() += 1;
            let _ = writeln!(
                samples,
                "== {name} [{}]",
                counts
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for (a, b) in differences(text, &out).into_iter().take(4) {
                let _ = writeln!(samples, "  - {a:?}\n  + {b:?}");
            }
        }
    }
    round_trips(root);
    std::fs::write(&samples_path, samples)?;
    println!("samples in {samples_path}");
    Ok(())
}

/// The articles' text (title and body, as a load normalizes them) of files read as a load
/// reads them.
fn read_all(paths: &[PathBuf]) -> Vec<String> {
    let mut texts = Vec::new();
    let mut emit = |item: Item| {
        if let Ok(raw) = item {
            texts.extend(raw.title);
            texts.push(raw.text);
        }
    };
    for (path, name) in read::expand(paths, &mut |_| {}) {
        read::read_file(
            &path,
            &name,
            &read::Options::default(),
            &Arc::new(AtomicU64::new(0)),
            &mut emit,
        );
    }
    texts
}

/// One article a line (Latin-1 bytes read as Latin-1).
fn lines(paths: &[PathBuf]) -> Vec<String> {
    let mut texts = Vec::new();
    for path in paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let (text, _) = read::decode(&bytes);
        texts.extend(text.lines().map(str::to_string));
    }
    texts
}

/// Each `<article>`'s title attribute and inner XML.
fn hyperpartisan(path: &Path) -> Vec<String> {
    let Ok(xml) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut texts = Vec::new();
    let mut rest = xml.as_str();
    while let Some(open) = rest.find("<article ") {
        let Some(head_end) = rest[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let head = &rest[open..head_end];
        if let Some(t) = head
            .split("title=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
        {
            texts.push(t.to_string());
        }
        let Some(close) = rest[head_end..].find("</article>").map(|i| head_end + i) else {
            break;
        };
        texts.push(rest[head_end..close].to_string());
        rest = &rest[close..];
    }
    texts
}

/// The stretches where `a` and `b` differ, with a little context: a common prefix and
/// suffix stripped, then shown whole if short, else cut into the first differing window.
fn differences(a: &str, b: &str) -> Vec<(String, String)> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() && out.len() < 4 {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        // Resynchronise: the shortest skip on either side after which 6 characters agree.
        let mut found = None;
        'search: for skip in 1..80 {
            for (di, dj) in (0..=skip).map(|d| (d, skip - d)) {
                if i + di + 6 <= a.len()
                    && j + dj + 6 <= b.len()
                    && a[i + di..i + di + 6] == b[j + dj..j + dj + 6]
                {
                    found = Some((di, dj));
                    break 'search;
                }
            }
        }
        let (di, dj) = found.unwrap_or((a.len() - i, b.len() - j));
        let from_a = i.saturating_sub(25);
        let from_b = j.saturating_sub(25);
        out.push((
            a[from_a..(i + di + 25).min(a.len())].iter().collect(),
            b[from_b..(j + dj + 25).min(b.len())].iter().collect(),
        ));
        i += di;
        j += dj;
    }
    out
}

/// How many missed texts each shape shows.
const MISSES_SHOWN: usize = 3;

/// Damages clean texts in each shape and counts those that normalize back to what the clean
/// text normalizes to, block for block.
fn round_trips(root: &Path) {
    let mut texts = read_all(&[root.join("bbc")]);
    texts.extend(read_all(&[
        root.join("polnear/train/text"),
        root.join("polnear/dev/text"),
    ]));
    type Shape = fn(&str) -> String;
    let shapes: [(&str, Shape); 4] = [
        ("windows-1252", windows_1252),
        ("html+crlf", html),
        ("lost marks", lost_marks),
        ("all three", |t| html(&windows_1252(&lost_marks(t)))),
    ];
    println!("round trips over {} bbc and polnear texts:", texts.len());
    for (name, damage) in shapes {
        let (mut damaged, mut restored) = (0, 0);
        let mut misses = Vec::new();
        for text in &texts {
            let broken = damage(text);
            if broken == *text {
                continue;
            }
            damaged += 1;
            let blocks = |t: &str| split_blocks(&normalize(t, &mut Counts::default()));
            let (want, got) = (blocks(text), blocks(&broken));
            if want == got {
                restored += 1;
            } else if misses.len() < MISSES_SHOWN {
                misses.extend(
                    want.iter()
                        .zip(&got)
                        .find(|(w, g)| w != g)
                        .and_then(|(w, g)| differences(w, g).into_iter().next()),
                );
            }
        }
        println!("  {name:<13} {restored} of {damaged} damaged texts restored exactly");
        for (a, b) in misses {
            println!("    missed: {a:?}\n         → {b:?}");
        }
    }
}

/// UTF-8 read as Windows-1252 (WHATWG: the five unassigned bytes as C1 controls).
fn windows_1252(text: &str) -> String {
    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes());
    s.into_owned()
}

/// Each paragraph in `<p>`, `&`, `<` and `"` as entities, CRLF line ends.
fn html(text: &str) -> String {
    text.split("\n\n")
        .map(|p| {
            let p = p
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('"', "&quot;");
            format!("<p>{p}</p>")
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// Curly double marks lost to `"?`, an apostrophe between letters to `"`.
fn lost_marks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let letter = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphabetic())
        };
        match c {
            '\u{201c}' | '\u{201d}' => out.push_str("\"?"),
            '\u{2019}' if letter(i.checked_sub(1)) && letter(Some(i + 1)) => out.push('"'),
            c => out.push(c),
        }
    }
    out
}
