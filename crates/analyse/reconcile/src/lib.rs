//! Reconciles the articles of one event: what independent sources agree on, where they
//! conflict, what only one source says, every statement traced to the sentences it came from.
//!
//! 1. **Entities**: every sentence's mentions ([`corroborate_facts::find_mentions`]) are linked
//!    across the event's articles ([`corroborate_facts::resolve_entities`]).
//! 2. **Claims**: content sentences (enough words, not questions, not headlines or site
//!    furniture) with their entities, numbers ([`QuantitySlot`]) and dates.
//! 3. **Alignment**: claims of different articles are linked when their paraphrase score
//!    ([`corroborate_dedup::sentence_similarity`]) plus shared entities and agreeing numbers
//!    reaches [`ReconcileOptions::link_threshold`]; links are taken best first and join two
//!    groups only when no article would then say the fact twice. One group is one [`Fact`].
//! 4. **Independence**: articles linked by a [`Derivation`] (copies, rewrites) form one
//!    independence group (union-find); a fact's support is the number of groups among its
//!    articles, where groups that carry one of its sentences word for word (at least
//!    12 words, no quotation in it) count once: copied from each other or
//!    from one press release or wire.
//! 5. **Conflicts**: numbers of one unit in two directly aligned sentences (one figure of
//!    that unit in each, neither vague nor a hyphenated modifier) that [`compatible`] cannot
//!    reconcile; two different explicit days given for one statement; one quotation given to
//!    different speakers. Compatible differences ("about 20%" and "20%", a per-side figure
//!    and its total) become the facts' `notes`.
//! 6. **Brief**: quotes with resolved speakers, an extractive summary of the best-supported
//!    facts, and the event's date, place and participants.
//!
//! Everything is deterministic and offline: generic rules, lexicons and statistics.

mod compat;
mod story;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use corroborate_dedup::{Derivation, sentence_similarity};
use corroborate_facts::{
    Approximation, Entity, EntityKind, Mention, Scope, TimeKind, find_mentions, find_quantities,
    find_quotes, find_times, name_key, resolve_entities,
};
use corroborate_model::{Article, ArticleId};
use serde::{Deserialize, Serialize};

use compat::EACH_SIDE_NOTE;
pub use compat::{Compatibility, QuantitySlot, compatible};
pub use story::unify_story_entities;

/// How well a fact is supported.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FactStatus {
    /// Stated by at least two independent sources.
    Corroborated,
    /// Stated by one independent source (possibly with its copies).
    SingleSource,
    /// One of its numbers, dates or quote speakers disagrees with another source.
    Conflicting,
    /// Stated only in sentences a copy or rewrite added to its original.
    AddedByRewrite,
}

/// One sentence that supports a fact.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    /// The article it is in.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub article: ArticleId,
    /// The sentence as written.
    pub sentence: String,
    /// Its index in [`corroborate_text::sentences`] order of the article's text.
    pub sentence_index: usize,
}

/// A calendar day or span a source gives in a fact's sentence.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DateSlot {
    /// The words as written ("May 16", "Monday").
    pub text: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day (equal to `start` for one day).
    pub end: NaiveDate,
    /// The article that states it.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub article: ArticleId,
}

/// One thing the sources say, with who says it.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fact {
    /// Stable identifier: `f-` and 12 hex digits of the hash of the statement.
    pub id: String,
    /// The representative sentence: from the most original source, the clearest one.
    pub statement: String,
    /// How well it is supported.
    pub status: FactStatus,
    /// Every article that states it, in input order.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub sources: Vec<ArticleId>,
    /// Number of independence groups (an original and its copies count once) among `sources`;
    /// groups that state the fact in the same long sentence, word for word, count once too.
    pub independent_sources: usize,
    /// The numbers its sentences state.
    pub quantities: Vec<QuantitySlot>,
    /// The days its sentences name (resolved ones only).
    pub dates: Vec<DateSlot>,
    /// Ids of the entities its sentences name.
    pub entities: Vec<String>,
    /// The supporting sentences.
    pub evidence: Vec<Evidence>,
    /// Differences between sources that were found compatible, and why.
    pub notes: Vec<String>,
}

/// Sources that disagree on one slot.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conflict {
    /// What they disagree on: "count of person", "date", "speaker of quote".
    pub slot: String,
    /// Ids of the facts involved.
    pub facts: Vec<String>,
    /// Why the values cannot all be true.
    pub explanation: String,
    /// Each source's value as written.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<String>>))]
    pub values: Vec<(ArticleId, String)>,
}

/// A person, organisation or place named in the event.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityRecord {
    /// Stable id ("person:volodymyr-zelensky").
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `organisation` or `place`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Every name form seen.
    pub variants: Vec<String>,
    /// Every role seen; `metonym: stands for its government` when a place or seat of
    /// government acts ("Moscow rejected").
    pub roles: Vec<String>,
    /// How many times it is named.
    pub mentions: usize,
    /// Articles naming it, in input order.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub articles: Vec<ArticleId>,
}

/// A quotation with its speaker.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteRecord {
    /// The quoted words.
    pub text: String,
    /// The speaker's canonical entity name, or the name as written when it is no entity.
    pub speaker: Option<String>,
    /// The speaker's entity id.
    pub speaker_entity: Option<String>,
    /// The article quoting it.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub article: ArticleId,
    /// True for words quoted inside the writer's own sentence.
    pub fragment: bool,
}

/// One sentence of the summary with the articles that support it.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SummarySentence {
    /// The sentence.
    pub text: String,
    /// Articles stating it.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub sources: Vec<ArticleId>,
}

/// What the sources of one event say, reconciled.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
pub struct Brief {
    /// Facts ranked by independent support, then by how early the sources state them.
    pub facts: Vec<Fact>,
    /// Disagreements.
    pub conflicts: Vec<Conflict>,
    /// Entities, most mentioned first.
    pub entities: Vec<EntityRecord>,
    /// Quotations in article order.
    pub quotes: Vec<QuoteRecord>,
    /// 3–6 extractive sentences covering the top facts, each cited.
    pub summary: Vec<SummarySentence>,
    /// When the happening took place (`YYYY-MM-DD`, or `start/end` for a span).
    pub date: Option<String>,
    /// Where it took place: the canonical name of the place entity.
    pub place: Option<String>,
    /// Ids of the main people and organisations.
    pub participants: Vec<String>,
}

/// Thresholds and limits; [`Default`] gives the tuned values.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct ReconcileOptions {
    /// Sentences with fewer words are not claims.
    pub min_claim_words: usize,
    /// Sentences longer than this (bytes) are skipped: run-on junk, not claims.
    pub max_sentence_bytes: usize,
    /// Most sentences read per article (keeps pathological inputs bounded).
    pub max_sentences_per_article: usize,
    /// Score (paraphrase + entity and number bonuses) from which two claims state one fact.
    pub link_threshold: f64,
    /// Score from which two claims of different facts that share an entity are compared
    /// for conflicting numbers.
    pub related_threshold: f64,
    /// Sentences in the summary (clamped to 3..=6).
    pub summary_sentences: usize,
    /// Most participants listed.
    pub max_participants: usize,
    /// Most articles aligned with each other. A larger event aligns its most central articles
    /// (those sharing the most vocabulary with the rest) all against all, and matches the
    /// claims of every other article only against theirs, so time grows linearly with the
    /// article count. Facts stated only by peripheral articles stay single-source facts.
    #[serde(default = "default_max_aligned_articles")]
    pub max_aligned_articles: usize,
    /// A word, name or number found in more claims than this is too common in the event to
    /// propose two claims as candidates for alignment (it still counts in their score).
    #[serde(default = "default_max_key_claims")]
    pub max_key_claims: usize,
}

fn default_max_aligned_articles() -> usize {
    ReconcileOptions::default().max_aligned_articles
}

fn default_max_key_claims() -> usize {
    ReconcileOptions::default().max_key_claims
}

impl Default for ReconcileOptions {
    fn default() -> Self {
        Self {
            min_claim_words: 6,
            max_sentence_bytes: 1500,
            max_sentences_per_article: 400,
            link_threshold: 0.45,
            related_threshold: 0.2,
            summary_sentences: 5,
            max_participants: 8,
            max_aligned_articles: 24,
            max_key_claims: 48,
        }
    }
}

/// One content sentence of one article, with what was found in it.
struct Claim {
    article: usize,
    sentence_index: usize,
    text: String,
    /// Index among the article's claims, divided by their count: 0 for the lead.
    position: f64,
    words: usize,
    entities: Vec<usize>,
    slots: Vec<QuantitySlot>,
    dates: Vec<DateSlot>,
    content_words: Vec<String>,
    numbers: Vec<String>,
    added: bool,
}

/// Site furniture that can look like a sentence.
const BOILERPLATE: &[&str] = &[
    "all rights reserved",
    "click here",
    "sign up",
    "subscribe",
    "newsletter",
    "cookie",
    "required fields",
    "email address will not be published",
    "leave a reply",
    "read more",
    "you can read more",
    "follow us",
    "share this",
    "terms of use",
    "privacy policy",
    "advertisement",
    // The footer of an embedded post: "pic.twitter.com/8Y0rq — Jane Doe (@jdoe) May 2, 2014".
    "pic.twitter.com/",
];

/// True when a sentence ends in the signature of an embedded social media post, "— Name
/// (@handle) September 16, 2014": the post's time stamp, not a claim about the event.
fn ends_in_post_signature(text: &str) -> bool {
    let Some(handle) = text.rfind("(@") else {
        return false;
    };
    let after = text.get(handle..).unwrap_or_default();
    let Some(close) = after.find(')') else {
        return false;
    };
    let stamp = after.get(close + 1..).unwrap_or_default().trim();
    let words = stamp.split_whitespace().count();
    (2..=4).contains(&words)
        && stamp
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .is_some_and(|year| year.len() == 4)
}

/// Words of datelines and time stamps besides the calendar words
/// ([`corroborate_text::CALENDAR_WORDS`]): clock and time-zone words.
const DATELINE_WORDS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "bst",
    "cet",
    "et",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "last",
    "updated",
    "update",
    "posted",
    "published",
    "at",
    "on",
    "by",
    "st",
    "nd",
    "rd",
    "th",
];

/// Words too common to show two sentences share a topic.
const STOP_WORDS: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "both", "could", "during", "from", "have",
    "into", "more", "only", "other", "over", "said", "some", "such", "than", "that", "their",
    "them", "then", "there", "these", "they", "this", "those", "were", "what", "when", "which",
    "while", "will", "with", "would", "your", "said", "says", "its", "has", "had",
];

/// Paraphrase-and-overlap score from which two sentences sharing a unit are compared for a
/// per-side figure and its total.
const LOOSE_RELATION: f64 = 0.1;

/// Content-word overlap (Dice) below which two claims sharing no number and no unit are not
/// scored: on the dev events nearly every linked pair (18,938 of 18,947) overlaps more.
const MIN_CANDIDATE_DICE: f64 = 0.2;

/// Share of [`ReconcileOptions::link_threshold`] that the average score between two groups
/// must reach for them to merge.
const AVERAGE_LINK_SHARE: f64 = 0.7;

/// Content words are compared on their first characters: a cheap stem ("soldiers" and
/// "soldier", "negotiations" and "negotiators" are near enough for a topic signal).
const STEM_CHARS: usize = 6;

/// Words telling a number counts what two sides exchange, without saying per side or in total.
const EXCHANGE_WORDS: &[&str] = &[
    "both",
    "exchange",
    "exchanged",
    "swap",
    "swapped",
    "mutual",
    "trade",
    "traded",
];

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

fn normalised(text: &str) -> String {
    words_of(text)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sentences of at least this many words that two reports carry word for word, outside
/// quotation marks, were copied (one from the other, or both from a wire or a press release):
/// they count as one source, whatever else the reports do.
const VERBATIM_MIN_WORDS: usize = 12;

/// The words of a sentence that can show copying: long enough, and no quotation in it (two
/// reporters quoting one speaker write the same words on their own).
fn verbatim_key(text: &str) -> Option<String> {
    if text.contains(['"', '“', '”', '«', '»']) {
        return None;
    }
    let key = normalised(text);
    (key.split(' ').count() >= VERBATIM_MIN_WORDS).then_some(key)
}

/// Independence groups of a fact's supporting claims once groups that carry one of its
/// sentences word for word are merged, and a note for each merge.
fn independent_groups<'c>(
    supporting: impl Iterator<Item = &'c Claim>,
    group_of: &[usize],
) -> (usize, Vec<String>) {
    let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
    let root = |parent: &BTreeMap<usize, usize>, mut group: usize| {
        while let Some(&up) = parent.get(&group) {
            if up == group {
                break;
            }
            group = up;
        }
        group
    };
    let mut carriers: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for claim in supporting {
        let Some(&group) = group_of.get(claim.article) else {
            continue;
        };
        parent.entry(group).or_insert(group);
        if let Some(key) = verbatim_key(&claim.text) {
            carriers.entry(key).or_default().insert(group);
        }
    }
    let mut notes = Vec::new();
    for groups in carriers.values().filter(|groups| groups.len() >= 2) {
        let roots: Vec<usize> = groups.iter().map(|&g| root(&parent, g)).collect();
        if let Some((&first, others)) = roots.split_first() {
            for &other in others {
                if other != first {
                    parent.insert(other, first);
                }
            }
        }
        notes.push(format!(
            "{} reports carry this sentence word for word: copied text, counted as one source",
            groups.len()
        ));
    }
    let independent = parent.keys().filter(|&&g| root(&parent, g) == g).count();
    (independent, notes)
}

/// Is this sentence a claim worth aligning?
fn is_claim(text: &str, options: &ReconcileOptions) -> bool {
    let trimmed = text.trim();
    if trimmed.len() > options.max_sentence_bytes || trimmed.ends_with('?') {
        return false;
    }
    let words: Vec<&str> = words_of(trimmed).collect();
    if words.len() < options.min_claim_words {
        return false;
    }
    let lower = trimmed.to_lowercase();
    if BOILERPLATE.iter().any(|b| lower.contains(b)) || ends_in_post_signature(trimmed) {
        return false;
    }
    // A dateline ("21 July 2013 Last updated at 11:11 GMT") names a day and says nothing.
    let telling = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| {
            let word = w.to_lowercase();
            let word = word.trim_end_matches('.');
            !DATELINE_WORDS.contains(&word) && !corroborate_text::CALENDAR_WORDS.contains(&word)
        })
        .count();
    if telling < 3 {
        return false;
    }
    // Headlines capitalise most words and end without a stop.
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let ends_like_sentence = trimmed
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '"' | '”' | '’' | ')' | ':' | ';'));
    ends_like_sentence || capitalised * 2 < words.len()
}

fn approx_word(approx: Approximation) -> &'static str {
    match approx {
        Approximation::Exact => "exact",
        Approximation::About => "about",
        Approximation::AtLeast => "at_least",
        Approximation::MoreThan => "more_than",
        Approximation::JustOver => "just_over",
        Approximation::Barely => "barely",
        Approximation::Nearly => "nearly",
        Approximation::AtMost => "at_most",
        Approximation::LessThan => "less_than",
        Approximation::Range => "range",
        Approximation::Vague => "vague",
    }
}

fn scope_word(scope: Scope) -> &'static str {
    match scope {
        Scope::EachSide => "each_side",
        Scope::Total => "total",
        Scope::PerDay => "per_day",
        Scope::PerWeek => "per_week",
        Scope::PerMonth => "per_month",
        Scope::PerYear => "per_year",
    }
}

/// Units that are lengths of time: taken from [`find_times`] in days instead.
const TIME_UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
];

/// The numbers and days of one sentence.
fn slots_of(
    text: &str,
    article: &ArticleId,
    reference: Option<NaiveDate>,
) -> (Vec<QuantitySlot>, Vec<DateSlot>) {
    let lower_words: Vec<String> = words_of(text).map(str::to_lowercase).collect();
    let exchange = lower_words
        .iter()
        .any(|w| EXCHANGE_WORDS.contains(&w.as_str()));
    let mut slots = Vec::new();
    for quantity in find_quantities(text) {
        let unit = match (&quantity.unit, &quantity.of) {
            (Some(unit), Some(of)) => Some(format!("{unit} of {of}")),
            (Some(unit), None) => Some(unit.clone()),
            (None, _) => None,
        };
        let Some(unit) = unit else { continue };
        if TIME_UNITS.contains(&unit.as_str()) {
            continue;
        }
        let scope = quantity
            .scope
            .map(|s| scope_word(s).to_string())
            .or_else(|| exchange.then(|| "mutual".to_string()));
        slots.push(QuantitySlot {
            value: quantity.value,
            low: quantity.low,
            high: quantity.high.is_finite().then_some(quantity.high),
            unit: Some(unit),
            scope,
            approx: approx_word(quantity.approx).to_string(),
            article: article.clone(),
            text: text
                .get(quantity.span.start..quantity.span.end)
                .unwrap_or_default()
                .to_string(),
        });
    }
    let mut dates = Vec::new();
    for time in find_times(text, reference) {
        match time.kind {
            TimeKind::Date { start, end } => dates.push(DateSlot {
                text: time.text.clone(),
                start,
                end,
                article: article.clone(),
            }),
            TimeKind::Duration {
                low_days,
                high_days,
            } => slots.push(QuantitySlot {
                value: (low_days == high_days).then_some(low_days),
                low: low_days,
                high: high_days.is_finite().then_some(high_days),
                unit: Some("day".to_string()),
                scope: None,
                approx: if low_days == high_days {
                    "exact"
                } else {
                    "range"
                }
                .to_string(),
                article: article.clone(),
                text: time.text.clone(),
            }),
            TimeKind::Unresolved => {}
        }
    }
    (slots, dates)
}

/// Dates written with a number ("May 16") do not depend on the article date; weekdays and
/// "last month" do, and differ between reports published on different days.
fn has_digit(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// A figure written as a hyphenated modifier ("61-year-old", "45-yard").
fn is_compound(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        word.split_once('-').is_some_and(|(number, rest)| {
            number.chars().any(|c| c.is_ascii_digit())
                && rest.chars().next().is_some_and(char::is_alphabetic)
        })
    })
}

/// Union-find root with path halving.
fn find_root(parents: &mut [usize], mut node: usize) -> usize {
    while let Some(&parent) = parents.get(node) {
        if parent == node {
            break;
        }
        let grand = parents.get(parent).copied().unwrap_or(parent);
        if let Some(slot) = parents.get_mut(node) {
            *slot = grand;
        }
        node = grand;
    }
    node
}

fn stable_id(prefix: &str, text: &str) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(normalised(text).as_bytes());
    format!("{prefix}{:012x}", hash & 0xffff_ffff_ffff)
}

fn sorted_intersection_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// Do any two numbers of the two claims agree (same or compatible)?
fn numbers_agree(a: &Claim, b: &Claim) -> bool {
    a.slots.iter().any(|x| {
        b.slots.iter().any(|y| {
            matches!(
                compatible(x, y),
                Compatibility::Same | Compatibility::Compatible(_)
            )
        })
    })
}

/// Numbers written in digits (not years), as text without separators: a shared "6,000" is
/// strong evidence that two sentences report the same thing.
fn specific_numbers(text: &str) -> Vec<String> {
    let mut numbers: Vec<String> = text
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|t| t.trim_matches(|c| c == ',' || c == '.').replace(',', ""))
        .filter(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .filter(|t| !(t.len() == 4 && (t.starts_with("19") || t.starts_with("20"))))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Dice coefficient of the two claims' content words.
fn content_dice(a: &Claim, b: &Claim) -> f64 {
    let shared_words = sorted_intersection_count(&a.content_words, &b.content_words);
    let total_words = a.content_words.len() + b.content_words.len();
    if total_words == 0 {
        0.0
    } else {
        2.0 * shared_words as f64 / total_words as f64
    }
}

/// Do the two claims state numbers of one unit?
fn shares_unit(a: &Claim, b: &Claim) -> bool {
    a.slots
        .iter()
        .any(|x| b.slots.iter().any(|y| x.unit.is_some() && x.unit == y.unit))
}

/// How strongly two claims state the same thing: the paraphrase score, plus the share of
/// content words in common, plus shared entities, plus shared or compatible numbers.
fn link_score(a: &Claim, b: &Claim) -> f64 {
    let similarity = sentence_similarity(&a.text, &b.text);
    let shared = sorted_intersection_count(&a.entities, &b.entities);
    let union = a.entities.len() + b.entities.len() - shared;
    let entity_share = if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    };
    let shared_words = sorted_intersection_count(&a.content_words, &b.content_words);
    let dice = content_dice(a, b);
    let shared_number = sorted_intersection_count(&a.numbers, &b.numbers) > 0;
    let number_bonus = if shared_number && shared_words >= 2 {
        0.3
    } else if numbers_agree(a, b) {
        0.1
    } else {
        0.0
    };
    similarity + 0.3 * dice + 0.1 * entity_share + number_bonus
}

/// Which articles are aligned all against all: every article when there are at most `limit`,
/// else the `limit` most central ones. An article's centrality is how many other articles
/// share each of its content words, summed, over the square root of its word count (a cosine
/// against the event's vocabulary); ties go to the earlier article.
fn central_articles(claims: &[Claim], article_count: usize, limit: usize) -> Vec<bool> {
    if article_count <= limit {
        return vec![true; article_count];
    }
    let mut words_of_article: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); article_count];
    for claim in claims {
        if let Some(set) = words_of_article.get_mut(claim.article) {
            set.extend(claim.content_words.iter().map(String::as_str));
        }
    }
    let mut article_frequency: HashMap<&str, usize> = HashMap::new();
    for set in &words_of_article {
        for &word in set {
            *article_frequency.entry(word).or_default() += 1;
        }
    }
    let mut ranked: Vec<(f64, usize)> = words_of_article
        .iter()
        .enumerate()
        .map(|(article, set)| {
            let shared: usize = set
                .iter()
                .map(|w| article_frequency.get(w).copied().unwrap_or(1) - 1)
                .sum();
            (shared as f64 / (set.len().max(1) as f64).sqrt(), article)
        })
        .collect();
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut central = vec![false; article_count];
    for &(_, article) in ranked.iter().take(limit) {
        if let Some(flag) = central.get_mut(article) {
            *flag = true;
        }
    }
    central
}

/// Pairs `(i, j)`, `i < j`, of claims of different articles worth scoring: they share two
/// content words, or a name and a word, or a number, counting only words, names and numbers
/// held by at most `max_key_claims` claims (common ones link everything to everything).
/// Two claims of peripheral articles (not `central`) are never paired.
fn candidate_pairs(
    claims: &[Claim],
    central: &[bool],
    max_key_claims: usize,
) -> Vec<(usize, usize)> {
    #[derive(Hash, PartialEq, Eq)]
    enum Key<'a> {
        Word(&'a str),
        Entity(usize),
        Number(&'a str),
    }
    let mut postings: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
    for (index, claim) in claims.iter().enumerate() {
        for word in &claim.content_words {
            postings.entry(Key::Word(word)).or_default().push(index);
        }
        for &entity in &claim.entities {
            postings.entry(Key::Entity(entity)).or_default().push(index);
        }
        for number in &claim.numbers {
            postings.entry(Key::Number(number)).or_default().push(index);
        }
    }
    postings.retain(|_, list| list.len() >= 2 && list.len() <= max_key_claims);
    // Shared words, names and numbers per partner of the current claim.
    let mut shared: Vec<[u16; 3]> = vec![[0; 3]; claims.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    let is_central = |claim: &Claim| central.get(claim.article).copied().unwrap_or(true);
    for (index, claim) in claims.iter().enumerate() {
        let keys = claim
            .content_words
            .iter()
            .map(|w| (Key::Word(w), 0))
            .chain(claim.entities.iter().map(|&e| (Key::Entity(e), 1)))
            .chain(claim.numbers.iter().map(|n| (Key::Number(n), 2)));
        for (key, slot) in keys {
            let Some(list) = postings.get(&key) else {
                continue;
            };
            // Postings are in claim order: only later claims, so each pair is seen once.
            let later = list.partition_point(|&other| other <= index);
            for &other in list.get(later..).unwrap_or_default() {
                let Some(partner) = claims.get(other) else {
                    continue;
                };
                if partner.article == claim.article || !(is_central(claim) || is_central(partner)) {
                    continue;
                }
                if let Some(counts) = shared.get_mut(other) {
                    if *counts == [0; 3] {
                        touched.push(other);
                    }
                    if let Some(count) = counts.get_mut(slot) {
                        *count = count.saturating_add(1);
                    }
                }
            }
        }
        touched.sort_unstable();
        for &other in &touched {
            let Some(counts) = shared.get_mut(other) else {
                continue;
            };
            let [words, names, numbers] = *counts;
            *counts = [0; 3];
            if words >= 2 || (names > 0 && words > 0) || numbers > 0 {
                pairs.push((index, other));
            }
        }
        touched.clear();
    }
    pairs
}

/// Words on each side of a figure or date that say what it is said of.
const CONTEXT_WORDS: usize = 6;

/// Stems of words that say the same of a figure in news ("injured" and "hurt").
const CONTEXT_SYNONYMS: &[(&str, &str)] = &[
    ("hurt", "injur"),
    ("wound", "injur"),
    ("dead", "kill"),
    ("die", "kill"),
    ("death", "kill"),
    ("fatal", "kill"),
    ("slain", "kill"),
    ("cost", "price"),
    ("priced", "price"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("gain", "rise"),
    ("fell", "fall"),
    ("drop", "fall"),
    ("declin", "fall"),
];

/// Stems context words; remembers the stems it made.
struct ContextStemmer {
    stemmer: rust_stemmers::Stemmer,
    cache: HashMap<String, String>,
}

impl ContextStemmer {
    fn new() -> Self {
        Self {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            cache: HashMap::new(),
        }
    }

    fn stem(&mut self, word: &str) -> String {
        if let Some(stem) = self.cache.get(word) {
            return stem.clone();
        }
        let stem = self.stemmer.stem(word).into_owned();
        let stem = CONTEXT_SYNONYMS
            .iter()
            .find(|(from, _)| *from == stem)
            .map_or(stem, |(_, to)| (*to).to_string());
        self.cache.insert(word.to_string(), stem.clone());
        stem
    }
}

/// The verbs and common nouns within [`CONTEXT_WORDS`] words of `part` in `sentence`, stemmed:
/// not names (capitalised), numbers, short or stop words, nor the words of `part` itself.
fn context_words(sentence: &str, part: &str, stemmer: &mut ContextStemmer) -> Vec<String> {
    let Some(start) = sentence.find(part) else {
        return Vec::new();
    };
    let end = start + part.len();
    let before: Vec<&str> = words_of(sentence.get(..start).unwrap_or_default()).collect();
    let after = words_of(sentence.get(end..).unwrap_or_default()).take(CONTEXT_WORDS);
    let mut stems: Vec<String> = before
        .iter()
        .rev()
        .take(CONTEXT_WORDS)
        .copied()
        .chain(after)
        .filter(|w| is_context_word(w))
        .map(|w| stemmer.stem(&w.to_lowercase()))
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// A verb or common noun: not a name (capitalised), number, short or stop word.
fn is_context_word(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_lowercase)
        && !STOP_WORDS.contains(&word)
        && !matches!(word, "and" | "the" | "for" | "was" | "are" | "but" | "not")
}

fn share_context(a: &[String], b: &[String]) -> bool {
    sorted_intersection_count(a, b) > 0
}

/// The person or organisation named last before `part` in the sentence, within
/// [`CONTEXT_WORDS`] words: whose figure it is ("Charles' 226 yards", "Luck threw for 205").
fn subject_before(
    claim: &Claim,
    part: &str,
    mention_spans: &HashMap<(usize, usize), Vec<(usize, usize)>>,
    entities: &[Entity],
) -> Option<usize> {
    let start = claim.text.find(part)?;
    mention_spans
        .get(&(claim.article, claim.sentence_index))?
        .iter()
        .filter(|(end, _)| *end <= start)
        .filter(|(end, _)| {
            words_of(claim.text.get(*end..start).unwrap_or_default()).count() <= CONTEXT_WORDS
        })
        .filter(|(_, entity)| {
            entities
                .get(*entity)
                .is_some_and(|e| e.kind != EntityKind::Place)
        })
        .max_by_key(|(end, _)| *end)
        .map(|&(_, entity)| entity)
}

/// Words that scale a figure rather than qualify what is counted.
const MULTIPLIER_WORDS: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "bn", "m", "k",
];

/// The words between a figure and its counted noun ("AK 47" in "12 AK 47 guns"), lower
/// case: hedges before the figure, multipliers and the noun itself left out.
fn modifiers(text: &str) -> Vec<String> {
    let words: Vec<&str> = words_of(text).collect();
    let Some(figure) = words
        .iter()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()) || word_number(w))
    else {
        return Vec::new();
    };
    let mut found: Vec<String> = words
        .get(figure + 1..words.len().saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !MULTIPLIER_WORDS.contains(&w.as_str()))
        // Digit groups of the figure itself ("53,000" reads as two words).
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Number words that start a figure ("three boats").
fn word_number(word: &str) -> bool {
    const NUMBER_WORDS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousands",
        "dozen",
        "dozens",
        "half",
        "a",
        "an",
    ];
    NUMBER_WORDS.contains(&word.to_lowercase().as_str())
}

/// Years written in a sentence ("in 2012").
fn years_of(text: &str) -> BTreeSet<&str> {
    words_of(text)
        .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// Do two figures of one unit, in two aligned sentences, fill the same slot? Not when the
/// other sentence states the figure too (the two count different things: "58 wins, 51 by
/// knockout"), when the sentences speak of different days or years, when different people or
/// organisations own the figures ("Charles' 226 yards", "Luck threw for 205 yards"), or when
/// nothing said around the two figures is the same (no verb or noun in common: "rushed for
/// 226 yards", "up the middle for 2 yards").
fn same_slot(
    (a, x): (&Claim, &QuantitySlot),
    (b, y): (&Claim, &QuantitySlot),
    mention_spans: &HashMap<(usize, usize), Vec<(usize, usize)>>,
    entities: &[Entity],
    stemmer: &mut ContextStemmer,
) -> bool {
    let written = |value: Option<f64>| {
        value
            .filter(|v| v.fract() == 0.0 && *v >= 10.0)
            .map(|v| format!("{v:.0}"))
    };
    let states = |claim: &Claim, value: Option<f64>| {
        written(value).is_some_and(|w| claim.numbers.contains(&w))
    };
    if states(a, y.value) || states(b, x.value) {
        return false;
    }
    // "12 AK 47 guns" and "3 machine guns", "1.5 billion Canadian dollars" and "$1.1
    // billion": words between the figure and its noun name a different thing.
    if modifiers(&x.text) != modifiers(&y.text) {
        return false;
    }
    let days_differ = !a.dates.is_empty()
        && !b.dates.is_empty()
        && !a
            .dates
            .iter()
            .any(|d| b.dates.iter().any(|e| d.start <= e.end && e.start <= d.end));
    let (years_a, years_b) = (years_of(&a.text), years_of(&b.text));
    let years_differ = !years_a.is_empty() && !years_b.is_empty() && years_a.is_disjoint(&years_b);
    if days_differ || years_differ {
        return false;
    }
    let subjects = (
        subject_before(a, &x.text, mention_spans, entities),
        subject_before(b, &y.text, mention_spans, entities),
    );
    if let (Some(first), Some(second)) = subjects
        && first != second
    {
        return false;
    }
    if x.unit.as_deref() == Some("day") {
        // Lengths of time are said of many things ("after a week of tensions", "a day
        // after"): the word that governs each ("sentenced to", "erasing") must be the same.
        let governing = |claim: &Claim, slot: &QuantitySlot, stemmer: &mut ContextStemmer| {
            let start = claim.text.find(&slot.text)?;
            let before: Vec<&str> = words_of(claim.text.get(..start)?).collect();
            before
                .iter()
                .rev()
                .take(3)
                .find(|w| is_context_word(w))
                .map(|w| stemmer.stem(&w.to_lowercase()))
        };
        let (first, second) = (governing(a, x, stemmer), governing(b, y, stemmer));
        if first.is_none() || first != second {
            return false;
        }
    }
    share_context(
        &context_words(&a.text, &x.text, stemmer),
        &context_words(&b.text, &y.text, stemmer),
    )
}

/// Reads one article into sentences, mentions and claims.
struct ArticleView {
    sentences: Vec<String>,
    paragraphs: Vec<usize>,
}

fn read_article(article: &Article, options: &ReconcileOptions) -> ArticleView {
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    for sentence in corroborate_text::sentences(&article.text)
        .into_iter()
        .take(options.max_sentences_per_article)
    {
        sentences.push(sentence.text(&article.text).trim().to_string());
        paragraphs.push(sentence.paragraph);
    }
    ArticleView {
        sentences,
        paragraphs,
    }
}

/// Reconciles one event. `derivations` may mention articles outside the event: ignore those.
///
/// Articles with a repeated id are read once (the first).
pub fn reconcile(
    articles: &[Article],
    derivations: &[Derivation],
    options: &ReconcileOptions,
) -> Brief {
    let mut seen = BTreeSet::new();
    let articles: Vec<&Article> = articles
        .iter()
        .filter(|a| seen.insert(a.id.clone()))
        .collect();
    if articles.is_empty() {
        return Brief::default();
    }
    let index_of: HashMap<&ArticleId, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.id, i))
        .collect();

    // Independence groups: an original and everything derived from it count once.
    let mut parents: Vec<usize> = (0..articles.len()).collect();
    let mut derived = vec![false; articles.len()];
    let mut added_by_copy: Vec<Vec<String>> = vec![Vec::new(); articles.len()];
    for derivation in derivations {
        let (Some(&copy), Some(&original)) = (
            index_of.get(&derivation.copy),
            index_of.get(&derivation.original),
        ) else {
            continue;
        };
        let (root_copy, root_original) = (
            find_root(&mut parents, copy),
            find_root(&mut parents, original),
        );
        if let Some(slot) = parents.get_mut(root_copy.max(root_original)) {
            *slot = root_copy.min(root_original);
        }
        if let Some(flag) = derived.get_mut(copy) {
            *flag = true;
        }
        if let Some(list) = added_by_copy.get_mut(copy) {
            list.extend(derivation.added.iter().map(|s| normalised(s)));
        }
    }
    let group_of: Vec<usize> = (0..articles.len())
        .map(|i| find_root(&mut parents, i))
        .collect();

    let views: Vec<ArticleView> = articles.iter().map(|a| read_article(a, options)).collect();

    // Entities over every sentence of every article.
    let mut mentions: Vec<Mention> = Vec::new();
    let mut mention_place: Vec<(usize, usize)> = Vec::new();
    for (article_index, view) in views.iter().enumerate() {
        for (sentence_index, sentence) in view.sentences.iter().enumerate() {
            if sentence.len() > options.max_sentence_bytes {
                continue;
            }
            for mention in find_mentions(sentence) {
                mentions.push(mention);
                mention_place.push((article_index, sentence_index));
            }
        }
    }
    let (entities, assignment) = resolve_entities(&mentions);
    let mut sentence_entities: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (mention_index, place) in mention_place.iter().enumerate() {
        if let Some(&entity) = assignment.get(mention_index) {
            sentence_entities.entry(*place).or_default().push(entity);
        }
    }

    // Claims.
    let mut claims: Vec<Claim> = Vec::new();
    for (article_index, (article, view)) in articles.iter().zip(&views).enumerate() {
        let reference = article.published.map(|p| p.date());
        let candidates: Vec<usize> = (0..view.sentences.len())
            .filter(|&i| view.sentences.get(i).is_some_and(|s| is_claim(s, options)))
            .collect();
        let count = candidates.len().max(1) as f64;
        for (rank, &sentence_index) in candidates.iter().enumerate() {
            let Some(text) = view.sentences.get(sentence_index) else {
                continue;
            };
            let mut entity_list = sentence_entities
                .get(&(article_index, sentence_index))
                .cloned()
                .unwrap_or_default();
            entity_list.sort_unstable();
            entity_list.dedup();
            let (slots, dates) = slots_of(text, &article.id, reference);
            let key = normalised(text);
            let added = added_by_copy.get(article_index).is_some_and(|list| {
                list.iter().any(|a| {
                    a == &key
                        || (key.len() >= 20 && a.contains(&key))
                        || (a.len() >= 20 && key.contains(a.as_str()))
                })
            });
            let mut content_words: Vec<String> = words_of(text)
                .map(str::to_lowercase)
                .filter(|w| w.chars().count() >= 4 && !STOP_WORDS.contains(&w.as_str()))
                .map(|w| w.chars().take(STEM_CHARS).collect())
                .collect();
            content_words.sort_unstable();
            content_words.dedup();
            claims.push(Claim {
                article: article_index,
                sentence_index,
                text: text.clone(),
                position: rank as f64 / count,
                words: words_of(text).count(),
                entities: entity_list,
                slots,
                dates,
                content_words,
                numbers: specific_numbers(text),
                added,
            });
        }
    }

    // Pair scores between claims of different articles that share rare words, names or
    // numbers, found through an inverted index so the work grows with the claims, not with
    // their pairs.
    let central = central_articles(&claims, articles.len(), options.max_aligned_articles);
    let mut scores: HashMap<(usize, usize), f64> = HashMap::new();
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    for (i, j) in candidate_pairs(&claims, &central, options.max_key_claims) {
        let (Some(a), Some(b)) = (claims.get(i), claims.get(j)) else {
            continue;
        };
        // The paraphrase score is the costly part: pairs with few content words in common
        // reach the link threshold only through a shared number, and are compared for
        // numbers only when they count the same thing.
        if content_dice(a, b) < MIN_CANDIDATE_DICE
            && sorted_intersection_count(&a.numbers, &b.numbers) == 0
            && !shares_unit(a, b)
        {
            continue;
        }
        let score = link_score(a, b);
        scores.insert((i, j), score);
        if score >= options.link_threshold {
            edges.push((score, i, j));
        }
    }
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));

    // Greedy grouping: best links first; a group holds at most one sentence per article.
    let mut group_members: Vec<Vec<usize>> = (0..claims.len()).map(|i| vec![i]).collect();
    let mut claim_group: Vec<usize> = (0..claims.len()).collect();
    for &(_, i, j) in &edges {
        let (Some(&gi), Some(&gj)) = (claim_group.get(i), claim_group.get(j)) else {
            continue;
        };
        if gi == gj {
            continue;
        }
        let articles_of = |g: usize| -> BTreeSet<usize> {
            group_members
                .get(g)
                .map(|m| {
                    m.iter()
                        .filter_map(|&c| claims.get(c))
                        .map(|c| c.article)
                        .collect()
                })
                .unwrap_or_default()
        };
        if !articles_of(gi).is_disjoint(&articles_of(gj)) {
            continue;
        }
        // Against chaining (A like B, B like C, A unlike C): the groups must also be alike
        // on average over all their cross pairs.
        let (left, right) = (
            group_members.get(gi).cloned().unwrap_or_default(),
            group_members.get(gj).cloned().unwrap_or_default(),
        );
        let mut total = 0.0;
        for &x in &left {
            for &y in &right {
                total += scores.get(&(x.min(y), x.max(y))).copied().unwrap_or(0.0);
            }
        }
        let pairs = (left.len() * right.len()).max(1) as f64;
        if total / pairs < options.link_threshold * AVERAGE_LINK_SHARE {
            continue;
        }
        let (keep, absorb) = (gi.min(gj), gi.max(gj));
        let moved = group_members
            .get_mut(absorb)
            .map(std::mem::take)
            .unwrap_or_default();
        for &c in &moved {
            if let Some(slot) = claim_group.get_mut(c) {
                *slot = keep;
            }
        }
        if let Some(members) = group_members.get_mut(keep) {
            members.extend(moved);
            members.sort_unstable();
        }
    }

    // Facts from groups.
    struct Draft {
        members: Vec<usize>,
        fact: Fact,
        position: f64,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut fact_of_claim: Vec<usize> = vec![usize::MAX; claims.len()];
    for members in group_members.iter().filter(|m| !m.is_empty()) {
        let mut members = members.clone();
        members.sort_by_key(|&c| claims.get(c).map(|c| (c.article, c.sentence_index)));
        let best = members
            .iter()
            .filter_map(|&c| claims.get(c).map(|claim| (c, claim)))
            .min_by_key(|(c, claim)| {
                (
                    derived.get(claim.article).copied().unwrap_or(false),
                    claim.words < 8,
                    claim.words,
                    // Ids, not input positions, so the choice does not depend on input order.
                    articles.get(claim.article).map(|a| a.id.clone()),
                    claim.sentence_index,
                    *c,
                )
            })
            .map(|(_, claim)| claim.text.clone())
            .unwrap_or_default();
        let mut sources: Vec<usize> = members
            .iter()
            .filter_map(|&c| claims.get(c))
            .map(|c| c.article)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        let (independent, verbatim_notes) =
            independent_groups(members.iter().filter_map(|&c| claims.get(c)), &group_of);
        let all_added = members
            .iter()
            .filter_map(|&c| claims.get(c))
            .all(|c| c.added);
        let mut entity_ids: Vec<String> = members
            .iter()
            .filter_map(|&c| claims.get(c))
            .flat_map(|c| c.entities.iter())
            .filter_map(|&e| entities.get(e).map(|e| e.id.clone()))
            .collect();
        entity_ids.sort();
        entity_ids.dedup();
        let status = if independent >= 2 {
            FactStatus::Corroborated
        } else if all_added {
            FactStatus::AddedByRewrite
        } else {
            FactStatus::SingleSource
        };
        let position = members
            .iter()
            .filter_map(|&c| claims.get(c))
            .map(|c| c.position)
            .fold(f64::INFINITY, f64::min);
        let fact = Fact {
            id: stable_id("f-", &best),
            statement: best,
            status,
            sources: sources
                .iter()
                .filter_map(|&a| articles.get(a).map(|a| a.id.clone()))
                .collect(),
            independent_sources: independent,
            quantities: members
                .iter()
                .filter_map(|&c| claims.get(c))
                .flat_map(|c| c.slots.iter().cloned())
                .collect(),
            dates: members
                .iter()
                .filter_map(|&c| claims.get(c))
                .flat_map(|c| c.dates.iter().cloned())
                .collect(),
            entities: entity_ids,
            evidence: members
                .iter()
                .filter_map(|&c| claims.get(c))
                .filter_map(|c| {
                    Some(Evidence {
                        article: articles.get(c.article)?.id.clone(),
                        sentence: c.text.clone(),
                        sentence_index: c.sentence_index,
                    })
                })
                .collect(),
            notes: verbatim_notes,
        };
        for &c in &members {
            if let Some(slot) = fact_of_claim.get_mut(c) {
                *slot = drafts.len();
            }
        }
        drafts.push(Draft {
            members,
            fact,
            position,
        });
    }

    // Conflicts and compatibility notes between claims of different articles about one thing.
    let mut context_stemmer = ContextStemmer::new();
    let mut mention_spans: HashMap<(usize, usize), Vec<(usize, usize)>> = HashMap::new();
    for ((mention, &entity), place) in mentions.iter().zip(&assignment).zip(&mention_place) {
        mention_spans
            .entry(*place)
            .or_default()
            .push((mention.span.end, entity));
    }
    let mut conflicts: BTreeMap<(String, Vec<usize>), Conflict> = BTreeMap::new();
    let mut notes: Vec<BTreeSet<String>> = vec![BTreeSet::new(); drafts.len()];
    for (&(i, j), &score) in &scores {
        let (Some(a), Some(b)) = (claims.get(i), claims.get(j)) else {
            continue;
        };
        let (Some(&fa), Some(&fb)) = (fact_of_claim.get(i), fact_of_claim.get(j)) else {
            continue;
        };
        let same_fact = fa == fb;
        let shares_unit = shares_unit(a, b);
        let related = same_fact
            || (score >= options.related_threshold
                && (sorted_intersection_count(&a.entities, &b.entities) > 0 || shares_unit));
        // Sentences too loosely related to compare numbers may still show a per-side figure
        // and its two-sided total; only that agreement is noted for them.
        let loosely_related = shares_unit && score >= LOOSE_RELATION;
        if !related && !loosely_related {
            continue;
        }
        let mut units: BTreeSet<&str> = BTreeSet::new();
        for slot in &a.slots {
            if let Some(unit) = slot.unit.as_deref() {
                units.insert(unit);
            }
        }
        for unit in units {
            let left: Vec<&QuantitySlot> = a
                .slots
                .iter()
                .filter(|s| s.unit.as_deref() == Some(unit))
                .collect();
            let right: Vec<&QuantitySlot> = b
                .slots
                .iter()
                .filter(|s| s.unit.as_deref() == Some(unit))
                .collect();
            let mut agreed = false;
            let mut first_conflict: Option<(String, &QuantitySlot, &QuantitySlot)> = None;
            let mut reasons = Vec::new();
            for x in &left {
                for y in &right {
                    match compatible(x, y) {
                        Compatibility::Same => agreed = true,
                        Compatibility::Compatible(reason) => {
                            agreed = true;
                            reasons.push(reason);
                        }
                        Compatibility::Conflict(reason) => {
                            if first_conflict.is_none() {
                                first_conflict = Some((reason, x, y));
                            }
                        }
                        Compatibility::Unrelated => {}
                    }
                }
            }
            // Lengths of time are said of many things ("after three years", "lasted an
            // hour"): compare them only between sentences that say nearly the same thing.
            let close = same_fact && score >= options.link_threshold + 0.2;
            if unit == "day" && !(same_fact && (agreed || close)) {
                continue;
            }
            if !related {
                reasons.retain(|r| r.contains(EACH_SIDE_NOTE));
                if reasons.is_empty() {
                    continue;
                }
            }
            if agreed {
                for reason in reasons {
                    for fact in [fa, fb] {
                        if let Some(set) = notes.get_mut(fact) {
                            set.insert(reason.clone());
                        }
                    }
                }
            } else if let Some((reason, x, y)) = first_conflict {
                // Only numbers stated in aligned sentences, or in sentences about the same
                // thing with the same entities, are claims about one slot.
                // One figure of the unit on each side (several figures in one sentence count
                // different things), both figures stated (a vague "billions" is no
                // measurement), and the two sentences themselves aligned, not merely in
                // one group through others.
                let single = left.len() == 1 && right.len() == 1;
                let vague = x.approx == "vague" || y.approx == "vague";
                // "61-year-old", "45-yard run": a hyphenated figure describes something
                // (a person, a play), and two sentences may describe different ones.
                let descriptive = is_compound(&x.text) || is_compound(&y.text);
                if !single || vague || descriptive || score < options.link_threshold {
                    continue;
                }
                if !same_slot(
                    (a, x),
                    (b, y),
                    &mention_spans,
                    &entities,
                    &mut context_stemmer,
                ) {
                    continue;
                }
                let slot_name = if unit == "day" {
                    "length in days".to_string()
                } else if let Some(base) = unit.strip_prefix("% of ") {
                    format!("share of {base}")
                } else {
                    format!("count of {unit}")
                };
                let mut facts = vec![fa, fb];
                facts.sort_unstable();
                facts.dedup();
                let entry = conflicts
                    .entry((slot_name.clone(), facts.clone()))
                    .or_insert_with(|| Conflict {
                        slot: slot_name,
                        facts: facts
                            .iter()
                            .filter_map(|&f| drafts.get(f).map(|d| d.fact.id.clone()))
                            .collect(),
                        explanation: reason.clone(),
                        values: Vec::new(),
                    });
                for value in [
                    (x.article.clone(), x.text.clone()),
                    (y.article.clone(), y.text.clone()),
                ] {
                    if !entry.values.contains(&value) {
                        entry.values.push(value);
                    }
                }
            }
        }
        // Different days for one statement.
        if same_fact && score >= options.link_threshold && a.dates.len() == 1 && b.dates.len() == 1
        {
            if let (Some(x), Some(y)) = (a.dates.first(), b.dates.first()) {
                let same_reference = articles.get(a.article).map(|x| x.published)
                    == articles.get(b.article).map(|x| x.published);
                if x.start == x.end
                    && y.start == y.end
                    && x.start != y.start
                    && (same_reference || (has_digit(&x.text) && has_digit(&y.text)))
                    // "on Friday" in two reports published on different days: the same
                    // words, read against different dates, are no disagreement.
                    && normalised(&x.text) != normalised(&y.text)
                    // The two days must be said of the same happening: the words around
                    // them share a verb or noun ("met on Monday" and "met on Tuesday").
                    && share_context(
                        &context_words(&a.text, &x.text, &mut context_stemmer),
                        &context_words(&b.text, &y.text, &mut context_stemmer),
                    )
                {
                    let facts = vec![fa];
                    let entry = conflicts
                        .entry(("date".to_string(), facts))
                        .or_insert_with(|| Conflict {
                            slot: "date".to_string(),
                            facts: drafts
                                .get(fa)
                                .map(|d| vec![d.fact.id.clone()])
                                .unwrap_or_default(),
                            explanation: format!(
                                "\"{}\" and \"{}\" name different days for the same statement",
                                x.text, y.text
                            ),
                            values: Vec::new(),
                        });
                    for value in [
                        (x.article.clone(), format!("{} ({})", x.text, x.start)),
                        (y.article.clone(), format!("{} ({})", y.text, y.start)),
                    ] {
                        if !entry.values.contains(&value) {
                            entry.values.push(value);
                        }
                    }
                }
            }
        }
    }

    // Quotes with speakers resolved to entities.
    let mut entity_by_name: HashMap<String, usize> = HashMap::new();
    for (mention, &entity) in mentions.iter().zip(&assignment) {
        entity_by_name
            .entry(mention.name.to_lowercase())
            .or_insert(entity);
    }
    let resolve_speaker = |name: &str| -> Option<usize> {
        if let Some(&e) = entity_by_name.get(&name.to_lowercase()) {
            return Some(e);
        }
        let last = name.split_whitespace().last().map(name_key)?;
        let matching: Vec<usize> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .filter(|(_, e)| {
                e.variants
                    .iter()
                    .any(|v| v.split_whitespace().last().map(name_key).as_deref() == Some(&last))
            })
            .map(|(i, _)| i)
            .collect();
        (matching.len() == 1)
            .then(|| matching.first().copied())
            .flatten()
    };
    let mut quotes: Vec<QuoteRecord> = Vec::new();
    let mut quote_places: Vec<(usize, usize)> = Vec::new();
    for (article_index, (article, view)) in articles.iter().zip(&views).enumerate() {
        let mut start = 0;
        while start < view.sentences.len() {
            let paragraph = view.paragraphs.get(start).copied().unwrap_or(0);
            let mut end = start;
            while end < view.sentences.len() && view.paragraphs.get(end) == Some(&paragraph) {
                end += 1;
            }
            let texts: Vec<&str> = view
                .sentences
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(String::as_str)
                .filter(|s| s.len() <= options.max_sentence_bytes)
                .collect();
            for (offset, quote) in find_quotes(&texts) {
                let entity = quote.speaker.as_deref().and_then(&resolve_speaker);
                let entity_record = entity.and_then(|e| entities.get(e));
                quotes.push(QuoteRecord {
                    text: quote.text.clone(),
                    speaker: entity_record
                        .map(|e| e.name.clone())
                        .or_else(|| quote.speaker.clone()),
                    speaker_entity: entity_record.map(|e| e.id.clone()),
                    article: article.id.clone(),
                    fragment: quote.fragment,
                });
                quote_places.push((article_index, start + offset));
            }
            start = end.max(start + 1);
        }
    }
    // One quotation given to different speakers.
    let entity_index_by_id: HashMap<&str, usize> = entities
        .iter()
        .enumerate()
        .map(|(index, entity)| (entity.id.as_str(), index))
        .collect();
    let mut entity_articles: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); entities.len()];
    for (&entity, &(article, _)) in assignment.iter().zip(&mention_place) {
        if let Some(set) = entity_articles.get_mut(entity) {
            set.insert(article);
        }
    }
    let mut fact_at: HashMap<(usize, usize), usize> = HashMap::new();
    for (claim, &fact) in claims.iter().zip(&fact_of_claim) {
        fact_at.insert((claim.article, claim.sentence_index), fact);
    }
    let fact_id_of_quote = |quote_index: usize| -> Option<String> {
        let place = quote_places.get(quote_index)?;
        let fact = fact_at.get(place)?;
        drafts.get(*fact).map(|d| d.fact.id.clone())
    };
    for (i, j) in contained_quote_pairs(&quotes) {
        let (Some(a), Some(b)) = (quotes.get(i), quotes.get(j)) else {
            continue;
        };
        // A quote given to a person in one source and to an organisation or place in another
        // is the same words with a spokesperson and the body they speak for, or a misread
        // apposition ("John Smith, vice president of HP Services"): only two different
        // people are a conflict.
        let is_person = |record: &QuoteRecord| {
            record
                .speaker_entity
                .as_deref()
                .is_some_and(|id| id.starts_with(EntityKind::Person.as_str()))
        };
        // A source that names the other speaker in the quote's own sentence gives it to
        // that person too ("Tanya Sanerib, a lawyer with the Center for ...").
        let sentence_of = |index: usize| {
            quote_places
                .get(index)
                .and_then(|&(article, sentence)| views.get(article)?.sentences.get(sentence))
                .map(|s| s.to_lowercase())
                .unwrap_or_default()
        };
        let names_in = |record: &QuoteRecord, sentence: &str| {
            record
                .speaker
                .as_deref()
                .is_some_and(|name| sentence.contains(&name.to_lowercase()))
        };
        // Nor is it a conflict when the other source names that speaker anywhere: joint
        // statements, and a pronoun or title resolved to the wrong person.
        let named_in_article = |record: &QuoteRecord, index: usize| {
            let entity = record
                .speaker_entity
                .as_deref()
                .and_then(|id| entity_index_by_id.get(id));
            let article = quote_places.get(index).map(|&(article, _)| article);
            match (entity, article) {
                (Some(&entity), Some(article)) => entity_articles
                    .get(entity)
                    .is_some_and(|set| set.contains(&article)),
                _ => false,
            }
        };
        let cross_named = names_in(a, &sentence_of(j))
            || names_in(b, &sentence_of(i))
            || named_in_article(a, j)
            || named_in_article(b, i);
        if a.speaker_entity != b.speaker_entity && is_person(a) && is_person(b) && !cross_named {
            let entry = conflicts
                .entry(("speaker of quote".to_string(), vec![usize::MAX - i]))
                .or_insert_with(|| Conflict {
                    slot: "speaker of quote".to_string(),
                    facts: Vec::new(),
                    explanation: format!("\"{}\" is given to different speakers", a.text),
                    values: Vec::new(),
                });
            for fact in [fact_id_of_quote(i), fact_id_of_quote(j)]
                .into_iter()
                .flatten()
            {
                if !entry.facts.contains(&fact) {
                    entry.facts.push(fact);
                }
            }
            for record in [a, b] {
                let value = (
                    record.article.clone(),
                    record.speaker.clone().unwrap_or_default(),
                );
                if !entry.values.contains(&value) {
                    entry.values.push(value);
                }
            }
        }
    }

    // Statuses and notes.
    let conflicting: BTreeSet<String> = conflicts
        .values()
        .flat_map(|c| c.facts.iter().cloned())
        .collect();
    for (draft, note_set) in drafts.iter_mut().zip(notes) {
        draft.fact.notes.extend(note_set);
        if conflicting.contains(&draft.fact.id) {
            draft.fact.status = FactStatus::Conflicting;
        }
    }
    drafts.sort_by(|x, y| {
        y.fact
            .independent_sources
            .cmp(&x.fact.independent_sources)
            .then(y.fact.sources.len().cmp(&x.fact.sources.len()))
            .then(x.position.total_cmp(&y.position))
            .then(x.fact.id.cmp(&y.fact.id))
    });

    let summary = summarise(&drafts.iter().map(|d| &d.fact).collect::<Vec<_>>(), options);
    let date = event_date(
        &articles,
        &claims,
        &group_of,
        &drafts
            .iter()
            .map(|d| d.members.as_slice())
            .collect::<Vec<_>>(),
    );
    let entity_records =
        entity_records(&entities, &assignment, &mentions, &mention_place, &articles);
    let place = event_place(&entities, &assignment, &mentions, &mention_place, &views);
    let participants = entity_records
        .iter()
        // News outlets are where the report comes from, not who took part.
        .filter(|e| {
            e.kind != EntityKind::Place.as_str() && !corroborate_facts::is_news_outlet(&e.name)
        })
        .take(options.max_participants)
        .map(|e| e.id.clone())
        .collect();

    Brief {
        facts: drafts.into_iter().map(|d| d.fact).collect(),
        conflicts: conflicts.into_values().collect(),
        entities: entity_records,
        quotes,
        summary,
        date,
        place,
        participants,
    }
}

/// Words of a quote from which it can be matched inside another.
const QUOTE_MATCH_WORDS: usize = 4;

/// Pairs `(i, j)`, `i < j`, of quotes from different articles, neither a fragment, both with a
/// resolved speaker, where one quote's words (at least [`QUOTE_MATCH_WORDS`]) run inside the
/// other's. Found through an index on each quote's first words, so the work grows with the
/// quotes, not with their pairs. Sorted.
fn contained_quote_pairs(quotes: &[QuoteRecord]) -> Vec<(usize, usize)> {
    let keys: Vec<Option<Vec<String>>> = quotes
        .iter()
        .map(|q| {
            let words: Vec<String> = normalised(&q.text)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            let eligible =
                !q.fragment && q.speaker_entity.is_some() && words.len() >= QUOTE_MATCH_WORDS;
            eligible.then_some(words)
        })
        .collect();
    let mut by_opening: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (index, words) in keys.iter().enumerate() {
        if let Some(opening) = words.as_ref().and_then(|w| w.get(..QUOTE_MATCH_WORDS)) {
            by_opening.entry(opening).or_default().push(index);
        }
    }
    let mut pairs = BTreeSet::new();
    for (outer, words) in keys.iter().enumerate() {
        let Some(words) = words else { continue };
        for window in words.windows(QUOTE_MATCH_WORDS) {
            for &inner in by_opening.get(window).into_iter().flatten() {
                let (Some(a), Some(b), Some(Some(inner_words))) =
                    (quotes.get(outer), quotes.get(inner), keys.get(inner))
                else {
                    continue;
                };
                if inner == outer || a.article == b.article {
                    continue;
                }
                let runs_inside = words
                    .windows(inner_words.len())
                    .any(|run| run == inner_words.as_slice());
                if runs_inside {
                    pairs.insert((outer.min(inner), outer.max(inner)));
                }
            }
        }
    }
    pairs.into_iter().collect()
}

/// Words that open a sentence leaning on the one before it ("But …", "Then again …").
const LEANING_OPENERS: &[&str] = &[
    "and",
    "but",
    "however",
    "also",
    "then",
    "still",
    "yet",
    "so",
    "meanwhile",
    "instead",
    "additionally",
    "furthermore",
    "moreover",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "besides",
    "or",
];

/// Below this many words, a sentence opening with a connective says little beyond pointing
/// back ("And that's pretty much what happens in this video."); longer ones carry their own
/// content ("Additionally, Russia insisted upon the withdrawal of …").
const SHORT_LEANING_WORDS: usize = 12;

/// True when a sentence cannot stand as a summary line on its own: a short one that leans on
/// the sentence before it ("But I've ignored all the speculation.") or one that announces a
/// list that follows it ("Slash pages from every domain on the web:").
fn leans_on_context(statement: &str) -> bool {
    let trimmed = statement.trim();
    let first_word: String = trimmed
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    trimmed.ends_with(':')
        || (LEANING_OPENERS.contains(&first_word.as_str())
            && trimmed.split_whitespace().count() < SHORT_LEANING_WORDS)
}

/// The statements of the best-supported facts, skipping near repeats. Within the same number
/// of independent sources, sentences that stand on their own come before those that lean on
/// context, which are taken only when too few others remain.
fn summarise(facts: &[&Fact], options: &ReconcileOptions) -> Vec<SummarySentence> {
    let wanted = options.summary_sentences.clamp(3, 6);
    let mut candidates: Vec<&Fact> = facts
        .iter()
        .copied()
        .filter(|fact| fact.status != FactStatus::AddedByRewrite)
        .collect();
    // Stable: the order within each group (support, then position) is kept.
    candidates.sort_by_key(|fact| {
        (
            std::cmp::Reverse(fact.independent_sources),
            leans_on_context(&fact.statement),
        )
    });
    let mut chosen: Vec<SummarySentence> = Vec::new();
    for fact in candidates {
        if chosen.len() >= wanted {
            break;
        }
        let repeated = chosen
            .iter()
            .any(|s| sentence_similarity(&s.text, &fact.statement) >= 0.5);
        if repeated {
            continue;
        }
        chosen.push(SummarySentence {
            text: fact.statement.clone(),
            sources: fact.sources.clone(),
        });
    }
    chosen
}

/// News reports a happening within about a week: older dates in a dated report are
/// background ("the first round on May 16").
const RECENT_DAYS: u64 = 7;

/// The day the happening took place: dates stated by the most independent groups, in the
/// lead rather than the background, and within a week before the publication date when it
/// is known; else the most common publication day.
fn event_date(
    articles: &[&Article],
    claims: &[Claim],
    group_of: &[usize],
    groups: &[&[usize]],
) -> Option<String> {
    let published: Vec<NaiveDate> = articles
        .iter()
        .filter_map(|a| a.published.map(|p| p.date()))
        .collect();
    let latest_published = published.iter().max().copied();
    let mut support: BTreeMap<(NaiveDate, NaiveDate), (BTreeSet<usize>, f64)> = BTreeMap::new();
    for members in groups {
        for &c in members.iter() {
            let Some(claim) = claims.get(c) else { continue };
            let reference = articles
                .get(claim.article)
                .and_then(|a| a.published.map(|p| p.date()));
            for date in &claim.dates {
                if let Some(day) = reference {
                    // A report tells what happened lately, not what is planned or history.
                    let recent = day - chrono::Days::new(RECENT_DAYS);
                    if date.start > day || date.end < recent {
                        continue;
                    }
                }
                let entry = support.entry((date.start, date.end)).or_default();
                if let Some(&group) = group_of.get(claim.article) {
                    entry.0.insert(group);
                }
                entry.1 = entry.1.max(1.0 - claim.position);
            }
        }
    }
    let best = support
        .iter()
        .map(|(&(start, end), (groups, lead))| {
            let distance = latest_published
                .map(|p| (p - end).num_days().unsigned_abs() as f64 / 7.0)
                .unwrap_or(0.0);
            // A day names the happening better than a month or a year.
            let span = (end - start).num_days().unsigned_abs() as f64 / 7.0;
            (groups.len() as f64 + lead - distance - span, start, end)
        })
        // A single day names the happening; spans ("last month") only when no day is given.
        .max_by(|x, y| {
            (x.1 == x.2)
                .cmp(&(y.1 == y.2))
                .then(x.0.total_cmp(&y.0))
                .then(y.1.cmp(&x.1))
        });
    // A span ("several days prior", "February 2022") is vaguer than the day a dated report was
    // published. Without any publication date nothing tells the happening from history ("the
    // first round on May 16"): only a day that two independent sources give is trusted then.
    let best = best.filter(|&(_, start, end)| {
        start == end
            && (latest_published.is_some()
                || support
                    .get(&(start, end))
                    .is_some_and(|(groups, _)| groups.len() >= 2))
    });
    if let Some((_, start, end)) = best {
        return Some(if start == end {
            start.to_string()
        } else {
            format!("{start}/{end}")
        });
    }
    let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for day in published {
        *counts.entry(day).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
        .map(|(day, _)| day.to_string())
}

fn entity_records(
    entities: &[Entity],
    assignment: &[usize],
    mentions: &[Mention],
    mention_place: &[(usize, usize)],
    articles: &[&Article],
) -> Vec<EntityRecord> {
    let mut counts = vec![0usize; entities.len()];
    let mut in_articles: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); entities.len()];
    let mut metonym = vec![false; entities.len()];
    for ((mention, &entity), &(article, _)) in mentions.iter().zip(assignment).zip(mention_place) {
        if let Some(count) = counts.get_mut(entity) {
            *count += 1;
        }
        if let Some(set) = in_articles.get_mut(entity) {
            set.insert(article);
        }
        if mention.metonym {
            if let Some(flag) = metonym.get_mut(entity) {
                *flag = true;
            }
        }
    }
    let mut records: Vec<EntityRecord> = entities
        .iter()
        .enumerate()
        .map(|(i, entity)| {
            let mut roles = entity.roles.clone();
            if metonym.get(i).copied().unwrap_or(false) {
                roles.push("metonym: stands for its government".to_string());
            }
            EntityRecord {
                id: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.kind.as_str().to_string(),
                variants: entity.variants.clone(),
                roles,
                mentions: counts.get(i).copied().unwrap_or(0),
                articles: in_articles
                    .get(i)
                    .map(|set| {
                        set.iter()
                            .filter_map(|&a| articles.get(a).map(|a| a.id.clone()))
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    records.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.id.cmp(&b.id))
    });
    records
}

/// Words before a place that say something happened there.
const LOCATIVE_WORDS: &[&str] = &["in", "at", "near", "outside", "inside"];

/// The place most often named as where things happen ("held in X"), else the place named
/// most often without standing for its government.
fn event_place(
    entities: &[Entity],
    assignment: &[usize],
    mentions: &[Mention],
    mention_place: &[(usize, usize)],
    views: &[ArticleView],
) -> Option<String> {
    let mut locative = vec![0usize; entities.len()];
    let mut plain = vec![0usize; entities.len()];
    for ((mention, &entity), &(article, sentence)) in
        mentions.iter().zip(assignment).zip(mention_place)
    {
        // The resolved entity must be a place too: one "at Amy Schumer's show" read as a place
        // does not make a person the event's location.
        let resolved_place = entities
            .get(entity)
            .is_some_and(|e| e.kind == EntityKind::Place);
        if mention.kind != EntityKind::Place || mention.metonym || !resolved_place {
            continue;
        }
        if let Some(count) = plain.get_mut(entity) {
            *count += 1;
        }
        let before = views
            .get(article)
            .and_then(|v| v.sentences.get(sentence))
            .and_then(|s| s.get(..mention.span.start))
            .and_then(|s| s.split_whitespace().last())
            .map(str::to_lowercase);
        if before.is_some_and(|w| LOCATIVE_WORDS.contains(&w.as_str())) {
            if let Some(count) = locative.get_mut(entity) {
                *count += 1;
            }
        }
    }
    let pick = |counts: &[usize]| {
        counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(&x.0)))
            .map(|(i, _)| i)
    };
    pick(&locative)
        .or_else(|| pick(&plain))
        .and_then(|i| entities.get(i))
        .map(|e| e.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(statement: &str, independent_sources: usize) -> Fact {
        Fact {
            id: statement.to_string(),
            statement: statement.to_string(),
            status: if independent_sources > 1 {
                FactStatus::Corroborated
            } else {
                FactStatus::SingleSource
            },
            sources: (0..independent_sources)
                .map(|n| ArticleId::new(format!("a{n}")))
                .collect(),
            independent_sources,
            quantities: Vec::new(),
            dates: Vec::new(),
            entities: Vec::new(),
            evidence: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn an_embedded_post_is_not_a_claim() {
        let options = ReconcileOptions::default();
        assert!(!is_claim(
            "Three people were hurt in the blast at the plant on Monday — Jane Doe (@jdoe) May 2, 2014",
            &options
        ));
        assert!(!is_claim(
            "#flawdah #crazypants the story is fake pic.twitter.com/8Y0rqBOzDM",
            &options
        ));
        assert!(is_claim(
            "Three people were hurt in the blast at the plant on Monday, police said.",
            &options
        ));
        assert!(is_claim(
            "The company (@acme on Twitter) said it would reopen the plant in May 2014.",
            &options
        ));
    }

    #[test]
    fn the_summary_prefers_sentences_that_stand_on_their_own() {
        let facts = [
            fact("But the council rejected the plan on Tuesday.", 2),
            fact("The council voted 7 to 2 against the new bus depot.", 2),
            fact("Residents had collected 4,000 signatures against it:", 1),
            fact("Then again, the mayor promised a new vote.", 1),
            fact(
                "Additionally, the council asked the transport authority to study a second site.",
                1,
            ),
            fact("The depot would have cost 12 million euros.", 1),
        ];
        let references: Vec<&Fact> = facts.iter().collect();
        let options = ReconcileOptions {
            summary_sentences: 3,
            ..ReconcileOptions::default()
        };
        let summary: Vec<String> = summarise(&references, &options)
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(
            summary,
            [
                "The council voted 7 to 2 against the new bus depot.",
                "But the council rejected the plan on Tuesday.",
                "Additionally, the council asked the transport authority to study a second site.",
            ]
        );
    }
}
