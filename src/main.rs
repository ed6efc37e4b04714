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
            eprintln!("corpusdb: {err:#}");
            ExitCode::from(1)
        }
    }
}
