//! One self-contained HTML file: inline styles, no scripts, no external assets, and a content
//! security policy that forbids loading anything. All article text is escaped.

use std::collections::HashSet;
use std::fmt::Write as _;

use corroborate_model::ArticleId;
use corroborate_reconcile::FactStatus;

use crate::{
    EventReport, Report, counted, date_range, relation_name, status_label, title_of, totals,
    word_count,
};

/// Escapes text for use between tags.
pub fn escape_text(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

/// Escapes text for use inside a double-quoted attribute value.
pub fn escape_attribute(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

const STYLE: &str = "
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.1rem;margin-bottom:.3rem}
.meta{color:#666;font-size:.9rem}
.event{border-left:4px solid #2f7d32;padding:.2rem 0 .2rem 1rem;margin:1rem 0}
.derived{border-left:4px solid #b26a00;padding-left:.8rem;margin:.4rem 0 .8rem 0}
.added{background:#fff4e0;display:block;margin:.2rem 0;padding:.1rem .3rem}
article{border-top:1px solid #eee;padding-top:.5rem}
details{margin:.5rem 0}summary{cursor:pointer;color:#444}
.removed li{color:#8a1c1c}.reason{font-family:monospace;font-size:.8rem;color:#666}
a{color:#0b57d0}
h4{margin:.8rem 0 .3rem}
.fact{border-left:4px solid #999;padding:.1rem .5rem;margin:.25rem 0;display:block}
.legend .fact{display:inline-block;margin-right:.4rem}
.fact.corroborated{border-color:#2f7d32;background:#eef7ee}
.fact.conflicting{border-color:#c62828;background:#fdecec}
.fact.single-source{border-color:#b59a00;background:#fffbe6}
.fact.added{border-color:#b26a00;background:#fff4e0}
.evidence li{margin:.2rem 0}.note{color:#2f5d8a}
.cite{font-size:.8rem;color:#555}
@media (max-width:40rem){body{font-size:15px;padding:.6rem}}
";

/// The report as one HTML page that opens anywhere, offline.
pub fn render_html(report: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>corroborate report</title><style>{STYLE}</style></head><body>\n\
         <h1>corroborate report</h1>\n<p class=\"meta\">{}</p>\n",
        totals(report).join(" · "),
    );

    let events = report.event_index();
    for story in &report.stories {
        let _ = write!(
            out,
            "<h2>Story: {}</h2>\n<p class=\"meta\">{}</p>\n",
            escape_text(&story.label),
            escape_text(&date_range(story.first_date, story.last_date))
        );
        for event in story.events.iter().filter_map(|id| events.get(id.as_str())) {
            write_event(&mut out, report, event);
        }
    }
    let orphans = report.events_without_story();
    if !orphans.is_empty() {
        out.push_str("<h2>Events in no story</h2>\n");
        for event in orphans {
            write_event(&mut out, report, event);
        }
    }

    out.push_str("<h2>Articles</h2>\n");
    for article in &report.articles {
        let details: Vec<String> = [
            article.source.clone(),
            article.published.map(|p| p.to_string()),
            article.language.clone(),
            Some(format!("{} words", word_count(&article.text))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let _ = write!(
            out,
            "<article id=\"article-{}\"><h3>{}</h3>\n<p class=\"meta\">{} · {}",
            escape_attribute(article.id.as_str()),
            escape_text(&title_of(article)),
            escape_text(article.id.as_str()),
            escape_text(&details.join(" · "))
        );
        if let Some(url) = article.url.as_deref().filter(|url| is_web_url(url)) {
            let _ = write!(
                out,
                " · <a href=\"{}\" rel=\"noopener noreferrer\">original</a>",
                escape_attribute(url)
            );
        }
        out.push_str("</p>\n<details><summary>Text</summary>\n");
        for paragraph in article.paragraphs() {
            let _ = writeln!(out, "<p>{}</p>", escape_text(paragraph));
        }
        out.push_str("</details>\n");
        if !article.removed.is_empty() {
            let _ = writeln!(
                out,
                "<details><summary>{} removed as junk</summary><ul class=\"removed\">",
                counted(article.removed.len(), "line", "lines")
            );
            for removed in &article.removed {
                let _ = writeln!(
                    out,
                    "<li>{} <span class=\"reason\">{}</span></li>",
                    escape_text(&removed.text),
                    removed.reason.as_str()
                );
            }
            out.push_str("</ul></details>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn cite(sources: &[ArticleId]) -> String {
    let links: Vec<String> = sources
        .iter()
        .map(|id| {
            format!(
                "<a href=\"#article-{}\">{}</a>",
                escape_attribute(id.as_str()),
                escape_text(id.as_str())
            )
        })
        .collect();
    format!("<span class=\"cite\">[{}]</span>", links.join(", "))
}

fn status_class(status: FactStatus) -> &'static str {
    match status {
        FactStatus::Corroborated => "corroborated",
        FactStatus::SingleSource => "single-source",
        FactStatus::Conflicting => "conflicting",
        FactStatus::AddedByRewrite => "added",
    }
}

fn write_event(out: &mut String, report: &Report, event: &EventReport) {
    let articles = report.article_index();
    let derived = report.derivation_index();
    let info = &event.event;
    let _ = write!(
        out,
        "<section class=\"event\" id=\"event-{}\"><h3>{}</h3>\n<p class=\"meta\">{} · {} · {}</p>\n",
        escape_attribute(&info.id),
        escape_text(&info.label),
        escape_text(&date_range(info.first_date, info.last_date)),
        counted(info.articles.len(), "article", "articles"),
        escape_text(
            &info
                .key_terms
                .iter()
                .take(8)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    let who = report.participant_names(event);
    let _ = writeln!(
        out,
        "<p><b>When</b> {} · <b>Where</b> {} · <b>Who</b> {}</p>",
        escape_text(event.date.as_deref().unwrap_or("not stated")),
        escape_text(event.place.as_deref().unwrap_or("not stated")),
        escape_text(&who.join(", "))
    );
    if !event.summary.is_empty() {
        out.push_str("<h4>Summary</h4><ul>\n");
        for sentence in &event.summary {
            let _ = writeln!(
                out,
                "<li>{} {}</li>",
                escape_text(&sentence.text),
                cite(&sentence.sources)
            );
        }
        out.push_str("</ul>\n");
    }
    if !event.conflicts.is_empty() {
        out.push_str("<h4>Conflicts</h4><ul>\n");
        for conflict in &event.conflicts {
            let values: Vec<String> = conflict
                .values
                .iter()
                .map(|(article, value)| {
                    format!(
                        "{} ({})",
                        escape_text(value),
                        cite(std::slice::from_ref(article))
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<li class=\"fact conflicting\">{}: {} — {}</li>",
                escape_text(&conflict.slot),
                escape_text(&conflict.explanation),
                values.join("; ")
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h4>Facts</h4>\n<p class=\"legend\"><span class=\"fact corroborated\">corroborated</span> <span class=\"fact conflicting\">conflicting</span> <span class=\"fact single-source\">single source</span> <span class=\"fact added\">added by a rewrite</span></p>\n");
    for fact in report.event_facts(event) {
        let _ = write!(
            out,
            "<details class=\"fact {}\" id=\"fact-{}\"><summary>{} <span class=\"meta\">{} · {} independent</span> {}</summary>\n<ul class=\"evidence\">",
            status_class(fact.status),
            escape_attribute(&fact.id),
            escape_text(&fact.statement),
            status_label(fact.status),
            fact.independent_sources,
            cite(&fact.sources)
        );
        for evidence in &fact.evidence {
            let _ = write!(
                out,
                "<li><b>{}</b>: {}</li>",
                escape_text(evidence.article.as_str()),
                escape_text(&evidence.sentence)
            );
        }
        for note in &fact.notes {
            let _ = write!(out, "<li class=\"note\">{}</li>", escape_text(note));
        }
        out.push_str("</ul></details>\n");
    }
    let quotes = report.event_quotes(event);
    if !quotes.is_empty() {
        out.push_str("<h4>Quotes</h4><ul>\n");
        for quote in quotes {
            let _ = writeln!(
                out,
                "<li><q>{}</q> — {} {}</li>",
                escape_text(&quote.text),
                escape_text(quote.speaker.as_deref().unwrap_or("speaker unknown")),
                cite(std::slice::from_ref(&quote.article))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h4>Sources</h4><ul>\n");
    let mut seen = HashSet::new();
    for id in info.articles.iter().filter(|id| seen.insert(id.as_str())) {
        let title = articles
            .get(id.as_str())
            .map_or("(not stored)".into(), |a| title_of(a));
        let _ = write!(
            out,
            "<li><a href=\"#article-{}\">{}</a> <span class=\"meta\">{}</span>",
            escape_attribute(id.as_str()),
            escape_text(&title),
            escape_text(id.as_str())
        );
        if let Some(derivation) = derived.get(id.as_str()) {
            let _ = write!(
                out,
                "<div class=\"derived\">{} of <a href=\"#article-{}\">{}</a> (similarity {:.2}), counted once with it; sentences it adds:",
                relation_name(derivation.relation),
                escape_attribute(derivation.original.as_str()),
                escape_text(derivation.original.as_str()),
                derivation.similarity
            );
            for added in &derivation.added {
                let _ = write!(out, "<span class=\"added\">{}</span>", escape_text(added));
            }
            out.push_str("</div>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul></section>\n");
}

/// Only http(s) links become clickable: a `javascript:` URL in an input stays text.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use corroborate_model::{Article, ArticleId, RemovalReason, RemovedLine};

    use super::*;

    #[test]
    fn article_text_metadata_and_removed_lines_are_escaped() {
        let mut article = Article::new(
            ArticleId::new("x\"><img src=x onerror=alert(1)>"),
            "Paragraph with <b>tags</b> & \"quotes\".\n\n<script>alert('x')</script>",
        );
        article.title = Some("<iframe src=//evil>".into());
        article.url = Some("javascript:alert(1)".into());
        article.removed.push(RemovedLine {
            text: "<style>body{display:none}</style>".into(),
            reason: RemovalReason::Boilerplate,
        });
        let page = render_html(&Report {
            articles: vec![article],
            ..Report::default()
        });
        for forbidden in [
            "<script>alert",
            "<iframe",
            "<img",
            "<b>tags",
            "<style>body",
            "javascript:",
        ] {
            assert!(
                !page.contains(forbidden),
                "{forbidden} leaked into the page"
            );
        }
        assert!(page.contains("&lt;script&gt;alert"));
        assert!(page.contains("&lt;iframe src=//evil&gt;"));
        assert!(page.contains("Content-Security-Policy"));
    }

    #[test]
    fn the_page_loads_nothing_from_elsewhere() {
        let mut article = Article::new(ArticleId::new("a"), "Text.");
        article.url = Some("https://example.org/story".into());
        let page = render_html(&Report {
            articles: vec![article],
            ..Report::default()
        });
        assert!(!page.contains("<script"));
        assert!(!page.contains("<link"));
        assert!(!page.contains("src="));
        assert!(page.contains("href=\"https://example.org/story\""));
    }
}
