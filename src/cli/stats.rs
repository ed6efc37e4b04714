//! `corpusdb stats`: rows per table and the database's size, read through
//! [`corpusdb::report::stats`].

use std::path::Path;
use std::process::ExitCode;

use corpusdb::report::{stats, Value};
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
    let mut printer = args.format.printer();
    printer.columns(&["table".to_string(), "rows".to_string()])?;
    for (table, rows) in stats::table_rows(&conn)? {
        printer.row(&[Value::Text(table), Value::Integer(rows)])?;
    }
    let bytes = stats::database_bytes(&conn)?;
    printer.row(&[
        Value::Text("(database bytes)".into()),
        Value::Integer(bytes),
    ])?;
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}
