//! The terminal rendering: concise, one brief per event.

use std::fmt::Write as _;

use corroborate_model::ArticleId;
use corroborate_reconcile::FactStatus;

use crate::terminal::Painter;
use crate::{
    EventReport, Report, counted, date_range, ellipsis, relation_name, status_label, title_of,
    totals,
};

/// How many single-source and added claims the terminal shows per event before pointing to the
/// full reports.
const LIST_LIMIT: usize = 8;

/// The report for a terminal: per story, each event's brief (summary, corroborated facts,
/// conflicts, single-source claims, what rewrites added, quotes) and its articles. Colours when
/// `colour` is true.
pub fn render_text(report: &Report, colour: bool) -> String {
    let paint = Painter::new(colour);
    let mut out = String::new();
    let mut header = totals(report);
    header.push(counted(report.facts.len(), "fact", "facts"));
    let _ = writeln!(out, "{}", paint.bold(&header.join(" · ")));
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

fn cite(sources: &[ArticleId]) -> String {
    let ids: Vec<&str> = sources.iter().map(ArticleId::as_str).collect();
    format!("[{}]", ids.join(", "))
}

fn write_event(out: &mut String, report: &Report, event: &EventReport, paint: Painter) {
    let info = &event.event;
    let key_terms: Vec<&str> = info.key_terms.iter().take(6).map(String::as_str).collect();
    let _ = writeln!(
        out,
        "\n  {} {}  {}",
        paint.green("Event:"),
        paint.bold(&info.label),
        paint.dim(&format!(
            "{} · {} · {}",
            date_range(info.first_date, info.last_date),
            counted(info.articles.len(), "article", "articles"),
            key_terms.join(", ")
        ))
    );
    let who = report.participant_names(event);
    let mut facts_line = Vec::new();
    if let Some(date) = &event.date {
        facts_line.push(format!("when {date}"));
    }
    if let Some(place) = &event.place {
        facts_line.push(format!("where {place}"));
    }
    if !who.is_empty() {
        facts_line.push(format!("who {}", who.join(", ")));
    }
    if !facts_line.is_empty() {
        let _ = writeln!(out, "    {}", paint.dim(&facts_line.join(" · ")));
    }

    if !event.summary.is_empty() {
        let _ = writeln!(out, "    {}", paint.bold("Summary"));
        for sentence in &event.summary {
            let _ = writeln!(
                out,
                "      • {} {}",
                sentence.text,
                paint.dim(&cite(&sentence.sources))
            );
        }
    }

    let event_facts = report.event_facts(event);
    let of_status = |status: FactStatus| event_facts.iter().filter(move |f| f.status == status);
    let corroborated: Vec<_> = of_status(FactStatus::Corroborated).collect();
    if !corroborated.is_empty() {
        let _ = writeln!(
            out,
            "    {}",
            paint.bold("Corroborated by independent sources")
        );
        for fact in corroborated {
            let _ = writeln!(
                out,
                "      {} {} {}",
                paint.green("✓"),
                fact.statement,
                paint.dim(&format!(
                    "— {} independent {}",
                    fact.independent_sources,
                    cite(&fact.sources)
                ))
            );
            for note in &fact.notes {
                let _ = writeln!(out, "          {}", paint.dim(&format!("note: {note}")));
            }
        }
    }
    if !event.conflicts.is_empty() {
        let _ = writeln!(out, "    {}", paint.bold("Conflicts"));
        for conflict in &event.conflicts {
            let values: Vec<String> = conflict
                .values
                .iter()
                .map(|(article, value)| format!("{value} ({article})"))
                .collect();
            let _ = writeln!(
                out,
                "      {} {}: {} {}",
                paint.red("✗"),
                conflict.slot,
                conflict.explanation,
                paint.dim(&values.join("; "))
            );
        }
    }
    for (status, heading, mark) in [
        (FactStatus::SingleSource, "Only one source says", "·"),
        (
            FactStatus::AddedByRewrite,
            "Added by a rewrite, not in its original",
            "+",
        ),
    ] {
        let listed: Vec<_> = of_status(status).collect();
        if listed.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    {}", paint.bold(heading));
        for fact in listed.iter().take(LIST_LIMIT) {
            // A source cited with its copies still counts once: say so, or the line would read
            // as two sources under "only one source".
            let support = if fact.sources.len() > fact.independent_sources {
                format!(
                    "— {} independent {}",
                    fact.independent_sources,
                    cite(&fact.sources)
                )
            } else {
                cite(&fact.sources)
            };
            let _ = writeln!(
                out,
                "      {} {} {}",
                paint.yellow(mark),
                ellipsis(&fact.statement, 200),
                paint.dim(&support)
            );
        }
        if listed.len() > LIST_LIMIT {
            let _ = writeln!(
                out,
                "      {}",
                paint.dim(&format!(
                    "… {} more {} (see the JSON, Markdown or HTML report)",
                    listed.len() - LIST_LIMIT,
                    status_label(status)
                ))
            );
        }
    }

    let quotes = report.event_quotes(event);
    if !quotes.is_empty() {
        let _ = writeln!(out, "    {}", paint.bold("Quotes"));
        for quote in quotes.iter().take(LIST_LIMIT) {
            let _ = writeln!(
                out,
                "      “{}” — {} {}",
                ellipsis(&quote.text, 160),
                quote.speaker.as_deref().unwrap_or("speaker unknown"),
                paint.dim(&format!("[{}]", quote.article))
            );
        }
    }

    let articles = report.article_index();
    let derived = report.derivation_index();
    let _ = writeln!(out, "    {}", paint.bold("Sources"));
    for id in &info.articles {
        let article = articles.get(id.as_str());
        let mut line = format!(
            "      {}  {}",
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
                "        {} {} of {} (similarity {:.2}): counted once, with its original",
                paint.yellow("↳"),
                relation_name(derivation.relation),
                derivation.original,
                derivation.similarity,
            );
        }
    }
}
