//! Direct quotes and quoted fragments, with who said them.

use serde::{Deserialize, Serialize};

use crate::Span;
use crate::entities::{EntityKind, Mention, find_mentions};
use crate::lexicon::{SPEECH_VERBS, SUBJECT_PRONOUNS, contains, in_list};
use crate::text::{Token, tokenize};

/// A quotation found in running text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks (and without a trailing comma).
    pub text: String,
    /// Byte offsets of the quotation, marks included, in the sentence where it opens (to the
    /// sentence end when it runs on into later sentences).
    pub span: Span,
    /// Who said it: the speaker mention's name, titles stripped ("Karoline Leavitt"), when the
    /// text tells.
    pub speaker: Option<String>,
    /// True for words quoted inside the writer's own sentence ("calling the talks \"very
    /// difficult\""), false for a quoted statement.
    pub fragment: bool,
}

fn closing_for(open: char) -> Option<&'static [char]> {
    match open {
        // Mixed marks are common in scraped text: “...".
        '“' => Some(&['”', '“', '"']),
        '„' => Some(&['“', '”']),
        '«' => Some(&['»']),
        '"' => Some(&['"']),
        '‘' => Some(&['’']),
        _ => None,
    }
}

/// A quote mark's position: `‘` only opens after a space or start, `’` only closes before a
/// non-letter (so apostrophes are not quotes).
fn is_opening(sentence: &str, at: usize, c: char) -> bool {
    if closing_for(c).is_none() {
        return false;
    }
    let before = sentence.get(..at).and_then(|s| s.chars().next_back());
    let after = sentence
        .get(at + c.len_utf8()..)
        .and_then(|s| s.chars().next());
    match c {
        '‘' | '"' => {
            before.is_none_or(|b| b.is_whitespace() || "([—–-:".contains(b))
                && after.is_some_and(|a| !a.is_whitespace())
        }
        _ => true,
    }
}

fn is_closing(sentence: &str, at: usize, c: char, open: char) -> bool {
    if !closing_for(open).is_some_and(|marks| marks.contains(&c)) {
        return false;
    }
    if c == '’' {
        let after = sentence
            .get(at + c.len_utf8()..)
            .and_then(|s| s.chars().next());
        return after.is_none_or(|a| !a.is_alphabetic());
    }
    true
}

struct RawQuote {
    sentence: usize,
    start: usize,
    end: usize,
    text: String,
    /// Index of the sentence where the quote closes.
    closes_in: usize,
    /// Byte offset just past the closing mark in `closes_in`.
    close_end: usize,
}

fn scan_quotes(sentences: &[&str]) -> Vec<RawQuote> {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, usize, char, String)> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        let mut content_from = 0;
        if let Some((_, _, _, text)) = open.as_mut() {
            text.push(' ');
        }
        for (at, c) in sentence.char_indices() {
            match open.as_mut() {
                Some((start_sentence, start, mark, text)) => {
                    if is_closing(sentence, at, c, *mark) {
                        text.push_str(sentence.get(content_from..at).unwrap_or_default());
                        let end = if *start_sentence == index {
                            at + c.len_utf8()
                        } else {
                            sentences.get(*start_sentence).map_or(0, |s| s.len())
                        };
                        quotes.push(RawQuote {
                            sentence: *start_sentence,
                            start: *start,
                            end,
                            text: std::mem::take(text),
                            closes_in: index,
                            close_end: at + c.len_utf8(),
                        });
                        open = None;
                    }
                }
                None => {
                    if is_opening(sentence, at, c) {
                        open = Some((index, at, c, String::new()));
                        content_from = at + c.len_utf8();
                    }
                }
            }
        }
        if let Some((start_sentence, _, _, text)) = open.as_mut() {
            text.push_str(sentence.get(content_from..).unwrap_or_default());
            // A quote never closed within the paragraph is kept up to the paragraph end, but
            // a straight quote left open in its own sentence is more likely a stray mark.
            if *start_sentence + 3 < index {
                open = None;
            }
        }
    }
    if let Some((start_sentence, start, _, text)) = open {
        let end = sentences.get(start_sentence).map_or(0, |s| s.len());
        quotes.push(RawQuote {
            sentence: start_sentence,
            start,
            end,
            text,
            closes_in: sentences.len().saturating_sub(1),
            close_end: end,
        });
    }
    quotes
}

fn clean_text(text: &str) -> String {
    let trimmed = text.trim();
    trimmed
        .strip_suffix(',')
        .unwrap_or(trimmed)
        .trim()
        .to_string()
}

/// Mentions outside any quote of the sentence.
fn speaking_mentions(sentence: &str, quoted: &[(usize, usize)]) -> Vec<Mention> {
    find_mentions(sentence)
        .into_iter()
        .filter(|m| {
            !quoted
                .iter()
                .any(|(a, b)| m.span.start >= *a && m.span.end <= *b)
        })
        .collect()
}

fn inside(at: usize, quoted: &[(usize, usize)]) -> bool {
    quoted.iter().any(|(a, b)| at >= *a && at < *b)
}

/// Prepositions after which a place is a location ("in Tampa"), never a speaker.
const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "of",
    "to",
    "into",
    "across",
    "outside",
    "inside",
    "around",
    "off",
    "on",
    "over",
    "through",
    "throughout",
    "toward",
    "towards",
];

/// How far (bytes) from a quote an attributing verb may stand.
const ATTRIBUTION_WINDOW: usize = 240;

/// Who a sentence says is speaking: "X said", "said X", "according to X", "X stated";
/// a subject pronoun gives `previous_subject`. Prefers the verb nearest `near`, and looks
/// only within [`ATTRIBUTION_WINDOW`] bytes of it so long texts stay linear.
fn attribution(
    sentence: &str,
    quoted: &[(usize, usize)],
    around: (usize, usize),
    previous_subject: Option<&str>,
) -> Option<String> {
    let near = around.1;
    let window_start = around.0.min(near).saturating_sub(ATTRIBUTION_WINDOW);
    let window_end = near.saturating_add(ATTRIBUTION_WINDOW);
    let mut from = window_start.min(sentence.len());
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = window_end.min(sentence.len());
    while !sentence.is_char_boundary(to) {
        to += 1;
    }
    let window = sentence.get(from..to).unwrap_or_default();
    let shifted: Vec<(usize, usize)> = quoted
        .iter()
        .filter(|(a, b)| *b > from && *a < to)
        .map(|(a, b)| {
            (
                a.saturating_sub(from),
                b.saturating_sub(from).min(window.len()),
            )
        })
        .collect();
    attribution_in(
        window,
        &shifted,
        near.saturating_sub(from),
        previous_subject,
    )
}

fn attribution_in(
    sentence: &str,
    quoted: &[(usize, usize)],
    near: usize,
    previous_subject: Option<&str>,
) -> Option<String> {
    let tokens: Vec<Token<'_>> = tokenize(sentence);
    let mentions = speaking_mentions(sentence, quoted);
    // A place speaks as its government or people ("Moscow said", "Moscow, meanwhile, called
    // it"), but a name after a preposition says where or through what, not who ("who lives in
    // Tampa, said", "the man wrote on Facebook").
    let can_speak = |m: &Mention| {
        if m.kind == EntityKind::Person {
            return true;
        }
        let before = sentence.get(..m.span.start).unwrap_or_default();
        // The word before the name, past an article ("over the Indian Ocean").
        let previous_word = before
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .rev()
            .find(|w| !in_list(&["the", "a", "an"], w))
            .unwrap_or_default();
        // "a spokesman for the Kremlin", "an official at the Foreign Office": an organisation
        // after these names the speaker's employer.
        let affiliation = m.kind == EntityKind::Organisation
            && in_list(&["at", "of", "for", "from", "with"], previous_word);
        affiliation || !in_list(LOCATIVE_PREPOSITIONS, previous_word)
    };
    let mut best: Option<(usize, String)> = None;
    for (index, token) in tokens.iter().enumerate() {
        if inside(token.start, quoted) || !contains(&SPEECH_VERBS, token.text) {
            continue;
        }
        let according = token.text.eq_ignore_ascii_case("according");
        let speaker = if according {
            // "according to [role] X": the first person after it, else the first name.
            let after: Vec<&Mention> = mentions
                .iter()
                .filter(|m| m.span.start > token.end && m.span.start <= token.end + 80)
                .collect();
            after
                .iter()
                .find(|m| m.kind == EntityKind::Person)
                .or(after.first())
                .map(|m| m.name.clone())
        } else {
            let before = mentions
                .iter()
                .filter(|m| m.span.end <= token.start)
                .rfind(|m| {
                    let gap = sentence.get(m.span.end..token.start).unwrap_or_default();
                    gap.split_whitespace().count() <= 3 && !gap.contains(['“', '”', '"', '.', ';'])
                });
            let after = mentions.iter().find(|m| {
                m.span.start >= token.end && {
                    let gap = sentence.get(token.end..m.span.start).unwrap_or_default();
                    gap.split_whitespace().count() <= 4 && !gap.contains(['“', '”', '"', ',', '.'])
                }
            });
            let addresses = in_list(&["told", "tell", "tells", "telling"], token.text);
            let pronoun = index
                .checked_sub(1)
                .and_then(|i| tokens.get(i))
                .filter(|t| contains(&SUBJECT_PRONOUNS, t.text));
            // A name inside an interposed clause ("Umerov, who led Kyiv's delegation,
            // said") is not the subject: the speaker is the name the clause follows.
            let before = before.map(|m| {
                let gap = sentence.get(m.span.end..token.start).unwrap_or_default();
                if !gap.contains(',') {
                    return m;
                }
                let clause_start = sentence
                    .get(..m.span.start)
                    .and_then(|head| head.rfind(','));
                clause_start
                    .and_then(|comma| {
                        mentions.iter().rfind(|subject| {
                            subject.span.end <= comma
                                && sentence
                                    .get(subject.span.end..comma)
                                    .is_some_and(|between| between.trim().is_empty())
                        })
                    })
                    .unwrap_or(m)
            });
            match (before, pronoun, after) {
                (Some(m), _, _) => can_speak(m).then(|| m.name.clone()),
                (None, Some(_), _) => previous_subject.map(str::to_string),
                // "said Peskov", but not "told Reuters": who is told is the listener.
                (None, None, Some(m)) if !inside(m.span.start, quoted) && !addresses => {
                    can_speak(m).then(|| m.name.clone())
                }
                _ => None,
            }
        };
        if let Some(speaker) = speaker {
            let distance = token.start.abs_diff(near);
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, speaker));
            }
        }
    }
    best.map(|(_, speaker)| speaker)
}

/// True when a quoted fragment is a name or a title set in quotation marks (the “Spring
/// Forward” event, a “Frank Pentangeli”, the “iPhone 6L”), not someone's words: one to five
/// words, each capitalised, a number or a lowercase joining word, and no sentence punctuation.
fn is_quoted_name(text: &str) -> bool {
    const JOINING: &[&str] = &["of", "the", "and", "a", "an", "in", "for", "on", "to", "de"];
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || text.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    let named = |word: &str| {
        word.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || (word.chars().next().is_some_and(char::is_lowercase)
                && word.chars().skip(1).any(char::is_uppercase))
    };
    words.first().is_some_and(|w| named(w)) && words.iter().all(|w| named(w) || JOINING.contains(w))
}

/// True when the quote stands as a statement: it opens the sentence, or follows a colon, a
/// comma or a verb of saying, and starts with a capital letter.
fn is_statement(sentence: &str, start: usize, text: &str) -> bool {
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let before = sentence.get(..start).unwrap_or_default().trim_end();
    if before.is_empty() || before.ends_with([':', ',', '—', '–', '(']) {
        return true;
    }
    let last_word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    contains(&SPEECH_VERBS, last_word) || last_word.eq_ignore_ascii_case("that")
}

/// Finds the quotes in the sentences of one paragraph, with the index of the sentence each
/// opens in.
///
/// Curly, straight, guillemet and single quotes; a quote may run over several sentences.
/// The speaker comes from the same sentence ("X said", "said X", "X stated", "X wrote",
/// "according to X"), else from a following sentence that attributes ("X said so."), else from
/// a preceding sentence ending in a colon; "he said" takes the previous sentence's subject.
///
/// ```
/// use corroborate_facts::find_quotes;
/// let found = find_quotes(&["“He wants both sides to engage directly,” Leavitt stated."]);
/// assert_eq!(found[0].1.speaker.as_deref(), Some("Leavitt"));
/// assert!(!found[0].1.fragment);
/// ```
pub fn find_quotes(paragraph_sentences: &[&str]) -> Vec<(usize, Quote)> {
    let raw = scan_quotes(paragraph_sentences);
    // Quoted ranges per sentence, so names inside quotes are never speakers.
    let mut quoted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); paragraph_sentences.len()];
    for quote in &raw {
        if let Some(ranges) = quoted.get_mut(quote.sentence) {
            ranges.push((quote.start, quote.end));
        }
        if quote.closes_in != quote.sentence {
            for index in quote.sentence + 1..quote.closes_in {
                if let Some(ranges) = quoted.get_mut(index) {
                    ranges.push((0, paragraph_sentences.get(index).map_or(0, |s| s.len())));
                }
            }
            if let Some(ranges) = quoted.get_mut(quote.closes_in) {
                ranges.push((0, quote.close_end));
            }
        }
    }
    // The subject of each sentence: its first person named outside quotes.
    let subjects: Vec<Option<String>> = paragraph_sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let ranges = quoted.get(index).cloned().unwrap_or_default();
            speaking_mentions(sentence, &ranges)
                .into_iter()
                .find(|m| m.kind == EntityKind::Person)
                .map(|m| m.name)
        })
        .collect();
    let mut results = Vec::new();
    let mut last_speaker: Option<String> = None;
    for quote in raw {
        let Some(sentence) = paragraph_sentences.get(quote.sentence) else {
            continue;
        };
        let text = clean_text(&quote.text);
        if text.is_empty() {
            continue;
        }
        let fragment = !is_statement(sentence, quote.start, &text);
        if fragment && is_quoted_name(&text) {
            continue;
        }
        let previous_subject = quote
            .sentence
            .checked_sub(1)
            .and_then(|i| subjects.get(i).cloned().flatten())
            .or_else(|| last_speaker.clone());
        let ranges = quoted.get(quote.sentence).cloned().unwrap_or_default();
        let closing_sentence = paragraph_sentences
            .get(quote.closes_in)
            .copied()
            .unwrap_or_default();
        let closing_ranges = quoted.get(quote.closes_in).cloned().unwrap_or_default();
        let mut speaker = attribution(
            sentence,
            &ranges,
            (quote.start, quote.end),
            previous_subject.as_deref(),
        );
        if speaker.is_none() && quote.closes_in != quote.sentence {
            speaker = attribution(
                closing_sentence,
                &closing_ranges,
                (0, quote.close_end),
                previous_subject.as_deref(),
            );
        }
        if speaker.is_none() && !fragment {
            // "“...” / Leavitt said so on Friday.": a short attributing sentence after.
            let next_index = quote.closes_in + 1;
            if let Some(next) = paragraph_sentences.get(next_index) {
                let next_ranges = quoted.get(next_index).cloned().unwrap_or_default();
                let opens_with_quote = next.trim_start().starts_with(['“', '"', '«']);
                if !opens_with_quote {
                    speaker = attribution(next, &next_ranges, (0, 0), previous_subject.as_deref())
                        .filter(|_| next.split_whitespace().count() <= 12);
                }
            }
            // "Peskov told reporters: “...”"
            if speaker.is_none()
                && let Some(previous) = quote
                    .sentence
                    .checked_sub(1)
                    .and_then(|i| paragraph_sentences.get(i))
                && previous.trim_end().ends_with(':')
            {
                speaker = attribution(previous, &[], (previous.len(), previous.len()), None);
            }
        }
        if speaker.is_some() {
            last_speaker = speaker.clone();
        }
        results.push((
            quote.sentence,
            Quote {
                text,
                span: Span {
                    start: quote.start,
                    end: quote.end,
                },
                speaker,
                fragment,
            },
        ));
    }
    results
}

#[cfg(test)]
mod tests {
    use super::find_quotes;

    #[test]
    fn a_name_inside_an_interposed_clause_is_not_the_speaker() {
        let found = find_quotes(&[
            "Finance Minister Jane Okoro, who chaired the Lagos meeting, called the deal \
             “a turning point” for the region.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.speaker.as_deref(), Some("Jane Okoro"));
    }

    #[test]
    fn a_name_before_a_comma_aside_still_speaks() {
        let found = find_quotes(&["Moscow, meanwhile, called the proposal “unacceptable”."]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.speaker.as_deref(), Some("Moscow"));
    }
}
