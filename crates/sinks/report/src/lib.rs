//! The run report: everything corroborate found over the stored articles, rendered for the
//! terminal, as JSON, as Markdown, and as one self-contained HTML file.
//!
//! Rendering is pure: a [`Report`] in, a `String` out. Every piece of article text that reaches
//! HTML goes through [`html::escape_text`] or [`html::escape_attribute`].
//!
//! ```
//! use corroborate_model::{Article, ArticleId};
//! use corroborate_report::{Report, render_html};
//!
//! let article = Article::new(ArticleId::new("a1"), "<script>alert(1)</script> Talks resumed.");
//! let report = Report { articles: vec![article], ..Report::default() };
//! let page = render_html(&report);
//! assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
//! assert!(!page.contains("<script>alert"));
//! ```

pub mod html;
mod markdown;
pub mod terminal;
mod text;

use std::collections::HashMap;

use chrono::NaiveDate;
use corroborate_cluster::{Event, Story};
use corroborate_dedup::{Derivation, Relation};
use corroborate_model::Article;
use corroborate_reconcile::{
    Brief, Conflict, EntityRecord, Fact, FactStatus, QuoteRecord, ReconcileOptions,
    SummarySentence, reconcile,
};
use serde::Serialize;

pub use html::render_html;
pub use markdown::render_markdown;
pub use text::render_text;

/// "1 article", "3 articles": a count with its noun in the right number.
pub(crate) fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The report's totals as its headers show them: articles, events, stories, derivations.
pub(crate) fn totals(report: &Report) -> Vec<String> {
    vec![
        counted(report.articles.len(), "article", "articles"),
        counted(report.events.len(), "event", "events"),
        counted(report.stories.len(), "story", "stories"),
        counted(
            report.derivations.len(),
            "copy or rewrite",
            "copies or rewrites",
        ),
    ]
}

/// Everything a report shows. Serialised as is for the JSON output (schema:
/// `docs/report.schema.json`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Every stored article, clean, with the lines removed as junk.
    pub articles: Vec<Article>,
    /// Runs of events.
    pub stories: Vec<Story>,
    /// Happenings, each with its articles and its brief.
    pub events: Vec<EventReport>,
    /// Every fact of every event, ranked within its event by independent support.
    pub facts: Vec<FactReport>,
    /// Copies and rewrites, each with its likely original and what it added.
    pub derivations: Vec<Derivation>,
    /// People, organisations and places, one canonical name each, across all events.
    pub entities: Vec<EntityRecord>,
    /// Quotes with their speakers, across all events.
    pub quotes: Vec<QuoteRecord>,
}

/// One event and its brief.
#[derive(Debug, Clone, Serialize)]
pub struct EventReport {
    /// The event: id, label, key terms, articles, date range.
    #[serde(flatten)]
    pub event: Event,
    /// When the happening took place, as far as the sources say (ISO 8601 day or range).
    pub date: Option<String>,
    /// Where it took place.
    pub place: Option<String>,
    /// Entity ids of the main people and organisations.
    pub participants: Vec<String>,
    /// Ids of its facts (in `Report::facts`), ranked.
    pub facts: Vec<String>,
    /// A short extractive summary, every sentence cited.
    pub summary: Vec<SummarySentence>,
    /// Where sources disagree.
    pub conflicts: Vec<Conflict>,
}

/// A fact with the event it belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct FactReport {
    /// The event's id.
    pub event: String,
    /// The fact.
    #[serde(flatten)]
    pub fact: Fact,
}

impl Report {
    /// Builds the report: reconciles each event over its articles (copies and rewrites counted
    /// once, from their original) and gathers facts, entities and quotes.
    pub fn build(
        articles: Vec<Article>,
        stories: Vec<Story>,
        events: Vec<Event>,
        derivations: Vec<Derivation>,
    ) -> Self {
        let by_id: HashMap<&str, &Article> = articles
            .iter()
            .map(|article| (article.id.as_str(), article))
            .collect();
        let options = ReconcileOptions::default();
        let briefs: Vec<Brief> = events
            .iter()
            .map(|event| {
                let members: Vec<Article> = event
                    .articles
                    .iter()
                    .filter_map(|id| by_id.get(id.as_str()).map(|article| (*article).clone()))
                    .collect();
                reconcile(&members, &derivations, &options)
            })
            .collect();
        let mut briefs = briefs;
        unify_entities_by_story(&stories, &events, &mut briefs);
        Self::from_briefs(articles, stories, events, derivations, briefs)
    }

    /// Builds the report from briefs already made (`briefs[i]` is the brief of `events[i]`;
    /// an event without one gets an empty brief), e.g. the ones the store keeps.
    pub fn from_briefs(
        articles: Vec<Article>,
        stories: Vec<Story>,
        events: Vec<Event>,
        derivations: Vec<Derivation>,
        briefs: Vec<Brief>,
    ) -> Self {
        let mut briefs = briefs.into_iter();
        let briefs: Vec<Brief> = events
            .iter()
            .map(|_| briefs.next().unwrap_or_default())
            .collect();
        let mut facts = Vec::new();
        let mut entities: Vec<EntityRecord> = Vec::new();
        let mut entity_index: HashMap<String, usize> = HashMap::new();
        let mut quotes = Vec::new();
        let mut event_reports = Vec::with_capacity(events.len());
        for (event, brief) in events.into_iter().zip(briefs) {
            let fact_ids = brief.facts.iter().map(|fact| fact.id.clone()).collect();
            facts.extend(brief.facts.into_iter().map(|fact| FactReport {
                event: event.id.clone(),
                fact,
            }));
            for entity in brief.entities {
                match entity_index.get(&entity.id) {
                    Some(&at) => merge_entity(&mut entities[at], entity),
                    None => {
                        entity_index.insert(entity.id.clone(), entities.len());
                        entities.push(entity);
                    }
                }
            }
            quotes.extend(brief.quotes);
            event_reports.push(EventReport {
                event,
                date: brief.date,
                place: brief.place,
                participants: brief.participants,
                facts: fact_ids,
                summary: brief.summary,
                conflicts: brief.conflicts,
            });
        }
        entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
        Self {
            articles,
            stories,
            events: event_reports,
            facts,
            derivations,
            entities,
            quotes,
        }
    }

    /// The facts of one event, in its ranking.
    fn event_facts(&self, event: &EventReport) -> Vec<&Fact> {
        let by_id: HashMap<&str, &Fact> = self
            .facts
            .iter()
            .map(|fact| (fact.fact.id.as_str(), &fact.fact))
            .collect();
        event
            .facts
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect()
    }

    /// The canonical names of an event's participants (the entity id when it has none).
    fn participant_names<'a>(&'a self, event: &'a EventReport) -> Vec<&'a str> {
        let names: HashMap<&str, &str> = self
            .entities
            .iter()
            .map(|entity| (entity.id.as_str(), entity.name.as_str()))
            .collect();
        event
            .participants
            .iter()
            .map(|id| names.get(id.as_str()).copied().unwrap_or(id.as_str()))
            .collect()
    }

    /// Quotes from the articles of an event: whole quotes, and fragments with a speaker.
    fn event_quotes(&self, event: &EventReport) -> Vec<&QuoteRecord> {
        self.quotes
            .iter()
            .filter(|quote| {
                // A fragment quoted inside the writer's sentence is shown only with a speaker
                // and more than one word: without a speaker it is a scare quote, and one word
                // (“impressive”, “secretly”) is the writer's emphasis more than testimony.
                let testimony = !quote.fragment
                    || (quote.speaker.is_some() && quote.text.split_whitespace().nth(1).is_some());
                testimony && event.event.articles.contains(&quote.article)
            })
            .collect()
    }

    /// Articles by id.
    fn article_index(&self) -> HashMap<&str, &Article> {
        self.articles
            .iter()
            .map(|article| (article.id.as_str(), article))
            .collect()
    }

    /// Events by id.
    fn event_index(&self) -> HashMap<&str, &EventReport> {
        self.events
            .iter()
            .map(|event| (event.event.id.as_str(), event))
            .collect()
    }

    /// Derivations by the id of the derived article.
    fn derivation_index(&self) -> HashMap<&str, &Derivation> {
        self.derivations
            .iter()
            .map(|derivation| (derivation.copy.as_str(), derivation))
            .collect()
    }

    /// Events in no story (none, when clustering assigns every event a story), in order.
    fn events_without_story(&self) -> Vec<&EventReport> {
        let in_story: std::collections::HashSet<&str> = self
            .stories
            .iter()
            .flat_map(|story| story.events.iter().map(String::as_str))
            .collect();
        self.events
            .iter()
            .filter(|event| !in_story.contains(event.event.id.as_str()))
            .collect()
    }
}

/// Adds what another event's record of the same entity knows.
fn merge_entity(into: &mut EntityRecord, other: EntityRecord) {
    into.mentions += other.mentions;
    for variant in other.variants {
        if !into.variants.contains(&variant) {
            into.variants.push(variant);
        }
    }
    for role in other.roles {
        if !into.roles.contains(&role) {
            into.roles.push(role);
        }
    }
    for article in other.articles {
        if !into.articles.contains(&article) {
            into.articles.push(article);
        }
    }
}

/// How a status reads in a report.
fn status_label(status: FactStatus) -> &'static str {
    match status {
        FactStatus::Corroborated => "corroborated",
        FactStatus::SingleSource => "single source",
        FactStatus::Conflicting => "conflicting",
        FactStatus::AddedByRewrite => "added by a rewrite",
    }
}

/// The report as pretty-printed JSON.
pub fn render_json(report: &Report) -> serde_json::Result<String> {
    serde_json::to_string_pretty(report).map(|json| json + "\n")
}

/// "copy", "near copy" or "rewrite".
fn relation_name(relation: Relation) -> &'static str {
    match relation {
        Relation::Copy => "copy",
        Relation::NearCopy => "near copy",
        Relation::Rewrite => "rewrite",
    }
}

/// "2025-06-02", "2025-06-02 – 2025-06-05" or "undated".
fn date_range(first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    match (first, last) {
        (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
        (Some(day), _) | (None, Some(day)) => day.to_string(),
        (None, None) => "undated".to_string(),
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// At most `max_chars` characters of `text`, with an ellipsis when cut.
fn ellipsis(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// The title to show for an article: its headline, or for an untitled text the start of its
/// first paragraph, marked with an ellipsis.
fn title_of(article: &Article) -> std::borrow::Cow<'_, str> {
    match article.title.as_deref() {
        Some(title) => title.into(),
        None => match article.paragraphs().next() {
            Some(first) => format!("“{}”", ellipsis(first, 70)).into(),
            None => "(untitled)".into(),
        },
    }
}

/// Gives each entity one id across the events of each story
/// ([`corroborate_reconcile::unify_story_entities`]); `briefs[i]` is the brief of `events[i]`.
fn unify_entities_by_story(stories: &[Story], events: &[Event], briefs: &mut [Brief]) {
    let position: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(index, event)| (event.id.as_str(), index))
        .collect();
    for story in stories {
        let indices: Vec<usize> = story
            .events
            .iter()
            .filter_map(|id| position.get(id.as_str()).copied())
            .collect();
        let mut group: Vec<Brief> = indices
            .iter()
            .filter_map(|&index| briefs.get_mut(index).map(std::mem::take))
            .collect();
        corroborate_reconcile::unify_story_entities(&mut group);
        for (index, brief) in indices.into_iter().zip(group) {
            if let Some(slot) = briefs.get_mut(index) {
                *slot = brief;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use corroborate_model::ArticleId;

    use super::*;

    #[test]
    fn the_brief_shows_testimony_not_scare_quotes() {
        let quote = |text: &str, speaker: Option<&str>, fragment: bool| QuoteRecord {
            text: text.into(),
            speaker: speaker.map(Into::into),
            speaker_entity: None,
            article: ArticleId::new("a"),
            fragment,
        };
        let event = EventReport {
            event: Event {
                id: "e-1".into(),
                label: "Talks".into(),
                key_terms: Vec::new(),
                representative: ArticleId::new("a"),
                articles: vec![ArticleId::new("a")],
                first_date: None,
                last_date: None,
            },
            date: None,
            place: None,
            participants: Vec::new(),
            facts: Vec::new(),
            summary: Vec::new(),
            conflicts: Vec::new(),
        };
        let report = Report {
            quotes: vec![
                quote("We will not sign this", Some("Umerov"), false),
                quote("We will not sign this", None, false),
                quote("serious signs", Some("Zelensky"), true),
                quote("impressive", Some("Apple"), true),
                quote("a farce", None, true),
            ],
            ..Report::default()
        };
        let shown: Vec<(&str, Option<&str>)> = report
            .event_quotes(&event)
            .into_iter()
            .map(|q| (q.text.as_str(), q.speaker.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                ("We will not sign this", Some("Umerov")),
                ("We will not sign this", None),
                ("serious signs", Some("Zelensky")),
            ]
        );
    }

    #[test]
    fn counts_take_the_noun_in_the_right_number() {
        let event = Event {
            id: "e-1".into(),
            label: "Talks".into(),
            key_terms: Vec::new(),
            representative: ArticleId::new("a"),
            articles: vec![ArticleId::new("a")],
            first_date: None,
            last_date: None,
        };
        let report = Report {
            articles: vec![Article::new(ArticleId::new("a"), "The talks ended.")],
            events: vec![EventReport {
                event,
                date: None,
                place: None,
                participants: Vec::new(),
                facts: Vec::new(),
                summary: Vec::new(),
                conflicts: Vec::new(),
            }],
            ..Report::default()
        };
        let text = render_text(&report, false);
        assert!(
            text.starts_with("1 article · 1 event · 0 stories · 0 copies or rewrites · 0 facts"),
            "{text}"
        );
        assert!(text.contains("undated · 1 article ·"), "{text}");
        let html = render_html(&report);
        assert!(html.contains("1 article · 1 event · 0 stories"), "{html}");
        assert!(!html.contains("1 articles"), "{html}");
    }
}
