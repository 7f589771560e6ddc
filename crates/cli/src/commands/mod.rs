//! One module per subcommand. Each turns flags into library calls and prints the result.

mod articles;
mod cluster;
mod eval;
mod extract;
mod ingest;
mod run;
mod serve;

use std::process::ExitCode;
use std::time::Duration;

use corroborate_pipeline::PipelineOptions;
use corroborate_sources::{FetchOptions, SourceOptions};

use crate::cli::{Cli, Command, EvalCommand, InputArgs};

/// Exit code when some inputs failed but the rest were processed.
pub const EXIT_SOME_INPUTS_FAILED: u8 = 1;
/// Exit code when the run could not go on (database unusable, output not writable).
pub const EXIT_FATAL: u8 = 3;

/// How a command ended, when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything asked for was done.
    Success,
    /// Some inputs failed (each was reported on stderr); the rest were processed.
    SomeInputsFailed,
}

impl Status {
    /// The process exit code for this status.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Status::Success => ExitCode::SUCCESS,
            Status::SomeInputsFailed => ExitCode::from(EXIT_SOME_INPUTS_FAILED),
        }
    }

    fn from_failures(failures: usize) -> Self {
        if failures == 0 {
            Status::Success
        } else {
            Status::SomeInputsFailed
        }
    }
}

/// Runs the subcommand the user asked for.
pub fn dispatch(cli: Cli) -> anyhow::Result<Status> {
    match &cli.command {
        Command::Ingest(args) => ingest::run(&cli, args),
        Command::Extract(args) => extract::run(&cli, args),
        Command::Articles(args) => articles::run(&cli, args),
        Command::Run(args) => run::run(&cli, args),
        Command::Cluster(args) => cluster::run(&cli, args),
        Command::Eval(EvalCommand::Clusters(args)) => eval::clusters(&cli, args),
        Command::Serve(args) => serve::run(&cli, args),
    }
}

/// Pipeline options from the input flags.
fn pipeline_options(input: &InputArgs) -> PipelineOptions {
    let fetch = FetchOptions {
        allow_private: input.allow_private,
        respect_robots: !input.ignore_robots,
        timeout: Duration::from_secs(input.timeout.max(1)),
        ..FetchOptions::default()
    };
    PipelineOptions {
        sources: SourceOptions {
            max_file_bytes: input.max_file_bytes,
            fetch,
            ..SourceOptions::default()
        },
        ..PipelineOptions::default()
    }
}
