//! `corpusdb eval entities --gold FILE`: a loaded database's entity mentions scored against
//! hand-judged verdicts (kind right, entity kind right, identity right), per corpus and
//! overall, or `--errors` for the mentions scored wrong; the scoring is
//! `corpusdb::eval::entities`.
//!
//! ```text
//! corpusdb --db sample.db eval entities --gold eval/entities/verdicts.tsv
//! corpusdb --db sample.db eval entities --gold eval/entities/holdout.tsv
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corpusdb::eval::entities::{self, Counts, Scored};
use corpusdb::report::Value;

use super::FormatArg;

/// Score a database's entity mentions against hand-judged verdicts.
#[derive(clap::Args)]
#[command(long_about = HELP)]
pub struct Args {
    /// Verdicts: eval/entities/verdicts.tsv, or the holdout eval/entities/holdout.tsv (any
    /// file of that shape).
    #[arg(long, default_value = "eval/entities/verdicts.tsv")]
    gold: PathBuf,
    /// List the judged mentions scored wrong on any count instead of the scores.
    #[arg(long)]
    errors: bool,
    #[command(flatten)]
    format: FormatArg,
}

const HELP: &str = "\
Score a loaded database's entity mentions against hand-judged verdicts.

Each verdict names a mention by the article's external id, the paragraph's position and the
span (text and start), and gives the right kind (person, org, place, misc, or none for a
span that is no name) and the names the right entity may have. The database must hold the
corpora the verdicts were drawn from, loaded as eval/entities/README.md says.

kind: the mention's own kind (mentions.kind) is right. entity_kind: the entity's kind is
right. identity: the entity's name is one of the right names and no other entity of that
name has more mentions. A judged name the database no longer has is wrong on every count
(missing); a `none` verdict is right when the database has no mention there.";

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = corpusdb::store::open_read(db)?;
    let verdicts = entities::read_verdicts(&args.gold)?;
    let scored = entities::score(&conn, &verdicts)?;
    let mut printer = args.format.printer();
    if args.errors {
        let columns = [
            "n",
            "corpus",
            "text",
            "found",
            "kind",
            "right_kind",
            "entity",
            "right_entity",
            "note",
        ];
        printer.columns(&columns.map(String::from))?;
        let wrong = scored
            .iter()
            .filter(|s| !(s.kind_right && s.identity_right));
        for s in wrong {
            let v = &s.verdict;
            let f = s.found.as_ref();
            let text = |x: Option<&str>| x.map_or(Value::Null, |x| Value::Text(x.into()));
            printer.row(&[
                Value::Integer(v.n as i64),
                Value::Text(v.corpus.clone()),
                Value::Text(v.text.clone()),
                text(f.map(|f| f.text.as_str())),
                text(f.map(|f| f.kind.as_str())),
                Value::Text(or_none(&v.kinds)),
                text(f.map(|f| f.entity.as_str())),
                Value::Text(or_none(&v.names)),
                Value::Text(v.note.clone()),
            ])?;
        }
        printer.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let columns = [
        "corpus",
        "judged",
        "missing",
        "kind_right",
        "kind",
        "entity_kind",
        "identity_right",
        "identity",
    ];
    printer.columns(&columns.map(String::from))?;
    let mut corpora: Vec<&str> = scored.iter().map(|s| s.verdict.corpus.as_str()).collect();
    corpora.dedup();
    corpora.sort();
    corpora.dedup();
    let count = |corpus: Option<&str>| {
        let mut c = Counts::default();
        let of = |s: &&Scored| corpus.is_none_or(|x| s.verdict.corpus == x);
        scored.iter().filter(of).for_each(|s| c.add(s));
        c
    };
    let real = |x: f64| Value::Real((x * 1000.0).round() / 1000.0);
    let int = |n: usize| Value::Integer(n as i64);
    for (name, c) in corpora
        .iter()
        .map(|x| (*x, count(Some(x))))
        .chain([("all", count(None))])
    {
        printer.row(&[
            Value::Text(name.into()),
            int(c.judged),
            int(c.missing),
            int(c.kind_right),
            real(c.share(c.kind_right)),
            real(c.share(c.entity_kind_right)),
            int(c.identity_right),
            real(c.share(c.identity_right)),
        ])?;
    }
    printer.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn or_none(list: &[String]) -> String {
    if list.is_empty() {
        "none".into()
    } else {
        list.join("|")
    }
}
