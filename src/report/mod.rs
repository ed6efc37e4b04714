//! Prepared reports: one SQL query per `.sql` file in `sql/`, embedded in the binary. Each
//! file starts with a header comment giving its name, a one-line description and its
//! parameters with their defaults; the query itself applies the defaults (`coalesce(:p, …)`),
//! so it runs unchanged in the sqlite3 shell after `.parameter set :p VALUE`. A parameter
//! the report cannot do without says so in its help, with an example:
//! `-- param: id  (required, e.g. 1) the article's id`; running the report without it (or
//! with it empty) is an error naming it, not an empty result; a report that needs one of
//! several says so on a line of its own: `-- needs: name or query (e.g. name=Assad)`. [`run`] runs a report, handing
//! its rows to a [`Sink`]. [`stats`] counts what `corpusdb stats` shows, and [`datasette`]
//! describes the reports and the schema to Datasette.

pub mod datasette;
pub mod params;
pub mod stats;

use std::collections::BTreeMap;

use rusqlite::types::ValueRef;
use rusqlite::Connection;

use crate::{Error, Result};

/// The reports, in the order `report --list` shows them.
const FILES: &[&str] = &[
    include_str!("sql/overview.sql"),
    include_str!("sql/sources.sql"),
    include_str!("sql/articles.sql"),
    include_str!("sql/article.sql"),
    include_str!("sql/boilerplate.sql"),
    include_str!("sql/load_errors.sql"),
    include_str!("sql/search.sql"),
    include_str!("sql/quotes.sql"),
    include_str!("sql/speakers.sql"),
    include_str!("sql/echoes.sql"),
    include_str!("sql/who_said.sql"),
    include_str!("sql/entities.sql"),
    include_str!("sql/entity.sql"),
    include_str!("sql/cooccurrence.sql"),
    include_str!("sql/timeline.sql"),
    include_str!("sql/outlets.sql"),
    include_str!("sql/stories.sql"),
    include_str!("sql/story.sql"),
];

/// A report: its SQL and what its header says.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub name: String,
    pub description: String,
    pub params: Vec<Param>,
    /// From a `-- needs: a or b (e.g. a=1)` line: at least one of these must be given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<Needs>,
    #[serde(skip)]
    pub sql: &'static str,
}

/// Parameters of which a report needs one (and takes one only).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Needs {
    pub one_of: Vec<String>,
    pub example: String,
}

impl Needs {
    fn parse(line: &str) -> Self {
        let (names, example) = line.split_once("(e.g.").unwrap_or((line, ""));
        Needs {
            one_of: names.split(" or ").map(|n| n.trim().to_string()).collect(),
            example: example.trim().trim_end_matches(')').trim().to_string(),
        }
    }

    /// The error for `given` parameters: none of them, or more than one.
    fn check(&self, report: &str, given: &BTreeMap<String, String>) -> Result<()> {
        let set = self
            .one_of
            .iter()
            .filter(|n| given.get(*n).is_some_and(|v| !v.trim().is_empty()))
            .count();
        let options = self
            .one_of
            .iter()
            .map(|n| format!("--param {n}=…"))
            .collect::<Vec<_>>()
            .join(" or ");
        let example = format!("e.g. corpusdb report {report} --param {}", self.example);
        match set {
            1 => Ok(()),
            0 => Err(Error::MissingParam(format!(
                "report '{report}' needs {options}, {example}"
            ))),
            _ => Err(Error::BadParam(format!(
                "report '{report}' takes only one of {options}, {example}"
            ))),
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Param {
    pub name: String,
    pub help: String,
    /// The report needs it: its help starts with `(required, e.g. EXAMPLE)`.
    pub required: bool,
    /// A value to show in a message, from the `e.g.` of a required parameter's help.
    pub example: Option<String>,
}

impl Param {
    fn new(name: &str, help: &str) -> Self {
        let help = help.trim();
        let marker = help
            .strip_prefix("(required")
            .and_then(|rest| rest.split_once(')'));
        let (required, example) = match marker {
            Some((inside, _)) => {
                let example = inside
                    .trim_start_matches([',', ' '])
                    .strip_prefix("e.g.")
                    .map(|e| e.trim().trim_matches('\'').to_string());
                (true, example)
            }
            None => (false, None),
        };
        Param {
            name: name.trim_start_matches(':').to_string(),
            help: help.to_string(),
            required,
            example,
        }
    }

    /// The help without the `(required, …)` marker.
    fn what(&self) -> &str {
        match self.help.strip_prefix("(required") {
            Some(rest) => rest.split_once(')').map_or(rest, |(_, what)| what).trim(),
            None => &self.help,
        }
    }
}

/// A value in a result row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

/// All reports.
pub fn all() -> Vec<Report> {
    FILES.iter().map(|sql| parse_header(sql)).collect()
}

/// The report called `name`.
pub fn find(name: &str) -> Result<Report> {
    let reports = all();
    if let Some(report) = reports.iter().find(|r| r.name == name) {
        return Ok(report.clone());
    }
    // `load_errors` for `load-errors`, `Entities` for `entities`.
    let loose = |n: &str| n.to_lowercase().replace('_', "-");
    if let Some(report) = reports.iter().find(|r| loose(&r.name) == loose(name)) {
        return Ok(report.clone());
    }
    Err(Error::UnknownReport {
        name: name.to_string(),
        closest: params::closest(name, reports.iter().map(|r| r.name.as_str()), 2),
    })
}

/// Reads `-- name:`, `-- description:` and `-- param: NAME help` lines from the header.
fn parse_header(sql: &'static str) -> Report {
    let mut report = Report {
        name: String::new(),
        description: String::new(),
        params: Vec::new(),
        needs: None,
        sql,
    };
    for line in sql.lines().map_while(|l| l.strip_prefix("--")) {
        let line = line.trim();
        if let Some(name) = line.strip_prefix("name:") {
            report.name = name.trim().to_string();
        } else if let Some(description) = line.strip_prefix("description:") {
            report.description = description.trim().to_string();
        } else if let Some(needs) = line.strip_prefix("needs:") {
            report.needs = Some(Needs::parse(needs));
        } else if let Some(param) = line.strip_prefix("param:") {
            let (name, help) = param
                .trim()
                .split_once(char::is_whitespace)
                .unwrap_or((param.trim(), ""));
            report.params.push(Param::new(name, help));
        }
    }
    report
}

/// Where result rows go: the column names once, then each row.
pub trait Sink {
    fn columns(&mut self, names: &[String]) -> Result<()>;
    fn row(&mut self, values: &[Value]) -> Result<()>;
}

/// Runs a report with the given parameters (unset ones take the report's defaults), handing
/// the column names and then every row to `sink`.
pub fn run(
    conn: &Connection,
    report: &Report,
    params: &BTreeMap<String, String>,
    sink: &mut dyn Sink,
) -> Result<()> {
    for name in params.keys() {
        if !report.params.iter().any(|p| &p.name == name) {
            let known: Vec<_> = report.params.iter().map(|p| p.name.as_str()).collect();
            return Err(Error::UnknownParam {
                report: report.name.clone(),
                param: name.clone(),
                known: known.join(", "),
            });
        }
    }
    if let Some(missing) = report
        .params
        .iter()
        .find(|p| p.required && params.get(&p.name).is_none_or(|v| v.trim().is_empty()))
    {
        let example = missing.example.as_deref().unwrap_or("…");
        let example = if example.contains(char::is_whitespace) {
            format!("'{example}'")
        } else {
            example.to_string()
        };
        return Err(Error::MissingParam(format!(
            "report '{}' needs --param {}=… ({}), e.g. corpusdb report {} --param {}={example}",
            report.name,
            missing.name,
            missing.what(),
            report.name,
            missing.name,
        )));
    }
    if let Some(needs) = &report.needs {
        needs.check(&report.name, params)?;
    }
    let params = &params::check(conn, report, params)?;
    let mut stmt = conn.prepare(report.sql)?;
    for (name, value) in params {
        if let Some(index) = stmt.parameter_index(&format!(":{name}"))? {
            bind_typed(&mut stmt, index, value)?;
        }
    }
    let names: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
    let mut rows = stmt.raw_query();
    // The first step runs the query (and finds an FTS5 syntax error) before a header is given.
    let mut next = rows.next()?;
    sink.columns(&names)?;
    let mut values = Vec::with_capacity(names.len());
    while let Some(r) = next {
        values.clear();
        for i in 0..names.len() {
            values.push(match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::Integer(n),
                ValueRef::Real(x) => Value::Real(x),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::Text(format!("<{} bytes>", b.len())),
            });
        }
        sink.row(&values)?;
        next = rows.next()?;
    }
    Ok(())
}

/// Binds numbers as numbers (so `LIMIT :limit` works) and everything else as text, the way
/// the sqlite3 shell's `.parameter set` does.
fn bind_typed(stmt: &mut rusqlite::Statement, index: usize, value: &str) -> Result<()> {
    if let Ok(n) = value.parse::<i64>() {
        stmt.raw_bind_parameter(index, n)?;
    } else if let Ok(x) =
        value
            .parse::<f64>()
            .map_err(|_| ())
            .and_then(|x| if x.is_finite() { Ok(x) } else { Err(()) })
    {
        stmt.raw_bind_parameter(index, x)?;
    } else {
        stmt.raw_bind_parameter(index, value)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_report_has_a_name_description_and_documented_params() {
        for report in all() {
            assert!(
                !report.name.is_empty() && !report.description.is_empty(),
                "{}",
                report.sql
            );
            for param in &report.params {
                assert!(
                    report.sql.contains(&format!(":{}", param.name)),
                    "{} does not use :{}",
                    report.name,
                    param.name
                );
                assert_eq!(
                    param.required,
                    param.example.is_some(),
                    "{}: a required parameter gives an example",
                    report.name
                );
            }
        }
    }

    #[test]
    fn required_params_are_read_from_the_headers() {
        let required = |name: &str| -> Vec<(String, Option<String>)> {
            find(name)
                .unwrap()
                .params
                .into_iter()
                .filter(|p| p.required)
                .map(|p| (p.name, p.example))
                .collect()
        };
        assert_eq!(required("article"), [("id".into(), Some("1".into()))]);
        assert_eq!(required("entity"), [("name".into(), Some("Assad".into()))]);
        assert_eq!(
            required("who-said"),
            [("query".into(), Some("final victory".into()))]
        );
        assert!(required("articles").is_empty());
        let p = Param::new("id", "(required, e.g. 1) the article's id");
        assert_eq!(p.what(), "the article's id");
    }
}
