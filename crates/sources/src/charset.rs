//! Character-set detection and decoding of web pages.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a `<meta charset>` declaration is looked for (the HTML standard's
/// prescan window is 1024 bytes; real pages put long `<head>` scripts first, so 4 KB).
const META_PRESCAN_BYTES: usize = 4096;

/// Decodes the bytes of an HTML page to UTF-8.
///
/// The encoding is the first found of: a byte order mark; the HTTP `Content-Type` charset
/// (`http_charset`, a bare label like `"windows-1251"`); a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` declaration in the first 4 KB; chardetng's guess from
/// the content. A declared UTF-8 that the bytes contradict falls back to the guess, since
/// mislabelled pages are common. Malformed sequences become U+FFFD; this never fails.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().trim_matches('"').as_bytes()))
        .or_else(|| meta_charset(bytes))
        .map(html_usable);
    let encoding = match declared {
        Some(encoding) if encoding == UTF_8 && std::str::from_utf8(bytes).is_err() => {
            guess_legacy(bytes)
        }
        Some(encoding) => encoding,
        None => guess(bytes),
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Decodes plain text given an optional declared charset: the BOM, then the label, then
/// UTF-8 when valid, else chardetng's guess.
pub(crate) fn decode_text(bytes: &[u8], charset: Option<&str>) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_length..])
            .0
            .into_owned();
    }
    let encoding = charset
        .and_then(|label| Encoding::for_label(label.trim().trim_matches('"').as_bytes()))
        .unwrap_or_else(|| guess(bytes));
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The `charset` parameter of a `Content-Type` value, if any.
pub(crate) fn charset_parameter(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|value| !value.is_empty())
    })
}

/// The HTML standard maps a declared UTF-16 (impossible without a BOM in an ASCII-compatible
/// prescan) to UTF-8, and x-user-defined to windows-1252.
fn html_usable(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// chardetng's guess, after a cheap shortcut: bytes that are valid UTF-8 are UTF-8 (a
/// legacy-encoded page with non-ASCII text is practically never valid UTF-8), which spares
/// the detector's full pass on most of today's pages.
fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    guess_legacy(bytes)
}

/// chardetng's guess over the whole content.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

/// Finds a charset declared by a `<meta>` tag in the first bytes: `<meta charset="x">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = bytes[..bytes.len().min(META_PRESCAN_BYTES)].to_ascii_lowercase();
    let mut rest = window.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let tag_start = &rest[start + 5..];
        let tag_end = tag_start
            .iter()
            .position(|&byte| byte == b'>')
            .unwrap_or(tag_start.len());
        let tag = &tag_start[..tag_end];
        if let Some(encoding) = charset_in_tag(tag) {
            return Some(encoding);
        }
        rest = &tag_start[tag_end..];
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut rest = tag;
    while let Some(position) = find(rest, b"charset") {
        let after = &rest[position + 7..];
        let after = trim_start(after);
        if let Some(value) = after.strip_prefix(b"=") {
            let value = trim_start(value);
            let value = value
                .strip_prefix(b"\"")
                .or_else(|| value.strip_prefix(b"'"))
                .unwrap_or(value);
            let end = value
                .iter()
                .position(|&byte| !(byte.is_ascii_alphanumeric() || b"-_:.".contains(&byte)))
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value[..end]) {
                return Some(encoding);
            }
        }
        rest = after;
    }
    None
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_meta_forms_and_content_type_parameters() {
        assert_eq!(
            meta_charset(b"<head><meta charset='koi8-r'>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(
            meta_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">"
            ),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(
            meta_charset(b"<meta name=\"charset-test\"><p>charset=koi8-r</p>"),
            None
        );
        assert_eq!(
            charset_parameter("text/html; Charset=\"UTF-8\""),
            Some("UTF-8")
        );
        assert_eq!(charset_parameter("text/html"), None);
    }

    #[test]
    fn mislabelled_utf8_falls_back_to_the_guess() {
        let latin1 = b"<meta charset=utf-8><p>Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu, \xe9t\xe9 fran\xe7ais</p>";
        assert!(decode_html(latin1, None).contains("Café crème brûlée"));
    }
}
