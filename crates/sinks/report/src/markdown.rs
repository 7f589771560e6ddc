//! The Markdown rendering: a brief per event, copies and rewrites, an article table.

use std::fmt::Write as _;

use corroborate_model::ArticleId;
use corroborate_reconcile::FactStatus;

use crate::{EventReport, Report, date_range, relation_name, status_label, title_of, word_count};

/// The report as Markdown: stories, each event's brief with every statement cited, copies and
/// rewrites, and a table of the articles.
pub fn render_markdown(report: &Report) -> String {
    let mut out = String::from("# corroborate report\n");
    let events = report.event_index();
    for story in &report.stories {
        let _ = writeln!(
            out,
            "\n## Story: {} ({})",
            markdown_cell(&story.label),
            date_range(story.first_date, story.last_date)
        );
        for event in story.events.iter().filter_map(|id| events.get(id.as_str())) {
            write_event(&mut out, report, event);
        }
    }
    for event in report.events_without_story() {
        write_event(&mut out, report, event);
    }
    if !report.derivations.is_empty() {
        out.push_str("\n## Copies and rewrites\n\n| copy | original | relation | similarity | added sentences |\n|---|---|---|---|---|\n");
        for derivation in &report.derivations {
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
    for article in &report.articles {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            article.id,
            markdown_cell(&title_of(article)),
            markdown_cell(article.source.as_deref().unwrap_or("")),
            article.published.map(|p| p.to_string()).unwrap_or_default(),
            word_count(&article.text),
            article.removed.len()
        );
    }
    out
}

fn cite(sources: &[ArticleId]) -> String {
    let ids: Vec<String> = sources.iter().map(|id| format!("`{id}`")).collect();
    format!("[{}]", ids.join(", "))
}

fn write_event(out: &mut String, report: &Report, event: &EventReport) {
    let event_facts = report.event_facts(event);
    let info = &event.event;
    let _ = writeln!(
        out,
        "\n### Event: {} ({})\n",
        markdown_cell(&info.label),
        date_range(info.first_date, info.last_date)
    );
    if let Some(date) = &event.date {
        let _ = writeln!(out, "- **When:** {}", markdown_cell(date));
    }
    if let Some(place) = &event.place {
        let _ = writeln!(out, "- **Where:** {}", markdown_cell(place));
    }
    if !event.participants.is_empty() {
        let who = report.participant_names(event);
        let _ = writeln!(out, "- **Who:** {}", markdown_cell(&who.join(", ")));
    }
    let _ = writeln!(
        out,
        "- **Key terms:** {}",
        markdown_cell(&info.key_terms.join(", "))
    );
    if !event.summary.is_empty() {
        out.push_str("\n**Summary**\n\n");
        for sentence in &event.summary {
            let _ = writeln!(
                out,
                "- {} {}",
                markdown_cell(&sentence.text),
                cite(&sentence.sources)
            );
        }
    }
    if !event.conflicts.is_empty() {
        out.push_str("\n**Conflicts**\n\n");
        for conflict in &event.conflicts {
            let values: Vec<String> = conflict
                .values
                .iter()
                .map(|(article, value)| format!("{} (`{article}`)", markdown_cell(value)))
                .collect();
            let _ = writeln!(
                out,
                "- {}: {} — {}",
                markdown_cell(&conflict.slot),
                markdown_cell(&conflict.explanation),
                values.join("; ")
            );
        }
    }
    for status in [
        FactStatus::Corroborated,
        FactStatus::Conflicting,
        FactStatus::SingleSource,
        FactStatus::AddedByRewrite,
    ] {
        let listed: Vec<_> = event_facts
            .iter()
            .filter(|fact| fact.status == status)
            .collect();
        if listed.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n**Facts: {}**\n", status_label(status));
        for fact in listed {
            let _ = writeln!(
                out,
                "- {} {} ({} independent)",
                markdown_cell(&fact.statement),
                cite(&fact.sources),
                fact.independent_sources
            );
            for note in &fact.notes {
                let _ = writeln!(out, "  - note: {}", markdown_cell(note));
            }
        }
    }
    let quotes = report.event_quotes(event);
    if !quotes.is_empty() {
        out.push_str("\n**Quotes**\n\n");
        for quote in quotes {
            let _ = writeln!(
                out,
                "- “{}” — {} [`{}`]",
                markdown_cell(&quote.text),
                markdown_cell(quote.speaker.as_deref().unwrap_or("speaker unknown")),
                quote.article
            );
        }
    }
    out.push_str("\n**Sources**\n\n");
    let articles = report.article_index();
    for id in &info.articles {
        let title = articles
            .get(id.as_str())
            .map_or("(not stored)".into(), |a| title_of(a));
        let _ = writeln!(out, "- `{id}` {}", markdown_cell(&title));
    }
}

/// Text made safe for a Markdown table cell or list item.
fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
