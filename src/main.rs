//! The `corpusdb` binary: parses the command line, calls the library, maps errors to exit
//! statuses (0 ok, 1 error, 2 usage, 3 a load that stored what it could but rejected input).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            if err.downcast_ref::<corpusdb::Error>().is_some_and(corpusdb::Error::is_broken_pipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("corpusdb: {}", message(&err));
            ExitCode::from(1)
        }
    }
}

/// The error and its causes, each said once: a library error that shows its source in its
/// own message (a path and the OS error) would otherwise print that source twice.
fn message(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let cause = cause.to_string();
        if !message.ends_with(&cause) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&cause);
        }
    }
    message
}
