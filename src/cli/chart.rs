//! `corpusdb chart KIND …`: draw a report as a picture (SVG, or PNG when the output ends in
//! `.png`), with the report's own parameter checks.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corpusdb::chart::{self, Drawing, Spec};
use corpusdb::{store, Error};

/// Draw a chart from the reports' SQL: an SVG file, or a PNG when --output ends in .png.
/// Parameters are checked as `corpusdb report` checks them (exit 2, the parameter named, an
/// example); a valid question with nothing to draw says so and writes no file.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    kind: Kind,
    /// Where to write the chart: FILE.svg, FILE.png, or - for SVG on stdout [default: KIND.svg].
    #[arg(long, short = 'o', global = true)]
    output: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
enum Kind {
    /// Mentions of one or more entities per day, week or month, empty periods as 0 (the
    /// `timeline` report).
    #[command(after_help = super::examples(&[
        "corpusdb chart timeline Assad",
        "corpusdb chart timeline 'Kim Jong Un' 'Moon Jae-in' --by week --from 2018-03 --to 2018-06",
    ]))]
    Timeline {
        /// Entity names or aliases, any case: one line each.
        #[arg(required = true, value_name = "ENTITY")]
        names: Vec<String>,
        /// The period: day, week or month.
        #[arg(long, default_value = "month")]
        by: String,
        /// First publication date (2018-03-02, 3/2/2018, 'March 2, 2018', 2018-03).
        #[arg(long)]
        from: Option<String>,
        /// Last publication date.
        #[arg(long)]
        to: Option<String>,
    },
    /// Each outlet's coverage of an entity or a topic, per its own articles (the `outlets`
    /// report): the share of its articles, or mentions or quotes per 100 articles.
    #[command(after_help = super::examples(&[
        "corpusdb chart outlets Trump",
        "corpusdb chart outlets Trump --measure quotes --from 2018-01 --to 2018-06 -o trump.png",
        "corpusdb chart outlets --query '\"border wall\"' --min 20",
    ]))]
    Outlets(chart::Outlets),
    /// One story with its articles as columns and the entities each names as rows (the
    /// `story` report).
    #[command(after_help = super::examples(&["corpusdb chart story 1", "corpusdb chart story 12 --rows 40 -o story12.png"]))]
    Story {
        /// The story's id (`corpusdb stories` lists them).
        id: String,
        /// Entities (rows) at most, the most widely named first.
        #[arg(long, default_value_t = 25)]
        rows: usize,
    },
    /// One quotation's spread across outlets over time (a cluster of the `echoes` report).
    #[command(after_help = super::examples(&[
        "corpusdb report echoes --limit 5   # find a cluster_id",
        "corpusdb chart echo 42 -o echo42.png",
    ]))]
    Echo {
        /// The cluster's id (the cluster_id column of `corpusdb report echoes`).
        cluster: String,
    },
    /// An entity and its strongest co-mentions as a network (the `cooccurrence` report,
    /// run for it and for each partner).
    #[command(after_help = super::examples(&[
        "corpusdb chart cooccurrence Assad",
        "corpusdb chart cooccurrence 'Kim Jong Un' --scope sentence --limit 20 -o kim.png",
    ]))]
    Cooccurrence {
        /// The entity's name or alias, any case.
        #[arg(value_name = "ENTITY")]
        name: String,
        /// Together in the same sentence or paragraph.
        #[arg(long)]
        scope: Option<String>,
        /// Partners at most (up to 40).
        #[arg(long, default_value_t = 12)]
        limit: usize,
    },
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let (name, example, spec) = match args.kind {
        Kind::Timeline {
            names,
            by,
            from,
            to,
        } => (
            "timeline",
            "corpusdb chart timeline Assad --by month",
            Spec::Timeline {
                names,
                by,
                from,
                to,
            },
        ),
        Kind::Outlets(question) => (
            "outlets",
            "corpusdb chart outlets Assad --measure mentions",
            Spec::Outlets(question),
        ),
        Kind::Story { id, rows } => ("story", "corpusdb chart story 1", Spec::Story { id, rows }),
        Kind::Echo { cluster } => ("echo", "corpusdb chart echo 1", Spec::Echo { cluster }),
        Kind::Cooccurrence { name, scope, limit } => (
            "cooccurrence",
            "corpusdb chart cooccurrence Assad",
            Spec::Network { name, scope, limit },
        ),
    };
    let topic = matches!(&spec, Spec::Outlets(q) if q.query.is_some());
    let conn = store::open_read(db)?;
    let svg = match chart::draw(&conn, &spec) {
        Ok(Drawing::Svg(svg)) => svg,
        Ok(Drawing::Nothing(why)) => {
            eprintln!("corpusdb: nothing to draw: {why}; no file written");
            return Ok(ExitCode::SUCCESS);
        }
        Err(err) if err.is_usage() => {
            let code = super::report::usage(&err);
            eprintln!("a chart example: {example}");
            return Ok(code);
        }
        Err(Error::Sqlite(e)) if topic && super::search::is_fts_syntax(&e) => {
            return Err(Error::Fts(format!(
                "{e}; --query is FTS5 syntax: quote words with punctuation, e.g. '\"U.S.\" trade'"
            ))
            .into());
        }
        Err(err) => return Err(err.into()),
    };
    let output = args
        .output
        .unwrap_or_else(|| PathBuf::from(format!("{name}.svg")));
    if output.as_os_str() == "-" {
        print!("{svg}");
        return Ok(ExitCode::SUCCESS);
    }
    let png = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    let bytes = if png {
        chart::png(&svg)?
    } else {
        svg.into_bytes()
    };
    std::fs::write(&output, bytes)
        .map_err(|e| anyhow::anyhow!("writing {}: {e}", output.display()))?;
    eprintln!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}
