//! `corpusdb datasette-metadata`: write Datasette metadata for a database.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use corpusdb::report::{self, datasette};
use corpusdb::store;

/// Write Datasette metadata (JSON) for the database: the reports as canned queries, search
/// boxes, descriptions.
///
/// Every report becomes a canned query (`report-NAME`); paragraphs, quotes and article titles
/// get the search box; tables, views and columns are described; the full-text indexes and the
/// schema history are hidden. The database is only read. Write the file again after a
/// migration adds views.
///
/// With --plugins-dir DIR, also writes DIR/corpusdb_links.py, a plugin that makes ids links
/// in views and canned queries (a story's id opens the story report, an article's or an
/// entity's id its row).
///
/// Then (Datasette 0.64 or 0.65): `datasette serve corpus.db --metadata metadata.json
/// --plugins-dir DIR`
#[derive(clap::Args)]
pub struct Args {
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The database's name in Datasette [default: the file's name without its extension,
    /// as Datasette names it].
    #[arg(long)]
    name: Option<String>,
    /// Also write the links plugin into this folder (created if needed), for Datasette's
    /// --plugins-dir.
    #[arg(long, value_name = "DIR")]
    plugins_dir: Option<PathBuf>,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = store::open_read(db)?;
    let name = args.name.unwrap_or_else(|| datasette::database_name(db));
    let metadata = datasette::metadata(&conn, &name, &report::all())?;
    if let Some(dir) = &args.plugins_dir {
        let (file, text) = datasette::LINKS_PLUGIN;
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join(file);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let mut json = serde_json::to_string_pretty(&metadata)?;
    json.push('\n');
    match &args.output {
        Some(path) => {
            std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?
        }
        None => std::io::stdout()
            .lock()
            .write_all(json.as_bytes())
            .map_err(corpusdb::Error::Write)?,
    }
    Ok(ExitCode::SUCCESS)
}
