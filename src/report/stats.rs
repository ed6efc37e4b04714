//! What `corpusdb stats` shows: rows per table people query, and the database's size.

use rusqlite::Connection;

use crate::Result;

/// Rows in each table people query (not FTS shadow tables, not SQLite's or refinery's own),
/// by table name.
pub fn table_rows(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let tables: Vec<String> = conn
        .prepare(include_str!("stats_tables.sql"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tables
        .into_iter()
        .map(|table| {
            // Table names come from sqlite_schema, not from the user; quoted all the same.
            let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
            let rows: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
            Ok((table, rows))
        })
        .collect()
}

/// The database file's size in bytes (pages in use times page size).
pub fn database_bytes(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        [],
        |r| r.get(0),
    )?)
}
