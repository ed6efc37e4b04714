//! What is known about each token before any label is given: its hashes (word, form,
//! shape, affixes), its flags, and (set by [`super::prepare`]) its case in its sentence and
//! elsewhere in the document and the gazetteer phrases it starts or continues.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::hash::{lower_char, mix, BuildIdentity};
use crate::vocab::{words, List, Reader};

/// Token flags.
pub(crate) mod flag {
    pub const INIT_CAP: u16 = 1 << 0;
    pub const ALL_CAPS: u16 = 1 << 1;
    pub const ALL_LOWER: u16 = 1 << 2;
    pub const HAS_DIGIT: u16 = 1 << 3;
    pub const ALL_DIGIT: u16 = 1 << 4;
    pub const HAS_HYPHEN: u16 = 1 << 5;
    pub const HAS_PERIOD: u16 = 1 << 6;
    pub const PUNCT: u16 = 1 << 7;
    pub const MIXED_CAPS: u16 = 1 << 8;
    pub const APOSTROPHE: u16 = 1 << 9;
    /// The first word of its sentence (after any opening quotes or brackets).
    pub const SENT_START: u16 = 1 << 10;
    /// In a sentence written in capitals (a headline).
    pub const CAPS_SENT: u16 = 1 << 11;
    /// Its lower-case form is written in lower case elsewhere in the document.
    pub const LOWER_SEEN: u16 = 1 << 12;
    /// Written capitalised elsewhere in the document, where case tells (mid-sentence, not a headline).
    pub const CAP_SEEN: u16 = 1 << 13;
    /// Starts with a name particle: "al-Assad".
    pub const PARTICLE: u16 = 1 << 14;
}

/// What is known about one token before any label is given.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    pub lower: u64,
    /// The word exactly as written.
    pub(super) exact: u64,
    /// The word as the features see it: in lower case, except an acronym in a sentence
    /// that is not all capitals ("US" is not "us"), which keeps its form.
    pub(super) word: u64,
    pub(super) form: u64,
    pub(super) shape: u64,
    pub(super) prefix: [u64; 3],
    pub(super) suffix: [u64; 4],
    pub flags: u16,
    /// Gazetteer classes of phrases that start at / continue through this token.
    pub(super) gaz_b: u16,
    pub(super) gaz_i: u16,
    pub(super) len: u8,
    /// The longest gazetteer phrase starting here: its length in tokens and its classes.
    pub longest: u8,
    pub longest_classes: u16,
}

/// Lower-case particles that join a surname with a hyphen ("al-Assad", "bin-Salman"): such a
/// word is cased like the name after the hyphen. The vocabulary's particles for the tagger.
static NAME_PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(List::Particles, Reader::Tagger).collect());

/// Byte length of a name particle and its hyphen at the start of `word`, or 0.
fn particle_len(word: &str) -> usize {
    let Some((head, rest)) = word.split_once('-') else {
        return 0;
    };
    if NAME_PARTICLES.contains(&head) && rest.starts_with(char::is_uppercase) {
        head.len() + 1
    } else {
        0
    }
}

pub(super) fn token_info(word: &str) -> TokenInfo {
    let mut t = TokenInfo::default();
    let (mut upper, mut lower, mut digit, mut alpha, mut chars) = (0u32, 0u32, 0u32, 0u32, 0u32);
    let mut h_lower = 0xcbf2_9ce4_8422_2325u64;
    let mut h_form = h_lower;
    let mut h_shape = 0x8422_2325u64;
    let mut last_class = 0u64;
    let mut first_upper = false;
    for c in word.chars() {
        chars += 1;
        h_lower = mix(h_lower, lower_char(c));
        h_form = mix(h_form, c as u64);
        if (chars as usize) <= t.prefix.len() {
            t.prefix[chars as usize - 1] = h_lower;
        }
    }
    let particle = particle_len(word);
    if particle > 0 {
        t.flags |= flag::PARTICLE;
    }
    for (n, c) in word[particle..].chars().enumerate() {
        let class = if c.is_uppercase() {
            upper += 1;
            alpha += 1;
            if n == 0 {
                first_upper = true;
            }
            'X' as u64
        } else if c.is_lowercase() {
            lower += 1;
            alpha += 1;
            'x' as u64
        } else if c.is_numeric() {
            digit += 1;
            'd' as u64
        } else if c.is_alphabetic() {
            alpha += 1;
            'x' as u64
        } else {
            match c {
                '-' => t.flags |= flag::HAS_HYPHEN,
                '.' => t.flags |= flag::HAS_PERIOD,
                '\'' | '’' => t.flags |= flag::APOSTROPHE,
                _ => {}
            }
            c as u64
        };
        if class != last_class {
            h_shape = mix(h_shape, class);
            last_class = class;
        }
    }
    t.exact = h_form;
    // "U.S." and "US", "U.N." and "UN" are one form: news styles differ on the periods.
    if t.flags & flag::HAS_PERIOD != 0 && upper > 0 && lower == 0 {
        h_form = word
            .chars()
            .filter(|&c| c != '.')
            .fold(0xcbf2_9ce4_8422_2325, |h, c| mix(h, c as u64));
    }
    let mut h_suffix = 0x1234_5678u64;
    for (n, c) in word.chars().rev().take(t.suffix.len()).enumerate() {
        h_suffix = mix(h_suffix, lower_char(c));
        t.suffix[n] = h_suffix;
    }
    t.lower = h_lower;
    t.form = h_form;
    t.shape = h_shape;
    t.len = chars.min(255) as u8;
    if first_upper {
        t.flags |= flag::INIT_CAP;
    }
    if upper > 0 && lower == 0 {
        t.flags |= flag::ALL_CAPS;
    }
    if lower > 0 && upper == 0 {
        t.flags |= flag::ALL_LOWER;
    }
    if upper > 0 && lower > 0 && (!first_upper || upper > 1) {
        t.flags |= flag::MIXED_CAPS;
    }
    if digit > 0 {
        t.flags |= flag::HAS_DIGIT;
        if digit == chars {
            t.flags |= flag::ALL_DIGIT;
        }
    }
    if alpha == 0 && digit == 0 {
        t.flags |= flag::PUNCT;
    }
    t
}

/// Reusable buffers for [`prepare`], so a long run of documents allocates once.
#[derive(Default)]
pub(crate) struct Scratch {
    pub(super) lower_seen: HashSet<u64, BuildIdentity>,
    pub(super) cap_seen: HashSet<u64, BuildIdentity>,
    pub(super) doc_counts: HashMap<u64, [u16; 13], BuildIdentity>,
}

/// A headline in title case ("He Is Working On An Ad Aimed At Latinos"): four or more
/// capitalised words, and no word in lower case but short function words ("to", "of").
pub(super) fn is_title_case(sent: &[TokenInfo]) -> bool {
    let mut capitalised = 0;
    for t in sent {
        if t.flags & flag::ALL_LOWER != 0 && t.len > 3 {
            return false;
        }
        if t.flags & flag::INIT_CAP != 0 && t.flags & flag::ALL_CAPS == 0 {
            capitalised += 1;
        }
    }
    capitalised >= 4
}

#[cfg(test)]
mod tests {
    use super::super::prepare;
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let kim = token_info("Kim");
        let jong = token_info("Jong-Un");
        assert_ne!(kim.flags & flag::INIT_CAP, 0);
        assert_ne!(jong.flags & flag::HAS_HYPHEN, 0);
        assert_eq!(token_info("Pyongyang").shape, kim.shape);
        assert_ne!(token_info("KCNA").flags & flag::ALL_CAPS, 0);
        assert_ne!(token_info("1996").flags & flag::ALL_DIGIT, 0);
        assert_ne!(token_info("iPhone").flags & flag::MIXED_CAPS, 0);
        assert_ne!(token_info("(").flags & flag::PUNCT, 0);
        assert_eq!(token_info("KIM").lower, token_info("kim").lower);
        assert_eq!(token_info("U.S.").form, token_info("US").form);
        assert_ne!(token_info("US").form, token_info("us").form);
        assert_eq!(token_info("’s").lower, token_info("'s").lower);
        let assad = token_info("al-Assad");
        assert_eq!(
            (assad.shape, assad.flags & flag::INIT_CAP),
            (token_info("Assad").shape, flag::INIT_CAP)
        );
        assert_ne!(assad.flags & flag::PARTICLE, 0);
    }

    #[test]
    fn title_case_headlines_read_as_capitals() {
        let words = [
            "Dick", "Morris", "Says", "He", "Is", "Working", "On", "an", "Ad",
        ];
        let g = &*super::super::PHRASES;
        let mut info = Vec::new();
        prepare(
            &words,
            std::slice::from_ref(&(0..words.len())),
            g,
            &mut Scratch::default(),
            &mut info,
        );
        assert!(info.iter().all(|t| t.flags & flag::CAPS_SENT != 0));
        assert_eq!(info[5].shape, token_info("WORKING").shape);
        let sentence = ["Dick", "Morris", "says", "he", "Is", "Working"];
        prepare(
            &sentence,
            std::slice::from_ref(&(0..sentence.len())),
            g,
            &mut Scratch::default(),
            &mut info,
        );
        assert!(info.iter().all(|t| t.flags & flag::CAPS_SENT == 0));
    }
}
