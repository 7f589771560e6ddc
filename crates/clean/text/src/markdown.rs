//! Markdown to plain text with pulldown-cmark.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Converts Markdown to plain text: headings, emphasis and code markers dropped, links reduced
/// to their text, images and raw HTML removed, list items kept as `- item` (or `1. item`)
/// lines, blocks separated by blank lines. YAML front matter is skipped.
///
/// The result is meant for [`crate::clean_text`], which normalises it further.
///
/// ```
/// use corroborate_text::markdown_to_text;
///
/// let md = "# Talks end\n\nThe **talks** ended, [officials said](https://example.com).\n\n\
///           ![photo](p.jpg)\n\n* one\n* two\n";
/// assert_eq!(markdown_to_text(md), "Talks end\n\nThe talks ended, officials said.\n\n- one\n- two");
/// ```
pub fn markdown_to_text(md: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = String::with_capacity(md.len());
    // Per open list: the next number of an ordered list, None for a bullet list.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Inside an image or metadata block nothing is content.
    let mut hidden_depth = 0usize;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Image { .. } | Tag::MetadataBlock(_)) => hidden_depth += 1,
            Event::End(TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                hidden_depth = hidden_depth.saturating_sub(1);
            }
            _ if hidden_depth > 0 => {}
            Event::Start(Tag::List(first)) => {
                line_break(&mut out);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    block_break(&mut out);
                } else {
                    line_break(&mut out);
                }
            }
            Event::Start(Tag::Item) => {
                line_break(&mut out);
                match lists.last_mut() {
                    Some(Some(number)) => {
                        out.push_str(&format!("{number}. "));
                        *number += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => line_break(&mut out),
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => {
                if lists.is_empty() {
                    block_break(&mut out);
                } else {
                    line_break(&mut out);
                }
            }
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                out.push_str(&text);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => block_break(&mut out),
            _ => {}
        }
    }
    let tidy: Vec<&str> = out
        .split('\n')
        .map(|line| line.trim_end().trim_end_matches(" |").trim_end())
        .collect();
    tidy.join("\n").trim().to_owned()
}

/// Ends the current line unless already at a line start.
fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Ends the current block with a blank line unless one is already there.
fn block_break(out: &mut String) {
    if out.is_empty() {
        return;
    }
    line_break(out);
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_emphasis_and_links() {
        let md = "## Russia and Ukraine meet\n\nTalks *resumed* in __Istanbul__ \
                  ([map](https://maps.example/ist)).\nThey lasted an hour.";
        assert_eq!(
            markdown_to_text(md),
            "Russia and Ukraine meet\n\nTalks resumed in Istanbul (map). They lasted an hour."
        );
    }

    #[test]
    fn images_and_html_are_removed() {
        let md = "Before.\n\n![Delegations at the palace](img/palace.jpg)\n\n<div class=\"ad\">x</div>\n\nAfter <b>bold</b>.";
        assert_eq!(markdown_to_text(md), "Before.\n\nAfter bold.");
    }

    #[test]
    fn ordered_and_loose_lists() {
        let md = "Demands:\n\n3. Withdraw troops.\n\n4. Lift martial law.\n\nEnd.";
        assert_eq!(
            markdown_to_text(md),
            "Demands:\n\n3. Withdraw troops.\n4. Lift martial law.\n\nEnd."
        );
    }

    #[test]
    fn front_matter_and_code() {
        let md = "---\ntitle: Talks\n---\n\nUse `git log` here.\n\n```\nline one\nline two\n```\n";
        assert_eq!(
            markdown_to_text(md),
            "Use git log here.\n\nline one\nline two"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let quotes = format!("{}deep", "> ".repeat(50_000));
        assert_eq!(markdown_to_text(&quotes), "deep");
        let lists = format!("{}item", "- ".repeat(20_000));
        assert!(markdown_to_text(&lists).ends_with("item"));
        let brackets = "[".repeat(50_000);
        assert_eq!(markdown_to_text(&brackets), brackets);
    }

    #[test]
    fn tables_become_lines() {
        let md = "| Side | Prisoners |\n|---|---|\n| Russia | 1000 |\n| Ukraine | 1000 |\n";
        assert_eq!(
            markdown_to_text(md),
            "Side | Prisoners\nRussia | 1000\nUkraine | 1000"
        );
    }
}
