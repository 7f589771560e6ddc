//! The pages' HTML. maud escapes every value written with `(…)`, so article text, titles,
//! ids and queries can never open a tag or an attribute.

use std::collections::{BTreeMap, HashMap};

use axum::http::StatusCode;
use corroborate_model::ArticleId;
use corroborate_reconcile::{Brief, Fact, FactStatus};
use corroborate_store::EntitySummary;
use maud::{DOCTYPE, Markup, html};

use super::{
    ArticlePage, EntityPage, EventPage, FrontPage, SearchPage, SourceColumn, StoryRow, TimelineRow,
};
use crate::api::{ArticleSummary, DerivationView, StoryView};

/// Percent-encodes a path segment or query value: ids may hold `/`, `?`, `#` or spaces.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn story_href(id: &str) -> String {
    format!("/stories/{}", encode(id))
}

fn event_href(id: &str) -> String {
    format!("/events/{}", encode(id))
}

fn article_href(id: &str) -> String {
    format!("/articles/{}", encode(id))
}

fn entity_href(id: &str) -> String {
    format!("/entities/{}", encode(id))
}

/// The event page with this fact's evidence marked, scrolled to the sources.
fn fact_href(event_id: &str, fact_id: &str) -> String {
    format!(
        "/events/{}?fact={}#sources",
        encode(event_id),
        encode(fact_id)
    )
}

/// Only http(s) addresses become links: a `javascript:` URL from an input stays text.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn date_range(first: Option<&str>, last: Option<&str>) -> String {
    match (first, last) {
        (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
        (Some(day), _) | (None, Some(day)) => day.to_owned(),
        (None, None) => "undated".to_owned(),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn summary_title(summary: &ArticleSummary) -> String {
    summary
        .title
        .clone()
        .filter(|title| !title.trim().is_empty())
        .unwrap_or_else(|| summary.id.clone())
}

/// CSS class of a fact status (hyphenated, as class names are).
fn status_class(status: FactStatus) -> &'static str {
    match status {
        FactStatus::Corroborated => "corroborated",
        FactStatus::SingleSource => "single-source",
        FactStatus::Conflicting => "conflicting",
        FactStatus::AddedByRewrite => "added-by-rewrite",
    }
}

fn status_label(status: FactStatus) -> &'static str {
    match status {
        FactStatus::Corroborated => "corroborated",
        FactStatus::SingleSource => "single source",
        FactStatus::Conflicting => "conflicting",
        FactStatus::AddedByRewrite => "added by a rewrite",
    }
}

/// The same for a status stored as its snake_case name (search hits).
fn status_from_name(name: &str) -> Option<FactStatus> {
    match name {
        "corroborated" => Some(FactStatus::Corroborated),
        "single_source" => Some(FactStatus::SingleSource),
        "conflicting" => Some(FactStatus::Conflicting),
        "added_by_rewrite" => Some(FactStatus::AddedByRewrite),
        _ => None,
    }
}

fn badge(status: FactStatus) -> Markup {
    html! { span class={ "badge " (status_class(status)) } { (status_label(status)) } }
}

fn relation_label(relation: &str) -> &str {
    match relation {
        "copy" => "copy",
        "near_copy" => "near copy",
        "rewrite" => "rewrite",
        other => other,
    }
}

/// A full-text snippet whose matched words the store wrapped in `[…]`, with those words marked.
fn snippet(text: &str) -> Markup {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            break;
        };
        parts.push((false, &rest[..open]));
        parts.push((true, &after[..close]));
        rest = &after[close + 1..];
    }
    parts.push((false, rest));
    html! {
        @for (marked, part) in parts {
            @if marked { mark { (part) } } @else { (part) }
        }
    }
}

/// The shell of every page: skip link, header with navigation and the search box, main.
fn layout(title: &str, query: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · corroborate" }
                link rel="stylesheet" href="/ui/style.css";
                script src="/ui/app.js" defer {}
            }
            body {
                a.skip-link href="#main" { "Skip to content" }
                header.site {
                    nav aria-label="Site" {
                        a.brand href="/" { "corroborate" }
                        a href="/" { "Stories" }
                        a href="/entities" { "Entities" }
                        a href="/ingest" { "Ingest" }
                    }
                    form.search role="search" action="/search" method="get" {
                        label for="search-q" { "Search" }
                        input #search-q type="search" name="q" value=(query)
                            placeholder="entities, facts, articles";
                        button type="submit" { "Search" }
                    }
                }
                main #main tabindex="-1" { (content) }
            }
        }
    }
}

/// A page for an error status, with the message.
pub(crate) fn error_page(status: StatusCode, message: &str) -> Markup {
    let reason = status.canonical_reason().unwrap_or("Error");
    layout(
        reason,
        "",
        html! {
            h1 { (status.as_u16()) " " (reason) }
            p.error-message role="alert" { (message) }
            p { a href="/" { "Back to the stories" } }
        },
    )
}

pub(crate) fn front_page(front: &FrontPage) -> Markup {
    let next = front.offset + front.stories.len();
    layout(
        "Stories",
        "",
        html! {
            h1 { "Stories" }
            @if front.stories.is_empty() && front.loose_events.is_empty() {
                p { "Nothing is stored yet. " a href="/ingest" { "Ingest articles" } " or run "
                    code { "corroborate run" } " on some." }
            }
            @if !front.stories.is_empty() {
                ol.cards.stories {
                    @for row in &front.stories { (story_card(row)) }
                }
            }
            @if front.more || front.offset > 0 {
                nav.pager aria-label="Pages" {
                    @if front.offset > 0 {
                        a href={ "/?offset=" (front.offset.saturating_sub(super::STORIES_PER_PAGE)) } { "← Earlier stories" }
                    }
                    @if front.more { a href={ "/?offset=" (next) } { "Later stories →" } }
                }
            }
            @if !front.loose_events.is_empty() {
                h2 { "Events in no story" }
                ol.cards.events {
                    @for event in &front.loose_events {
                        li {
                            h3 { a href=(event_href(&event.id)) { (event.label) } }
                            p.meta {
                                (date_range(event.first_date.as_deref(), event.last_date.as_deref()))
                                " · " (plural(event.articles.len(), "article", "articles"))
                            }
                        }
                    }
                }
            }
        },
    )
}

fn story_card(row: &StoryRow) -> Markup {
    let story = &row.story;
    html! {
        li {
            h2 { a href=(story_href(&story.id)) { (story.label) } }
            p.meta {
                (date_range(story.first_date.as_deref(), story.last_date.as_deref()))
                " · " (plural(row.events, "event", "events"))
                " · " (plural(row.articles, "article", "articles"))
            }
        }
    }
}

pub(crate) fn story_page(story: &StoryView, rows: &[TimelineRow]) -> Markup {
    layout(
        &story.label,
        "",
        html! {
            p.crumbs { a href="/" { "Stories" } " ›" }
            h1 { (story.label) }
            p.meta {
                (date_range(story.first_date.as_deref(), story.last_date.as_deref()))
                " · " (plural(rows.len(), "event", "events"))
            }
            h2 { "Timeline" }
            ol.timeline {
                @for row in rows {
                    li.timeline-entry {
                        p.when {
                            @if row.event.first_date.is_some() {
                                (date_range(row.event.first_date.as_deref(), row.event.last_date.as_deref()))
                            } @else if let Some(day) = &row.brief_date {
                                (day) span.meta { " (the day the sources give)" }
                            } @else { "undated" }
                        }
                        h3 { a href=(event_href(&row.event.id)) { (row.event.label) } }
                        p.meta {
                            (plural(row.event.articles.len(), "article", "articles"))
                            @if !row.sources.is_empty() { " · " (row.sources.join(", ")) }
                        }
                        @if !row.facts.is_empty() {
                            ul.facts.compact {
                                @for fact in &row.facts { (fact_item(&row.event.id, fact, false)) }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// One fact: its status badge, its statement as a link that marks its evidence, its support.
fn fact_item(event_id: &str, fact: &Fact, selected: bool) -> Markup {
    let class = if selected {
        format!("fact {} selected", status_class(fact.status))
    } else {
        format!("fact {}", status_class(fact.status))
    };
    html! {
        li class=(class) id={ "fact-" (fact.id) } aria-current=[selected.then_some("true")] {
            (badge(fact.status))
            " "
            a.fact-link href=(fact_href(event_id, &fact.id)) data-fact=(fact.id) { (fact.statement) }
            span.meta { " · " (plural(fact.independent_sources, "independent source", "independent sources")) }
        }
    }
}

/// Short name of a column's article for citations: its source, else its column number.
fn source_name(columns: &[SourceColumn], index: usize) -> String {
    columns
        .get(index)
        .and_then(|column| column.summary.source.clone())
        .filter(|source| !source.trim().is_empty())
        .unwrap_or_else(|| format!("article {}", index + 1))
}

/// Links to the source columns of these articles.
fn citations(page: &EventPage, column_of: &HashMap<&str, usize>, articles: &[ArticleId]) -> Markup {
    html! {
        span.cite {
            "["
            @for (position, article) in articles.iter().enumerate() {
                @if position > 0 { ", " }
                @if let Some(&index) = column_of.get(article.as_str()) {
                    a href={ "#source-" (index) } { (source_name(&page.columns, index)) }
                } @else {
                    a href=(article_href(article.as_str())) { (article.as_str()) }
                }
            }
            "]"
        }
    }
}

pub(crate) fn event_page(page: &EventPage) -> Markup {
    let event = &page.event;
    let column_of = page.column_of();
    let title_date = date_range(event.first_date.as_deref(), event.last_date.as_deref());
    html! {
        (layout(&event.label, "", html! {
            p.crumbs {
                a href="/" { "Stories" } " ›"
                @if let Some(story) = &event.story_id { " " a href=(story_href(story)) { "Story timeline" } " ›" }
            }
            h1 { (event.label) }
            p.meta {
                (title_date) " · " (plural(page.columns.len() + page.more_articles.len(), "article", "articles"))
                @if !page.sources.is_empty() { " · " (page.sources.join(", ")) }
            }
            @match &page.brief {
                Some(brief) => (brief_sections(page, brief, &column_of)),
                None => p.notice { "No reconciled brief is stored for this event yet; its sources are below." },
            }
            @if !page.derivations.is_empty() { (derivations_section(page, &column_of)) }
            (sources_section(page, &column_of))
        }))
    }
}

fn brief_sections(page: &EventPage, brief: &Brief, column_of: &HashMap<&str, usize>) -> Markup {
    let event_id = page.event.id.as_str();
    let names: HashMap<&str, &str> = brief
        .entities
        .iter()
        .map(|entity| (entity.id.as_str(), entity.name.as_str()))
        .collect();
    html! {
        dl.facts-at-a-glance {
            dt { "When" } dd { (brief.date.as_deref().unwrap_or("not stated")) }
            dt { "Where" } dd { (brief.place.as_deref().unwrap_or("not stated")) }
            dt { "Who" }
            dd {
                @if brief.participants.is_empty() { "not stated" }
                @for (position, id) in brief.participants.iter().enumerate() {
                    @if position > 0 { ", " }
                    a href=(entity_href(id)) { (names.get(id.as_str()).copied().unwrap_or(id.as_str())) }
                }
            }
        }
        @if !brief.summary.is_empty() {
            section aria-labelledby="summary-heading" {
                h2 #summary-heading { "Summary" }
                ol.summary {
                    @for sentence in &brief.summary {
                        li { (sentence.text) " " (citations(page, column_of, &sentence.sources)) }
                    }
                }
            }
        }
        section #facts aria-labelledby="facts-heading" {
            h2 #facts-heading { "Facts" }
            p.legend {
                "Ranked by independent support. Pick a fact to mark its sentences in the sources. "
                @for status in [FactStatus::Corroborated, FactStatus::Conflicting, FactStatus::SingleSource, FactStatus::AddedByRewrite] {
                    (badge(status)) " "
                }
            }
            @if brief.facts.is_empty() { p { "No fact was found in these sources." } }
            ol.facts {
                @for fact in &brief.facts {
                    (fact_item(event_id, fact, page.selected.as_deref() == Some(fact.id.as_str())))
                }
            }
        }
        @if !brief.conflicts.is_empty() {
            section #conflicts aria-labelledby="conflicts-heading" {
                h2 #conflicts-heading { "Conflicts" }
                ul.conflicts {
                    @for conflict in &brief.conflicts {
                        li.conflict {
                            p { strong { (conflict.slot) } ": " (conflict.explanation) }
                            ul.values {
                                @for (article, value) in &conflict.values {
                                    li { (citations(page, column_of, std::slice::from_ref(article))) " " q { (value) } }
                                }
                            }
                            @if !conflict.facts.is_empty() {
                                p.meta { "Facts: "
                                    @for (position, fact) in conflict.facts.iter().enumerate() {
                                        @if position > 0 { ", " }
                                        a href=(fact_href(event_id, fact)) data-fact=(fact) { (fact) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !brief.quotes.is_empty() {
            section #quotes aria-labelledby="quotes-heading" {
                h2 #quotes-heading { "Quotes" }
                ul.quotes {
                    @for quote in &brief.quotes {
                        li {
                            q { (quote.text) }
                            " — "
                            @match (&quote.speaker, &quote.speaker_entity) {
                                (Some(speaker), Some(entity)) => a href=(entity_href(entity)) { (speaker) },
                                (Some(speaker), None) => (speaker),
                                (None, _) => span.meta { "speaker unknown" },
                            }
                            " " (citations(page, column_of, std::slice::from_ref(&quote.article)))
                        }
                    }
                }
            }
        }
        @if !brief.entities.is_empty() {
            section #named aria-labelledby="named-heading" {
                h2 #named-heading { "Named" }
                ul.entities.inline {
                    @for entity in &brief.entities {
                        li {
                            a href=(entity_href(&entity.id)) { (entity.name) }
                            span.meta { " " (entity.kind) " · " (entity.mentions) }
                        }
                    }
                }
            }
        }
    }
}

fn derivations_section(page: &EventPage, column_of: &HashMap<&str, usize>) -> Markup {
    html! {
        section #derivations aria-labelledby="derivations-heading" {
            h2 #derivations-heading { "Copies and rewrites" }
            ul.derivations {
                @for derivation in &page.derivations {
                    li { (derivation_text(derivation, Some((page, column_of)))) }
                }
            }
        }
    }
}

/// "B is a rewrite of A (similarity 0.84, decided by …)", then the sentences B added.
fn derivation_text(
    derivation: &DerivationView,
    event: Option<(&EventPage, &HashMap<&str, usize>)>,
) -> Markup {
    let name = |id: &str| -> Markup {
        match event.and_then(|(page, column_of)| Some((page, *column_of.get(id)?))) {
            Some((page, index)) => {
                html! { a href={ "#source-" (index) } { (source_name(&page.columns, index)) } }
            }
            None => html! { a href=(article_href(id)) { (id) } },
        }
    };
    html! {
        p {
            (name(&derivation.copy)) " is a " (relation_label(&derivation.relation)) " of "
            (name(&derivation.original))
            span.meta { " (similarity " (format!("{:.2}", derivation.similarity)) ", direction from "
                (derivation.direction_evidence.replace('_', " ")) ")" }
        }
        @if derivation.added.is_empty() {
            p.meta { "It adds no sentence of its own." }
        } @else {
            p.meta { "Sentences it adds:" }
            ul.added { @for sentence in &derivation.added { li { (sentence) } } }
        }
    }
}

/// The event's articles side by side, one column each, split into the sentences that
/// evidence indexes point at; the selected fact's sentences are marked.
fn sources_section(page: &EventPage, column_of: &HashMap<&str, usize>) -> Markup {
    // Which facts each sentence is evidence of, for the script's marking without a reload.
    let mut facts_of: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    let mut selected_statement = None;
    if let Some(brief) = &page.brief {
        for fact in &brief.facts {
            if page.selected.as_deref() == Some(fact.id.as_str()) {
                selected_statement = Some(fact.statement.as_str());
            }
            for evidence in &fact.evidence {
                if let Some(&column) = column_of.get(evidence.article.as_str()) {
                    facts_of
                        .entry((column, evidence.sentence_index))
                        .or_default()
                        .push(fact.id.as_str());
                }
            }
        }
    }
    let selected = page.selected.as_deref();
    let copies: HashMap<&str, &DerivationView> = page
        .derivations
        .iter()
        .map(|derivation| (derivation.copy.as_str(), derivation))
        .collect();
    html! {
        section #sources aria-labelledby="sources-heading" {
            h2 #sources-heading { "Sources side by side" }
            p #selection.selection aria-live="polite" {
                @if let Some(statement) = selected_statement {
                    "Marked: the sentences stating “" (statement) "”. "
                    a href={ (event_href(&page.event.id)) "#sources" } { "Clear" }
                } @else {
                    "Pick a fact above to mark the sentences that state it."
                }
            }
            div.columns {
                @for (index, column) in page.columns.iter().enumerate() {
                    (source_column(index, column, &facts_of, selected, copies.get(column.summary.id.as_str()).copied(), column_of))
                }
            }
            @if !page.more_articles.is_empty() {
                p { (plural(page.more_articles.len(), "more article is", "more articles are")) " not shown side by side:" }
                ul.more-articles {
                    @for summary in &page.more_articles {
                        li { a href=(article_href(&summary.id)) { (summary_title(summary)) }
                            @if let Some(source) = &summary.source { span.meta { " · " (source) } } }
                    }
                }
            }
        }
    }
}

fn source_column(
    index: usize,
    column: &SourceColumn,
    facts_of: &BTreeMap<(usize, usize), Vec<&str>>,
    selected: Option<&str>,
    derivation: Option<&DerivationView>,
    column_of: &HashMap<&str, usize>,
) -> Markup {
    let summary = &column.summary;
    let is_marked = |sentence: usize| {
        selected.is_some_and(|fact| {
            facts_of
                .get(&(index, sentence))
                .is_some_and(|facts| facts.contains(&fact))
        })
    };
    let text = column
        .article
        .as_ref()
        .map_or("", |article| article.text.as_str());
    let sentences = corroborate_text::sentences(text);
    let marked: Vec<usize> = (0..sentences.len()).filter(|&i| is_marked(i)).collect();
    // Sentences grouped by paragraph, keeping their index in the whole text.
    let mut paragraphs: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut current = None;
    for (sentence_index, sentence) in sentences.iter().enumerate() {
        if current != Some(sentence.paragraph) {
            paragraphs.push(Vec::new());
            current = Some(sentence.paragraph);
        }
        if let Some(paragraph) = paragraphs.last_mut() {
            paragraph.push((sentence_index, sentence.text(text)));
        }
    }
    html! {
        article.source-column id={ "source-" (index) } aria-labelledby={ "source-" (index) "-title" } {
            h3 id={ "source-" (index) "-title" } {
                span.column-number { (index + 1) ". " }
                a href=(article_href(&summary.id)) { (summary_title(summary)) }
            }
            p.meta {
                (summary.source.as_deref().unwrap_or("unknown source"))
                @if let Some(published) = &summary.published { " · " (published) }
                " · " (summary.words) " words"
            }
            @if let Some(derivation) = derivation {
                p.derived-note {
                    (relation_label(&derivation.relation)) " of "
                    @match column_of.get(derivation.original.as_str()) {
                        Some(&original) => a href={ "#source-" (original) } { "article " (original + 1) },
                        None => a href=(article_href(&derivation.original)) { (derivation.original) },
                    }
                }
            }
            div.evidence-jump {
                @if !marked.is_empty() {
                    "Marked: "
                    @for sentence in &marked {
                        a href={ "#s" (index) "-" (sentence) } { "sentence " (sentence + 1) } " "
                    }
                }
            }
            @if column.article.is_none() { p.notice { "This article is no longer stored." } }
            div.source-text {
                @for paragraph in &paragraphs {
                    p {
                        @for (sentence_index, sentence) in paragraph {
                            @let facts = facts_of.get(&(index, *sentence_index));
                            span class=(if marked.contains(sentence_index) { "sentence marked" } else { "sentence" })
                                id={ "s" (index) "-" (sentence_index) }
                                data-facts=[facts.map(|facts| facts.join(" "))] {
                                (sentence)
                            }
                            " "
                        }
                    }
                }
            }
        }
    }
}

pub(crate) fn article_page(page: &ArticlePage) -> Markup {
    let article = &page.article;
    let title = article
        .title
        .clone()
        .filter(|title| !title.trim().is_empty())
        .unwrap_or_else(|| article.id.as_str().to_owned());
    html! {
        (layout(&title, "", html! {
            h1 { (title) }
            dl.metadata {
                dt { "Id" } dd { code { (article.id.as_str()) } }
                dt { "Source" } dd { (article.source.as_deref().unwrap_or("unknown")) }
                dt { "Published" } dd { (article.published.map_or("unknown".to_owned(), |published| published.to_string())) }
                @if !article.authors.is_empty() { dt { "Authors" } dd { (article.authors.join(", ")) } }
                @if let Some(url) = &article.url {
                    dt { "Address" }
                    dd.url {
                        @if is_web_url(url) { a href=(url) rel="noopener noreferrer" { (url) } } @else { (url) }
                    }
                }
                dt { "Language" } dd { (article.language.as_deref().unwrap_or("unknown")) }
                dt { "Words" } dd { (article.text.split_whitespace().count()) }
            }
            section aria-labelledby="events-heading" {
                h2 #events-heading { "Events" }
                @if page.events.is_empty() { p { "In no event yet." } }
                ul { @for event in &page.events { li { a href=(event_href(&event.id)) { (event.label) } } } }
            }
            @if !page.derivations.is_empty() {
                section aria-labelledby="derivations-heading" {
                    h2 #derivations-heading { "Copies and rewrites" }
                    ul.derivations { @for derivation in &page.derivations { li { (derivation_text(derivation, None)) } } }
                }
            }
            section aria-labelledby="text-heading" {
                h2 #text-heading { "Clean text" }
                div.article-text { @for paragraph in article.paragraphs() { p { (paragraph) } } }
            }
            section aria-labelledby="removed-heading" {
                h2 #removed-heading { "Removed as junk (" (article.removed.len()) ")" }
                @if article.removed.is_empty() { p { "Nothing was removed." } }
                ul.removed {
                    @for line in &article.removed {
                        li { span.reason { (line.reason.as_str()) } " " (line.text) }
                    }
                }
            }
        }))
    }
}

pub(crate) fn entities_page(
    entities: &[EntitySummary],
    offset: usize,
    more: bool,
    per_page: usize,
) -> Markup {
    layout(
        "Entities",
        "",
        html! {
            h1 { "Entities" }
            p.meta { "People, organisations and places named across the events, most named first." }
            @if entities.is_empty() { p { "No entity is stored yet." } }
            ul.cards.entities {
                @for entity in entities {
                    li {
                        h2 { a href=(entity_href(&entity.id)) { (entity.name) } }
                        p.meta {
                            (entity.kind) " · " (plural(entity.mentions, "mention", "mentions"))
                            " · " (plural(entity.events, "event", "events"))
                        }
                        @if entity.variants.len() > 1 || entity.variants.first().is_some_and(|variant| variant != &entity.name) {
                            p.variants { "Also written: "
                                @for (position, variant) in entity.variants.iter().filter(|variant| *variant != &entity.name).enumerate() {
                                    @if position > 0 { ", " }
                                    span.variant { (variant) }
                                }
                            }
                        }
                    }
                }
            }
            @if more || offset > 0 {
                nav.pager aria-label="Pages" {
                    @if offset > 0 { a href={ "/entities?offset=" (offset.saturating_sub(per_page)) } { "← Previous" } }
                    @if more { a href={ "/entities?offset=" (offset + entities.len()) } { "Next →" } }
                }
            }
        },
    )
}

pub(crate) fn entity_page(page: &EntityPage) -> Markup {
    let entity = &page.entity;
    layout(
        &entity.name,
        "",
        html! {
            p.crumbs { a href="/entities" { "Entities" } " ›" }
            h1 { (entity.name) }
            dl.metadata {
                dt { "Kind" } dd { (entity.kind) }
                dt { "Written as" } dd { (entity.variants.join(", ")) }
                dt { "Roles" } dd { @if entity.roles.is_empty() { "none seen" } @else { (entity.roles.join("; ")) } }
                dt { "Mentions" } dd { (entity.mentions) }
            }
            h2 { "Events (" (entity.events.len()) ")" }
            ul { @for event in &page.events {
                li { a href=(event_href(&event.id)) { (event.label) }
                    span.meta { " · " (date_range(event.first_date.as_deref(), event.last_date.as_deref())) } }
            } }
            @if entity.events.len() > page.events.len() {
                p.meta { "The first " (page.events.len()) " are listed." }
            }
            h2 { "Articles (" (entity.articles.len()) ")" }
            ul { @for article in &page.articles {
                li { a href=(article_href(&article.id)) { (summary_title(article)) }
                    @if let Some(source) = &article.source { span.meta { " · " (source) } } }
            } }
            @if entity.articles.len() > page.articles.len() {
                p.meta { "The first " (page.articles.len()) " are listed." }
            }
        },
    )
}

pub(crate) fn search_page(found: Option<&SearchPage>) -> Markup {
    let query = found.map_or("", |found| found.query.as_str());
    let title = if query.is_empty() {
        "Search".to_owned()
    } else {
        format!("Search: {query}")
    };
    layout(
        &title,
        query,
        html! {
            h1 { "Search" }
            @match found {
                None => p { "Type words in the search box above: entities are found by any spelling, facts and articles by their words." },
                Some(found) => {
                    p.meta { "Results for “" (found.query) "”: "
                        (plural(found.entities.len(), "entity", "entities")) ", "
                        (plural(found.facts.len(), "fact", "facts")) ", "
                        (plural(found.articles.len(), "article", "articles")) "." }
                    section aria-labelledby="entity-results" {
                        h2 #entity-results { "Entities" }
                        @if found.entities.is_empty() { p { "None." } }
                        ul.results.entities {
                            @for entity in &found.entities {
                                li {
                                    a href=(entity_href(&entity.id)) { (entity.name) }
                                    span.meta { " " (entity.kind) " · " (plural(entity.mentions, "mention", "mentions")) }
                                    @if !entity.variants.is_empty() { p.variants { "Written as: " (entity.variants.join(", ")) } }
                                }
                            }
                        }
                    }
                    section aria-labelledby="fact-results" {
                        h2 #fact-results { "Facts" }
                        @if found.facts.is_empty() { p { "None." } }
                        ul.results.facts {
                            @for hit in &found.facts {
                                @let status = status_from_name(&hit.status);
                                li class={ "fact " (status.map_or("", status_class)) } {
                                    @if let Some(status) = status { (badge(status)) " " }
                                    a href=(fact_href(&hit.event_id, &hit.fact_id)) { (snippet(&hit.snippet)) }
                                }
                            }
                        }
                    }
                    section aria-labelledby="article-results" {
                        h2 #article-results { "Articles" }
                        @if found.articles.is_empty() { p { "None." } }
                        ul.results.articles {
                            @for (article, text) in &found.articles {
                                li {
                                    a href=(article_href(&article.id)) { (summary_title(article)) }
                                    @if let Some(source) = &article.source { span.meta { " · " (source) } }
                                    p.snippet { (snippet(text)) }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// Shared by the ingest pages.
pub(crate) fn page(title: &str, content: Markup) -> Markup {
    layout(title, "", content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_encoded_for_paths_and_queries() {
        assert_eq!(
            encode("person:volodymyr-zelensky"),
            "person:volodymyr-zelensky"
        );
        assert_eq!(encode("a/b?c#d e&f"), "a%2Fb%3Fc%23d%20e%26f");
        assert_eq!(encode("Zelenskyy’s"), "Zelenskyy%E2%80%99s");
    }

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        let markup = snippet("the [talks] in <b>Istanbul</b> [ended").into_string();
        assert_eq!(
            markup,
            "the <mark>talks</mark> in &lt;b&gt;Istanbul&lt;/b&gt; [ended"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,x"));
    }
}
