//! `corroborate run`: ingest the inputs, then report on everything stored.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use corroborate_model::Article;
use corroborate_store::{SqliteStore, Store};
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
}

pub fn run(cli: &Cli, args: &RunArgs) -> anyhow::Result<Status> {
    let mut store = SqliteStore::open(&cli.db)?;
    let summary = ingest_into(&mut store, &args.input, cli.quiet)?;
    if !cli.quiet {
        eprintln!("{}", summary.line());
    }
    let articles = store.all_articles()?;
    let report = RunReport { ingest: &summary, articles: &articles };

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
        std::fs::write(&path, content).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn render_text(report: &RunReport, paint: Painter) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.bold(&format!("{} articles stored", report.articles.len())));
    for article in report.articles {
        let _ = writeln!(
            out,
            "\n{}  {}",
            paint.dim(article.id.as_str()),
            paint.bold(article.title.as_deref().unwrap_or("(untitled)"))
        );
        let mut details = vec![
            article.source.clone().unwrap_or_else(|| "source unknown".into()),
            article.published.map(|p| p.date().to_string()).unwrap_or_else(|| "date unknown".into()),
            article.language.clone().unwrap_or_else(|| "language unknown".into()),
            format!("{} words", word_count(&article.text)),
        ];
        if !article.removed.is_empty() {
            details.push(format!("{} junk lines removed", article.removed.len()));
        }
        let _ = writeln!(out, "    {}", paint.dim(&details.join(" · ")));
        if let Some(first) = article.paragraphs().next() {
            let _ = writeln!(out, "    {}", ellipsis(first, 160));
        }
    }
    out
}

fn render_markdown(report: &RunReport) -> String {
    let mut out = String::from("# corroborate report\n\n| id | title | source | published | words | junk removed |\n|---|---|---|---|---|---|\n");
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
