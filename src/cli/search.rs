//! `corpusdb search`: full-text search over paragraphs, best first (the `search` report).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use corpusdb::{report, Error};

use super::FormatArg;

/// Search paragraphs, ranked by bm25, with a highlighted snippet, the article's title, outlet
/// and date.
///
/// Every word must match; "a quoted phrase" matches as a phrase; punctuation and AND/OR/NOT
/// are just text (as in Datasette's search box). With --fts the query is raw FTS5 syntax:
/// NEAR(a b), prefix*, AND/OR/NOT.
#[derive(clap::Args)]
pub struct Args {
    /// What to search for.
    query: String,
    /// Read QUERY as raw FTS5 query syntax.
    #[arg(long)]
    fts: bool,
    /// Only this outlet (any case, or an alias).
    #[arg(long)]
    source: Option<String>,
    /// Articles published on or after this date (2018-03-02, 3/2/2018, 'March 2, 2018', 2018-03).
    #[arg(long)]
    from: Option<String>,
    /// Articles published on or before this date.
    #[arg(long)]
    to: Option<String>,
    /// Only blocks of this class: title, dek, body, caption, navigation, promo, credit, …
    #[arg(long)]
    kind: Option<String>,
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
    let mut params = BTreeMap::from([
        ("query".to_string(), args.query.clone()),
        ("raw".to_string(), u8::from(args.fts).to_string()),
        ("limit".to_string(), args.limit.to_string()),
        ("all".to_string(), u8::from(args.all).to_string()),
    ]);
    for (name, value) in [
        ("source", args.source),
        ("from", args.from),
        ("to", args.to),
        ("kind", args.kind),
    ] {
        params.extend(value.map(|v| (name.to_string(), v)));
    }
    super::report::print(db, &report::find("search")?, &params, &args.format)
}

pub(super) fn is_fts_syntax(err: &rusqlite::Error) -> bool {
    let text = err.to_string();
    text.contains("fts5")
        || text.contains("syntax error")
        || text.contains("unterminated string")
        || text.contains("no such column")
        || text.contains("unknown special query")
}
