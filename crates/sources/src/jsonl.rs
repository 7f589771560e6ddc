//! JSON Lines: one article per line.

use std::io::{BufRead, Read};

use corroborate_model::{ArticleId, Body, InputFormat, Metadata, RawDocument, dates};
use serde::Deserialize;
use serde_json::Value;

use crate::SourceError;
use crate::text::normalise_language;

/// The fields a JSONL article may carry; others are ignored.
#[derive(Deserialize)]
struct JsonRecord {
    id: Option<Value>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    source: Option<String>,
    #[serde(alias = "date")]
    published: Option<String>,
    authors: Option<Value>,
    author: Option<Value>,
    language: Option<String>,
}

/// Streams the articles of a JSONL input, one line at a time; a bad line is an error naming
/// `name:LINE` and the reading goes on.
pub(crate) struct JsonlRecords<R> {
    reader: R,
    name: String,
    line_number: usize,
    max_line_bytes: u64,
    compressed: bool,
    finished: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    /// Records of `reader`, named `name` in origins; lines longer than `max_line_bytes` are
    /// refused.
    pub(crate) fn new(reader: R, name: String, max_line_bytes: u64, compressed: bool) -> Self {
        Self {
            reader,
            name,
            line_number: 0,
            max_line_bytes,
            compressed,
            finished: false,
        }
    }

    fn origin(&self) -> String {
        format!("{}:{}", self.name, self.line_number)
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<RawDocument, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            self.line_number += 1;
            let line = match read_line_capped(&mut self.reader, self.max_line_bytes) {
                Ok(LineRead::End) => {
                    self.finished = true;
                    return None;
                }
                Ok(LineRead::Line(line)) => line,
                Ok(LineRead::TooLong) => {
                    let reason = format!("line longer than {} bytes", self.max_line_bytes);
                    return Some(Err(SourceError::new(self.origin(), reason)));
                }
                Err(error) => {
                    // A read error (corrupt gzip, I/O) leaves no reliable place to resume.
                    self.finished = true;
                    let reason = if self.compressed {
                        format!("truncated or corrupt gzip: {error}")
                    } else {
                        format!("read error: {error}")
                    };
                    return Some(Err(SourceError::new(self.origin(), reason)));
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let origin = self.origin();
            return Some(
                record_document(&line, &origin).map_err(|reason| SourceError::new(origin, reason)),
            );
        }
        None
    }
}

/// One line as read by [`read_line_capped`].
pub(crate) enum LineRead {
    /// A line, without its line ending.
    Line(Vec<u8>),
    /// A line over the limit, skipped up to its end.
    TooLong,
    /// End of input.
    End,
}

/// Reads one line of at most `max_bytes` bytes; a longer one is skipped to its end so the
/// next line can still be read.
pub(crate) fn read_line_capped(
    reader: &mut impl BufRead,
    max_bytes: u64,
) -> std::io::Result<LineRead> {
    let mut line = Vec::new();
    let read = reader
        .by_ref()
        .take(max_bytes.saturating_add(1))
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(LineRead::End);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    } else if line.len() as u64 > max_bytes {
        reader.skip_until(b'\n')?;
        return Ok(LineRead::TooLong);
    }
    Ok(LineRead::Line(line))
}

fn record_document(line: &[u8], origin: &str) -> Result<RawDocument, String> {
    let record: JsonRecord =
        serde_json::from_slice(line).map_err(|error| format!("invalid JSON record: {error}"))?;
    let body = match (non_empty(record.text), non_empty(record.html)) {
        // Given text is taken as already extracted; HTML only when no text is given.
        (Some(text), _) => Body::Text(text),
        (None, Some(html)) => Body::Html(html),
        (None, None) => return Err("record has neither \"text\" nor \"html\"".to_string()),
    };
    let mut authors = record.authors.as_ref().map(names).unwrap_or_default();
    if authors.is_empty() {
        authors = record.author.as_ref().map(names).unwrap_or_default();
    }
    let id = match record.id {
        Some(Value::String(id)) if !id.trim().is_empty() => Some(ArticleId::new(id.trim())),
        Some(Value::Number(number)) => Some(ArticleId::new(number.to_string())),
        _ => None,
    };
    let metadata = Metadata {
        title: non_empty(record.title),
        authors,
        published: non_empty(record.published).and_then(|text| dates::parse_any(&text)),
        source: non_empty(record.source),
        url: non_empty(record.url),
        language: non_empty(record.language).and_then(|text| normalise_language(&text)),
    };
    Ok(RawDocument {
        id,
        origin: origin.to_string(),
        format: InputFormat::Jsonl,
        metadata,
        body,
    })
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
}

/// A name or a list of names (strings, or objects with a `name`).
fn names(value: &Value) -> Vec<String> {
    let one = |value: &Value| match value {
        Value::String(name) => non_empty(Some(name.clone())),
        Value::Object(fields) => fields
            .get("name")
            .and_then(Value::as_str)
            .and_then(|name| non_empty(Some(name.to_string()))),
        _ => None,
    };
    match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}
