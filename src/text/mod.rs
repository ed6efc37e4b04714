//! Pure text stages: from a raw article's text to titled, classified blocks with sentences.
//! Nothing here does I/O; every function maps `&str` to spans or owned blocks.

pub mod blocks;
pub mod chrome;
pub mod dates;
pub mod sentences;

use crate::model::{Article, Block, Kind, Layout, RawArticle};

/// Turns a raw article into an article ready to store: blocks in order (title first), their
/// kinds and sentences, the normalised date, the word count and the content hash.
///
/// Returns `Err` with a message when there is nothing to store (no title and no text).
pub fn process(raw: RawArticle) -> Result<Article, String> {
    let RawArticle {
        origin,
        layout,
        external_id,
        title,
        text,
        date,
        source,
        source_domain,
        url,
        byline,
        mut warnings,
    } = raw;
    let bytes = text.len() + title.as_ref().map_or(0, String::len);
    let title = title.map(|t| blocks::collapse_lines(&t)).filter(|t| !t.is_empty());
    let mut blocks = match layout {
        Layout::PlainText => blocks::structure_plain_text(&text),
        Layout::Record => blocks::structure_record(title.as_deref(), &text),
    };
    if blocks.is_empty() {
        return Err("empty article: no title and no text".to_string());
    }
    for block in &mut blocks {
        block.sentences = sentences::split(&block.text);
    }
    let title = blocks.iter().find(|b| b.kind == Kind::Title).map(|b| b.text.clone());
    let dek = blocks.iter().find(|b| b.kind == Kind::Dek).map(|b| b.text.clone());
    let words = blocks
        .iter()
        .filter(|b| matches!(b.kind, Kind::Title | Kind::Dek | Kind::Body))
        .map(|b| count_words(&b.text))
        .sum();

    let published_raw = date.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    let published_at = match published_raw.as_deref() {
        None => None,
        Some(raw_date) => match dates::normalize(raw_date) {
            Ok(iso) => Some(iso),
            Err(why) => {
                warnings.push(format!("date {raw_date:?} {why}; kept as published_raw"));
                None
            }
        },
    };
    let content_hash = content_hash(source.as_deref(), &blocks);
    Ok(Article {
        origin,
        external_id,
        title,
        dek,
        byline,
        url,
        source,
        source_domain,
        published_at,
        published_raw,
        language: None,
        content_hash,
        blocks,
        words,
        warnings,
        bytes,
    })
}

/// Words as a person counts them: runs of letters or digits.
///
/// ```
/// assert_eq!(corpusdb::text::count_words("Kim Jong-un, 34, met Assad."), 6);
/// ```
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

/// The article's identity by content: the outlet and every block's text, in order. The same
/// story under two outlets (syndication) stays two articles; a re-load of it adds nothing.
fn content_hash(source: Option<&str>, blocks: &[Block]) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(source.unwrap_or("").as_bytes());
    for block in blocks {
        hasher.update(b"\x1f");
        hasher.update(block.text.as_bytes());
    }
    hasher.finalize().to_hex().to_string()
}
