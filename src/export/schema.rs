//! The tables and views an export writes, read from the schema itself (so those a later
//! migration adds come along), and which tables hang off an article: their rows are
//! partitioned by the article's outlet and year.

use rusqlite::Connection;

use super::ARTICLES;
use crate::{Error, Result};

/// Tables that are the database's machinery, not the corpus.
pub(super) const MIGRATION_HISTORY: &str = "refinery_schema_history";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    Table,
    View,
}

impl ObjectKind {
    pub fn name(self) -> &'static str {
        match self {
            ObjectKind::Table => "table",
            ObjectKind::View => "view",
        }
    }
}

/// A table or view to export, as the schema describes it.
#[derive(Debug, Clone)]
pub struct Object {
    pub name: String,
    pub kind: ObjectKind,
    /// Name and declared type of each column, in order.
    pub(super) columns: Vec<(String, String)>,
    /// For a table that hangs off an article: the foreign keys that lead from it to
    /// `articles`, the first from the table itself (empty for `articles`).
    pub(super) chain: Option<Vec<Link>>,
}

impl Object {
    /// Whether the table is written in outlet and year partitions.
    pub fn partitioned(&self) -> bool {
        self.chain.is_some()
    }
}

/// One step towards `articles`: `column` (NOT NULL) references `parent(key)`, `parent`'s
/// single-column primary key, so a row has exactly one parent.
#[derive(Debug, Clone)]
pub(super) struct Link {
    pub(super) column: String,
    pub(super) parent: String,
    pub(super) key: String,
}

/// The tables and views to export: tables first, then views, each by name. Left out:
/// SQLite's own tables, the migration history, virtual tables (FTS5 indexes hold nothing
/// their content table does not) and their shadow tables.
pub fn objects(conn: &Connection) -> Result<Vec<Object>> {
    let mut stmt = conn.prepare(
        "SELECT name, type FROM pragma_table_list
         WHERE schema = 'main' AND type IN ('table', 'view')
           AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?1
         ORDER BY type, name",
    )?;
    let names: Vec<(String, String)> = stmt
        .query_map([MIGRATION_HISTORY], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut objects = Vec::with_capacity(names.len());
    for (name, kind) in names {
        let kind = if kind == "view" {
            ObjectKind::View
        } else {
            ObjectKind::Table
        };
        let described = describe(conn, &name, kind);
        objects.push(described.map_err(|e| Error::Export {
            name: name.clone(),
            source: Box::new(e),
        })?);
    }
    Ok(objects)
}

fn describe(conn: &Connection, name: &str, kind: ObjectKind) -> Result<Object> {
    let columns = table_columns(conn, name)?
        .into_iter()
        .map(|c| (c.name, c.decl))
        .collect();
    let chain = match kind {
        ObjectKind::Table => chain_to_articles(conn, name, &mut Vec::new())?,
        ObjectKind::View => None,
    };
    Ok(Object {
        name: name.to_string(),
        kind,
        columns,
        chain,
    })
}

struct TableColumn {
    name: String,
    decl: String,
    not_null: bool,
    pk: i64,
}

/// The columns `SELECT *` returns (hidden columns of virtual tables left out), with their
/// declared types. For a view, the declared type of a column taken straight from a table
/// is that column's; a computed one has none.
fn table_columns(conn: &Connection, table: &str) -> Result<Vec<TableColumn>> {
    let mut stmt = conn.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid")?;
    let columns = stmt
        .query_map([table], |r| {
            Ok(TableColumn {
                name: r.get(0)?,
                decl: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                not_null: r.get(2)?,
                pk: r.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if columns.is_empty() {
        return Err(Error::Internal(format!("no columns found for {table}")));
    }
    Ok(columns)
}

/// The shortest path of NOT NULL single-column foreign keys from `table` to `articles`, if
/// there is one: its rows then belong to exactly one article each. Nullable keys do not
/// count (a quote cluster's first article is not what the cluster belongs to).
fn chain_to_articles(
    conn: &Connection,
    table: &str,
    visiting: &mut Vec<String>,
) -> Result<Option<Vec<Link>>> {
    if table.eq_ignore_ascii_case(ARTICLES) {
        return Ok(Some(Vec::new()));
    }
    if visiting.iter().any(|t| t.eq_ignore_ascii_case(table)) {
        return Ok(None);
    }
    visiting.push(table.to_string());
    let columns = table_columns(conn, table)?;
    let mut stmt = conn.prepare(
        "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1)
         WHERE id IN (SELECT id FROM pragma_foreign_key_list(?1) GROUP BY id HAVING count(*) = 1)
         ORDER BY id",
    )?;
    let keys: Vec<(String, String, Option<String>)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut best: Option<Vec<Link>> = None;
    for (parent, column, to) in keys {
        let not_null = columns
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(&column) && c.not_null);
        if !not_null || !exists(conn, &parent)? {
            continue;
        }
        let Some(key) = primary_key(conn, &parent, to.as_deref())? else {
            continue;
        };
        let Some(rest) = chain_to_articles(conn, &parent, visiting)? else {
            continue;
        };
        if best.as_ref().is_none_or(|b| rest.len() + 1 < b.len()) {
            let mut chain = vec![Link {
                column,
                parent,
                key,
            }];
            chain.extend(rest);
            best = Some(chain);
        }
    }
    visiting.pop();
    Ok(best)
}

fn exists(conn: &Connection, table: &str) -> Result<bool> {
    Ok(conn.query_row("SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name = ?1", [table], |r| {
        r.get::<_, i64>(0)
    })? > 0)
}

/// `table`'s primary key column when it is a single column and is what a foreign key
/// referencing `to` (None: the primary key) points at.
fn primary_key(conn: &Connection, table: &str, to: Option<&str>) -> Result<Option<String>> {
    let pk: Vec<TableColumn> = table_columns(conn, table)?
        .into_iter()
        .filter(|c| c.pk > 0)
        .collect();
    match pk.as_slice() {
        [only] if to.is_none_or(|to| to.eq_ignore_ascii_case(&only.name)) => {
            Ok(Some(only.name.clone()))
        }
        _ => Ok(None),
    }
}
