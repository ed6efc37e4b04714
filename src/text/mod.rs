//! Pure text stages: from a raw article's text to titled, classified blocks with sentences,
//! languages and the outlet, after [`normalize`] has repaired the damage the text arrived
//! with (mojibake, HTML remnants, mangled marks, line ends, invisible characters). Nothing
//! here does I/O; every function maps text to spans or owned blocks.

pub mod blocks;
pub mod cards;
pub mod classify;
mod context;
pub mod dates;
pub mod language;
pub mod normalize;
pub mod outlets;
pub mod sentences;

use crate::model::{Article, Block, Kind, RawArticle};
use classify::Rules;
use context::set_aside_by_context;

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
