//! `corpusdb export`: every table and view of a database as Parquet, one folder each, for
//! DuckDB, Spark or Trino to take over a corpus that outgrows SQLite. This module decides
//! what is exported and where: the tables and views read from the schema itself (so those a
//! later migration adds come along), which tables hang off an article and are partitioned
//! Hive-style by outlet and year, the queries that stream them out of SQLite, and the output
//! folder. [`crate::output::parquet`] turns the rows into files.
//!
//! Layout of `DIR`:
//! - `DIR/<table>/source=<source_id>/year=<YYYY>/part-0.parquet` for `articles` and every
//!   table whose rows cannot exist without an article (a NOT NULL foreign key to it, or to
//!   such a table: paragraphs, sentences, mentions, date_mentions, quotes). An article with
//!   no outlet or no date goes to `__HIVE_DEFAULT_PARTITION__`, which Hive, Spark, Trino and
//!   DuckDB all read as NULL. The files hold the table's own columns only: the partition
//!   keys are in the path, where `hive_partitioning` (DuckDB) or partition discovery (Spark)
//!   adds them as columns. A key also in the files would be a duplicate column,
//!   which some readers refuse (DataFusion) and others resolve each their own way.
//! - `DIR/<table>/part-0.parquet` for every other table and every view.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use crate::output::parquet::{self, Batch, Column, Kind, BATCH_ROWS};
use crate::{Error, Result};

/// The table every partitioned table hangs off, and its columns that give the partition.
const ARTICLES: &str = "articles";
const SOURCE_COLUMN: &str = "source_id";
const DATE_COLUMN: &str = "published_at";
/// What Hive (and so Spark, Trino and DuckDB) call the partition of a NULL key.
const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";
/// Tables that are the database's machinery, not the corpus.
const MIGRATION_HISTORY: &str = "refinery_schema_history";

/// How to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Export into a folder that is not empty, replacing the folders of the exported tables
    /// (and nothing else) in it.
    pub force: bool,
    /// Tables and views to leave out.
    pub skip: Vec<String>,
}

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
    columns: Vec<(String, String)>,
    /// For a table that hangs off an article: the foreign keys that lead from it to
    /// `articles`, the first from the table itself (empty for `articles`).
    chain: Option<Vec<Link>>,
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
struct Link {
    column: String,
    parent: String,
    key: String,
}

/// What was written for one table or view.
#[derive(Debug, Clone)]
pub struct Exported {
    pub name: String,
    pub kind: ObjectKind,
    pub partitioned: bool,
    pub rows: u64,
    pub files: u64,
    pub bytes: u64,
    /// The columns as written, with their types.
    pub columns: Vec<Column>,
    /// Columns some of whose values did not fit the column's type (written as null, or as
    /// lossy UTF-8 in a text column), with how many.
    pub unfit: Vec<(String, u64)>,
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

/// Exports every table and view of `conn` into `dir`, calling `on_done` after each. All of
/// it is read in one transaction, so a load that commits meanwhile is in none or all of it.
pub fn export(
    conn: &Connection,
    dir: &Path,
    options: &Options,
    on_done: &mut dyn FnMut(&Exported),
) -> Result<Vec<Exported>> {
    let snapshot = conn.unchecked_transaction()?;
    let mut objects = objects(conn)?;
    for name in &options.skip {
        if !objects.iter().any(|o| o.name.eq_ignore_ascii_case(name)) {
            let known: Vec<&str> = objects.iter().map(|o| o.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "--skip {name}: no such table or view (there are: {})",
                known.join(", ")
            )));
        }
    }
    objects.retain(|o| {
        !options
            .skip
            .iter()
            .any(|name| o.name.eq_ignore_ascii_case(name))
    });
    prepare_folder(dir, options.force)?;
    let mut done = Vec::new();
    for object in objects {
        let exported = export_object(conn, &object, dir).map_err(|e| Error::Export {
            name: object.name.clone(),
            source: Box::new(e),
        })?;
        on_done(&exported);
        done.push(exported);
    }
    snapshot.rollback()?;
    Ok(done)
}

/// Creates `dir`, or checks that it is an empty folder (or any folder, with `force`).
fn prepare_folder(dir: &Path, force: bool) -> Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if !force && entries.next().is_some() {
                return Err(Error::Usage(format!(
                    "{} is not empty; export into a new or empty folder, or add --force to replace the exported tables' folders in it",
                    dir.display()
                )));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
        }
        Err(_) if dir.exists() && !dir.is_dir() => Err(Error::Usage(format!(
            "{} exists and is not a folder",
            dir.display()
        ))),
        Err(e) => Err(Error::io(dir, e)),
    }
}

/// Writes one object into a hidden folder beside its final one, then moves it into place:
/// a failed or killed export leaves no half-written table where a reader would take it for
/// a whole one.
fn export_object(conn: &Connection, object: &Object, dir: &Path) -> Result<Exported> {
    let folder = dir.join(path_segment(&object.name));
    let partial = dir.join(format!(".{}.partial", path_segment(&object.name)));
    remove(&partial)?;
    std::fs::create_dir(&partial).map_err(|e| Error::io(&partial, e))?;
    let written = write_object(conn, object, &partial);
    if written.is_err() {
        // Best effort: the error being returned matters more than the leftover.
        let _ = std::fs::remove_dir_all(&partial);
    }
    let written = written?;
    remove(&folder)?;
    std::fs::rename(&partial, &folder).map_err(|e| Error::io(&folder, e))?;
    Ok(written)
}

/// Removes a file or folder if there is one (a link is removed, not followed).
fn remove(path: &Path) -> Result<()> {
    let removed = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    };
    removed.map_err(|e| Error::io(path, e))
}

/// The SQL that streams an object's rows: its columns, then (partitioned tables) the
/// article's outlet and year. The second query, for partitioned tables only, finds the rows
/// whose article is missing (possible only after edits made with foreign keys off).
fn queries(object: &Object) -> (String, Option<String>) {
    let Some(chain) = &object.chain else {
        let columns: Vec<String> = object.columns.iter().map(|(c, _)| ident(c)).collect();
        return (
            format!("SELECT {} FROM {}", columns.join(", "), ident(&object.name)),
            None,
        );
    };
    let columns: Vec<String> = object
        .columns
        .iter()
        .map(|(c, _)| format!("t0.{}", ident(c)))
        .collect();
    let columns = columns.join(", ");
    // t0 is the table, t1 the table its first link leads to, ..., t{n} is articles.
    let n = chain.len();
    let article = format!("t{n}");
    let source = format!("{article}.{}", ident(SOURCE_COLUMN));
    let date = format!("{article}.{}", ident(DATE_COLUMN));
    let year = format!("CASE WHEN {date} GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr({date}, 1, 4) AS INTEGER) END");
    let child = |i: usize| {
        if i == 0 {
            ident(&object.name)
        } else {
            ident(&chain[i - 1].parent)
        }
    };
    // Articles drive the join (CROSS JOIN fixes the order in SQLite) in the order of their
    // (source_id, published_at) index, so the rows come out grouped by partition with no
    // sort of the whole table, each child found through its foreign key's index.
    let mut main = format!(
        "SELECT {columns}, {source}, {year} FROM {} AS {article}",
        ident(ARTICLES)
    );
    for i in (0..n).rev() {
        let link = &chain[i];
        main += &format!(
            " CROSS JOIN {} AS t{i} ON t{i}.{} = t{}.{}",
            child(i),
            ident(&link.column),
            i + 1,
            ident(&link.key)
        );
    }
    main += &format!(" ORDER BY {source}, {date}");
    if n == 0 {
        return (main, None);
    }
    let mut orphans = format!(
        "SELECT {columns}, NULL, NULL FROM {} AS t0",
        ident(&object.name)
    );
    for (i, link) in chain.iter().enumerate() {
        orphans += &format!(
            " LEFT JOIN {} AS t{} ON t{}.{} = t{i}.{}",
            ident(&link.parent),
            i + 1,
            i + 1,
            ident(&link.key),
            ident(&link.column)
        );
    }
    orphans += &format!(" WHERE {article}.rowid IS NULL");
    (main, Some(orphans))
}

/// A quoted SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn write_object(conn: &Connection, object: &Object, folder: &Path) -> Result<Exported> {
    let (main, orphans) = queries(object);
    let width = object.columns.len();
    let mut stmt = conn.prepare(&main)?;
    let mut rows = stmt.query([])?;

    // Declared types decide where they can; where not, the first batch of rows does.
    let declared: Vec<Option<Kind>> = object
        .columns
        .iter()
        .map(|(_, decl)| Kind::declared(decl))
        .collect();
    let mut first: Vec<Vec<Owned>> = Vec::new();
    if declared.iter().any(Option::is_none) {
        while first.len() < BATCH_ROWS {
            let Some(row) = rows.next()? else { break };
            first.push(refs(row)?.into_iter().map(Owned::of).collect());
        }
    }
    let columns: Vec<Column> = object
        .columns
        .iter()
        .zip(&declared)
        .enumerate()
        .map(|(i, ((name, _), kind))| Column {
            name: name.clone(),
            kind: kind
                .unwrap_or_else(|| Kind::from_values(first.iter().map(|row| row[i].as_ref()))),
        })
        .collect();

    let keys = object
        .partitioned()
        .then(|| (key_name("source", &columns), key_name("year", &columns)));
    let mut out = Output::new(folder, &columns, keys);
    for row in &first {
        let values: Vec<ValueRef> = row.iter().map(Owned::as_ref).collect();
        out.push(&values[..width], &values[width..])?;
    }
    while let Some(row) = rows.next()? {
        let values = refs(row)?;
        out.push(&values[..width], &values[width..])?;
    }
    drop(rows);
    if let Some(orphans) = orphans {
        let total: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {}", ident(&object.name)),
            [],
            |r| r.get(0),
        )?;
        if out.rows < u64::try_from(total).unwrap_or(0) {
            let mut stmt = conn.prepare(&orphans)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let values = refs(row)?;
                out.push(&values[..width], &values[width..])?;
            }
        }
    }
    let (rows, files, bytes, unfit) = out.finish()?;
    let unfit = columns
        .iter()
        .zip(unfit)
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| (c.name.clone(), n))
        .collect();
    Ok(Exported {
        name: object.name.clone(),
        kind: object.kind,
        partitioned: object.partitioned(),
        rows,
        files,
        bytes,
        columns,
        unfit,
    })
}

fn refs<'a>(row: &'a Row<'_>) -> Result<Vec<ValueRef<'a>>> {
    Ok((0..row.as_ref().column_count())
        .map(|i| row.get_ref(i))
        .collect::<Result<_, _>>()?)
}

/// A value kept past its row, as SQLite gave it (rusqlite's own `Value` insists on valid
/// UTF-8 text, which SQLite does not).
enum Owned {
    Null,
    Integer(i64),
    Real(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

impl Owned {
    fn of(value: ValueRef<'_>) -> Owned {
        match value {
            ValueRef::Null => Owned::Null,
            ValueRef::Integer(n) => Owned::Integer(n),
            ValueRef::Real(x) => Owned::Real(x),
            ValueRef::Text(t) => Owned::Text(t.to_vec()),
            ValueRef::Blob(b) => Owned::Blob(b.to_vec()),
        }
    }

    fn as_ref(&self) -> ValueRef<'_> {
        match self {
            Owned::Null => ValueRef::Null,
            Owned::Integer(n) => ValueRef::Integer(*n),
            Owned::Real(x) => ValueRef::Real(*x),
            Owned::Text(t) => ValueRef::Text(t),
            Owned::Blob(b) => ValueRef::Blob(b),
        }
    }
}

/// A partition key's name: `base`, unless the table has a column of that name (a key that
/// is also a column is a duplicate column to the reader, see the module's docs).
fn key_name(base: &str, columns: &[Column]) -> String {
    let mut name = base.to_string();
    while columns.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) {
        name.insert_str(0, "partition_");
    }
    name
}

/// A partition value as it appears in a folder name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Part {
    Null,
    Integer(i64),
    Text(String),
}

impl Part {
    fn of(value: ValueRef<'_>) -> Part {
        match value {
            ValueRef::Null => Part::Null,
            ValueRef::Integer(n) => Part::Integer(n),
            ValueRef::Real(x) => Part::Text(format!("{x:?}")),
            ValueRef::Text(t) | ValueRef::Blob(t) => {
                Part::Text(String::from_utf8_lossy(t).into_owned())
            }
        }
    }

    fn segment(&self) -> String {
        match self {
            Part::Null => NULL_PARTITION.to_string(),
            Part::Integer(n) => n.to_string(),
            Part::Text(t) => path_segment(t),
        }
    }
}

/// `name` made safe as one folder name: bytes other than ASCII letters, digits, `_`, `-`
/// and `.` (but not a leading `.`) are percent-encoded, as Hive escapes partition values.
fn path_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, byte) in name.bytes().enumerate() {
        if byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-' || (byte == b'.' && i > 0) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push_str(NULL_PARTITION);
    }
    out
}

/// The files of one object: rows gathered into batches, each batch written to the file of
/// its partition. Partitions arrive one after another, so one file is open at a time.
struct Output {
    folder: PathBuf,
    schema: arrow_schema::SchemaRef,
    batch: Batch,
    /// Names of the outlet and year keys, for a partitioned table.
    keys: Option<(String, String)>,
    /// The partition of the rows in `batch` and the open file.
    current: Option<(Part, Part)>,
    file: Option<parquet::File>,
    /// Files started per partition: a partition met again (dates that are not ISO sort
    /// apart from the rest of their year) gets part-1, part-2...
    parts: HashMap<(Part, Part), u32>,
    rows: u64,
    files: u64,
    bytes: u64,
}

impl Output {
    fn new(folder: &Path, columns: &[Column], keys: Option<(String, String)>) -> Output {
        let schema = parquet::schema(columns);
        Output {
            folder: folder.to_path_buf(),
            batch: Batch::new(schema.clone()),
            schema,
            keys,
            current: None,
            file: None,
            parts: HashMap::new(),
            rows: 0,
            files: 0,
            bytes: 0,
        }
    }

    /// Adds a row; `key` is the outlet and year of a partitioned table (empty otherwise).
    fn push(&mut self, values: &[ValueRef<'_>], key: &[ValueRef<'_>]) -> Result<()> {
        let part = match key {
            [source, year] if self.keys.is_some() => (Part::of(*source), Part::of(*year)),
            _ => (Part::Null, Part::Null),
        };
        if self.current.as_ref() != Some(&part) {
            self.close_file()?;
            self.current = Some(part);
        }
        self.batch.push(values)?;
        self.rows += 1;
        if self.batch.is_full() {
            self.write_batch()?;
        }
        Ok(())
    }

    /// Writes the gathered rows to the current partition's file, opening it if needed.
    fn write_batch(&mut self) -> Result<()> {
        let batch = self.batch.take()?;
        if self.file.is_none() {
            let part = self.current.clone().unwrap_or((Part::Null, Part::Null));
            self.file = Some(self.open(part)?);
        }
        match &mut self.file {
            Some(file) => file.write(&batch),
            None => Err(Error::Internal("no Parquet file open".into())),
        }
    }

    fn open(&mut self, part: (Part, Part)) -> Result<parquet::File> {
        let mut folder = self.folder.clone();
        if let Some((source, year)) = &self.keys {
            folder.push(format!("{source}={}", part.0.segment()));
            folder.push(format!("{year}={}", part.1.segment()));
            std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        }
        let n = self.parts.entry(part).or_insert(0);
        let path = folder.join(format!("part-{n}.parquet"));
        *n += 1;
        self.files += 1;
        parquet::File::create(&path, self.schema.clone())
    }

    fn close_file(&mut self) -> Result<()> {
        if !self.batch.is_empty() {
            self.write_batch()?;
        }
        if let Some(file) = self.file.take() {
            self.bytes += file.close()?;
        }
        Ok(())
    }

    /// Closes the last file. An object with no rows still gets one empty file (in the NULL
    /// partition, for a partitioned table), so readers find its columns and count 0 rows.
    fn finish(mut self) -> Result<(u64, u64, u64, Vec<u64>)> {
        self.close_file()?;
        if self.files == 0 {
            let file = self.open((Part::Null, Part::Null))?;
            self.bytes += file.close()?;
        }
        Ok((
            self.rows,
            self.files,
            self.bytes,
            self.batch.unfit().to_vec(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migrated() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = crate::store::open_write(&path).unwrap();
        (dir, conn)
    }

    #[test]
    fn article_tables_are_found_through_their_foreign_keys() {
        let (_dir, conn) = migrated();
        let objects = objects(&conn).unwrap();
        let partitioned: Vec<&str> = objects
            .iter()
            .filter(|o| o.partitioned())
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(
            partitioned,
            [
                "article_received",
                "article_repairs",
                "articles",
                "date_mentions",
                "mentions",
                "paragraphs",
                "quotes",
                "sentences"
            ]
        );
        let names: Vec<&str> = objects.iter().map(|o| o.name.as_str()).collect();
        assert!(
            names.contains(&"sources") && names.contains(&"quote_overview"),
            "{names:?}"
        );
        assert!(
            !names
                .iter()
                .any(|n| n.contains("_fts") || n.starts_with("sqlite_") || *n == MIGRATION_HISTORY),
            "{names:?}"
        );
        assert!(
            objects
                .windows(2)
                .all(|w| w[0].kind == w[1].kind || w[1].kind == ObjectKind::View),
            "tables come before views"
        );
    }

    /// The partition queries never sort a whole table: SQLite walks articles by their
    /// (source_id, published_at) index and finds each child through an index.
    #[test]
    fn partition_queries_need_no_sort() {
        let (_dir, conn) = migrated();
        for object in objects(&conn).unwrap().iter().filter(|o| o.partitioned()) {
            let (main, _) = queries(object);
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {main}")).unwrap();
            let plan: Vec<String> = stmt
                .query_map([], |r| r.get(3))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            let sorts_or_scans = |step: &String| {
                step.contains("TEMP B-TREE")
                    || step.contains("AUTOMATIC")
                    || (step.starts_with("SCAN") && !step.contains("articles_source_date"))
            };
            assert!(
                !plan.iter().any(sorts_or_scans),
                "{}: {plan:?}",
                object.name
            );
        }
    }

    #[test]
    fn new_tables_hanging_off_an_article_are_partitioned_and_orphans_kept() {
        let (dir, conn) = migrated();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             CREATE TABLE clips (id INTEGER PRIMARY KEY, label NUMERIC);
             CREATE TABLE clip_articles (story_id INTEGER NOT NULL REFERENCES clips(id),
                                          article_id INTEGER NOT NULL REFERENCES articles(id));
             CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles(id), x);
             INSERT INTO loads (id, started_at, inputs, tool_version) VALUES (1, '', '[]', '');
             INSERT INTO sources (id, name) VALUES (7, 'Outlet');
             INSERT INTO articles (id, source_id, published_at, content_hash, origin, load_id)
                 VALUES (1, 7, '2019-05-01', 'a', 'f:1', 1), (2, NULL, NULL, 'b', 'f:2', 1), (3, 7, '2018-01-01', 'c', 'f:3', 1);
             INSERT INTO clips VALUES (1, 'x'), (2, 2.5);
             INSERT INTO clip_articles VALUES (1, 1), (1, 2), (2, 3), (2, 99);
             INSERT INTO notes VALUES (1, 1, 1), (2, NULL, 'two');",
        )
        .unwrap();
        let objects = objects(&conn).unwrap();
        let find = |name: &str| objects.iter().find(|o| o.name == name).unwrap();
        assert!(find("clip_articles").partitioned());
        assert!(
            !find("clips").partitioned() && !find("notes").partitioned(),
            "nullable keys do not partition"
        );
        let out = dir.path().join("out");
        let done = export(&conn, &out, &Options::default(), &mut |_| {}).unwrap();
        let clip_articles = done.iter().find(|e| e.name == "clip_articles").unwrap();
        assert_eq!((clip_articles.rows, clip_articles.files), (4, 4));
        for path in [
            "source=7/year=2019/part-0.parquet",
            "source=7/year=2018/part-0.parquet",
        ] {
            assert!(out.join("clip_articles").join(path).is_file(), "{path}");
        }
        // The article with no outlet and the orphan share the NULL partition, in two files.
        let null = out
            .join("clip_articles")
            .join(format!("source={NULL_PARTITION}/year={NULL_PARTITION}"));
        assert!(null.join("part-0.parquet").is_file() && null.join("part-1.parquet").is_file());
        let notes = done.iter().find(|e| e.name == "notes").unwrap();
        assert_eq!(
            notes.columns[2].kind,
            Kind::Text,
            "untyped column with 1 and 'two' is text"
        );
        let clips = done.iter().find(|e| e.name == "clips").unwrap();
        assert_eq!(clips.columns[1].kind, Kind::Text);
        assert!(out.join("notes/part-0.parquet").is_file());
        // An empty table still has a file.
        assert!(out
            .join("quotes")
            .join(format!(
                "source={NULL_PARTITION}/year={NULL_PARTITION}/part-0.parquet"
            ))
            .is_file());
        assert!(!std::fs::read_dir(&out).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".partial")));

        let err = export(&conn, &out, &Options::default(), &mut |_| {}).unwrap_err();
        assert!(err.to_string().contains("not empty"), "{err}");
        std::fs::write(out.join("keep.txt"), "mine").unwrap();
        let skip = vec!["cooccurrence".to_string()];
        std::fs::remove_dir_all(out.join("cooccurrence")).unwrap();
        export(&conn, &out, &Options { force: true, skip }, &mut |_| {}).unwrap();
        assert!(
            out.join("keep.txt").is_file(),
            "--force replaces only the exported folders"
        );
        assert!(!out.join("cooccurrence").exists());
        let err = export(
            &conn,
            &out,
            &Options {
                force: true,
                skip: vec!["nope".into()],
            },
            &mut |_| {},
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("--skip nope: no such table or view"),
            "{err}"
        );
    }

    #[test]
    fn folder_names_are_escaped() {
        assert_eq!(path_segment("articles"), "articles");
        assert_eq!(path_segment("a/b c"), "a%2Fb%20c");
        assert_eq!(path_segment(".."), "%2E.");
        assert_eq!(path_segment(""), NULL_PARTITION);
        assert_eq!(Part::of(ValueRef::Null).segment(), NULL_PARTITION);
        assert_eq!(Part::of(ValueRef::Integer(12)).segment(), "12");
    }
}
