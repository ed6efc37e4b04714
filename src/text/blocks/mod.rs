//! Blocks: an article's text cut into paragraphs, and the title and dek found among them.
//!
//! Blocks are separated by blank lines. Inside a run of non-blank lines, a single newline
//! also separates two blocks when each line stands as a block of its own (a subtitle above a
//! photo caption), and is read as a soft wrap when the next line continues the sentence
//! (it starts in lower case, or the line ends with a hyphen, a comma or a semicolon). A block
//! far longer than a paragraph (a body that arrived with no line breaks) is then cut into
//! paragraphs ([`cut`]), each with a reason that says so; so is a block of any length where
//! the lines of a flattened table or list ran together ([`rows`]).

pub mod cut;
pub mod rows;

use crate::model::{Block, Kind, Layout};
use crate::text::classify::{Rules, Verdict};

/// A dek (subtitle) is short: longer blocks right under the title are body or captions.
const MAX_DEK_CHARS: usize = 300;

/// Splits text into its blocks, trimmed, with soft-wrapped lines joined by one space.
///
/// ```
/// use corpusdb::text::blocks::split_blocks;
/// let text = "Title\n\nA subtitle\nA caption (AFP)\n\nA wrapped\nline, and its\ncontinuation.\n";
/// assert_eq!(
///     split_blocks(text),
///     ["Title", "A subtitle", "A caption (AFP)", "A wrapped line, and its continuation."]
/// );
/// ```
pub fn split_blocks(text: &str) -> Vec<String> {
    split_pieces(text).into_iter().map(|p| p.text).collect()
}

/// Splits text into its blocks as [`split_blocks`] does, with the reason of each piece of a
/// long block cut into paragraphs.
pub fn split_pieces(text: &str) -> Vec<cut::Piece> {
    cut::cut_long_blocks(split_lines(text))
}

/// Splits text into its blocks at blank lines and lines that stand alone.
fn split_lines(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let line = line.trim_matches(is_blank);
        if line.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        current = Some(match current.take() {
            None => line.to_string(),
            Some(mut block) if continues(&block, line) => {
                if !ends_hyphenated(&block) {
                    block.push(' ');
                }
                block.push_str(line);
                block
            }
            Some(block) => {
                blocks.push(block);
                line.to_string()
            }
        });
    }
    blocks.extend(current);
    blocks
}

/// Joins the lines of a one-line field (a title) that arrived wrapped.
///
/// ```
/// assert_eq!(corpusdb::text::blocks::collapse_lines("  Two\n lines "), "Two lines");
/// ```
pub fn collapse_lines(text: &str) -> String {
    text.split(is_line_break)
        .map(|l| l.trim_matches(is_blank))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Structures an article of either layout into blocks, as a load does: a record's title
/// (its lines joined) from its own field, a text file's from its first lines.
pub fn structure(layout: Layout, title: Option<&str>, text: &str, rules: &Rules) -> Vec<Block> {
    match layout {
        Layout::PlainText => structure_plain_text(text, rules),
        Layout::Record => {
            let title = title.map(collapse_lines).filter(|t| !t.is_empty());
            match title {
                Some(title) => structure_record(Some(&title), text),
                None => structure_untitled_record(text, rules),
            }
        }
    }
}

/// Structures a scraped text file: chrome before the title, the title (the first line that
/// is not chrome by `rules`), an optional dek, then the body.
pub fn structure_plain_text(text: &str, rules: &Rules) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut texts = split_pieces(text).into_iter().peekable();
    while let Some(cut::Piece { text, reason: cut }) = texts.next() {
        // Before the title is an edge of the article.
        if let Some(Verdict { kind, reason, lang }) = rules.classify_at(&text, true) {
            let mut chrome = block(kind, Some(format!("{reason}, before the title")), text);
            chrome.language = lang;
            blocks.push(chrome);
            continue;
        }
        // A piece of a long block is body, not the title: the article has no title line.
        if cut.is_some() {
            blocks.push(block(Kind::Body, cut, text));
            blocks.extend(texts.map(|p| block(Kind::Body, p.reason, p.text)));
            break;
        }
        blocks.push(block(Kind::Title, None, text));
        if let Some(next) = texts.peek() {
            if next.reason.is_none() && is_dek(&next.text) && texts.len() > 1 {
                let dek = texts.next().map(|p| p.text).unwrap_or_default();
                blocks.push(block(Kind::Dek, Some(dek_reason()), dek));
            }
        }
        blocks.extend(texts.map(|p| block(Kind::Body, p.reason, p.text)));
        break;
    }
    blocks
}

/// Structures a record whose title arrives in its own field: the title block, then the body.
pub fn structure_record(title: Option<&str>, text: &str) -> Vec<Block> {
    let title = title.map(|t| block(Kind::Title, None, t.to_string()));
    let body = split_pieces(text)
        .into_iter()
        .map(|p| block(Kind::Body, p.reason, p.text));
    title.into_iter().chain(body).collect()
}

/// Structures a record that came without a title: its first block is the title when it
/// reads as a headline (see [`is_headline`]) and the rules take it for nothing else (a time
/// stamp, a menu) than another story's headline in capitals, which is what the page's own
/// headline looks like too; else every block is body.
pub fn structure_untitled_record(text: &str, rules: &Rules) -> Vec<Block> {
    let mut blocks = structure_record(None, text);
    let headline = match split_pieces(text).first() {
        Some(first) => {
            first.reason.is_none()
                && blocks.len() > 1
                && is_headline(&first.text)
                && rules
                    .classify_at(&first.text, true)
                    .is_none_or(|v| v.reason.starts_with(CAPITALS_HEADLINE))
        }
        None => false,
    };
    if let (true, Some(first)) = (headline, blocks.first_mut()) {
        first.kind = Kind::Title;
        first.reason = None;
    }
    blocks
}

/// The reason the rules give a line in capitals that reads as another story's headline.
pub(crate) const CAPITALS_HEADLINE: &str = "headline of another story, in capitals";

/// The longest headline taken for the title of a record that came without one, in characters.
const MAX_HEADLINE_CHARS: usize = 150;

/// Whether a block reads as a headline: one line of two words or more and at most
/// [`MAX_HEADLINE_CHARS`] characters that does not end as a sentence or a list's lead-in does
/// (a question mark may end a headline).
pub fn is_headline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let last = text.chars().next_back();
    !text.contains('\n')
        && words >= 2
        && text.chars().count() <= MAX_HEADLINE_CHARS
        && !matches!(
            last,
            Some('.' | '!' | '…' | '"' | '”' | '’' | '\'' | ':' | ',' | ';' | '-' | '–' | '—')
        )
}

fn block(kind: Kind, reason: Option<String>, text: String) -> Block {
    Block {
        kind,
        reason,
        language: None,
        text,
        sentences: Vec::new(),
        line_key: None,
    }
}

fn dek_reason() -> String {
    "short line under the title with no closing punctuation".to_string()
}

/// A subtitle: short, one line of text that does not end as a sentence does.
fn is_dek(text: &str) -> bool {
    let last = text.chars().next_back();
    text.chars().count() <= MAX_DEK_CHARS
        && !matches!(
            last,
            Some('.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ':')
        )
}

/// Whether `next` continues the sentence of the block before it (a soft line wrap).
fn continues(block: &str, next: &str) -> bool {
    let ends_open = block.ends_with(',') || block.ends_with(';');
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open || ends_hyphenated(block) || starts_lower
}

/// A word broken at the line's end ("well-" + "known"), not a dash standing alone.
fn ends_hyphenated(block: &str) -> bool {
    block.ends_with('-') && !block.ends_with(" -")
}

/// White space, and the invisible format characters scrapers leave on otherwise empty lines
/// (zero-width spaces and joiners, direction marks, word joiners, byte-order marks).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_before_title_then_dek_then_caption() {
        let text = "Aller au contenu principal\n\nAssad planning visit: Report\n\n\
                    Syrian president would be the first\nThe president meets (SANA/AFP)\n\n\
                    The first head of state.";
        let blocks = structure_plain_text(text, &Rules::builtin());
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Navigation,
                Kind::Title,
                Kind::Dek,
                Kind::Body,
                Kind::Body
            ]
        );
        assert_eq!(blocks[1].text, "Assad planning visit: Report");
        assert_eq!(blocks[2].text, "Syrian president would be the first");
        assert_eq!(blocks[3].text, "The president meets (SANA/AFP)");
    }

    #[test]
    fn long_block_under_title_is_body_not_dek() {
        let caption = "word ".repeat(100);
        let text = format!("Title\n\n{caption}/\n\nBody.");
        let blocks = structure_plain_text(&text, &Rules::builtin());
        assert_eq!(blocks[1].kind, Kind::Body);
    }

    #[test]
    fn carriage_returns_and_hyphenated_wraps() {
        assert_eq!(
            split_blocks("One well-\r\nknown line\r\n\r\nTwo"),
            ["One well-known line", "Two"]
        );
    }

    #[test]
    fn invisible_only_lines_are_blank() {
        assert_eq!(
            split_blocks("One\n\u{200d}\n\u{200b}\u{feff}\nTwo\u{200b}"),
            ["One", "Two"]
        );
    }

    #[test]
    fn a_title_alone_is_kept() {
        let blocks = structure_plain_text("\n\n  Only a title  \n", &Rules::builtin());
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].kind, Kind::Title);
        assert_eq!(blocks[0].text, "Only a title");
    }
}
