//! `corpusdb eval stories --gold FILE`: pairwise precision, recall and F1 of a loaded
//! database's stories (or of another grouping, `--stories`, or of the issue's baseline,
//! `--baseline`) against gold labels; the scoring is `corpusdb::eval::stories`.
//!
//! ```text
//! corpusdb --db ecb.db eval stories --gold eval/stories/ecbplus_gold.tsv
//! corpusdb --db as.db eval stories --gold eval/stories/pool_verdicts.tsv --gold eval/stories/entities_verdicts.tsv
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use corpusdb::eval::stories::{self, baseline, Scores};
use corpusdb::report::Value;

use super::FormatArg;

/// Score the stories of a loaded database against gold labels (pairwise P/R/F1).
#[derive(clap::Args)]
#[command(long_about = HELP)]
pub struct Args {
    /// Gold labels: `external_id<TAB>event` (every pair of labelled articles counts) or
    /// `a_external_id<TAB>b_external_id<TAB>…<TAB>verdict` (judged pairs). Repeat to add files.
    #[arg(long, required = true)]
    gold: Vec<PathBuf>,
    /// Score this grouping (`external_id<TAB>story` per line) instead of the database's stories.
    #[arg(long, conflicts_with = "baseline")]
    stories: Option<PathBuf>,
    /// Score the issue's baseline instead: TF-IDF over title and text, joining the most
    /// similar earlier article's group at a cosine of 0.3 within 3 days.
    #[arg(long)]
    baseline: bool,
    /// Instead of the scores, list the misjudged pairs to read (merged: judged different, in
    /// one story; missed: judged the same, apart), with titles and the terms they share; for
    /// group labels (ECB+), at most this many of each kind.
    #[arg(long, value_name = "N")]
    errors: Option<usize>,
    /// Write the grouping scored (`external_id<TAB>story`) to this file.
    #[arg(long)]
    write: Option<PathBuf>,
    #[command(flatten)]
    format: FormatArg,
}

const HELP: &str = "\
Score story grouping against gold labels, as pairwise precision, recall and F1.

Gold files are tab-separated with a header. `external_id event`: every pair of labelled
articles the database holds counts, as same event when their labels are equal (for ECB+,
eval/stories/ecbplus_gold.tsv). `a_external_id b_external_id ... verdict`: only judged
pairs count, `same` or `different` (others are left out), and a pair counts when the
database holds both articles (for allsides-37k, eval/stories/*_verdicts.tsv).

Precision: of the counted pairs in one story, the share that are the same event. Recall: of
the same-event pairs, the share in one story. An article with no story is alone. One row per
gold file, and a row `all` summing them when there are several.";

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = corpusdb::store::open_read(db)?;
    let known = stories::external_ids(&conn)?;
    let grouping = match (&args.stories, args.baseline) {
        (Some(path), _) => stories::stories_of_file(path)?,
        (None, true) => baseline::group(&conn)?,
        (None, false) => stories::stories_of_database(&conn)?,
    };
    if let Some(path) = &args.write {
        let mut rows: Vec<_> = grouping.iter().collect();
        rows.sort();
        let text: String = rows.iter().map(|(a, s)| format!("{a}\t{s}\n")).collect();
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(limit) = args.errors {
        return print_errors(&conn, &args, &grouping, limit);
    }
    let mut printer = args.format.printer();
    let columns = [
        "gold",
        "found",
        "labelled",
        "same_together",
        "same_apart",
        "different_together",
        "different_apart",
        "precision",
        "recall",
        "f1",
    ];
    printer.columns(&columns.map(String::from))?;
    let mut all = Scores::default();
    let mut row = |name: String, s: &Scores| {
        let real = |x: f64| Value::Real((x * 1000.0).round() / 1000.0);
        let int = |n: usize| Value::Integer(n as i64);
        printer.row(&[
            Value::Text(name),
            int(s.found),
            int(s.labelled),
            int(s.together_same),
            int(s.apart_same),
            int(s.together_different),
            int(s.apart_different),
            real(s.precision()),
            real(s.recall()),
            real(s.f1()),
        ])
    };
    for path in &args.gold {
        let gold = stories::read_gold(path)?;
        let s = stories::score(&gold, &grouping, &|id| known.contains(id));
        all.add(&s);
        row(path.display().to_string(), &s)?;
    }
    if args.gold.len() > 1 {
        row("all".into(), &all)?;
    }
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `--errors`: the misjudged pairs of every gold file, one row each.
fn print_errors(
    conn: &rusqlite::Connection,
    args: &Args,
    grouping: &std::collections::HashMap<String, String>,
    limit: usize,
) -> anyhow::Result<ExitCode> {
    let mut printer = args.format.printer();
    let columns = [
        "gold", "error", "a", "a_outlet", "a_day", "a_story", "a_title", "b", "b_outlet", "b_day",
        "b_story", "b_title", "shared",
    ];
    printer.columns(&columns.map(String::from))?;
    for path in &args.gold {
        let gold = stories::read_gold(path)?;
        for e in stories::errors::errors(conn, &gold, grouping, limit)? {
            let text = |s: &str| Value::Text(s.to_string());
            printer.row(&[
                text(&path.display().to_string()),
                text(e.kind),
                text(&e.a.external_id),
                text(&e.a.outlet),
                text(&e.a.day),
                text(&e.a.story),
                text(&e.a.title),
                text(&e.b.external_id),
                text(&e.b.outlet),
                text(&e.b.day),
                text(&e.b.story),
                text(&e.b.title),
                text(&e.shared.join(" ")),
            ])?;
        }
    }
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}
