//! Ingest: turns command-line inputs (files, directories, globs, stdin, URLs) into
//! [`RawDocument`]s for the cleaning stages.
//!
//! Formats are chosen by file extension, or by sniffing the content for stdin and unknown
//! extensions: plain text and Markdown (with optional YAML front matter), HTML (also gzipped),
//! JSONL, WARC (also multi-member gzip), RSS/Atom feeds, and http(s) URLs fetched through a
//! polite, guarded [`Fetcher`].
//!
//! Every failure is one [`SourceError`] naming the input (`file`, `file:line`,
//! `file#record-N`) and a readable reason; a bad record inside a container never stops the
//! rest, and no input can make this crate panic.
//!
//! ```no_run
//! use corroborate_sources::{expand_inputs, read_input, Fetcher, SourceOptions};
//!
//! let options = SourceOptions::default();
//! let mut fetcher = Fetcher::new(options.fetch.clone()).expect("HTTP client");
//! for input in expand_inputs(&["articles/".to_string()]) {
//!     let Ok(input) = input else { continue };
//!     for document in read_input(&input, &options, &mut fetcher) {
//!         match document {
//!             Ok(document) => println!("{}", document.origin),
//!             Err(error) => eprintln!("{error}"),
//!         }
//!     }
//! }
//! ```

mod charset;
mod feed;
mod fetch;
mod files;
mod html;
mod inputs;
mod jsonl;
mod sniff;
mod text;
mod warc;

use std::path::PathBuf;
use std::time::Duration;

pub use charset::decode_html;
pub use fetch::{FetchedPage, Fetcher};
pub use files::read_input;
pub use inputs::expand_inputs;
pub use sniff::{SniffedFormat, sniff_format};

/// One failed input: which input and why, printed as one line `"<input>: <reason>"`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input}: {reason}")]
pub struct SourceError {
    /// The input that failed: a path, `path:line`, `path#record-N`, a URL, or `stdin`.
    pub input: String,
    /// Why it failed, readable by a person.
    pub reason: String,
}

impl SourceError {
    /// An error for `input` with the given `reason`.
    pub fn new(input: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            input: input.into(),
            reason: reason.into(),
        }
    }
}

/// Options for reading inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceOptions {
    /// Largest file accepted, in bytes (default 20 MiB). Larger files are refused from their
    /// size alone, without reading them. Also caps stdin, a decompressed page and one record
    /// of a container.
    pub max_file_bytes: u64,
    /// How URLs are fetched.
    pub fetch: FetchOptions,
    /// For a feed read from a URL: when an entry has only a summary (no full content) and a
    /// link, fetch the linked page through the same [`Fetcher`] instead of yielding the summary
    /// (default true). Feed files never touch the network: they yield summaries.
    pub follow_feed_links: bool,
}

impl Default for SourceOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 20 * 1024 * 1024,
            fetch: FetchOptions::default(),
            follow_feed_links: true,
        }
    }
}

/// How the [`Fetcher`] talks to the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Allow loopback, private, link-local, unique-local, CGNAT and unspecified addresses
    /// (default false: refused, checked on every resolved address and every redirect hop).
    pub allow_private: bool,
    /// Total time allowed per request, body included (default 20 s); connecting gets at most
    /// 10 s of it.
    pub timeout: Duration,
    /// Largest response body accepted, in bytes (default 10 MiB); reading stops when exceeded.
    pub max_bytes: u64,
    /// Most redirects followed (default 5).
    pub max_redirects: usize,
    /// The `User-Agent` header; its first word is also the robots.txt agent name.
    pub user_agent: String,
    /// Least time between two requests to the same host (default 1 s).
    pub politeness: Duration,
    /// Obey robots.txt (default true). Fetched once per host and cached for the run: a 4xx
    /// robots.txt allows everything, a 5xx or unreachable one disallows the host. A
    /// `Crawl-delay` longer than `politeness` is honoured (at most 30 s).
    pub respect_robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            allow_private: false,
            timeout: Duration::from_secs(20),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            user_agent: format!(
                "corroborate/{} (+https://github.com/corroborate/corroborate)",
                env!("CARGO_PKG_VERSION")
            ),
            politeness: Duration::from_secs(1),
            respect_robots: true,
        }
    }
}

/// An input as given on the command line, classified.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    /// A file.
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// An `http://` or `https://` URL.
    Url(String),
}

impl Input {
    /// How the input is named in messages and origins: the path, `stdin`, or the URL.
    pub fn display_name(&self) -> String {
        match self {
            Self::Path(path) => path.display().to_string(),
            Self::Stdin => "stdin".to_string(),
            Self::Url(url) => url.clone(),
        }
    }
}
