//! WARC files: HTML responses become documents, everything else is skipped.
//!
//! A small streaming parser: the format is a version line, `Name: value` headers, a blank
//! line, `Content-Length` bytes of block, and two line ends. Records are read one at a time,
//! so memory stays bounded by the largest record, not the file.

use std::io::{BufRead, Read};

use corroborate_model::{Metadata, RawDocument};

use crate::SourceError;
use crate::charset::charset_parameter;
use crate::html::{gunzip, html_document};
use crate::jsonl::{LineRead, read_line_capped};

/// The longest header line accepted (WARC or HTTP).
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// The most header lines in one block.
const MAX_HEADER_LINES: usize = 512;

/// Streams the HTML responses of a WARC input.
pub(crate) struct WarcRecords<R> {
    reader: R,
    name: String,
    record_number: usize,
    max_record_bytes: u64,
    compressed: bool,
    finished: bool,
}

impl<R: BufRead> WarcRecords<R> {
    /// Records of `reader`, named `name` in origins; records larger than `max_record_bytes`
    /// are skipped with an error.
    pub(crate) fn new(reader: R, name: String, max_record_bytes: u64, compressed: bool) -> Self {
        Self {
            reader,
            name,
            record_number: 0,
            max_record_bytes,
            compressed,
            finished: false,
        }
    }

    fn error(&self, reason: impl Into<String>) -> SourceError {
        SourceError::new(
            format!("{}#record-{}", self.name, self.record_number),
            reason,
        )
    }

    fn io_reason(&self, error: &std::io::Error) -> String {
        if self.compressed {
            format!("truncated or corrupt gzip: {error}")
        } else {
            format!("read error: {error}")
        }
    }

    /// Reads the next record. An `Err` means the framing is lost and reading stops.
    fn next_record(&mut self) -> Result<Step, SourceError> {
        let version = loop {
            match read_line_capped(&mut self.reader, MAX_HEADER_LINE) {
                Ok(LineRead::End) => return Ok(Step::End),
                Ok(LineRead::Line(line)) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(LineRead::Line(line)) => break line,
                Ok(LineRead::TooLong) => {
                    self.record_number += 1;
                    return Err(self.error("expected a WARC version line, found a huge line"));
                }
                Err(error) => {
                    self.record_number += 1;
                    return Err(self.error(self.io_reason(&error)));
                }
            }
        };
        self.record_number += 1;
        if !version.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&version[..version.len().min(40)]).into_owned();
            return Err(self.error(format!("expected a WARC version line, found {shown:?}")));
        }
        let headers = read_headers(&mut self.reader).map_err(|reason| match reason {
            HeaderError::Io(error) => self.error(self.io_reason(&error)),
            HeaderError::Malformed(reason) => self.error(reason),
        })?;
        let length = header(&headers, "content-length")
            .and_then(|value| value.trim().parse::<u64>().ok())
            .ok_or_else(|| self.error("missing or invalid Content-Length"))?;
        let record_type = header(&headers, "warc-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let content_type = header(&headers, "content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        // A `response` holds an HTTP message; a `resource` (browser-based crawlers) holds the
        // page itself.
        let holds_http = record_type == "response" && content_type.starts_with("application/http");
        let holds_page = record_type == "resource" && content_type.contains("html");
        let wanted = holds_http || holds_page;
        if !wanted || length > self.max_record_bytes {
            let skipped =
                std::io::copy(&mut self.reader.by_ref().take(length), &mut std::io::sink())
                    .map_err(|error| self.error(self.io_reason(&error)))?;
            if skipped < length {
                return Err(self.error(format!("truncated record: {skipped} of {length} bytes")));
            }
            if wanted {
                let reason = format!(
                    "record larger than {} bytes, skipped",
                    self.max_record_bytes
                );
                return Ok(Step::Failed(self.error(reason)));
            }
            return Ok(Step::Skipped);
        }
        let mut block = Vec::new();
        self.reader
            .by_ref()
            .take(length)
            .read_to_end(&mut block)
            .map_err(|error| self.error(self.io_reason(&error)))?;
        if (block.len() as u64) < length {
            return Err(self.error(format!(
                "truncated record: {} of {length} bytes",
                block.len()
            )));
        }
        let target = header(&headers, "warc-target-uri")
            .map(|uri| {
                uri.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
            .filter(|uri| !uri.is_empty());
        let origin = format!("{}#record-{}", self.name, self.record_number);
        if holds_page {
            let metadata = Metadata {
                url: target,
                ..Metadata::default()
            };
            let charset = charset_parameter(&content_type);
            return Ok(
                match html_document(&block, &origin, None, charset, metadata) {
                    Ok(document) => Step::Document(document),
                    Err(reason) => Step::Failed(self.error(reason)),
                },
            );
        }
        Ok(
            match http_response_document(&block, &origin, target, self.max_record_bytes) {
                Ok(Some(document)) => Step::Document(document),
                Ok(None) => Step::Skipped,
                Err(reason) => Step::Failed(self.error(reason)),
            },
        )
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Result<RawDocument, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            match self.next_record() {
                Ok(Step::End) => self.finished = true,
                Ok(Step::Skipped) => continue,
                Ok(Step::Document(document)) => return Some(Ok(document)),
                Ok(Step::Failed(error)) => return Some(Err(error)),
                Err(error) => {
                    // Framing is lost after a bad header or short read: stop.
                    self.finished = true;
                    return Some(Err(error));
                }
            }
        }
        None
    }
}

/// What reading one record gave.
enum Step {
    /// No more records.
    End,
    /// A record that is not an HTML response.
    Skipped,
    /// An HTML response.
    Document(RawDocument),
    /// A well-framed record that could not be used; the next one can still be read.
    Failed(SourceError),
}

enum HeaderError {
    Io(std::io::Error),
    Malformed(String),
}

/// Reads `Name: value` lines up to a blank line; continuation lines join the previous value.
/// Names are lowercased.
fn read_headers(reader: &mut impl BufRead) -> Result<Vec<(String, String)>, HeaderError> {
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let line = match read_line_capped(reader, MAX_HEADER_LINE).map_err(HeaderError::Io)? {
            LineRead::End => {
                return Err(HeaderError::Malformed(
                    "truncated record: headers end early".into(),
                ));
            }
            LineRead::TooLong => return Err(HeaderError::Malformed("header line too long".into())),
            LineRead::Line(line) => line,
        };
        if line.is_empty() {
            return Ok(headers);
        }
        if headers.len() >= MAX_HEADER_LINES {
            return Err(HeaderError::Malformed("too many header lines".into()));
        }
        let line = String::from_utf8_lossy(&line).into_owned();
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        match line.split_once(':') {
            Some((name, value)) => {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()))
            }
            None => {
                return Err(HeaderError::Malformed(format!(
                    "malformed header line {line:?}"
                )));
            }
        }
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// Turns an HTTP response block into a document when it is a 200 with an HTML content type;
/// `Ok(None)` for other responses.
fn http_response_document(
    block: &[u8],
    origin: &str,
    target: Option<String>,
    max_bytes: u64,
) -> Result<Option<RawDocument>, String> {
    let mut reader = block;
    let status_line =
        match read_line_capped(&mut reader, MAX_HEADER_LINE).map_err(|error| error.to_string())? {
            LineRead::Line(line) => String::from_utf8_lossy(&line).into_owned(),
            _ => return Err("empty HTTP response".to_string()),
        };
    let mut parts = status_line.split_whitespace();
    let protocol = parts.next().unwrap_or_default();
    if !protocol.starts_with("HTTP/") {
        return Err(format!(
            "not an HTTP response: {:?}",
            status_line.chars().take(40).collect::<String>()
        ));
    }
    let status = parts.next().and_then(|code| code.parse::<u16>().ok());
    let headers = read_headers(&mut reader).map_err(|error| match error {
        HeaderError::Io(error) => error.to_string(),
        HeaderError::Malformed(reason) => format!("HTTP {reason}"),
    })?;
    let content_type = header(&headers, "content-type").unwrap_or_default();
    let lowered_type = content_type.to_ascii_lowercase();
    if status != Some(200) || !(lowered_type.contains("html")) {
        return Ok(None);
    }
    let mut payload = reader.to_vec();
    if header(&headers, "transfer-encoding")
        .is_some_and(|value| value.to_ascii_lowercase().contains("chunked"))
    {
        if let Some(joined) = dechunk(&payload) {
            payload = joined;
        }
    }
    if header(&headers, "content-encoding")
        .is_some_and(|value| value.to_ascii_lowercase().contains("gzip"))
        && payload.starts_with(&[0x1f, 0x8b])
    {
        payload = gunzip(&payload, max_bytes)?;
    }
    let metadata = Metadata {
        url: target,
        ..Metadata::default()
    };
    html_document(
        &payload,
        origin,
        None,
        charset_parameter(content_type),
        metadata,
    )
    .map(Some)
}

/// Joins a chunked transfer-encoded body; `None` when it is not well-formed chunking (many
/// crawlers store the payload already joined but keep the header).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut joined = Vec::with_capacity(body.len());
    loop {
        let line_end = body.iter().position(|&byte| byte == b'\n')?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(joined);
        }
        joined.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks_well_formed_bodies_and_refuses_others() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
    }
}
