//! Runs one document through the real pipeline, as `corpusdb load` runs a text file
//! (`text::process`, then `link::enrich`), and maps what it found back to the document:
//! the blocks' text (repaired, re-cut, with line breaks turned to spaces) is aligned with
//! the document's by a character diff, so a span of a block becomes a span of the document
//! whatever the stages before extraction changed.

use std::time::{Duration, Instant};

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};

use crate::model::{Article, Layout, Origin, RawArticle};
use crate::text::classify::Rules;

/// Longest a diff may take before it settles for a coarser alignment.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// A processed document and, for each of its blocks' code points, the document's code
/// point it came from, if any.
pub struct Processed {
    pub article: Article,
    map: Vec<Vec<Option<usize>>>,
}

/// The document as a text file named `name` would be loaded; `None` when the pipeline
/// rejects it (no text).
pub fn process(name: &str, document: &str, rules: &Rules) -> Option<Processed> {
    let raw = RawArticle {
        origin: Origin {
            file: name.to_string(),
            line: None,
            record: None,
        },
        layout: Layout::PlainText,
        external_id: Some(name.to_string()),
        title: None,
        dek: None,
        text: document.to_string(),
        date: None,
        source: None,
        source_domain: None,
        url: None,
        byline: None,
        warnings: Vec::new(),
    };
    let mut article = crate::text::process(raw, rules).ok()?;
    crate::link::enrich(&mut article);
    let map = align(
        document,
        article.blocks.iter().map(|b| b.text.as_str()).collect(),
    );
    Some(Processed { article, map })
}

/// For each block's code point, the document's code point it matches in a diff of the
/// document against the blocks' texts laid end to end.
pub(crate) fn align(document: &str, blocks: Vec<&str>) -> Vec<Vec<Option<usize>>> {
    let old: Vec<char> = document.chars().collect();
    let mut new: Vec<char> = Vec::new();
    let mut owner: Vec<(usize, usize)> = Vec::new();
    let mut map: Vec<Vec<Option<usize>>> = Vec::with_capacity(blocks.len());
    for (b, text) in blocks.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        owner.extend((0..chars.len()).map(|i| (b, i)));
        map.push(vec![None; chars.len()]);
        new.extend(chars);
        // A separator that matches no character of the document's text.
        new.push('\u{0}');
        owner.push((usize::MAX, 0));
    }
    let deadline = Instant::now() + DIFF_DEADLINE;
    for op in capture_diff_slices_deadline(Algorithm::Myers, &old, &new, Some(deadline)) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                let (b, i) = owner[new_index + k];
                if let Some(slot) = map.get_mut(b).and_then(|m| m.get_mut(i)) {
                    *slot = Some(old_index + k);
                }
            }
        }
    }
    map
}

impl Processed {
    /// A block's span `start..end` in the document's code points, trimmed first (in the
    /// block's text) of non-alphanumeric characters at both ends when `trim` is set; `None`
    /// when nothing of it is found in the document.
    pub fn span(
        &self,
        block: usize,
        start: usize,
        end: usize,
        trim: bool,
    ) -> Option<(usize, usize)> {
        let map = self.map.get(block)?;
        let text: Vec<char> = self.article.blocks.get(block)?.text.chars().collect();
        let (mut start, mut end) = (start.min(text.len()), end.min(text.len()));
        if trim {
            while start < end && !text[start].is_alphanumeric() {
                start += 1;
            }
            while end > start && !text[end - 1].is_alphanumeric() {
                end -= 1;
            }
        }
        let first = map[start..end].iter().find_map(|p| *p)?;
        let last = map[start..end].iter().rev().find_map(|p| *p)?;
        Some((first, last + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_map_through_repairs() {
        // The pipeline may have repaired `â€œ` to `“` and joined a wrapped line.
        let document = "Title\r\n<p>He said â€œyesâ€ to\r\nit.</p>";
        let map = align(document, vec!["Title", "He said “yes” to it."]);
        let doc: Vec<char> = document.chars().collect();
        let at = |b: usize, i: usize| map[b][i].map(|p| doc[p]);
        assert_eq!(at(0, 0), Some('T'));
        assert_eq!(at(1, 0), Some('H'));
        // "yes" is found where the document has it.
        let y = map[1][9].expect("y of yes");
        assert_eq!(doc[y..y + 3].iter().collect::<String>(), "yes");
        assert_eq!(at(1, 19), Some('.'));
    }
}
