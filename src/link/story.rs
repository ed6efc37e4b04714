//! What the grouping of articles into stories compares, computed from one article: its
//! salient terms and a MinHash signature of its body's word shingles. The terms are what
//! carries across outlets' framing: the entities it names (`@kind:key`), the days it names
//! (`%2017-03-12`), its numbers (`#6.1`), its quotations (`"hash`) and its words, those of
//! the title and the lead weighing more than the rest of the body. Pure; `corpus::stories`
//! groups the articles.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::model::{Article, Kind, StoryFeatures};
use crate::vocab::{List, Reader};

/// Terms kept per article: enough to describe an event, few enough to keep per article.
pub const TERMS: usize = 100;
/// Hashes in a MinHash signature.
pub const SIGNATURE: usize = 32;
/// Words per shingle: long enough that two unrelated texts rarely share one.
const SHINGLE_WORDS: usize = 5;
/// A title word says more about the event than a lead word, a lead word more than the rest.
const TITLE_WEIGHT: u32 = 4;
const LEAD_WEIGHT: u32 = 2;
/// Body blocks that make the lead.
const LEAD_BLOCKS: usize = 2;
/// A named entity, each time it is mentioned (times its block's weight).
const ENTITY_WEIGHT: u32 = 2;
/// A day the text names, and a quotation of five words or more.
const DATE_WEIGHT: u32 = 3;
const QUOTE_WEIGHT: u32 = 4;
/// Bodies shorter than this get no signature: too little text to call one a copy of another.
pub const MIN_COPY_WORDS: usize = 25;

fn stopwords() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| super::word_set(List::Stopwords, Reader::Stories))
}

/// Lower-case words of letters and digits (apostrophes and hyphens split them).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// Whether a word can stand for an event: letters, three or more, and not a stop word.
fn is_term(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && !stopwords().contains(word)
}

/// The story features of an article whose blocks and mentions are found.
///
/// ```
/// use corpusdb::link::story::{features, TERMS};
/// use corpusdb::model::{Article, Block, Kind, Origin};
/// let block = |kind, text: &str| Block { kind, reason: None, language: None, text: text.into(), sentences: vec![], line_key: None };
/// let mut article = Article { origin: Origin { file: "x".into(), line: None, record: None }, external_id: None, title: None,
///     dek: None, byline: None, url: None, source: None, source_raw: None, source_domain: None, published_at: None,
///     published_raw: None, language: None, content_hash: String::new(), received_hash: None, words: 0, warnings: vec![], bytes: 0,
///     mentions: vec![], dates: vec![], quotes: vec![], story: Default::default(), repairs: Default::default(),
///     blocks: vec![block(Kind::Title, "Assad to visit North Korea"),
///                  block(Kind::Body, "Syria's president will visit Pyongyang, the news agency said.")] };
/// let f = features(&article);
/// let count = |t: &str| f.terms.iter().find(|(w, _)| w == t).map(|(_, n)| *n);
/// assert_eq!(count("assad"), Some(4));       // title words weigh four times
/// assert_eq!(count("pyongyang"), Some(2));   // the lead's twice
/// assert_eq!(count("the"), None);            // stop words and short words are not terms
/// assert!(f.signature.is_empty());          // too short to call it a copy of anything
/// ```
pub fn features(article: &Article) -> StoryFeatures {
    let mut counts: HashMap<String, (u32, usize)> = HashMap::new();
    let mut order = 0;
    let mut add = |term: String, weight: u32| {
        let entry = counts.entry(term).or_insert((0, order));
        entry.0 += weight;
        order += 1;
    };
    let mut body_words = Vec::new();
    let weights = block_weights(article);
    for (block, &weight) in article.blocks.iter().zip(&weights) {
        if weight == 0 {
            continue;
        }
        for word in words(&block.text) {
            if is_term(&word) {
                add(word.clone(), weight);
            }
            if block.kind == Kind::Body {
                body_words.push(word);
            }
        }
        for number in numbers(&block.text) {
            add(format!("#{number}"), weight);
        }
    }
    let weight_of = |block: usize| weights.get(block).copied().unwrap_or(0);
    for mention in &article.mentions {
        let weight = weight_of(mention.block);
        if weight > 0 {
            let key = mention.entity.key.replace(char::is_whitespace, "_");
            add(
                format!("@{}:{key}", mention.entity.kind),
                ENTITY_WEIGHT * weight,
            );
        }
    }
    for date in &article.dates {
        // The event's own days (a day named in the text), not years or months: a year is
        // shared by everything.
        if let (Some(value), "day") = (&date.value, date.granularity) {
            if weight_of(date.block) > 0 {
                add(format!("%{value}"), DATE_WEIGHT);
            }
        }
    }
    for quote in &article.quotes {
        // A quotation of some length, however each outlet cut or marked it.
        if weight_of(quote.block) > 0 && quote.echo_key.split_whitespace().count() >= 5 {
            add(
                format!("\"{:x}", fnv1a(quote.echo_key.bytes()) >> 16),
                QUOTE_WEIGHT,
            );
        }
    }
    let mut terms: Vec<(String, u32, usize)> =
        counts.into_iter().map(|(t, (n, at))| (t, n, at)).collect();
    // The most frequent first; among equals, the first seen (deterministic).
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    terms.truncate(TERMS);
    StoryFeatures {
        terms: terms.into_iter().map(|(t, n, _)| (t, n)).collect(),
        signature: if body_words.len() < MIN_COPY_WORDS {
            Vec::new()
        } else {
            signature(&body_words)
        },
    }
}

/// How much each block's words count: the title most, then the dek and the lead (the first
/// [`LEAD_BLOCKS`] body blocks), then the rest of the body; nothing for what was set aside.
fn block_weights(article: &Article) -> Vec<u32> {
    let mut body = 0;
    article
        .blocks
        .iter()
        .map(|block| match block.kind {
            Kind::Title => TITLE_WEIGHT,
            Kind::Dek => LEAD_WEIGHT,
            Kind::Body => {
                body += 1;
                if body <= LEAD_BLOCKS {
                    LEAD_WEIGHT
                } else {
                    1
                }
            }
            _ => 0,
        })
        .collect()
}

/// Numbers of two digits or more ("6.1", "2,000", "33"), digits only, separators kept:
/// a toll, a magnitude, a sum carry across outlets' framing.
fn numbers(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|n| n.trim_matches(|c| c == '.' || c == ','))
        .filter(|n| n.chars().filter(char::is_ascii_digit).count() >= 2)
        .map(|n| n.replace(',', ""))
}

/// The MinHash signature of the shingles of `words` (all of them when fewer than a shingle):
/// for each of [`SIGNATURE`] hash functions, the least hash of any shingle. The share of
/// positions where two signatures agree estimates the Jaccard similarity of the shingle sets.
pub fn signature(words: &[String]) -> Vec<u32> {
    let mut signature = vec![u32::MAX; SIGNATURE];
    let windows: Vec<&[String]> = if words.len() < SHINGLE_WORDS {
        vec![words]
    } else {
        words.windows(SHINGLE_WORDS).collect()
    };
    for window in windows.into_iter().filter(|w| !w.is_empty()) {
        let shingle = fnv1a(window.iter().flat_map(|w| w.bytes().chain([b' '])));
        for (i, slot) in signature.iter_mut().enumerate() {
            let h =
                (splitmix64(shingle ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
            *slot = (*slot).min(h);
        }
    }
    signature
}

/// The share of positions where two signatures agree: an estimate of the Jaccard similarity
/// of the two shingle sets (0 when either is empty or they differ in length).
///
/// ```
/// use corpusdb::link::story::{signature, resemblance};
/// let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
/// let a = signature(&words("the quick brown fox jumps over the lazy dog near the river bank today"));
/// let b = signature(&words("the quick brown fox jumps over the lazy dog near the river bank tonight"));
/// let c = signature(&words("markets fell sharply on monday as investors weighed new tariffs on steel"));
/// assert!(resemblance(&a, &b) > 0.6);
/// assert!(resemblance(&a, &c) < 0.2);
/// ```
pub fn resemblance(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// 64-bit FNV-1a: stable across runs and machines, as the stored signatures must be.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SplitMix64's finaliser: one good 64-bit mix, so one FNV hash yields many independent ones.
fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
