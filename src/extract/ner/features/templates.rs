//! The feature templates: each feature is the hash of its template number and its values
//! (the word and its neighbours, shapes, affixes, flags, gazetteer phrases, the labels before
//! it, and the second pass's hints).

use super::hash::mix;
use super::hints::Hint;
use super::labels::Label;
use super::phrases::class;
use super::token::{flag, TokenInfo};

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
