//! Words and punctuation of a paragraph, with quotations as single tokens, cut into
//! sentences whose boundaries never fall inside a quotation.
//!
//! A word keeps its inner hyphens, apostrophes and dots ("al-Assad", "O’Malley", "U.S.")
//! and the full stop of an abbreviation or an initial ("Sen.", "J."), so a full stop left as
//! punctuation ends a sentence when a capital, a digit or a quotation follows it.

use super::lexicon::LEXICON;
use super::marks::Quoted;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// The n-th quotation of the paragraph, marks included.
    Quote(usize),
}

/// A token: code points `start..end` of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text(&self, chars: &[char]) -> String {
        chars[self.start..self.end].iter().collect()
    }

    pub fn lower(&self, chars: &[char]) -> String {
        chars[self.start..self.end].iter().flat_map(|c| c.to_lowercase()).collect()
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
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
    pub fn is_possessive(&self, chars: &[char]) -> bool {
        let n = self.end - self.start;
        self.is_word() && n > 2 && matches!(chars[self.end - 2], '\'' | '’') && matches!(chars[self.end - 1], 's' | 'S')
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
        out.push(Token { kind: Kind::Quote(n), start: q.open, end });
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
            out.push(Token { kind: Kind::Punct(c), start: i, end: i + 1 });
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < to {
            let c = chars[i];
            let inner = matches!(c, '-' | '\'' | '’' | '.' | '&') && i + 1 < to && chars[i + 1].is_alphanumeric();
            if c.is_alphanumeric() || inner {
                i += 1;
            } else {
                break;
            }
        }
        if i < to && chars[i] == '.' && keeps_full_stop(&chars[start..i]) {
            i += 1;
        }
        out.push(Token { kind: Kind::Word, start, end: i });
    }
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
    let mut dotted: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    dotted.push('.');
    LEXICON.abbreviations.contains(&dotted)
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
            Kind::Quote(_) => chars[t.start..t.end].iter().rev().find(|c| c.is_alphanumeric() || matches!(c, '.' | '!' | '?' | '…' | ',' | ';' | ':')).is_some_and(|c| matches!(c, '.' | '!' | '?' | '…')),
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
        tokenize(&chars, &quotations(&chars)).iter().map(|t| t.text(&chars)).collect()
    }

    #[test]
    fn words_keep_inner_marks_and_abbreviations() {
        assert_eq!(texts("Sen. Bashar al-Assad’s U.S. trip, J. Smith said."), ["Sen.", "Bashar", "al-Assad’s", "U.S.", "trip", ",", "J.", "Smith", "said", "."]);
    }

    #[test]
    fn a_quotation_is_one_token() {
        assert_eq!(texts("“I go. You stay,” he said."), ["“I go. You stay,”", "he", "said", "."]);
    }

    #[test]
    fn sentences_do_not_break_inside_quotations_or_after_titles() {
        let text = "Mr. Smith said “No. Never.” Then he left. “Yes,” she said. “Why?” he asked.";
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars, &quotations(&chars));
        let cut: Vec<String> = sentences(&chars, &tokens)
            .into_iter()
            .map(|r| chars[tokens[r.start].start..tokens[r.end - 1].end].iter().collect())
            .collect();
        assert_eq!(cut, ["Mr. Smith said “No. Never.”", "Then he left.", "“Yes,” she said.", "“Why?” he asked."]);
    }
}
