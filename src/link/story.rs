//! What the grouping of articles into stories compares, computed from one article: its
//! salient terms (words of the title, dek and body, and the entities it names) and a MinHash
//! signature of its body's word shingles. Pure; `store::stories` groups the articles.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::model::{Article, Kind, StoryFeatures};

/// Terms kept per article: enough to describe an event, few enough to keep per article.
pub const TERMS: usize = 64;
/// Hashes in a MinHash signature.
pub const SIGNATURE: usize = 32;
/// Words per shingle: long enough that two unrelated texts rarely share one.
const SHINGLE_WORDS: usize = 5;
/// A title word says more about the event than a body word.
const TITLE_WEIGHT: u32 = 3;
/// A named entity, each time it is mentioned.
const ENTITY_WEIGHT: u32 = 2;
/// Bodies shorter than this get no signature: too little text to call one a copy of another.
pub const MIN_COPY_WORDS: usize = 25;

fn stopwords() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| super::word_set(include_str!("stopwords.txt")))
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
/// assert_eq!(count("assad"), Some(3));       // title words weigh three times
/// assert_eq!(count("pyongyang"), Some(1));
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
    for block in &article.blocks {
        let weight = match block.kind {
            Kind::Title => TITLE_WEIGHT,
            Kind::Dek | Kind::Body => 1,
            _ => continue,
        };
        for word in words(&block.text) {
            if is_term(&word) {
                add(word.clone(), weight);
            }
            if block.kind == Kind::Body {
                body_words.push(word);
            }
        }
    }
    for mention in &article.mentions {
        if article
            .blocks
            .get(mention.block)
            .is_some_and(|b| b.kind.is_content())
        {
            add(
                format!("@{}", mention.entity.key.replace(char::is_whitespace, "_")),
                ENTITY_WEIGHT,
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
