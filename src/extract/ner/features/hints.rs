//! The second pass's hints: what the first pass said about a token, the token after it,
//! and the same word elsewhere in the document.

use std::ops::Range;

use super::labels::{label_type, position, Label, B, L, NONE, O};
use super::token::{flag, Scratch, TokenInfo};

/// What the first pass said about a token and the same word elsewhere in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hint {
    pub(super) label: Label,
    pub(super) next: Label,
    /// First-pass entity types of the same word (lower case) at its other places.
    pub(super) types: [u16; 4],
    /// Times the same word, capitalised, was left outside any entity elsewhere.
    pub(super) outside: u16,
    /// First-pass types of the same word where it ended a longer name ("Washington" in
    /// "MaliVai Washington"): a surname standing alone is that person.
    pub(super) last_of_longer: [u16; 4],
    /// ... and where it began one ("Kim" in "Kim Jong Un").
    pub(super) first_of_longer: [u16; 4],
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
