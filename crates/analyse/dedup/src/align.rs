//! One-to-one sentence alignment and how well it keeps order.

use std::collections::HashMap;

use crate::SentencePair;
use crate::similarity::{SentenceProfile, profile_similarity};

/// The result of aligning two sentence lists.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alignment {
    /// Aligned pairs, one-to-one, sorted by the first list's index.
    pub(crate) pairs: Vec<SentencePair>,
    /// For every sentence of the first list, its best score against any of the second.
    pub(crate) best_for_first: Vec<f64>,
    /// For every sentence of the second list, its best score against any of the first.
    pub(crate) best_for_second: Vec<f64>,
    /// For every sentence of the first list, the largest share of its content stems found in
    /// one sentence of the second: catches condensed partial matches the symmetric score
    /// misses.
    pub(crate) contained_first: Vec<f64>,
    /// The same for every sentence of the second list against the first.
    pub(crate) contained_second: Vec<f64>,
}

/// Aligns `first` with `second`: every pair scoring at least `threshold` is a candidate, and
/// pairs are taken greedily from the best score down, each sentence used at most once (ties
/// broken by position, so the result is deterministic).
///
/// Only pairs that share content stems are scored: sentences with nothing in common cannot
/// paraphrase each other, and skipping them keeps alignment near linear in practice.
pub(crate) fn align_profiles(
    first: &[SentenceProfile],
    second: &[SentenceProfile],
    threshold: f64,
) -> Alignment {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, profile) in second.iter().enumerate() {
        for &stem in &profile.content {
            postings.entry(stem).or_default().push(index);
        }
    }
    let mut best_for_first = vec![0.0; first.len()];
    let mut best_for_second = vec![0.0; second.len()];
    let mut contained_first = vec![0.0; first.len()];
    let mut contained_second = vec![0.0; second.len()];
    let mut candidates: Vec<SentencePair> = Vec::new();
    let mut shared = vec![0u32; second.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (first_index, profile) in first.iter().enumerate() {
        for stem in &profile.content {
            for &second_index in postings.get(stem).map_or(&[][..], Vec::as_slice) {
                if let Some(count) = shared.get_mut(second_index) {
                    if *count == 0 {
                        touched.push(second_index);
                    }
                    *count += 1;
                }
            }
        }
        touched.sort_unstable();
        for &second_index in &touched {
            let count = shared.get(second_index).copied().unwrap_or(0);
            if let Some(slot) = shared.get_mut(second_index) {
                *slot = 0;
            }
            let Some(other) = second.get(second_index) else {
                continue;
            };
            // One shared content word is enough only for very short sentences, and sentences
            // sharing under a quarter of the smaller one's content words score far below
            // any threshold used here: skip scoring them.
            let smaller = profile.content.len().min(other.content.len());
            if (count < 2 && smaller > 3) || (count as usize) * 4 < smaller {
                continue;
            }
            let shared_stems = f64::from(count);
            if let Some(best) = contained_first.get_mut(first_index) {
                *best = f64::max(*best, shared_stems / profile.content.len().max(1) as f64);
            }
            if let Some(best) = contained_second.get_mut(second_index) {
                *best = f64::max(*best, shared_stems / other.content.len().max(1) as f64);
            }
            let score = profile_similarity(profile, other);
            if let Some(best) = best_for_first.get_mut(first_index) {
                *best = f64::max(*best, score);
            }
            if let Some(best) = best_for_second.get_mut(second_index) {
                *best = f64::max(*best, score);
            }
            if score >= threshold {
                candidates.push(SentencePair {
                    copy_sentence: first_index,
                    original_sentence: second_index,
                    score,
                });
            }
        }
        touched.clear();
    }
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.copy_sentence.cmp(&y.copy_sentence))
            .then(x.original_sentence.cmp(&y.original_sentence))
    });
    let mut first_used = vec![false; first.len()];
    let mut second_used = vec![false; second.len()];
    let mut pairs = Vec::new();
    for pair in candidates {
        let free_first = first_used.get(pair.copy_sentence) == Some(&false);
        let free_second = second_used.get(pair.original_sentence) == Some(&false);
        if free_first && free_second {
            if let Some(used) = first_used.get_mut(pair.copy_sentence) {
                *used = true;
            }
            if let Some(used) = second_used.get_mut(pair.original_sentence) {
                *used = true;
            }
            pairs.push(pair);
        }
    }
    pairs.sort_by_key(|pair| pair.copy_sentence);
    Alignment {
        pairs,
        best_for_first,
        best_for_second,
        contained_first,
        contained_second,
    }
}

/// Length of the longest strictly increasing run (not necessarily contiguous) of
/// `original_sentence` over pairs sorted by `copy_sentence`: how many aligned pairs keep the
/// order of both texts.
pub(crate) fn order_preserved(pairs: &[SentencePair]) -> usize {
    // Patience sorting: tails[k] is the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    for pair in pairs {
        let position = tails.partition_point(|&tail| tail < pair.original_sentence);
        match tails.get_mut(position) {
            Some(tail) => *tail = pair.original_sentence,
            None => tails.push(pair.original_sentence),
        }
    }
    tails.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(copy_sentence: usize, original_sentence: usize) -> SentencePair {
        SentencePair {
            copy_sentence,
            original_sentence,
            score: 1.0,
        }
    }

    #[test]
    fn order_preserved_counts_the_longest_increasing_run() {
        assert_eq!(order_preserved(&[]), 0);
        let in_order = [pair(0, 1), pair(1, 3), pair(2, 4), pair(4, 9)];
        assert_eq!(order_preserved(&in_order), 4);
        let shuffled = [
            pair(0, 7),
            pair(1, 2),
            pair(2, 9),
            pair(3, 0),
            pair(4, 3),
            pair(5, 5),
        ];
        assert_eq!(order_preserved(&shuffled), 3);
    }
}
