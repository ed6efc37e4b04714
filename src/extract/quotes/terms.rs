//! Quoted terms and titles: a short quoted phrase with no one saying it (a scare quote,
//! “Meet the Press”, a work's title after its kind), and partial quotations.

use super::*;

/// Whether the quotation at token `qi` is part of a sentence rather than a sentence (or
/// more) of its own: it starts in lower case, or follows words that are not a cue, a colon
/// or a comma.
pub(super) fn is_partial(p: &Paragraph, sentence: Range<usize>, qi: usize) -> bool {
    let q = p.quoted[p.tokens[qi].quote().unwrap_or(0)];
    let first = p.chars[q.start..q.end].iter().find(|c| c.is_alphanumeric());
    if first.is_some_and(|c| c.is_lowercase()) {
        return true;
    }
    if qi == sentence.start {
        return false;
    }
    let prev = &p.tokens[qi - 1];
    !(matches!(
        prev.kind,
        TokenKind::Punct(':' | ',' | '—' | '–' | '-' | '(')
    ) || prev.quote().is_some()
        || is_cue_word(p, qi - 1))
}

/// Why a quoted stretch is a term or a title, not a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TermReason {
    /// A number, a handle, a link, an attribute value: what embedded posts leave in the text.
    Code,
    /// A title-cased phrase: a show, a book, a slogan (“Meet the Press”).
    Title,
    /// A few words in lower case inside a sentence with no cue: a scare quote, or a phrase
    /// taken from someone (see [`attribute_paragraph`]).
    Phrase,
}

/// Whether the quotation at token `qi` is a term or title, and why: a code (a number, a
/// handle, a link), an attribute value (`tweet-date="…"`), a title (a title-cased phrase
/// after "on" or a possessive, or before "star" or "show": “Meet the Press”; after a kind
/// of work, with a comma or not, even when a cue is near: "her memoir, “Tough Roads”"), or a short
/// phrase inside a sentence that has no cue (a scare quote); and, cue or not, a title-cased
/// item of a list of them (see [`listed_title`]).
pub(super) fn term_reason(
    p: &Paragraph,
    qi: usize,
    partial: bool,
    cues: usize,
) -> Option<TermReason> {
    let q = p.quoted[p.tokens[qi].quote().unwrap_or(0)];
    let text = &p.chars[q.start..q.end];
    let words: Vec<&[char]> = text
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .collect();
    if is_code(text) || (q.open > 0 && p.chars[q.open - 1] == '=') {
        return Some(TermReason::Code);
    }
    let title_case = title_cased(&words);
    // “La La Land,” “Moonlight” and “Arrival”: titles listed, cue or not.
    if listed_title(p, qi) {
        return Some(TermReason::Title);
    }
    let before = qi.checked_sub(1).map(|i| &p.tokens[i]);
    let after = p.tokens.get(qi + 1);
    let titled = before.is_some_and(|t| t.is_possessive() || t.has(class::TITLE_BEFORE))
        || after.is_some_and(|t| t.has(class::TITLE_AFTER));
    // "her memoir, “Tough Roads,”": the kind of work, then (after a comma) its title.
    let work = |i: usize| p.tokens[i].has(class::WORK) && p.chars[p.tokens[i].start].is_lowercase();
    let after_work =
        qi > 0 && (work(qi - 1) || (qi > 1 && p.tokens[qi - 1].is_punct(',') && work(qi - 2)));
    if (partial || after_work) && title_case && (titled || after_work) && words.len() <= TITLE_WORDS
    {
        return Some(TermReason::Title);
    }
    // "according to “Hard Roads: A Mill Town's Long Decline” by …": a title with a subtitle
    // after a colon is a book's or a film's, however long, and so is not what someone said,
    // cue or not. Inside a sentence only: a sentence of its own opening "Kerr: …" is a
    // transcript's label and its words.
    let subtitled = words
        .iter()
        .take(words.len().saturating_sub(1))
        .any(|w| w.last() == Some(&':'));
    if (partial || after_work) && title_case && subtitled {
        return Some(TermReason::Title);
    }
    if cues > 0 {
        return None;
    }
    let limit = if partial { TERM_WORDS } else { 1 };
    if partial && title_case && words.len() <= TITLE_WORDS {
        Some(TermReason::Title)
    } else {
        (words.len() <= limit).then_some(TermReason::Phrase)
    }
}

/// The words of a quotation, all capitalised but short ones after the first ("of", "the").
fn title_cased(words: &[&[char]]) -> bool {
    words.iter().enumerate().all(|(i, w)| {
        let first = w
            .iter()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_numeric());
        first || (i > 0 && w.len() <= 4)
    })
}

/// Whether the quotation at token `qi` is an item of a list of titles: quotations of at
/// most [`LIST_TITLE_WORDS`] title-cased words each, with nothing between them but commas,
/// semicolons, brackets, years and "and", "or" or "&" — three of them or more ("nominated
/// for “Moonlight,” “Fences” and “Lion”"), or two joined by a conjunction after a kind of
/// work ("the books “Dark Harbour” and “Mill Town”"). Awards, films and books are listed
/// that way; what people say is not.
pub(super) fn listed_title(p: &Paragraph, qi: usize) -> bool {
    let titled = |i: usize| {
        let Some(n) = p.tokens[i].quote() else {
            return false;
        };
        let q = p.quoted[n];
        let text = &p.chars[q.start..q.end];
        let words: Vec<&[char]> = text
            .split(|c| c.is_whitespace())
            .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
            .collect();
        !words.is_empty() && words.len() <= LIST_TITLE_WORDS && title_cased(&words)
    };
    if !titled(qi) {
        return false;
    }
    let separator = |i: usize| {
        let t = &p.tokens[i];
        match t.kind {
            TokenKind::Punct(c) => matches!(c, ',' | ';' | '(' | ')'),
            TokenKind::Word => {
                let w = p.lower(i);
                matches!(w.as_str(), "and" | "or" | "&")
                    || (t.end - t.start == 4
                        && p.chars[t.start..t.end].iter().all(char::is_ascii_digit))
            }
            TokenKind::Quote(_) => false,
        }
    };
    let conjunction = |i: usize| matches!(p.lower(i).as_str(), "and" | "or" | "&");
    // Walk to the neighbouring items on each side.
    let mut items = 1;
    let mut joined = false;
    let mut first = qi;
    for step in [-1isize, 1] {
        let mut i = qi as isize;
        loop {
            let mut j = i + step;
            let mut conj = false;
            while j >= 0 && (j as usize) < p.tokens.len() && separator(j as usize) {
                conj |= conjunction(j as usize);
                j += step;
            }
            if j < 0 || j as usize >= p.tokens.len() || !titled(j as usize) {
                break;
            }
            items += 1;
            joined |= conj;
            i = j;
            first = first.min(j as usize);
        }
    }
    // Two need the kind of work named before them; names and nicknames come in pairs too
    // ("called her “Miss Piggy” and “Miss Housekeeping”").
    let work = || {
        (first.saturating_sub(3)..first).any(|i| {
            let t = &p.tokens[i];
            let lower = p.lower(i);
            let singular = lower.as_str().strip_suffix('s').unwrap_or(lower.as_str());
            let work = t.has(class::WORK)
                || LEXICON
                    .classes
                    .get(singular)
                    .is_some_and(|c| c & class::WORK != 0);
            work && p.chars[t.start].is_lowercase()
        })
    };
    items >= 3 || (items == 2 && joined && work())
}

/// One "word" with a digit, or starting with @ or #, or a link: "672138506081275904",
/// "@MissDBunker", "2015-12-02", "pic.twitter.com".
pub(super) fn is_code(text: &[char]) -> bool {
    let word: Vec<char> = text
        .iter()
        .copied()
        .filter(|c| !matches!(c, ',' | '.' | ';' | ':'))
        .collect();
    let one_word = !word.is_empty() && !word.iter().any(|c| c.is_whitespace());
    let code = word.iter().any(char::is_ascii_digit)
        || matches!(word.first(), Some('@' | '#'))
        || text.iter().collect::<String>().contains(".com");
    one_word && code
}
