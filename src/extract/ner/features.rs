//! What the tagger looks at: each token's word, shape, affixes, capitalisation in its
//! sentence and document, gazetteer phrases around it, the labels already given to the
//! words before it, and (second pass) what the first pass said about the same word
//! elsewhere in the document. Features are 64-bit hashes, never strings: computing them
//! allocates nothing per token.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::extract::gazetteer::{
    acronym_key, class, phrase_key, BuildIdentity, Gazetteer, MAX_PHRASE_TOKENS, PHRASE_SEED,
};

/// Labels: O, then for person, org, place (LOC) and misc, in that order, B- (first of
/// several tokens), I- (inside), L- (last) and U- (a name of one token). BILOU tells the
/// model more than BIO about where names end.
pub const N_LABELS: usize = 17;
pub type Label = u8;
pub const O: Label = 0;
/// Stands for "no label" (before the sentence, or no first-pass label).
const NONE: Label = N_LABELS as Label;

const B: u8 = 0;
const I: u8 = 1;
const L: u8 = 2;
const U: u8 = 3;

const fn label(k: usize, position: u8) -> Label {
    1 + 4 * k as Label + position
}

const fn position(label: Label) -> u8 {
    (label - 1) % 4
}

/// The entity type (0..4) of a label.
pub const fn label_type(label: Label) -> Option<usize> {
    if label != O && (label as usize) < N_LABELS {
        Some((label as usize - 1) / 4)
    } else {
        None
    }
}

/// [`label_type`] with `usize::MAX` for none, for use in `const` tables.
const fn type_index(label: Label) -> usize {
    match label_type(label) {
        Some(k) => k,
        None => usize::MAX,
    }
}

/// Whether `label` starts a name (B- or U-).
pub const fn is_begin(label: Label) -> bool {
    type_index(label) != usize::MAX && matches!(position(label), B | U)
}

/// Whether `label` leaves a name open for the next token (B- or I-).
pub const fn is_open(label: Label) -> bool {
    type_index(label) != usize::MAX && matches!(position(label), B | I)
}

/// Whether `label` may follow `prev`: an I- or L- only continues an open name of its type.
/// An open name may also stop without its L- (the reading of [`name_end`]): greedy
/// decoding that must close every B- with an L- runs names on through commas.
pub const fn allowed(prev: Label, label: Label) -> bool {
    label == O || is_begin(label) || is_open(prev) && type_index(label) == type_index(prev)
}

/// Labels for one name of type `k` over `span.len()` tokens.
pub fn encode_name(k: usize, labels: &mut [Label]) {
    let n = labels.len();
    for (j, l) in labels.iter_mut().enumerate() {
        *l = label(
            k,
            match (j, n) {
                (_, 1) => U,
                (0, _) => B,
                (j, n) if j + 1 == n => L,
                _ => I,
            },
        );
    }
}

/// The end (exclusive) of the name starting at `start`, reading leniently: it goes on
/// while tokens continue its type without starting a new name, and stops after an L-.
pub fn name_end(labels: &[Label], start: usize, limit: usize) -> usize {
    let k = label_type(labels[start]);
    let mut end = start + 1;
    if labels[start] != O && position(labels[start]) == U {
        return end;
    }
    while end < limit && label_type(labels[end]) == k && !is_begin(labels[end]) {
        end += 1;
        if position(labels[end - 1]) == L {
            break;
        }
    }
    end
}

#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Final avalanche before the bucket is taken from the top bits.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// A character in lower case, with typographic quotes and dashes as their ASCII forms.
#[inline]
fn lower_char(c: char) -> u64 {
    if c.is_ascii() {
        return c.to_ascii_lowercase() as u64;
    }
    match c {
        '’' | '‘' | '′' => '\'' as u64,
        '“' | '”' | '„' | '″' => '"' as u64,
        '–' | '—' | '‒' | '‐' | '‑' => '-' as u64,
        _ => c.to_lowercase().next().unwrap_or(c) as u64,
    }
}

/// Hash of a word in lower case.
pub(crate) fn hash_lower(word: &str) -> u64 {
    word.chars()
        .fold(0xcbf2_9ce4_8422_2325, |h, c| mix(h, lower_char(c)))
}

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
    exact: u64,
    /// The word as the features see it: in lower case, except an acronym in a sentence
    /// that is not all capitals ("US" is not "us"), which keeps its form.
    word: u64,
    form: u64,
    shape: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    pub flags: u16,
    /// Gazetteer classes of phrases that start at / continue through this token.
    gaz_b: u16,
    gaz_i: u16,
    len: u8,
    /// The longest gazetteer phrase starting here: its length in tokens and its classes.
    pub longest: u8,
    pub longest_classes: u16,
}

/// Lower-case particles that join a surname with a hyphen ("al-Assad", "bin-Salman"): such a
/// word is cased like the name after the hyphen.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ul", "bin", "ibn", "abu", "ben", "bint", "ad", "ash", "as", "at", "az", "an", "ar",
];

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

fn token_info(word: &str) -> TokenInfo {
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
    lower_seen: HashSet<u64, BuildIdentity>,
    cap_seen: HashSet<u64, BuildIdentity>,
    doc_counts: HashMap<u64, [u16; 13], BuildIdentity>,
}

/// Token information for a whole document: words, then sentence and document flags and
/// gazetteer phrases.
pub(crate) fn prepare(
    words: &[&str],
    sentences: &[Range<usize>],
    gazetteer: &Gazetteer,
    scratch: &mut Scratch,
    out: &mut Vec<TokenInfo>,
) {
    out.clear();
    out.extend(words.iter().map(|w| token_info(w)));
    scratch.lower_seen.clear();
    scratch.cap_seen.clear();
    for s in sentences {
        if is_title_case(&out[s.clone()]) {
            // Case tells nothing here, as in a headline in capitals: seen as one, it reads
            // as the model learnt such headlines.
            for i in s.clone() {
                out[i] = token_info(&words[i].to_uppercase());
            }
        }
        let sent = &mut out[s.clone()];
        let (mut caps, mut cased) = (0, 0);
        for t in sent.iter() {
            if t.flags & (flag::INIT_CAP | flag::ALL_LOWER) != 0 && t.len > 1 {
                cased += 1;
                if t.flags & flag::ALL_CAPS != 0 {
                    caps += 1;
                }
            }
        }
        let caps_sentence = cased >= 2 && caps * 10 >= cased * 8;
        let start = sent
            .iter()
            .position(|t| t.flags & flag::PUNCT == 0)
            .unwrap_or(0);
        if let Some(t) = sent.get_mut(start) {
            t.flags |= flag::SENT_START;
        }
        for t in sent.iter_mut() {
            let acronym = t.flags & flag::ALL_CAPS != 0 && t.len > 1 && !caps_sentence;
            t.word = if acronym { t.form } else { t.lower };
            if caps_sentence {
                t.flags |= flag::CAPS_SENT;
            } else if t.flags & flag::ALL_LOWER != 0 {
                scratch.lower_seen.insert(t.lower);
            } else if t.flags & flag::INIT_CAP != 0 && t.flags & flag::SENT_START == 0 {
                scratch.cap_seen.insert(t.lower);
            }
        }
        mark_phrases(sent, gazetteer);
    }
    for t in out.iter_mut() {
        if t.flags & flag::ALL_LOWER == 0 && scratch.lower_seen.contains(&t.lower) {
            t.flags |= flag::LOWER_SEEN;
        }
        if t.flags & flag::INIT_CAP != 0 && scratch.cap_seen.contains(&t.lower) {
            t.flags |= flag::CAP_SEEN;
        }
    }
}

/// A headline in title case ("He Is Working On An Ad Aimed At Latinos"): four or more
/// capitalised words, and no word in lower case but short function words ("to", "of").
fn is_title_case(sent: &[TokenInfo]) -> bool {
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

/// Marks the gazetteer phrases of a sentence. A name starts at a capitalised word or a
/// number, so that "nice" and "reading" in running text are not places; a title may start
/// in lower case.
fn mark_phrases(sent: &mut [TokenInfo], gazetteer: &Gazetteer) {
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
            let mut bits = gazetteer.phrase(key);
            if j == i && sent[i].flags & flag::ALL_CAPS != 0 {
                bits |= gazetteer.phrase(acronym_key(key));
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

/// What the first pass said about a token and the same word elsewhere in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hint {
    label: Label,
    next: Label,
    /// First-pass entity types of the same word (lower case) at its other places.
    types: [u16; 4],
    /// Times the same word, capitalised, was left outside any entity elsewhere.
    outside: u16,
    /// First-pass types of the same word where it ended a longer name ("Washington" in
    /// "MaliVai Washington"): a surname standing alone is that person.
    last_of_longer: [u16; 4],
    /// ... and where it began one ("Kim" in "Kim Jong Un").
    first_of_longer: [u16; 4],
}

/// Second-pass hints from first-pass labels.
pub(crate) fn hints(
    info: &[TokenInfo],
    sentences: &[Range<usize>],
    labels: &[Label],
    scratch: &mut Scratch,
    out: &mut Vec<Hint>,
) {
    let counts = &mut scratch.doc_counts;
    counts.clear();
    let slot = |t: &TokenInfo, label: Label| match label_type(label) {
        Some(k) => Some(k),
        None if t.flags & flag::INIT_CAP != 0 => Some(4),
        None => None,
    };
    // The type of a longer name that token `i` ends, if it ends one.
    let ends_longer = |i: usize, _end: usize| -> Option<usize> {
        let l = labels[i];
        (l != O && position(l) == L)
            .then(|| label_type(l))
            .flatten()
    };
    let begins_longer = |i: usize| -> Option<usize> {
        let l = labels[i];
        (l != O && position(l) == B)
            .then(|| label_type(l))
            .flatten()
    };
    for s in sentences {
        for i in s.clone() {
            let t = &info[i];
            let c = counts.entry(t.lower).or_default();
            if let Some(k) = slot(t, labels[i]) {
                c[k] += 1;
            }
            if let Some(k) = ends_longer(i, s.end) {
                c[5 + k] += 1;
            }
            if let Some(k) = begins_longer(i) {
                c[9 + k] += 1;
            }
        }
    }
    out.clear();
    for s in sentences {
        for i in s.clone() {
            let t = &info[i];
            let mut c = counts.get(&t.lower).copied().unwrap_or_default();
            if let Some(k) = slot(t, labels[i]) {
                c[k] -= 1;
            }
            if let Some(k) = ends_longer(i, s.end) {
                c[5 + k] -= 1;
            }
            if let Some(k) = begins_longer(i) {
                c[9 + k] -= 1;
            }
            let next = if i + 1 < s.end { labels[i + 1] } else { NONE };
            out.push(Hint {
                label: labels[i],
                next,
                types: [c[0], c[1], c[2], c[3]],
                outside: c[4],
                last_of_longer: [c[5], c[6], c[7], c[8]],
                first_of_longer: [c[9], c[10], c[11], c[12]],
            });
        }
    }
}

// Feature templates: each feature is the hash of its template number and its values.
const BIAS: u64 = 1;
const W: u64 = 2;
const FORM: u64 = 3;
const W_PREV: u64 = 4;
const W_NEXT: u64 = 5;
const W_PREV2: u64 = 6;
const W_NEXT2: u64 = 7;
const BIGRAM_PREV: u64 = 8;
const BIGRAM_NEXT: u64 = 9;
const SHAPE: u64 = 10;
const SHAPE_PREV: u64 = 11;
const SHAPE_NEXT: u64 = 12;
const SHAPE_PREV_CUR: u64 = 13;
const SHAPE_CUR_NEXT: u64 = 14;
const PREFIX: u64 = 15;
const SUFFIX: u64 = 19;
const FLAG: u64 = 24;
const LEN: u64 = 25;
const START_SHAPE: u64 = 26;
const CAPS_W: u64 = 27;
const T_PREV: u64 = 28;
const T_PREV2: u64 = 29;
const T_PREV_SHAPE: u64 = 31;
const GAZ_B: u64 = 32;
const GAZ_I: u64 = 33;
const GAZ_PREV: u64 = 34;
const GAZ_NEXT: u64 = 35;
const GAZ_CASE: u64 = 36;
const SEEN_CASE: u64 = 37;
const P1_LABEL: u64 = 40;
const P1_NEXT: u64 = 41;
const P1_LABEL_W: u64 = 42;
const DOC_TYPE: u64 = 43;
const DOC_MAJOR: u64 = 44;
const DOC_MAJOR_START: u64 = 45;
const DOC_OUTSIDE: u64 = 46;
const DOC_NONE: u64 = 47;
const DOC_LAST: u64 = 48;
const DOC_FIRST: u64 = 49;

const BEFORE: u64 = 0x5eed_0001;
const AFTER: u64 = 0x5eed_0002;

#[inline]
fn f1(template: u64, a: u64) -> u64 {
    mix(mix(0, template), a)
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(mix(mix(0, template), a), b)
}

/// The features of token `i` of sentence `s` that do not depend on the labels before it
/// (with, in the second pass, the first pass's hints). Hashes go to `out` (cleared first).
pub(crate) fn features(s: &[TokenInfo], i: usize, hint: Option<&Hint>, out: &mut Vec<u64>) {
    intrinsic_features(&s[i], out);
    push_context_features(s, i, hint, out);
}

/// What [`intrinsic_features`] depend on: the word exactly as written, and its flags.
pub(crate) fn intrinsic_key(t: &TokenInfo) -> u64 {
    mix(t.exact, t.flags as u64) | 1
}

/// The features that depend on nothing but the word and its flags (see [`intrinsic_key`]),
/// so their scores can be cached per word. Hashes go to `out` (cleared first).
pub(crate) fn intrinsic_features(t: &TokenInfo, out: &mut Vec<u64>) {
    out.clear();
    let caps = (t.flags & flag::CAPS_SENT) as u64;
    let shape0 = t.shape ^ caps;
    out.push(f1(BIAS, 0));
    out.push(f1(W, t.word));
    out.push(f1(FORM, t.form));
    out.push(f1(SHAPE, shape0));
    let n = (t.len as usize).min(t.prefix.len());
    for (k, &p) in t.prefix[..n].iter().enumerate() {
        out.push(f1(PREFIX + k as u64, p));
    }
    let n = (t.len as usize).min(t.suffix.len());
    for (k, &p) in t.suffix[..n].iter().enumerate() {
        out.push(f1(SUFFIX + k as u64, p));
    }
    let mut bits = t.flags;
    while bits != 0 {
        let b = bits.trailing_zeros() as u64;
        out.push(f2(FLAG, b, caps));
        bits &= bits - 1;
    }
    out.push(f1(LEN, (t.len as u64).min(12)));
    if t.flags & flag::SENT_START != 0 {
        out.push(f1(START_SHAPE, shape0));
    }
    if caps != 0 {
        out.push(f1(CAPS_W, t.lower));
    }
    // Whether the word's case elsewhere in the document tells more than its place here.
    let seen = t.flags & (flag::LOWER_SEEN | flag::CAP_SEEN | flag::SENT_START | flag::CAPS_SENT);
    if t.flags & flag::INIT_CAP != 0 {
        out.push(f1(SEEN_CASE, seen as u64));
    }
}

/// The features of token `i` that look beyond it: its neighbours, gazetteer phrases and
/// the first pass's hints. Hashes go to `out` (cleared first).
pub(crate) fn context_features(s: &[TokenInfo], i: usize, hint: Option<&Hint>, out: &mut Vec<u64>) {
    out.clear();
    push_context_features(s, i, hint, out);
}

fn push_context_features(s: &[TokenInfo], i: usize, hint: Option<&Hint>, out: &mut Vec<u64>) {
    let t = &s[i];
    let word = |j: isize| -> u64 {
        let k = i as isize + j;
        if k < 0 {
            BEFORE
        } else {
            s.get(k as usize).map_or(AFTER, |t| t.word)
        }
    };
    let shape = |j: isize| -> u64 {
        let k = i as isize + j;
        if k < 0 {
            BEFORE
        } else {
            s.get(k as usize)
                .map_or(AFTER, |t| t.shape ^ (t.flags & flag::CAPS_SENT) as u64)
        }
    };
    let shape0 = shape(0);
    out.push(f1(W_PREV, word(-1)));
    out.push(f1(W_NEXT, word(1)));
    out.push(f1(W_PREV2, word(-2)));
    out.push(f1(W_NEXT2, word(2)));
    out.push(f2(BIGRAM_PREV, word(-1), t.word));
    out.push(f2(BIGRAM_NEXT, t.word, word(1)));
    out.push(f1(SHAPE_PREV, shape(-1)));
    out.push(f1(SHAPE_NEXT, shape(1)));
    out.push(f2(SHAPE_PREV_CUR, shape(-1), shape0));
    out.push(f2(SHAPE_CUR_NEXT, shape0, shape(1)));
    gazetteer_features(s, i, out);
    if let Some(h) = hint {
        hint_features(t, h, out);
    }
}

/// How many features [`history_features`] gives.
pub(crate) const N_HISTORY: usize = 3;

/// The features of token `i` that depend on the two labels before it.
pub(crate) fn history_features(
    s: &[TokenInfo],
    i: usize,
    prev: Label,
    prev2: Label,
) -> [u64; N_HISTORY] {
    let t = &s[i];
    let shape0 = t.shape ^ (t.flags & flag::CAPS_SENT) as u64;
    [
        f1(T_PREV, prev as u64),
        f2(T_PREV2, prev2 as u64, prev as u64),
        f2(T_PREV_SHAPE, prev as u64, shape0),
    ]
}

fn gazetteer_features(s: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let t = &s[i];
    let each = |mask: u16, template: u64, out: &mut Vec<u64>| {
        for b in 0..class::COUNT as u64 {
            if mask & (1 << b) != 0 {
                out.push(f1(template, b));
            }
        }
    };
    each(t.gaz_b, GAZ_B, out);
    each(t.gaz_i, GAZ_I, out);
    if i > 0 {
        each(s[i - 1].gaz_b | s[i - 1].gaz_i, GAZ_PREV, out);
    }
    if let Some(n) = s.get(i + 1) {
        each(n.gaz_b, GAZ_NEXT, out);
    }
    if t.gaz_b | t.gaz_i != 0 {
        out.push(f2(
            GAZ_CASE,
            (t.gaz_b | t.gaz_i) as u64,
            (t.flags & (flag::INIT_CAP | flag::ALL_CAPS | flag::CAPS_SENT)) as u64,
        ));
    }
}

fn hint_features(t: &TokenInfo, h: &Hint, out: &mut Vec<u64>) {
    out.push(f1(P1_LABEL, h.label as u64));
    out.push(f1(P1_NEXT, h.next as u64));
    out.push(f2(P1_LABEL_W, h.label as u64, t.word));
    for k in 0..4 {
        if h.last_of_longer[k] > 0 {
            out.push(f2(DOC_LAST, k as u64, h.label as u64));
        }
        if h.first_of_longer[k] > 0 {
            out.push(f2(DOC_FIRST, k as u64, h.label as u64));
        }
    }
    let total: u16 = h.types.iter().sum();
    if total == 0 {
        out.push(f1(DOC_NONE, (h.outside > 0) as u64));
        return;
    }
    let mut major = 0;
    for k in 0..4 {
        if h.types[k] > 0 {
            out.push(f1(DOC_TYPE, k as u64));
        }
        if h.types[k] > h.types[major] {
            major = k;
        }
    }
    out.push(f1(DOC_MAJOR, major as u64));
    let start = (t.flags & (flag::SENT_START | flag::CAPS_SENT)) as u64;
    out.push(f2(DOC_MAJOR_START, major as u64, start));
    if h.outside > 0 {
        out.push(f2(DOC_OUTSIDE, major as u64, (h.outside >= total) as u64));
    }
}

#[cfg(test)]
mod tests {
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
        let g = crate::extract::gazetteer::gazetteer();
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

    #[test]
    fn labels() {
        let (b_per, i_per, l_per, u_per, b_org) = (
            label(0, B),
            label(0, I),
            label(0, L),
            label(0, U),
            label(1, B),
        );
        assert_eq!(
            (label_type(u_per), label_type(label(3, L))),
            (Some(0), Some(3))
        );
        assert!(
            allowed(b_per, i_per)
                && allowed(i_per, l_per)
                && allowed(l_per, b_org)
                && allowed(O, u_per)
        );
        assert!(
            !allowed(O, i_per)
                && !allowed(b_per, label(1, L))
                && !allowed(u_per, l_per)
                && allowed(b_per, O)
        );
        let mut three = [O; 3];
        encode_name(2, &mut three);
        assert_eq!(three, [label(2, B), label(2, I), label(2, L)]);
        assert_eq!(name_end(&three, 0, 3), 3);
        assert_eq!(name_end(&[u_per, u_per], 0, 2), 1);
    }
}
