//! The folders of a partitioned table: which articles go together, and how a folder is named.
//!
//! Articles fall into cells by outlet and year. A cell is a folder only when it is big enough:
//! an outlet with less than `min_share` of the corpus's articles goes to `source=other`, and
//! within each outlet (or `other`), a year with less than that share goes to `year=other`. So
//! the number of folders per table is bounded by about `2 / min_share`, whatever the number
//! of outlets (on allsides-37k: 491 outlets and 15 years, 41 folders at 1 %), and every folder
//! holds at least `min_share` of the corpus except the `other` ones.

use std::collections::BTreeMap;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::Connection;

use super::{ARTICLES, DATE_COLUMN, SOURCE_COLUMN};
use crate::Result;

/// What Hive (and so Spark, Trino and DuckDB) call the partition of a NULL key.
pub(super) const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";
/// The folder of the outlets, or years, too small for one of their own.
pub(super) const OTHER: &str = "other";

/// A partition value: an outlet's id or a year, as the database holds it, or the group of
/// the small ones.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Part {
    Null,
    Integer(i64),
    Text(String),
    Other,
}

impl Part {
    pub(super) fn of(value: ValueRef<'_>) -> Part {
        match value {
            ValueRef::Null => Part::Null,
            ValueRef::Integer(n) => Part::Integer(n),
            ValueRef::Real(x) => Part::Text(format!("{x:?}")),
            ValueRef::Text(t) | ValueRef::Blob(t) => {
                Part::Text(String::from_utf8_lossy(t).into_owned())
            }
        }
    }

    /// The value in a folder name.
    pub(super) fn segment(&self) -> String {
        match self {
            Part::Null => NULL_PARTITION.to_string(),
            Part::Integer(n) => n.to_string(),
            Part::Text(t) => path_segment(t),
            Part::Other => OTHER.to_string(),
        }
    }

    /// The value bound to select the cell's articles (`Other` is never a cell).
    pub(super) fn sql(&self) -> ToSqlOutput<'_> {
        match self {
            Part::Integer(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Part::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Part::Null | Part::Other => ToSqlOutput::Borrowed(ValueRef::Null),
        }
    }
}

/// The outlet and year of one folder, or of one cell of articles.
pub(super) type Key = (Part, Part);

/// One folder and the cells of articles it holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Folder {
    pub key: Key,
    pub cells: Vec<Key>,
}

/// The year of an article, in SQL, from its date column `date`: the first four characters
/// when they are digits, else NULL.
pub(super) fn year_sql(date: &str) -> String {
    format!("CASE WHEN {date} GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr({date}, 1, 4) AS INTEGER) END")
}

/// The folders of the corpus on `conn`, in order, each with its cells.
pub(super) fn folders(conn: &Connection, min_share: f64) -> Result<Vec<Folder>> {
    let sql = format!(
        "SELECT {SOURCE_COLUMN}, {} AS year, count(*) FROM {ARTICLES} GROUP BY 1, 2",
        year_sql(DATE_COLUMN)
    );
    let mut stmt = conn.prepare(&sql)?;
    let cells: Vec<(Key, u64)> = stmt
        .query_map([], |r| {
            let key = (Part::of(r.get_ref(0)?), Part::of(r.get_ref(1)?));
            Ok((key, r.get::<_, i64>(2)?.max(0) as u64))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(group(&cells, min_share))
}

/// Groups cells of (outlet, year) with their article counts into folders (see the module's
/// docs). `min_share` 0 gives every cell a folder.
pub(super) fn group(cells: &[(Key, u64)], min_share: f64) -> Vec<Folder> {
    let total: u64 = cells.iter().map(|(_, n)| n).sum();
    let least = min_share * total as f64;
    let big = |n: u64| n as f64 >= least;
    let mut outlets: BTreeMap<&Part, u64> = BTreeMap::new();
    for ((source, _), n) in cells {
        *outlets.entry(source).or_default() += n;
    }
    let outlet = |source: &Part| {
        if big(outlets[source]) {
            source.clone()
        } else {
            Part::Other
        }
    };
    let mut years: BTreeMap<Key, u64> = BTreeMap::new();
    for ((source, year), n) in cells {
        *years.entry((outlet(source), year.clone())).or_default() += n;
    }
    let mut folders: BTreeMap<Key, Vec<Key>> = BTreeMap::new();
    for ((source, year), _) in cells {
        let group = outlet(source);
        let year_group = if big(years[&(group.clone(), year.clone())]) {
            year.clone()
        } else {
            Part::Other
        };
        folders
            .entry((group, year_group))
            .or_default()
            .push((source.clone(), year.clone()));
    }
    folders
        .into_iter()
        .map(|(key, mut cells)| {
            cells.sort();
            Folder { key, cells }
        })
        .collect()
}

/// `name` made safe as one folder name: bytes other than ASCII letters, digits, `_`, `-`
/// and `.` (but not a leading `.`) are percent-encoded, as Hive escapes partition values.
pub(super) fn path_segment(name: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_outlets_and_small_years_share_a_folder() {
        use Part::{Integer as I, Null, Other};
        let cells = [
            ((I(1), I(2018)), 50),
            ((I(1), I(2019)), 30),
            ((I(1), I(2020)), 2),
            ((I(2), I(2018)), 5),
            ((I(3), I(2018)), 6),
            ((I(3), Null), 1),
            ((Null, Null), 6),
        ];
        // 100 articles, at least 10 for a folder: outlet 1 keeps its own, with its small
        // 2020 in (1, other); outlets 2, 3 and the unknown one (12 articles together) go to
        // other, where 2018 (11) keeps its year and the 7 undated go to (other, other).
        let folders = group(&cells, 0.10);
        let keys: Vec<&Key> = folders.iter().map(|f| &f.key).collect();
        assert_eq!(
            keys,
            [
                &(I(1), I(2018)),
                &(I(1), I(2019)),
                &(I(1), Other),
                &(Other, I(2018)),
                &(Other, Other),
            ]
        );
        assert_eq!(folders[3].cells, [(I(2), I(2018)), (I(3), I(2018))]);
        assert_eq!(folders[4].cells, [(Null, Null), (I(3), Null)]);
        assert_eq!(
            group(&cells, 0.0).len(),
            cells.len(),
            "0: a folder per cell"
        );
        assert!(group(&[], 0.01).is_empty());
    }

    #[test]
    fn folder_names_are_escaped() {
        assert_eq!(path_segment("articles"), "articles");
        assert_eq!(path_segment("a/b c"), "a%2Fb%20c");
        assert_eq!(path_segment(".."), "%2E.");
        assert_eq!(path_segment(""), NULL_PARTITION);
        assert_eq!(Part::of(ValueRef::Null).segment(), NULL_PARTITION);
        assert_eq!(Part::of(ValueRef::Integer(12)).segment(), "12");
        assert_eq!(Part::Other.segment(), OTHER);
    }
}
