//! `corroborate run`: ingest the inputs, then report on everything stored.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use std::collections::{BTreeMap, HashMap};

use corroborate_cluster::{Event, Story};
use corroborate_dedup::{Derivation, Relation};
use corroborate_model::Article;
use corroborate_pipeline::CLUSTER_STATE_VERSION;
use corroborate_store::{Analysis, SqliteStore, Store};
use serde::Serialize;

use super::Status;
use super::ingest::{IngestSummary, ingest_into};
use crate::cli::{Cli, Format, RunArgs};
use crate::style::{Painter, stdout_colours};

/// Everything a run reports, in the shape of the JSON output.
#[derive(Debug, Serialize)]
struct RunReport<'a> {
    ingest: &'a IngestSummary,
    articles: &'a [Article],
    stories: &'a [Story],
    events: &'a [Event],
    derivations: &'a [Derivation],
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
    let report = RunReport {
        ingest: &summary,
        articles: &articles,
        stories: &analysis.stories,
        events: &analysis.events,
        derivations: &analysis.derivations,
    };

    let rendered = match args.format {
        Format::Text => render_text(&report, Painter::new(stdout_colours())),
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Md => render_markdown(&report),
    };
    print!("{rendered}");

    if let Some(dir) = &args.out {
        write_reports(dir, &report)?;
        if !cli.quiet {
            eprintln!("reports written to {}", dir.display());
        }
    }
    Ok(Status::from_failures(summary.failed))
}

fn write_reports(dir: &Path, report: &RunReport) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, content) in [
        ("report.json", serde_json::to_string_pretty(report)? + "\n"),
        ("report.md", render_markdown(report)),
        ("report.txt", render_text(report, Painter::new(false))),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, content)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
fn relation_name(relation: Relation) -> &'static str {
    match relation {
        Relation::Copy => "copy",
        Relation::NearCopy => "near copy",
        Relation::Rewrite => "rewrite",
    }
}

fn date_range(first: Option<chrono::NaiveDate>, last: Option<chrono::NaiveDate>) -> String {
    match (first, last) {
        (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
        (Some(day), _) | (None, Some(day)) => day.to_string(),
        (None, None) => "undated".to_string(),
    }
}

fn render_text(report: &RunReport, paint: Painter) -> String {
    let mut out = String::new();
    let by_id: HashMap<&str, &Article> =
        report.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let derived: HashMap<&str, &Derivation> = report
        .derivations
        .iter()
        .map(|d| (d.copy.as_str(), d))
        .collect();
    let events: HashMap<&str, &Event> = report.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&format!(
            "{} articles · {} events · {} stories · {} copies or rewrites",
            report.articles.len(),
            report.events.len(),
            report.stories.len(),
            report.derivations.len()
        ))
    );
    for story in report.stories {
        let _ = writeln!(
            out,
            "\n{} {}  {}",
            paint.bold("Story:"),
            paint.bold(&story.label),
            paint.dim(&date_range(story.first_date, story.last_date))
        );
        for event in story.events.iter().filter_map(|id| events.get(id.as_str())) {
            let _ = writeln!(
                out,
                "\n  {} {}  {}",
                paint.green("Event:"),
                paint.bold(&event.label),
                paint.dim(&format!(
                    "{} · {} articles · {}",
                    date_range(event.first_date, event.last_date),
                    event.articles.len(),
                    event
                        .key_terms
                        .iter()
                        .take(6)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            );
            for id in &event.articles {
                let title = by_id
                    .get(id.as_str())
                    .and_then(|a| a.title.as_deref())
                    .unwrap_or("(untitled)");
                let source = by_id.get(id.as_str()).and_then(|a| a.source.as_deref());
                let mut line = format!("    {}  {}", paint.dim(id.as_str()), title);
                if let Some(source) = source {
                    line.push_str(&paint.dim(&format!(" — {source}")));
                }
                let _ = writeln!(out, "{line}");
                if let Some(derivation) = derived.get(id.as_str()) {
                    let _ = writeln!(
                        out,
                        "      {} {} of {} (similarity {:.2}); adds {} sentences not in the original",
                        paint.yellow("↳"),
                        relation_name(derivation.relation),
                        derivation.original,
                        derivation.similarity,
                        derivation.added.len()
                    );
                    for added in derivation.added.iter().take(3) {
                        let _ = writeln!(out, "        + {}", paint.dim(&ellipsis(added, 140)));
                    }
                }
            }
        }
    }
    out
}

fn render_markdown(report: &RunReport) -> String {
    let mut out = String::from("# corroborate report\n");
    let events: HashMap<&str, &Event> = report.events.iter().map(|e| (e.id.as_str(), e)).collect();
    for story in report.stories {
        let _ = writeln!(
            out,
            "\n## Story: {} ({})",
            markdown_cell(&story.label),
            date_range(story.first_date, story.last_date)
        );
        for event in story.events.iter().filter_map(|id| events.get(id.as_str())) {
            let _ = writeln!(
                out,
                "\n### Event: {} ({})\n\nKey terms: {}\n",
                markdown_cell(&event.label),
                date_range(event.first_date, event.last_date),
                markdown_cell(&event.key_terms.join(", "))
            );
            for id in &event.articles {
                let _ = writeln!(out, "- `{id}`");
            }
        }
    }
    if !report.derivations.is_empty() {
        out.push_str("\n## Copies and rewrites\n\n| copy | original | relation | similarity | added sentences |\n|---|---|---|---|---|\n");
        for derivation in report.derivations {
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {:.2} | {} |",
                derivation.copy,
                derivation.original,
                relation_name(derivation.relation),
                derivation.similarity,
                derivation.added.len()
            );
        }
    }
    out.push_str("\n## Articles\n\n| id | title | source | published | words | junk removed |\n|---|---|---|---|---|---|\n");
    for article in report.articles {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            article.id,
            markdown_cell(article.title.as_deref().unwrap_or("(untitled)")),
            markdown_cell(article.source.as_deref().unwrap_or("")),
            article.published.map(|p| p.to_string()).unwrap_or_default(),
            word_count(&article.text),
            article.removed.len()
        );
    }
    out
}

fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn ellipsis(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}
