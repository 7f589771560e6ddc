//! `corroborate ingest`: read, clean, store, summarise.

use corroborate_pipeline::InputFailure;
use corroborate_store::{PutOutcome, SqliteStore, Store};
use serde::Serialize;

use super::{Status, pipeline_options};
use crate::cli::{Cli, IngestArgs, InputArgs};
use crate::progress;

/// What an ingest run did, for the summary line and `--json`.
#[derive(Debug, Default, Serialize)]
pub struct IngestSummary {
    /// Documents and inputs seen: new + updated + duplicate + failed.
    pub read: usize,
    /// Articles stored for the first time.
    pub new: usize,
    /// Articles already stored with other content, now replaced.
    pub updated: usize,
    /// Articles already stored exactly as read: nothing written.
    pub duplicate: usize,
    /// Inputs or records that could not be read or cleaned.
    pub failed: usize,
    /// Every failure, with the input and the reason.
    pub failures: Vec<Failure>,
}

/// One failed input in the JSON summary.
#[derive(Debug, Serialize)]
pub struct Failure {
    /// The input (path, `path:line`, URL).
    pub input: String,
    /// Why it failed.
    pub reason: String,
}

impl IngestSummary {
    /// The one-line text form.
    pub fn line(&self) -> String {
        format!(
            "read {} · new {} · updated {} · duplicate {} · failed {}",
            self.read, self.new, self.updated, self.duplicate, self.failed
        )
    }
}

pub fn run(cli: &Cli, args: &IngestArgs) -> anyhow::Result<Status> {
    let mut store = SqliteStore::open(&cli.db)?;
    let summary = ingest_into(&mut store, &args.input, cli.quiet)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!("{}", summary.line());
    }
    Ok(Status::from_failures(summary.failed))
}

/// Reads and cleans the inputs and stores the articles, one transaction per batch. Failures are
/// reported on stderr as they happen, one line each.
pub fn ingest_into(
    store: &mut impl Store,
    input: &InputArgs,
    quiet: bool,
) -> anyhow::Result<IngestSummary> {
    let options = pipeline_options(input);
    let bar = progress::inputs_bar(0, quiet);
    bar.set_message("ingest");
    let mut summary = IngestSummary::default();
    corroborate_pipeline::ingest(&input.inputs, &options, |batch| {
        bar.set_length(batch.inputs_total as u64);
        let mut articles = Vec::with_capacity(batch.results.len());
        for result in batch.results {
            summary.read += 1;
            match result {
                Ok(article) => articles.push(article),
                Err(InputFailure { input, reason }) => {
                    progress::report_line(&bar, &format!("error: {input}: {reason}"));
                    summary.failed += 1;
                    summary.failures.push(Failure { input, reason });
                }
            }
        }
        for outcome in store.put_articles(&articles)? {
            match outcome {
                PutOutcome::New => summary.new += 1,
                PutOutcome::Updated => summary.updated += 1,
                PutOutcome::Duplicate => summary.duplicate += 1,
            }
        }
        bar.set_position(batch.inputs_done as u64);
        Ok::<(), anyhow::Error>(())
    })?;
    bar.finish_and_clear();
    Ok(summary)
}
