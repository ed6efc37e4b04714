//! The chrome that only its neighbours give away, after the rules have classified each block
//! alone: the title scraped again under it ([`title`]), related links listed under their
//! heading, a series' parts, names split from a credit, gallery captions shown twice, a
//! chart's labels spilled one per block, a page's widgets ([`widgets`]: labels repeated through
//! the page, headlines set apart by wide spaces), the author's name box, pull quotes. Pure:
//! blocks in, kinds and reasons changed in place.

pub(in crate::text) mod title;
mod widgets;

use std::ops::Range;

use crate::model::{Block, Kind};
use crate::text::classify;

/// The chrome that only its neighbours give away, after the rules have classified each
/// block alone: the title scraped again under it, related links, a series' parts, names
/// split from a credit, gallery captions, a chart's labels, a page's widgets, the author's
/// name box, pull quotes. One list
/// for loading and reclassifying alike.
pub(super) fn set_aside_by_context(blocks: &mut [Block], byline: Option<&str>) {
    title::mark_title_again(blocks);
    set_aside_related_links(blocks);
    set_aside_series_links(blocks);
    set_aside_split_credits(blocks);
    set_aside_gallery_captions(blocks);
    set_aside_chart_labels(blocks);
    widgets::set_aside_repeated_widgets(blocks);
    widgets::set_aside_headline_lists(blocks);
    if let Some(byline) = byline {
        set_aside_name_box(blocks, byline);
    }
    classify::pull_quotes::set_aside(blocks);
}

/// Related links are listed under a related-links heading: the short, unpunctuated lines
/// after such a heading are headlines of other stories. Under the last heading, when nothing
/// but such lines (and other chrome) follows, all of them are; in the middle of an article,
/// only the capitalised lines right after a heading that end in no punctuation at all (a
/// question or a lead-in to a list is the story's own).
fn set_aside_related_links(blocks: &mut [Block]) {
    let is_heading = |b: &Block| {
        b.kind == Kind::Promo
            && b.reason
                .as_deref()
                .is_some_and(|r| r.starts_with("related-links heading"))
    };
    // An embedded tweet ("… — Jane Roe (@janeroe) May 2, 2019") ends like a headline but is
    // quoted in the story.
    let headline = |b: &Block| {
        b.kind == Kind::Body
            && b.text.chars().count() <= MAX_HEADLINE_CHARS
            && !b.text.ends_with(['.', '!', '"', '”'])
            && !b.text.contains("(@")
    };
    let bare_headline = |b: &Block| {
        headline(b)
            && !b.text.ends_with(['?', ':', ';', ','])
            && b.text
                .starts_with(|c: char| c.is_uppercase() || c.is_numeric() || "\"“'‘".contains(c))
    };
    let Some(last) = blocks.iter().rposition(is_heading) else {
        return;
    };
    let list_ends_article = !blocks[last + 1..]
        .iter()
        .any(|b| b.kind.is_content() && !headline(b));
    let mut under_heading = false;
    for (i, block) in blocks.iter_mut().enumerate() {
        if is_heading(block) {
            under_heading = true;
        } else if (i > last && list_ends_article && headline(block))
            || (under_heading && bare_headline(block))
        {
            block.kind = Kind::Promo;
            block.reason = Some("related link under a related-links heading".to_string());
        } else if block.kind.is_content() {
            under_heading = false;
        }
    }
}

/// Longer than this, a line is not a headline.
pub(in crate::text) const MAX_HEADLINE_CHARS: usize = 160;

/// The reason of a link to a part of a series.
pub(in crate::text) const SERIES_REASON: &str =
    "link to a part of a series (lines 'Part N: …' in a row)";

/// Sets aside the links to the parts of a series that an installment lists: two or more
/// short body blocks in a row that each open with "Part 1:", "Part 2:" and so on. An
/// article's own parts stand apart, each with its text under it.
fn set_aside_series_links(blocks: &mut [Block]) {
    let is_part = |b: &Block| {
        let label = b
            .text
            .strip_prefix("Part ")
            .and_then(|rest| rest.split_once(':'))
            .map(|(n, _)| n);
        b.kind == Kind::Body
            && b.text.chars().count() <= MAX_HEADLINE_CHARS
            && label.is_some_and(is_item_number)
    };
    for run in runs(blocks, is_part)
        .into_iter()
        .filter(|run| run.len() >= 2)
    {
        for block in &mut blocks[run] {
            block.kind = Kind::Promo;
            block.reason = Some(SERIES_REASON.to_string());
        }
    }
}

/// The runs of consecutive blocks that `pred` holds for, longest first at each start.
fn runs(blocks: &[Block], pred: impl Fn(&Block) -> bool) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..].iter().take_while(|b| pred(b)).count();
        if run > 0 {
            found.push(i..i + run);
        }
        i += run.max(1);
    }
    found
}

/// A list item's or a part's number: one or two digits ("Part 2:", "1. Ohio").
fn is_item_number(n: &str) -> bool {
    !n.is_empty() && n.len() <= 2 && n.bytes().all(|c| c.is_ascii_digit())
}

/// Lines of names before a contributor line that a scraper split: "—Jane Roe," / "John Doe
/// and Ann Poe" / "contributed to this article." The last is set aside by the rules; the
/// names before it, up to this many blocks, go with it.
const MAX_CREDIT_NAME_BLOCKS: usize = 2;

/// Sets the name lines before a set-aside block that continues a credit ("contributed to
/// this article.", in lower case: the end of a sentence begun above) to its class.
fn set_aside_split_credits(blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        if blocks[i].kind.is_content() || !blocks[i].text.starts_with("contributed ") {
            continue;
        }
        let (kind, reason) = (blocks[i].kind, blocks[i].reason.clone());
        for j in (i.saturating_sub(MAX_CREDIT_NAME_BLOCKS)..i).rev() {
            if !is_names_line(&blocks[j].text) {
                break;
            }
            // A line of names another rule set aside (as a byline, say) keeps its reason.
            if blocks[j].kind == Kind::Body {
                blocks[j].kind = kind;
                blocks[j].reason = reason.clone();
            }
        }
    }
}

/// A short line of names only: capitalised words, initials, commas and "and", maybe after a
/// dash ("—Jane Roe,", "and John A. Doe", "Jane Roe, John Doe").
fn is_names_line(text: &str) -> bool {
    let names = text.trim_start_matches(['—', '–', '-', ' ']);
    text.chars().count() <= 80
        && names.split_whitespace().next().is_some()
        && names
            .split_whitespace()
            .map(|w| w.trim_end_matches(','))
            .all(|w| w == "and" || w.starts_with(char::is_uppercase))
}

/// A photo gallery scraped into the text shows each caption twice, one copy right after the
/// other. An article with at least this many such doubled blocks carries a gallery (a story
/// paragraph scraped twice happens once, not again and again)...
const MIN_GALLERY_PAIRS: usize = 3;
/// ...counting only blocks with at least this many letters: short labels ("Twitter", a
/// chart's city names) repeat for other reasons.
const MIN_GALLERY_LETTERS: usize = 20;

/// Sets aside as captions the body blocks of a photo gallery: blocks doubled (each followed
/// by an identical copy) in an article with [`MIN_GALLERY_PAIRS`] or more of them. Both
/// copies go, as neither is the story's text.
fn set_aside_gallery_captions(blocks: &mut [Block]) {
    let doubled = |a: &Block, b: &Block| {
        a.kind == Kind::Body
            && b.kind == Kind::Body
            && a.text == b.text
            && a.text.chars().filter(|c| c.is_alphabetic()).count() >= MIN_GALLERY_LETTERS
    };
    let pairs: Vec<usize> = (1..blocks.len())
        .filter(|&i| doubled(&blocks[i - 1], &blocks[i]))
        .collect();
    if pairs.len() < MIN_GALLERY_PAIRS {
        return;
    }
    let reason = format!(
        "photo gallery caption, shown twice (as {} captions of this article are)",
        pairs.len()
    );
    for i in pairs {
        for block in &mut blocks[i - 1..=i] {
            block.kind = Kind::Caption;
            block.reason = Some(reason.clone());
        }
    }
}

/// A chart or map scraped into the text leaves its labels one per block: axis ticks ("20",
/// "’60", "40 inches", "from 39.6%") among a few names ("Le Pen", "Corpus Christi"). A run
/// of at least this many short body blocks in a row...
const MIN_LABEL_RUN: usize = 4;
/// ...each at most this long...
const MAX_LABEL_CHARS: usize = 25;
/// ...at least half of them ticks, and at least this many, is the chart's. A tick is one
/// number, maybe with a unit in lower case; a table's rows ("2009 78 2041"), a poll's
/// ("Smith 16%", "KY 27%") and a list's items ("1. Ohio", "• Maine: 12,912") are not.
const MIN_TICKS: usize = 3;
/// A unit is short: "40 inches", "30 pct. pts.", "from 39.6%"; "1 oz fresh lemon juice" is a
/// recipe's line.
const MAX_TICK_LETTERS: usize = 8;

/// Sets aside as captions the labels of a chart or map spilled into the text (see
/// [`MIN_LABEL_RUN`]).
fn set_aside_chart_labels(blocks: &mut [Block]) {
    let short = |b: &Block| {
        let text = b.text.trim();
        let list_item = text.starts_with(['•', '—', '–', '-', '*', '·'])
            || text
                .split_once(['.', ')'])
                .is_some_and(|(n, rest)| is_item_number(n) && rest.starts_with(' '));
        b.kind == Kind::Body
            && text.chars().count() <= MAX_LABEL_CHARS
            && !list_item
            && !text.ends_with(['.', '!', '?', ':', '"', '”'])
    };
    let tick = |b: &Block| {
        let numbers = b
            .text
            .split(|c: char| !(c.is_ascii_digit() || ".,/:%’'‘".contains(c)))
            .filter(|t| t.contains(|c: char| c.is_ascii_digit()))
            .count();
        numbers == 1
            && !b.text.chars().any(char::is_uppercase)
            && b.text.chars().filter(|c| c.is_alphabetic()).count() <= MAX_TICK_LETTERS
    };
    for run in runs(blocks, short) {
        let ticks = blocks[run.clone()].iter().filter(|b| tick(b)).count();
        if run.len() >= MIN_LABEL_RUN && ticks >= MIN_TICKS && ticks * 2 >= run.len() {
            let reason = format!("label of a chart or map, spilled into the text ({} short labels in a row, {ticks} of them numbers)", run.len());
            for block in &mut blocks[run] {
                block.kind = Kind::Caption;
                block.reason = Some(reason.clone());
            }
        }
    }
}

/// Sets aside the author's name box: a body block that is the byline's first name ("Jane
/// Roe" of "Jane Roe, Special to Example News"; a byline of two parts at most), the only
/// such block of the article, set in the story (an opinion page's box beside the text). A
/// transcript names its speakers again and again, a symposium lists many writers and heads
/// each one's part with their name, and a letter is signed after a closing ("Sincerely,"):
/// those stay.
fn set_aside_name_box(blocks: &mut [Block], byline: &str) {
    let parts: Vec<&str> = byline
        .split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    let name = match parts[..] {
        [name] | [name, _] if name.chars().count() <= MAX_NAME_BOX_CHARS => name,
        _ => return,
    };
    let is_name = |b: &Block| b.text.trim().eq_ignore_ascii_case(name);
    let found: Vec<usize> = (0..blocks.len()).filter(|&i| is_name(&blocks[i])).collect();
    let [i] = found[..] else { return };
    let after_closing = i > 0 && blocks[i - 1].text.trim_end().ends_with(',');
    if blocks[i].kind == Kind::Body && !after_closing {
        blocks[i].kind = Kind::Credit;
        blocks[i].reason =
            Some("name box: the author's name (the byline) set in the story".to_string());
    }
}

/// A part of a byline longer than this is not a name.
const MAX_NAME_BOX_CHARS: usize = 60;
