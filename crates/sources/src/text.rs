//! Plain text and Markdown files, with optional YAML front matter.

use corroborate_model::{ArticleId, Body, InputFormat, Metadata, RawDocument, dates};
use serde_norway::Value;

use crate::sniff::looks_binary;

/// Checks that `bytes` are non-empty UTF-8 text and returns them as a string without BOM.
/// The error is the reason only; the caller names the input.
pub(crate) fn text_from_bytes(bytes: &[u8]) -> Result<&str, String> {
    if looks_binary(bytes) {
        return Err("binary file, not text".to_string());
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|error| format!("not valid UTF-8 (byte offset {})", error.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(text)
}

/// Reads a text or Markdown document: front matter (if any) becomes metadata and may set the
/// id; the rest is the body, kept as is (Markdown conversion is the pipeline's business).
pub(crate) fn text_document(
    bytes: &[u8],
    origin: &str,
    default_id: Option<ArticleId>,
) -> Result<RawDocument, String> {
    let text = text_from_bytes(bytes)?;
    let (front_matter, body) = split_front_matter(text);
    let mut metadata = Metadata::default();
    let mut id = default_id;
    if let Some(yaml) = front_matter {
        let fields = parse_front_matter(yaml)?;
        metadata = fields.metadata;
        if fields.id.is_some() {
            id = fields.id;
        }
    }
    if body.trim().is_empty() {
        return Err("empty file (no text after the front matter)".to_string());
    }
    Ok(RawDocument {
        id,
        origin: origin.to_string(),
        format: InputFormat::Text,
        metadata,
        body: Body::Text(body.to_string()),
    })
}

/// Splits `---\n<yaml>\n---\n<body>` into the YAML and the body. Without a closing fence
/// (`---` or `...`) there is no front matter: a leading `---` is then a Markdown rule.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(after_open) = text.strip_prefix("---").and_then(strip_line_end) else {
        return (None, text);
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == "---" || content.trim_end() == "..." {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            return (Some(yaml), body);
        }
        offset += line.len();
    }
    (None, text)
}

fn strip_line_end(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// Front-matter fields that matter here.
pub(crate) struct FrontMatter {
    pub(crate) id: Option<ArticleId>,
    pub(crate) metadata: Metadata,
}

fn parse_front_matter(yaml: &str) -> Result<FrontMatter, String> {
    let value: Value =
        serde_norway::from_str(yaml).map_err(|error| format!("bad YAML front matter: {error}"))?;
    let mapping = match value {
        Value::Mapping(mapping) => mapping,
        Value::Null => {
            return Ok(FrontMatter {
                id: None,
                metadata: Metadata::default(),
            });
        }
        _ => return Err("bad YAML front matter: not a `key: value` mapping".to_string()),
    };
    let field = |name: &str| mapping.get(name).and_then(scalar_text);
    let mut authors = mapping.get("authors").map(text_list).unwrap_or_default();
    if authors.is_empty() {
        authors = mapping.get("author").map(text_list).unwrap_or_default();
    }
    let metadata = Metadata {
        title: field("title"),
        authors,
        published: field("published")
            .or_else(|| field("date"))
            .and_then(|text| dates::parse_any(&text)),
        source: field("source"),
        url: field("url"),
        language: field("language").and_then(|text| normalise_language(&text)),
    };
    Ok(FrontMatter {
        id: field("id").map(ArticleId::new),
        metadata,
    })
}

/// A YAML scalar as trimmed text (numbers and booleans spelled out); `None` for empty or
/// non-scalar values.
fn scalar_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.trim().to_string(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Tagged(tagged) => return scalar_text(&tagged.value),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// One name, or a list of names, as a list.
fn text_list(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().filter_map(scalar_text).collect(),
        other => scalar_text(other).into_iter().collect(),
    }
}

/// The primary subtag of a language tag, lowercased (`en-US` → `en`); `None` when it is not
/// two or three ASCII letters.
pub(crate) fn normalise_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    let valid =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    valid.then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_without_closing_fence_is_not_front_matter() {
        let (yaml, body) = split_front_matter("---\nJust a rule above.\n");
        assert_eq!(yaml, None);
        assert_eq!(body, "---\nJust a rule above.\n");
    }

    #[test]
    fn front_matter_splits_on_crlf_too() {
        let (yaml, body) = split_front_matter("---\r\ntitle: A\r\n---\r\nBody\r\n");
        assert_eq!(yaml, Some("title: A\r\n"));
        assert_eq!(body, "Body\r\n");
    }

    #[test]
    fn language_tags_reduce_to_primary_subtag() {
        assert_eq!(normalise_language("en-US").as_deref(), Some("en"));
        assert_eq!(normalise_language("TR").as_deref(), Some("tr"));
        assert_eq!(normalise_language("english"), None);
    }
}
