//! Rule-based sentence splitting tuned for news English: abbreviations, initials, decimals,
//! quotes and ellipses, never across a paragraph.

use crate::normalise::{ends_sentence, list_marker_len};

/// One sentence of a text: byte offsets into the text it was split from, and the index of its
/// paragraph (blank-line separated block, counted from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Index of the paragraph holding the sentence, counting non-empty paragraphs from 0.
    pub paragraph: usize,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character (closing punctuation and quotes included).
    pub end: usize,
}

impl Sentence {
    /// The sentence's text, given the text it was split from (empty if `source` is another,
    /// shorter text or the offsets fall inside a character).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// Titles and forms that stand before a name or number and so never end a sentence.
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Cpt", "Maj", "Adm",
    "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "St", "Mt", "Ft", "Pres", "Supt", "Det", "Insp",
    "Cmdr", "Cdr", "Brig", "Hon", "Messrs", "Mme", "Mlle", "Fr", "Lieut", "Atty", "Amb", "Cpl",
    "Pvt", "Spc", "Sgt", "vs", "v", "e.g", "i.e", "cf", "approx", "incl", "viz", "al", "ca", "Vs",
    "Approx", "Nr", "Ave", "Blvd", "Rd",
];

/// Abbreviations that precede a number ("No. 5", "Jan. 6", "Fig. 2"): final only when no
/// number follows.
const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "no", "nos", "Vol", "vol", "Fig", "fig", "Figs", "p", "pp", "Art", "art", "Sec",
    "sec", "Ch", "ch", "Para", "para", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Ref", "ref", "Tel", "tel", "Ex", "ex",
];

/// Abbreviations that often end a sentence too ("the U.S.", "Apple Inc.", "3 p.m."): final
/// only when a word that typically opens a sentence follows.
const AMBIGUOUS: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "LLC", "Plc", "plc", "etc", "Esq", "Ph.D",
    "PhD", "Ave",
];

/// Words that commonly open a sentence and rarely follow an abbreviation inside one.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "However",
    "Meanwhile",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Some",
    "Many",
    "Most",
    "Both",
    "Neither",
    "No",
    "Yet",
    "Still",
    "Then",
    "Now",
    "Later",
    "Earlier",
    "Officials",
    "According",
    "Since",
    "Although",
    "Despite",
    "Also",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "One",
    "Two",
    "Several",
    "All",
    "Such",
    "Each",
    "Under",
    "Last",
    "Next",
    "For",
    "From",
    "With",
    "By",
    "To",
    "Is",
    "Was",
    "Are",
    "Were",
    "Do",
    "Did",
    "Does",
];

/// Splits text into sentences, with byte offsets and paragraph indices.
///
/// Handles abbreviations ("U.S.", "Gen.", "Dr.", "Mr.", "p.m."), initials ("J. D. Vance"),
/// decimals ("3.5"), ellipses, and sentences ending inside closing quotes or brackets. A
/// sentence never crosses a paragraph (blank line) nor a line that starts a list item or a new
/// capitalised line; a single line break before a lower-case word continues the sentence.
/// List markers ("- ", "1. ") are not part of the sentence.
///
/// ```
/// use corroborate_text::sentences;
///
/// let text = "U.S. Vice President J. D. Vance spoke at 3 p.m. on Friday. He said “stop.” Then he left.";
/// let found: Vec<&str> = sentences(text).iter().map(|s| s.text(text)).collect();
/// assert_eq!(
///     found,
///     ["U.S. Vice President J. D. Vance spoke at 3 p.m. on Friday.", "He said “stop.”", "Then he left."]
/// );
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, (start, end)) in paragraph_spans(text).into_iter().enumerate() {
        split_paragraph(text, start, end, paragraph, &mut out);
    }
    out
}

/// Byte spans of the non-blank paragraphs: runs of lines with some non-whitespace.
fn paragraph_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut last_end = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        if line.trim().is_empty() {
            if let Some(start) = open.take() {
                spans.push((start, last_end));
            }
        } else {
            open.get_or_insert(line_start);
            last_end = line_end;
        }
        line_start = line_end;
    }
    if let Some(start) = open {
        spans.push((start, last_end));
    }
    spans
}

/// Splits one paragraph `text[start..end]` into sentences appended to `out`.
fn split_paragraph(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let Some(para) = text.get(start..end) else {
        return;
    };
    let mut push = |from: usize, to: usize| {
        let Some(piece) = para.get(from..to) else {
            return;
        };
        let leading = piece.len() - piece.trim_start().len();
        let mut from = from + leading;
        // A list marker opens the line but is not part of the sentence.
        from += para.get(from..to).map_or(0, list_marker_len);
        let rest = para.get(from..to).unwrap_or("");
        from += rest.len() - rest.trim_start().len();
        let trimmed = para.get(from..to).map_or("", str::trim_end);
        if !trimmed.is_empty() {
            out.push(Sentence {
                paragraph,
                start: start + from,
                end: start + from + trimmed.len(),
            });
        }
    };

    let mut sentence_start = 0;
    let mut chars = para.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if c == '\n' {
            let line_start = para
                .get(..index)
                .and_then(|p| p.rfind('\n'))
                .map_or(0, |i| i + 1);
            let line = para.get(line_start..index).unwrap_or("");
            let next_line = para
                .get(index + 1..)
                .unwrap_or("")
                .trim_start_matches([' ', '\t']);
            let continues = !ends_sentence(line)
                && list_marker_len(next_line) == 0
                && next_line.chars().next().is_some_and(char::is_lowercase);
            if !continues {
                push(sentence_start, index);
                sentence_start = index + 1;
            }
            continue;
        }
        if !is_terminal(c) {
            continue;
        }
        // Absorb further terminal marks and closing quotes or brackets.
        let mut close = index + c.len_utf8();
        let mut repeated_terminal = false;
        while let Some(&(next_index, next)) = chars.peek() {
            if is_terminal(next) {
                repeated_terminal = true;
            } else if !is_closer(next) {
                break;
            }
            close = next_index + next.len_utf8();
            chars.next();
        }
        if matches!(c, '。' | '！' | '？') {
            push(sentence_start, close);
            sentence_start = close;
            continue;
        }
        // A terminal mark must be followed by white space (or the end): "3.5", "U.S.", "x.com".
        let rest = para.get(close..).unwrap_or("");
        if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let Some(next_word) = rest.split_whitespace().next() else {
            continue; // end of paragraph: the final push handles it
        };
        if rest.trim_start_matches([' ', '\t']).starts_with('\n') {
            continue; // the line break decides
        }
        let next_word =
            next_word.trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«', '—', '–']);
        let Some(first) = next_word.chars().next() else {
            continue;
        };
        if first.is_lowercase() {
            continue;
        }
        if c == '.' && !repeated_terminal && !period_ends_sentence(para, index, first, next_word) {
            continue;
        }
        push(sentence_start, close);
        sentence_start = close;
    }
    push(sentence_start, para.len());
}

/// Sentence-final punctuation.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Closing quotes and brackets that belong to the sentence before them.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*')
}

/// Whether the single period at `dot` ends a sentence, given the first character and word of
/// what follows (already known not to start in lower case).
fn period_ends_sentence(para: &str, dot: usize, next_first: char, next_word: &str) -> bool {
    let before = para.get(..dot).unwrap_or("");
    let word_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = before
        .get(word_start..)
        .unwrap_or("")
        .trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«']);
    if word.is_empty() {
        return true;
    }
    let next_is_number = next_first.is_ascii_digit();
    let next_opens_sentence = {
        let bare = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
        SENTENCE_OPENERS.contains(&bare)
    };
    if NEVER_FINAL.contains(&word) {
        return false;
    }
    if BEFORE_NUMBER.contains(&word) {
        return !next_is_number;
    }
    if AMBIGUOUS.contains(&word) {
        return next_opens_sentence;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let single_letter =
        letters.next().is_some() && letters.next().is_none() && word.chars().count() == 1;
    // Initials ("J."), dotted abbreviations ("U.S.", "p.m.", "a.m.") end a sentence only when a
    // typical sentence opener follows.
    if single_letter || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
    {
        return next_opens_sentence;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One two. Three four! Five six? Seven"),
            ["One two.", "Three four!", "Five six?", "Seven"]
        );
    }

    #[test]
    fn offsets_and_paragraphs() {
        let text = "First one. Second one.\n\n\nThird one.";
        let found = sentences(text);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 0, 1]
        );
        assert_eq!(found[2].start, text.find("Third").unwrap_or(0));
        assert_eq!(found[2].end, text.len());
    }

    #[test]
    fn list_items_are_sentences_without_markers() {
        assert_eq!(
            split("Demands:\n- withdraw troops\n- lift martial law"),
            ["Demands:", "withdraw troops", "lift martial law"]
        );
    }

    #[test]
    fn empty_text() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n \t").is_empty());
    }

    #[test]
    fn text_helper_tolerates_foreign_offsets() {
        let sentence = Sentence {
            paragraph: 0,
            start: 2,
            end: 400,
        };
        assert_eq!(sentence.text("short"), "");
    }
}
