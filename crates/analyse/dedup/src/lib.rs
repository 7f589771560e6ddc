//! Which articles are copies, near copies or rewrites of which, in which direction, and what a
//! derived article added.
//!
//! Pure functions over [`Article`]s: no I/O, deterministic (the same set of articles in any
//! order gives the same result).
//!
//! - **Copy**: identical text once lowercased and stripped of punctuation and spacing (xxh3 of
//!   the normalised words).
//! - **Near copy**: the exact Jaccard index of the two sets of word 3-shingles is at least
//!   [`DedupOptions::near_copy_jaccard`]; candidates come from MinHash/LSH.
//! - **Rewrite**: sentence by sentence paraphrase, in order, with phrases kept. Content
//!   sentences are aligned one to one where their paraphrase score reaches
//!   [`DedupOptions::align_threshold`] (low, because rewriters condense and merge sentences);
//!   the longest run of aligned pairs in the same order in both texts must have at least
//!   [`DedupOptions::rewrite_min_aligned`] pairs, cover at least
//!   [`DedupOptions::rewrite_min_share`] of the shorter article's content sentences and
//!   [`DedupOptions::rewrite_min_order`] of all aligned pairs; and at least
//!   [`DedupOptions::rewrite_min_phrase_share`] of one article's word 4-grams (outside
//!   quotations) must appear verbatim in the other. Aligned pairs with a quotation on either side
//!   do not count (two reports quoting one speech or post share a speaker, not a text; one may
//!   set the quotation in marks and the other as a block quote without them). Independent
//!   reports of one event share names, numbers and a few loosely similar sentences, but
//!   neither this ordered correspondence nor as many exact phrases. Candidates come from an inverted index over rare content words (top-k per
//!   article).
//!
//! Direction (which one is the original):
//! 1. [`DirectionEvidence::PublicationTime`]: both publication times known and different;
//!    the earlier is the original. Otherwise, for copies and near copies rule 2 then 3, for
//!    rewrites rule 3 then 2:
//! 2. [`DirectionEvidence::Containment`]: the article whose content sentences are aligned in a
//!    larger share (by at least [`DedupOptions::direction_margin`]) is the derived one: it
//!    consists mostly of the other's material, while the original keeps material the copy
//!    dropped.
//! 3. [`DirectionEvidence::Specificity`]: the article with clearly more detail of its own
//!    (distinct numbers and names absent from the other; at least 2 more and half as many
//!    again) is the original: rewriters drop detail and add vague filler, and may add as
//!    much as they drop, which blurs rule 2 for rewrites.
//! 4. [`DirectionEvidence::Ambiguous`]: nothing decides; the article with the smaller id is
//!    taken as the original, so the result is still deterministic.
//!
//! ```
//! use corroborate_dedup::{DedupOptions, Relation, find_derivations};
//! use corroborate_model::{Article, ArticleId};
//!
//! let text = "The council approved the budget on Tuesday. It includes 40 new teachers.";
//! let original = Article::new(ArticleId::new("a"), text);
//! let copy = Article::new(ArticleId::new("b"), text.replace(". ", ".\n\n"));
//! let found = find_derivations(&[original, copy], &DedupOptions::default());
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].relation, Relation::Copy);
//! assert_eq!(found[0].copy.as_str(), "b");
//! ```

mod align;
mod candidates;
mod similarity;
mod text;

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use corroborate_model::{Article, ArticleId, Published};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{Alignment, align_profiles, order_preserved};
pub use crate::similarity::{FEATURE_COUNT, similarity_features};
use crate::similarity::{SentenceProfile, jaccard, profile_similarity, shared_count};

/// How a derived article relates to its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same text once case, punctuation and spacing are ignored.
    Copy,
    /// Nearly the same text: a few words changed, a line added or dropped.
    NearCopy,
    /// The original's sentences paraphrased, mostly in the same order.
    Rewrite,
}

/// What decided which article of a pair is the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectionEvidence {
    /// Both publication times are known and differ: the earlier one is the original.
    PublicationTime,
    /// The derived article's sentences are aligned in a clearly larger share than the
    /// original's: it consists mostly of the original's material.
    Containment,
    /// The original has clearly more detail of its own (numbers and names the other lacks):
    /// rewriters drop detail.
    Specificity,
    /// Nothing decided; the smaller id is taken as the original.
    Ambiguous,
}

/// One aligned sentence pair: indices into each article's sentence list (as the crate splits
/// it), and the paraphrase score of the two sentences.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SentencePair {
    /// Index of the sentence in the derived article (the first list for [`align_sentences`]).
    pub copy_sentence: usize,
    /// Index of the sentence in the original (the second list for [`align_sentences`]).
    pub original_sentence: usize,
    /// [`sentence_similarity`] of the two sentences, 0..1.
    pub score: f64,
}

/// One derived article and the article it most likely derives from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// The derived article.
    pub copy: ArticleId,
    /// The article it derives from.
    pub original: ArticleId,
    /// How it derives.
    pub relation: Relation,
    /// 0..1; its measure depends on the relation: 1 for a copy; the exact Jaccard index of the
    /// word 3-shingle sets for a near copy; for a rewrite, the share of the derived article's
    /// content sentences aligned to a sentence of the original.
    pub similarity: f64,
    /// What decided the direction.
    pub direction_evidence: DirectionEvidence,
    /// Which sentence of the copy says what which sentence of the original says, sorted by
    /// the copy's sentence index.
    pub aligned: Vec<SentencePair>,
    /// Content sentences of the copy with no aligned counterpart and no strong partial match
    /// in the original, in order.
    pub added: Vec<String>,
}

/// Thresholds and sizes; [`Default`] gives the tuned values.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupOptions {
    /// Words per shingle for near copies and MinHash.
    pub shingle_words: usize,
    /// Exact shingle Jaccard from which two articles are near copies.
    pub near_copy_jaccard: f64,
    /// LSH bands; the MinHash signature has `minhash_bands * minhash_rows` values.
    pub minhash_bands: usize,
    /// MinHash values per LSH band.
    pub minhash_rows: usize,
    /// How many most similar articles (by rare shared words) each article is compared with
    /// as possible rewrites.
    pub candidates_per_article: usize,
    /// Paraphrase score from which two sentences are aligned.
    pub align_threshold: f64,
    /// A sentence of the copy whose best score against any sentence of the original reaches
    /// this is a partial match, not an addition.
    pub partial_threshold: f64,
    /// A sentence of the copy with at least this share of its content stems in one sentence
    /// of the original is a partial match, not an addition.
    pub partial_containment: f64,
    /// Sentences with fewer words (headlines, buttons, junk) count as neither aligned content
    /// nor additions.
    pub min_sentence_words: usize,
    /// Fewest aligned content sentences for a rewrite.
    pub rewrite_min_aligned: usize,
    /// Least share of the shorter article's content sentences aligned for a rewrite.
    pub rewrite_min_share: f64,
    /// Least share of the aligned pairs in the longest order-preserving run for a rewrite.
    pub rewrite_min_order: f64,
    /// Words per phrase for the phrase-reuse test of rewrites.
    pub phrase_words: usize,
    /// Least share of one article's distinct word phrases ([`DedupOptions::phrase_words`]
    /// long) found verbatim in the other, for a rewrite. Rewriters keep phrases ("lasted just
    /// over an hour"); independent reporters of the same event share names and numbers but
    /// far fewer exact phrases.
    pub rewrite_min_phrase_share: f64,
    /// Least difference of aligned shares for containment to decide the direction.
    pub direction_margin: f64,
}

impl Default for DedupOptions {
    fn default() -> Self {
        Self {
            shingle_words: 3,
            near_copy_jaccard: 0.8,
            minhash_bands: 12,
            minhash_rows: 4,
            candidates_per_article: 5,
            align_threshold: 0.2,
            partial_threshold: 0.15,
            partial_containment: 0.5,
            min_sentence_words: 5,
            rewrite_min_aligned: 4,
            rewrite_min_share: 0.2,
            rewrite_min_order: 0.7,
            phrase_words: 4,
            rewrite_min_phrase_share: 0.035,
            direction_margin: 0.05,
        }
    }
}

/// Do two sentences say the same thing? A score in 0..1: a logistic model over lexical
/// features (see [`similarity_features`]): weighted overlap of stems with stop words down
/// weighted, agreement of numbers and capitalised names, and character trigram overlap for
/// name variants. Fitted on the MSR paraphrase corpus, where cross-validation picks 0.52 as the
/// accuracy-optimal cut.
pub fn sentence_similarity(a: &str, b: &str) -> f64 {
    profile_similarity(&SentenceProfile::new(a), &SentenceProfile::new(b))
}

/// Aligns two sentence lists one to one: each pair scores at least
/// [`DedupOptions::align_threshold`] by [`sentence_similarity`], taken greedily from the best
/// score down. `copy_sentence` indexes `a`, `original_sentence` indexes `b`; sorted by `a`.
pub fn align_sentences(a: &[&str], b: &[&str], options: &DedupOptions) -> Vec<SentencePair> {
    let first: Vec<SentenceProfile> = a.iter().map(|s| SentenceProfile::new(s)).collect();
    let second: Vec<SentenceProfile> = b.iter().map(|s| SentenceProfile::new(s)).collect();
    align_profiles(&first, &second, options.align_threshold).pairs
}

/// The sentence list that [`SentencePair`] indices refer to: `text` split into trimmed
/// sentences, every line break a boundary.
pub fn article_sentences(text: &str) -> Vec<&str> {
    text::split_sentences(text)
}

/// What the pair comparison needs of one article, computed once.
struct Prepared<'a> {
    article: &'a Article,
    text_hash: u64,
    shingles: Vec<u64>,
    /// Distinct word phrases of the sentences that are not quotations, for the phrase-reuse
    /// test, sorted.
    phrases: Vec<u64>,
    /// Distinct words that are not stop words, for the rare-word index, sorted.
    content_words: Vec<u64>,
    min_sentence_words: usize,
    /// Sentence-level data, computed only for articles that reach alignment (most never do).
    sentences: OnceLock<Sentences<'a>>,
}

/// An article's sentences and what alignment needs of them.
struct Sentences<'a> {
    texts: Vec<&'a str>,
    profiles: Vec<SentenceProfile>,
    is_content: Vec<bool>,
    content_count: usize,
    /// Distinct numbers and names (capitalised content stems not opening a sentence),
    /// sorted: the article's specific detail.
    specific: Vec<u64>,
}

/// From this share of quoted words a sentence counts as a quotation. Two reports quoting the
/// same speech or post share those sentences because they share a speaker, not because one
/// copied the other. One may quote in quotation marks what the other shows as a block quote
/// without them, so an aligned pair with a quotation on either side is no evidence of a
/// rewrite.
const QUOTATION_SHARE: f64 = 0.5;

/// Word hashes of the sentences of `text` that are not quotations: the text's own wording,
/// for the phrase-reuse test (shared quotations show a shared speaker, not copying).
fn narrative_words(text: &str) -> Vec<u64> {
    text::split_sentences(text)
        .into_iter()
        .filter(|sentence| text::quoted_word_share(sentence) < QUOTATION_SHARE)
        .flat_map(|sentence| text::word_and_content_hashes(sentence).0)
        .collect()
}

impl Sentences<'_> {
    fn is_quoted(&self, index: usize) -> bool {
        self.profiles
            .get(index)
            .is_some_and(|p| p.quoted_share >= QUOTATION_SHARE)
    }
}

impl<'a> Prepared<'a> {
    fn new(article: &'a Article, options: &DedupOptions) -> Self {
        let (words, mut content_words) = text::word_and_content_hashes(&article.text);
        content_words.sort_unstable();
        content_words.dedup();
        Self {
            article,
            text_hash: candidates::hash_words(&words),
            shingles: candidates::shingles(&words, options.shingle_words),
            phrases: candidates::shingles(&narrative_words(&article.text), options.phrase_words),
            content_words,
            min_sentence_words: options.min_sentence_words,
            sentences: OnceLock::new(),
        }
    }

    fn sentences(&self) -> &Sentences<'a> {
        self.sentences.get_or_init(|| {
            let texts = text::split_sentences(&self.article.text);
            let profiles: Vec<SentenceProfile> =
                texts.iter().map(|s| SentenceProfile::new(s)).collect();
            let is_content: Vec<bool> = profiles
                .iter()
                .map(|p| p.word_count >= self.min_sentence_words)
                .collect();
            let mut specific: Vec<u64> = profiles
                .iter()
                .flat_map(SentenceProfile::specific)
                .collect();
            specific.sort_unstable();
            specific.dedup();
            Sentences {
                content_count: is_content.iter().filter(|&&c| c).count(),
                texts,
                profiles,
                is_content,
                specific,
            }
        })
    }
}

/// Finds every derived pair among the articles and returns, for each derived article, the
/// one derivation from its most likely original (copy over near copy over rewrite, then the
/// highest similarity, then the smallest original id), sorted by the copy's id.
///
/// Candidate pairs come from exact text hashes, MinHash/LSH over word shingles and an inverted
/// index over rare content words limited to the top [`DedupOptions::candidates_per_article`]
/// per article, so the cost grows about linearly with the number of articles.
pub fn find_derivations(articles: &[Article], options: &DedupOptions) -> Vec<Derivation> {
    // Work in id order (then text, for duplicate ids) so that the input order cannot change
    // any tie-break.
    let mut ordered: Vec<&Article> = articles.iter().collect();
    ordered.sort_by(|x, y| x.id.cmp(&y.id).then_with(|| x.text.cmp(&y.text)));
    // Parallel maps collect in input order, so the result does not depend on scheduling.
    let prepared: Vec<Prepared> = ordered
        .par_iter()
        .map(|a| Prepared::new(a, options))
        .collect();

    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut by_hash: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (index, article) in prepared.iter().enumerate() {
        if !article.shingles.is_empty() {
            by_hash.entry(article.text_hash).or_default().push(index);
        }
    }
    for members in by_hash.values() {
        candidates::link_group(members, &mut pairs);
    }
    let signature_length = options.minhash_bands * options.minhash_rows;
    let signatures: Vec<Vec<u64>> = prepared
        .par_iter()
        .map(|p| candidates::minhash(&p.shingles, signature_length))
        .collect();
    pairs.extend(candidates::lsh_pairs(
        &signatures,
        options.minhash_bands,
        options.minhash_rows,
    ));
    let term_sets: Vec<Vec<u64>> = prepared.iter().map(|p| p.content_words.clone()).collect();
    pairs.extend(candidates::rare_term_pairs(
        &term_sets,
        options.candidates_per_article,
    ));
    pairs.sort_unstable();
    pairs.dedup();

    let verdicts: Vec<(usize, Derivation)> = pairs
        .par_iter()
        .filter_map(|&(first, second)| {
            let (x, y) = (prepared.get(first)?, prepared.get(second)?);
            let (copy_is_first, derivation) = compare(x, y, options)?;
            Some((if copy_is_first { first } else { second }, derivation))
        })
        .collect();
    let mut best: HashMap<usize, Derivation> = HashMap::new();
    for (copy_index, derivation) in verdicts {
        let better = match best.get(&copy_index) {
            None => true,
            Some(current) => ranks_above(&derivation, current),
        };
        if better {
            best.insert(copy_index, derivation);
        }
    }
    let mut found: Vec<Derivation> = best.into_values().collect();
    found.sort_by(|x, y| {
        x.copy
            .cmp(&y.copy)
            .then_with(|| x.original.cmp(&y.original))
    });
    found
}

fn relation_rank(relation: Relation) -> u8 {
    match relation {
        Relation::Copy => 3,
        Relation::NearCopy => 2,
        Relation::Rewrite => 1,
    }
}

/// Whether `candidate` is a better original for the same copy than `current`.
fn ranks_above(candidate: &Derivation, current: &Derivation) -> bool {
    relation_rank(candidate.relation)
        .cmp(&relation_rank(current.relation))
        .then(candidate.similarity.total_cmp(&current.similarity))
        .then_with(|| current.original.cmp(&candidate.original))
        == Ordering::Greater
}

/// Compares two articles; when one derives from the other, says whether the first is the
/// copy and returns the derivation.
fn compare<'a>(
    x: &Prepared<'a>,
    y: &Prepared<'a>,
    options: &DedupOptions,
) -> Option<(bool, Derivation)> {
    if x.shingles.is_empty() || y.shingles.is_empty() {
        return None;
    }
    // Cheap set tests first: most candidate pairs fail the phrase test and are never aligned.
    let shingle_jaccard = jaccard(&x.shingles, &y.shingles);
    let copy_like = if x.text_hash == y.text_hash {
        Some(Relation::Copy)
    } else if shingle_jaccard >= options.near_copy_jaccard {
        Some(Relation::NearCopy)
    } else {
        let shared_phrases = shared_count(&x.phrases, &y.phrases);
        let fewer_phrases = x.phrases.len().min(y.phrases.len()).max(1);
        if (shared_phrases as f64) < options.rewrite_min_phrase_share * fewer_phrases as f64 {
            return None;
        }
        None
    };

    let (x_sentences, y_sentences) = (x.sentences(), y.sentences());
    let alignment = align_profiles(
        &x_sentences.profiles,
        &y_sentences.profiles,
        options.align_threshold,
    );
    let content_pairs: Vec<SentencePair> = alignment
        .pairs
        .iter()
        .filter(|pair| {
            x_sentences.is_content.get(pair.copy_sentence) == Some(&true)
                && y_sentences.is_content.get(pair.original_sentence) == Some(&true)
                && !(x_sentences.is_quoted(pair.copy_sentence)
                    || y_sentences.is_quoted(pair.original_sentence))
        })
        .copied()
        .collect();
    let aligned = content_pairs.len();
    let share_of = |count: usize| {
        if count == 0 {
            0.0
        } else {
            aligned as f64 / count as f64
        }
    };
    let (x_share, y_share) = (
        share_of(x_sentences.content_count),
        share_of(y_sentences.content_count),
    );

    let relation = match copy_like {
        Some(relation) => relation,
        None => {
            let shorter = x_sentences.content_count.min(y_sentences.content_count);
            let in_order = order_preserved(&content_pairs);
            let is_rewrite = in_order >= options.rewrite_min_aligned
                && in_order as f64 >= options.rewrite_min_share * shorter as f64
                && in_order as f64 >= options.rewrite_min_order * aligned as f64;
            if !is_rewrite {
                return None;
            }
            Relation::Rewrite
        }
    };

    let (x_is_copy, evidence) = direction(x, y, relation, (x_share, y_share), options);
    let (copy, original) = if x_is_copy { (x, y) } else { (y, x) };
    let similarity = match relation {
        Relation::Copy => 1.0,
        Relation::NearCopy => shingle_jaccard,
        Relation::Rewrite => {
            if x_is_copy {
                x_share
            } else {
                y_share
            }
        }
    };
    let derivation = Derivation {
        copy: copy.article.id.clone(),
        original: original.article.id.clone(),
        relation,
        similarity,
        direction_evidence: evidence,
        aligned: oriented_pairs(&alignment, x_is_copy),
        added: additions(copy, &alignment, x_is_copy, options),
    };
    Some((x_is_copy, derivation))
}

/// The alignment's pairs with `copy_sentence` indexing the copy, sorted by it.
fn oriented_pairs(alignment: &Alignment, first_is_copy: bool) -> Vec<SentencePair> {
    let mut pairs: Vec<SentencePair> = alignment
        .pairs
        .iter()
        .map(|pair| {
            if first_is_copy {
                *pair
            } else {
                SentencePair {
                    copy_sentence: pair.original_sentence,
                    original_sentence: pair.copy_sentence,
                    score: pair.score,
                }
            }
        })
        .collect();
    pairs.sort_by_key(|pair| pair.copy_sentence);
    pairs
}

/// Content sentences of the copy that are neither aligned nor a partial match (by score or by
/// containment of their content stems).
fn additions(
    copy: &Prepared,
    alignment: &Alignment,
    first_is_copy: bool,
    options: &DedupOptions,
) -> Vec<String> {
    let (best, contained) = if first_is_copy {
        (&alignment.best_for_first, &alignment.contained_first)
    } else {
        (&alignment.best_for_second, &alignment.contained_second)
    };
    let sentences = copy.sentences();
    sentences
        .texts
        .iter()
        .enumerate()
        .filter(|&(index, _)| {
            sentences.is_content.get(index) == Some(&true)
                && best.get(index).copied().unwrap_or(0.0) < options.partial_threshold
                && contained.get(index).copied().unwrap_or(0.0) < options.partial_containment
        })
        .map(|(_, sentence)| (*sentence).to_string())
        .collect()
}

/// Decides which of `x` and `y` is the copy: `(x_is_copy, evidence)`. See the crate docs for
/// the order of the rules.
fn direction(
    x: &Prepared,
    y: &Prepared,
    relation: Relation,
    (x_share, y_share): (f64, f64),
    options: &DedupOptions,
) -> (bool, DirectionEvidence) {
    if let (Some(x_time), Some(y_time)) = (x.article.published, y.article.published) {
        if let Some(order) = publication_order(x_time, y_time) {
            return (
                order == Ordering::Greater,
                DirectionEvidence::PublicationTime,
            );
        }
    }
    let by_containment = ((x_share - y_share).abs() >= options.direction_margin)
        .then_some((x_share > y_share, DirectionEvidence::Containment));
    // Detail only one side has: numbers and names absent from the other article. Clearly
    // more: at least 2 more and half as many again.
    let (x_detail, y_detail) = (&x.sentences().specific, &y.sentences().specific);
    let shared_detail = shared_count(x_detail, y_detail);
    let x_specific = (x_detail.len() - shared_detail) as f64;
    let y_specific = (y_detail.len() - shared_detail) as f64;
    let by_specificity = ((x_specific - y_specific).abs() >= 2.0
        && x_specific.max(y_specific) >= 1.5 * x_specific.min(y_specific))
    .then_some((x_specific < y_specific, DirectionEvidence::Specificity));
    // A rewriter may add as much as it drops, so aligned shares mislead there, while the
    // detail it drops (numbers, names) is a steadier sign; copies add junk lines, whose names
    // say nothing, while their shares stay telling.
    let decided = if relation == Relation::Rewrite {
        by_specificity.or(by_containment)
    } else {
        by_containment.or(by_specificity)
    };
    decided.unwrap_or((x.article.id > y.article.id, DirectionEvidence::Ambiguous))
}

/// Which was published first, when the known precision tells: instants compare as instants;
/// otherwise only different calendar days decide.
fn publication_order(x: Published, y: Published) -> Option<Ordering> {
    let order = match (x, y) {
        (Published::Instant(a), Published::Instant(b)) => a.cmp(&b),
        _ => x.date().cmp(&y.date()),
    };
    (order != Ordering::Equal).then_some(order)
}
