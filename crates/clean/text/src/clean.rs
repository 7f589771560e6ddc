//! Line-level junk removal: lexicons for what is junk anywhere, line statistics and position
//! for what is junk only at the edges or among other junk.

use std::collections::{HashMap, HashSet};

use corroborate_model::{Published, RemovalReason, RemovedLine, dates};

use crate::lexicon::{
    LineView, attribution, byline_names, is_author_box_header, is_comment_section_header,
    is_list_promo_head, is_reaction_label, lexicon_reason, promo_head,
};
use crate::normalise::{Layout, layout, render};

/// Result of cleaning plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanedText {
    /// The clean text: NFC, paragraphs separated by `"\n\n"`, junk removed.
    pub text: String,
    /// Every removed line with its reason, in input order (the detected title is not listed).
    pub removed: Vec<RemovedLine>,
    /// The headline found at the top when the caller gave none; `None` when a title was given
    /// or the first line does not look like a headline.
    pub title: Option<String>,
    /// The publisher named by a trailing attribution line ("Source: BBC" → "BBC").
    pub source: Option<String>,
    /// The names of a byline above the first paragraph ("By Jane Doe and John Roe").
    pub authors: Vec<String>,
    /// The day a dateline above the first paragraph gives ("Posted on March 3, 2024",
    /// "June 2, 2025 14:30"); an "Updated" day only when no other is given. The pipeline does
    /// not yet take it as the article's date (the event clusterer's time decay is tuned on
    /// inputs whose dates come from their container; see docs/benchmarks.md).
    pub published: Option<Published>,
}

/// What becomes of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep,
    Title,
    Remove(RemovalReason),
    /// A short label in the trailing furniture, to be told apart as tag or boilerplate.
    TailLabel,
}

impl Verdict {
    fn is_removed(self) -> bool {
        matches!(self, Self::Remove(_) | Self::TailLabel)
    }
}

/// Most lines a promo header's list of links may run to.
const MAX_PROMO_LIST: usize = 12;

/// Cleans plain text (or text extracted from HTML): normalises it, removes web junk line by line
/// with a reason for each, finds a headline at the top when `known_title` is `None`, and moves a
/// trailing attribution into `source`.
///
/// UI phrases are junk wherever they make up a whole line; short label-like lines are junk at
/// the end of the text or between other junk lines; content bullets, one-line paragraphs and
/// short quotes are kept.
///
/// ```
/// use corroborate_model::RemovalReason;
/// use corroborate_text::clean_text;
///
/// let text = "Talks End Without Progress\n\nThe talks ended after an hour.\n\nShare\n\nSource: BBC";
/// let cleaned = clean_text(text, None);
/// assert_eq!(cleaned.title.as_deref(), Some("Talks End Without Progress"));
/// assert_eq!(cleaned.text, "The talks ended after an hour.");
/// assert_eq!(cleaned.source.as_deref(), Some("BBC"));
/// assert_eq!(cleaned.removed[0].reason, RemovalReason::ShareButton);
/// assert_eq!(cleaned.removed[1].reason, RemovalReason::Attribution);
/// ```
pub fn clean_text(text: &str, known_title: Option<&str>) -> CleanedText {
    let layout = layout(text);
    let views: Vec<LineView> = layout
        .lines
        .iter()
        .map(|line| LineView::new(&line.text))
        .collect();
    let mut verdicts: Vec<Verdict> = views
        .iter()
        .map(|view| lexicon_reason(view).map_or(Verdict::Keep, Verdict::Remove))
        .collect();

    mark_reaction_widgets(&views, &mut verdicts);
    mark_comment_sections(&views, &mut verdicts);
    mark_promo_lists(&views, &mut verdicts);
    mark_author_boxes(&views, &mut verdicts);
    mark_head_labels(&views, &mut verdicts);
    let title = match known_title {
        Some(known) => {
            let known_key = LineView::new(known).words_key;
            mark_title_repeats(&views, &mut verdicts, &known_key, None);
            None
        }
        None => find_title(&views, &mut verdicts),
    };
    let first_is_text = matches!(verdicts.first(), Some(Verdict::Keep | Verdict::Title));
    if let (Some(first), true) = (views.first(), first_is_text) {
        let first_key = first.words_key.clone();
        mark_title_repeats(&views, &mut verdicts, &first_key, Some(0));
    }
    let source = mark_tail(&views, &mut verdicts);
    mark_labels_among_junk(&views, &mut verdicts);
    mark_repeated_lines(&layout, &views, &mut verdicts);
    // A text that is nothing but its title (a one-line item, a headline-only entry) keeps that
    // line: removing it as a repeat would leave no article at all.
    if !verdicts.contains(&Verdict::Keep) {
        for verdict in &mut verdicts {
            if *verdict == Verdict::Remove(RemovalReason::RepeatedTitle) {
                *verdict = Verdict::Keep;
            }
        }
    }

    let (authors, published) = head_metadata(&views, &verdicts);
    let removed = layout
        .lines
        .iter()
        .zip(&verdicts)
        .filter_map(|(line, verdict)| match verdict {
            Verdict::Remove(reason) => Some(RemovedLine {
                text: line.text.clone(),
                reason: *reason,
            }),
            _ => None,
        })
        .collect();
    let text = render(&layout.lines, |index| {
        verdicts.get(index) == Some(&Verdict::Keep)
    });
    CleanedText {
        text,
        removed,
        title,
        source,
        authors,
        published,
    }
}

/// Most lines above the first paragraph read for a byline or dateline.
const HEAD_LINES: usize = 12;

/// Authors and publication day from the bylines and datelines removed above the first
/// paragraph of prose. Only the head is read: further down, a dated line belongs to a promo,
/// a comment or a related story, not to the article.
fn head_metadata(views: &[LineView], verdicts: &[Verdict]) -> (Vec<String>, Option<Published>) {
    let (mut authors, mut published, mut updated) = (Vec::new(), None, None);
    for (view, verdict) in views.iter().zip(verdicts).take(HEAD_LINES) {
        if *verdict == Verdict::Keep && view.is_prose_paragraph() {
            break;
        }
        if *verdict != Verdict::Remove(RemovalReason::Boilerplate) {
            continue;
        }
        // Credits name photographers and illustrators "by" someone too: only a line that opens
        // as a byline or a dateline names the authors.
        let opens_byline = [
            "by",
            "written by",
            "story by",
            "words by",
            "posted",
            "published",
            "updated",
        ]
        .iter()
        .any(|head| view.starts_with_phrase(head));
        if authors.is_empty() && opens_byline {
            authors = byline_names(&view.body);
        }
        if let Some(day) = dates::find_in_text(&view.body) {
            let is_update = ["updated", "last updated", "modified", "last modified"]
                .iter()
                .any(|label| view.starts_with_phrase(label));
            let slot = if is_update {
                &mut updated
            } else {
                &mut published
            };
            slot.get_or_insert(Published::Day(day));
        }
    }
    (authors, published.or(updated))
}

/// Reaction widgets: runs of reaction labels and counts ("like", "0", "love", "0") after a
/// prompt such as "What's Your Reaction?", or on their own when the run has at least two
/// labels and two counts.
fn mark_reaction_widgets(views: &[LineView], verdicts: &mut [Verdict]) {
    let mut index = 0;
    while index < views.len() {
        let run_start = index;
        let (mut labels, mut counts) = (0, 0);
        while let Some(view) = views.get(index) {
            if is_reaction_label(view) {
                labels += 1;
            } else if view.is_count() {
                counts += 1;
            } else {
                break;
            }
            index += 1;
        }
        if index == run_start {
            index += 1;
            continue;
        }
        let after_prompt = run_start
            .checked_sub(1)
            .and_then(|before| verdicts.get(before))
            .is_some_and(|verdict| *verdict == Verdict::Remove(RemovalReason::ReactionWidget));
        if after_prompt || (labels >= 2 && counts >= 2) {
            for verdict in verdicts.iter_mut().take(index).skip(run_start) {
                *verdict = Verdict::Remove(RemovalReason::ReactionWidget);
            }
        }
    }
}

/// A comment form in the second half of the text opens the comment section: whatever follows
/// it is readers' talk or form furniture, not the article.
fn mark_comment_sections(views: &[LineView], verdicts: &mut [Verdict]) {
    let half = views.len() / 2;
    let opener = views
        .iter()
        .zip(verdicts.iter())
        .enumerate()
        .skip(half)
        .find(|(_, (view, verdict))| {
            **verdict == Verdict::Remove(RemovalReason::CommentForm)
                && is_comment_section_header(view)
        })
        .map(|(index, _)| index);
    let Some(opener) = opener else {
        return;
    };
    // Readers' comments rarely outweigh the article; when the "section" does, the heading was
    // part of the article ("Comments?" closing a long post) and what follows is content.
    let words_in = |range: std::ops::Range<usize>| -> usize {
        views
            .get(range)
            .map_or(0, |part| part.iter().map(LineView::word_count).sum())
    };
    if words_in(opener + 1..views.len()) > words_in(0..opener) {
        return;
    }
    for (view, verdict) in views.iter().zip(verdicts.iter_mut()).skip(opener + 1) {
        if *verdict == Verdict::Keep && attribution(view).is_none() {
            *verdict = Verdict::Remove(RemovalReason::CommentForm);
        }
    }
}

/// The links listed under a promo header ("Related:", "You may also like"): following
/// headline-like lines (short, no final full stop) or list items.
fn mark_promo_lists(views: &[LineView], verdicts: &mut [Verdict]) {
    for header in 0..views.len() {
        let Some(view) = views.get(header) else {
            continue;
        };
        let bare_list_header = promo_head(view).is_some_and(|head| {
            is_list_promo_head(head) && view.word_count() <= head.split(' ').count() + 1
        });
        if !bare_list_header {
            continue;
        }
        for index in header + 1..views.len().min(header + 1 + MAX_PROMO_LIST) {
            let (Some(item), Some(verdict)) = (views.get(index), verdicts.get_mut(index)) else {
                break;
            };
            if *verdict != Verdict::Keep {
                break;
            }
            let headline_like = item.word_count() <= 20 && !item.ends_sentence;
            let short_item = item.list_item && item.word_count() <= 30;
            if !(headline_like || short_item) {
                break;
            }
            *verdict = Verdict::Remove(RemovalReason::Promo);
        }
    }
}

/// "About the Author" and the short line after it (the author's name).
fn mark_author_boxes(views: &[LineView], verdicts: &mut [Verdict]) {
    for header in 0..views.len() {
        if !views.get(header).is_some_and(is_author_box_header) {
            continue;
        }
        let next = header + 1;
        if let (Some(view), Some(verdict)) = (views.get(next), verdicts.get_mut(next)) {
            if *verdict == Verdict::Keep && view.word_count() <= 12 && !view.list_item {
                *verdict = Verdict::Remove(RemovalReason::AuthorBox);
            }
        }
    }
}

/// Marks every line equal (by its words) to `key` as a repeated title, except `skip` and
/// lines already judged junk for another reason.
fn mark_title_repeats(
    views: &[LineView],
    verdicts: &mut [Verdict],
    key: &str,
    skip: Option<usize>,
) {
    if key.is_empty() {
        return;
    }
    for (index, (view, verdict)) in views.iter().zip(verdicts.iter_mut()).enumerate() {
        if Some(index) != skip && *verdict == Verdict::Keep && view.words_key == key {
            *verdict = Verdict::Remove(RemovalReason::RepeatedTitle);
        }
    }
}

/// Single-word labels above the headline and first paragraph ("World", "Politics", "Live"):
/// section names and kickers, never the article's own text.
fn mark_head_labels(views: &[LineView], verdicts: &mut [Verdict]) {
    for (view, verdict) in views.iter().zip(verdicts.iter_mut()) {
        if view.is_prose_paragraph() {
            break;
        }
        if *verdict == Verdict::Keep && view.is_short_label() && view.word_count() == 1 {
            *verdict = Verdict::Remove(RemovalReason::Boilerplate);
        }
    }
}

/// Function words that stay lower-case in title-case headlines.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "as", "by", "with",
    "from", "into", "over", "after", "amid", "vs", "via", "nor", "per", "than", "up", "out", "off",
    "is", "are", "be", "its", "his", "her", "their", "not",
];

/// The first kept line, when it looks like a headline, becomes the title: short, not a list
/// item, no final full stop, and either title-cased, repeated later, or followed by a longer
/// paragraph of prose. Its repeats are marked.
fn find_title(views: &[LineView], verdicts: &mut [Verdict]) -> Option<String> {
    let first = verdicts
        .iter()
        .position(|verdict| *verdict == Verdict::Keep)?;
    let view = views.get(first)?;
    let words = view.word_count();
    if view.list_item || !(2..=25).contains(&words) || view.chars > 200 {
        return None;
    }
    let trimmed = view.body.trim_end_matches(['"', '”', '’', '\'', ')']);
    if trimmed.ends_with(['.', ',', ';', ':']) {
        return None;
    }
    let next_kept =
        (first + 1..views.len()).find(|index| verdicts.get(*index) == Some(&Verdict::Keep))?;
    let key = view.words_key.clone();
    let repeated = views
        .iter()
        .enumerate()
        .any(|(index, other)| index != first && other.words_key == key);
    // A headline stands apart from the prose under it. Whether a blank line separated them is
    // not used: callers often normalise first, which turns every line into a paragraph.
    let next = views.get(next_kept)?;
    let introduces_prose = next.ends_sentence && next.word_count() > words;
    if !(is_title_cased(view) || repeated || introduces_prose) {
        return None;
    }
    if let Some(verdict) = verdicts.get_mut(first) {
        *verdict = Verdict::Title;
    }
    mark_title_repeats(views, verdicts, &key, Some(first));
    Some(view.body.clone())
}

/// Most words other than minor function words start with a capital letter or digit.
fn is_title_cased(view: &LineView) -> bool {
    let major: Vec<&str> = view
        .body
        .split_whitespace()
        .filter(|word| {
            let lower = word.to_lowercase();
            let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
            !bare.is_empty() && !MINOR_WORDS.contains(&bare)
        })
        .collect();
    if major.is_empty() {
        return false;
    }
    let capitalised = major
        .iter()
        .filter(|word| {
            word.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    capitalised * 10 >= major.len() * 7
}

/// The trailing furniture: walking up from the end over junk, short labels and attributions
/// until the first line of content. Attributions there give the source; labels become tag lines
/// when their words are the article's own topics, boilerplate otherwise.
fn mark_tail(views: &[LineView], verdicts: &mut [Verdict]) -> Option<String> {
    let mut source = None;
    let mut tail_labels = Vec::new();
    let mut reached_content = false;
    for index in (0..views.len()).rev() {
        let (Some(view), Some(verdict)) = (views.get(index), verdicts.get_mut(index)) else {
            continue;
        };
        match *verdict {
            Verdict::Remove(_) | Verdict::TailLabel => continue,
            Verdict::Title => break,
            Verdict::Keep => {}
        }
        if let Some(name) = attribution(view) {
            // Walking upwards: the topmost attribution wins.
            source = Some(name);
            *verdict = Verdict::Remove(RemovalReason::Attribution);
        } else if is_tail_label(view) {
            *verdict = Verdict::TailLabel;
            tail_labels.push(index);
        } else {
            reached_content = true;
            break;
        }
    }
    if !reached_content || tail_labels.len() > MAX_TAIL_LABELS {
        // Nothing but labels, or a long run of them: a list of short lines that is the
        // article's own (rankings, names), not furniture.
        for index in tail_labels {
            if let Some(verdict) = verdicts.get_mut(index) {
                *verdict = Verdict::Keep;
            }
        }
        return source;
    }
    if tail_labels.is_empty() {
        return source;
    }
    let vocabulary = content_vocabulary(views, verdicts);
    for index in tail_labels {
        let Some(view) = views.get(index) else {
            continue;
        };
        let topical: Vec<&str> = view
            .words()
            .filter(|word| word.chars().count() >= 3)
            .collect();
        let known = topical
            .iter()
            .filter(|word| vocabulary.contains(*word))
            .count();
        let reason = if !topical.is_empty() && known * 2 >= topical.len() {
            RemovalReason::TagLine
        } else {
            RemovalReason::Boilerplate
        };
        if let Some(verdict) = verdicts.get_mut(index) {
            *verdict = Verdict::Remove(reason);
        }
    }
    source
}

/// Site furniture at the end runs to a few labels; a longer run of short lines is content.
const MAX_TAIL_LABELS: usize = 6;

/// A short label that may be trailing furniture: not a "Key: value" fact nor a table row.
fn is_tail_label(view: &LineView) -> bool {
    let numbers = view
        .words()
        .filter(|word| word.chars().any(|c| c.is_ascii_digit()))
        .count();
    view.is_short_label() && !view.body.contains(": ") && numbers < 2
}

/// Lower-case words of the kept lines and title, for telling topic tags from site labels.
fn content_vocabulary<'a>(views: &'a [LineView], verdicts: &[Verdict]) -> HashSet<&'a str> {
    views
        .iter()
        .zip(verdicts)
        .filter(|(_, verdict)| matches!(verdict, Verdict::Keep | Verdict::Title))
        .flat_map(|(view, _)| view.words())
        .collect()
}

/// A short label between two junk lines is junk too ("Menu" between share rows).
fn mark_labels_among_junk(views: &[LineView], verdicts: &mut [Verdict]) {
    for index in 1..views.len() {
        let neighbours_junk = verdicts.get(index - 1).is_some_and(|v| v.is_removed())
            && verdicts.get(index + 1).is_some_and(|v| v.is_removed());
        if !neighbours_junk || !views.get(index).is_some_and(LineView::is_short_label) {
            continue;
        }
        if let Some(verdict) = verdicts.get_mut(index) {
            if *verdict == Verdict::Keep {
                *verdict = Verdict::Remove(RemovalReason::Boilerplate);
            }
        }
    }
}

/// Lines repeated verbatim: the first stays. List items, questions and short headings are
/// exempt, since
/// listicles legitimately repeat "Location: Boston" or "Pros" under each entry; sentences
/// repeat only by page assembly mistakes.
fn mark_repeated_lines(layout: &Layout, views: &[LineView], verdicts: &mut [Verdict]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, line) in layout.lines.iter().enumerate() {
        let Some(view) = views.get(index) else {
            continue;
        };
        let minimum_words = if view.ends_sentence { 3 } else { 8 };
        // Interviews and FAQs ask the same question of each guest.
        let question = view.body.ends_with('?');
        if verdicts.get(index) != Some(&Verdict::Keep)
            || view.list_item
            || question
            || view.word_count() < minimum_words
        {
            continue;
        }
        if seen.insert(line.text.as_str(), index).is_some() {
            if let Some(verdict) = verdicts.get_mut(index) {
                *verdict = Verdict::Remove(RemovalReason::RepeatedLine);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_that_is_only_its_title_is_kept() {
        let line = "The parliament election is over in the capital.";
        let cleaned = clean_text(line, Some(line));
        assert_eq!(cleaned.text, line);
        assert!(cleaned.removed.is_empty());
        // With more text, the repeated title is still junk.
        let cleaned = clean_text(
            &format!("{line}\n\nTurnout was 61 percent, the electoral commission said on Sunday."),
            Some(line),
        );
        assert_eq!(cleaned.removed.len(), 1);
        assert_eq!(cleaned.removed[0].reason, RemovalReason::RepeatedTitle);
    }

    #[test]
    fn section_label_above_the_headline() {
        let cleaned = clean_text(
            "Europe\n\nTalks Resume in Geneva\n\nDelegations from both countries met on Monday for the first time since May.",
            None,
        );
        assert_eq!(cleaned.title.as_deref(), Some("Talks Resume in Geneva"));
        assert_eq!(
            cleaned.removed,
            [RemovedLine {
                text: "Europe".into(),
                reason: RemovalReason::Boilerplate
            }]
        );
    }

    #[test]
    fn one_word_lines_in_the_body_stay() {
        let text = "Delegations from both countries met on Monday for the first time since May.\n\nWhy?\n\nNobody would say, the officials added in a statement.";
        let cleaned = clean_text(text, None);
        assert!(cleaned.removed.is_empty(), "{:?}", cleaned.removed);
        assert_eq!(cleaned.text, text);
    }

    #[test]
    fn short_quote_at_the_end_is_content() {
        let text = "Delegations from both countries met on Monday for the first time since May.\n\n“We will not give up”";
        let cleaned = clean_text(text, None);
        assert!(cleaned.removed.is_empty(), "{:?}", cleaned.removed);
    }
}
