//! `corroborate run`: ingest the inputs, then report on everything stored.

use std::path::Path;

use anyhow::Context;
use std::collections::BTreeMap;

use corroborate_model::Article;
use corroborate_pipeline::CLUSTER_STATE_VERSION;
use corroborate_report::terminal::stdout_colours;
use corroborate_report::{Report, render_html, render_markdown, render_text};
use corroborate_store::{Analysis, SqliteStore, Store};
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

/// Meta keys of the incremental clustering state.
const STATE_KEY: &str = "cluster_state";
const STATE_VERSION_KEY: &str = "cluster_state_version";
const STATE_ARTICLES_KEY: &str = "cluster_state_articles";

/// Runs the analysis over everything stored and stores its result, extending the previous
/// run's events when none of the articles they hold changed.
fn analyse_stored(store: &mut SqliteStore, articles: &[Article]) -> anyhow::Result<Analysis> {
    let fingerprints: BTreeMap<&str, String> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.fingerprint()))
        .collect();
    let previous = (|| {
        if store.get_meta(STATE_VERSION_KEY).ok()??.as_str() != CLUSTER_STATE_VERSION {
            return None;
        }
        let placed: BTreeMap<String, String> =
            serde_json::from_str(&store.get_meta(STATE_ARTICLES_KEY).ok()??).ok()?;
        let unchanged = placed
            .iter()
            .all(|(id, fingerprint)| fingerprints.get(id.as_str()) == Some(fingerprint));
        if !unchanged {
            return None;
        }
        serde_json::from_str(&store.get_meta(STATE_KEY).ok()??).ok()
    })();
    let outcome = corroborate_pipeline::analyse(articles, previous);
    let analysis = Analysis {
        stories: outcome.clustering.stories,
        events: outcome.clustering.events,
        derivations: outcome.derivations,
    };
    store.put_analysis(&analysis)?;
    store.set_meta(STATE_KEY, &serde_json::to_string(&outcome.clusterer)?)?;
    store.set_meta(STATE_ARTICLES_KEY, &serde_json::to_string(&fingerprints)?)?;
    store.set_meta(STATE_VERSION_KEY, CLUSTER_STATE_VERSION)?;
    Ok(analysis)
}

pub fn run(cli: &Cli, args: &RunArgs) -> anyhow::Result<Status> {
    let mut store = SqliteStore::open(&cli.db)?;
    let summary = ingest_into(&mut store, &args.input, cli.quiet)?;
    if !cli.quiet {
        eprintln!("{}", summary.line());
    }
    let articles = store.all_articles()?;
    let analysis = analyse_stored(&mut store, &articles)?;
    let report = Report::build(
        articles,
        analysis.stories,
        analysis.events,
        analysis.derivations,
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
