//! The pairs a grouping gets wrong, to read: judged the same event but in two stories
//! (missed), or judged different but in one story (merged), each with both articles' outlet,
//! day and title and the heaviest terms they share (what carried them together, or how little
//! did), from `story_articles.terms`.

use std::collections::HashMap;

use rusqlite::Connection;

use super::Gold;
use crate::Result;

/// One misjudged pair.
#[derive(Debug, Clone)]
pub struct Error {
    /// `merged` (different events in one story) or `missed` (one event in two stories).
    pub kind: &'static str,
    pub a: Side,
    pub b: Side,
    /// Terms both articles have, heaviest first (the lesser of the two counts), as
    /// `term:count`.
    pub shared: Vec<String>,
}

/// What is shown of one article of a pair.
#[derive(Debug, Clone, Default)]
pub struct Side {
    pub external_id: String,
    pub outlet: String,
    pub day: String,
    pub title: String,
    /// Its story in the grouping scored, or empty when it has none.
    pub story: String,
}

/// An article's stored terms, as (term, count).
type Terms = Vec<(String, u32)>;

/// Terms shown per pair.
const SHARED: usize = 12;

/// The misjudged pairs of `gold` under `stories` (external id → story): every judged pair for
/// pair verdicts; for group labels, at most `limit` of each kind (in the order of the labelled
/// ids), there being thousands.
pub fn errors(
    conn: &Connection,
    gold: &Gold,
    stories: &HashMap<String, String>,
    limit: usize,
) -> Result<Vec<Error>> {
    let together = |a: &str, b: &str| stories.get(a).is_some_and(|x| stories.get(b) == Some(x));
    let mut wrong: Vec<(&'static str, String, String)> = Vec::new();
    match gold {
        Gold::Pairs(pairs) => {
            for (a, b, same) in pairs {
                match (*same, together(a, b)) {
                    (true, false) => wrong.push(("missed", a.clone(), b.clone())),
                    (false, true) => wrong.push(("merged", a.clone(), b.clone())),
                    _ => {}
                }
            }
        }
        Gold::Groups(groups) => {
            let mut ids: Vec<(&String, &String)> = groups.iter().collect();
            ids.sort();
            let (mut merged, mut missed) = (0, 0);
            for (i, (a, ea)) in ids.iter().enumerate() {
                for (b, eb) in &ids[i + 1..] {
                    let (same, with) = (ea == eb, together(a, b));
                    if same && !with && missed < limit {
                        missed += 1;
                        wrong.push(("missed", a.to_string(), b.to_string()));
                    } else if !same && with && merged < limit {
                        merged += 1;
                        wrong.push(("merged", a.to_string(), b.to_string()));
                    }
                }
            }
        }
    }
    let mut side = conn.prepare_cached(include_str!("error_side.sql"))?;
    let mut read = |id: &str| -> Result<Option<(Side, Terms)>> {
        let mut rows = side.query([id])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let terms: String = row.get(4)?;
        Ok(Some((
            Side {
                external_id: id.to_string(),
                outlet: row.get::<_, Option<String>>(1)?.unwrap_or_default(),
                day: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                title: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
                story: stories.get(id).cloned().unwrap_or_default(),
            },
            parse_terms(&terms),
        )))
    };
    let mut out = Vec::new();
    for (kind, a, b) in wrong {
        let (Some((a, ta)), Some((b, tb))) = (read(&a)?, read(&b)?) else {
            continue;
        };
        out.push(Error {
            kind,
            a,
            b,
            shared: shared_terms(&ta, &tb),
        });
    }
    Ok(out)
}

/// "term:count ..." as (term, count).
fn parse_terms(text: &str) -> Vec<(String, u32)> {
    text.split_whitespace()
        .filter_map(|t| {
            let (term, count) = t.rsplit_once(':')?;
            Some((term.to_string(), count.parse().ok()?))
        })
        .collect()
}

/// The terms of both lists, heaviest first by the lesser count, as `term:count`.
///
/// ```
/// # use corpusdb::eval::stories::errors::shared_terms;
/// let a = [("@person:kim".to_string(), 6), ("summit".to_string(), 2), ("rain".to_string(), 1)];
/// let b = [("summit".to_string(), 4), ("@person:kim".to_string(), 3)];
/// assert_eq!(shared_terms(&a, &b), ["@person:kim:3", "summit:2"]);
/// ```
pub fn shared_terms(a: &[(String, u32)], b: &[(String, u32)]) -> Vec<String> {
    let b: HashMap<&str, u32> = b.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    let mut both: Vec<(&str, u32)> = a
        .iter()
        .filter_map(|(t, n)| b.get(t.as_str()).map(|m| (t.as_str(), (*n).min(*m))))
        .collect();
    both.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    both.into_iter()
        .take(SHARED)
        .map(|(t, n)| format!("{t}:{n}"))
        .collect()
}
