//! `corpusdb eval WHAT`: measure an extraction stage against annotated data: `eval quotes
//! --gold DIR` scores quote extraction against brat attributions, `eval ner --conll FILE`
//! entity tagging against CoNLL-2003 (in `eval_ner`).

use std::path::PathBuf;
use std::process::ExitCode;

use corpusdb::eval::quotes::{evaluate, f1, ratio, Scores, Span};
use corpusdb::report::Value;

use super::{eval_ner, FormatArg};

/// Measure extraction against annotated articles (no database needed).
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    Quotes(QuotesArgs),
    Ner(eval_ner::Args),
}

/// Score quote extraction and speaker attribution against brat attribution annotations.
#[derive(clap::Args)]
#[command(long_about = QUOTES_HELP)]
struct QuotesArgs {
    /// A directory with text/NAME.txt and attributions/NAME_<annotator>.ann (PolNeAR layout).
    #[arg(long)]
    gold: PathBuf,
    /// `--gold` is a damaged copy of this directory (same names, same letters and digits):
    /// take the gold quotations from here and carry them into the damaged text.
    #[arg(long)]
    clean: Option<PathBuf>,
    /// List every missed, spurious and wrongly attributed quotation instead of the scores.
    #[arg(long)]
    errors: bool,
    #[command(flatten)]
    format: FormatArg,
}

const QUOTES_HELP: &str = "\
Score quote extraction and speaker attribution against brat attribution annotations.

Gold quotations: the quoted stretches of the text (double marks “ ” \" „ « » or '' paired in
order) that annotated Content spans cover at least half of, and Content spans wrapped whole
in single marks; indirect speech (no marks) is not a quotation. The speaker is the Source of
the attribution whose Content covers most of the stretch, as written. Files
are cut into blocks as `corpusdb load` cuts them; the title (with a subtitle on its second
line) and dek are set aside and only body blocks count. An article annotated by several
people is scored against the first annotator by code (NAME_4b22.ann before NAME_4e07.ann).

Spans are compared after trimming marks and any other non-alphanumeric characters at both
ends. Exact: the same start and end in the text file. Overlap: the shared part is at least
0.8 of the longer span; each gold quotation matches at most one prediction (best overlap
first). Terms and titles the extractor sets apart (kind = term) are not predictions.

Named-speaker accuracy: over gold quotations whose Source is a name, i.e. the Source (up to a
comma, parenthesis, 'who', or 'of' after a name) ends in capitalised words with only titles, honorifics and
determiners before them ('Mr. Trump', 'Spokeswoman Haley Morris'; not 'he', 'the
candidate', 'Clinton's campaign'), with titles stripped. A gold quotation is right when the
prediction matched to it (overlap rule) has a speaker whose resolved name has the same last
word as the gold name and, when both have two words or more, the same first word ('Trump'
matches 'Donald Trump'; 'Eric Trump' does not). A missed quotation counts as wrong.";

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let args = match args.what {
        What::Quotes(args) => args,
        What::Ner(args) => return eval_ner::run(args),
    };
    let scores = evaluate(&args.gold, args.clean.as_deref())?;
    for problem in &scores.problems {
        eprintln!("corpusdb: {problem}");
    }
    let mut printer = args.format.printer();
    if args.errors {
        let columns = [
            "article",
            "error",
            "gold",
            "gold_speaker",
            "predicted",
            "predicted_speaker",
            "rule",
        ];
        printer.columns(&columns.map(String::from))?;
        let text = |s: Option<&Span>| s.map_or(Value::Null, |s| Value::Text(s.text.clone()));
        let speaker = |s: Option<&Span>| {
            s.and_then(|s| s.speaker.clone())
                .map_or(Value::Null, Value::Text)
        };
        for e in &scores.errors {
            let (g, p) = (e.gold.as_ref(), e.predicted.as_ref());
            let rule = p
                .and_then(|p| p.rule)
                .map_or(Value::Null, |r| Value::Text(r.into()));
            printer.row(&[
                Value::Text(e.article.clone()),
                Value::Text(e.miss.as_str().into()),
                text(g),
                speaker(g),
                text(p),
                speaker(p),
                rule,
            ])?;
        }
    } else {
        printer.columns(&["measure", "value", "count", "of"].map(String::from))?;
        for (measure, value, count, of) in rows(&scores) {
            printer.row(&[
                Value::Text(measure.into()),
                Value::Real((value * 10_000.0).round() / 10_000.0),
                Value::Integer(count as i64),
                Value::Integer(of as i64),
            ])?;
        }
    }
    printer.finish()?;
    eprintln!(
        "corpusdb: {} articles, {} gold quotations, {} predicted",
        scores.articles, scores.gold, scores.predicted
    );
    Ok(ExitCode::SUCCESS)
}

/// (measure, value, count, out of).
fn rows(s: &Scores) -> Vec<(&'static str, f64, usize, usize)> {
    vec![
        (
            "span precision, exact",
            ratio(s.exact, s.predicted),
            s.exact,
            s.predicted,
        ),
        (
            "span recall, exact",
            ratio(s.exact, s.gold),
            s.exact,
            s.gold,
        ),
        (
            "span F1, exact",
            f1(s.exact, s.predicted, s.gold),
            s.exact,
            s.gold,
        ),
        (
            "span precision, overlap 0.8",
            ratio(s.overlap, s.predicted),
            s.overlap,
            s.predicted,
        ),
        (
            "span recall, overlap 0.8",
            ratio(s.overlap, s.gold),
            s.overlap,
            s.gold,
        ),
        (
            "span F1, overlap 0.8",
            f1(s.overlap, s.predicted, s.gold),
            s.overlap,
            s.gold,
        ),
        (
            "named-speaker accuracy",
            ratio(s.named_correct, s.named),
            s.named_correct,
            s.named,
        ),
    ]
}
