//! Text primitives: a minimal sentence splitter, word tokens, stop words and stems.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use xxhash_rust::xxh3::xxh3_64;

/// Splits text into trimmed sentences.
///
/// Deliberately minimal until the pipeline's shared splitter is used here: every line is a hard
/// boundary (scraped text puts headlines, bullets and junk on lines of their own), and inside a
/// line a sentence ends at `.`, `!`, `?` or `…` (plus closing quotes or brackets) followed by
/// whitespace and something that can start a sentence, unless the word before the full stop is
/// a known abbreviation or an initial ("Dr.", "U.S.", "J.").
pub(crate) fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    for line in text.lines() {
        split_line(line, &mut sentences);
    }
    sentences
}

fn split_line<'a>(line: &'a str, sentences: &mut Vec<&'a str>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let char_at = |index: usize| chars.get(index).map(|&(_, c)| c);
    let byte_at = |index: usize| chars.get(index).map_or(line.len(), |&(byte, _)| byte);
    let mut start = 0usize;
    let mut index = 0usize;
    while let Some(c) = char_at(index) {
        if !matches!(c, '.' | '!' | '?' | '…') {
            index += 1;
            continue;
        }
        let mut after = index + 1;
        while char_at(after).is_some_and(|next| {
            matches!(
                next,
                '"' | '”' | '’' | '\'' | ')' | ']' | '.' | '!' | '?' | '…'
            )
        }) {
            after += 1;
        }
        let mut next_start = after;
        while char_at(next_start).is_some_and(char::is_whitespace) {
            next_start += 1;
        }
        let has_gap = next_start > after;
        let opens_sentence = char_at(next_start).is_some_and(|next| {
            next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '#' | '@')
        });
        let before = line.get(start..byte_at(index)).unwrap_or("");
        if has_gap && opens_sentence && !(c == '.' && ends_with_abbreviation(before)) {
            push_trimmed(line.get(start..byte_at(after)).unwrap_or(""), sentences);
            start = byte_at(next_start);
            index = next_start;
        } else {
            index = after;
        }
    }
    push_trimmed(line.get(start..).unwrap_or(""), sentences);
}

fn push_trimmed<'a>(sentence: &'a str, sentences: &mut Vec<&'a str>) {
    let trimmed = sentence.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        sentences.push(trimmed);
    }
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "gov", "sen", "rep", "rev", "hon", "pres", "vs", "etc", "inc", "ltd", "co", "corp", "no",
    "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "dept", "univ", "mt", "ft", "fig", "al", "e.g", "i.e",
];

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return false;
    }
    // An initial ("J.") or a dotted abbreviation ("U.S.", "a.m.").
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true;
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Share of the words of `sentence` that stand inside quotation marks. A closing mark with
/// no opening one before it means the sentence began inside a quotation (quotes run across
/// sentences), so the words before it count as quoted; an opening mark with no closing one
/// quotes the rest. A straight `"` opens after whitespace or at the start, else it closes.
pub(crate) fn quoted_word_share(sentence: &str) -> f64 {
    let mut marks: Vec<(usize, bool)> = Vec::new();
    let mut previous: Option<char> = None;
    for (byte, c) in sentence.char_indices() {
        let opens = match c {
            '“' | '„' | '«' => Some(true),
            '”' | '»' => Some(false),
            '"' => Some(previous.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['))),
            _ => None,
        };
        if let Some(opens) = opens {
            marks.push((byte, opens));
        }
        previous = Some(c);
    }
    if marks.is_empty() {
        return 0.0;
    }
    let base = sentence.as_ptr() as usize;
    let mut next_mark = marks.iter().peekable();
    let (mut inside, mut seen_open) = (false, false);
    let (mut total, mut quoted, mut unquoted_before_any_mark) = (0usize, 0usize, 0usize);
    let mut any_mark_seen = false;
    for_each_word(sentence, |word| {
        let offset = (word.as_ptr() as usize).saturating_sub(base);
        while let Some(&&(position, opens)) = next_mark.peek() {
            if position > offset {
                break;
            }
            if opens {
                inside = true;
                seen_open = true;
            } else if inside {
                inside = false;
            } else if !seen_open && !any_mark_seen {
                // The sentence started inside a quotation.
                quoted += unquoted_before_any_mark;
            }
            any_mark_seen = true;
            next_mark.next();
        }
        total += 1;
        if inside {
            quoted += 1;
        } else if !any_mark_seen {
            unquoted_before_any_mark += 1;
        }
    });
    // A closing mark after the last word (“... they do.”) with no opening one before it.
    let closes_at_end = next_mark.any(|&(_, opens)| !opens);
    if closes_at_end && !seen_open && !any_mark_seen {
        quoted += unquoted_before_any_mark;
    }
    if total == 0 {
        0.0
    } else {
        quoted.min(total) as f64 / total as f64
    }
}

/// Calls `visit` with every word of `text`: maximal runs of letters and digits, where a comma
/// or full stop between two digits stays inside the word ("6,000", "1.5").
pub(crate) fn for_each_word<'a>(text: &'a str, mut visit: impl FnMut(&'a str)) {
    let mut start: Option<usize> = None;
    let mut previous_digit = false;
    let mut iter = text.char_indices().peekable();
    while let Some((byte, c)) = iter.next() {
        let inside_number = matches!(c, ',' | '.')
            && previous_digit
            && start.is_some()
            && iter.peek().is_some_and(|&(_, next)| next.is_ascii_digit());
        if c.is_alphanumeric() || inside_number {
            if start.is_none() {
                start = Some(byte);
            }
        } else if let Some(begin) = start.take() {
            visit(text.get(begin..byte).unwrap_or(""));
        }
        previous_digit = c.is_ascii_digit();
    }
    if let Some(begin) = start {
        visit(text.get(begin..).unwrap_or(""));
    }
}

/// The words of `text`, lowercased, numbers without thousands separators.
#[cfg(test)]
pub(crate) fn normalised_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(text, |word| {
        let mut normalised = String::new();
        normalise_word_into(word, &mut normalised);
        words.push(normalised);
    });
    words
}

/// xxh3 hashes of the normalised words of `text`, in order.
#[cfg(test)]
pub(crate) fn word_hashes(text: &str) -> Vec<u64> {
    let mut hashes = Vec::new();
    let mut buffer = String::new();
    for_each_word(text, |word| {
        normalise_word_into(word, &mut buffer);
        hashes.push(xxh3_64(buffer.as_bytes()));
    });
    hashes
}

/// xxh3 hashes of the normalised words of `text` in order, and of those that are not stop
/// words (with repeats), in one pass.
pub(crate) fn word_and_content_hashes(text: &str) -> (Vec<u64>, Vec<u64>) {
    let mut hashes = Vec::new();
    let mut content = Vec::new();
    let mut buffer = String::new();
    for_each_word(text, |word| {
        normalise_word_into(word, &mut buffer);
        let hash = xxh3_64(buffer.as_bytes());
        hashes.push(hash);
        if !is_stop_word(&buffer) {
            content.push(hash);
        }
    });
    (hashes, content)
}

/// Writes `word` lowercased, without thousands separators in numbers ("6,000" → "6000"),
/// into `buffer` (cleared first; reused to spare an allocation per word).
pub(crate) fn normalise_word_into(word: &str, buffer: &mut String) {
    buffer.clear();
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        buffer.extend(word.chars().filter(|&c| c != ','));
    } else if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether a normalised word is a number.
pub(crate) fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

/// The English Snowball stem of a lowercased word.
pub(crate) fn stem(word: &str) -> Cow<'_, str> {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
}

/// Function words that carry little of what a sentence says; possessive and contraction tails
/// ("s", "t") are here because the tokeniser splits at apostrophes.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "ll",
    "m",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "s",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "ve",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

/// Whether a lowercased word is a stop word.
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(ABBREVIATIONS.iter().all(|word| !word.is_empty()));
    }

    #[test]
    fn splits_sentences_but_not_abbreviations_or_numbers() {
        let text = "U.S. President Donald Trump spoke at 3 p.m. on Monday. He said 1.5 million \
                    people left. “It is over,” Dr. Smith said! Is it?\nA headline line\n\n";
        assert_eq!(
            split_sentences(text),
            vec![
                "U.S. President Donald Trump spoke at 3 p.m. on Monday.",
                "He said 1.5 million people left.",
                "“It is over,” Dr. Smith said!",
                "Is it?",
                "A headline line",
            ]
        );
    }

    #[test]
    fn splits_after_closing_quotes() {
        let text = "Zelensky called it a \"farce.\" Russia denied it.";
        assert_eq!(
            split_sentences(text),
            vec!["Zelensky called it a \"farce.\"", "Russia denied it."]
        );
    }

    #[test]
    fn quoted_share_follows_quotation_marks() {
        assert_eq!(quoted_word_share("The talks ended on Monday."), 0.0);
        let full = quoted_word_share("“Let’s see how good they do,” Mr. Trump said.");
        assert!(full > 0.6 && full < 0.9, "{full}");
        assert!(quoted_word_share("He called it \"a farce\" and left the room early.") < 0.3);
        // Continues a quotation opened in the previous sentence.
        assert!(quoted_word_share("We will not leave anyone behind,” he said.") > 0.6);
        assert!(quoted_word_share("“We will not leave anyone behind.") == 1.0);
    }

    #[test]
    fn words_keep_number_separators_inside_numbers_only() {
        let words = normalised_words("Russia’s 6,000 bodies, 1.5% and 20, then Kyiv.");
        assert_eq!(
            words,
            vec![
                "russia", "s", "6000", "bodies", "1.5", "and", "20", "then", "kyiv"
            ]
        );
        assert!(is_number("6000"));
        assert!(is_stop_word("the") && !is_stop_word("ceasefire"));
        assert_eq!(stem("negotiations"), stem("negotiation"));
    }
}
