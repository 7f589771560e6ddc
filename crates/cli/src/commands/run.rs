//! `corroborate run`: ingest the inputs, then report on everything stored.

use std::path::Path;

use anyhow::Context;

use corroborate_report::terminal::stdout_colours;
use corroborate_report::{Report, render_html, render_markdown, render_text};
use corroborate_store::SqliteStore;
use serde::Serialize;

use super::Status;
use super::ingest::{IngestSummary, ingest_into};
use crate::cli::{Cli, Format, RunArgs};

/// The JSON output: what this run ingested, and the report over everything stored.
#[derive(Debug, Serialize)]
struct RunOutput<'a> {
    ingest: &'a IngestSummary,
    #[serde(flatten)]
    report: &'a Report,
}

pub fn run(cli: &Cli, args: &RunArgs) -> anyhow::Result<Status> {
    let mut store = SqliteStore::open(&cli.db)?;
    let summary = ingest_into(&mut store, &args.input, cli.quiet)?;
    if !cli.quiet {
        eprintln!("{}", summary.line());
    }
    let stored = corroborate_pipeline::analyse_stored(&mut store)?;
    let report = Report::from_briefs(
        stored.articles,
        stored.analysis.stories,
        stored.analysis.events,
        stored.analysis.derivations,
        stored.briefs.into_iter().map(|brief| brief.brief).collect(),
    );

    let rendered = match args.format {
        Format::Text => render_text(&report, stdout_colours()),
        Format::Json => run_json(&summary, &report)?,
        Format::Md => render_markdown(&report),
        Format::Html => render_html(&report),
    };
    print!("{rendered}");

    if let Some(dir) = &args.out {
        write_reports(dir, &summary, &report)?;
        if !cli.quiet {
            eprintln!("reports written to {}", dir.display());
        }
    }
    Ok(Status::from_failures(summary.failed))
}

fn run_json(summary: &IngestSummary, report: &Report) -> anyhow::Result<String> {
    let output = RunOutput {
        ingest: summary,
        report,
    };
    Ok(serde_json::to_string_pretty(&output)? + "\n")
}

fn write_reports(dir: &Path, summary: &IngestSummary, report: &Report) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, content) in [
        ("report.json", run_json(summary, report)?),
        ("report.md", render_markdown(report)),
        ("report.txt", render_text(report, false)),
        ("report.html", render_html(report)),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, content)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
