//! Reading one input: format by extension (or sniffed), then the matching reader.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use corroborate_model::{ArticleId, Body, InputFormat, Metadata, RawDocument};
use flate2::read::MultiGzDecoder;

use crate::charset::{charset_parameter, decode_text};
use crate::feed::{FeedEntries, parse_feed};
use crate::fetch::{FetchedPage, Fetcher};
use crate::html::{gunzip, html_document};
use crate::jsonl::JsonlRecords;
use crate::sniff::{SniffedFormat, sniff_format};
use crate::text::text_document;
use crate::warc::WarcRecords;
use crate::{Input, SourceError, SourceOptions};

/// The documents of one input.
type Documents<'a> = Box<dyn Iterator<Item = Result<RawDocument, SourceError>> + 'a>;

/// A format told by a file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NamedFormat {
    Text,
    Html,
    Jsonl,
    Warc,
    Feed,
    /// `.xml`: a feed or an XHTML page, decided by content.
    Xml,
}

/// The format a file name announces, whether it is gzipped, and the name without those
/// extensions (the document id). `None` format for an unknown extension.
fn named_format(path: &Path) -> (Option<NamedFormat>, bool, String) {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lowered = name.to_ascii_lowercase();
    let (inner, gzipped) = match lowered.strip_suffix(".gz") {
        Some(inner) => (inner, true),
        None => (lowered.as_str(), false),
    };
    let (stem_length, extension) = match inner.rfind('.') {
        Some(dot) if dot > 0 => (dot, &inner[dot + 1..]),
        _ => (inner.len(), ""),
    };
    let format = match extension {
        "txt" | "text" | "md" | "markdown" => Some(NamedFormat::Text),
        "html" | "htm" | "xhtml" => Some(NamedFormat::Html),
        "jsonl" | "ndjson" => Some(NamedFormat::Jsonl),
        "warc" => Some(NamedFormat::Warc),
        "rss" | "atom" => Some(NamedFormat::Feed),
        "xml" => Some(NamedFormat::Xml),
        _ => None,
    };
    // Lowercasing ASCII keeps byte offsets, so the stem can be cut from the original name.
    let stem = name.get(..stem_length).unwrap_or(&name).to_string();
    (format, gzipped, stem)
}

/// True for names a directory walk should read: a known extension, optionally gzipped.
pub(crate) fn has_known_extension(path: &Path) -> bool {
    named_format(path).0.is_some()
}

/// Reads one input into documents.
///
/// A container (JSONL, WARC, feed) yields many; a bad record inside is an `Err` item naming
/// `file:line` or `file#record-N`, and the rest continue. Files larger than
/// [`SourceOptions::max_file_bytes`] are refused from their size alone. Stdin and files of
/// unknown extension are sniffed ([`sniff_format`](crate::sniff_format)). URLs go through
/// `fetcher`; for a feed URL, entries with only a summary are replaced by their linked page
/// when [`SourceOptions::follow_feed_links`] is on.
pub fn read_input<'a>(
    input: &'a Input,
    options: &'a SourceOptions,
    fetcher: &'a mut Fetcher,
) -> Documents<'a> {
    match input {
        Input::Path(path) => read_path(path, options),
        Input::Stdin => read_stdin(options),
        Input::Url(url) => read_url(url, options, fetcher),
    }
}

fn single<'a>(result: Result<RawDocument, SourceError>) -> Documents<'a> {
    Box::new(std::iter::once(result))
}

fn failure<'a>(input: &str, reason: impl Into<String>) -> Documents<'a> {
    single(Err(SourceError::new(input, reason)))
}

fn read_path<'a>(path: &Path, options: &SourceOptions) -> Documents<'a> {
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => return failure(&name, format!("cannot read: {error}")),
    };
    if metadata.is_dir() {
        return failure(&name, "is a directory (give it to expand_inputs)");
    }
    let limit = options.max_file_bytes;
    if metadata.len() > limit {
        return failure(
            &name,
            format!("file too large: {} bytes (limit {limit})", metadata.len()),
        );
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return failure(&name, format!("cannot open: {error}")),
    };
    // The cap guards against files that grow, and special files that report no size.
    let capped = file.take(limit.saturating_add(1));
    let (format, gzipped, stem) = named_format(path);
    match format {
        Some(NamedFormat::Jsonl) => {
            if gzipped {
                let reader = BufReader::new(MultiGzDecoder::new(BufReader::new(capped)));
                return Box::new(JsonlRecords::new(reader, name, limit, true));
            }
            return Box::new(JsonlRecords::new(
                BufReader::new(capped),
                name,
                limit,
                false,
            ));
        }
        Some(NamedFormat::Warc) => {
            if gzipped {
                let reader = BufReader::new(MultiGzDecoder::new(BufReader::new(capped)));
                return Box::new(WarcRecords::new(reader, name, limit, true));
            }
            return Box::new(WarcRecords::new(BufReader::new(capped), name, limit, false));
        }
        _ => {}
    }
    let bytes = match read_capped(capped, limit) {
        Ok(bytes) => bytes,
        Err(reason) => return failure(&name, reason),
    };
    let bytes = if gzipped {
        match gunzip(&bytes, limit) {
            Ok(bytes) => bytes,
            Err(reason) => return failure(&name, reason),
        }
    } else {
        bytes
    };
    let id = Some(ArticleId::new(stem));
    match format {
        Some(NamedFormat::Text) => single(
            text_document(&bytes, &name, id).map_err(|reason| SourceError::new(&name, reason)),
        ),
        Some(NamedFormat::Html) => single(
            html_document(&bytes, &name, id, None, Metadata::default())
                .map_err(|reason| SourceError::new(&name, reason)),
        ),
        Some(NamedFormat::Feed) => feed_documents(&bytes, name, None, None),
        Some(NamedFormat::Xml) => match sniff_format(&bytes) {
            SniffedFormat::Feed => feed_documents(&bytes, name, None, None),
            SniffedFormat::Html => single(
                html_document(&bytes, &name, id, None, Metadata::default())
                    .map_err(|reason| SourceError::new(&name, reason)),
            ),
            _ => failure(
                &name,
                "XML file is neither an RSS/Atom feed nor an HTML page",
            ),
        },
        _ => read_sniffed(bytes, name, id, options),
    }
}

/// Reads everything from `reader`, refusing more than `limit` bytes.
fn read_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| format!("read error: {error}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("larger than the limit of {limit} bytes"));
    }
    Ok(bytes)
}

fn read_stdin<'a>(options: &SourceOptions) -> Documents<'a> {
    match read_capped(std::io::stdin().lock(), options.max_file_bytes) {
        Ok(bytes) => read_sniffed(bytes, "stdin".to_string(), None, options),
        Err(reason) => failure("stdin", reason),
    }
}

/// Reads content whose format is not known from a name: gzip is undone once, then the
/// content is sniffed.
fn read_sniffed<'a>(
    bytes: Vec<u8>,
    name: String,
    id: Option<ArticleId>,
    options: &SourceOptions,
) -> Documents<'a> {
    let limit = options.max_file_bytes;
    let (bytes, compressed) = if sniff_format(&bytes) == SniffedFormat::Gzip {
        match gunzip(&bytes, limit) {
            Ok(inflated) => (inflated, true),
            Err(reason) => return failure(&name, reason),
        }
    } else {
        (bytes, false)
    };
    match sniff_format(&bytes) {
        SniffedFormat::Jsonl => Box::new(JsonlRecords::new(
            Cursor::new(bytes),
            name,
            limit,
            compressed,
        )),
        SniffedFormat::Warc => Box::new(WarcRecords::new(
            Cursor::new(bytes),
            name,
            limit,
            compressed,
        )),
        SniffedFormat::Feed => feed_documents(&bytes, name, None, None),
        SniffedFormat::Html => single(
            html_document(&bytes, &name, id, None, Metadata::default())
                .map_err(|reason| SourceError::new(&name, reason)),
        ),
        SniffedFormat::Text => single(
            text_document(&bytes, &name, id).map_err(|reason| SourceError::new(&name, reason)),
        ),
        SniffedFormat::Gzip => failure(&name, "binary file, not text (gzip inside gzip)"),
    }
}

fn feed_documents<'a>(
    bytes: &[u8],
    name: String,
    base_url: Option<&str>,
    fetcher: Option<&'a mut Fetcher>,
) -> Documents<'a> {
    match parse_feed(bytes, base_url) {
        Ok(feed) => Box::new(FeedEntries::new(feed, name, fetcher)),
        Err(reason) => failure(&name, reason),
    }
}

/// What a fetched response holds, by its `Content-Type` (sniffed when absent or generic).
enum PageKind {
    Html,
    Feed,
    Text,
}

fn page_kind(page: &FetchedPage) -> Result<PageKind, String> {
    let content_type = page.content_type.as_deref().unwrap_or_default();
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(PageKind::Html),
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => {
            Ok(PageKind::Feed)
        }
        "text/plain" => Ok(PageKind::Text),
        "" | "application/octet-stream" | "application/xml" | "text/xml" => {
            match sniff_format(&page.body) {
                SniffedFormat::Feed => Ok(PageKind::Feed),
                SniffedFormat::Html => Ok(PageKind::Html),
                SniffedFormat::Text if essence.is_empty() => Ok(PageKind::Text),
                _ => Err(format!(
                    "unsupported content ({content_type:?} that is neither HTML, a feed nor text)"
                )),
            }
        }
        _ => Err(format!("unsupported content type {content_type:?}")),
    }
}

/// A fetched page as one document: HTML or plain text, with the final URL as metadata.url.
pub(crate) fn page_document(page: &FetchedPage, origin: &str) -> Result<RawDocument, String> {
    let charset = page.content_type.as_deref().and_then(charset_parameter);
    let metadata = Metadata {
        url: Some(page.url.clone()),
        ..Metadata::default()
    };
    match page_kind(page)? {
        PageKind::Html => html_document(&page.body, origin, None, charset, metadata),
        PageKind::Text => {
            let text = decode_text(&page.body, charset);
            if text.trim().is_empty() {
                return Err("empty response".to_string());
            }
            Ok(RawDocument {
                id: None,
                origin: origin.to_string(),
                format: InputFormat::Text,
                metadata,
                body: Body::Text(text),
            })
        }
        PageKind::Feed => Err("a feed, where a page was expected".to_string()),
    }
}

fn read_url<'a>(url: &str, options: &SourceOptions, fetcher: &'a mut Fetcher) -> Documents<'a> {
    let page = match fetcher.fetch(url) {
        Ok(page) => page,
        Err(error) => return single(Err(error)),
    };
    match page_kind(&page) {
        Ok(PageKind::Feed) => {
            let follow = options.follow_feed_links.then_some(fetcher);
            feed_documents(&page.body, url.to_string(), Some(&page.url), follow)
        }
        Ok(_) => single(page_document(&page, url).map_err(|reason| SourceError::new(url, reason))),
        Err(reason) => failure(url, reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_format_gzip_and_stem() {
        let (format, gzipped, stem) = named_format(Path::new("dir/000_fac79099058b545d.txt"));
        assert_eq!(
            (format, gzipped, stem.as_str()),
            (Some(NamedFormat::Text), false, "000_fac79099058b545d")
        );
        let (format, gzipped, stem) = named_format(Path::new("Page.One.HTML.gz"));
        assert_eq!(
            (format, gzipped, stem.as_str()),
            (Some(NamedFormat::Html), true, "Page.One")
        );
        assert_eq!(named_format(Path::new("notes.docx")).0, None);
        assert_eq!(named_format(Path::new(".hidden")).0, None);
    }
}
