//! Main text and metadata out of HTML pages.
//!
//! [`extract`] parses the page once. On that parse it finds the article body with its own
//! scorer (the element holding the most running prose net of link lists, class words such as
//! "comments" or "sidebar" weighed against how much prose they would take away, teaser lists
//! told from article sections; measured on the Zyte and WCXB benchmarks against rs-trafilatura
//! and Python trafilatura, see `docs/benchmarks.md`), drops the boilerplate that remains
//! (related-story sections, teaser lists, headline-and-byline cards, passages carried
//! twice), and reads the metadata news pages carry: JSON-LD (`NewsArticle`, `@graph`),
//! OpenGraph / Twitter / Dublin Core / Parse.ly / Sailthru meta tags, microdata,
//! `<time datetime>`, visible bylines and dates (also numeric ones such as `17.05.2021`), a
//! date line by the headline, and dates in the URL.
//!
//! Hostile input is refused cheaply before any parsing: pages over
//! [`HtmlOptions::max_bytes`] and pages nested deeper than [`HtmlOptions::max_depth`] (checked
//! by a linear tag scan). A panic inside the parser becomes [`HtmlError::Panicked`].
//!
//! ```
//! use corroborate_html::{HtmlOptions, extract};
//!
//! let html = r#"<html lang="en"><head><title>Talks end - Daily Planet</title>
//!   <meta property="og:site_name" content="Daily Planet">
//!   <meta property="article:published_time" content="2025-06-02T14:30:00+03:00"></head>
//!   <body><article><h1>Talks end</h1><p class="byline">By Jane Doe</p>
//!   <p>The delegations met for two hours in the palace and agreed to exchange prisoners.</p>
//!   <p>Both sides said they would meet again, without naming a date for the next round.</p>
//!   </article></body></html>"#;
//! let page = extract(html, None, &HtmlOptions::default()).unwrap();
//! assert!(page.text.contains("exchange prisoners.\n\nBoth sides"));
//! assert_eq!(page.metadata.title.as_deref(), Some("Talks end"));
//! assert_eq!(page.metadata.authors, ["Jane Doe"]);
//! assert_eq!(page.metadata.source.as_deref(), Some("Daily Planet"));
//! assert_eq!(page.metadata.language.as_deref(), Some("en"));
//! assert_eq!(page.metadata.published.unwrap().date().to_string(), "2025-06-02");
//! ```

mod boilerplate;
mod content;
mod dates;
mod guard;
mod metadata;
mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

use corroborate_model::Metadata;
use dom_query::Document;

/// Main text (paragraphs separated by `"\n\n"`, list items as `"- item"` lines, headings kept
/// as their own paragraph) and metadata found in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedPage {
    /// The article's main text.
    pub text: String,
    /// Title, authors, publication date, publisher, canonical URL and language, where found.
    pub metadata: Metadata,
}

/// Why a page gave no article.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// The page is larger than [`HtmlOptions::max_bytes`]; refused before parsing.
    #[error("page is {bytes} bytes, over the limit of {limit}")]
    TooLarge {
        /// Size of the page.
        bytes: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The page nests elements deeper than [`HtmlOptions::max_depth`]; refused before parsing.
    #[error("page nests elements {depth} deep, over the limit of {limit}")]
    TooDeep {
        /// The deepest nesting the tag scan found.
        depth: usize,
        /// The limit in force.
        limit: usize,
    },
    /// No main text could be found in the page.
    #[error("no main text found in the page")]
    NoMainText,
    /// The HTML extractor panicked on this page (a bug in it, caught and reported).
    #[error("the HTML extractor failed on this page: {0}")]
    Panicked(String),
}

/// Limits that protect [`extract`] from hostile pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Largest page accepted, in bytes (default 20 MB).
    pub max_bytes: usize,
    /// Deepest element nesting accepted (default 512).
    pub max_depth: usize,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        Self {
            max_bytes: 20 * 1024 * 1024,
            max_depth: 512,
        }
    }
}

/// Extracts the main text and the metadata of an HTML page. `url` is where the page was read
/// from; it helps find the publication date and stands in for a missing canonical URL.
///
/// # Errors
/// [`HtmlError::TooLarge`] and [`HtmlError::TooDeep`] for pages refused before parsing,
/// [`HtmlError::NoMainText`] when no article text is found, [`HtmlError::Panicked`] if the
/// underlying extractor panics.
pub fn extract(
    html: &str,
    url: Option<&str>,
    options: &HtmlOptions,
) -> Result<ExtractedPage, HtmlError> {
    if html.len() > options.max_bytes {
        return Err(HtmlError::TooLarge {
            bytes: html.len(),
            limit: options.max_bytes,
        });
    }
    let prescan = guard::prescan(html);
    if prescan.depth > options.max_depth {
        return Err(HtmlError::TooDeep {
            depth: prescan.depth,
            limit: options.max_depth,
        });
    }
    let (text, metadata) = catch_unwind(AssertUnwindSafe(|| {
        // Metadata patterns read the page as served (dates in script data); the tree is
        // built without script and style bodies.
        let document = Document::from(&*prescan.parse_input(html));
        let metadata = metadata::extract(&document, html, url);
        (content::main_text(&document), metadata)
    }))
    .map_err(panic_message)?;
    let text = text.ok_or(HtmlError::NoMainText)?;
    let text = text::remove_title_line(&text, metadata.title.as_deref());
    let text = boilerplate::clean(&text);
    // Text without a single letter or digit (stray BOMs, replacement characters) is no article.
    if !text.chars().any(char::is_alphanumeric) {
        return Err(HtmlError::NoMainText);
    }
    Ok(ExtractedPage { text, metadata })
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> HtmlError {
    let message = payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned());
    HtmlError::Panicked(message)
}
