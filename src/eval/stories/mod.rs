//! Scores story grouping against gold labels: pairwise precision, recall and F1 over the
//! articles of a loaded database, named by their `external_id`.
//!
//! Gold comes in two shapes, told apart by the header of a tab-separated file:
//! - **groups** (`external_id<TAB>event`): every labelled article's event; every pair of
//!   labelled articles counts, same event or not (ECB+, built from its file names);
//! - **pairs** (`a_external_id<TAB>b_external_id<TAB>…<TAB>verdict`): pairs judged by reading as `same` or
//!   `different` (`unclear` and others are left out); only those pairs count (allsides).
//!
//! The prediction is each article's story: `story_articles.story_id` of a database, or a
//! tab-separated `external_id<TAB>story` file (what [`baseline`] groups). An article with no
//! story is alone. [`baseline`] is the comparison a user could write in an afternoon.

pub mod baseline;
pub mod errors;

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use crate::{Error, Result};

/// Judged labels read from one file.
#[derive(Debug, Clone)]
pub enum Gold {
    /// external_id → event label.
    Groups(HashMap<String, String>),
    /// (a, b, same event?).
    Pairs(Vec<(String, String, bool)>),
}

/// Pair counts and the scores made of them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Gold same-event pairs in one story.
    pub together_same: usize,
    /// Gold different-event pairs in one story.
    pub together_different: usize,
    /// Gold same-event pairs in different stories.
    pub apart_same: usize,
    /// Gold different-event pairs in different stories.
    pub apart_different: usize,
    /// Labelled articles found (groups) or pairs whose two articles were found (pairs).
    pub found: usize,
    /// Labelled articles (groups) or judged pairs (pairs).
    pub labelled: usize,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(
            self.together_same,
            self.together_same + self.together_different,
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(self.together_same, self.together_same + self.apart_same)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// The sum of two scores (several gold files together).
    pub fn add(&mut self, other: &Scores) {
        self.together_same += other.together_same;
        self.together_different += other.together_different;
        self.apart_same += other.apart_same;
        self.apart_different += other.apart_different;
        self.found += other.found;
        self.labelled += other.labelled;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Reads a gold file (see the module's header for its two shapes).
pub fn read_gold(path: &Path) -> Result<Gold> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, l)| l.split('\t').collect())
        .unwrap_or_default();
    let bad = |line: usize, why: &str| Error::Input {
        path: path.to_path_buf(),
        line: line + 1,
        why: why.to_string(),
    };
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    if let (Some(id), Some(event)) = (column("external_id"), column("event")) {
        let mut groups = HashMap::new();
        for (n, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
            let cells: Vec<&str> = line.split('\t').collect();
            match (cells.get(id), cells.get(event)) {
                (Some(a), Some(e)) => groups.insert(a.trim().to_string(), e.trim().to_string()),
                _ => return Err(bad(n, "expected external_id and event")),
            };
        }
        return Ok(Gold::Groups(groups));
    }
    if let (Some(a), Some(b), Some(verdict)) = (
        column("a_external_id"),
        column("b_external_id"),
        column("verdict"),
    ) {
        let mut pairs = Vec::new();
        for (n, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
            let cells: Vec<&str> = line.split('\t').collect();
            let (Some(x), Some(y), Some(v)) = (cells.get(a), cells.get(b), cells.get(verdict))
            else {
                return Err(bad(n, "expected a_external_id, b_external_id and verdict"));
            };
            match v.trim() {
                "same" => pairs.push((x.trim().to_string(), y.trim().to_string(), true)),
                "different" => pairs.push((x.trim().to_string(), y.trim().to_string(), false)),
                _ => {}
            }
        }
        return Ok(Gold::Pairs(pairs));
    }
    Err(bad(
        0,
        "the header names neither external_id and event (groups) nor a_external_id, b_external_id and verdict (pairs)",
    ))
}

/// Each stored article's story, by external id (articles with no story are left out).
pub fn stories_of_database(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare(
        "SELECT a.external_id, sa.story_id FROM articles a
         JOIN story_articles sa ON sa.article_id = a.id
         WHERE a.external_id IS NOT NULL AND sa.story_id IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.to_string())))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Each article's story from a tab-separated `external_id<TAB>story` file (a header line is
/// allowed when its first cell is `external_id`).
pub fn stories_of_file(path: &Path) -> Result<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(id, _)| *id != "external_id")
        .map(|(id, story)| (id.trim().to_string(), story.trim().to_string()))
        .collect())
}

/// Pairwise scores of `stories` (external id → story) against the gold. An article the
/// prediction does not name is alone; a judged pair with an article the database does not
/// hold is left out (`found` < `labelled`).
pub fn score(
    gold: &Gold,
    stories: &HashMap<String, String>,
    known: &dyn Fn(&str) -> bool,
) -> Scores {
    let mut s = Scores::default();
    let together = |a: &str, b: &str| stories.get(a).is_some_and(|x| stories.get(b) == Some(x));
    let mut count = |same: bool, together: bool| match (same, together) {
        (true, true) => s.together_same += 1,
        (false, true) => s.together_different += 1,
        (true, false) => s.apart_same += 1,
        (false, false) => s.apart_different += 1,
    };
    match gold {
        Gold::Groups(groups) => {
            let mut ids: Vec<(&String, &String)> =
                groups.iter().filter(|(id, _)| known(id)).collect();
            ids.sort();
            for (i, (a, ea)) in ids.iter().enumerate() {
                for (b, eb) in &ids[i + 1..] {
                    count(ea == eb, together(a, b));
                }
            }
            s.found = ids.len();
            s.labelled = groups.len();
        }
        Gold::Pairs(pairs) => {
            for (a, b, same) in pairs {
                if known(a) && known(b) {
                    count(*same, together(a, b));
                    s.found += 1;
                }
            }
            s.labelled = pairs.len();
        }
    }
    s
}

/// The external ids a database holds.
pub fn external_ids(conn: &Connection) -> Result<std::collections::HashSet<String>> {
    let mut stmt =
        conn.prepare("SELECT external_id FROM articles WHERE external_id IS NOT NULL")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn groups_count_every_pair_of_labelled_articles() {
        let gold = Gold::Groups(map(&[("a", "x"), ("b", "x"), ("c", "x"), ("d", "y")]));
        // a, b together; c alone; d with a (wrong).
        let stories = map(&[("a", "1"), ("b", "1"), ("c", "2"), ("d", "1")]);
        let s = score(&gold, &stories, &|_| true);
        // Same-event pairs: ab, ac, bc; together: ab. Different: ad, bd, cd; together: ad, bd.
        assert_eq!((s.together_same, s.apart_same), (1, 2));
        assert_eq!((s.together_different, s.apart_different), (2, 1));
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.recall() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn pairs_count_only_judged_pairs_with_both_articles_stored() {
        let gold = Gold::Pairs(vec![
            ("a".into(), "b".into(), true),
            ("a".into(), "c".into(), false),
            ("a".into(), "z".into(), true),
        ]);
        let stories = map(&[("a", "1"), ("b", "1"), ("c", "1")]);
        let s = score(&gold, &stories, &|id| id != "z");
        assert_eq!((s.together_same, s.together_different, s.found), (1, 1, 2));
        assert_eq!(s.precision(), 0.5);
        assert_eq!(s.recall(), 1.0);
    }
}
