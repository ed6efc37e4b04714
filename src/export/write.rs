//! Writing one table or view: the SQL that streams its rows out of SQLite (a partitioned
//! table cell by cell, so each folder's rows arrive together and fill one file), the type of
//! each column, and the files of each folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use super::partition::{year_sql, Folder, Key, Part};
use super::schema::Object;
use super::{Exported, ARTICLES, DATE_COLUMN, SOURCE_COLUMN};
use crate::output::parquet::{self, Batch, Column, Kind, BATCH_ROWS};
use crate::{Error, Result};

/// The SQL that streams an object's rows. For a partitioned table, the rows of one cell of
/// articles: outlet `?1`, year `?2`. The second query, for partitioned tables only, finds the
/// rows whose article is missing (possible only after edits made with foreign keys off).
pub(super) fn queries(object: &Object) -> (String, Option<String>) {
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
    let year = year_sql(&format!("{article}.{}", ident(DATE_COLUMN)));
    let child = |i: usize| {
        if i == 0 {
            ident(&object.name)
        } else {
            ident(&chain[i - 1].parent)
        }
    };
    // Articles drive the join (CROSS JOIN fixes the order in SQLite), found through their
    // (source_id, published_at) index, each child through its foreign key's index.
    let mut main = format!("SELECT {columns} FROM {} AS {article}", ident(ARTICLES));
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
    main += &format!(" WHERE {source} IS ?1 AND {year} IS ?2");
    if n == 0 {
        return (main, None);
    }
    let mut orphans = format!("SELECT {columns} FROM {} AS t0", ident(&object.name));
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
pub(super) fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Writes `object` into `folder`: a partitioned table into the given article `folders`, the
/// rest into one file. Columns named in `as_text` are written as text whatever their values
/// look like (a date column whose guess failed).
pub(super) fn write_object(
    conn: &Connection,
    object: &Object,
    folder: &Path,
    folders: &[Folder],
    as_text: &[String],
) -> Result<Exported> {
    let (main, orphans) = queries(object);
    let mut stmt = conn.prepare(&main)?;
    let mut out;
    if object.partitioned() {
        // The sample that decides the types is read from the table itself, not a cell.
        let columns: Vec<String> = object.columns.iter().map(|(c, _)| ident(c)).collect();
        let sample_sql = format!(
            "SELECT {} FROM {} LIMIT {BATCH_ROWS}",
            columns.join(", "),
            ident(&object.name)
        );
        let mut sample_stmt = conn.prepare(&sample_sql)?;
        let mut sample_rows = sample_stmt.query([])?;
        let sample = first_rows(&mut sample_rows)?;
        let columns = column_kinds(object, &sample, as_text);
        let keys = (key_name("source", &columns), key_name("year", &columns));
        out = Output::new(folder, &columns, Some(keys));
        for group in folders {
            for (source, year) in &group.cells {
                let mut rows = stmt.query([source.sql(), year.sql()])?;
                while let Some(row) = rows.next()? {
                    out.push(&refs(row)?, Some(&group.key))?;
                }
            }
        }
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
                    out.push(&refs(row)?, Some(&(Part::Null, Part::Null)))?;
                }
            }
        }
    } else {
        // Declared types decide where they can; where not, the first batch of rows does.
        let mut rows = stmt.query([])?;
        let first = first_rows(&mut rows)?;
        let columns = column_kinds(object, &first, as_text);
        out = Output::new(folder, &columns, None);
        for row in &first {
            let values: Vec<ValueRef> = row.iter().map(Owned::as_ref).collect();
            out.push(&values, None)?;
        }
        while let Some(row) = rows.next()? {
            out.push(&refs(row)?, None)?;
        }
    }
    let columns = out.columns.clone();
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

/// Up to a batch of rows, kept past their statement's step.
fn first_rows(rows: &mut rusqlite::Rows<'_>) -> Result<Vec<Vec<Owned>>> {
    let mut first = Vec::new();
    while first.len() < BATCH_ROWS {
        let Some(row) = rows.next()? else { break };
        first.push(refs(row)?.into_iter().map(Owned::of).collect());
    }
    Ok(first)
}

/// Each column's type: its declared type, else what the sample's values hold; text columns
/// whose sampled values are all ISO dates (or times) become dates (or timestamps), unless
/// named in `as_text`.
fn column_kinds(object: &Object, sample: &[Vec<Owned>], as_text: &[String]) -> Vec<Column> {
    object
        .columns
        .iter()
        .enumerate()
        .map(|(i, (name, decl))| {
            let values = || sample.iter().map(|row| row[i].as_ref());
            let kind = Kind::declared(decl).unwrap_or_else(|| Kind::from_values(values()));
            let kind = if as_text.contains(name) {
                kind
            } else {
                kind.temporal(values())
            };
            Column {
                name: name.clone(),
                kind,
            }
        })
        .collect()
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

/// The files of one object: rows gathered into batches, each batch written to the file of
/// its partition. Partitions arrive one after another, so one file is open at a time.
struct Output {
    folder: PathBuf,
    columns: Vec<Column>,
    schema: arrow_schema::SchemaRef,
    batch: Batch,
    /// Names of the outlet and year keys, for a partitioned table.
    keys: Option<(String, String)>,
    /// The partition of the rows in `batch` and the open file.
    current: Option<Key>,
    file: Option<parquet::File>,
    /// Files started per partition: a partition met again (the orphans' NULL partition)
    /// gets part-1, part-2...
    parts: HashMap<Key, u32>,
    rows: u64,
    files: u64,
    bytes: u64,
}

impl Output {
    fn new(folder: &Path, columns: &[Column], keys: Option<(String, String)>) -> Output {
        let schema = parquet::schema(columns);
        Output {
            folder: folder.to_path_buf(),
            columns: columns.to_vec(),
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

    /// Adds a row; `key` is the folder of a partitioned table's row (None otherwise).
    fn push(&mut self, values: &[ValueRef<'_>], key: Option<&Key>) -> Result<()> {
        let part = key.cloned().unwrap_or((Part::Null, Part::Null));
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

    fn open(&mut self, part: Key) -> Result<parquet::File> {
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
