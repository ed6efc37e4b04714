//! `corpusdb stats`: rows per table and the database's size.

use std::path::Path;
use std::process::ExitCode;

use corpusdb::report::Value;
use corpusdb::store;

use super::FormatArg;

/// Rows per table, and the database's size on disk.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = store::open_read(db)?;
    let tables: Vec<String> = conn
        .prepare(include_str!("stats_tables.sql"))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut printer = args.format.printer();
    printer.columns(&["table".to_string(), "rows".to_string()])?;
    for table in tables {
        // Table names come from sqlite_schema, not from the user; quoted all the same.
        let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
        let rows: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
        printer.row(&[Value::Text(table), Value::Integer(rows)])?;
    }
    let bytes: i64 = conn.query_row(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        [],
        |r| r.get(0),
    )?;
    printer.row(&[
        Value::Text("(database bytes)".into()),
        Value::Integer(bytes),
    ])?;
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}
