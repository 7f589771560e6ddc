//! Do two sentences say the same thing? Lexical features combined by a logistic model.

use xxhash_rust::xxh3::xxh3_64;

use crate::text::{
    for_each_word, is_number, is_stop_word, normalise_word_into, quoted_word_share, stem,
};

/// How much a stop word counts in the weighted stem overlap, relative to a content word:
/// enough that "the" matches help a little, not enough that two unrelated sentences sharing
/// function words look alike.
const STOP_WORD_WEIGHT: f64 = 0.1;

/// Number of features [`similarity_features`] returns.
pub const FEATURE_COUNT: usize = 9;

/// Logistic model over the features: bias first, then one weight per feature. Fitted by the
/// `paraphrase_eval` example on the training part of the MSR paraphrase corpus (see its docs).
const MODEL: [f64; FEATURE_COUNT + 1] = [
    -7.559, 1.468, 1.137, -1.910, 3.263, -0.438, 0.373, 4.151, 7.169, -4.209,
];

/// Everything the similarity needs of one sentence, computed once.
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceProfile {
    /// Stem hashes with their weight, sorted by hash, one entry per stem.
    terms: Vec<(u64, f64)>,
    /// Sum of the weights in `terms`.
    weight_total: f64,
    /// Stem hashes of content words (not stop words, not numbers), sorted, distinct.
    pub(crate) content: Vec<u64>,
    /// Numbers, sorted, distinct.
    numbers: Vec<u64>,
    /// Stem hashes of capitalised content words (names, places, organisations), sorted.
    entities: Vec<u64>,
    /// Like `entities` but without the sentence's first word, whose capital says nothing:
    /// the names that make a text specific.
    names: Vec<u64>,
    /// Character trigrams of the content words, sorted, distinct: they let name variants
    /// ("Zelensky", "Zelenskyy") and inflections the stemmer misses still match.
    trigrams: Vec<u64>,
    /// Hashes of the lowercased words as written, sorted, distinct.
    words: Vec<u64>,
    /// Hashes of adjacent word pairs, sorted, distinct: shared word order.
    bigrams: Vec<u64>,
    /// Number of words.
    pub(crate) word_count: usize,
    /// Share of the words inside quotation marks.
    pub(crate) quoted_share: f64,
}

impl SentenceProfile {
    /// Profiles one sentence.
    pub(crate) fn new(sentence: &str) -> Self {
        let mut terms: Vec<(u64, f64)> = Vec::new();
        let mut content = Vec::new();
        let mut numbers = Vec::new();
        let mut entities = Vec::new();
        let mut names = Vec::new();
        let mut trigrams = Vec::new();
        let mut words: Vec<u64> = Vec::new();
        let mut bigrams = Vec::new();
        let mut word_count = 0usize;
        let mut lower = String::new();
        for_each_word(sentence, |word| {
            word_count += 1;
            let capitalised = word.starts_with(char::is_uppercase);
            normalise_word_into(word, &mut lower);
            let word_hash = xxh3_64(lower.as_bytes());
            if let Some(&previous) = words.last() {
                bigrams.push(previous ^ word_hash.rotate_left(17));
            }
            words.push(word_hash);
            if is_number(&lower) {
                let hash = xxh3_64(lower.as_bytes());
                numbers.push(hash);
                terms.push((hash, 1.0));
                return;
            }
            if is_stop_word(&lower) {
                terms.push((xxh3_64(lower.as_bytes()), STOP_WORD_WEIGHT));
                return;
            }
            let stemmed = stem(&lower);
            let hash = xxh3_64(stemmed.as_bytes());
            terms.push((hash, 1.0));
            content.push(hash);
            if capitalised {
                entities.push(hash);
                if word_count > 1 {
                    names.push(hash);
                }
            }
            // Trigrams of " word ", three chars packed into one value (21 bits each).
            let mut window = [' '; 3];
            for (position, c) in lower.chars().chain(std::iter::once(' ')).enumerate() {
                window = [window[1], window[2], c];
                if position >= 1 {
                    let packed = window
                        .iter()
                        .fold(0u64, |acc, &c| (acc << 21) | u64::from(c));
                    trigrams.push(xxh3_64(&packed.to_le_bytes()));
                }
            }
        });
        terms.sort_by_key(|&(hash, _)| hash);
        terms.dedup_by_key(|&mut (hash, _)| hash);
        for list in [
            &mut content,
            &mut numbers,
            &mut entities,
            &mut names,
            &mut trigrams,
            &mut words,
            &mut bigrams,
        ] {
            list.sort_unstable();
            list.dedup();
        }
        let weight_total = terms.iter().map(|&(_, weight)| weight).sum();
        Self {
            terms,
            weight_total,
            content,
            numbers,
            entities,
            names,
            trigrams,
            words,
            bigrams,
            word_count,
            quoted_share: quoted_word_share(sentence),
        }
    }

    /// Hashes of the numbers and names of the sentence: what makes it specific.
    pub(crate) fn specific(&self) -> impl Iterator<Item = u64> + '_ {
        self.numbers.iter().chain(&self.names).copied()
    }
}

/// Size of the intersection of two sorted, distinct lists.
pub(crate) fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Jaccard index of two sorted, distinct lists (0 when both are empty).
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let shared = shared_count(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Share of the union that only one side has (0 when both are empty: nothing disagrees).
fn mismatch(a: &[u64], b: &[u64]) -> f64 {
    let shared = shared_count(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        (union - shared) as f64 / union as f64
    }
}

/// Weight of the stems two profiles share.
fn shared_weight(a: &SentenceProfile, b: &SentenceProfile) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while let (Some(&(x, weight)), Some(&(y, _))) = (a.terms.get(i), b.terms.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weight;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The features of a profile pair, in the order [`similarity_features`] documents.
pub(crate) fn profile_features(a: &SentenceProfile, b: &SentenceProfile) -> [f64; FEATURE_COUNT] {
    let shared = shared_weight(a, b);
    let total = a.weight_total + b.weight_total;
    let dice = if total > 0.0 {
        2.0 * shared / total
    } else {
        0.0
    };
    let smaller = a.weight_total.min(b.weight_total);
    let containment = if smaller > 0.0 { shared / smaller } else { 0.0 };
    let length_ratio = if a.word_count.max(b.word_count) == 0 {
        0.0
    } else {
        a.word_count.min(b.word_count) as f64 / a.word_count.max(b.word_count) as f64
    };
    [
        dice,
        containment,
        jaccard(&a.content, &b.content),
        jaccard(&a.trigrams, &b.trigrams),
        mismatch(&a.numbers, &b.numbers),
        mismatch(&a.entities, &b.entities),
        length_ratio,
        jaccard(&a.words, &b.words),
        jaccard(&a.bigrams, &b.bigrams),
    ]
}

/// The paraphrase score of a profile pair (see [`crate::sentence_similarity`]).
pub(crate) fn profile_similarity(a: &SentenceProfile, b: &SentenceProfile) -> f64 {
    if a.terms.is_empty() || b.terms.is_empty() {
        return 0.0;
    }
    score_features(&profile_features(a, b))
}

/// Applies the logistic model to a feature vector.
fn score_features(features: &[f64; FEATURE_COUNT]) -> f64 {
    let (bias, weights) = MODEL.split_at(1);
    let linear = bias.iter().sum::<f64>()
        + weights
            .iter()
            .zip(features)
            .map(|(weight, value)| weight * value)
            .sum::<f64>();
    1.0 / (1.0 + (-linear).exp())
}

/// The lexical features behind [`crate::sentence_similarity`], exposed so the model can be
/// refitted (the `paraphrase_eval` example does). In order:
///
/// 0. weighted Dice overlap of stems (stop words weigh 0.1, other words 1);
/// 1. the same shared weight over the lighter sentence's total (containment);
/// 2. Jaccard of content stems;
/// 3. Jaccard of character trigrams of content words (name variants);
/// 4. number disagreement: share of the numbers only one sentence has;
/// 5. name disagreement: share of the capitalised content stems only one sentence has;
/// 6. length ratio, shorter over longer, in words;
/// 7. Jaccard of the lowercased words as written (the classic baseline);
/// 8. Jaccard of adjacent word pairs (shared wording in the same order).
pub fn similarity_features(a: &str, b: &str) -> [f64; FEATURE_COUNT] {
    profile_features(&SentenceProfile::new(a), &SentenceProfile::new(b))
}
