//! Gazetteer phrases as the tagger sees them: an index from the hash of a lower-cased token
//! sequence to the feature classes of the gazetteer names it spells, built once from
//! [`Gazetteer::names`] (the gazetteer is a lookup table and knows nothing of the tagger),
//! the phrases each sentence holds, and a mention grown to the known name it begins.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::hash::{hash_lower, mix, BuildIdentity};
use super::labels::{encode_name, label_type, name_end, Label, O};
use super::token::{flag, TokenInfo};
use crate::extract::ner::tokens::tokenize;
use crate::vocab::gazetteer::{gazetteer, Category, Entry, Gazetteer};

/// Cities this large are a feature class of their own; towns below `CITY` are no feature
/// at all (they serve linking only): a big city's name in a capitalised phrase is far more
/// often the place than a town's name is, and GeoNames towns are also called Kim, Clinton
/// and Jackson.
const BIG_CITY: u64 = 1_000_000;
const CITY: u64 = 100_000;
/// Names longer than this many tokens are not matched inside sentences.
const MAX_PHRASE_TOKENS: usize = 8;

/// The tagger's feature classes for gazetteer phrases (bits of a mask).
pub(crate) mod class {
    pub const COUNTRY: u16 = 1 << 0;
    pub const CITY: u16 = 1 << 1;
    pub const BIG_CITY: u16 = 1 << 2;
    pub const REGION: u16 = 1 << 3;
    pub const DEMONYM: u16 = 1 << 4;
    pub const ORG: u16 = 1 << 5;
    pub const MEDIA: u16 = 1 << 6;
    pub const TITLE: u16 = 1 << 7;
    pub const COUNT: usize = 8;
    /// Set on a key that starts a longer name (so matching goes on).
    pub const PREFIX: u16 = 1 << 15;
}

/// The start key of a phrase.
const PHRASE_SEED: u64 = 0x6761_7a65_7474_6565;

/// Extends the running key of a token sequence by one token's lower-case hash.
fn phrase_key(key: u64, token_lower: u64) -> u64 {
    mix(key, token_lower)
}

/// The key under which a one-word acronym is registered (see [`Phrases::add`]).
fn acronym_key(key: u64) -> u64 {
    key ^ 0x4143_524f_4e59_4d00
}

/// Two or more letters, all capitals ("UN", "U.N.", "G7").
fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !name.chars().any(char::is_lowercase)
}

/// The feature class of a gazetteer entry's names, or 0 for none (small towns).
fn entry_class(entry: &Entry) -> u16 {
    match entry.category {
        Category::Country => class::COUNTRY,
        Category::City if entry.population >= BIG_CITY => class::BIG_CITY,
        Category::City if entry.population >= CITY => class::CITY,
        Category::City => 0,
        Category::UsState | Category::Region => class::REGION,
        Category::Demonym => class::DEMONYM,
        Category::Agency | Category::Outlet => class::MEDIA,
        Category::International
        | Category::Government
        | Category::Party
        | Category::ArmedGroup
        | Category::Company => class::ORG,
        Category::Title => class::TITLE,
    }
}

/// Hash of a lower-cased token sequence → feature classes (and [`class::PREFIX`]).
pub(crate) struct Phrases(HashMap<u64, u16, BuildIdentity>);

/// The phrase index of the embedded gazetteer, built on first use.
pub(crate) static PHRASES: LazyLock<Phrases> = LazyLock::new(|| Phrases::of(gazetteer()));

impl Phrases {
    fn of(gazetteer: &Gazetteer) -> Phrases {
        let mut phrases = Phrases(HashMap::default());
        for (name, entry) in gazetteer.names() {
            let class = entry_class(entry);
            if class == 0 {
                continue;
            }
            phrases.add(name, class);
            // "Mr." and "Gen." as the tokenizer keeps them.
            if entry.category == Category::Title && !name.contains(' ') && !name.ends_with('.') {
                phrases.add(&format!("{name}."), class);
            }
        }
        phrases
    }

    /// Registers `name` as a phrase of `class`, with its prefixes. An acronym ("UN", "WHO")
    /// is registered apart: it matches only a word in capitals.
    fn add(&mut self, name: &str, class: u16) {
        let tokens = tokenize(name);
        if tokens.is_empty() || tokens.len() > MAX_PHRASE_TOKENS {
            return;
        }
        if tokens.len() == 1 && is_acronym(name) {
            *self
                .0
                .entry(acronym_key(phrase_key(PHRASE_SEED, hash_lower(name))))
                .or_default() |= class;
            return;
        }
        let mut key = PHRASE_SEED;
        for (n, r) in tokens.iter().enumerate() {
            key = phrase_key(key, hash_lower(&name[r.clone()]));
            let bits = if n + 1 == tokens.len() {
                class
            } else {
                class::PREFIX
            };
            *self.0.entry(key).or_default() |= bits;
        }
    }

    /// The feature classes of the phrase whose running key is `key` (see [`phrase_key`]).
    fn get(&self, key: u64) -> u16 {
        self.0.get(&key).copied().unwrap_or(0)
    }
}

/// Marks the gazetteer phrases of a sentence. A name starts at a capitalised word or a
/// number, so that "nice" and "reading" in running text are not places; a title may start
/// in lower case.
pub(super) fn mark_phrases(sent: &mut [TokenInfo], phrases: &Phrases) {
    for i in 0..sent.len() {
        // Titles are also written in lower case ("North Korean leader Kim").
        let wanted = if sent[i].flags & (flag::INIT_CAP | flag::HAS_DIGIT) != 0 {
            !0
        } else {
            class::TITLE
        };
        if sent[i].flags & flag::ALL_LOWER == 0 && wanted == class::TITLE {
            continue;
        }
        let mut key = PHRASE_SEED;
        for j in i..sent.len().min(i + MAX_PHRASE_TOKENS) {
            key = phrase_key(key, sent[j].lower);
            let mut bits = phrases.get(key);
            if j == i && sent[i].flags & flag::ALL_CAPS != 0 {
                bits |= phrases.get(acronym_key(key));
            }
            let classes = bits & !class::PREFIX & wanted;
            if classes != 0 {
                sent[i].longest = (j - i + 1) as u8;
                sent[i].longest_classes = classes;
                sent[i].gaz_b |= classes;
                for t in &mut sent[i + 1..=j] {
                    t.gaz_i |= classes;
                }
            }
            if bits & class::PREFIX == 0 {
                break;
            }
        }
    }
}

/// The label type (0..4) a gazetteer phrase of these classes names, if any.
fn class_type(classes: u16) -> Option<usize> {
    if classes & (class::COUNTRY | class::CITY | class::BIG_CITY | class::REGION) != 0 {
        Some(2)
    } else if classes & (class::ORG | class::MEDIA) != 0 {
        Some(1)
    } else if classes & class::DEMONYM != 0 {
        Some(3)
    } else {
        None
    }
}

/// Grows a mention to the gazetteer name it begins when the rest of that name was left
/// outside any entity: "Korean" + "peninsula" is the place "Korean Peninsula", "Washington"
/// + "Post" the outlet. The name's kind wins.
pub(crate) fn extend_to_gazetteer(
    info: &[TokenInfo],
    sentences: &[Range<usize>],
    labels: &mut [Label],
) {
    for s in sentences {
        let mut i = s.start;
        while i < s.end {
            if label_type(labels[i]).is_none() {
                i += 1;
                continue;
            }
            let end = name_end(labels, i, s.end);
            let phrase_end = i + info[i].longest as usize;
            let rest_outside = phrase_end > end
                && phrase_end <= s.end
                && labels[end..phrase_end].iter().all(|&l| l == O);
            match class_type(info[i].longest_classes) {
                Some(k) if rest_outside => {
                    encode_name(k, &mut labels[i..phrase_end]);
                    i = phrase_end;
                }
                _ => i = end,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_indexed_with_prefixes() {
        let g = &*PHRASES;
        let new = phrase_key(PHRASE_SEED, hash_lower("New"));
        let york = phrase_key(new, hash_lower("YORK"));
        assert_ne!(g.get(new) & class::PREFIX, 0);
        assert_ne!(g.get(york) & class::REGION, 0, "the state");
        assert_eq!(
            g.get(phrase_key(PHRASE_SEED, hash_lower("Pyongyang"))),
            class::BIG_CITY
        );
        // "UN" is an acronym: "Un" in "Kim Jong Un" is not the United Nations.
        let un = phrase_key(PHRASE_SEED, hash_lower("UN"));
        assert_eq!(g.get(un) & class::ORG, 0);
        assert_ne!(g.get(acronym_key(un)) & class::ORG, 0);
        let mr = phrase_key(PHRASE_SEED, hash_lower("Mr."));
        assert_ne!(g.get(mr) & class::TITLE, 0);
    }
}
