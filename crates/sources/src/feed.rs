//! RSS and Atom feeds: each entry becomes a document.

use corroborate_model::{Body, InputFormat, Metadata, Published, RawDocument};
use feed_rs::model::{Entry, Feed, Text};

use crate::SourceError;
use crate::fetch::Fetcher;
use crate::files::page_document;
use crate::text::normalise_language;

/// Parses a feed; `base_url` resolves relative links.
pub(crate) fn parse_feed(bytes: &[u8], base_url: Option<&str>) -> Result<Feed, String> {
    feed_rs::parser::Builder::new()
        .base_uri(base_url)
        .build()
        .parse(bytes)
        .map_err(|error| format!("not a readable RSS or Atom feed: {error}"))
}

/// Streams the entries of a feed as documents. With a fetcher, an entry that has only a
/// summary is replaced by its linked page.
pub(crate) struct FeedEntries<'a> {
    entries: std::vec::IntoIter<Entry>,
    feed_title: Option<String>,
    feed_language: Option<String>,
    name: String,
    entry_number: usize,
    fetcher: Option<&'a mut Fetcher>,
}

impl<'a> FeedEntries<'a> {
    /// The entries of `feed`, named `name#entry-N` in origins.
    pub(crate) fn new(feed: Feed, name: String, fetcher: Option<&'a mut Fetcher>) -> Self {
        Self {
            feed_title: feed
                .title
                .map(|title| title.content.trim().to_string())
                .filter(|title| !title.is_empty()),
            feed_language: feed.language,
            entries: feed.entries.into_iter(),
            name,
            entry_number: 0,
            fetcher,
        }
    }

    fn entry_document(&mut self, entry: Entry) -> Result<RawDocument, SourceError> {
        let origin = format!("{}#entry-{}", self.name, self.entry_number);
        let link = entry
            .links
            .iter()
            .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
            .or_else(|| entry.links.first())
            .map(|link| link.href.clone());
        let metadata = Metadata {
            title: entry
                .title
                .as_ref()
                .map(|title| title.content.trim().to_string())
                .filter(|title| !title.is_empty()),
            authors: entry
                .authors
                .iter()
                .filter_map(|person| person.name.as_deref().map(str::trim).map(str::to_string))
                .filter(|name| !name.is_empty())
                .collect(),
            published: entry
                .published
                .or(entry.updated)
                .map(|instant| Published::Instant(instant.fixed_offset())),
            source: self.feed_title.clone(),
            url: link.clone(),
            language: entry
                .language
                .as_deref()
                .or(self.feed_language.as_deref())
                .and_then(normalise_language),
        };
        let content = entry
            .content
            .as_ref()
            .and_then(|content| {
                Some((
                    content.body.as_deref()?,
                    content.content_type.as_ref().to_string(),
                ))
            })
            .filter(|(body, _)| !body.trim().is_empty());
        if let Some((body, content_type)) = content {
            return Ok(document(origin, metadata, body, &content_type));
        }
        if let (Some(fetcher), Some(link)) = (self.fetcher.as_deref_mut(), link.as_deref()) {
            let page = fetcher.fetch(link)?;
            let mut document =
                page_document(&page, link).map_err(|reason| SourceError::new(link, reason))?;
            let final_url = document.metadata.url.take();
            document.metadata = Metadata {
                url: final_url,
                ..metadata
            };
            return Ok(document);
        }
        match entry
            .summary
            .as_ref()
            .filter(|summary| !summary.content.trim().is_empty())
        {
            Some(Text {
                content,
                content_type,
                ..
            }) => Ok(document(origin, metadata, content, content_type.as_ref())),
            None => Err(SourceError::new(
                origin,
                "feed entry has no content, summary or link",
            )),
        }
    }
}

impl Iterator for FeedEntries<'_> {
    type Item = Result<RawDocument, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        let entry = self.entries.next()?;
        self.entry_number += 1;
        Some(self.entry_document(entry))
    }
}

/// A feed entry's content: plain text stays text, anything else is treated as HTML.
fn document(origin: String, metadata: Metadata, body: &str, content_type: &str) -> RawDocument {
    let body = if content_type.eq_ignore_ascii_case("text/plain") {
        Body::Text(body.to_string())
    } else {
        Body::Html(body.to_string())
    };
    RawDocument {
        id: None,
        origin,
        format: InputFormat::Feed,
        metadata,
        body,
    }
}
