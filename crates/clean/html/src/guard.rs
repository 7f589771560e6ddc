//! Cheap checks run before any parsing, so hostile input is refused in linear time.

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

/// The deepest element nesting that the tags of `html` open, by a single pass over the bytes
/// (no tree is built). Comments, doctype and raw-text bodies are skipped; void elements,
/// self-closed tags and elements with optional end tags do not count.
pub(crate) fn max_nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
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
            at = skip_raw_text(bytes, name, tag_end);
            continue;
        }
        if self_closed || VOID_ELEMENTS.contains(&name) || IMPLICITLY_CLOSED.contains(&name) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
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

/// The index just past `</name ...>` after `from`, or the end of input.
fn skip_raw_text(bytes: &[u8], name: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(offset) = find(bytes, b"</", at) {
        let name_start = offset + 2;
        let matches = bytes
            .get(name_start..name_start + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        if matches {
            return tag_end(bytes, name_start + name.len());
        }
        at = offset + 2;
    }
    bytes.len()
}

fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(needle, bytes.get(from..)?).map(|offset| from + offset)
}

fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|offset| from + offset)
}

#[cfg(test)]
mod tests {
    use super::max_nesting_depth;

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
}
