//! The typed data that flows through corroborate's pipeline.
//!
//! Every stage speaks these types: sources produce [`RawDocument`]s, the cleaning stages turn
//! them into [`Article`]s, the analysis stages read articles, and the sinks store and report them.
//! This crate does no I/O and has no behaviour beyond construction, parsing (dates: [`dates`]),
//! validation and hashing, so every other crate can depend on it without pulling anything heavy
//! in.
//!
//! ```
//! use corroborate_model::{Article, ArticleId, Published};
//!
//! let mut article = Article::new(ArticleId::new("000_example"), "First paragraph.\n\nSecond.");
//! article.published = Published::parse("2025-06-02T14:30:00+03:00");
//! assert_eq!(article.paragraphs().count(), 2);
//! assert_eq!(article.published.unwrap().date().to_string(), "2025-06-02");
//! ```

pub mod dates;

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A stable article identifier: the file stem for a file, the `id` field for JSONL, or a
/// content hash ([`ArticleId::from_content`]) when the input names none.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Wraps an identifier given by the input (file stem, JSONL `id`).
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// A stable identifier for an input that names none: `h` followed by 16 hex digits of the
    /// xxh3 hash of the text. Stable across runs, platforms and versions (xxh3 is unseeded).
    pub fn from_content(text: &str) -> Self {
        Self(format!("h{}", content_hash(text)))
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 16 hex digits of the xxh3-64 hash of `text`: used for ids and for telling a changed article
/// from a re-ingested identical one.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// When an article was published: a calendar day, and the instant when the input gave one.
///
/// Serialised as ISO 8601 text: `2025-06-02` for a day, `2025-06-02T14:30:00+03:00` for an
/// instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Published {
    /// Only the calendar day is known.
    Day(NaiveDate),
    /// The instant is known, with the offset the publisher gave.
    Instant(DateTime<FixedOffset>),
}

impl Published {
    /// Parses the common machine forms: RFC 3339 / ISO 8601 instants (with or without offset;
    /// without one, UTC is assumed), RFC 2822 (feeds), and plain `YYYY-MM-DD` days (also
    /// `YYYY/MM/DD`). Returns `None` for anything else; human forms ("June 2, 2025") are the
    /// extractors' business.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Some(Self::Instant(instant));
        }
        if let Ok(instant) = DateTime::parse_from_rfc2822(text) {
            return Some(Self::Instant(instant));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f%z",
            "%Y-%m-%dT%H:%M%z",
            "%Y-%m-%d %H:%M:%S%.f%z",
        ] {
            if let Ok(instant) = DateTime::parse_from_str(text, format) {
                return Some(Self::Instant(instant));
            }
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
        ] {
            if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
                return Some(Self::Instant(naive.and_utc().fixed_offset()));
            }
        }
        let day_part = text.get(..10).unwrap_or(text);
        for format in ["%Y-%m-%d", "%Y/%m/%d"] {
            if let Ok(day) = NaiveDate::parse_from_str(day_part, format) {
                return Some(Self::Day(day));
            }
        }
        None
    }

    /// The calendar day, in the publisher's own offset.
    pub fn date(&self) -> NaiveDate {
        match self {
            Self::Day(day) => *day,
            Self::Instant(instant) => instant.date_naive(),
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            Self::Instant(instant) => f.write_str(&instant.to_rfc3339()),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Published::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date or instant: {text:?}")))
    }
}

/// Metadata an input may carry about a document, before or besides its content: YAML front
/// matter, JSONL fields, feed entries, HTTP headers, or what the HTML extractor found.
/// Every field is optional; later sources of metadata fill only the gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Bylines, one name each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publication date or instant: the first publication where the page states it. An HTML
    /// page that names no publication at all gives its last modification instead, the latest
    /// day it can have been published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// Publisher or site name ("BBC", "Reuters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Canonical URL when known, else the URL it was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// ISO 639-1 language code ("en") when declared or detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Metadata {
    /// Fills every field still empty in `self` from `other`; fields already set win.
    pub fn fill_from(&mut self, other: Metadata) {
        fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        fill(&mut self.title, other.title);
        fill(&mut self.published, other.published);
        fill(&mut self.source, other.source);
        fill(&mut self.url, other.url);
        fill(&mut self.language, other.language);
        if self.authors.is_empty() {
            self.authors = other.authors;
        }
    }
}

/// What format an input document arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text or Markdown, optionally with YAML front matter.
    Text,
    /// An HTML page.
    Html,
    /// One line of a JSONL file.
    Jsonl,
    /// A response record of a WARC file.
    Warc,
    /// An entry of an RSS or Atom feed.
    Feed,
}

/// A document as a source read it, before cleaning: the content and whatever metadata the
/// container carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// The id the input gives (file stem, JSONL `id`); `None` means "derive one from content".
    pub id: Option<ArticleId>,
    /// Where it came from, for messages and provenance: a path, `path:line`, a URL,
    /// `file.warc.gz#record-7`.
    pub origin: String,
    /// The format it arrived in.
    pub format: InputFormat,
    /// Metadata from the container (front matter, JSONL fields, feed entry, HTTP headers).
    pub metadata: Metadata,
    /// The content itself.
    pub body: Body,
}

/// The content of a [`RawDocument`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text (already decoded to UTF-8).
    Text(String),
    /// An HTML page (already decoded to UTF-8).
    Html(String),
}

/// Why the cleaner removed a line from an article's text. Kept with the article so a reader can
/// audit every removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// "Share", "Get link", "Tweet", social network names standing alone.
    ShareButton,
    /// "What's Your Reaction?" and its like/0/dislike/0 tail.
    ReactionWidget,
    /// "Leave a Reply", "Post a Comment", "Your email address will not be published".
    CommentForm,
    /// "See also:", "Related", "Read more" promos.
    Promo,
    /// "About the Author" boxes.
    AuthorBox,
    /// Tag and category lines.
    TagLine,
    /// The headline repeated inside the body.
    RepeatedTitle,
    /// A trailing attribution ("Source: BBC"), moved to the article's `source`.
    Attribution,
    /// Navigation, cookie banners, subscription prompts and other site furniture.
    Boilerplate,
    /// A line repeated verbatim inside the same article.
    RepeatedLine,
}

impl RemovalReason {
    /// The reason as the snake_case word used in JSON and in the database.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ShareButton => "share_button",
            Self::ReactionWidget => "reaction_widget",
            Self::CommentForm => "comment_form",
            Self::Promo => "promo",
            Self::AuthorBox => "author_box",
            Self::TagLine => "tag_line",
            Self::RepeatedTitle => "repeated_title",
            Self::Attribution => "attribution",
            Self::Boilerplate => "boilerplate",
            Self::RepeatedLine => "repeated_line",
        }
    }
}

/// One line the cleaner removed, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// The line as it stood in the input.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// A clean article: main text without web junk, metadata, and what was removed.
///
/// `text` is NFC-normalised; paragraphs are separated by one blank line (`"\n\n"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier.
    pub id: ArticleId,
    /// Headline.
    pub title: Option<String>,
    /// Bylines.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date or instant.
    pub published: Option<Published>,
    /// Publisher or site name.
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Clean main text, paragraphs separated by `"\n\n"`.
    pub text: String,
    /// Lines removed as junk, in input order.
    #[serde(default)]
    pub removed: Vec<RemovedLine>,
}

impl Article {
    /// An article with the given id and text and no metadata.
    pub fn new(id: ArticleId, text: impl Into<String>) -> Self {
        Self {
            id,
            title: None,
            authors: Vec::new(),
            published: None,
            source: None,
            url: None,
            language: None,
            text: text.into(),
            removed: Vec::new(),
        }
    }

    /// The paragraphs of the text, trimmed, empty ones skipped.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }

    /// Hash of everything a user sees of the article: re-ingesting an unchanged article gives
    /// the same value, any change to text or metadata gives another.
    pub fn fingerprint(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        content_hash(&json)
    }

    /// The article's metadata fields as a [`Metadata`].
    pub fn metadata(&self) -> Metadata {
        Metadata {
            title: self.title.clone(),
            authors: self.authors.clone(),
            published: self.published,
            source: self.source.clone(),
            url: self.url.clone(),
            language: self.language.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_parses_machine_forms_and_round_trips() {
        for (input, shown) in [
            ("2025-06-02", "2025-06-02"),
            ("2025/06/02", "2025-06-02"),
            ("2025-06-02T14:30:00+03:00", "2025-06-02T14:30:00+03:00"),
            ("2025-06-02T14:30:00Z", "2025-06-02T14:30:00+00:00"),
            ("2025-06-02T14:30:00", "2025-06-02T14:30:00+00:00"),
            (
                "Mon, 02 Jun 2025 14:30:00 +0000",
                "2025-06-02T14:30:00+00:00",
            ),
            (
                "2025-06-02T14:30:00.123+0300",
                "2025-06-02T14:30:00.123+03:00",
            ),
        ] {
            let parsed = Published::parse(input).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(parsed.to_string(), shown, "{input}");
            assert_eq!(Published::parse(&parsed.to_string()), Some(parsed));
        }
        assert_eq!(Published::parse("June 2"), None);
        assert_eq!(Published::parse(""), None);
        assert_eq!(Published::parse("2025-13-45"), None);
    }

    #[test]
    fn content_ids_are_stable() {
        assert_eq!(
            ArticleId::from_content("abc"),
            ArticleId::from_content("abc")
        );
        assert_ne!(
            ArticleId::from_content("abc"),
            ArticleId::from_content("abd")
        );
        assert_eq!(ArticleId::from_content("abc").as_str().len(), 17);
    }

    #[test]
    fn fill_from_keeps_existing_fields() {
        let mut first = Metadata {
            title: Some("Kept".into()),
            ..Default::default()
        };
        first.fill_from(Metadata {
            title: Some("Ignored".into()),
            source: Some("BBC".into()),
            ..Default::default()
        });
        assert_eq!(first.title.as_deref(), Some("Kept"));
        assert_eq!(first.source.as_deref(), Some("BBC"));
    }
}
