//! Long blocks cut into paragraphs: a body that arrives as one block (an export that lost its
//! line breaks), or a block far longer than the article's usual paragraph, is cut into
//! paragraph-sized blocks so that clean text, quotes and stories see normal blocks.
//!
//! Where it cuts, most certain first: where a paragraph break was lost with no space left
//! behind ("… the White House.While Obama …"); around the chrome that flattened pages leave
//! in the text (a label such as "READ MORE:", "Source: … and news agencies", a run of
//! share-button words, a gallery's "Hide Caption 3 of 17", a dateline, an agency's credit
//! at the end: [`chrome`]), between the rows of a flattened table or list and around a photo
//! site's credits glued to a list's items ([`rows`], in blocks of any length); then at
//! sentence boundaries, once a piece has a paragraph's length, and not inside a quotation,
//! nor between a quotation and its attribution or the quotation that goes on after its cue,
//! when that can be avoided ([`quotes`]). Each piece says how it was cut.
//! Pure: text in, pieces out; the pieces are the block's text, in order, trimmed.

use std::ops::Range;

use super::rows;
use chrome::{chrome_edges, glued_breaks, LABEL};
use quotes::{dash_attribution_ends, quotations, straight_mark_opens, tied_to_quotation};

mod chrome;
mod quotes;

/// A block shorter than this is never cut.
const MIN_LONG_CHARS: usize = 1000;
/// A block is long when it is at least this many times the article's usual paragraph (the
/// median of its other blocks of text)...
const LONG_TIMES_USUAL: usize = 4;
/// ...counting only when the article has this many other blocks; with fewer, the body came
/// as one block and any block of [`MIN_LONG_CHARS`] is long.
const MIN_OTHER_BLOCKS: usize = 3;
/// A block at least this long is cut however long the article's other paragraphs are.
const ALWAYS_LONG_CHARS: usize = 4000;
/// A piece ends at the first sentence boundary after it has this many characters...
const TARGET_CHARS: usize = 400;
/// ...one not inside a quotation, unless the piece has grown to this many.
const MAX_CHARS: usize = 1500;
/// A last piece shorter than this stays with the one before it.
const MIN_LAST_CHARS: usize = 150;
/// A quotation longer than this (or one that never closes) does not hold cuts back.
const MAX_QUOTE_CHARS: usize = 2000;

/// A piece of a block: its text and, when the block was cut, how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub reason: Option<String>,
}

/// The prefix of every cut piece's reason (see [`is_cut_reason`]).
const REASON_PREFIX: &str = "part ";

/// Whether a block's reason says it was cut out of a long block.
pub fn is_cut_reason(reason: &str) -> bool {
    reason.starts_with(REASON_PREFIX) && reason.contains(" of a block of ")
}

/// Cuts the long blocks among an article's blocks (see the module's header); the other
/// blocks come back as they are, with no reason.
///
/// ```
/// use corpusdb::text::blocks::cut::cut_long_blocks;
/// let story = "The council met on Monday to vote on the bridge. ".repeat(30);
/// let flat = format!("{story}READ MORE: Mayor backs the new bridge {story}");
/// let pieces = cut_long_blocks(vec!["A title".to_string(), flat]);
/// assert!(pieces.len() > 4);
/// assert_eq!(pieces[0].text, "A title");
/// assert!(pieces.iter().any(|p| p.text.starts_with("READ MORE: Mayor backs the new bridge")));
/// assert!(pieces[1..].iter().all(|p| p.text.chars().count() < 700));
/// ```
pub fn cut_long_blocks(texts: Vec<String>) -> Vec<Piece> {
    let lengths: Vec<usize> = texts.iter().map(|t| t.chars().count()).collect();
    let mut out = Vec::with_capacity(texts.len());
    for (i, text) in texts.into_iter().enumerate() {
        let chars = lengths[i];
        let mut others: Vec<usize> = lengths
            .iter()
            .enumerate()
            .filter(|&(j, &n)| j != i && n >= 40)
            .map(|(_, &n)| n)
            .collect();
        others.sort_unstable();
        let long = chars >= ALWAYS_LONG_CHARS
            || (chars >= MIN_LONG_CHARS
                && (others.len() < MIN_OTHER_BLOCKS
                    || chars >= LONG_TIMES_USUAL * others[others.len() / 2]));
        let pieces = if long { cut(&text) } else { cut_rows(&text) };
        if pieces.len() < 2 {
            out.push(Piece { text, reason: None });
            continue;
        }
        let total = pieces.len();
        for (n, (range, how)) in pieces.into_iter().enumerate() {
            let reason = format!(
                "{REASON_PREFIX}{} of {total} of a block of {chars} characters with no paragraph breaks, {}",
                n + 1,
                how.describe(n == 0)
            );
            out.push(Piece {
                text: text[range].trim().to_string(),
                reason: Some(reason),
            });
        }
    }
    out
}

/// Why a piece starts where it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// A paragraph break lost with no space after the sentence's end.
    Glued,
    /// Chrome starts or ends here (its name).
    Chrome(&'static str),
    /// A sentence boundary.
    Sentence,
    /// The start of a row of a flattened table or list, or of the story after a dateline
    /// that carries its date ([`rows`]).
    Row,
}

impl Cut {
    fn describe(self, first: bool) -> String {
        if first {
            return "its first paragraph".to_string();
        }
        match self {
            Cut::Glued => {
                "cut where a paragraph break was lost ('.' glued to the next sentence)".to_string()
            }
            Cut::Chrome(what) => format!("cut at {what}"),
            Cut::Sentence => "cut at a sentence boundary".to_string(),
            Cut::Row => "cut where a line of a flattened table, list or dateline ends".to_string(),
        }
    }
}

/// The pieces of one long block: byte ranges of `text` (untrimmed, covering it) and why each
/// starts where it does.
fn cut(text: &str) -> Vec<(Range<usize>, Cut)> {
    // Hard cuts first: lost paragraph breaks and chrome.
    let mut hard: Vec<(usize, Cut)> = glued_breaks(text)
        .into_iter()
        .map(|at| (at, Cut::Glued))
        .chain(chrome_edges(text))
        .chain(row_cuts(text).into_iter().map(|at| (at, Cut::Row)))
        .filter(|&(at, _)| at > 0 && at < text.len())
        .collect();
    hard.sort_by_key(|&(at, _)| at);
    hard.dedup_by_key(|&mut (at, _)| at);
    let quotes = quotations(text);
    let in_quote = |at: usize| quotes.iter().any(|q| q.start < at && at < q.end);
    let mut pieces: Vec<(Range<usize>, Cut)> = Vec::new();
    let mut starts = vec![(0, Cut::Sentence)];
    starts.extend(hard);
    for (k, &(start, how)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |&(at, _)| at);
        let segment = &text[start..end];
        if segment.trim().is_empty() {
            continue;
        }
        // Then sentence boundaries inside each segment, and the ends of attributions by a
        // dash ("“…” ― Ann Kerr “…”"), which no sentence end marks.
        let mut bounds = sentence_starts(segment);
        bounds.extend(dash_attribution_ends(segment));
        bounds.sort_unstable();
        bounds.dedup();
        let mut from = start;
        let mut why = how;
        // A label's link ends with its first sentence.
        let mut label = how == Cut::Chrome(LABEL);
        for (i, &b) in bounds.iter().enumerate() {
            let at = start + b;
            let size = text[from..at].chars().count();
            let rest = text[at..end].trim().chars().count();
            let before = &segment[i.checked_sub(1).map_or(0, |j| bounds[j])..b];
            let after = &segment[b..bounds.get(i + 1).copied().unwrap_or(segment.len())];
            let ready = std::mem::take(&mut label)
                || size >= MAX_CHARS
                || (size >= TARGET_CHARS && !in_quote(at) && !tied_to_quotation(before, after));
            if ready && rest >= MIN_LAST_CHARS {
                pieces.push((from..at, why));
                from = at;
                why = Cut::Sentence;
            }
        }
        pieces.push((from..end, why));
    }
    pieces
}

/// The pieces of a block of a usual length: cut only where the lines of a flattened table,
/// list or dateline ran together ([`row_cuts`]).
fn cut_rows(text: &str) -> Vec<(Range<usize>, Cut)> {
    let cuts = row_cuts(text);
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = (0, Cut::Sentence);
    for at in cuts {
        pieces.push((from.0..at, from.1));
        from = (at, Cut::Row);
    }
    pieces.push((from.0..text.len(), from.1));
    pieces
}

/// Where the lines of flattened tables and lists start, the story after a dateline that
/// carries its date, and a photo site's credits glued to a list's items start and end
/// ([`rows`]): byte offsets, in order.
fn row_cuts(text: &str) -> Vec<usize> {
    let mut cuts = rows::row_starts(text);
    cuts.extend(rows::fixture_starts(text));
    cuts.extend(rows::credit_edges(text));
    cuts.extend(
        rows::dated_dateline(text)
            .into_iter()
            .flat_map(|(s, e)| [s, e]),
    );
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&at| at > 0 && at < text.len());
    cuts
}

/// Where sentences start in `text` (byte offsets, the first excluded).
fn sentence_starts(text: &str) -> Vec<usize> {
    let spans = crate::text::sentences::split(text);
    let mut starts = Vec::with_capacity(spans.len());
    let mut chars = text.char_indices().map(|(b, _)| b).enumerate();
    let mut next = chars.next();
    for span in spans.iter().skip(1) {
        while let Some((c, b)) = next {
            if c == span.start {
                // An opening mark the sentence before took as its closing one ("… the city.
                // "They …") starts this sentence.
                let mark = b.checked_sub(1).filter(|&m| {
                    text.is_char_boundary(m)
                        && text[m..].starts_with('"')
                        && text[..m].ends_with(char::is_whitespace)
                        && straight_mark_opens(text, m)
                });
                starts.push(mark.unwrap_or(b));
                break;
            }
            next = chars.next();
        }
    }
    starts
}

#[cfg(test)]
mod tests;
