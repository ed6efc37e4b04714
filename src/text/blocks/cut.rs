//! Long blocks cut into paragraphs: a body that arrives as one block (an export that lost its
//! line breaks), or a block far longer than the article's usual paragraph, is cut into
//! paragraph-sized blocks so that clean text, quotes and stories see normal blocks.
//!
//! Where it cuts, most certain first: where a paragraph break was lost with no space left
//! behind ("… the White House.While Obama …"); around the chrome that flattened pages leave
//! in the text (a label such as "READ MORE:", "Source: … and news agencies", a run of
//! share-button words, a gallery's "Hide Caption 3 of 17", a dateline, an agency's credit
//! at the end), between the rows of a flattened table or list ([`rows`], in blocks of any
//! length); then at sentence boundaries, once a piece has a paragraph's length, and not
//! inside a quotation, nor between a quotation and its attribution or the quotation that
//! goes on after its cue, when that can be avoided. Each piece says how it was cut.
//! Pure: text in, pieces out; the pieces are the block's text, in order, trimmed.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::rows;

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

/// The chrome a label ("READ MORE:") starts: its piece ends with its first sentence.
const LABEL: &str = "a label of a link to another story";

/// A gallery's caption counter ends the caption: the cut is after it only.
const GALLERY: &str = "the end of a gallery's caption";

/// A copyright notice: its pattern, like the dateline's and the credit's, begins with the
/// end of the sentence before it.
const COPYRIGHT: &str = "a copyright notice";

/// A contributor line: its pattern begins with the end of the sentence before it.
const CONTRIBUTOR: &str = "a contributor line";
/// A photo's credit in brackets ends a caption: the cut is after it only.
const PHOTO_CREDIT: &str = "the end of a photo's caption";

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

/// Where the lines of flattened tables and lists start, and the story after a dateline
/// that carries its date ([`rows`]): byte offsets, in order.
fn row_cuts(text: &str) -> Vec<usize> {
    let mut cuts = rows::row_starts(text);
    cuts.extend(rows::fixture_starts(text));
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
fn tied_to_quotation(before: &str, after: &str) -> bool {
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
fn dash_attribution_ends(text: &str) -> Vec<usize> {
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

/// Where paragraph breaks were lost with no space left: a sentence that ends after a word in
/// lower case, glued to the next one ("the White House.While Obama", "his own."Having",
/// "has been.""Everybody"). A straight quotation mark at the join belongs to the sentence
/// before when it closes a quotation (an odd count of marks before it), to the next when it
/// opens one.
fn glued_breaks(text: &str) -> Vec<usize> {
    static GLUED: OnceLock<Regex> = OnceLock::new();
    let glued = GLUED.get_or_init(|| {
        Regex::new(r#"\p{Ll}{2}[.!?](["”’]?)["“]?\p{Lu}"#).expect("a valid pattern")
    });
    let mut cuts = Vec::new();
    for m in glued.find_iter(text) {
        let s = m.as_str();
        // The byte after the sentence's full stop (letters are 1 byte each only in ASCII).
        let stop = m.start() + s.char_indices().nth(3).map_or(s.len(), |(b, _)| b);
        let after = &text[stop..];
        let cut = if let Some(rest) = after.strip_prefix('"') {
            let before = text[..stop].matches('"').count();
            if before % 2 == 1 || rest.starts_with(['"', '“']) {
                stop + 1
            } else {
                stop
            }
        } else if let Some(c) = after.chars().next().filter(|c| "”’".contains(*c)) {
            stop + c.len_utf8()
        } else {
            stop
        };
        cuts.push(cut);
    }
    cuts
}

/// The edges of chrome that flattened pages leave in a block: where each starts and, when
/// it is certain, where it ends.
fn chrome_edges(text: &str) -> Vec<(usize, Cut)> {
    static MARKS: OnceLock<Vec<(Regex, &'static str, bool)>> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        // (pattern, what, whether the match's end is the chrome's end)
        [
            // A label before a link to another story: "READ MORE: …", "Related: …".
            (
                r"(?-i)\b(READ MORE|Read [Mm]ore|READ ALSO|Read [Aa]lso|ALSO READ|Also [Rr]ead|RELATED|Related|SEE ALSO|See [Aa]lso|WATCH|MORE)\s*:\s",
                LABEL,
                false,
            ),
            // The sources of a wire story, at its end: "Source: Al Jazeera and news agencies".
            (
                r"(?-i)\bSource\s*:\s[^.!?]{0,80}?\b(news agencies|agencies)\b\W?",
                "the story's sources",
                true,
            ),
            // A run of share buttons: "Facebook Twitter Google+ Email", "Share Tweet Email".
            (
                r"(?-i)\b(?:(?:Share|SHARE|Tweet|TWEET|Facebook|FACEBOOK|Twitter|TWITTER|Google\+?|GOOGLE\+?|Email|EMAIL|E-mail|WhatsApp|WHATSAPP|LinkedIn|LINKEDIN|Pinterest|PINTEREST|Reddit|REDDIT|Print|PRINT|Newsvine|Permalink|Messenger|Flipboard|Comments?|Copy [Ll]ink)(?:[ \t]*[|·•/]?[ \t]*|$)){3,}",
                "a run of share buttons",
                true,
            ),
            // A gallery's caption counter, the caption's last words.
            (
                r"(?-i)\bHide Caption \d+ of \d+\b",
                GALLERY,
                true,
            ),
            // A dateline after the text before it: "… page. WASHINGTON (Reuters) - The …".
            (
                r"(?-i)[.!?”\x22)]\s+[A-Z]{3,}(?:[ ,.'-]+[A-Z][A-Za-z.'-]*){0,3}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})? ?(?:\([A-Za-z .]{2,20}\))? ?(?:-{1,2}|–|—) ",
                "a dateline",
                false,
            ),
            // A copyright notice after the text: "… at home. Copyright © 2015 by Jane Roe."
            (
                r"(?-i)[.!?”\x22]\s+(?:Copyright|COPYRIGHT|©)\s*(?:©\s*)?(?:\d{4}|by)\b",
                COPYRIGHT,
                false,
            ),
            // A contributor line after the story: "… in May. The Associated Press contributed
            // to this report."
            (
                r"(?-i)[.!?”\x22]\s+[^.!?]{0,120}?\bcontributed (?:reporting )?to this (?:report|story|article)\b",
                CONTRIBUTOR,
                false,
            ),
            // A photo's credit ends its caption: "… speaks. (AP Photo/Jane Roe) The story …".
            (
                r"(?-i)\((?:AP |AFP |Reuters |REUTERS |EPA )?(?:Photo|PHOTO|Photograph)\b[^()]{0,60}\)",
                PHOTO_CREDIT,
                true,
            ),
            // A photo's credit in slashes ends its caption: "… Donald Trump. / AFP PHOTO /
            // KCNA VIA KNS / STR / Syrian President …".
            (
                r"(?-i)/[ \t]*(?:AFP|AP|EPA|Reuters|REUTERS|Getty Images|GETTY IMAGES|dpa|DPA|Xinhua|XINHUA|ANP|AAP|Anadolu)[ \t]+(?:PHOTO|Photo|FILES|Files|POOL|Pool)\b(?:[ \t]*/[^/.!?]{1,40}?)*[ \t]*/",
                PHOTO_CREDIT,
                true,
            ),
            // An agency's credit closing the text: "… talks. (AFP/Reuters)".
            (
                r"(?-i)[.!?”\x22]\s*\((?:AFP|AP|Reuters|REUTERS|EPA|dpa|DPA|Xinhua|TASS|Tass|UPI|ANI|PTI|IANS|Yonhap|Kyodo|Bernama|AAP|Anadolu)(?:\s*/\s*[A-Z][\w.&' -]{1,30}){0,3}\)\s*$",
                "an agency's credit",
                false,
            ),
        ]
        .into_iter()
        .map(|(p, what, ends)| (Regex::new(p).expect("a valid pattern"), what, ends))
        .collect()
    });
    let mut edges = Vec::new();
    for (regex, what, ends) in marks {
        for m in regex.find_iter(text) {
            // The dateline's and the credit's patterns begin with the sentence's end before.
            let start = match *what {
                "a dateline" | "an agency's credit" | COPYRIGHT | CONTRIBUTOR => {
                    m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8)
                }
                _ => m.start(),
            };
            if *what != GALLERY && *what != PHOTO_CREDIT {
                edges.push((start, Cut::Chrome(what)));
            }
            if *ends {
                edges.push((m.end(), Cut::Chrome(what)));
            }
        }
    }
    edges
}

/// The quotations of `text` that close within [`MAX_QUOTE_CHARS`], as byte ranges: curly
/// marks pair by direction; a straight one opens when a space (or the start) is before it
/// and a word after it, and closes otherwise. An opening mark while a quotation is open is
/// the newspaper's mark for a quotation going on in a new paragraph (a break the export
/// lost): the quotation so far ends before it and a new one starts at it.
fn quotations(text: &str) -> Vec<Range<usize>> {
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
fn straight_mark_opens(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'))
        && after.is_some_and(|a| !a.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    const SENTENCE: &str =
        "The council met on Monday and talked about the new bridge for an hour. ";

    #[test]
    fn lost_paragraph_breaks_are_cut_first() {
        let one = SENTENCE.repeat(8);
        let flat = format!(
            "{}\"We will build it,\" she said.\"It is time.\"Others disagreed.{}",
            one.trim_end(),
            one.trim_end(),
        );
        let pieces = cut_long_blocks(vec![flat.clone()]);
        let got = texts(&pieces);
        let quote = got
            .iter()
            .position(|t| *t == "\"We will build it,\" she said.");
        let quote = quote.unwrap_or_else(|| panic!("{got:#?}"));
        assert_eq!(got[quote + 1], "\"It is time.\"");
        assert_eq!(got[quote + 2], "Others disagreed.");
        assert!(got[quote - 1].ends_with("for an hour."));
        // Nothing is lost: the pieces are the block's text, in order.
        assert_eq!(got.join(" ").replace(' ', ""), flat.replace(' ', ""));
        let reason = pieces[quote].reason.as_deref().unwrap_or_default();
        assert!(
            reason
                .ends_with("cut where a paragraph break was lost ('.' glued to the next sentence)"),
            "{reason}"
        );
        assert!(reason.contains(&format!(
            "of a block of {} characters",
            flat.chars().count()
        )));
        assert!(pieces
            .iter()
            .all(|p| p.reason.as_deref().is_some_and(is_cut_reason)));
    }

    #[test]
    fn chrome_in_a_flattened_page_gets_blocks_of_its_own() {
        let story = SENTENCE.repeat(16);
        let flat = format!(
            "Facebook Twitter Google+ Email BEIJING (Reuters) - {story}READ MORE: Mayor backs the bridge. {story}Source: Al Jazeera and news agencies"
        );
        let got = cut_long_blocks(vec![flat]);
        let got = texts(&got);
        assert_eq!(got[0], "Facebook Twitter Google+ Email");
        assert!(
            got[1].starts_with("BEIJING (Reuters) - The council"),
            "{got:#?}"
        );
        assert!(
            got.contains(&"READ MORE: Mayor backs the bridge."),
            "{got:#?}"
        );
        assert_eq!(got.last(), Some(&"Source: Al Jazeera and news agencies"));
        let gallery = "Photos: The bridge The mayor opens it. Crowds cheer. Hide Caption 1 of 2 Photos: The bridge Boats pass under it at night. Hide Caption 2 of 2 ".repeat(10);
        let got = cut_long_blocks(vec![gallery]);
        assert_eq!(got.len(), 20);
        assert!(got.iter().all(|p| p.text.ends_with(" of 2")), "{got:#?}");
        let notice = format!("{story}Copyright © 2015 by Jane Roe. Reprinted with permission.");
        let got = cut_long_blocks(vec![notice]);
        assert_eq!(
            got.last().map(|p| p.text.as_str()),
            Some("Copyright © 2015 by Jane Roe. Reprinted with permission.")
        );
        let contributed = format!("{story}The Example Wire contributed to this report.");
        let got = cut_long_blocks(vec![contributed]);
        assert_eq!(
            got.last().map(|p| p.text.as_str()),
            Some("The Example Wire contributed to this report.")
        );
        let slashed =
            format!("The mayor speaks on Monday. / AFP PHOTO / KCNA VIA KNS / STR / {story}");
        let got = cut_long_blocks(vec![slashed]);
        assert_eq!(
            got[0].text,
            "The mayor speaks on Monday. / AFP PHOTO / KCNA VIA KNS / STR /"
        );
        let caption = format!("The mayor speaks on Monday. (AP Photo/Jane Roe) {story}");
        let got = cut_long_blocks(vec![caption]);
        assert_eq!(
            got[0].text,
            "The mayor speaks on Monday. (AP Photo/Jane Roe)"
        );
        let credit = format!("{story}(AFP/Reuters)");
        let got = cut_long_blocks(vec![credit]);
        assert_eq!(got.last().map(|p| p.text.as_str()), Some("(AFP/Reuters)"));
    }

    #[test]
    fn a_quotation_of_several_sentences_stays_in_one_piece() {
        let quote = "\"We will build the bridge. It will take three years. It will cost a lot of money. We have the money. We will find the workers. We will open it in May.\"";
        let flat = format!(
            "{}{quote} the mayor said. {}",
            SENTENCE.repeat(6),
            SENTENCE.repeat(6)
        );
        let got = cut_long_blocks(vec![flat]);
        assert!(got.iter().any(|p| p.text.contains(quote)), "{got:#?}");
    }

    /// Issue #19: a quotation going on in a new paragraph whose break was lost ("… the city.
    /// "They …", the mark reopening it with none closing it) is not cut inside; a cut at the
    /// lost break puts the reopening mark with the sentence it opens.
    #[test]
    fn a_quotation_reopened_after_a_lost_break_is_not_cut_inside() {
        let quote = "\"The ferries have stopped. The bridge is closed to trucks. The trains are full every morning. \"We have asked the council for more buses. We have asked twice. Nobody has answered us,\" she said.";
        let flat = format!("{}{quote} {}", SENTENCE.repeat(8), SENTENCE.repeat(6));
        let got = cut_long_blocks(vec![flat]);
        assert!(
            got.iter()
                .all(|p| !p.text.ends_with(" \"") && !p.text.starts_with("We have asked")),
            "{got:#?}"
        );
        assert!(got.iter().any(|p| p.text.contains("\"We have asked the council for more buses. We have asked twice. Nobody has answered us,\" she said.")), "{got:#?}");
        // A curly mark (three bytes) before a sentence's start is no straight mark to move.
        let curly = format!(
            "{}“The bridge is closed,” she said. “It will open in May.” {}",
            SENTENCE.repeat(8),
            SENTENCE.repeat(6)
        );
        assert!(cut_long_blocks(vec![curly]).len() > 1);
        let quotes = quotations(quote);
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        assert!(quote[quotes[1].clone()].starts_with("\"We have asked"));
    }

    /// Issue #19: a cut never parts a quotation from its attribution ("― Ann Kerr" after it,
    /// "asked Kerr." after it) or from the quotation in marks that goes on after its cue
    /// (“…,” said Kerr. “It is time.”): quotes reads those as one paragraph's.
    #[test]
    fn issue_19_a_quotation_stays_with_its_attribution() {
        let said = "“The ferries have stopped and the bridge is closed to trucks,” said Ann Kerr, who runs the harbour committee. “We have asked the council for more buses.” ";
        let flat = format!("{}{}", SENTENCE.repeat(6), said.repeat(8));
        let got = cut_long_blocks(vec![flat]);
        assert!(got.len() > 2, "{got:#?}");
        assert!(
            got.iter().all(|p| !p.text.starts_with("“We have asked")),
            "{got:#?}"
        );
        let dashed = "“The ferries have stopped. The bridge is closed to trucks and the trains are full every single morning.” ― Ann Kerr ";
        let flat = format!("{}{}", SENTENCE.repeat(6), dashed.repeat(10));
        let got = cut_long_blocks(vec![flat]);
        assert!(got.len() > 2, "{got:#?}");
        assert!(got[1..].iter().all(|p| p.text.starts_with('“')), "{got:#?}");
        assert!(
            got[1..].iter().all(|p| p.text.ends_with("― Ann Kerr")),
            "{got:#?}"
        );
        assert!(tied_to_quotation("“Why?” ", "asked Kerr."));
        assert!(!tied_to_quotation(
            "“Why?” asked Kerr.",
            "The vote is on Monday."
        ));
        assert!(!tied_to_quotation(
            "The vote is on Monday.",
            "“Why?” asked Kerr."
        ));
        assert!(tied_to_quotation("“Why?” asked Kerr.", "“It is late.”"));
        assert!(!tied_to_quotation("Kerr asked: “Why?”", "“It is late.”"));
    }

    #[test]
    fn usual_paragraphs_and_a_long_one_among_long_ones_are_left_alone() {
        let paragraph = SENTENCE.repeat(3);
        let long = SENTENCE.repeat(16);
        let blocks = vec![
            paragraph.clone(),
            paragraph.clone(),
            paragraph.clone(),
            long.clone(),
        ];
        let got = cut_long_blocks(blocks);
        assert_eq!(got.len(), 6);
        assert!(got[..3].iter().all(|p| p.reason.is_none()));
        assert!(got[3..].iter().all(|p| p.text.len() >= MIN_LAST_CHARS));
        let blocks = vec![long.clone(), long.clone(), long.clone(), long];
        assert_eq!(cut_long_blocks(blocks).len(), 4);
        let short = vec!["Title".to_string(), SENTENCE.repeat(10)];
        assert_eq!(cut_long_blocks(short).len(), 2);
    }

    #[test]
    fn abbreviations_and_initials_are_not_lost_breaks() {
        for text in [
            "in the U.S.The",
            "at 9 a.m. The",
            "J.R.R.Tolkien",
            "example.com",
        ] {
            assert!(glued_breaks(text).is_empty(), "{text}");
        }
    }
}
