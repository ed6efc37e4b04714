//! Corpus-level cleaning, run after loads and by `corpusdb reclassify`: lines that recur
//! across many articles of one outlet are set aside as `repeated`, and stored blocks are
//! re-checked against the current classification rules. Both keep the report rollups
//! ([`super::rollups`]) in step.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use rusqlite::{params, Connection};

use super::rollups::{self, Facts, Rollups};
use crate::model::{Block, Kind};
use crate::text::{self, classify::Rules};
use crate::vocab::{self, List, Reader};
use crate::Result;

/// A line is boilerplate when it recurs in at least this many articles of its outlet...
pub const MIN_ARTICLES: i64 = 5;
/// ...published on at least this many different days (when dates are known): a line shared
/// by a few articles covering one story in the same days is content, not boilerplate.
pub const MIN_DAYS: usize = 3;
/// Boilerplate stands at the edges of articles (the first or last blocks this close to them)
/// in at least half of its occurrences; a line recurring mid-article is a heading or label
/// that structures the story ("What's next", "From the Right"), unless it speaks to the
/// reader ([`speaks_to_reader`]): a promo set in the story.
const EDGE_BLOCKS: i64 = 3;
/// Words of a line that addresses the reader or points elsewhere: a promo or a call to
/// write in ("Visit our homepage for more stories.", "Got a tip? Email ..."), which a
/// story's own recurring headings and labels are not (the vocabulary's `reader_words`).
static READER_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::words(List::ReaderWords, Reader::Clean).collect());
/// A line found this many times per article on average is a label inside the story (a
/// transcript's speaker names), not furniture around it.
const MAX_PER_ARTICLE: f64 = 1.5;

/// One block carrying a candidate line.
struct Occurrence {
    id: i64,
    article_id: i64,
    kind: String,
    source_id: Option<i64>,
    published_at: Option<String>,
    position: i64,
    text: String,
    last: i64,
}

/// Marks body blocks whose line recurs across an outlet's articles as `repeated`, with a
/// reason saying how often, moving the changed articles' shares of the report rollups in
/// `rollups`. Returns how many blocks changed.
pub fn mark_repeated(conn: &Connection, rollups: &mut Rollups) -> Result<usize> {
    let keys: Vec<i64> = conn
        .prepare(include_str!("sql/repeated_candidates.sql"))?
        .query_map([MIN_ARTICLES], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut blocks = conn.prepare(include_str!("sql/repeated_blocks.sql"))?;
    let mut outlet_articles = conn.prepare_cached(include_str!("sql/outlet_articles.sql"))?;
    let mut set_kind = conn.prepare_cached(include_str!("sql/set_kind.sql"))?;
    // The blocks to set aside, by article: each changed article's share of the rollups is
    // read before and after its blocks change.
    let mut marks: BTreeMap<i64, Vec<(i64, String)>> = BTreeMap::new();
    for key in keys {
        let rows: Vec<Occurrence> = blocks
            .query_map([key], |r| {
                Ok(Occurrence {
                    id: r.get(0)?,
                    article_id: r.get(1)?,
                    kind: r.get(2)?,
                    source_id: r.get(3)?,
                    published_at: r.get(4)?,
                    position: r.get(5)?,
                    text: r.get(6)?,
                    last: r.get(7)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let Some(source_id) = rows.first().map(|r| r.source_id) else {
            continue;
        };
        if !is_boilerplate(&rows) {
            continue;
        }
        let articles = rows
            .iter()
            .map(|r| r.article_id)
            .collect::<HashSet<_>>()
            .len();
        let total: i64 = outlet_articles.query_row([source_id], |r| r.get(0))?;
        let reason = format!("repeated in {articles} of {total} articles from this outlet");
        for row in rows
            .iter()
            .filter(|r| r.kind == "body" || r.kind == "repeated")
        {
            marks
                .entry(row.article_id)
                .or_default()
                .push((row.id, reason.clone()));
        }
    }
    let mut changed = 0;
    for (article_id, blocks) in marks {
        let before = Facts::read(conn, article_id)?;
        let mut here = 0;
        for (id, reason) in blocks {
            here += set_kind.execute(params![id, "repeated", reason])?;
        }
        if let (Some(before), true) = (before, here > 0) {
            if let Some(after) = Facts::read(conn, article_id)? {
                rollups.change(&before, &after);
            }
        }
        changed += here;
    }
    Ok(changed)
}

/// Whether one line's occurrences across an outlet look like boilerplate: in enough
/// articles, on enough days, at the articles' edges (or speaking to the reader), about once
/// per article.
fn is_boilerplate(rows: &[Occurrence]) -> bool {
    let articles: HashSet<i64> = rows.iter().map(|r| r.article_id).collect();
    let days: HashSet<&str> = rows
        .iter()
        .filter_map(|r| r.published_at.as_deref())
        .map(|d| &d[..d.len().min(10)])
        .collect();
    let dated = rows.iter().any(|r| r.published_at.is_some());
    let at_edges = rows
        .iter()
        .filter(|r| r.position <= EDGE_BLOCKS || r.position >= r.last - (EDGE_BLOCKS - 1))
        .count();
    (articles.len() as i64) >= MIN_ARTICLES
        && (!dated || days.len() >= MIN_DAYS)
        && (at_edges * 2 >= rows.len() || rows.first().is_some_and(|r| speaks_to_reader(&r.text)))
        && (rows.len() as f64) / (articles.len() as f64) < MAX_PER_ARTICLE
}

/// Whether a line addresses the reader or points elsewhere (see [`READER_WORDS`]), or
/// carries an address (an email, a link); a transcript's "Thank you." is not one.
fn speaks_to_reader(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek() == Some(&"thank") {
        return false;
    }
    lower.contains('@')
        || lower.contains("http")
        || lower.contains("sign up")
        || words.any(|w| READER_WORDS.contains(&w))
}

/// What reclassifying needs of an article besides its blocks.
struct StoredArticle {
    id: i64,
    language: Option<String>,
    /// The outlet's canonical name, which its lines are keyed by.
    outlet: Option<String>,
    byline: Option<String>,
}

/// Re-checks every stored article's blocks against `rules` (titles and deks found at load
/// stay), then recomputes the repeated lines. Returns how many blocks changed kind or reason.
pub fn reclassify(conn: &mut Connection, rules: &Rules) -> Result<usize> {
    let tx = conn.transaction()?;
    // Repeated lines are found again from scratch below: counting the writes would count
    // every one of them as a change.
    tx.execute(include_str!("sql/kinds_before.sql"), [])?;
    tx.execute(include_str!("sql/unmark_repeated.sql"), [])?;
    {
        let mut articles = tx.prepare(include_str!("sql/articles_to_reclassify.sql"))?;
        let mut paragraphs = tx.prepare_cached(include_str!("sql/article_blocks.sql"))?;
        let mut set_kind = tx.prepare_cached(include_str!("sql/set_kind.sql"))?;
        let mut set_line_key = tx.prepare_cached(include_str!("sql/set_line_key.sql"))?;
        let stored: Vec<StoredArticle> = articles
            .query_map([], |r| {
                Ok(StoredArticle {
                    id: r.get(0)?,
                    language: r.get(1)?,
                    outlet: r.get(2)?,
                    byline: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        for StoredArticle {
            id: article_id,
            language,
            outlet,
            byline,
        } in stored
        {
            let rows: Vec<(i64, Block)> = paragraphs
                .query_map([article_id], |r| {
                    let kind: String = r.get(1)?;
                    let block = Block {
                        kind: Kind::parse(&kind).unwrap_or(Kind::Body),
                        reason: r.get(2)?,
                        language: r.get(3)?,
                        text: r.get(4)?,
                        sentences: Vec::new(),
                        line_key: r.get(5)?,
                    };
                    Ok((r.get(0)?, block))
                })?
                .collect::<Result<_, _>>()?;
            let (ids, mut blocks): (Vec<i64>, Vec<Block>) = rows.into_iter().unzip();
            let before: Vec<(Kind, Option<String>)> =
                blocks.iter().map(|b| (b.kind, b.reason.clone())).collect();
            text::reclassify(&mut blocks, rules, language.as_deref(), byline.as_deref());
            for ((id, block), (kind, reason)) in ids.iter().zip(&blocks).zip(before) {
                if block.kind != kind || block.reason != reason {
                    set_kind.execute(params![id, block.kind.as_str(), block.reason])?;
                }
                // Keyed as a load keys them (body blocks only), so that a block the rules
                // no longer set aside, or a line the key now covers, can be found repeated.
                let line_key = if block.kind == Kind::Body {
                    text::classify::line_key(outlet.as_deref().unwrap_or(""), &block.text)
                } else {
                    None
                };
                if line_key != block.line_key {
                    set_line_key.execute(params![id, line_key])?;
                }
            }
        }
    }
    // Every article may have changed: the rollups are counted again, from the new kinds.
    mark_repeated(&tx, &mut Rollups::default())?;
    rollups::rebuild(&tx)?;
    let changed: i64 = tx.query_row(include_str!("sql/kinds_changed.sql"), [], |r| r.get(0))?;
    tx.execute("DROP TABLE temp.kinds_before", [])?;
    tx.commit()?;
    Ok(changed as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line set once in each of `n` articles, on different days, at `position` of 20 blocks.
    fn occurrences(text: &str, n: i64, position: i64) -> Vec<Occurrence> {
        (0..n)
            .map(|i| Occurrence {
                id: i,
                article_id: i,
                kind: "body".into(),
                source_id: Some(1),
                published_at: Some(format!("2020-01-{:02}", i + 1)),
                position,
                text: text.into(),
                last: 20,
            })
            .collect()
    }

    #[test]
    fn a_line_mid_article_is_boilerplate_only_when_it_speaks_to_the_reader() {
        assert!(is_boilerplate(&occurrences(
            "Copyright Example News",
            6,
            20
        )));
        assert!(!is_boilerplate(&occurrences("What happens next?", 6, 10)));
        assert!(!is_boilerplate(&occurrences("Thank you.", 6, 10)));
        assert!(is_boilerplate(&occurrences(
            "Visit our homepage for more stories.",
            6,
            10
        )));
        assert!(is_boilerplate(&occurrences(
            "Got a tip? Email tips@example.com",
            6,
            10
        )));
        assert!(is_boilerplate(&occurrences(
            "( Sign up for the morning tip sheet)",
            6,
            10
        )));
        // Too few articles, however it reads.
        assert!(!is_boilerplate(&occurrences(
            "Visit our homepage for more stories.",
            4,
            10
        )));
    }
}
