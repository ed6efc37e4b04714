//! Checking a report's parameters before its query runs, so that a mistyped value is an
//! error that names the parameter and shows an example, never a silently wrong or empty
//! answer. [`check`] returns the values as the SQL wants them:
//!
//! - dates (`from`, `to`) in the forms the loader reads (`2018-03-02`, `3/2/2018`,
//!   `March 2, 2018`, `2 March 2018`: [`crate::text::dates::normalize`]), plus a month
//!   (`2018-03`, `March 2018`) or a year, become ISO days: a month's first day for `from`, its
//!   last for `to`. An impossible date (`2018-13-45`, `2/30/2018`) is an error;
//! - counts (`limit`, `min`) and ids (`id`, `load`, an echo `cluster`) must be whole numbers, and an id must exist;
//! - outlets (`source`) and entities (`name`) match case-insensitively and through their
//!   aliases, and become the stored name; no match is an error with the closest names;
//! - fixed choices (`by`, `scope`, `severity`, an entity's or a block's `kind`) must be one
//!   of them.
//!
//! Anything else is passed as written.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};

use super::Report;
use crate::model::Kind;
use crate::{Error, Result};

/// How a parameter's value is read.
#[derive(Debug, Clone, PartialEq)]
enum Check {
    /// A day; `end` reads a month or year as its last day.
    Date {
        end: bool,
    },
    /// A whole number, zero or more.
    Count,
    /// The id of a row of `table`, called `what` in messages.
    Id {
        table: &'static str,
        what: &'static str,
    },
    /// 0 or 1.
    Flag,
    Outlet,
    Entity,
    Choice(Vec<&'static str>),
    /// Passed as written.
    Text,
}

const ENTITY_KINDS: &[&str] = &["person", "org", "place", "misc"];

/// How `report` reads its parameter `name`.
fn check_for(report: &str, name: &str) -> Check {
    match (report, name) {
        (_, "from") => Check::Date { end: false },
        (_, "to") => Check::Date { end: true },
        (_, "limit" | "min") => Check::Count,
        ("story", "id") => Check::Id {
            table: "stories",
            what: "story",
        },
        (_, "id") => Check::Id {
            table: "articles",
            what: "article",
        },
        ("echoes", "cluster") => Check::Id {
            table: "quote_clusters",
            what: "quote cluster",
        },
        (_, "load") => Check::Id {
            table: "loads",
            what: "load",
        },
        (_, "all" | "short" | "raw") => Check::Flag,
        (_, "source") => Check::Outlet,
        ("entity" | "cooccurrence" | "timeline" | "outlets", "name") => Check::Entity,
        (_, "by") => Check::Choice(vec!["day", "week", "month"]),
        (_, "scope") => Check::Choice(vec!["sentence", "paragraph"]),
        (_, "severity") => Check::Choice(vec!["error", "warning"]),
        ("entities", "kind") => Check::Choice(ENTITY_KINDS.to_vec()),
        // A block's class, as `paragraphs.kind` stores it.
        (_, "kind") => Check::Choice(Kind::ALL.iter().map(|k| k.as_str()).collect()),
        _ => Check::Text,
    }
}

/// Checks every given parameter of `report` and returns them as the query binds them. An
/// empty value is the parameter left out.
pub fn check(
    conn: &Connection,
    report: &Report,
    params: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>> {
    let mut checked = BTreeMap::new();
    for (name, value) in params {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let bad = |why: String| Error::BadParam(format!("report '{}': {why}", report.name));
        let value = match check_for(&report.name, name) {
            Check::Date { end } => date(value, end).map_err(|why| {
                bad(format!(
                    "{name}={value:?} {why}; write a day as 2018-03-02, 3/2/2018 (month first) \
                     or 'March 2, 2018', or a month as 2018-03, e.g. --param {name}=2018-03-02"
                ))
            })?,
            Check::Count => match value.parse::<u64>() {
                Ok(n) => n.to_string(),
                Err(_) => {
                    return Err(bad(format!(
                        "{name}={value:?} is not a whole number, e.g. --param {name}=20"
                    )))
                }
            },
            Check::Flag => match value {
                "0" | "1" => value.to_string(),
                _ => {
                    return Err(bad(format!(
                        "{name}={value:?}: give 1 for yes or 0 for no, e.g. --param {name}=1"
                    )))
                }
            },
            Check::Id { table, what } => id(conn, table, what, name, value).map_err(&bad)?,
            Check::Outlet => outlet(conn, value).map_err(&bad)?,
            Check::Entity => entity(conn, value).map_err(&bad)?,
            Check::Choice(choices) => {
                if !choices.contains(&value) {
                    return Err(bad(format!(
                        "{name}={value:?} is not one of {}, e.g. --param {name}={}",
                        choices.join(", "),
                        choices[0]
                    )));
                }
                value.to_string()
            }
            Check::Text => value.to_string(),
        };
        checked.insert(name.clone(), value);
    }
    Ok(checked)
}

/// A date as an ISO day; a month or a year is its first day, or its last when `end`.
pub fn date(text: &str, end: bool) -> std::result::Result<String, &'static str> {
    if let Ok(day) = crate::text::dates::normalize(text) {
        return Ok(day.get(..10).unwrap_or(&day).to_string());
    }
    // A month (2018-03, March 2018, Mar 2018) or a year: chrono reads them with a first day.
    let month = ["%Y-%m-%d", "%B %Y-%d", "%b %Y-%d", "%m/%Y-%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&format!("{text}-01"), f).ok());
    let first = match month {
        Some(first) => first,
        None => match text.parse::<i32>() {
            Ok(year) if text.len() == 4 => {
                NaiveDate::from_ymd_opt(year, 1, 1).ok_or("is not a date")?
            }
            _ => return Err("is not a date"),
        },
    };
    let whole_year = month.is_none();
    let day = match (end, whole_year) {
        (false, _) => first,
        (true, true) => NaiveDate::from_ymd_opt(first.year(), 12, 31).ok_or("is not a date")?,
        (true, false) => first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|next| next.pred_opt())
            .ok_or("is not a date")?,
    };
    Ok(day.format("%Y-%m-%d").to_string())
}

fn id(
    conn: &Connection,
    table: &str,
    what: &str,
    name: &str,
    value: &str,
) -> std::result::Result<String, String> {
    let Ok(n) = value.parse::<i64>() else {
        return Err(format!(
            "{name}={value:?} is not a number: give the {what}'s id, e.g. --param {name}=1"
        ));
    };
    let sql = format!("SELECT max(id), (SELECT 1 FROM {table} WHERE id = ?1) FROM {table}");
    let (max, found): (Option<i64>, Option<i64>) = conn
        .query_row(&sql, [n], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(|e| e.to_string())?;
    match (found, max) {
        (Some(_), _) => Ok(n.to_string()),
        (None, Some(max)) => Err(format!(
            "there is no {what} with {name}={n} (ids go up to {max}), e.g. --param {name}=1"
        )),
        (None, None) => Err(format!(
            "there is no {what} with {name}={n}: there are none"
        )),
    }
}

/// An outlet's stored name, from its name or an alias in any case.
fn outlet(conn: &Connection, value: &str) -> std::result::Result<String, String> {
    let lookup = "SELECT name FROM (
             SELECT name, 0 AS rank FROM sources WHERE name = ?1
             UNION ALL SELECT name, 1 FROM sources WHERE name = ?1 COLLATE NOCASE
             UNION ALL SELECT s.name, 2 FROM source_aliases a JOIN sources s ON s.id = a.source_id
                 WHERE a.alias = ?1 COLLATE NOCASE)
         ORDER BY rank LIMIT 1";
    let names = "SELECT name FROM sources UNION SELECT alias FROM source_aliases";
    resolve(conn, value, lookup, ("outlet", "source"), names)
}

/// An entity's name or alias as stored, from any case.
fn entity(conn: &Connection, value: &str) -> std::result::Result<String, String> {
    let lookup = "SELECT name FROM (
             SELECT name, 0 AS rank FROM entities WHERE name = ?1
             UNION ALL SELECT alias, 0 FROM entity_aliases WHERE alias = ?1
             UNION ALL SELECT name, 1 FROM entities WHERE name = ?1 COLLATE NOCASE
             UNION ALL SELECT alias, 2 FROM entity_aliases WHERE alias = ?1 COLLATE NOCASE)
         ORDER BY rank LIMIT 1";
    let names = "SELECT name FROM entities UNION SELECT alias FROM entity_aliases";
    resolve(conn, value, lookup, ("entity", "name"), names)
}

/// The name `lookup` finds for `value`, or a message with the closest of `names`.
fn resolve(
    conn: &Connection,
    value: &str,
    lookup: &str,
    (what, param): (&str, &str),
    names: &str,
) -> std::result::Result<String, String> {
    let found: Option<String> = conn
        .query_row(lookup, [value], |r| r.get(0))
        .optional()
        .map_err(|e| e.to_string())?;
    found.ok_or_else(|| no_match(conn, what, param, value, names))
}

/// "no outlet matches …", with the closest of the names `names_sql` lists.
fn no_match(conn: &Connection, what: &str, param: &str, value: &str, names_sql: &str) -> String {
    let names: Vec<String> = conn
        .prepare(names_sql)
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .unwrap_or_default();
    let closest = closest(value, names.iter().map(String::as_str), 3);
    let mut message =
        format!("no {what} matches {param}={value:?} (case and aliases do not matter here)");
    if let Some(first) = closest.first() {
        message.push_str(&format!(
            "; closest: {}; e.g. --param {param}={first:?}",
            closest
                .iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    message
}

/// The `n` names most like `wanted` (Jaro-Winkler over lower case, a little alike at least),
/// best first.
pub fn closest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = names
        .map(|name| (strsim::jaro_winkler(&wanted, &name.to_lowercase()), name))
        .filter(|(score, _)| *score >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
        if out.len() == n {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms_become_days() {
        for (text, end, want) in [
            ("2018-03-02", false, "2018-03-02"),
            ("3/2/2018", false, "2018-03-02"),
            ("March 3, 2018", false, "2018-03-03"),
            ("2018-03", false, "2018-03-01"),
            ("2018-02", true, "2018-02-28"),
            ("March 2018", true, "2018-03-31"),
            ("2018", true, "2018-12-31"),
            ("2018-06-03T10:00:00Z", false, "2018-06-03"),
        ] {
            assert_eq!(date(text, end).as_deref(), Ok(want), "{text}");
        }
        for text in ["2018-13-45", "2/30/2018", "soon", "2018-13", "18"] {
            assert!(date(text, false).is_err(), "{text}");
        }
    }

    #[test]
    fn closest_names_ignore_case() {
        let names = ["Fox News", "CNN", "Breitbart", "Fox Business"];
        assert_eq!(
            closest("fox new", names.into_iter(), 2),
            ["Fox News", "Fox Business"]
        );
        assert!(closest("zzzz", names.into_iter(), 2).is_empty());
    }
}
