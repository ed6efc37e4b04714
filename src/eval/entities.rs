//! Scores a loaded database's entity mentions against hand-judged verdicts
//! (eval/entities/verdicts.tsv, protocol in eval/entities/README.md): is each judged
//! mention's own kind right, its entity's kind, and is its entity the right identity.
//!
//! A verdict names its mention by stable keys (the article's external id, the paragraph's
//! position, the span's text and start), so a database built by a later binary is scored
//! against the same judgements: each mention is found again in the paragraph at that position
//! (the same text nearest the judged start, else a mention overlapping the judged span), else
//! in any paragraph of the article (the same text nearest the judged start).
//!
//! Right kind: the mention's kind (`mentions.kind`) is one the verdict allows. Right entity
//! kind: the same for `entities.kind`. Right identity: the entity's name is one of the
//! verdict's names (compared case-blind, without periods, a leading "the" or spacing), and no
//! other entity of that name has more mentions (a name split over two entities counts for
//! the larger only). A verdict `none` (no name at all) is right when the database has no
//! mention there; a judged name the database no longer finds is wrong on every count.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use crate::{Error, Result};

/// One judged mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub n: usize,
    pub corpus: String,
    pub external_id: String,
    pub position: i64,
    pub start: i64,
    pub end: i64,
    pub text: String,
    /// The kinds that are right (person, org, place, misc); empty for `none`.
    pub kinds: Vec<String>,
    /// The names the right entity may have; empty for `none`.
    pub names: Vec<String>,
    pub note: String,
}

impl Verdict {
    /// Judged not to be a name at all.
    pub fn is_none(&self) -> bool {
        self.kinds.is_empty()
    }
}

/// What the database holds for one verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub text: String,
    pub kind: String,
    pub entity: String,
    pub entity_kind: String,
    /// Mentions of this entity, and the most mentions of any entity with the same name.
    pub mentions: i64,
    pub most_of_name: i64,
}

/// One verdict scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub verdict: Verdict,
    pub found: Option<Found>,
    pub kind_right: bool,
    pub entity_kind_right: bool,
    pub identity_right: bool,
}

/// Counts over a set of verdicts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub judged: usize,
    /// Mentions judged to be names that the database no longer has.
    pub missing: usize,
    pub kind_right: usize,
    pub entity_kind_right: usize,
    pub identity_right: usize,
}

impl Counts {
    pub fn add(&mut self, s: &Scored) {
        self.judged += 1;
        self.missing += usize::from(s.found.is_none() && !s.verdict.is_none());
        self.kind_right += usize::from(s.kind_right);
        self.entity_kind_right += usize::from(s.entity_kind_right);
        self.identity_right += usize::from(s.identity_right);
    }
    pub fn share(&self, right: usize) -> f64 {
        if self.judged == 0 {
            0.0
        } else {
            right as f64 / self.judged as f64
        }
    }
}

/// Reads a verdicts file: tab-separated with a header naming at least `n corpus external_id
/// position start end text kind identity` (`note` optional). `kind` and `identity` may list
/// several answers with `|`; `none` for both marks a span that is no name.
pub fn read_verdicts(path: &Path) -> Result<Vec<Verdict>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, l)| l.split('\t').map(str::trim).collect())
        .unwrap_or_default();
    let bad = |line: usize, why: String| Error::Input {
        path: path.to_path_buf(),
        line: line + 1,
        why,
    };
    let need = [
        "n",
        "corpus",
        "external_id",
        "position",
        "start",
        "end",
        "text",
        "kind",
        "identity",
    ];
    let mut at = HashMap::new();
    for name in need {
        let i = header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| bad(0, format!("the header has no column {name}")))?;
        at.insert(name, i);
    }
    let note = header.iter().position(|h| *h == "note");
    let mut verdicts = Vec::new();
    for (line, row) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        let cells: Vec<&str> = row.split('\t').collect();
        let cell = |name: &str| cells.get(at[name]).map(|c| c.trim()).unwrap_or("");
        let number = |name: &str| {
            cell(name)
                .parse::<i64>()
                .map_err(|_| bad(line, format!("{name} is not a number: {:?}", cell(name))))
        };
        let list = |name: &str| -> Vec<String> {
            match cell(name) {
                "none" | "" => Vec::new(),
                c => c.split('|').map(|s| s.trim().to_string()).collect(),
            }
        };
        let kinds = list("kind");
        if let Some(k) = kinds
            .iter()
            .find(|k| !["person", "org", "place", "misc"].contains(&k.as_str()))
        {
            return Err(bad(line, format!("unknown kind {k:?}")));
        }
        verdicts.push(Verdict {
            n: number("n")? as usize,
            corpus: cell("corpus").to_string(),
            external_id: cell("external_id").to_string(),
            position: number("position")?,
            start: number("start")?,
            end: number("end")?,
            text: cell("text").to_string(),
            kinds,
            names: list("identity"),
            note: note
                .and_then(|i| cells.get(i))
                .map_or(String::new(), |c| c.trim().to_string()),
        });
    }
    Ok(verdicts)
}

/// A name as the identity check compares it.
pub fn name_key(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace(['.', '’'], "")
        .replace('\'', "");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Scores every verdict against the database.
pub fn score(conn: &Connection, verdicts: &[Verdict]) -> Result<Vec<Scored>> {
    let mut largest = largest_of_name(conn)?;
    let mut out = Vec::with_capacity(verdicts.len());
    for v in verdicts {
        let found = find(conn, v, &mut largest)?;
        let (kind_right, entity_kind_right, identity_right) = match (&found, v.is_none()) {
            (None, none) => (none, none, none),
            (Some(_), true) => (false, false, false),
            (Some(f), false) => (
                v.kinds.contains(&f.kind),
                v.kinds.contains(&f.entity_kind),
                f.mentions >= f.most_of_name
                    && v.names.iter().any(|n| name_key(n) == name_key(&f.entity)),
            ),
        };
        out.push(Scored {
            verdict: v.clone(),
            found,
            kind_right,
            entity_kind_right,
            identity_right,
        });
    }
    Ok(out)
}

/// Mentions of the largest entity of each name key.
fn largest_of_name(conn: &Connection) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare(
        "SELECT e.name, count(m.id) FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
         GROUP BY e.id",
    )?;
    let mut most: HashMap<String, i64> = HashMap::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (name, n) = row?;
        let e = most.entry(name_key(&name)).or_default();
        *e = (*e).max(n);
    }
    Ok(most)
}

fn find(
    conn: &Connection,
    v: &Verdict,
    largest: &mut HashMap<String, i64>,
) -> Result<Option<Found>> {
    let article: Option<i64> = conn
        .query_row(
            "SELECT id FROM articles WHERE external_id = ?1 ORDER BY id LIMIT 1",
            [&v.external_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(article) = article else {
        return Ok(None);
    };
    // Same paragraph, same text nearest the judged start; then same paragraph, overlapping;
    // then any paragraph of the article, same text nearest the judged start.
    let tries = [
        "p.position = ?2 AND m.text = ?3 ORDER BY abs(m.start - ?4), abs(m.\"end\" - ?5)",
        "p.position = ?2 AND m.start < ?5 AND m.\"end\" > ?4 ORDER BY abs(m.start - ?4)",
        "m.text = ?3 ORDER BY p.position <> ?2, abs(m.start - ?4), abs(m.\"end\" - ?5)",
    ];
    for condition in tries {
        let sql = format!(
            "SELECT m.text, m.kind, e.name, e.kind,
                    (SELECT count(*) FROM mentions WHERE entity_id = e.id)
             FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
             JOIN entities e ON e.id = m.entity_id
             WHERE p.article_id = ?1 AND {condition} LIMIT 1"
        );
        let row = conn
            .query_row(
                &sql,
                rusqlite::params![article, v.position, v.text, v.start, v.end],
                |r| {
                    Ok(Found {
                        text: r.get(0)?,
                        kind: r.get(1)?,
                        entity: r.get(2)?,
                        entity_kind: r.get(3)?,
                        mentions: r.get(4)?,
                        most_of_name: 0,
                    })
                },
            )
            .optional()?;
        if let Some(mut f) = row {
            f.most_of_name = *largest.entry(name_key(&f.entity)).or_insert(f.mentions);
            return Ok(Some(f));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_case_periods_or_a_leading_the() {
        assert_eq!(name_key("The Commerce Department"), "commerce department");
        assert_eq!(name_key("U.S.  Senate"), "us senate");
        assert_eq!(
            name_key("Do They Know It's Christmas?"),
            "do they know its christmas?"
        );
        assert_eq!(name_key("The"), "the");
    }
}
