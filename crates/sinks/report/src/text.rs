//! The terminal rendering.

use std::fmt::Write as _;

use corroborate_cluster::Event;

use crate::terminal::Painter;
use crate::{Report, date_range, ellipsis, relation_name, title_of};

/// The report for a terminal: stories, their events and articles, copies and rewrites with
/// what they added. Colours when `colour` is true.
pub fn render_text(report: &Report, colour: bool) -> String {
    let paint = Painter::new(colour);
    let mut out = String::new();
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
    let events = report.event_index();
    for story in &report.stories {
        let _ = writeln!(
            out,
            "\n{} {}  {}",
            paint.bold("Story:"),
            paint.bold(&story.label),
            paint.dim(&date_range(story.first_date, story.last_date))
        );
        for event in story.events.iter().filter_map(|id| events.get(id.as_str())) {
            write_event(&mut out, report, event, paint);
        }
    }
    for event in report.events_without_story() {
        write_event(&mut out, report, event, paint);
    }
    out
}

fn write_event(out: &mut String, report: &Report, event: &Event, paint: Painter) {
    let articles = report.article_index();
    let derived = report.derivation_index();
    let key_terms: Vec<&str> = event.key_terms.iter().take(6).map(String::as_str).collect();
    let _ = writeln!(
        out,
        "\n  {} {}  {}",
        paint.green("Event:"),
        paint.bold(&event.label),
        paint.dim(&format!(
            "{} · {} articles · {}",
            date_range(event.first_date, event.last_date),
            event.articles.len(),
            key_terms.join(", ")
        ))
    );
    for id in &event.articles {
        let article = articles.get(id.as_str());
        let mut line = format!(
            "    {}  {}",
            paint.dim(id.as_str()),
            article.map_or("(not stored)".into(), |a| title_of(a))
        );
        if let Some(source) = article.and_then(|a| a.source.as_deref()) {
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
