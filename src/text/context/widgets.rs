//! Widgets a flattened page leaves in the body that no single line's words give away, only
//! their shape or their repetition: a group of short labels shown again and again through the
//! page (a gallery's heading with its comment count and buttons, an ad block's teasers), and
//! a list of headlines set apart by nothing but wide spaces ("Sort: Newest Oldest  First
//! headline  Second headline  …", a "trending" box). Pure: blocks in, kinds and reasons
//! changed in place. A block of running text (see [`classify::is_running_text`]) is never
//! one of them.

use std::collections::HashMap;

use crate::model::{Block, Kind};
use crate::text::classify;

/// A label is at most this long; a widget's labels are short ("3 Comments", "Prev Next").
const MAX_LABEL_CHARS: usize = 80;
/// Two labels standing together this many times in one article are a widget repeated
/// through the page: a story's own headings or a transcript's speaker names stand before
/// text that differs each time, so no pair of them repeats.
const MIN_WIDGET_REPEATS: usize = 3;

/// A short line that ends no statement (no full stop or exclamation mark at its end; an ad's
/// teaser ends in "?" or "…") and names no account (an embedded post's "— Jane Roe (@jroe)
/// May 2, 2017" is quoted in the story).
fn is_label(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= MAX_LABEL_CHARS
        && !text
            .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
            .ends_with(['.', '!'])
        && !text.contains('@')
}

/// Sets aside the body blocks of a widget repeated through the page: two labels ([`is_label`])
/// in a row whose pair of texts stands together [`MIN_WIDGET_REPEATS`] times or more in the
/// article ("ELECTION IN AMERICA 2016" / "H D" / "3 Comments", a gallery's heading and
/// buttons under each photo). Both labels of each such pair go, wherever they stand.
pub(super) fn set_aside_repeated_widgets(blocks: &mut [Block]) {
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for pair in blocks.windows(2) {
        let (a, b) = (pair[0].text.trim(), pair[1].text.trim());
        if is_label(a) && is_label(b) {
            *pairs.entry((a, b)).or_default() += 1;
        }
    }
    let mut repeats: HashMap<String, usize> = HashMap::new();
    for ((a, b), n) in pairs.into_iter().filter(|(_, n)| *n >= MIN_WIDGET_REPEATS) {
        for text in [a, b] {
            let seen = repeats.entry(text.to_string()).or_default();
            *seen = (*seen).max(n);
        }
    }
    if repeats.is_empty() {
        return;
    }
    for block in blocks.iter_mut().filter(|b| b.kind == Kind::Body) {
        if let Some(n) = repeats.get(block.text.trim()) {
            block.kind = Kind::Navigation;
            block.reason = Some(format!(
                "a widget's label, with the one beside it repeated {n} times through the page"
            ));
        }
    }
}

/// What sets a flattened list's items apart: two spaces or more.
const WIDE_SPACE: &str = "  ";
/// A list of headlines has at least this many of them...
const MIN_HEADLINES: usize = 3;
/// ...each of 2 to this many words, with no sentence's end...
const MAX_HEADLINE_WORDS: usize = 25;
/// ...and they are at least this share of the block's items (a heading such as "Sort:
/// Newest Oldest Most Read" or a section's name may stand among them).
const MIN_HEADLINE_SHARE: f64 = 0.7;

/// A headline may hold two sentences ("Is it over? Not yet"): a list has at most one such
/// item in this many; text its wrapping set apart has more.
const MAX_ITEMS_PER_SENTENCE_ITEM: usize = 10;

/// Whether a sentence ends inside `item` and another starts after it ("… just like ours.
/// Broadcast networks …"): running text that its wrapping left with wide spaces, not a
/// headline.
fn sentence_inside(item: &str) -> bool {
    // The sentence splitter knows abbreviations ("Rep. Scalise" is one headline); a list
    // item's number ("15. TRENDING …") is no sentence.
    let number = item
        .split_once(". ")
        .filter(|(n, _)| (1..=2).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()));
    let item = number.map_or(item, |(_, rest)| rest);
    crate::text::sentences::split(item).len() > 1
}

/// A list of headlines flattened into one block: at least [`MIN_HEADLINES`] items set apart
/// by wide spaces, most of them headline-shaped (see [`MIN_HEADLINE_SHARE`]), few holding
/// two sentences (see [`MAX_ITEMS_PER_SENTENCE_ITEM`]), the block not ending with a full
/// stop, and no running text.
fn is_headline_list(text: &str) -> bool {
    // A paragraph its wrapping left with wide spaces ends with a full stop; a list's last
    // headline does not (it may end with a question or an exclamation mark).
    let ends_sentence = text
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('.');
    if !text.contains(WIDE_SPACE) || ends_sentence {
        return false;
    }
    let items: Vec<&str> = text
        .split(WIDE_SPACE)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let headlines = items
        .iter()
        .filter(|item| {
            let words = item.split_whitespace().count();
            (2..=MAX_HEADLINE_WORDS).contains(&words)
                && !item
                    .trim_end_matches(['"', '”', '’', '\'', ')'])
                    .ends_with(['.', '!', '?'])
        })
        .count();
    headlines >= MIN_HEADLINES
        && headlines as f64 >= MIN_HEADLINE_SHARE * items.len() as f64
        && items.iter().filter(|item| sentence_inside(item)).count() * MAX_ITEMS_PER_SENTENCE_ITEM
            <= items.len()
        && !classify::is_running_text(text, 0..0)
}

/// Sets aside the body blocks that are lists of headlines flattened into one block
/// ([`is_headline_list`]): other stories' links, a "trending" box, a player's button row.
pub(super) fn set_aside_headline_lists(blocks: &mut [Block]) {
    for block in blocks
        .iter_mut()
        .filter(|b| b.kind == Kind::Body && is_headline_list(&b.text))
    {
        let items = block
            .text
            .split(WIDE_SPACE)
            .filter(|s| !s.trim().is_empty())
            .count();
        block.kind = Kind::Navigation;
        block.reason = Some(format!(
            "a list of {items} headlines or links set apart by wide spaces"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::classify::pull_quotes::tests::block;

    fn kinds(blocks: &[Block]) -> Vec<Kind> {
        blocks.iter().map(|b| b.kind).collect()
    }

    #[test]
    fn a_group_of_labels_repeated_through_the_page_is_a_widget_a_transcripts_names_are_not() {
        let mut blocks = Vec::new();
        for n in 0..3 {
            blocks.push(block("VOTE 2020 GALLERY"));
            blocks.push(block("4 Comments"));
            blocks.push(block(&format!(
                "The count in precinct {n} went on into the night."
            )));
        }
        set_aside_repeated_widgets(&mut blocks);
        assert_eq!(
            kinds(&blocks)[..3],
            [Kind::Navigation, Kind::Navigation, Kind::Body]
        );
        assert!(blocks[1].reason.as_deref().unwrap().contains("3 times"));

        let mut transcript = Vec::new();
        for (line, reply) in [
            ("We will win.", "Maybe"),
            ("Will we?", "Not yet"),
            ("When", "Soon"),
        ] {
            transcript.push(block("JANE ROE"));
            transcript.push(block(line));
            transcript.push(block("JOHN DOE"));
            transcript.push(block(reply));
        }
        set_aside_repeated_widgets(&mut transcript);
        assert!(transcript.iter().all(|b| b.kind == Kind::Body));
    }

    #[test]
    fn headlines_set_apart_by_wide_spaces_are_a_list_sentences_are_not() {
        assert!(is_headline_list(
            "Most Read  Trump ousts his secretary of state  Police warn Austin residents about parcels  Markets fall again"
        ));
        assert!(!is_headline_list(
            "The mayor spoke.  The council voted on it.  It adjourned at noon."
        ));
        assert!(!is_headline_list("Two items  only here"));
        // A numbered heading, an abbreviation and a last headline that exclaims.
        assert!(is_headline_list(
            "15. TRENDING NOW  Rep. Scalise thanks the police  Trump praises Spicer  'Just look at his ratings!'"
        ));
        // Running text its wrapping left with wide spaces.
        assert!(!is_headline_list(
            "The debates are on Saturday nights -- just like ours. Broadcast networks have less  flexibility than cable,  so putting together a debate  is hard"
        ));
        assert!(!is_headline_list(
            "Democrats say Republicans are  looking for a new line of attack because  interest has waned after the  hearing in May."
        ));
        let mut blocks = vec![block(
            "Sort: Newest Oldest Most Read  The backstory behind the allegations  Senators ask for a vote  A storm hits the coast",
        )];
        set_aside_headline_lists(&mut blocks);
        assert_eq!(blocks[0].kind, Kind::Navigation);
    }
}
