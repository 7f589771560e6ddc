//! The Markdown rendering.

use std::fmt::Write as _;

use crate::{Report, date_range, relation_name, title_of, word_count};

/// The report as Markdown: stories and events, copies and rewrites, an article table.
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

fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
