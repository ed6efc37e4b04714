//! corpusdb: an embedded SQL database for news corpora.
//!
//! The pipeline, in data-flow order: [`read`] turns files, directories, JSON Lines, JSON
//! arrays, `.json` files of objects one after another, CSV, TSV and gzip into
//! [`model::RawArticle`]s; [`text`] (pure functions, no I/O) cleans and segments them into
//! titled articles made of classified blocks and sentences; [`extract`] (pure) finds entity
//! mentions, dates and quotes in those blocks and [`link`] ties them to canonical entities
//! within the article; all of them read their word lists and the gazetteer from [`vocab`];
//! [`store`] owns the SQLite file (pragmas, migrations, one batched writer, FTS5 kept in
//! step). The writer stores each article's entities under the stored ones of the same kind
//! and key and keeps the co-occurrence counts as it stores articles, and at the end of a load
//! sets aside the lines repeated across an outlet's articles. Then [`corpus`] does the
//! corpus-wide work: it learns alias rules from the corpus and merges the entities they name,
//! and groups the new articles into stories. [`report`] runs the named `.sql` reports (and
//! describes them and the schema to Datasette, and counts the rows `stats` shows);
//! [`chart`] draws some of those reports' rows as SVG or PNG pictures;
//! [`output`] prints rows as a table, CSV, JSON or NDJSON, and [`export`] writes every table
//! and view as Parquet (through [`output::parquet`]). [`load`] wires read → text →
//! extract/link → store with parallel workers and bounded channels; [`merge`] reads other
//! corpusdb databases back ([`store::read_back`]) into the same writer. [`eval`] scores quote
//! extraction against annotated corpora. [`model`] is the data passed between the stages and
//! [`error`] the library's errors. The binary's `cli` module parses arguments and calls these.

pub mod chart;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod link;
pub mod load;
pub mod merge;
pub mod model;
pub mod output;
pub mod read;
pub mod report;
pub mod store;
pub mod text;
pub mod vocab;

pub use error::{Error, Result};
