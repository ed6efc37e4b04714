//! Charts drawn from the reports' own SQL: each chart runs a prepared report (so its
//! parameters are checked exactly as `corpusdb report` checks them, and the numbers are the
//! report's) and draws its rows with plotters into SVG. [`draw`] returns the SVG, or why there
//! is nothing to draw; [`png`] renders an SVG to PNG with resvg and the system's fonts.
//!
//! - [`timeline`]: mentions per day, week or month of one or more entities, empty periods as 0;
//! - [`outlets`]: an entity's or topic's share of each outlet's coverage (the `outlets` report);
//! - [`story`]: a story's articles as columns, the entities each names (the `story` report);
//! - [`echo`]: one quotation's spread across outlets over time (the `echoes` report);
//! - [`network`]: the strongest co-mentions of an entity and among them (`cooccurrence`).

mod echo;
mod network;
mod outlets;
mod story;
mod timeline;

use std::collections::BTreeMap;

use rusqlite::Connection;

use crate::report::{self, Sink, Value};
use crate::{Error, Result};

/// Which chart, with what it needs.
#[derive(Debug, Clone)]
pub enum Spec {
    /// Mentions over time of each entity named, `by` day, week or month, between `from` and `to`.
    Timeline {
        names: Vec<String>,
        by: String,
        from: Option<String>,
        to: Option<String>,
    },
    /// Per outlet: the share of its articles about an entity or a topic.
    Outlets(Outlets),
    /// A story, outlets as columns and the entities they name as rows.
    Story { id: String, rows: usize },
    /// One echo cluster: which outlets ran the quotation, and when.
    Echo { cluster: String },
    /// An entity and its strongest co-mentions, with the links among them.
    Network {
        name: String,
        scope: Option<String>,
        limit: usize,
    },
}

/// The outlets chart's question: an entity (`name`) or a topic (`query`), and what to measure.
#[derive(Debug, Clone, clap::Args)]
pub struct Outlets {
    /// The entity (a name or alias, any case); or give --query.
    #[arg(value_name = "ENTITY", required_unless_present = "query")]
    pub name: Option<String>,
    /// A topic instead: an FTS5 query over titles, deks and body text.
    #[arg(long, conflicts_with = "name")]
    pub query: Option<String>,
    /// What the bars measure.
    #[arg(long, value_enum, default_value = "share")]
    pub measure: Measure,
    /// First publication date (2018-03-02, 3/2/2018, 'March 2, 2018', 2018-03).
    #[arg(long)]
    pub from: Option<String>,
    /// Last publication date.
    #[arg(long)]
    pub to: Option<String>,
    /// Leave out outlets with fewer articles in the period.
    #[arg(long)]
    pub min: Option<String>,
    /// Outlets at most.
    #[arg(long, default_value_t = 30)]
    pub limit: usize,
}

/// What the outlets chart's bars measure, each per the outlet's articles in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Measure {
    /// The share of its articles that mention it (%).
    Share,
    /// Mentions per 100 articles.
    Mentions,
    /// Quotes per 100 articles (quotes by the entity; for a topic, quotes in matching paragraphs).
    Quotes,
}

/// A drawn chart, or why there is nothing to draw (a valid question with no data).
#[derive(Debug, Clone, PartialEq)]
pub enum Drawing {
    Svg(String),
    Nothing(String),
}

/// The chart's width and height in pixels, unless a chart sizes itself to its rows.
pub const SIZE: (u32, u32) = (960, 540);

/// Draws `spec` from the database.
pub fn draw(conn: &Connection, spec: &Spec) -> Result<Drawing> {
    match spec {
        Spec::Timeline {
            names,
            by,
            from,
            to,
        } => timeline::draw(conn, names, by, from.as_deref(), to.as_deref()),
        Spec::Outlets(question) => outlets::draw(conn, question),
        Spec::Story { id, rows } => story::draw(conn, id, *rows),
        Spec::Echo { cluster } => echo::draw(conn, cluster),
        Spec::Network { name, scope, limit } => network::draw(conn, name, scope.as_deref(), *limit),
    }
}

/// Renders an SVG to PNG, its text in the system's sans-serif font.
pub fn png(svg: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    // fontconfig's first choice for sans-serif may not be installed: take one that is.
    let family = |name: &str| {
        fonts
            .faces()
            .any(|f| f.families.iter().any(|(n, _)| n == name))
    };
    let wanted = fonts
        .family_name(&resvg::usvg::fontdb::Family::SansSerif)
        .to_string();
    if !family(&wanted) {
        let found = [
            "DejaVu Sans",
            "Liberation Sans",
            "Noto Sans",
            "Arial",
            "Helvetica",
        ]
        .into_iter()
        .find(|n| family(n))
        .map(str::to_string)
        .or_else(|| {
            fonts
                .faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(n, _)| n.clone())
        });
        if let Some(found) = found {
            fonts.set_sans_serif_family(found);
        }
    }
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| Error::Internal(format!("reading the chart's SVG: {e}")))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| Error::Internal("a chart of no size".into()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| Error::Internal(format!("encoding PNG: {e}")))
}

/// A report's result, kept whole: the rows a chart draws.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl Sink for Rows {
    fn columns(&mut self, names: &[String]) -> Result<()> {
        self.columns = names.to_vec();
        Ok(())
    }

    fn row(&mut self, values: &[Value]) -> Result<()> {
        self.rows.push(values.to_vec());
        Ok(())
    }
}

impl Rows {
    /// Runs the report `name` with `params` (those given as `None` left out).
    pub(crate) fn of(
        conn: &Connection,
        name: &str,
        params: &[(&str, Option<&str>)],
    ) -> Result<Self> {
        let report = report::find(name)?;
        let params: BTreeMap<String, String> = params
            .iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v.to_string())))
            .collect();
        let mut rows = Rows::default();
        report::run(conn, &report, &params, &mut rows)?;
        Ok(rows)
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn index(&self, column: &str) -> Result<usize> {
        self.columns
            .iter()
            .position(|c| c == column)
            .ok_or_else(|| Error::Internal(format!("the report has no column {column}")))
    }

    /// Row `row`'s `column` as text ("" for NULL).
    pub(crate) fn text(&self, row: usize, column: &str) -> Result<String> {
        let i = self.index(column)?;
        Ok(match self.rows.get(row).and_then(|r| r.get(i)) {
            Some(Value::Text(t)) => t.clone(),
            Some(Value::Integer(n)) => n.to_string(),
            Some(Value::Real(x)) => x.to_string(),
            Some(Value::Null) | None => String::new(),
        })
    }

    /// Row `row`'s `column` as a number (0 for NULL or text).
    pub(crate) fn number(&self, row: usize, column: &str) -> Result<f64> {
        let i = self.index(column)?;
        Ok(match self.rows.get(row).and_then(|r| r.get(i)) {
            Some(Value::Integer(n)) => *n as f64,
            Some(Value::Real(x)) => *x,
            _ => 0.0,
        })
    }
}

/// A plotters error as the library's (drawing into a string fails only on a bug).
pub(crate) fn drawing_error(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("drawing the chart: {e}"))
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub(crate) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// The font every chart writes: the SVG names a generic family, which browsers and resvg map
/// to an installed font.
pub(crate) const FONT: &str = "sans-serif";
