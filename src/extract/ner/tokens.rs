//! Tokens and sentences for the tagger, cut the way CoNLL-2003 (Reuters) cuts them, so that
//! the model trained on it sees the same units in loaded news: punctuation apart, "'s" and
//! "n't" apart, hyphenated words ("Jong-Un", "al-Assad"), abbreviations ("U.S.", "Mr.") and
//! numbers ("1,000", "3.5") whole. Every token keeps its byte range in the text.

use std::ops::Range;
use std::sync::LazyLock;

use crate::vocab::{words, List, Reader};

/// Words whose final period belongs to them, without the period (case counts): the
/// vocabulary's abbreviations for the tagger.
static ABBREVIATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    words(List::Abbreviations, Reader::Tagger)
        .map(|a| a.strip_suffix('.').unwrap_or(a))
        .collect()
});

/// Characters that are always a token of their own.
fn is_separate(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '/'
            | '\\'
            | ';'
            | '!'
            | '?'
            | '…'
            | '–'
            | '—'
            | '‒'
            | '―'
            | '|'
            | '*'
            | '•'
            | '·'
            | '‘'
            | '<'
            | '>'
            | '='
            | '+'
            | '#'
            | '~'
            | '^'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens, as byte ranges.
///
/// ```
/// use corpusdb::extract::ner::tokens::tokenize;
/// let text = "North Korea’s leader Kim Jong-Un (KCNA) met U.S. envoys, 1,000 km away.";
/// let words: Vec<&str> = tokenize(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(words, ["North", "Korea", "’s", "leader", "Kim", "Jong-Un", "(", "KCNA", ")",
///                    "met", "U.S.", "envoys", ",", "1,000", "km", "away", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into a buffer the caller reuses (cleared first).
pub fn tokenize_into(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || is_invisible(c) || is_separate(c) {
            if let Some(s) = start.take() {
                split_chunk(text, s, i, out);
            }
            if is_separate(c) {
                out.push(i..i + c.len_utf8());
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(text, s, text.len(), out);
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
}

/// Cuts one run of non-space, non-separator characters: leading and trailing punctuation
/// off, then "'s" / "n't" clitics, with commas and colons split unless between digits.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Range<usize>>) {
    while start < end && splits_leading(&text[start..end]) {
        let len = first_char(&text[start..end]).len_utf8();
        out.push(start..start + len);
        start += len;
    }
    // Trailing punctuation is peeled from the end; its cut points are kept on the stack.
    let mut cuts = [0usize; 8];
    let mut n = 0;
    while start < end && n < cuts.len() {
        let word = &text[start..end];
        let c = last_char(word);
        let len = if word.len() > 3 && word.ends_with("...") {
            3
        } else if splits_trailing(word, c) {
            c.len_utf8()
        } else {
            break;
        };
        cuts[n] = end;
        n += 1;
        end -= len;
    }
    if start < end {
        split_inner(text, start, end, out);
    }
    let mut from = end;
    for &to in cuts[..n].iter().rev() {
        out.push(from..to);
        from = to;
    }
}

/// An opening quote, or a comma, colon, period or hyphen stuck to the front of a word
/// (but not "-5", ".5", "'90s" or "...").
fn splits_leading(word: &str) -> bool {
    let c = first_char(word);
    let rest = &word[c.len_utf8()..];
    if rest.is_empty() {
        return false;
    }
    let digit_follows = rest.starts_with(|d: char| d.is_ascii_digit());
    match c {
        '\'' | '’' => !starts_with_elision(word),
        ',' | ':' => true,
        '.' => !digit_follows && !word.starts_with("..."),
        '-' => !digit_follows,
        _ => false,
    }
}

/// A closing quote, or a comma, colon, hyphen or sentence period at the end of a word.
fn splits_trailing(word: &str, c: char) -> bool {
    if word.len() <= c.len_utf8() {
        return false;
    }
    match c {
        '\'' | '’' => true,
        ',' | ':' | '-' => true,
        '.' => !period_belongs(&word[..word.len() - 1]),
        _ => false,
    }
}

/// Inside a word: "'s", "'re", "n't" clitics and commas or colons not between digits.
fn split_inner(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let word = &text[start..end];
    let mut piece = start;
    let mut prev: Option<char> = None;
    let mut iter = word.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let at = start + i;
        if matches!(c, ',' | ':')
            && !(prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
        {
            if piece < at {
                out.push(piece..at);
            }
            out.push(at..at + 1);
            piece = at + 1;
        } else if is_apostrophe(c) && at > piece && is_clitic(&text[at..end]) {
            let cut = if text[piece..at].ends_with('n')
                && text[at..end].len() == c.len_utf8() + 1
                && text[at..end].ends_with('t')
            {
                at - 1
            } else {
                at
            };
            if piece < cut {
                out.push(piece..cut);
            }
            out.push(cut..end);
            return;
        }
        prev = Some(c);
    }
    if piece < end {
        out.push(piece..end);
    }
}

/// "'s", "'S", "'re", "'ll", "'ve", "'d", "'m", and the "'t" of "n't".
fn is_clitic(rest: &str) -> bool {
    let tail = &rest[first_char(rest).len_utf8()..];
    ["s", "re", "ll", "ve", "d", "m", "t"]
        .iter()
        .any(|c| tail.eq_ignore_ascii_case(c))
}

/// "'90s", "'97": an apostrophe that starts a word rather than opening a quote.
fn starts_with_elision(word: &str) -> bool {
    word[first_char(word).len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a word's final period is part of it: abbreviations, initials, "U.S.".
fn period_belongs(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    single_letter || word.contains('.') && !word.ends_with('.') || ABBREVIATIONS.contains(&word)
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn last_char(s: &str) -> char {
    s.chars().next_back().unwrap_or(' ')
}

/// Cuts a token sequence into sentences: after a "." "!" "?" or "…" token (and any closing
/// quotes or brackets after it) when the next token does not start in lower case.
pub fn sentences(text: &str, tokens: &[Range<usize>], out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &text[tokens[i].clone()];
        if matches!(t, "." | "!" | "?" | "…" | "...") {
            let mut end = i + 1;
            while end < tokens.len()
                && matches!(
                    &text[tokens[end].clone()],
                    "\"" | "”" | "’" | "'" | ")" | "]"
                )
            {
                end += 1;
            }
            let next_lower = tokens
                .get(end)
                .is_some_and(|r| text[r.clone()].starts_with(char::is_lowercase));
            if !next_lower {
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn clitics_quotes_and_abbreviations() {
        assert_eq!(
            words("“I don't know,” Mr. Smith said."),
            ["“", "I", "do", "n't", "know", ",", "”", "Mr.", "Smith", "said", "."]
        );
        assert_eq!(
            words("'quoted' AFP PHOTO/KCNA"),
            ["'", "quoted", "'", "AFP", "PHOTO", "/", "KCNA"]
        );
        assert_eq!(
            words("in the '90s: 3.5% at 10:30"),
            ["in", "the", "'90s", ":", "3.5%", "at", "10:30"]
        );
    }

    #[test]
    fn dashes_and_ellipses() {
        assert_eq!(words("range -– in a"), ["range", "-", "–", "in", "a"]);
        assert_eq!(words("meet… Kim"), ["meet", "…", "Kim"]);
        assert_eq!(words("wait... now"), ["wait", "...", "now"]);
        assert_eq!(words("-5 degrees"), ["-5", "degrees"]);
    }

    #[test]
    fn ranges_cover_only_non_space() {
        let text = "  Pyongyang’s  state media\u{200b}reported ";
        for r in tokenize(text) {
            assert!(!text[r].contains(char::is_whitespace));
        }
    }

    #[test]
    fn sentence_cuts() {
        let text = "He said so. “Yes.” the end. Then U.S. troops left";
        let toks = tokenize(text);
        let mut s = Vec::new();
        sentences(text, &toks, &mut s);
        let firsts: Vec<&str> = s.iter().map(|r| &text[toks[r.start].clone()]).collect();
        assert_eq!(firsts, ["He", "“", "Then"]);
    }
}
