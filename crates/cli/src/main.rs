//! The `corroborate` command-line program: parses flags and wires the library crates together.
//! Everything it does lives in the library crates; this binary only reads flags, shows progress
//! and prints results.

mod cli;
mod commands;
mod progress;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::dispatch(cli) {
        Ok(status) => status.exit_code(),
        Err(error) => {
            eprintln!("corroborate: error: {error:#}");
            ExitCode::from(commands::EXIT_FATAL)
        }
    }
}
