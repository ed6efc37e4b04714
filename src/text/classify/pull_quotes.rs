//! Pull quotes: a short block that repeats, word for word, a quotation of a longer body block
//! of the same article is a display copy set beside the story (a pull quote), not more of the
//! story. Setting it aside loses no words: they stay in the block they were copied from. The
//! words must be inside quotation marks in the longer block: a lead sentence repeated by a
//! summary, or a live blog's update repeated in a later one, is story text, not a pull quote.
//! A box may also quote words the story does not carry, and then its credit gives it away: a
//! block that is one quotation and a dash and the name of a person the story names elsewhere
//! ([`credited_box`]).

use std::collections::{HashMap, HashSet};

use crate::model::{Block, Kind};

/// Blocks at most this long may be pull quotes; longer ones are paragraphs of their own.
const MAX_CHARS: usize = 400;
/// Words in a run shared with the longer block (a shingle); shorter shared runs are phrases
/// any story repeats ("the president of the United States").
const SHINGLE: usize = 6;
/// At least this many of the block's words must lie in shared runs...
const MIN_SHARED_WORDS: usize = 8;
/// ...and at least this share of them: a pull quote is the copy and its credit at most.
const MIN_SHARED: f64 = 0.6;

/// The block's words, in lower case, letters and digits only (so curly and straight marks,
/// and the spacing of tokenised text, do not matter), each with whether it stands inside
/// double quotation marks (curly, straight or angled; single marks are apostrophes too often)
/// and where it starts (a byte offset).
fn words(text: &str) -> Vec<(String, bool, usize)> {
    let mut out = Vec::new();
    let (mut quoted, mut word, mut start) = (false, String::new(), 0);
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = at;
            }
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push((std::mem::take(&mut word), quoted, start));
        }
        match c {
            '“' | '„' | '«' => quoted = true,
            '”' | '»' => quoted = false,
            '"' => quoted = !quoted,
            _ => {}
        }
    }
    out
}

/// Words of a pull quote's credit at most: a name and a title ("John Cornyn, U.S. Senator
/// (R-Texas)").
const MAX_CREDIT_WORDS: usize = 12;

/// Whether the words of `text` after the last one `shared` marks are a credit: one to
/// [`MAX_CREDIT_WORDS`] words, opening with a capital letter or a dash ("- Matthew Ingram",
/// "Charles Bolden, NASA Administrator"), not a sentence (no full stop, question or
/// exclamation mark at its end), not an account's handle. A box that quotes a speaker names
/// them; a block that only repeats words (an embedded post the story quotes, a live blog's
/// update) does not.
fn credit(text: &str, words: &[(String, bool, usize)], shared: &[bool]) -> bool {
    let Some(last) = shared.iter().rposition(|s| *s) else {
        return false;
    };
    let tail = &words[last + 1..];
    let Some((_, _, start)) = tail.first() else {
        return false;
    };
    let end = words[last].2 + words[last].0.len();
    let between = text.get(end..*start).unwrap_or("");
    let credit = text.get(*start..).unwrap_or("").trim_end();
    let opens =
        credit.chars().next().is_some_and(char::is_uppercase) || between.contains(['-', '–', '—']);
    // An embedded post names its account ("— Jane Roe (@jroe) May 2, 2017"): the story
    // quotes the post, and the post is kept.
    let post = credit.contains('@') || credit.contains("twitter.com");
    tail.len() <= MAX_CREDIT_WORDS && opens && !post && !credit.ends_with(['.', '!', '?'])
}

/// Sets aside as captions the body blocks of at most [`MAX_CHARS`] characters most of whose
/// words (see [`MIN_SHARED`]) repeat runs of [`SHINGLE`] words quoted in one longer body
/// block of the same article, and that end with a credit ([`credit`]).
///
/// ```
/// use corpusdb::model::{Block, Kind};
/// let block = |text: &str| Block { kind: Kind::Body, reason: None, language: None, text: text.into(), sentences: vec![], line_key: None };
/// let mut blocks = vec![
///     block("“We want to thank all of the locations,” Bolden said. “This was a very difficult decision, but one that was made with the American public in mind.”"),
///     block("This was a very difficult decision, but one that was made with the American public in mind. Charles Bolden, NASA Administrator"),
///     block("The shuttle will go to a museum in Los Angeles."),
/// ];
/// corpusdb::text::classify::pull_quotes::set_aside(&mut blocks);
/// assert_eq!([blocks[0].kind, blocks[1].kind, blocks[2].kind], [Kind::Body, Kind::Caption, Kind::Body]);
/// ```
pub fn set_aside(blocks: &mut [Block]) {
    // A pull quote ends with its credit, not with a sentence's end: an article with no such
    // short body block has none, and its words need not be gathered.
    let may_be_credited = |b: &Block| {
        let tail = b.text.trim_end_matches(|c: char| !c.is_alphanumeric());
        b.kind == Kind::Body
            && b.text.len() <= MAX_CHARS * 4
            && !b.text[tail.len()..].contains(['.', '!', '?'])
    };
    if !blocks.iter().any(may_be_credited) {
        return;
    }
    let texts: Vec<Option<Vec<(String, bool, usize)>>> = blocks
        .iter()
        .map(|b| (b.kind == Kind::Body).then(|| words(&b.text)))
        .collect();
    let plain: Vec<Option<Vec<&str>>> = texts
        .iter()
        .map(|w| {
            w.as_ref()
                .map(|w| w.iter().map(|(w, _, _)| w.as_str()).collect())
        })
        .collect();
    // Every run of SHINGLE words inside a quotation of a body block, and the blocks it is in.
    let mut runs: HashMap<&[&str], Vec<usize>> = HashMap::new();
    for (i, (w, p)) in texts.iter().zip(&plain).enumerate() {
        let (Some(w), Some(p)) = (w, p) else { continue };
        let mut seen = HashSet::new();
        for (at, run) in p.windows(SHINGLE).enumerate() {
            if w[at..at + SHINGLE].iter().all(|(_, q, _)| *q) && seen.insert(run) {
                runs.entry(run).or_default().push(i);
            }
        }
    }
    let mut found = Vec::new();
    for (i, p) in plain.iter().enumerate() {
        let Some(p) = p else { continue };
        if blocks[i].text.chars().count() > MAX_CHARS || p.len() < MIN_SHARED_WORDS {
            continue;
        }
        // The longer block whose quotations share most of this one's words.
        let mut covered: HashMap<usize, Vec<bool>> = HashMap::new();
        for (at, run) in p.windows(SHINGLE).enumerate() {
            for &j in runs.get(run).into_iter().flatten() {
                let longer = plain[j].as_ref().is_some_and(|o| o.len() > p.len());
                if j != i && longer {
                    let marks = covered.entry(j).or_insert_with(|| vec![false; p.len()]);
                    marks[at..at + SHINGLE].iter_mut().for_each(|m| *m = true);
                }
            }
        }
        let best = covered
            .into_iter()
            .map(|(j, marks)| (marks.iter().filter(|m| **m).count(), j, marks))
            .max();
        if let Some((shared, j, marks)) = best {
            let credited = texts[i]
                .as_ref()
                .is_some_and(|w| credit(&blocks[i].text, w, &marks));
            if shared >= MIN_SHARED_WORDS
                && shared as f64 >= MIN_SHARED * p.len() as f64
                && credited
            {
                found.push((i, j));
            }
        }
    }
    for (i, j) in found {
        blocks[i].kind = Kind::Caption;
        blocks[i].reason = Some(format!(
            "pull quote: repeats a quotation of block {j} of this article"
        ));
    }
    set_aside_credited_boxes(blocks);
}

/// Words of a credited box's name: at least two, a person's full name (a newsletter sets
/// its quotations apart with a surname, "“We'll see what happens.” — Trump", as its text)...
const MIN_BOX_NAME_WORDS: usize = 2;
/// ...and at most this many ("Matthew Ingram", "Jane van der Roe").
const MAX_BOX_NAME_WORDS: usize = 5;

/// The name a quotation box credits: the block is one quotation in double marks and nothing
/// after it but a dash and a name ([`MIN_BOX_NAME_WORDS`] to [`MAX_BOX_NAME_WORDS`] words,
/// each capitalised or a lower-case particle, no digits, no account handle, no sentence's
/// end): "“So far, it's the Internet: 1, Scientology: 0.” - Matthew Ingram". `None` for
/// anything else.
///
/// ```
/// use corpusdb::text::classify::pull_quotes::credited_box;
/// assert_eq!(credited_box("“It's a long game.” - Matthew Ingram"), Some("Matthew Ingram"));
/// assert_eq!(credited_box("“We'll see what happens.” — Trump"), None);
/// assert_eq!(credited_box("“It's a long game,” Matthew Ingram said."), None);
/// assert_eq!(credited_box("“Story found on street” — CBC.ca, August 15, 2008"), None);
/// assert_eq!(credited_box("“Pray.” — Jane Roe (@jroe) May 2, 2017"), None);
/// ```
pub fn credited_box(text: &str) -> Option<&str> {
    let text = text.trim();
    let rest = text.strip_prefix('“').or_else(|| text.strip_prefix('"'))?;
    let close = rest.rfind(['”', '"'])?;
    let quoted = &rest[..close];
    if quoted.contains(['“', '"']) || quoted.trim().is_empty() {
        return None;
    }
    let after = rest[close..].trim_start_matches(['”', '"']).trim_start();
    let name = after.strip_prefix(['-', '–', '—'])?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = |w: &&str| {
        w.starts_with(char::is_uppercase)
            || ["de", "van", "der", "von", "da", "al", "bin"].contains(w)
    };
    let plain = !name.contains(|c: char| c.is_ascii_digit() || "@.!?,;:()".contains(c));
    ((MIN_BOX_NAME_WORDS..=MAX_BOX_NAME_WORDS).contains(&words.len())
        && words.iter().all(name_like)
        && plain)
        .then_some(name)
}

/// Sets aside as captions the quotation boxes ([`credited_box`]) whose name a longer body
/// block of the same article carries: the story names the person the box quotes, and the
/// box stands beside it. A box next to another of its shape is an item of a list the story
/// gives (headlines and who ran them, quotations of the week) and stays.
fn set_aside_credited_boxes(blocks: &mut [Block]) {
    let is_box = |b: Option<&Block>| b.is_some_and(|b| credited_box(&b.text).is_some());
    let found: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == Kind::Body && b.text.chars().count() <= MAX_CHARS)
        .filter(|(i, _)| {
            !is_box(i.checked_sub(1).and_then(|j| blocks.get(j))) && !is_box(blocks.get(i + 1))
        })
        .filter_map(|(i, b)| {
            let name = credited_box(&b.text)?;
            let j = blocks.iter().position(|o| {
                o.kind == Kind::Body && o.text.len() > b.text.len() && o.text.contains(name)
            })?;
            Some((i, j))
        })
        .collect();
    for (i, j) in found {
        blocks[i].kind = Kind::Caption;
        blocks[i].reason = Some(format!(
            "pull quote: a quotation box crediting a person block {j} of this article names"
        ));
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A body block of `text`, for the text stage's unit tests.
    pub(crate) fn block(text: &str) -> Block {
        Block {
            kind: Kind::Body,
            reason: None,
            language: None,
            text: text.into(),
            sentences: vec![],
            line_key: None,
        }
    }

    /// Issue #19 (gum-news): a pull quote with its credit is set aside; a summary that repeats
    /// the story's own sentence, not a quotation, stays body, and so does an embedded post
    /// the story quotes (no credit).
    #[test]
    fn issue_19_pull_quotes_repeat_a_quotation_not_a_sentence() {
        let mut blocks = vec![
            block("Writing in a blog post, Matthew Ingram dubbed it: “So far, it's the Internet: 1, Scientology: 0. But it's a long game.” Others agreed."),
            block("“So far, it's the Internet: 1, Scientology: 0. But it's a long game.” - Matthew Ingram"),
            block("The Government Development Bank has found itself at the center of the island's financial jam."),
            block("Officials said the Government Development Bank has found itself at the center of the island's financial jam, and more."),
            block("The mayor tweeted: “Praying for everyone at the festival. There are no words right now that suffice.”"),
            block("Praying for everyone at the festival. There are no words right now that suffice."),
        ];
        set_aside(&mut blocks);
        let kinds: Vec<Kind> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Body,
                Kind::Caption,
                Kind::Body,
                Kind::Body,
                Kind::Body,
                Kind::Body
            ]
        );
        assert_eq!(
            blocks[1].reason.as_deref(),
            Some("pull quote: repeats a quotation of block 0 of this article")
        );
    }
}
