//! Pure text stages: from a raw article's text to titled, classified blocks with sentences,
//! languages and the outlet, after [`normalize`] has repaired the damage the text arrived
//! with (mojibake, HTML remnants, mangled marks, line ends, invisible characters). Nothing
//! here does I/O; every function maps text to spans or owned blocks.

pub mod blocks;
pub mod cards;
pub mod classify;
pub mod dates;
pub mod language;
pub mod normalize;
pub mod outlets;
pub mod sentences;

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Article, Block, Kind, RawArticle};
use classify::Rules;

/// Turns a raw article into an article ready to store: its text fields normalized (the
/// repairs recorded), blocks in order (title first), their kinds with reasons, languages and
/// sentences, the outlet, the normalised date, the word count and the content hash.
///
/// Returns `Err` with a message when there is nothing to store (no title and no text).
pub fn process(mut raw: RawArticle, rules: &Rules) -> Result<Article, String> {
    let bytes = raw.bytes();
    let repairs = normalize::normalize_article(&mut raw);
    let RawArticle {
        origin,
        layout,
        external_id,
        title,
        dek,
        text,
        date,
        source,
        source_domain,
        url,
        byline,
        mut warnings,
    } = raw;
    let mut blocks = blocks::structure(layout, title.as_deref(), &text, rules);
    if let Some(dek) = dek {
        add_dek(&mut blocks, &dek);
    }
    if blocks.is_empty() {
        return Err("empty article: no title and no text".to_string());
    }
    let (mut blocks, language) = clean(blocks, rules, byline.as_deref());
    // The outlet: the input's, else the one its URL's host names, else one named in the
    // set-aside blocks at the end.
    let content_hash = content_hash(source.as_deref(), &blocks);
    let given = source
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let by_url = match given {
        Some(_) => None,
        None => outlets::of_url(url.as_deref(), source_domain.as_deref()),
    };
    if let (None, Some(url)) = (&by_url, &url) {
        if given.is_none() {
            warnings.push(format!(
                "no host name in the url {url:?}; no outlet taken from it"
            ));
        }
    }
    let source_raw = given
        .or_else(|| by_url.as_ref().map(|o| o.host.clone()))
        .or_else(|| footer_outlet(&blocks).map(str::to_string));
    let source = match &by_url {
        Some(outlet) => Some(outlet.name.clone()),
        None => source_raw.as_deref().map(outlets::canonical),
    };
    let source_domain = source_domain.or_else(|| by_url.map(|o| o.domain));
    for block in &mut blocks {
        block.sentences = sentences::split(&block.text);
        // Only body blocks can turn out to be repeated lines; the rest are classified already.
        if block.kind == Kind::Body {
            block.line_key = classify::line_key(source.as_deref().unwrap_or(""), &block.text);
        }
    }
    let title = blocks
        .iter()
        .find(|b| b.kind == Kind::Title)
        .map(|b| b.text.clone());
    let dek = blocks
        .iter()
        .find(|b| b.kind == Kind::Dek)
        .map(|b| b.text.clone());
    let words = content(&blocks).map(count_words).sum();

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
    Ok(Article {
        origin,
        external_id,
        title,
        dek,
        byline,
        url,
        source,
        source_raw,
        source_domain,
        published_at,
        published_raw,
        language,
        content_hash,
        received_hash: None,
        blocks,
        words,
        warnings,
        bytes,
        mentions: Vec::new(),
        dates: Vec::new(),
        quotes: Vec::new(),
        story: Default::default(),
        repairs,
    })
}

/// The clean-text stage: classifies a structured article's blocks by the rules, cuts cards
/// of related headlines out of paragraphs, sets aside related links, gallery captions and
/// chrome in another language at the article's edges, and detects the article's language
/// and each block's. `byline` is the article's, when its input gives one. Returns the blocks
/// and the article's language.
pub fn clean(
    mut blocks: Vec<Block>,
    rules: &Rules,
    byline: Option<&str>,
) -> (Vec<Block>, Option<String>) {
    classify_blocks(&mut blocks, 0, rules);
    keep_own_subheadings(&mut blocks);
    blocks = cut_out_cards(blocks);
    set_aside_by_context(&mut blocks, byline);
    let language = language::detect_article(content(&blocks));
    for block in blocks
        .iter_mut()
        .filter(|b| b.language.is_none() && b.kind != Kind::Title)
    {
        block.language = language::detect_block(&block.text, language.as_deref());
    }
    if let Some(article_lang) = &language {
        set_aside_other_language_edges(&mut blocks, article_lang);
    }
    (blocks, language)
}

/// The chrome that only its neighbours give away, after the rules have classified each
/// block alone: the title scraped again under it, related links, a series' parts, names
/// split from a credit, gallery captions, a chart's labels, the author's name box, pull quotes. One list
/// for loading and reclassifying alike.
fn set_aside_by_context(blocks: &mut [Block], byline: Option<&str>) {
    mark_title_again(blocks);
    set_aside_related_links(blocks);
    set_aside_series_links(blocks);
    set_aside_split_credits(blocks);
    set_aside_gallery_captions(blocks);
    set_aside_chart_labels(blocks);
    if let Some(byline) = byline {
        set_aside_name_box(blocks, byline);
    }
    classify::pull_quotes::set_aside(blocks);
}

/// The text analytics read: title, dek and body blocks.
fn content(blocks: &[Block]) -> impl Iterator<Item = &str> + Clone {
    blocks
        .iter()
        .filter(|b| b.kind.is_content())
        .map(|b| b.text.as_str())
}

/// Applies the rules to the dek and body blocks from `from` on (the title is the title); a
/// block's position in the article says whether the rules for its edges apply.
fn classify_blocks(blocks: &mut [Block], from: usize, rules: &Rules) {
    let last = blocks.len().saturating_sub(1);
    for (i, block) in blocks
        .iter_mut()
        .enumerate()
        .skip(from)
        .filter(|(_, b)| matches!(b.kind, Kind::Dek | Kind::Body))
    {
        let at_edge = i <= classify::EDGE_BLOCKS || i + classify::EDGE_BLOCKS > last;
        if let Some(verdict) = rules.classify_at(&block.text, at_edge) {
            block.kind = verdict.kind;
            block.reason = Some(verdict.reason);
            if verdict.lang.is_some() {
                block.language = verdict.lang;
            }
        }
    }
}

use blocks::CAPITALS_HEADLINE;
/// An article links to a few other stories; more lines in capitals than this (of three words
/// or more, set aside or not) are the article's own subheadings, a newsletter's sections.
const MAX_CAPITALS_LINES: usize = 6;

/// Puts back into the body the lines in capitals set aside as other stories' headlines when
/// the article has more lines in capitals than it would have links: such an article writes
/// its own subheadings in capitals, and its long ones read like headlines.
fn keep_own_subheadings(blocks: &mut [Block]) {
    let is_capitals_headline = |b: &Block| {
        b.kind == Kind::Promo
            && b.reason
                .as_deref()
                .is_some_and(|r| r.starts_with(CAPITALS_HEADLINE))
    };
    let in_capitals = |b: &Block| {
        (b.kind == Kind::Body || is_capitals_headline(b))
            && b.text.split_whitespace().nth(2).is_some()
            && b.text.chars().any(char::is_uppercase)
            && !b.text.chars().any(char::is_lowercase)
    };
    if !blocks.iter().any(is_capitals_headline)
        || blocks.iter().filter(|b| in_capitals(b)).count() <= MAX_CAPITALS_LINES
    {
        return;
    }
    for block in blocks.iter_mut().filter(|b| is_capitals_headline(b)) {
        block.kind = Kind::Body;
        block.reason = None;
    }
}

/// The reason of a card cut out of a paragraph: it marks the block as cut at load.
const CARD_REASON: &str =
    "card of related headlines after a name (\"… MORE\"), cut out of the paragraph before";

/// Cuts the cards of related headlines out of body paragraphs ([`cards`]): the paragraph
/// keeps its sentence, and each card follows it as a block of its own, set aside as promo,
/// so that nothing is lost and nothing of it counts as the story.
fn cut_out_cards(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for mut block in blocks {
        let found = if block.kind == Kind::Body {
            cards::find(&block.text)
        } else {
            Vec::new()
        };
        if found.is_empty() {
            out.push(block);
            continue;
        }
        let set_aside: Vec<Block> = found
            .iter()
            .map(|card| Block {
                kind: Kind::Promo,
                reason: Some(CARD_REASON.to_string()),
                language: None,
                text: block.text[card.clone()].trim().to_string(),
                sentences: Vec::new(),
                line_key: None,
            })
            .collect();
        for card in found.into_iter().rev() {
            block.text.replace_range(card, "");
        }
        out.push(block);
        out.extend(set_aside);
    }
    out
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

/// The reason of the title found again in the text.
const TITLE_AGAIN: &str = "the title again, scraped into the text under it";
/// The reason of a caption glued to the headline under the title.
const CAPTION_AND_HEADLINE: &str = "photo caption glued to the headline under the title";
/// The reason of the page's own headline, worded differently from the title.
const HEADLINE_REWORDED: &str = "the headline again, worded differently from the title";

/// A scraper often takes the page's headline into the text as well as into the title. A
/// block this close under the title that reads the same (ignoring case, spaces and
/// punctuation) is the title again, not the story's first paragraph, and is classed a title;
/// the first block, when it is a caption with the headline glued after it (see
/// [`caption_then_headline`]), is a caption, and when it is the page's headline worded
/// differently from the title (see [`headline_reworded`]), a title.
fn mark_title_again(blocks: &mut [Block]) {
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
fn caption_then_headline(text: &str, title: &str) -> bool {
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
fn headline_reworded(text: &str, title: &str) -> bool {
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

/// Longer than this, a line is not a headline.
const MAX_HEADLINE_CHARS: usize = 160;

/// The reason of a link to a part of a series.
const SERIES_REASON: &str = "link to a part of a series (lines 'Part N: …' in a row)";

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

/// Re-applies `rules` to an article's stored blocks (after a rules change): the title, the
/// dek, the chrome before the title and the cards cut out of paragraphs stay as found at
/// load; every other later block is classified again. (A card is found in the paragraph it
/// was cut from, which is stored without it: no rule can find it again.)
pub fn reclassify(
    blocks: &mut [Block],
    rules: &Rules,
    article_lang: Option<&str>,
    byline: Option<&str>,
) {
    let after_title = blocks
        .iter()
        .position(|b| b.kind == Kind::Title)
        .map_or(0, |t| t + 1);
    let as_found = |b: &Block| b.kind == Kind::Dek || b.reason.as_deref() == Some(CARD_REASON);
    for block in blocks[after_title..].iter_mut().filter(|b| !as_found(b)) {
        // A piece of a long block cut at load says so while it is body.
        let cut = block.kind == Kind::Body
            && block
                .reason
                .as_deref()
                .is_some_and(blocks::cut::is_cut_reason);
        block.kind = Kind::Body;
        if !cut {
            block.reason = None;
        }
    }
    classify_blocks(blocks, after_title, rules);
    keep_own_subheadings(blocks);
    set_aside_by_context(blocks, byline);
    if let Some(lang) = article_lang {
        set_aside_other_language_edges(blocks, lang);
    }
}

/// At most this many blocks in another language at either end of an article are chrome; a
/// longer run means the article's language was misjudged, or the article is bilingual.
const MAX_OTHER_LANGUAGE_EDGE: usize = 3;

/// Body blocks in another language before the article's first or after its last body block
/// in its own language are chrome (a publisher's notice, a skip link); in the middle of the
/// story they are content (a quoted passage) and stay body.
fn set_aside_other_language_edges(blocks: &mut [Block], article_lang: &str) {
    let own =
        |b: &Block| b.kind == Kind::Body && b.language.as_deref().is_none_or(|l| l == article_lang);
    let first = blocks.iter().position(own);
    let last = blocks.iter().rposition(own);
    let foreign = |b: &Block| {
        b.kind == Kind::Body && b.language.as_deref().is_some_and(|l| l != article_lang)
    };
    let leading = blocks[..first.unwrap_or(0)]
        .iter()
        .filter(|b| foreign(b))
        .count();
    let trailing = last.map_or(0, |last| {
        blocks[last + 1..].iter().filter(|b| foreign(b)).count()
    });
    if first.is_none() || leading > MAX_OTHER_LANGUAGE_EDGE || trailing > MAX_OTHER_LANGUAGE_EDGE {
        return;
    }
    for (i, block) in blocks.iter_mut().enumerate() {
        let Some(lang) = block.language.clone().filter(|l| l != article_lang) else {
            continue;
        };
        if block.kind != Kind::Body {
            continue;
        }
        let edge = match (first, last) {
            (Some(first), _) if i < first => "before the article's first paragraph",
            (_, Some(last)) if i > last => "after the article's last paragraph",
            _ => continue,
        };
        block.kind = Kind::OtherLanguage;
        block.reason = Some(format!(
            "language {lang} in an {article_lang} article, {edge}"
        ));
    }
}

/// An outlet named in the set-aside blocks after the story (a footer or publisher notice).
fn footer_outlet(blocks: &[Block]) -> Option<&'static str> {
    let last_content = blocks
        .iter()
        .rposition(|b| b.kind.is_content())
        .unwrap_or(0);
    blocks[last_content + 1..]
        .iter()
        .find_map(|b| outlets::named_in(&b.text))
}

/// Puts the input's dek field under the title (first, when there is no title), unless the
/// article's text holds it already: a "description" column is often the first paragraph or
/// its first sentences, or either cut short with an ellipsis, and a second copy would count
/// its words, quotes and names twice.
fn add_dek(blocks: &mut Vec<Block>, dek: &str) {
    let dek = blocks::collapse_lines(dek);
    let cut_short = dek.ends_with('…') || dek.ends_with("...");
    let stem = dek.trim_end_matches(['…', '.']).trim_end();
    let sentence = dek.ends_with(['.', '!', '?', '"', '”']) && !cut_short;
    let held = |text: &str| {
        let text = blocks::collapse_lines(text);
        text == dek
            || (cut_short && text.starts_with(stem))
            || (sentence && text.strip_prefix(&dek).is_some_and(|r| r.starts_with(' ')))
    };
    if stem.is_empty() || blocks.iter().any(|b| held(&b.text)) {
        return;
    }
    let at = blocks
        .iter()
        .position(|b| b.kind == Kind::Title)
        .map_or(0, |i| i + 1);
    let block = Block {
        kind: Kind::Dek,
        reason: Some("the input's dek field".to_string()),
        language: None,
        text: dek,
        sentences: Vec::new(),
        line_key: None,
    };
    blocks.insert(at, block);
}

/// Words as a person counts them: runs of letters or digits.
///
/// ```
/// assert_eq!(corpusdb::text::count_words("Kim Jong-un, 34, met Assad."), 6);
/// ```
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
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

#[cfg(test)]
mod tests;
