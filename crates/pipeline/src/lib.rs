//! Wires the stages together: sources (ingest) → clean (HTML extraction, text cleaning,
//! normalisation) → articles ready for analysis and storage.
//!
//! The stages themselves live in their own crates and are pure functions over typed data; this
//! crate only decides the order they run in, how metadata from different places is merged, and
//! how work is batched and parallelised. It never prints: the binary shows progress through the
//! [`Batch`] values it receives.
//!
//! ```no_run
//! use corroborate_pipeline::{ingest, PipelineOptions};
//!
//! let inputs = vec!["examples/istanbul-talks-2025".to_string()];
//! ingest(&inputs, &PipelineOptions::default(), |batch| {
//!     for result in batch.results {
//!         match result {
//!             Ok(article) => println!("{}: {:?}", article.id, article.title),
//!             Err(failure) => eprintln!("{failure}"),
//!         }
//!     }
//!     Ok::<(), std::convert::Infallible>(())
//! })
//! .unwrap();
//! ```

mod analyse;

use std::path::Path;

use corroborate_html::HtmlOptions;
use corroborate_model::{Article, ArticleId, Body, Metadata, RawDocument};
use corroborate_sources::{Fetcher, SourceOptions};
use rayon::prelude::*;

pub use analyse::{
    AnalyseStoredError, AnalysisOutcome, BRIEF_VERSION, CLUSTER_STATE_VERSION, StoredAnalysis,
    analyse, analyse_stored,
};

/// Options for a whole ingest run.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// How inputs are read and fetched.
    pub sources: SourceOptions,
    /// Limits for HTML extraction.
    pub html: HtmlOptions,
    /// Documents cleaned (in parallel) and handed on together; also the store's transaction size.
    pub batch_size: usize,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        Self {
            sources: SourceOptions::default(),
            html: HtmlOptions::default(),
            batch_size: 256,
        }
    }
}

/// One input, record or document that could not become an article, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input}: {reason}")]
pub struct InputFailure {
    /// The input as the user named it, or `path:line` / `file#record-N` inside a container.
    pub input: String,
    /// What went wrong, in words.
    pub reason: String,
}

impl From<corroborate_sources::SourceError> for InputFailure {
    fn from(error: corroborate_sources::SourceError) -> Self {
        Self {
            input: error.input,
            reason: error.reason,
        }
    }
}

/// A group of results handed to the caller, in input order.
#[derive(Debug)]
pub struct Batch {
    /// One result per document read (or per input that failed before any document was read).
    pub results: Vec<Result<Article, InputFailure>>,
    /// How many of the inputs named on the command line are finished.
    pub inputs_done: usize,
    /// How many inputs there are in all (after expanding directories and globs).
    pub inputs_total: usize,
}

/// Reads every input named in `args` (paths, directories, globs, `-`, URLs), cleans each document
/// and hands the results to `on_batch` in input order, `options.batch_size` at a time.
///
/// A failing input or record becomes an `Err` item and the run goes on; only an error returned
/// by `on_batch` (a store failure, say) stops it.
pub fn ingest<E>(
    args: &[String],
    options: &PipelineOptions,
    mut on_batch: impl FnMut(Batch) -> Result<(), E>,
) -> Result<(), E> {
    let inputs = corroborate_sources::expand_inputs(args);
    let inputs_total = inputs.len();
    let batch_size = options.batch_size.max(1);
    let mut fetcher = Fetcher::new(options.sources.fetch.clone());
    let mut pending: Vec<Result<RawDocument, InputFailure>> = Vec::with_capacity(batch_size);
    let flush = |pending: &mut Vec<Result<RawDocument, InputFailure>>, inputs_done: usize| Batch {
        results: clean_all(std::mem::take(pending), &options.html),
        inputs_done,
        inputs_total,
    };

    for (index, input) in inputs.into_iter().enumerate() {
        match (input, fetcher.as_mut()) {
            (Err(error), _) => pending.push(Err(error.into())),
            // Without an HTTP client (it failed to build) every input fails the same way.
            (Ok(_), Err(error)) => pending.push(Err(InputFailure::from(error.clone()))),
            (Ok(input), Ok(fetcher)) => {
                for document in corroborate_sources::read_input(&input, &options.sources, fetcher) {
                    pending.push(document.map_err(InputFailure::from));
                    if pending.len() >= batch_size {
                        on_batch(flush(&mut pending, index))?;
                    }
                }
            }
        }
    }
    if !pending.is_empty() || inputs_total == 0 {
        on_batch(flush(&mut pending, inputs_total))?;
    }
    Ok(())
}

/// Cleans documents in parallel, keeping their order (so output is the same on any thread count).
fn clean_all(
    documents: Vec<Result<RawDocument, InputFailure>>,
    html: &HtmlOptions,
) -> Vec<Result<Article, InputFailure>> {
    documents
        .into_par_iter()
        .map(|document| document.and_then(|d| clean_document(d, html)))
        .collect()
}

/// Turns one raw document into a clean article: main text and metadata out of HTML, Markdown to
/// text, web junk removed, Unicode normalised, language detected, id assigned.
///
/// Metadata given by the container (front matter, JSONL fields, feed entry) wins over what the
/// page itself says, which wins over what text cleaning infers (a headline line, "Source: BBC").
pub fn clean_document(document: RawDocument, html: &HtmlOptions) -> Result<Article, InputFailure> {
    let RawDocument {
        id,
        origin,
        metadata: mut meta,
        body,
        ..
    } = document;
    let fail = |reason: String| InputFailure {
        input: origin.clone(),
        reason,
    };

    let raw_text = match body {
        Body::Html(page) => {
            let extracted = corroborate_html::extract(&page, meta.url.as_deref(), html)
                .map_err(|error| fail(error.to_string()))?;
            meta.fill_from(extracted.metadata);
            extracted.text
        }
        Body::Text(text) if is_markdown(&origin) => corroborate_text::markdown_to_text(&text),
        Body::Text(text) => text,
    };

    let normalised = corroborate_text::normalise(&raw_text);
    let cleaned = corroborate_text::clean_text(&normalised, meta.title.as_deref());
    // The dateline's day (`cleaned.published`) is not taken as the article's date: with it,
    // the clusterer's 1.5-day time decay split the ECB+ events of the events benchmark, whose
    // reports span weeks (product-path pairwise F1 0.918 -> 0.897); see docs/benchmarks.md.
    meta.fill_from(Metadata {
        title: cleaned.title,
        source: cleaned.source,
        authors: cleaned.authors,
        ..Metadata::default()
    });
    if cleaned.text.trim().is_empty() {
        return Err(fail("no article text found".to_string()));
    }
    if meta.language.is_none() {
        meta.language = corroborate_text::detect_language(&cleaned.text);
    }
    let id = id.unwrap_or_else(|| ArticleId::from_content(&cleaned.text));
    Ok(Article {
        id,
        title: meta.title.map(|title| corroborate_text::normalise(&title)),
        authors: meta.authors,
        published: meta.published,
        source: meta.source,
        url: meta.url,
        language: meta.language,
        text: cleaned.text,
        removed: cleaned.removed,
    })
}

fn is_markdown(origin: &str) -> bool {
    Path::new(origin)
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            matches!(extension.to_ascii_lowercase().as_str(), "md" | "markdown")
        })
}
