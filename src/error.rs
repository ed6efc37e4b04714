//! The library's one error type. The binary turns it into a message and an exit status.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migrating the database schema: {0}")]
    Migration(#[from] refinery::Error),
    #[error("{path} is not a corpusdb database: {why}")]
    NotCorpus { path: PathBuf, why: String },
    #[error("{0}")]
    Busy(String),
    /// A report name that is none of them, with the closest names if any are near.
    #[error("unknown report '{name}'{} (`corpusdb report --list` lists them)", did_you_mean(.closest))]
    UnknownReport { name: String, closest: Vec<String> },
    #[error("report '{report}' has no parameter '{param}' (it takes: {known})")]
    UnknownParam {
        report: String,
        param: String,
        known: String,
    },
    /// A report run without a parameter it needs (or with it empty): the message names it
    /// and gives an example. A usage error: the binary exits 2.
    #[error("{0}")]
    MissingParam(String),
    /// A `--field` naming a column the input lacks, found before a load writes anything.
    /// A usage error: the binary exits 2.
    #[error("{0}")]
    MissingColumn(String),
    /// A report parameter whose value cannot be right (not a date, not a number, no such id,
    /// outlet or entity), found before the query runs. A usage error: the binary exits 2.
    #[error("{0}")]
    BadParam(String),
    #[error("full-text query error: {0}")]
    Fts(String),
    #[error("{0}")]
    Usage(String),
    #[error("internal error: {0}")]
    Internal(String),
    #[error("{path}:{line}: {why}")]
    Input {
        path: PathBuf,
        line: usize,
        why: String,
    },
    #[error("NER model: {0}")]
    Model(String),
    #[error("writing output: {0}")]
    Write(#[source] std::io::Error),
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// What went wrong exporting one table or view (`corpusdb export`).
    #[error("exporting {name}: {source}")]
    Export { name: String, source: Box<Error> },
}

impl Error {
    /// A write to a closed pipe (`corpusdb ... | head`): not a failure for the user.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// A mistake on the command line rather than a failure: the binary exits 2.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::UnknownReport { .. }
                | Error::UnknownParam { .. }
                | Error::MissingParam(_)
                | Error::MissingColumn(_)
                | Error::BadParam(_)
        )
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// ": did you mean 'a' or 'b'?" for a list of close names, or nothing.
fn did_you_mean(closest: &[String]) -> String {
    match closest {
        [] => String::new(),
        names => format!(
            ": did you mean {}?",
            names
                .iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
