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
use serde::Serialize;

pub use html::render_html;
pub use markdown::render_markdown;
pub use text::render_text;

/// Everything a report shows. Serialised as is for the JSON output.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Every stored article, clean, with the lines removed as junk.
    pub articles: Vec<Article>,
    /// Runs of events.
    pub stories: Vec<Story>,
    /// Happenings, each with its articles.
    pub events: Vec<Event>,
    /// Copies and rewrites, each with its likely original and what it added.
    pub derivations: Vec<Derivation>,
}

impl Report {
    /// Articles by id.
    fn article_index(&self) -> HashMap<&str, &Article> {
        self.articles
            .iter()
            .map(|article| (article.id.as_str(), article))
            .collect()
    }

    /// Events by id.
    fn event_index(&self) -> HashMap<&str, &Event> {
        self.events
            .iter()
            .map(|event| (event.id.as_str(), event))
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
    fn events_without_story(&self) -> Vec<&Event> {
        let in_story: std::collections::HashSet<&str> = self
            .stories
            .iter()
            .flat_map(|story| story.events.iter().map(String::as_str))
            .collect();
        self.events
            .iter()
            .filter(|event| !in_story.contains(event.id.as_str()))
            .collect()
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
