//! Boilerplate the main-text finder lets through: "related stories" sections, lists of
//! teasers and headline-and-byline cards after the article, and passages repeated verbatim
//! (pages that carry the article twice, for mobile and desktop). Tag clouds need no rule of
//! their own: the finder drops lines made mostly of links.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Headers that open a section of other content after an article, in the languages news
/// sites commonly use. Matched against a whole short paragraph, case-insensitively.
static SECTION_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            related(?:\s+(?:stories|articles|posts|news|content|coverage|reading|tags))?
            | more\s+(?:great\s+)?(?:\w+\s+)?(?:stories|news|articles|from\b.*|in\b.*|on\b.*|coverage)
            | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
            | read\s+(?:more|also|next)(?:\s+.*)?
            | (?:also\s+read|see\s+also|further\s+reading|recommended(?:\s+for\s+you)?|recommended\s+stories)
            | (?:most|the\s+most)\s+(?:read|popular|viewed|shared)(?:\s+.*)?
            | popular\s+(?:on|in|now|stories|articles|posts)\b.*
            | (?:trending|latest)\s+(?:now|news|stories|articles|posts|videos)
            | (?:next|previous)\s+(?:post|article|story)
            | tags?\s*:?
            | leia\s+tamb[ée]m | veja\s+tamb[ée]m | mais\s+lidas | not[íi]cias\s+relacionadas
            | lee\s+tambi[ée]n | te\s+puede\s+interesar | m[áa]s\s+le[íi]d[oa]s
            | lesen\s+sie\s+auch | mehr\s+zum\s+thema | weitere\s+artikel | das\s+k[öo]nnte\s+sie\s+auch\s+interessieren
            | (?:[àa]\s+)?lire\s+aussi | sur\s+le\s+m[êe]me\s+sujet | les\s+plus\s+lus
            | leggi\s+anche | articoli\s+correlati
            | читайте\s+также | похожие\s+(?:статьи|новости|материалы) | самые\s+популярные(?:\s+\w+)?
            | 関連記事 | 関連ニュース | 相关文章 | 相关阅读 | 관련\s*기사
        )[\s:.…-]*$",
    )
    .unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!()))
});

/// The fewest words an article must keep before a cut: never trade the article for its tail.
const MIN_WORDS_KEPT: usize = 60;

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A paragraph cut short with an ellipsis: the teaser of another post.
fn is_teaser(paragraph: &str) -> bool {
    let trimmed = paragraph.trim_end();
    (trimmed.ends_with('…') || trimmed.ends_with("...") || trimmed.ends_with("[…]"))
        && word_count(trimmed) >= 8
}

/// A line that only names an author or a date/time: the byline of a teaser card.
fn is_card_meta(line: &str) -> bool {
    let line = line.trim_start_matches("- ").trim();
    let words = word_count(line);
    // Table rows ("1/1/2013 | +13.1%") are data, not bylines.
    if words == 0 || words > 8 || line.contains('|') {
        return false;
    }
    line.to_lowercase().starts_with("by ")
        || (words <= 6 && crate::dates::find_in_text(line).is_some())
}

/// A paragraph made only of card bylines and dates (`- By REUTERS\n- 11/20/2019 10:08 AM`).
fn is_card_meta_block(paragraph: &str) -> bool {
    let mut lines = paragraph
        .lines()
        .filter(|line| !line.trim().is_empty())
        .peekable();
    lines.peek().is_some() && lines.all(is_card_meta)
}

/// Whether the paragraphs read as more article: a good share of their words in paragraphs
/// of running prose (long, not cut short). A "Read next" link inside a long guide is
/// followed by prose; a related-stories section by headlines and teasers.
fn reads_as_article(paragraphs: &[&str]) -> bool {
    let total: usize = paragraphs.iter().map(|p| word_count(p)).sum();
    let prose: usize = paragraphs
        .iter()
        .filter(|p| word_count(p) >= PROSE_WORDS && !is_teaser(p))
        .map(|p| word_count(p))
        .sum();
    total > 0 && prose * 10 >= total * PROSE_SHARE_TENTHS
}

/// Whether the paragraphs are a list of other posts: three teasers or more making at least
/// a third of the words, whatever full posts are listed among them.
fn is_teaser_list(paragraphs: &[&str]) -> bool {
    let total: usize = paragraphs.iter().map(|p| word_count(p)).sum();
    let teasers: Vec<&&str> = paragraphs.iter().filter(|p| is_teaser(p)).collect();
    let teaser_words: usize = teasers.iter().map(|p| word_count(p)).sum();
    teasers.len() >= 3 && teaser_words * 3 >= total
}

/// Words that make a paragraph running prose.
const PROSE_WORDS: usize = 25;
/// Share of prose (in tenths) from which what follows a cut still reads as the article.
const PROSE_SHARE_TENTHS: usize = 4;

/// The index of the first paragraph of trailing boilerplate, if any.
fn tail_start(paragraphs: &[&str]) -> Option<usize> {
    let cut = tail_candidate(paragraphs)?;
    let tail = &paragraphs[cut..];
    (is_teaser_list(tail) || !reads_as_article(tail)).then_some(cut)
}

fn tail_candidate(paragraphs: &[&str]) -> Option<usize> {
    let mut words_before = 0;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let words = word_count(paragraph);
        if words_before >= MIN_WORDS_KEPT {
            if words <= 10 && SECTION_HEADER.is_match(paragraph.trim()) {
                return Some(index);
            }
            // Two teasers among the next three paragraphs: a list of other posts.
            if is_teaser(paragraph)
                && paragraphs[index..]
                    .iter()
                    .take(3)
                    .filter(|next| is_teaser(next))
                    .count()
                    >= 2
            {
                // The line above them is that list's header when it is short.
                let header_above = index > 0 && word_count(paragraphs[index - 1]) <= 12;
                return Some(if header_above { index - 1 } else { index });
            }
            // Headline, byline card, headline, byline card: a list of other stories.
            if words <= 20
                && paragraphs[index..]
                    .iter()
                    .skip(1)
                    .step_by(2)
                    .take(2)
                    .filter(|next| is_card_meta_block(next))
                    .count()
                    == 2
            {
                return Some(index);
            }
        }
        words_before += words;
    }
    None
}

/// Drops trailing boilerplate and passages repeated verbatim from laid-out text
/// (paragraphs separated by blank lines).
pub(crate) fn clean(text: &str) -> String {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let kept = match tail_start(&paragraphs) {
        Some(end) => &paragraphs[..end],
        None => &paragraphs[..],
    };
    let kept: Vec<&str> = kept
        .iter()
        .copied()
        .filter(|paragraph| !paragraph.trim().is_empty())
        .collect();
    without_repeated_passages(&kept.join("\n\n"))
}

/// Words in the shingles that recognise a repeated passage.
const SHINGLE_WORDS: usize = 8;
/// The fewest consecutive repeated words that make a duplicated passage; shorter repeats may
/// be a pull quote, a refrain or a recipe's recurring line.
const MIN_REPEATED_RUN: usize = 30;

/// Words per line a repeated run must average to be prose rather than a list.
const REPEATED_WORDS_PER_LINE: usize = 10;

/// `text` without passages that repeat, word for word, text met earlier: pages that carry the
/// article twice (or nest it so that it is read twice) give it once. Words are compared in
/// shingles of [`SHINGLE_WORDS`], so a repeat is found whatever punctuation is glued to its
/// edges; only runs of [`MIN_REPEATED_RUN`] repeated words or more are dropped.
fn without_repeated_passages(text: &str) -> String {
    let spans = word_spans(text);
    if spans.len() < MIN_REPEATED_RUN + SHINGLE_WORDS {
        return text.to_owned();
    }
    // One 64-bit key per word (FNV-1a over its lowercased letters and digits), so shingles
    // are compared without building a string per word.
    let keys: Vec<u64> = spans
        .iter()
        .map(|&(start, end)| {
            text.get(start..end)
                .unwrap_or("")
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .fold(0xcbf2_9ce4_8422_2325_u64, |hash, c| {
                    (hash ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
                })
        })
        .collect();
    // Where each shingle was first seen; a later one is a repeat only when that first
    // occurrence does not overlap it (a run like "no, no, no" is no duplicated passage).
    let mut first_seen = HashMap::with_capacity(keys.len());
    let mut repeated = vec![false; spans.len()];
    for (at, window) in keys.windows(SHINGLE_WORDS).enumerate() {
        let shingle = window
            .iter()
            .fold(0u64, |hash, key| hash.rotate_left(7).wrapping_mul(31) ^ key);
        let first = *first_seen.entry(shingle).or_insert(at);
        if first + SHINGLE_WORDS <= at {
            repeated
                .iter_mut()
                .skip(at)
                .take(SHINGLE_WORDS)
                .for_each(|word| *word = true);
        }
    }
    let mut out = String::with_capacity(text.len());
    let (mut copied_to, mut index) = (0, 0);
    while index < spans.len() {
        let run = repeated
            .iter()
            .skip(index)
            .take_while(|word| **word)
            .count();
        let (start, end) = (
            spans[index].0,
            spans[index.saturating_add(run.max(1)) - 1].1,
        );
        // Repeated prose is a duplicated passage; repeated short lines (menus of a meal plan,
        // spec lists of two similar products) are the page's content.
        let lines = text.get(start..end).unwrap_or("").matches('\n').count() + 1;
        if run >= MIN_REPEATED_RUN && run >= lines * REPEATED_WORDS_PER_LINE {
            out.push_str(text.get(copied_to..start).unwrap_or(""));
            copied_to = end;
        }
        index += run.max(1);
    }
    out.push_str(text.get(copied_to..).unwrap_or(""));
    // A cut may leave an empty paragraph or a paragraph break next to spaces.
    out.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Byte spans of the whitespace-separated words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (index, character) in text.char_indices() {
        match (character.is_whitespace(), start) {
            (true, Some(begin)) => {
                spans.push((begin, index));
                start = None;
            }
            (false, None) => start = Some(index),
            _ => {}
        }
    }
    if let Some(begin) = start {
        spans.push((begin, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four paragraphs of running prose, about 100 words: an article worth keeping.
    const ARTICLE: &str = "The council voted on Tuesday to reopen the harbour bridge to cyclists from April, ending a closure that began when engineers found cracks in two of its piers.\n\nRepairs cost more than the city had planned, and the work ran eight months over schedule, officials said in a statement read out at the start of the session.\n\nTraders on both banks welcomed the decision, saying the closure had cut the number of shoppers crossing from the old town by almost a third.\n\nHeavy lorries remain banned from the bridge until a second inspection in the autumn.";

    #[test]
    fn cuts_a_related_stories_section() {
        let text = format!(
            "{ARTICLE}\n\nYou may also like...\n\nFerry fares rise again\n\nNew mayor sworn in\n\nMarket reopens after fire"
        );
        assert_eq!(clean(&text), ARTICLE);
        let text = format!("{ARTICLE}\n\nЧитайте также:\n\nЦены на паромы снова растут");
        assert_eq!(clean(&text), ARTICLE);
    }

    #[test]
    fn keeps_a_read_next_link_inside_a_long_guide() {
        // The guide goes on with prose after the link: that is still the article.
        let more = "Pick a spot with at least six hours of direct sun, because most vegetables grow poorly in shade and the harvest of tomatoes, peppers and squash depends on light more than on anything else you do.";
        let further = "Water deeply once a week rather than a little every day, so that roots grow down into the soil where it stays moist, and mulch the beds to keep the surface from drying out in summer.";
        let text = format!("{ARTICLE}\n\nRead Next\n\n{more}\n\n{further}");
        assert_eq!(clean(&text), text);
    }

    #[test]
    fn cuts_teaser_lists_and_story_cards() {
        let teasers = "Life asks for optimism and courage, to hope for the best and to make the best happen, because pessimism only…\n\nBlessed are those who walk straight paths and keep the law, and who seek it with all their heart and every…";
        let text = format!("{ARTICLE}\n\nMessages on life\n\n{teasers}");
        assert_eq!(clean(&text), ARTICLE);
        // Full short posts listed among the teasers do not make the list an article.
        let post = "What unites a family is love, care and wanting the best for one another; a united family is strength, certainty of support and understanding, hands held out and happiness multiplied when dreams come true.";
        let teaser = "Only noble souls with a divine sensitivity manage to be grateful to life even when it takes from them what they hold most dear, because…";
        let text =
            format!("{ARTICLE}\n\nMessages on life\n\n{teasers}\n\n{post}\n\n{post}\n\n{teaser}");
        assert_eq!(clean(&text), ARTICLE);
        let cards = "Both parties are to blame, minister says\n\n- By STAFF\n- 11/20/2019 01:14 PM\n\nStrikes on Syria a wrong move\n\n- By REUTERS\n- 11/20/2019 10:08 AM";
        assert_eq!(clean(&format!("{ARTICLE}\n\n{cards}")), ARTICLE);
        // A table of dated figures is data, not cards.
        let table =
            "Sale prices by month\n\n1/1/2013 | +13.1%\n\nFebruary figures\n\n2/1/2013 | +13.1%";
        let text = format!("{ARTICLE}\n\n{table}");
        assert_eq!(clean(&text), text);
    }

    #[test]
    fn drops_a_passage_carried_twice() {
        let passage = "Morrison said his predecessor had dubbed the envoy's role in policy a problem for the whole team. Volker told the committee he had tried to work with the president's lawyer to change his mind. He said the call made him realise the lawyer and the president still believed the claims.";
        let text = format!("{ARTICLE}\n\n{passage}\n\n{passage}");
        assert_eq!(clean(&text), format!("{ARTICLE}\n\n{passage}"));
        // The same passage again inside one paragraph, with other punctuation at its edges.
        let text = format!("{ARTICLE}\n\n{passage} “{passage}”");
        assert_eq!(clean(&text), format!("{ARTICLE}\n\n{passage}"));
        // Menus repeated line by line (two plans sharing most meals) are content.
        let menu = "Breakfast\n\nEat within an hour of waking\n\nOats with one cup of berries and a spoon of nut butter\n\nLunch\n\nGreen salad with chicken, beans and a slice of bread";
        let text = format!("{ARTICLE}\n\nPlan A\n\n{menu}\n\nPlan B\n\n{menu}");
        assert_eq!(clean(&text), text);
        // One repeated sentence (a pull quote, a recipe's recurring line) stays.
        let line =
            "Portion containers for this meal: one green, one red, one yellow and one teaspoon.";
        let text = format!("{ARTICLE}\n\n{line}\n\nMeal 2\n\n{line}");
        assert_eq!(clean(&text), text);
    }
}
