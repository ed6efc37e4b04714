//! Sentences: spans of one block's text, in code points, trimmed of surrounding white space.
//!
//! Boundaries come from `sentencex` (rules for abbreviations such as Mr., Dr., U.S., Jan. and
//! Sen., initials, decimals, and closing quotation marks after the full stop); this module
//! turns its byte ranges into the code-point spans the database stores, so that
//! `substr(text, start + 1, end - start)` in SQL returns the sentence.

use crate::model::Span;

/// Splits a block into sentences. Spans are non-empty, in order, do not overlap, and
/// together cover all of the text but the white space between them.
///
/// ```
/// use corpusdb::text::sentences::split;
/// let text = "Mr. Smith paid $3.50 in the U.S. on Jan. 5. “It works.” She left.";
/// let cut: Vec<String> = split(text)
///     .iter()
///     .map(|s| text.chars().skip(s.start).take(s.end - s.start).collect())
///     .collect();
/// assert_eq!(cut, ["Mr. Smith paid $3.50 in the U.S. on Jan. 5.", "“It works.”", "She left."]);
/// ```
pub fn split(text: &str) -> Vec<Span> {
    // Each boundary's start is a cut; the text between two cuts, trimmed, is a sentence.
    // Cutting (rather than taking the segmenter's ranges as they are) guarantees coverage
    // without gaps or overlaps whatever the segmenter returns.
    let mut cuts: Vec<usize> = sentencex::get_sentence_boundaries("en", text)
        .iter()
        .map(|b| b.start_byte)
        .filter(|&b| b > 0 && b < text.len() && text.is_char_boundary(b))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(text.len());
    let mut ranges = Vec::with_capacity(cuts.len());
    let mut from = 0;
    for cut in cuts {
        let piece = &text[from..cut];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            ranges.push((from + lead, from + lead + trimmed.len()));
        }
        from = cut;
    }
    to_code_points(text, &ranges)
}

/// Converts sorted byte ranges into code-point spans in one pass over the text.
fn to_code_points(text: &str, ranges: &[(usize, usize)]) -> Vec<Span> {
    let mut spans = Vec::with_capacity(ranges.len());
    let mut chars = 0;
    let mut at = 0;
    let mut advance = |to: usize| {
        chars += text[at..to].chars().count();
        at = to;
        chars
    };
    for &(start, end) in ranges {
        let start = advance(start);
        let end = advance(end);
        spans.push(Span { start, end });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<String> {
        split(text)
            .iter()
            .map(|s| text.chars().skip(s.start).take(s.end - s.start).collect())
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_quotes() {
        assert_eq!(
            cut("Sen. John A. Smith met Dr. Jones. He said: \"We agree.\" Talks go on."),
            [
                "Sen. John A. Smith met Dr. Jones.",
                "He said: \"We agree.\"",
                "Talks go on."
            ]
        );
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(split("").is_empty());
        assert!(split("  \n ").is_empty());
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Syria’s Assad visits. Kim waits…";
        let spans = split(text);
        assert_eq!(spans.last().map(|s| s.end), Some(text.chars().count()));
    }
}
