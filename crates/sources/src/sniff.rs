//! Content sniffing for stdin and files of unknown extension.

/// What a byte buffer looks like, judged from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SniffedFormat {
    /// Gzip-compressed: decompress, then sniff again.
    Gzip,
    /// JSON Lines: the first non-blank line starts with `{`.
    Jsonl,
    /// A WARC file: starts with `WARC/1.`.
    Warc,
    /// An RSS, RDF or Atom feed.
    Feed,
    /// An HTML (or XHTML) page.
    Html,
    /// Anything else: plain text.
    Text,
}

/// How far into the content the markup checks look.
const SNIFF_WINDOW: usize = 2048;

/// Tells the format of `bytes` from its start: gzip magic, `WARC/1.`, a `{` line (JSONL),
/// an XML prolog or markup naming `<rss`, `<feed` or `<rdf:RDF` (feed), other markup (HTML),
/// else text. A UTF-8 byte order mark and leading whitespace are skipped.
pub fn sniff_format(bytes: &[u8]) -> SniffedFormat {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return SniffedFormat::Gzip;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let content = &bytes[start..];
    if content.starts_with(b"WARC/1.") || content.starts_with(b"WARC/0.") {
        return SniffedFormat::Warc;
    }
    if content.starts_with(b"{") {
        return SniffedFormat::Jsonl;
    }
    if content.starts_with(b"<") {
        let window = &content[..content.len().min(SNIFF_WINDOW)];
        let lowered = window.to_ascii_lowercase();
        let has = |needle: &[u8]| lowered.windows(needle.len()).any(|part| part == needle);
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return SniffedFormat::Feed;
        }
        return SniffedFormat::Html;
    }
    SniffedFormat::Text
}

/// How much of the start of a file is looked at to tell binary from text.
const BINARY_SNIFF_BYTES: usize = 8192;

/// The first [`BINARY_SNIFF_BYTES`] of `bytes` and how many of them are control characters
/// that text does not use (NUL included; tab, line breaks and form feed are text).
fn control_bytes(bytes: &[u8]) -> (&[u8], usize) {
    let window = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    let controls = window
        .iter()
        .filter(|&&byte| {
            (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c)) || byte == 0x7f
        })
        .count();
    (window, controls)
}

/// True when the bytes look like a binary file rather than text: a NUL byte, or more than
/// one in ten bytes a control character that text does not use, in the first 8 KB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let (window, controls) = control_bytes(bytes);
    window.contains(&0) || controls * 10 > window.len()
}

/// True when bytes sent as an HTML page are binary (an image, an archive, random bytes):
/// more than one in twenty of the first 8 KB a NUL or a control character. Laxer than
/// [`looks_binary`] because real pages do carry the odd stray NUL, which parsers drop.
pub(crate) fn looks_binary_markup(bytes: &[u8]) -> bool {
    let (window, controls) = control_bytes(bytes);
    controls * 20 > window.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_detection_spares_text_with_tabs() {
        assert!(!looks_binary("a\tb\r\nc — ü".as_bytes()));
        assert!(looks_binary(b"ab\0cd"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, b'a']));
    }

    #[test]
    fn markup_with_a_stray_nul_is_not_binary() {
        let mut page = b"<html><body><p>".to_vec();
        page.extend_from_slice(&[b'a'; 200]);
        page.push(0);
        page.extend_from_slice(b"</p></body></html>");
        assert!(!looks_binary_markup(&page));
        let noise: Vec<u8> = (0..4096_u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(looks_binary_markup(&noise));
    }
}
