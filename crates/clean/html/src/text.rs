//! Lays the extracted text out as the model wants it: one paragraph per block, separated by a
//! blank line, list items as `- item` lines kept together.

use std::collections::HashSet;

use dom_query::Document;

use crate::metadata::squash;

/// Lays out the extractor's text (one block per line) using its cleaned HTML to tell list
/// items from paragraphs.
pub(crate) fn layout(content_text: &str, content_html: Option<&str>) -> String {
    let list_items: HashSet<String> = content_html
        .map(|html| {
            let fragment = Document::fragment(html);
            fragment
                .select("li")
                .iter()
                .map(|item| squash(&item.text()))
                .filter(|text| !text.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let mut out = String::with_capacity(content_text.len() + 64);
    let mut previous_was_item = false;
    for line in content_text.lines() {
        let line = squash(line);
        if line.is_empty() {
            continue;
        }
        let is_item = list_items.contains(&line);
        if !out.is_empty() {
            out.push_str(if is_item && previous_was_item {
                "\n"
            } else {
                "\n\n"
            });
        }
        if is_item {
            out.push_str("- ");
        }
        out.push_str(&line);
        previous_was_item = is_item;
    }
    out
}

/// Drops a first paragraph that only repeats the headline.
pub(crate) fn remove_title_line(text: &str, title: Option<&str>) -> String {
    let Some(title) = title.map(squash).filter(|title| !title.is_empty()) else {
        return text.to_owned();
    };
    match text.split_once("\n\n") {
        Some((first, rest)) if squash(first).eq_ignore_ascii_case(&title) => rest.to_owned(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_paragraphs_and_list_items() {
        let html = "<div><p>First   para.</p><ul><li>one</li><li>two</li></ul><p>Last.</p></div>";
        let text = "First   para.\none\ntwo\n\nLast.\n";
        assert_eq!(
            layout(text, Some(html)),
            "First para.\n\n- one\n- two\n\nLast."
        );
        assert_eq!(layout(text, None), "First para.\n\none\n\ntwo\n\nLast.");
    }

    #[test]
    fn drops_a_repeated_headline() {
        assert_eq!(
            remove_title_line("Talks end\n\nBody.", Some("Talks  end")),
            "Body."
        );
        assert_eq!(
            remove_title_line("Body.\n\nMore.", Some("Talks end")),
            "Body.\n\nMore."
        );
    }
}
