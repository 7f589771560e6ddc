//! HTML pages and gzip decompression.

use std::io::Read;

use corroborate_model::{ArticleId, Body, InputFormat, Metadata, RawDocument};
use encoding_rs::Encoding;
use flate2::read::MultiGzDecoder;

use crate::charset::decode_html;
use crate::sniff::looks_binary_markup;

/// Decompresses a whole gzip buffer (all members), refusing output beyond `max_bytes`.
pub(crate) fn gunzip(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, String> {
    let mut output = Vec::new();
    MultiGzDecoder::new(bytes)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut output)
        .map_err(|error| format!("truncated or corrupt gzip: {error}"))?;
    if output.len() as u64 > max_bytes {
        return Err(format!(
            "decompressed content larger than {max_bytes} bytes"
        ));
    }
    Ok(output)
}

/// An HTML page from raw bytes, decoded with [`decode_html`].
pub(crate) fn html_document(
    bytes: &[u8],
    origin: &str,
    id: Option<ArticleId>,
    http_charset: Option<&str>,
    metadata: Metadata,
) -> Result<RawDocument, String> {
    // UTF-16 pages are full of NULs; everything else this binary is not a page.
    if Encoding::for_bom(bytes).is_none() && looks_binary_markup(bytes) {
        return Err("binary file, not HTML".to_string());
    }
    let html = decode_html(bytes, http_charset);
    if html.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(RawDocument {
        id,
        origin: origin.to_string(),
        format: InputFormat::Html,
        metadata,
        body: Body::Html(html),
    })
}
