//! Cheap checks run before any parsing, so hostile input is refused in linear time, and the
//! parts of a page the parser can skip.

use std::borrow::Cow;

/// Elements that never hold children.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag is optional: the parser closes them implicitly, so counting them
/// would overstate the depth of ordinary pages that leave them open.
const IMPLICITLY_CLOSED: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noscript",
    "plaintext",
];

/// What one pass over a page's bytes finds before any parsing.
pub(crate) struct Prescan {
    /// The deepest element nesting that the tags open (see [`prescan`]).
    pub(crate) depth: usize,
    /// Byte ranges of the bodies of `<script>` and `<style>` elements, JSON data scripts aside
    /// (their type may be written `application/ld&#x2B;json`, so any "json" in the tag keeps
    /// them).
    dropped: Vec<(usize, usize)>,
}

impl Prescan {
    /// `html` without the script and style bodies: what the parser needs. About half the
    /// bytes of a modern page are scripts and styles that the extraction never reads, and
    /// html5ever tokenises every byte of them. JSON-LD is kept for the metadata.
    pub(crate) fn parse_input<'a>(&self, html: &'a str) -> Cow<'a, str> {
        if self.dropped.is_empty() {
            return Cow::Borrowed(html);
        }
        let removed: usize = self.dropped.iter().map(|(start, end)| end - start).sum();
        let mut kept = String::with_capacity(html.len() - removed);
        let mut at = 0;
        for &(start, end) in &self.dropped {
            // Ranges start after a `>` and end before a `<`: both are character boundaries.
            kept.push_str(html.get(at..start).unwrap_or_default());
            at = end;
        }
        kept.push_str(html.get(at..).unwrap_or_default());
        Cow::Owned(kept)
    }
}

/// One pass over the bytes of `html` (no tree is built): the deepest element nesting that its
/// tags open, and the script and style bodies that parsing can skip. Comments, doctype and
/// raw-text bodies are skipped; void elements, self-closed tags and elements with optional end
/// tags do not count.
pub(crate) fn prescan(html: &str) -> Prescan {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    let mut dropped = Vec::new();
    while let Some(offset) = memchr(b'<', bytes, at) {
        at = offset + 1;
        let rest = &bytes[at.min(bytes.len())..];
        if rest.starts_with(b"!--") {
            at = find(bytes, b"-->", at + 3).map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_end = bytes
            .get(name_start..)
            .and_then(|tail| tail.iter().position(|b| !b.is_ascii_alphanumeric()))
            .map_or(bytes.len(), |len| name_start + len);
        if name_end == name_start {
            // "<!doctype", "<?xml", a stray "<": not an element.
            continue;
        }
        // Every name in the lists is under 12 bytes; longer names only need counting.
        let mut lowered = [0u8; 12];
        let raw = bytes.get(name_start..name_end).unwrap_or_default();
        let name = if raw.len() <= lowered.len() {
            for (slot, byte) in lowered.iter_mut().zip(raw) {
                *slot = byte.to_ascii_lowercase();
            }
            std::str::from_utf8(&lowered[..raw.len()]).unwrap_or_default()
        } else {
            ""
        };
        let tag_end = tag_end(bytes, name_end);
        at = tag_end;
        if closing {
            if !IMPLICITLY_CLOSED.contains(&name) && !VOID_ELEMENTS.contains(&name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let self_closed = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
        if RAW_TEXT.contains(&name) {
            let (body_end, after) = skip_raw_text(bytes, name, tag_end);
            let attributes = bytes.get(name_end..tag_end).unwrap_or_default();
            let droppable = name == "style"
                || (name == "script" && find_ignore_case(attributes, b"json").is_none());
            // Left to the parser: an unclosed script (it runs to the end of the page), and one
            // holding "<!--", where the tokenizer's escaped states may carry the script past
            // the first "</script>".
            let body = bytes.get(tag_end..body_end).unwrap_or_default();
            if droppable
                && body_end > tag_end
                && body_end < bytes.len()
                && memchr::memmem::find(body, b"<!--").is_none()
            {
                dropped.push((tag_end, body_end));
            }
            at = after;
            continue;
        }
        if self_closed || VOID_ELEMENTS.contains(&name) || IMPLICITLY_CLOSED.contains(&name) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    Prescan {
        depth: deepest,
        dropped,
    }
}

/// The deepest element nesting that the tags of `html` open (see [`prescan`]).
#[cfg(test)]
fn max_nesting_depth(html: &str) -> usize {
    prescan(html).depth
}

/// The index just past the `>` that ends the tag whose attributes start at `from`, skipping
/// quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|tail| memchr::memchr3(b'>', b'"', b'\'', tail))
    {
        let index = at + offset;
        match bytes.get(index) {
            Some(b'>') => return index + 1,
            Some(&quote) => match memchr(quote, bytes, index + 1) {
                Some(close) => at = close + 1,
                None => return bytes.len(),
            },
            None => return bytes.len(),
        }
    }
    bytes.len()
}

/// Where the raw-text body that starts at `from` ends (the `<` of `</name`) and the index
/// just past that end tag; both the end of input when there is none. The end tag's name must
/// be followed by a space, `/` or `>`, as the tokenizer requires ("</scripts" does not end a
/// script).
fn skip_raw_text(bytes: &[u8], name: &str, from: usize) -> (usize, usize) {
    let mut at = from;
    while let Some(offset) = find(bytes, b"</", at) {
        let name_start = offset + 2;
        let name_end = name_start + name.len();
        let matches = bytes
            .get(name_start..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(name_end)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
        if matches {
            return (offset, tag_end(bytes, name_end));
        }
        at = offset + 2;
    }
    (bytes.len(), bytes.len())
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(needle, bytes.get(from..)?).map(|offset| from + offset)
}

fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|offset| from + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_only() {
        assert_eq!(
            max_nesting_depth("<html><body><div><span>x</span></div></body></html>"),
            4
        );
        // Void, self-closed and optional-end elements do not deepen the tree.
        assert_eq!(
            max_nesting_depth("<div><p>a<p>b<br><img src=x/><li>c</div>"),
            1
        );
        // Tags inside scripts and comments are text.
        assert_eq!(
            max_nesting_depth("<div><script>'<div><div><div>'</script><!-- <div><div> --></div>"),
            1
        );
        assert_eq!(max_nesting_depth(&"<div>".repeat(10_000)), 10_000);
        assert_eq!(max_nesting_depth("a < b and <"), 0);
        assert_eq!(max_nesting_depth("<div title='a>b'><b>x</b></div>"), 2);
    }

    #[test]
    fn script_and_style_bodies_are_left_out_of_the_parse_input() {
        let page = concat!(
            "<html><head><style>p{color:red}</style>",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>",
            "<SCRIPT>var a = '<div>';</SCRIPT ></head>",
            "<script type=\"application/ld&#x2B;json\">{}</script>",
            "<body><p title='<script>'>Text</p><script>x</scripts>y</script>",
            "<script><!-- document.write('<script>z</script>') --></script>",
            "<!-- <script> --><p>After</p><script>unclosed"
        );
        assert_eq!(
            prescan(page).parse_input(page),
            concat!(
                "<html><head><style></style>",
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>",
                "<SCRIPT></SCRIPT ></head>",
                "<script type=\"application/ld&#x2B;json\">{}</script>",
                "<body><p title='<script>'>Text</p><script></script>",
                "<script><!-- document.write('<script>z</script>') --></script>",
                "<!-- <script> --><p>After</p><script>unclosed"
            )
        );
        let plain = "<p>No scripts</p>";
        assert!(matches!(
            prescan(plain).parse_input(plain),
            Cow::Borrowed(_)
        ));
    }
}
