//! Echoes: the same quotation carried by several outlets, worded a little differently.
//!
//! Outlets cut quotations with an ellipsis ("meet… Kim Jong Un"), add or drop honorifics
//! ("meet HE Kim Jong Un"), and change punctuation, case and quotation marks. A quotation's
//! [`words`] are what is left of it once those are set aside, with each ellipsis kept as a
//! gap; its [`key`] is those words joined, for exact lookups; [`similarity`] lines two
//! quotations up, reading a gap in either as "words left out here".

use crate::vocab::lexicon::LEXICON;

/// Quotations at least this similar are one echo.
pub const ECHO_SIMILARITY: f64 = 0.8;
/// Words compared at most (longer quotations are cut), so a comparison stays cheap.
const MAX_WORDS: usize = 200;

/// A word of a quotation, or a gap where an ellipsis left words out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word {
    Word(String),
    Gap,
}

/// The words of a quotation: lower case, without punctuation or honorifics ("HE", "Mr.",
/// "His Excellency"), with a [`Word::Gap`] for each ellipsis ("…", "...", ". . .", "[…]").
///
/// ```
/// use corpusdb::extract::echo::{words, Word};
/// let w = |s: &str| Word::Word(s.to_string());
/// assert_eq!(words("and meet… HE Kim Jong-Un!"), [w("and"), w("meet"), Word::Gap, w("kim"), w("jong"), w("un")]);
/// assert_eq!(words("He said \"Mr. Smith's\" plan"), [w("he"), w("said"), w("smith's"), w("plan")]);
/// ```
pub fn words(text: &str) -> Vec<Word> {
    let raw: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '—' || c == '–')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let token = raw[i];
        // ". . ." spaced out.
        if token == "." && raw.get(i + 1) == Some(&".") && raw.get(i + 2) == Some(&".") {
            push_gap(&mut out);
            i += 3;
            continue;
        }
        // Two-word honorifics ("His Excellency").
        if i + 1 < raw.len()
            && LEXICON
                .honorifics
                .contains(&format!("{} {}", token, trim(raw[i + 1])))
        {
            i += 2;
            continue;
        }
        let gap_before = starts_with_ellipsis(token);
        let gap_after = ends_with_ellipsis(token);
        let word = trim(token);
        if gap_before {
            push_gap(&mut out);
        }
        if !word.is_empty() && !LEXICON.honorifics.contains(word) {
            out.push(Word::Word(
                word.chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c })
                    .collect(),
            ));
        }
        if gap_after && !(gap_before && word.is_empty()) {
            push_gap(&mut out);
        }
        i += 1;
    }
    out
}

/// The key two copies of a quotation share: its words without the gaps, one space apart.
///
/// ```
/// use corpusdb::extract::echo::key;
/// assert_eq!(
///     key("I am going to visit the DPRK and meet… Kim Jong Un"),
///     key("“I am going to visit the DPRK and meet HE Kim Jong Un,”"),
/// );
/// assert_eq!(key("Meet HE Kim Jong Un."), "meet kim jong un");
/// ```
pub fn key(text: &str) -> String {
    let words: Vec<String> = words(text)
        .into_iter()
        .filter_map(|w| match w {
            Word::Word(w) => Some(w),
            Word::Gap => None,
        })
        .collect();
    words.join(" ")
}

/// How alike two quotations are, from 0 to 1: of their words, the share that line up, not
/// counting the words of one text that stand at a gap (an ellipsis) of the other. Honorifics,
/// case and punctuation do not count.
///
/// ```
/// use corpusdb::extract::echo::{similarity, ECHO_SIMILARITY};
/// let a = "I am going to visit the DPRK and meet… Kim Jong Un";
/// let b = "I am going to visit the DPRK and meet HE Kim Jong Un";
/// assert_eq!(similarity(a, b), 1.0);
/// // Leaving words out without saying so costs.
/// let c = "I am going to visit the DPRK and meet his friend Kim Jong Un";
/// assert!(similarity(a, c) == 1.0 && similarity(b, c) < 1.0 && similarity(b, c) >= ECHO_SIMILARITY);
/// assert!(similarity(a, "The world welcomes the remarkable events") < 0.2);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    let mut a = words(a);
    let mut b = words(b);
    a.truncate(MAX_WORDS);
    b.truncate(MAX_WORDS);
    let count = |w: &[Word]| w.iter().filter(|w| **w != Word::Gap).count();
    let total = count(&a) + count(&b);
    if count(&a) == 0 || count(&b) == 0 {
        return if total == 0 { 1.0 } else { 0.0 };
    }
    // best[i][j]: aligning a[..i] with b[..j], the fewest words left unmatched outside the
    // other text's gaps, then the most words matched. A word may be skipped free while the
    // other text stands at a gap (its last token read was the gap, or its next one is).
    let (n, m) = (a.len(), b.len());
    let at_gap =
        |w: &[Word], k: usize| (k > 0 && w[k - 1] == Word::Gap) || w.get(k) == Some(&Word::Gap);
    let unset = (usize::MAX, 0usize);
    let better = |x: (usize, usize), y: (usize, usize)| x.0 < y.0 || (x.0 == y.0 && x.1 > y.1);
    let mut best = vec![vec![unset; m + 1]; n + 1];
    best[0][0] = (0, 0);
    for i in 0..=n {
        for j in 0..=m {
            let (missed, matched) = best[i][j];
            if missed == usize::MAX {
                continue;
            }
            let mut offer = |i: usize, j: usize, next: (usize, usize)| {
                if better(next, best[i][j]) {
                    best[i][j] = next;
                }
            };
            if i < n && j < m && a[i] != Word::Gap && a[i] == b[j] {
                offer(i + 1, j + 1, (missed, matched + 1));
            }
            if i < n {
                let free = a[i] == Word::Gap || at_gap(&b, j);
                offer(i + 1, j, (missed + usize::from(!free), matched));
            }
            if j < m {
                let free = b[j] == Word::Gap || at_gap(&a, i);
                offer(i, j + 1, (missed + usize::from(!free), matched));
            }
        }
    }
    // Words skipped at a gap count neither way.
    let (missed, matched) = best[n][m];
    let counted = 2 * matched + missed;
    if counted == 0 {
        return 0.0;
    }
    (2 * matched) as f64 / counted as f64
}

fn push_gap(out: &mut Vec<Word>) {
    if out.last() != Some(&Word::Gap) {
        out.push(Word::Gap);
    }
}

fn starts_with_ellipsis(token: &str) -> bool {
    let t = token.trim_start_matches(['"', '“', '‘', '\'', '(', '[']);
    t.starts_with('…') || t.starts_with("...")
}

fn ends_with_ellipsis(token: &str) -> bool {
    let t = token.trim_end_matches(['"', '”', '’', '\'', ')', ']', ',', ';', ':', '!', '?']);
    t.ends_with('…') || t.ends_with("...")
}

/// A word without the punctuation around it (an apostrophe inside stays: "smith's").
fn trim(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_in_both_texts_and_at_the_ends() {
        assert_eq!(
            similarity("… visit the DPRK", "I am going to visit the DPRK"),
            1.0
        );
        assert_eq!(
            similarity("I am going …", "I am going to visit the DPRK"),
            1.0
        );
        assert_eq!(similarity("a b … e f", "a … d e f"), 1.0);
        assert!(similarity("a b c d", "a b x d") < 1.0);
    }

    #[test]
    fn bracketed_and_spaced_ellipses_are_gaps() {
        assert_eq!(
            words("we [...] won"),
            [Word::Word("we".into()), Word::Gap, Word::Word("won".into())]
        );
        assert_eq!(words("we . . . won"), words("we … won"));
        assert_eq!(
            words("the system. . . . My plan")
                .iter()
                .filter(|w| **w == Word::Gap)
                .count(),
            1
        );
        assert_eq!(key("We won..."), "we won");
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("…", "words"), 0.0);
    }
}
