//! The page's headline scraped into the text under the title: the title again, the headline
//! worded differently, or a photo caption with the headline glued after it.

use std::sync::OnceLock;

use regex::Regex;

use super::MAX_HEADLINE_CHARS;
use crate::model::{Block, Kind};
use crate::text::classify;

/// The reason of the title found again in the text.
pub(in crate::text) const TITLE_AGAIN: &str = "the title again, scraped into the text under it";
/// The reason of a caption glued to the headline under the title.
pub(in crate::text) const CAPTION_AND_HEADLINE: &str =
    "photo caption glued to the headline under the title";
/// The reason of the page's own headline, worded differently from the title.
pub(in crate::text) const HEADLINE_REWORDED: &str =
    "the headline again, worded differently from the title";

/// A scraper often takes the page's headline into the text as well as into the title. A
/// block this close under the title that reads the same (ignoring case, spaces and
/// punctuation) is the title again, not the story's first paragraph, and is classed a title;
/// the first block, when it is a caption with the headline glued after it (see
/// [`caption_then_headline`]), is a caption, and when it is the page's headline worded
/// differently from the title (see [`headline_reworded`]), a title.
pub(super) fn mark_title_again(blocks: &mut [Block]) {
    let letters = |text: &str| {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let Some(t) = blocks.iter().position(|b| b.kind == Kind::Title) else {
        return;
    };
    let (head, rest) = blocks.split_at_mut(t + 1);
    let title_text = &head[t].text;
    let title = letters(title_text);
    if title.is_empty() {
        return;
    }
    for (i, block) in rest.iter_mut().take(classify::EDGE_BLOCKS).enumerate() {
        if block.kind != Kind::Body {
            continue;
        }
        if letters(&block.text) == title {
            block.kind = Kind::Title;
            block.reason = Some(TITLE_AGAIN.to_string());
        } else if i == 0 && caption_then_headline(&block.text, title_text) {
            block.kind = Kind::Caption;
            block.reason = Some(CAPTION_AND_HEADLINE.to_string());
        } else if i == 0 && headline_reworded(&block.text, title_text) {
            block.kind = Kind::Title;
            block.reason = Some(HEADLINE_REWORDED.to_string());
        }
    }
}

/// A caption (at most this long, with its headline)...
const MAX_CAPTION_AND_HEADLINE_CHARS: usize = 400;
/// ...and a headline after it of at most this many characters...
const MAX_GLUED_HEADLINE_CHARS: usize = 120;
/// ...and at least this many words of three letters or more, at least half of them words of
/// the title.
const MIN_GLUED_HEADLINE_WORDS: usize = 3;

/// Whether `text` is a photo caption with the story's headline glued after it, the way
/// some pages put the picture and its caption above the headline: "The mayor spoke for an
/// hour on Monday. | Jane Roe/Example Times Mayor backs bridge" under the title "Mayor backs
/// the bridge". The caption ends as a sentence does after a word of four or more letters or
/// digits (so "Gov." or "U.S." does not end it) or at a credit's bar; the headline after it
/// does not end as a sentence, and at least half of its words are the title's. A quote, an
/// embedded tweet, or a block that ends as a sentence is the story's.
pub(in crate::text) fn caption_then_headline(text: &str, title: &str) -> bool {
    static SENTENCE_END: OnceLock<Regex> = OnceLock::new();
    let sentence_end = SENTENCE_END.get_or_init(|| {
        Regex::new(r#"[a-z0-9)]{4}[.!?]["”’']?\s+|\s\|\s"#).expect("a valid pattern")
    });
    let text = text.trim();
    let ends_open = !text.ends_with(['.', '!', '?', '"', '\'', '”', '’', ')', ':', ';']);
    let opens_as_quote = text.starts_with(['"', '“', '‘', '\'']);
    if text.chars().count() > MAX_CAPTION_AND_HEADLINE_CHARS
        || !ends_open
        || opens_as_quote
        || text.contains("(@")
    {
        return false;
    }
    let Some(end) = sentence_end.find_iter(text).last() else {
        return false;
    };
    let (caption, headline) = (&text[..end.start()], &text[end.end()..]);
    let (headline_words, title_words) = (significant_words(headline), significant_words(title));
    let shared = headline_words
        .iter()
        .filter(|w| title_words.contains(w))
        .count();
    caption.chars().count() >= MIN_CAPTION_CHARS
        && headline.chars().count() <= MAX_GLUED_HEADLINE_CHARS
        && headline_words.len() >= MIN_GLUED_HEADLINE_WORDS
        && shared * 2 >= headline_words.len()
}

/// The words of three letters or more, in lower case.
fn significant_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text`, the first block under the title, is the page's own headline worded
/// differently from the title the input gave ("Obama Presses Congress On Student Loan
/// Rates" under "Obama To Press Congress On Student Loan Rates"): set in title case (four
/// in five of its words of four letters or more open with a capital), not ending as a
/// sentence, four words of three letters or more, at least half of them the title's. A
/// story's first paragraph ends as a sentence, and a dek is written in sentence case.
pub(in crate::text) fn headline_reworded(text: &str, title: &str) -> bool {
    let text = text.trim();
    let ends_open = !text.ends_with(['.', '!', ':', ';', ',']);
    let long_words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long_words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    let (words, title) = (significant_words(text), significant_words(title));
    let shared = words.iter().filter(|w| title.contains(w)).count();
    ends_open
        && text.chars().count() <= MAX_HEADLINE_CHARS
        && words.len() >= 4
        && !long_words.is_empty()
        && capitalised * 5 >= long_words.len() * 4
        && shared * 2 >= words.len()
}

/// A caption has at least this many characters ("Collapse 2. …" is a widget's label).
const MIN_CAPTION_CHARS: usize = 30;
