//! corpusdb: an embedded SQL database for news corpora.
//!
//! The pipeline, in data-flow order: [`read`] turns files, directories, JSON Lines, JSON
//! arrays, CSV and gzip into [`model::RawArticle`]s; [`text`] (pure functions, no I/O) cleans
//! and segments them into titled articles made of classified blocks and sentences;
//! [`extract`] (pure) finds entity mentions, dates and quotes in those blocks and [`link`]
//! ties them to canonical entities within the article; [`store`] owns the SQLite file
//! (pragmas, migrations, one batched writer, FTS5 kept in step, stories grouped at the end
//! of each load); [`report`] runs the named `.sql` reports (and describes them and the
//! schema to Datasette); [`output`] prints rows as a table, CSV, JSON or NDJSON, and
//! [`export`] writes every table and view as Parquet (through [`output::parquet`]).
//! [`load`] wires read → text → extract/link → store with parallel workers and bounded
//! channels; [`merge`] reads other corpusdb databases back ([`store::read_back`]) into the
//! same writer. The binary's `cli` module only parses arguments and calls these.

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

pub use error::{Error, Result};
