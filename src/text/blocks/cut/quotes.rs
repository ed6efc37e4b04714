//! Quotations in a long block, as the cutter sees them: where they open and close, and
//! whether two sentences belong together as a quotation and its attribution, so that no cut
//! parts them.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::MAX_QUOTE_CHARS;

/// The opening or closing quotation marks, curly and straight (`''` is two straight marks).
const MARKS: [char; 3] = ['“', '”', '"'];

/// Whether the sentence `after` belongs with the sentence `before` as a quotation's parts do,
/// so that a paragraph break between them is unlikely and a cut there would part a quotation
/// from its speaker:
/// - `after` goes on with the quotation of `before` in marks of its own and no cue (“…,” Kerr
///   said. “It is time.”): quotes gives it the speaker of the quotation in its paragraph
///   (after a sentence that ends with its quotation, a new quotation may start a paragraph);
/// - `after` is the attribution of the quotation that ends `before` (“… time.” ― Ann Kerr;
///   “… time?” asked Kerr.): a dash, or a short sentence with no marks of its own.
pub(super) fn tied_to_quotation(before: &str, after: &str) -> bool {
    let (before, after) = (before.trim_end(), after.trim_start());
    let quoted = |s: &str| s.contains(MARKS) || s.contains("''");
    if !quoted(before) {
        return false;
    }
    let closed = before
        .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '"' && c != '\'')
        .ends_with(['”', '"', '\''])
        || before.ends_with(['”', '"', '\'']);
    if after.starts_with(MARKS) || after.starts_with("''") {
        // After a quotation with its cue (“…,” said Kerr.), not after a quotation that
        // is over (“…” or its dash's attribution): a new one may well start a paragraph.
        return !closed && !ends_with_dash_attribution(before);
    }
    closed
        && (after.starts_with(['―', '—', '–'])
            || (after.chars().count() <= ATTRIBUTION_CHARS && !quoted(after)))
}

/// A sentence after a quotation this short, with no marks of its own, is taken for its
/// attribution ("asked Kerr.", "Kerr said.").
const ATTRIBUTION_CHARS: usize = 60;

/// The pattern of an attribution by a dash after a quotation's closing mark ("” ― Ann Kerr"),
/// up to the opening mark of the quotation after it.
fn dash_attribution() -> &'static Regex {
    static DASH: OnceLock<Regex> = OnceLock::new();
    DASH.get_or_init(|| {
        Regex::new(r#"[”"]\s*[―—–]\s*[^“”"―—–!?]{2,80}?\s+([“"]\S)"#).expect("a valid pattern")
    })
}

/// Where a quotation opens right after another's attribution by a dash ("“…” ― Ann Kerr “…”"):
/// byte offsets of the opening marks.
pub(super) fn dash_attribution_ends(text: &str) -> Vec<usize> {
    dash_attribution()
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.start()))
        .collect()
}

/// Whether `text` ends with an attribution by a dash ("… time.” ― Ann Kerr").
fn ends_with_dash_attribution(text: &str) -> bool {
    let Some(dash) = text.rfind(['―', '—', '–']) else {
        return false;
    };
    let name = &text[dash..];
    name.chars().count() <= 82
        && !name.contains(MARKS)
        && text[..dash].trim_end().ends_with(['”', '"'])
}

/// The quotations of `text` that close within [`MAX_QUOTE_CHARS`], as byte ranges: curly
/// marks pair by direction; a straight one opens when a space (or the start) is before it
/// and a word after it, and closes otherwise. An opening mark while a quotation is open is
/// the newspaper's mark for a quotation going on in a new paragraph (a break the export
/// lost): the quotation so far ends before it and a new one starts at it.
pub(super) fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let push = |found: &mut Vec<Range<usize>>, range: Range<usize>| {
        if text[range.clone()].chars().count() <= MAX_QUOTE_CHARS {
            found.push(range);
        }
    };
    for (at, c) in text.char_indices() {
        let opening = c == '"' && straight_mark_opens(text, at);
        match (c, open) {
            ('“', Some((start, '“'))) => {
                push(&mut found, start..at);
                open = Some((at, '“'));
            }
            ('“', _) => open = Some((at, '“')),
            ('"', Some((start, '"'))) if opening => {
                push(&mut found, start..at);
                open = Some((at, '"'));
            }
            ('"', None) if opening => open = Some((at, '"')),
            ('”', Some((start, '“'))) | ('"', Some((start, '"'))) => {
                push(&mut found, start..at + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    found
}

/// Whether the straight mark at byte `at` of `text` opens a quotation: a space, an opening
/// bracket or dash (or the start) before it, and not a space after it.
pub(super) fn straight_mark_opens(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'))
        && after.is_some_and(|a| !a.is_whitespace())
}
