//! `corpusdb migrate`: bring a database's schema up to date.

use std::path::Path;
use std::process::ExitCode;

use corpusdb::store;

/// Upgrade a database to this corpusdb's schema (loads do this by themselves).
#[derive(clap::Args)]
pub struct Args {}

pub fn run(db: &Path, _args: Args) -> anyhow::Result<ExitCode> {
    let (before, after) = store::migrate(db)?;
    println!("{}: schema version {before} → {after}", db.display());
    Ok(ExitCode::SUCCESS)
}
