//! Datasette metadata for a corpus database (`corpusdb datasette-metadata`): this module owns
//! how the database presents itself in Datasette 0.64/0.65 (`datasette serve corpus.db
//! --metadata FILE`). It reads the database read-only and the report registry, and gives:
//!
//! - every report as a canned query, its parameters rewritten for Datasette's text values
//!   (`param.sql`, `match.sql`), so each one runs with its fields left empty;
//! - the search box (`_search`) on every table an FTS5 index has as its content table
//!   (paragraphs, quotes, article titles), found from the index's own SQL;
//! - descriptions of tables, views and columns, read from the comments in `migrations/` and,
//!   for tables those leave undescribed, from the schema tables in README.md;
//! - FTS indexes, their shadow tables and refinery's history hidden;
//! - `paragraphs` with a search form that leads to the ranked `search` report (Datasette's
//!   own `_search` keeps a table's order), and `story_overview` opening on its largest
//!   stories;
//! - with `corpusdb_links.py` ([`LINKS_PLUGIN`]), ids as links in views and canned queries.
//!
//! Views are listed from the database itself, so views added by later migrations appear
//! without a change here.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::Report;
use crate::{store, Result};

/// The Datasette plugin that makes ids links in views and canned queries: its file name and
/// text (`corpusdb datasette-metadata --plugins-dir DIR` writes it).
pub const LINKS_PLUGIN: (&str, &str) = ("corpusdb_links.py", include_str!("corpusdb_links.py"));

/// Tables corpusdb keeps for itself, hidden in Datasette.
const INTERNAL_TABLES: &[&str] = &["refinery_schema_history"];

/// Views that open on their largest rows rather than in the order SQLite gives: (view,
/// column sorted on, descending). `story_overview` would open on one-article stories.
const OPEN_ON_LARGEST: &[(&str, &str)] = &[("story_overview", "articles")];

/// The report a table's search box should lead to, for answers ranked by relevance with
/// each article's title, outlet and date: Datasette's own `_search` on a table keeps the
/// table's order (by id) and shows only the table's columns.
const RANKED_SEARCH: &[(&str, &str)] = &[("paragraphs", "search")];

/// The schema tables of README.md (`| table | one row per |`), read for descriptions.
const README: &str = include_str!("../../../README.md");

/// A JSON object whose keys keep the order they were added in (Datasette lists the canned
/// queries in the order of the file).
#[derive(Debug, Clone)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<T> Ordered<T> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The metadata file, in Datasette 0.64/0.65's `metadata.json` format.
#[derive(Debug, Serialize)]
pub struct Metadata {
    pub title: String,
    pub description: String,
    pub license: String,
    pub source: String,
    pub databases: Ordered<Database>,
}

#[derive(Debug, Serialize)]
pub struct Database {
    pub description: String,
    pub tables: Ordered<Table>,
    pub queries: Ordered<Query>,
}

/// What Datasette is told about one table or view.
#[derive(Debug, Default, Serialize)]
pub struct Table {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Shown instead of `description`: it plus a search form for ranked answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_html: Option<String>,
    /// The column the table opens sorted on, largest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_desc: Option<String>,
    /// The FTS index whose content this table is: Datasette's search box and `_search`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fts_table: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fts_pk: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    #[serde(skip_serializing_if = "Ordered::is_empty")]
    pub columns: Ordered<String>,
}

/// A report as a canned query.
#[derive(Debug, Serialize)]
pub struct Query {
    pub title: String,
    pub description: String,
    pub description_html: String,
    pub sql: String,
    pub params: Vec<String>,
    /// The generated SQL stays folded under "Show SQL": people come for the answer.
    pub hide_sql: bool,
}

/// The name Datasette gives a database file: its name without the last extension
/// (`corpus.db` → `corpus`).
pub fn database_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".to_string())
}

/// The key of a report's canned query. Prefixed, because a canned query takes the place of a
/// table of the same name in Datasette (the `articles` report would hide the `articles` table).
pub fn query_key(report: &Report) -> String {
    format!("report-{}", report.name)
}

/// The metadata for the database open on `conn`, which Datasette serves as `database`.
pub fn metadata(conn: &Connection, database: &str, reports: &[Report]) -> Result<Metadata> {
    let (articles, outlets, first, last): (i64, i64, Option<String>, Option<String>) = conn
        .query_row(include_str!("summary.sql"), [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    let period = match (first, last) {
        (Some(first), Some(last)) => format!(", published {} to {}", day(&first), day(&last)),
        _ => String::new(),
    };
    let version = env!("CARGO_PKG_VERSION");
    let outlet_word = if outlets == 1 { "outlet" } else { "outlets" };
    let description = format!(
        "{articles} news articles from {outlets} {outlet_word}{period}, loaded by corpusdb {version}. \
         Search paragraphs, quotes and article titles with the search box of their tables; \
         the views are for dashboards; the reports of `corpusdb report` are the canned queries."
    );
    let tables = tables(conn)?;
    let searched: Vec<String> = tables
        .0
        .iter()
        .filter_map(|(name, t)| {
            t.fts_table
                .as_ref()
                .map(|index| format!("{name} ({index})"))
        })
        .collect();
    let database_description = format!(
        "Schema version {}. The views read no full-text index. Search box: {}.",
        store::current_version(conn)?,
        searched.join(", ")
    );
    let db = Database {
        description: database_description,
        tables,
        queries: Ordered(
            reports
                .iter()
                .map(|r| (query_key(r), canned_query(r)))
                .collect(),
        ),
    };
    Ok(Metadata {
        title: format!("corpusdb: {database}"),
        description,
        license: "Article text belongs to its outlets (see each article's url)".to_string(),
        source: format!("corpusdb {version}"),
        databases: Ordered(vec![(database.to_string(), db)]),
    })
}

/// `2018-05-30T10:00:00Z` → `2018-05-30`.
fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

/// One entry per table and view of the database.
fn tables(conn: &Connection) -> Result<Ordered<Table>> {
    let docs = SchemaDocs::read(&store::migration_sql(), README);
    let mut stmt = conn.prepare(include_str!("schema.sql"))?;
    let objects: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut columns = conn.prepare(include_str!("columns.sql"))?;
    let mut tables: Ordered<Table> = Ordered::default();
    let mut searches: Vec<(String, FtsIndex)> = Vec::new();
    for (name, kind, sql) in &objects {
        let fts = if kind == "virtual" {
            fts_index(sql)
        } else {
            None
        };
        let hidden = kind == "shadow" || fts.is_some() || INTERNAL_TABLES.contains(&name.as_str());
        if let Some(index) = fts {
            searches.push((name.clone(), index));
        }
        let mut table = Table {
            hidden,
            ..Table::default()
        };
        if !hidden {
            table.description = docs.objects.get(name).cloned();
            table.sort_desc = OPEN_ON_LARGEST
                .iter()
                .find(|(view, _)| view == name)
                .map(|(_, column)| column.to_string());
            if let Some((_, report)) = RANKED_SEARCH.iter().find(|(t, _)| t == name) {
                table.description_html = Some(ranked_search_form(
                    table.description.as_deref().unwrap_or_default(),
                    report,
                ));
            }
            for column in columns.query_map([name], |r| r.get::<_, String>(0))? {
                let column = column?;
                if let Some(text) = docs.columns.get(&(name.clone(), column.clone())) {
                    table.columns.0.push((column, text.clone()));
                }
            }
        }
        tables.0.push((name.clone(), table));
    }
    for (fts_table, index) in searches {
        if let Some((_, table)) = tables.0.iter_mut().find(|(name, _)| *name == index.content) {
            table.fts_table = Some(fts_table);
            table.fts_pk = index.content_rowid;
        }
    }
    Ok(tables)
}

/// `description` and a search form that sends its words to the canned query of `report`
/// (as `query`), which ranks paragraphs by relevance and shows title, outlet and date. The
/// link is relative: the table's page and the canned query are both under the database's.
fn ranked_search_form(description: &str, report: &str) -> String {
    let key = format!("report-{report}");
    format!(
        "<p>{}</p><form class=\"corpusdb-ranked-search\" action=\"{key}\" method=\"get\"><p>\
         <label for=\"ranked-query\">Search, best match first, with each article's title, outlet and date:</label> \
         <input type=\"search\" id=\"ranked-query\" name=\"query\"> <input type=\"submit\" value=\"Search\"> \
         (the search box below keeps the table's order)</p></form>",
        escape_html(description)
    )
}

/// What an external-content FTS index covers.
#[derive(Debug, PartialEq)]
struct FtsIndex {
    content: String,
    content_rowid: Option<String>,
}

/// Reads `content=` and `content_rowid=` from `CREATE VIRTUAL TABLE … USING fts5(…)` (or
/// fts4). An index that holds its own text, or none, has no content table to search from.
fn fts_index(sql: &str) -> Option<FtsIndex> {
    let lower = sql.to_ascii_lowercase();
    let using = lower.find("using fts")?;
    let open = using + sql[using..].find('(')?;
    let close = sql.rfind(')')?;
    let mut content = None;
    let mut content_rowid = None;
    for arg in sql.get(open + 1..close)?.split(',') {
        let Some((key, value)) = arg.split_once('=') else {
            continue;
        };
        let value = unquote(value.trim());
        match key.trim().to_ascii_lowercase().as_str() {
            "content" if !value.is_empty() => content = Some(value),
            "content_rowid" => content_rowid = Some(value),
            _ => {}
        }
    }
    Some(FtsIndex {
        content: content?,
        content_rowid,
    })
}

/// `"paragraphs"`, `'paragraphs'`, `[paragraphs]` or `paragraphs` → `paragraphs`.
fn unquote(value: &str) -> String {
    let quoted = ["\"\"", "''", "[]", "``"].iter().any(|pair| {
        let (open, close) = pair.split_at(1);
        value.len() >= 2 && value.starts_with(open) && value.ends_with(close)
    });
    if quoted {
        value[1..value.len() - 1].to_string()
    } else {
        value.to_string()
    }
}

/// Descriptions of tables, views and columns, from the schema's comments and README.md.
#[derive(Debug, Default)]
struct SchemaDocs {
    objects: HashMap<String, String>,
    columns: HashMap<(String, String), String>,
}

impl SchemaDocs {
    /// Reads migrations in order (a later comment wins) and then README.md's schema tables,
    /// which describe only what no migration comment does.
    fn read(migrations: &[String], readme: &str) -> SchemaDocs {
        let mut docs = SchemaDocs::default();
        for sql in migrations {
            docs.read_migration(sql);
        }
        for (name, text) in readme_rows(readme) {
            docs.objects.entry(name).or_insert(text);
        }
        docs
    }

    /// A comment block right above `CREATE TABLE|VIEW name` describes it, one above
    /// `ALTER TABLE t ADD COLUMN c` describes the column, and a comment at the end of a
    /// column's line in `CREATE TABLE` describes that column.
    fn read_migration(&mut self, sql: &str) {
        let mut comment: Vec<&str> = Vec::new();
        let mut in_table: Option<String> = None;
        for line in sql.lines() {
            let trimmed = line.trim();
            if let Some(text) = trimmed.strip_prefix("--") {
                if in_table.is_none() {
                    comment.push(text.trim());
                }
                continue;
            }
            let above = std::mem::take(&mut comment).join(" ");
            if let Some(table) = &in_table {
                if trimmed.starts_with(')') {
                    in_table = None;
                } else if let (Some(column), Some(text)) =
                    (column_name(trimmed), trailing_comment(trimmed))
                {
                    self.columns
                        .insert((table.clone(), column), text.to_string());
                }
                continue;
            }
            let words: Vec<&str> = trimmed.split_whitespace().collect();
            let keywords: Vec<String> = words
                .iter()
                .take(6)
                .map(|w| w.to_ascii_uppercase())
                .collect();
            let keywords: Vec<&str> = keywords.iter().map(String::as_str).collect();
            let created = match keywords.as_slice() {
                ["CREATE", "TABLE", "IF", "NOT", "EXISTS", ..]
                | ["CREATE", "VIEW", "IF", "NOT", "EXISTS", ..] => words.get(5),
                ["CREATE", "VIRTUAL", "TABLE", ..]
                | ["CREATE", "TEMP" | "TEMPORARY", "VIEW" | "TABLE", ..] => None,
                ["CREATE", "TABLE" | "VIEW", ..] => words.get(2),
                ["ALTER", "TABLE", _, "ADD", "COLUMN", _, ..] => {
                    let text = if above.is_empty() {
                        trailing_comment(trimmed).unwrap_or_default().to_string()
                    } else {
                        above.clone()
                    };
                    if !text.is_empty() {
                        self.columns
                            .insert((identifier(words[2]), identifier(words[5])), text);
                    }
                    None
                }
                _ => None,
            };
            if let Some(name) = created {
                let name = identifier(name);
                if !above.is_empty() {
                    self.objects.insert(name.clone(), above);
                }
                if keywords.get(1) == Some(&"TABLE") && trimmed.ends_with('(') {
                    in_table = Some(name);
                }
            }
        }
    }
}

/// The column a line of `CREATE TABLE (…)` defines, or `None` for a table constraint.
fn column_name(line: &str) -> Option<String> {
    let first = line.split_whitespace().next()?;
    let constraint = ["UNIQUE", "PRIMARY", "FOREIGN", "CHECK", "CONSTRAINT"]
        .iter()
        .any(|k| first.eq_ignore_ascii_case(k));
    (!constraint).then(|| identifier(first.trim_end_matches(',')))
}

/// `"end"` → `end`; `name(` → `name`.
fn identifier(word: &str) -> String {
    unquote(
        word.split('(')
            .next()
            .unwrap_or(word)
            .trim_end_matches([',', ';']),
    )
}

/// The text of a `-- comment` at the end of a line, outside quotes.
fn trailing_comment(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'\'' | b'"') => i = skip_quoted(bytes, i, quote),
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                let text = line[i + 2..].trim();
                return (!text.is_empty()).then_some(text);
            }
            _ => i += 1,
        }
    }
    None
}

/// The rows of README.md's Markdown tables whose header starts with `table` or `view`:
/// (name, header's second cell + the row's text), for every backquoted name in the first cell.
fn readme_rows(readme: &str) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut heading: Option<String> = None;
    for line in readme.lines() {
        let Some(cells) = line
            .trim()
            .strip_prefix('|')
            .and_then(|l| l.strip_suffix('|'))
        else {
            heading = None;
            continue;
        };
        let Some((names, text)) = cells.split_once('|') else {
            continue;
        };
        let (names, text) = (names.trim(), text.trim());
        if names == "table" || names == "view" {
            heading = Some(text.to_string());
        } else if let Some(heading) = heading.as_deref().filter(|_| !names.starts_with('-')) {
            // "one row per | one quotation…" reads "one row per quotation…".
            let text = text.strip_prefix("one ").unwrap_or(text);
            let mut description = format!("{heading} {}", text.replace('`', ""));
            if let Some(first) = description.get(..1) {
                description.replace_range(..1, &first.to_ascii_uppercase());
            }
            for name in names.split('`').skip(1).step_by(2) {
                rows.push((name.to_string(), description.clone()));
            }
        }
    }
    rows
}

/// A report as a canned query: its SQL without the header, each parameter rewritten for
/// Datasette (see `param.sql` and `match.sql`), its description and parameters in HTML.
fn canned_query(report: &Report) -> Query {
    let (sql, found) = datasette_sql(report.sql);
    let mut params: Vec<String> = report.params.iter().map(|p| p.name.clone()).collect();
    for name in found {
        if !params.contains(&name) {
            params.push(name);
        }
    }
    let mut html = format!("<p>{}</p>", escape_html(&report.description));
    if !report.params.is_empty() {
        html.push_str("<ul>");
        for p in &report.params {
            html.push_str(&format!(
                "<li><code>{}</code>: {}</li>",
                escape_html(&p.name),
                escape_html(&p.help)
            ));
        }
        html.push_str("</ul><p>A field left empty takes its default.</p>");
    }
    html.push_str(&format!(
        "<p>Also <code>corpusdb report {}</code>.</p>",
        escape_html(&report.name)
    ));
    Query {
        title: format!("Report: {}", report.name),
        description: report.description.clone(),
        description_html: html,
        sql,
        params,
        hide_sql: true,
    }
}

/// Rewrites a report for Datasette: drops the leading header comment and replaces every
/// `:name` outside strings and comments with the expression Datasette's text values need.
/// Returns the SQL and the parameter names in order of first use.
fn datasette_sql(report_sql: &str) -> (String, Vec<String>) {
    let body_start = report_sql
        .lines()
        .take_while(|l| l.trim_start().starts_with("--"))
        .map(|l| l.len() + 1)
        .sum::<usize>()
        .min(report_sql.len());
    let body = &report_sql[body_start..];
    let param = template(include_str!("param.sql"));
    let matched = template(include_str!("match.sql"));
    let bytes = body.as_bytes();
    let (mut out, mut names) = (String::with_capacity(body.len() * 2), Vec::new());
    let (mut i, mut copied) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'\'' | b'"' | b'`') => i = skip_quoted(bytes, i, quote),
            b'[' => i = find_from(bytes, i + 1, b"]").map_or(bytes.len(), |j| j + 1),
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = find_from(bytes, i, b"\n").unwrap_or(bytes.len())
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = find_from(bytes, i + 2, b"*/").map_or(bytes.len(), |j| j + 2)
            }
            b':' if bytes.get(i + 1).is_some_and(|b| is_word(*b)) => {
                let end = (i + 1..bytes.len())
                    .find(|&j| !is_word(bytes[j]))
                    .unwrap_or(bytes.len());
                let name = &body[i + 1..end];
                let expression = if after_match(&body[..i]) {
                    &matched
                } else {
                    &param
                };
                out.push_str(&body[copied..i]);
                out.push_str(&expression.replace(":p", &format!(":{name}")));
                if !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
                (i, copied) = (end, end);
            }
            _ => i += 1,
        }
    }
    out.push_str(&body[copied..]);
    (out, names)
}

/// A `.sql` template without its comment lines.
fn template(sql: &str) -> String {
    sql.lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

/// Whether the SQL before a parameter ends with the keyword `MATCH`.
fn after_match(before: &str) -> bool {
    let before = before.trim_end();
    let start = before.len().saturating_sub(5);
    before
        .get(start..)
        .is_some_and(|w| w.eq_ignore_ascii_case("match"))
        && !before.as_bytes()[..start]
            .last()
            .is_some_and(|b| is_word(*b))
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The index just past the quoted text that starts at `start` (a doubled quote is part of it).
fn skip_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        if bytes[i] == quote {
            if bytes.get(i + 1) == Some(&quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_rewritten_outside_strings_and_comments() {
        let sql = "-- name: x\n-- param: a  help\nSELECT ':b', \"c:d\" -- :e\nFROM t_fts WHERE t_fts MATCH :q AND x = :a LIMIT coalesce(:a, 3);\n";
        let (out, names) = datasette_sql(sql);
        assert_eq!(names, ["q", "a"]);
        assert!(out.starts_with("SELECT ':b', \"c:d\" -- :e\n"), "{out}");
        assert!(
            out.contains("MATCH coalesce(nullif(:q, ''), '\"\"')"),
            "{out}"
        );
        assert!(out.contains("x = (CASE WHEN :a = '' THEN NULL"), "{out}");
        assert!(!out.contains("-- name"), "{out}");
    }

    #[test]
    fn rewritten_parameters_bind_like_the_command_line() {
        let conn = Connection::open_in_memory().expect("memory db");
        let (sql, _) = datasette_sql("SELECT typeof(:v), CAST(coalesce(:v, 'default') AS TEXT)");
        for (value, kind, result) in [
            ("", "null", "default"),
            ("12", "integer", "12"),
            ("1.5", "real", "1.5"),
            ("2018-01-01", "text", "2018-01-01"),
        ] {
            let got: (String, String) = conn
                .query_row(&sql, [value], |r| Ok((r.get(0)?, r.get(1)?)))
                .expect("query");
            assert_eq!(got, (kind.to_string(), result.to_string()), "{value:?}");
        }
    }

    #[test]
    fn fts_options_are_read_from_the_index_sql() {
        let sql = "CREATE VIRTUAL TABLE p_fts USING fts5(\n text,\n content=\"paragraphs\",\n content_rowid='id',\n tokenize=\"porter unicode61\"\n)";
        assert_eq!(
            fts_index(sql),
            Some(FtsIndex {
                content: "paragraphs".into(),
                content_rowid: Some("id".into())
            })
        );
        assert_eq!(fts_index("CREATE VIRTUAL TABLE t USING fts5(text)"), None);
        assert_eq!(
            fts_index("CREATE VIRTUAL TABLE t USING fts5(text, content='')"),
            None
        );
    }

    #[test]
    fn migration_comments_describe_tables_views_and_columns() {
        let sql = "-- File header.\n\n-- Outlets.\nCREATE TABLE sources (\n    id INTEGER PRIMARY KEY,\n    \"end\" TEXT, -- where it ends\n    UNIQUE (id) -- not a column\n);\n\
                   -- One row per outlet.\n-- With counts.\nCREATE VIEW source_overview AS SELECT 1;\n\
                   -- The name as given.\nALTER TABLE sources ADD COLUMN raw TEXT;\n";
        let readme = "| table | one row per |\n|---|---|\n| `sources` | ignored: a comment says it |\n| `loads`, `x` | load `run` |\n\nText.\n";
        let docs = SchemaDocs::read(&[sql.to_string()], readme);
        assert_eq!(docs.objects["sources"], "Outlets.");
        assert_eq!(
            docs.objects["source_overview"],
            "One row per outlet. With counts."
        );
        assert_eq!(docs.objects["loads"], "One row per load run");
        assert_eq!(docs.objects["x"], "One row per load run");
        assert_eq!(
            docs.columns[&("sources".into(), "end".into())],
            "where it ends"
        );
        assert_eq!(
            docs.columns[&("sources".into(), "raw".into())],
            "The name as given."
        );
        assert_eq!(docs.columns.len(), 2);
    }

    #[test]
    fn every_report_becomes_a_canned_query_with_its_parameters() {
        for report in super::super::all() {
            let query = canned_query(&report);
            let names: Vec<&str> = report.params.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(query.params, names, "{}", report.name);
        }
    }
}
