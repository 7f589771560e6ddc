//! Unicode and whitespace normalisation, and the paragraph structure every other pass reads.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// One line of normalised text with where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line: NFC, single spaces, trimmed, never empty.
    pub(crate) text: String,
    /// Index of the blank-line separated block of the input it came from.
    pub(crate) block: usize,
    /// Whether it is a list item ("- x", "• x", "1. x").
    pub(crate) list_item: bool,
}

/// The lines of a text after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Non-empty lines in input order; hard-wrapped lines are already joined.
    pub(crate) lines: Vec<Line>,
}

/// Normalises text: Unicode NFC, CRLF/CR → LF, non-breaking and other odd spaces → space, runs
/// of spaces collapsed, zero-width, bidi and control characters stripped, hard-wrapped lines
/// rejoined, and paragraphs separated by exactly one blank line.
///
/// Paragraphs are the blank-line separated blocks of the input, or single lines when the input
/// has one paragraph per line (common in scraped text); consecutive list items stay together
/// as lines of one paragraph.
///
/// ```
/// use corroborate_text::normalise;
///
/// let text = "First\u{a0}line  here.\r\nSecond line.\r\n- item one\r\n- item two\u{200b}\r\n";
/// assert_eq!(normalise(text), "First line here.\n\nSecond line.\n\n- item one\n- item two");
/// ```
pub fn normalise(text: &str) -> String {
    render(&layout(text).lines, |_| true)
}

/// Joins the kept lines into paragraphs: each line its own paragraph, except that consecutive
/// list items of one block share a paragraph, one per line.
pub(crate) fn render(lines: &[Line], mut keep: impl FnMut(usize) -> bool) -> String {
    let mut out = String::new();
    let mut previous: Option<(usize, &Line)> = None;
    for (index, line) in lines.iter().enumerate() {
        if !keep(index) {
            continue;
        }
        if let Some((before_index, before)) = previous {
            // Items stay one list only while nothing stood between them.
            let same_list = before.list_item
                && line.list_item
                && before.block == line.block
                && before_index + 1 == index;
            out.push_str(if same_list { "\n" } else { "\n\n" });
        }
        out.push_str(&line.text);
        previous = Some((index, line));
    }
    out
}

/// Splits text into normalised lines with their block structure.
pub(crate) fn layout(text: &str) -> Layout {
    let cleaned = clean_characters(text);
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for raw in cleaned.split('\n') {
        let line = collapse_spaces(raw);
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    let blank_line_paragraphs = blocks.len() > 1;
    let mut lines = Vec::new();
    for (block_index, block) in blocks.into_iter().enumerate() {
        let joined = if blank_line_paragraphs && looks_hard_wrapped(&block) {
            vec![block.join(" ")]
        } else {
            join_continuations(block)
        };
        for text in joined {
            let list_item = is_list_item(&text);
            lines.push(Line {
                text,
                block: block_index,
                list_item,
            });
        }
    }
    Layout { lines }
}

/// NFC, unified line endings, odd spaces → space; drops characters that carry no text.
fn clean_characters(text: &str) -> String {
    // Most text is already NFC: the quick check lets it skip the composing iterator.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        clean_character_stream(text.chars(), text.len())
    } else {
        clean_character_stream(text.nfc(), text.len())
    }
}

/// [`clean_characters`] over an already composed character stream.
fn clean_character_stream(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            '\t'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{b}'
            | '\u{c}' => out.push(' '),
            // Zero-width space, soft hyphen, word joiner, BOM and bidi controls: invisible
            // artefacts of web pages. ZWJ/ZWNJ stay: they change spelling in some scripts.
            '\u{200b}'
            | '\u{ad}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{fffc}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Trims and collapses runs of spaces to one.
fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split(' ').filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a line is a list item: a bullet or a short number followed by a space.
pub(crate) fn is_list_item(line: &str) -> bool {
    list_marker_len(line) > 0
}

/// Byte length of the list marker at the start of `line` including the space after it, 0 if
/// there is none.
pub(crate) fn list_marker_len(line: &str) -> usize {
    let mut chars = line.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    if matches!(
        first,
        '-' | '*' | '+' | '•' | '·' | '–' | '—' | '▪' | '►' | '‣' | '◦' | '●' | '■'
    ) {
        return match chars.next() {
            Some((index, ' ')) => index + 1,
            _ => 0,
        };
    }
    if first.is_ascii_digit() {
        let mut digits = 1;
        for (index, c) in chars {
            if c.is_ascii_digit() {
                digits += 1;
                if digits > 2 {
                    return 0;
                }
            } else if c == '.' || c == ')' {
                return if line.get(index + 1..index + 2) == Some(" ") {
                    index + 2
                } else {
                    0
                };
            } else {
                return 0;
            }
        }
    }
    0
}

/// Ends with sentence punctuation, possibly followed by closing quotes or brackets.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// A block whose lines all look like a paragraph wrapped at a fixed width: several lines of
/// similar, moderate length that mostly do not end a sentence.
fn looks_hard_wrapped(block: &[String]) -> bool {
    let Some((_, body)) = block.split_last() else {
        return false;
    };
    if body.len() < 2 || block.iter().any(|line| is_list_item(line)) {
        return false;
    }
    let widths_fit = body
        .iter()
        .all(|line| (40..=110).contains(&line.chars().count()));
    let open_ends = body.iter().filter(|line| !ends_sentence(line)).count();
    // Wrapping breaks mostly mid-sentence, so most continuation lines start in lower case; a
    // list of headlines has the same widths but capitalised starts.
    let lower_starts = block
        .iter()
        .skip(1)
        .filter(|line| line.chars().next().is_some_and(char::is_lowercase))
        .count();
    widths_fit && open_ends * 2 >= body.len() && lower_starts * 2 >= body.len()
}

/// Joins a line to the previous one when the previous is long, does not end a sentence and the
/// next begins in lower case: the marks of a sentence broken by wrapping, not of a new line.
fn join_continuations(block: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(block.len());
    for line in block {
        if let Some(previous) = out.last_mut() {
            let continues = previous.chars().count() >= 30
                && !ends_sentence(previous)
                && !previous.ends_with(':')
                && !is_list_item(previous)
                && !is_list_item(&line)
                && line.chars().next().is_some_and(char::is_lowercase);
            if continues {
                previous.push(' ');
                previous.push_str(&line);
                continue;
            }
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_to_nfc() {
        assert_eq!(normalise("Cafe\u{301} ok."), "Café ok.");
    }

    #[test]
    fn unifies_line_endings_and_keeps_paragraphs() {
        assert_eq!(
            normalise("One.\r\n\r\nTwo.\rThree.\n\n\n\nFour."),
            "One.\n\nTwo.\n\nThree.\n\nFour."
        );
    }

    #[test]
    fn replaces_odd_spaces_and_collapses_runs() {
        assert_eq!(
            normalise("  a\u{a0}\u{a0}b\t\tc\u{202f}d\u{3000}e  "),
            "a b c d e"
        );
    }

    #[test]
    fn strips_zero_width_and_control_characters() {
        assert_eq!(
            normalise("\u{feff}Kyi\u{200b}v\u{0007} said\u{00ad}\u{200e}."),
            "Kyiv said."
        );
        // ZWNJ is part of Persian spelling and must stay.
        assert_eq!(normalise("می\u{200c}خواهم"), "می\u{200c}خواهم");
    }

    #[test]
    fn one_paragraph_per_line_input_becomes_paragraphs_with_lists_grouped() {
        let text = "Intro line:\n- first item\n- second item\nClosing line.";
        assert_eq!(
            normalise(text),
            "Intro line:\n\n- first item\n- second item\n\nClosing line."
        );
    }

    #[test]
    fn rejoins_hard_wrapped_paragraphs() {
        let text = "The delegations met for just over an hour in the Ciragan Palace\n\
                    on Monday and agreed on little beyond another exchange of\n\
                    prisoners, officials said.\n\nNext paragraph.";
        assert_eq!(
            normalise(text),
            "The delegations met for just over an hour in the Ciragan Palace on Monday and \
             agreed on little beyond another exchange of prisoners, officials said.\n\nNext paragraph."
        );
    }

    #[test]
    fn short_widget_lines_are_not_joined() {
        assert_eq!(
            normalise("like\n0\ndislike\n0"),
            "like\n\n0\n\ndislike\n\n0"
        );
    }

    #[test]
    fn list_markers() {
        assert!(is_list_item("- Ukraine must withdraw"));
        assert!(is_list_item("• point"));
        assert!(is_list_item("12. twelfth"));
        assert!(is_list_item("3) third"));
        assert!(!is_list_item("2025. A year"));
        assert!(!is_list_item("-5 degrees"));
        assert!(!is_list_item("3.5 million people"));
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert_eq!(normalise(""), "");
        assert_eq!(normalise(" \n\t\r\n\u{200b}"), "");
    }
}
