//! The `corpusdb` binary: parses the command line, calls the library, maps errors to exit
//! statuses (0 ok, 1 error, 2 usage, 3 a load or merge that stored what it could but rejected
//! input).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            if err
                .downcast_ref::<corpusdb::Error>()
                .is_some_and(corpusdb::Error::is_broken_pipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("corpusdb: {}", message(&err));
            let usage = err
                .downcast_ref::<corpusdb::Error>()
                .is_some_and(corpusdb::Error::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// The error and its causes, each said once (a library error that shows its source in its
/// own message would otherwise print it twice), and what to do when the file is damaged.
fn message(err: &anyhow::Error) -> String {
    let mut message = String::new();
    let mut corrupt = false;
    for cause in err.chain() {
        corrupt |= cause
            .downcast_ref::<rusqlite::Error>()
            .is_some_and(is_corrupt)
            || matches!(cause.downcast_ref::<corpusdb::Error>(), Some(corpusdb::Error::Sqlite(e)) if is_corrupt(e));
        let cause = cause.to_string();
        // rusqlite's source repeats its message after "Error code N: ".
        let said = cause
            .split_once(": ")
            .is_some_and(|(code, rest)| code.starts_with("Error code") && message.contains(rest));
        if !message.contains(&cause) && !said {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&cause);
        }
    }
    if corrupt {
        message.push_str(
            "\nThe database file is damaged. `sqlite3 FILE 'PRAGMA integrity_check'` shows where; \
             restore the file from a copy, or load the articles again into a new file.",
        );
    }
    message
}

fn is_corrupt(err: &rusqlite::Error) -> bool {
    err.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt)
}
