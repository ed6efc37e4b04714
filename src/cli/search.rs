//! `corpusdb search`: full-text search over paragraphs, best first.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use corpusdb::{report, store, Error};

use super::FormatArg;

/// Search paragraphs, ranked by bm25, with a highlighted snippet, the article's title, outlet
/// and date.
///
/// Plain text is searched word by word (every word must match; punctuation and AND/OR/NOT are
/// just text). With --fts the query is raw FTS5 syntax: "exact phrase", NEAR(a b), prefix*,
/// AND/OR/NOT.
#[derive(clap::Args)]
pub struct Args {
    /// What to search for.
    query: String,
    /// Read QUERY as raw FTS5 query syntax.
    #[arg(long)]
    fts: bool,
    /// Search every block (captions, chrome), not only title, dek and body.
    #[arg(long)]
    all: bool,
    /// Rows at most.
    #[arg(long, default_value_t = 20)]
    limit: u32,
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    // An empty query is a mistake to say, not an FTS5 syntax error. (Plain text with no
    // word in it, such as a lone quotation mark, is searched as text and matches nothing.)
    if args.query.trim().is_empty() {
        return Ok(super::report::usage(&Error::MissingParam(
            "search needs words to look for, not an empty query: e.g. corpusdb search 'climate summit'"
                .to_string(),
        )));
    }
    let query = if args.fts {
        args.query.clone()
    } else {
        report::quote_fts(&args.query)
    };
    let conn = store::open_read(db)?;
    let mut params = BTreeMap::new();
    params.insert("query".to_string(), query);
    params.insert("limit".to_string(), args.limit.to_string());
    params.insert("all".to_string(), u8::from(args.all).to_string());
    let search = report::find("search")?;
    let mut printer = args.format.printer();
    let result = report::run(&conn, &search, &params, &mut printer);
    match result {
        Err(Error::Sqlite(e)) if args.fts && is_fts_syntax(&e) => {
            return Err(Error::Fts(format!(
                "{e} in {:?}; quote words with punctuation, or drop --fts",
                args.query
            ))
            .into());
        }
        other => other?,
    }
    super::say_no_rows(printer.finish()?);
    Ok(ExitCode::SUCCESS)
}

pub(super) fn is_fts_syntax(err: &rusqlite::Error) -> bool {
    let text = err.to_string();
    text.contains("fts5")
        || text.contains("syntax error")
        || text.contains("unterminated string")
        || text.contains("no such column")
        || text.contains("unknown special query")
}
