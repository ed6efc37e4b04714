//! Words and punctuation of a paragraph, with quotations as single tokens, cut into
//! sentences whose boundaries never fall inside a quotation.
//!
//! A word keeps its inner hyphens, apostrophes and dots ("al-Assad", "O’Malley", "U.S.")
//! and the full stop of an abbreviation or an initial ("Sen.", "J."), so a full stop left as
//! punctuation ends a sentence when a capital, a digit or a quotation follows it.

use super::marks::Quoted;
use crate::vocab::lexicon::{class, LEXICON};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// The n-th quotation of the paragraph, marks included.
    Quote(usize),
}

/// A token: code points `start..end` of its paragraph, and for a word its `class` bits
/// (which word lists it is in, and its shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub class: u32,
}

impl Token {
    pub fn text(&self, chars: &[char]) -> String {
        chars[self.start..self.end].iter().collect()
    }

    /// The token as written, without allocating when it is short.
    pub fn word(&self, chars: &[char]) -> Small {
        Small::from_chars(chars[self.start..self.end].iter().copied())
    }

    /// The token in lower case, without allocating when it is short: word lists are
    /// looked up with it for every word of a paragraph that has quotations.
    pub fn lower(&self, chars: &[char]) -> Small {
        let word = &chars[self.start..self.end];
        if word.len() <= Small::INLINE && word.iter().all(char::is_ascii) {
            let mut bytes = [0u8; Small::INLINE];
            for (b, c) in bytes.iter_mut().zip(word) {
                *b = (*c as u8).to_ascii_lowercase();
            }
            return Small::Inline {
                bytes,
                len: word.len(),
            };
        }
        Small::from_chars(word.iter().flat_map(|c| c.to_lowercase()))
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether the word has any of the `class` bits.
    pub fn has(&self, bits: u32) -> bool {
        self.class & bits != 0
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(n) => Some(n),
            _ => None,
        }
    }

    /// "Syria's", "the North’s".
    pub fn is_possessive(&self) -> bool {
        self.has(class::POSSESSIVE)
    }
}

/// A short string on the stack, a long one on the heap; reads as a `str`.
#[derive(Debug, Clone)]
pub enum Small {
    Inline {
        bytes: [u8; Small::INLINE],
        len: usize,
    },
    Heap(String),
}

impl Small {
    const INLINE: usize = 48;

    pub fn from_chars(chars: impl Iterator<Item = char>) -> Small {
        let mut bytes = [0u8; Small::INLINE];
        let mut len = 0;
        let mut chars = chars.peekable();
        while let Some(&c) = chars.peek() {
            if len + c.len_utf8() > Small::INLINE {
                let mut heap = String::from(std::str::from_utf8(&bytes[..len]).unwrap_or_default());
                heap.extend(chars);
                return Small::Heap(heap);
            }
            len += c.encode_utf8(&mut bytes[len..]).len();
            chars.next();
        }
        Small::Inline { bytes, len }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Only whole characters are ever written into `bytes`.
            Small::Inline { bytes, len } => std::str::from_utf8(&bytes[..*len]).unwrap_or_default(),
            Small::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Small {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Small {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Small {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// Cuts `chars` into tokens; each quotation (from its opening to its closing mark, or to
/// the end) is one token.
pub fn tokenize(chars: &[char], quoted: &[Quoted]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    for (n, q) in quoted.iter().enumerate() {
        words(chars, at, q.open, &mut out);
        let end = q.close.unwrap_or(chars.len());
        out.push(Token {
            kind: Kind::Quote(n),
            start: q.open,
            end,
            class: 0,
        });
        at = end;
    }
    words(chars, at, chars.len(), &mut out);
    out
}

/// Tokens of `chars[from..to]`, appended to `out`.
pub fn words(chars: &[char], from: usize, to: usize, out: &mut Vec<Token>) {
    let mut i = from;
    while i < to {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                kind: Kind::Punct(c),
                start: i,
                end: i + 1,
                class: 0,
            });
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < to {
            let c = chars[i];
            let inner = matches!(c, '-' | '\'' | '’' | '.' | '&')
                && i + 1 < to
                && chars[i + 1].is_alphanumeric();
            if c.is_alphanumeric() || inner {
                i += 1;
            } else {
                break;
            }
        }
        if i < to && chars[i] == '.' && keeps_full_stop(&chars[start..i]) {
            i += 1;
        }
        out.push(word(chars, start, i));
    }
}

/// A word token with its class: the lists its lower-case form is in, and its shape.
fn word(chars: &[char], start: usize, end: usize) -> Token {
    let mut token = Token {
        kind: Kind::Word,
        start,
        end,
        class: 0,
    };
    let text = &chars[start..end];
    if text.len() <= LEXICON.longest_class {
        token.class = LEXICON
            .classes
            .get(&*token.lower(chars))
            .copied()
            .unwrap_or(0);
    }
    let n = text.len();
    if n > 2 && matches!(text[n - 2], '\'' | '’') && matches!(text[n - 1], 's' | 'S') {
        token.class |= class::POSSESSIVE;
    }
    if text[0].is_uppercase() {
        token.class |= class::CAPITALIZED;
        if !token.has(class::STOPWORD) {
            token.class |= class::NAME;
        }
        if text.len() <= LEXICON.longest_honorific
            && LEXICON.honorifics.contains(&*token.word(chars))
        {
            token.class |= class::HONORIFIC;
        }
    } else if let Some(dash) = text.iter().position(|c| *c == '-') {
        // "al-Assad": a particle joined to a capitalised word.
        let particle = Small::from_chars(text[..dash].iter().copied());
        if LEXICON.particles.contains(&*particle)
            && text.get(dash + 1).is_some_and(|c| c.is_uppercase())
        {
            token.class |= class::NAME;
        }
    }
    token
}

/// Whether a word followed by a full stop is an abbreviation or an initial ("Sen.", "J.",
/// "U.S.") rather than the end of a sentence.
fn keeps_full_stop(word: &[char]) -> bool {
    if word.len() == 1 && word[0].is_uppercase() {
        return true;
    }
    if word.contains(&'.') {
        return true;
    }
    let dotted = Small::from_chars(word.iter().flat_map(|c| c.to_lowercase()).chain(['.']));
    LEXICON.abbreviations.contains(&*dotted)
}

/// Sentences as token index ranges. A sentence ends at a full stop, question or exclamation
/// mark followed by a capitalised word, a digit or a quotation: outside quotations, or as
/// the last character inside one (“It works.” She left.).
pub fn sentences(chars: &[char], tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let stop = match t.kind {
            Kind::Punct(c) => matches!(c, '.' | '!' | '?' | '…'),
            Kind::Quote(_) => chars[t.start..t.end]
                .iter()
                .rev()
                .find(|c| {
                    c.is_alphanumeric() || matches!(c, '.' | '!' | '?' | '…' | ',' | ';' | ':')
                })
                .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…')),
            Kind::Word => false,
        };
        let ends = stop
            && tokens.get(i + 1).is_some_and(|n| match n.kind {
                Kind::Word => chars[n.start].is_uppercase() || chars[n.start].is_numeric(),
                Kind::Quote(_) => true,
                Kind::Punct(c) => matches!(c, '(' | '[' | '—' | '–'),
            });
        if ends {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::marks::quotations;

    fn texts(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        tokenize(&chars, &quotations(&chars))
            .iter()
            .map(|t| t.text(&chars))
            .collect()
    }

    #[test]
    fn words_keep_inner_marks_and_abbreviations() {
        assert_eq!(
            texts("Sen. Bashar al-Assad’s U.S. trip, J. Smith said."),
            [
                "Sen.",
                "Bashar",
                "al-Assad’s",
                "U.S.",
                "trip",
                ",",
                "J.",
                "Smith",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn a_quotation_is_one_token() {
        assert_eq!(
            texts("“I go. You stay,” he said."),
            ["“I go. You stay,”", "he", "said", "."]
        );
    }

    #[test]
    fn sentences_do_not_break_inside_quotations_or_after_titles() {
        let text = "Mr. Smith said “No. Never.” Then he left. “Yes,” she said. “Why?” he asked.";
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars, &quotations(&chars));
        let cut: Vec<String> = sentences(&chars, &tokens)
            .into_iter()
            .map(|r| {
                chars[tokens[r.start].start..tokens[r.end - 1].end]
                    .iter()
                    .collect()
            })
            .collect();
        assert_eq!(
            cut,
            [
                "Mr. Smith said “No. Never.”",
                "Then he left.",
                "“Yes,” she said.",
                "“Why?” he asked."
            ]
        );
    }
}
