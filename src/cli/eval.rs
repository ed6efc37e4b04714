//! `corpusdb eval WHAT`: measure an extraction stage against annotated data: `eval quotes
//! --gold DIR` scores quote extraction against brat attributions, `eval ner --conll FILE`
//! entity tagging against CoNLL-2003 (in `eval_ner`), `eval gauntlet` both on annotated news
//! rewritten in the damaged shapes users bring, `eval stories --gold FILE` a database's stories
//! against gold labels (in `eval_stories`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use corpusdb::eval::gauntlet;
use corpusdb::eval::quotes::{evaluate, Mismatch, Span};
use corpusdb::report::Sink;
use corpusdb::report::Value;

use super::{eval_entities, eval_ner, eval_stories, FormatArg};

/// Measure extraction against annotated articles, and stories against gold labels.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    #[command(after_help = super::examples(&[
        "corpusdb eval quotes --gold ../shared/corpora/polnear/dev",
    ]))]
    Quotes(QuotesArgs),
    #[command(after_help = super::examples(&[
        "corpusdb eval ner --conll ../shared/corpora/conll2003/eng.testa",
        "corpusdb eval ner --conll ../shared/corpora/conll2003/eng.testa --through-db",
    ]))]
    Ner(eval_ner::Args),
    #[command(after_help = super::examples(&[
        "corpusdb eval gauntlet --format table",
        "corpusdb eval gauntlet --errors mangled --format csv",
    ]))]
    Gauntlet(GauntletArgs),
    #[command(after_help = super::examples(&[
        "corpusdb --db ecbplus.db eval stories --gold eval/stories/ecbplus_gold.tsv",
        "corpusdb --db ecbplus.db eval stories --gold eval/stories/ecbplus_gold.tsv --baseline",
    ]))]
    Stories(eval_stories::Args),
    #[command(after_help = super::examples(&[
        "corpusdb --db sample.db eval entities",
        "corpusdb --db sample.db eval entities --errors",
    ]))]
    Entities(eval_entities::Args),
}

/// Rewrite annotated news in damaged shapes (one-line bodies, straight or mangled marks,
/// mojibake, HTML, all at once), run it through the pipeline and score each shape against
/// the clean text.
#[derive(clap::Args)]
#[command(long_about = GAUNTLET_HELP)]
struct GauntletArgs {
    /// PolNeAR-layout directory (text/, attributions/) for quotations and speakers.
    #[arg(long, default_value = "../shared/corpora/polnear/dev")]
    polnear: PathBuf,
    /// CoNLL-2003 file for entities.
    #[arg(long, default_value = "../shared/corpora/conll2003/eng.testa")]
    conll: PathBuf,
    /// Directory with expected.json and the seed articles it names.
    #[arg(long, default_value = "../shared/seeds")]
    seeds: PathBuf,
    /// At most this many documents of each data set.
    #[arg(long)]
    limit: Option<usize>,
    /// Exit 1 when a shape misses a target.
    #[arg(long)]
    check: bool,
    /// List the missed, spurious and wrongly attributed quotations of this shape (clean,
    /// one-line, straight, mangled, mojibake, html, combined) instead of the table.
    #[arg(long, value_name = "SHAPE")]
    errors: Option<String>,
    #[command(flatten)]
    format: FormatArg,
}

const GAUNTLET_HELP: &str = "\
Rewrite annotated news in the damaged shapes users bring and measure what each costs.

Shapes: clean; one-line (the body's paragraphs joined on one line); straight (curly marks
turned straight); mangled (a closing double mark becomes \"? eating the space after it, an
opening one \", a right single mark \" or ? in turn); mojibake (UTF-8 read as Windows-1252:
â€œ, Ã©); html (<p> paragraphs, entities, CRLF); combined (mangled, then <p> paragraphs with no
line break between them, then mojibake). Gold offsets follow each rewrite; documents
run through the pipeline as `corpusdb load` runs a text file, and what it finds is aligned
back to the damaged text.

Measures: quote span F1 (overlap 0.8) and named-speaker accuracy as `eval quotes` defines
them (--polnear), entity F1 by the conlleval definition, per type and overall (--conll, each
document laid out with its first sentence as the title and a sentence a paragraph), and on
the seed articles the quotations and entities expected.json lists (--seeds). Targets: under
every shape, quote span F1 within 0.02 and named-speaker accuracy within 0.03 of the clean
text, NER F1 within 0.01. A data set that is absent is skipped with a message.";

/// Score quote extraction and speaker attribution against brat attribution annotations.
#[derive(clap::Args)]
#[command(long_about = QUOTES_HELP)]
struct QuotesArgs {
    /// A directory with text/NAME.txt and attributions/NAME_<annotator>.ann (PolNeAR layout).
    #[arg(long)]
    gold: PathBuf,
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

pub fn run(db: &std::path::Path, args: Args) -> anyhow::Result<ExitCode> {
    let args = match args.what {
        What::Quotes(args) => args,
        What::Ner(args) => return eval_ner::run(args),
        What::Gauntlet(args) => return gauntlet(args),
        What::Stories(args) => return eval_stories::run(db, args),
        What::Entities(args) => return eval_entities::run(db, args),
    };
    let scores = evaluate(&args.gold)?;
    for problem in &scores.problems {
        eprintln!("corpusdb: {problem}");
    }
    let mut printer = args.format.printer();
    if args.errors {
        print_mismatches(&mut printer, &scores.errors)?;
    } else {
        printer.columns(&["measure", "value", "count", "of"].map(String::from))?;
        for (measure, value, count, of) in scores.measures() {
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

fn gauntlet(args: GauntletArgs) -> anyhow::Result<ExitCode> {
    let present = |path: PathBuf, what: &str| {
        if path.exists() {
            Some(path)
        } else {
            eprintln!("corpusdb: {} is absent: no {what} measured", path.display());
            None
        }
    };
    let shape = match args.errors.as_deref() {
        None => None,
        Some(name) => Some(gauntlet::Shape::parse(name).with_context(|| {
            format!(
                "no shape {name:?}: clean, one-line, straight, mangled, mojibake, html, combined"
            )
        })?),
    };
    let config = gauntlet::Config {
        polnear: present(args.polnear, "quotations"),
        conll: present(args.conll, "entities"),
        seeds: present(args.seeds, "seed articles"),
        limit: args.limit,
        shapes: shape.into_iter().collect(),
    };
    let result = gauntlet::run(&config)?;
    for problem in &result.problems {
        eprintln!("corpusdb: {problem}");
    }
    let mut printer = args.format.printer();
    if let Some(shape) = shape {
        let Some(scores) = result.shapes.iter().find(|s| s.shape == shape) else {
            return Ok(ExitCode::SUCCESS);
        };
        let errors = scores.quotes.errors.iter();
        print_mismatches(&mut printer, errors.chain(&scores.seed_quotes.errors))?;
        printer.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let columns = [
        "shape",
        "quote_f1",
        "Δ",
        "speaker_acc",
        "Δ",
        "ner_f1",
        "Δ",
        "per",
        "org",
        "loc",
        "misc",
        "seed_quotes",
        "seed_entities",
        "on_target",
    ];
    printer.columns(&columns.map(String::from))?;
    let real = |x: f64| Value::Real((x * 10_000.0).round() / 10_000.0);
    for r in result.rows() {
        let mut row = vec![
            Value::Text(r.shape.into()),
            real(r.quote_f1),
            real(r.quote_f1_delta),
            real(r.speaker_accuracy),
            real(r.speaker_delta),
            real(r.ner_f1),
            real(r.ner_f1_delta),
        ];
        row.extend(r.ner_f1_by_type.map(real));
        let (found, right, of) = r.seed_quotes;
        row.push(Value::Text(format!("{found} ({right} speakers) of {of}")));
        let (found, of) = r.seed_entities;
        row.push(Value::Text(format!("{found} of {of}")));
        row.push(Value::Text(if r.on_target { "yes" } else { "no" }.into()));
        printer.row(&row)?;
    }
    printer.finish()?;
    eprintln!(
        "corpusdb: {} quotation documents, {} entity documents, {} seed articles",
        result.quote_docs, result.entity_docs, result.seed_docs
    );
    for s in &result.shapes {
        let (q, n) = (&s.quotes, &s.ner);
        eprintln!(
            "corpusdb: {}: quotations {} gold, {} predicted, {} matched; entities {} gold, {} predicted, {} right; {} documents rejected",
            s.shape.name(),
            q.gold,
            q.predicted,
            q.overlap,
            n.gold.iter().sum::<usize>(),
            n.predicted.iter().sum::<usize>(),
            n.correct.iter().sum::<usize>(),
            s.rejected
        );
    }
    let misses = result.misses();
    for miss in &misses {
        eprintln!("corpusdb: target missed: {miss}");
    }
    Ok(if args.check && !misses.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One row per quotation scored wrong: the article, what went wrong, the gold and predicted
/// text and speakers, and the rule that found the prediction.
fn print_mismatches<'a>(
    printer: &mut impl Sink,
    errors: impl IntoIterator<Item = &'a Mismatch>,
) -> anyhow::Result<()> {
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
    for e in errors {
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
    Ok(())
}
