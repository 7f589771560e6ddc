//! Candidate pairs without comparing every article with every other: MinHash/LSH over word
//! shingles for copies, and an inverted index over rare content words for rewrites.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64;

/// Buckets bigger than this are linked as a star around their first member instead of all
/// pairs, so a flood of identical boilerplate cannot make the cost quadratic.
const MAX_BUCKET_PAIRS: usize = 24;

/// Hashes of the distinct `size`-word shingles of a text given as its word hashes (a text
/// shorter than `size` words gives one shingle of all of them), sorted.
pub(crate) fn shingles(word_hashes: &[u64], size: usize) -> Vec<u64> {
    let size = size.max(1);
    let mut hashes: Vec<u64> = if word_hashes.is_empty() {
        Vec::new()
    } else if word_hashes.len() < size {
        vec![hash_words(word_hashes)]
    } else {
        word_hashes.windows(size).map(hash_words).collect()
    };
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// One stable hash of a sequence of word hashes.
pub(crate) fn hash_words(word_hashes: &[u64]) -> u64 {
    let bytes: Vec<u8> = word_hashes
        .iter()
        .flat_map(|hash| hash.to_le_bytes())
        .collect();
    xxh3_64(&bytes)
}

/// SplitMix64 finaliser: a cheap, stable bijection on 64-bit values, used to derive the
/// MinHash permutations from one fixed seed list.
fn mix(mut value: u64) -> u64 {
    value = value.wrapping_add(0x9e37_79b9_7f4a_7c15);
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

/// MinHash signature of a shingle set: for each of `count` seeds (fixed: the SplitMix64
/// sequence from zero, so signatures are stable across runs and machines) the minimum of the
/// seeded hash over the shingles. Empty sets give an empty signature.
pub(crate) fn minhash(shingles: &[u64], count: usize) -> Vec<u64> {
    if shingles.is_empty() {
        return Vec::new();
    }
    let seeds: Vec<u64> = (0..count as u64).map(mix).collect();
    let mut signature = vec![u64::MAX; count];
    for &shingle in shingles {
        for (slot, &seed) in signature.iter_mut().zip(&seeds) {
            let value = mix(shingle ^ seed);
            if value < *slot {
                *slot = value;
            }
        }
    }
    signature
}

/// Pairs `(i, j)`, `i < j`, whose signatures agree on every row of at least one band.
pub(crate) fn lsh_pairs(signatures: &[Vec<u64>], bands: usize, rows: usize) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (index, signature) in signatures.iter().enumerate() {
        for band in 0..bands {
            let Some(values) = signature.get(band * rows..(band + 1) * rows) else {
                continue;
            };
            buckets
                .entry((band, hash_words(values)))
                .or_default()
                .push(index);
        }
    }
    let mut pairs = Vec::new();
    for members in buckets.values() {
        link_group(members, &mut pairs);
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Adds the pairs of one group of indices (sorted ascending): all of them when small, a star
/// around the first member when large.
pub(crate) fn link_group(members: &[usize], pairs: &mut Vec<(usize, usize)>) {
    if members.len() <= MAX_BUCKET_PAIRS {
        for (position, &first) in members.iter().enumerate() {
            for &second in members.iter().skip(position + 1) {
                pairs.push((first.min(second), first.max(second)));
            }
        }
    } else if let Some((&hub, rest)) = members.split_first() {
        pairs.extend(rest.iter().map(|&other| (hub.min(other), hub.max(other))));
    }
}

/// For every document, its `top_k` most similar documents by cosine over rare content words
/// (weighted by inverse document frequency): the candidates for rewrites, which share names,
/// numbers and rare words with their original but few exact shingles.
///
/// A word is rare when it occurs in at most `max(8, n / 50)` documents; common words are left
/// out of the index, which keeps every posting list short and the cost about linear.
pub(crate) fn rare_term_pairs(term_sets: &[Vec<u64>], top_k: usize) -> Vec<(usize, usize)> {
    let count = term_sets.len();
    let mut document_frequency: HashMap<u64, u32> = HashMap::new();
    for terms in term_sets {
        for &term in terms {
            *document_frequency.entry(term).or_default() += 1;
        }
    }
    let max_frequency = (count / 50).max(8) as u32;
    let weight = |term: &u64| -> Option<f64> {
        let frequency = *document_frequency.get(term)?;
        (2..=max_frequency)
            .contains(&frequency)
            .then(|| (1.0 + count as f64 / f64::from(frequency)).ln())
    };
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut norms = vec![0.0f64; count];
    let mut rare_sets: Vec<Vec<(u64, f64)>> = Vec::with_capacity(count);
    for (index, terms) in term_sets.iter().enumerate() {
        let rare: Vec<(u64, f64)> = terms
            .iter()
            .filter_map(|term| weight(term).map(|w| (*term, w)))
            .collect();
        for &(term, term_weight) in &rare {
            postings.entry(term).or_default().push(index);
            if let Some(norm) = norms.get_mut(index) {
                *norm += term_weight * term_weight;
            }
        }
        rare_sets.push(rare);
    }
    let mut pairs = Vec::new();
    let mut scores = vec![0.0f64; count];
    let mut touched: Vec<usize> = Vec::new();
    for (index, rare) in rare_sets.iter().enumerate() {
        for (term, term_weight) in rare {
            for &other in postings.get(term).map_or(&[][..], Vec::as_slice) {
                if other == index {
                    continue;
                }
                if let Some(score) = scores.get_mut(other) {
                    if *score == 0.0 {
                        touched.push(other);
                    }
                    *score += term_weight * term_weight;
                }
            }
        }
        let own_norm = norms.get(index).copied().unwrap_or(0.0);
        let mut ranked: Vec<(f64, usize)> = touched
            .iter()
            .map(|&other| {
                let dot = scores.get(other).copied().unwrap_or(0.0);
                let other_norm = norms.get(other).copied().unwrap_or(0.0);
                (
                    dot / (own_norm * other_norm).sqrt().max(f64::MIN_POSITIVE),
                    other,
                )
            })
            .collect();
        ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, other) in ranked.iter().take(top_k) {
            pairs.push((index.min(other), index.max(other)));
        }
        for &other in &touched {
            if let Some(score) = scores.get_mut(other) {
                *score = 0.0;
            }
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::word_hashes;

    #[test]
    fn minhash_agreement_tracks_jaccard() {
        let base = "the delegation proposed a brief truce of two to three days in selected areas \
                    along the front lines but gave no further details about how it would work";
        let edited = base.replace("brief", "short");
        let first = shingles(&word_hashes(base), 3);
        let second = shingles(&word_hashes(&edited), 3);
        let unrelated = shingles(&word_hashes("markets fell sharply on friday in asia"), 3);
        let signature = |set: &[u64]| minhash(set, 128);
        let agreement = |a: &[u64], b: &[u64]| {
            a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
        };
        let close = agreement(&signature(&first), &signature(&second));
        assert!(close > 0.6, "{close}");
        assert!(agreement(&signature(&first), &signature(&unrelated)) < 0.1);
        assert_eq!(minhash(&first, 16), minhash(&first, 16));
        assert!(minhash(&[], 16).is_empty());
    }

    #[test]
    fn large_groups_are_linked_as_a_star() {
        let members: Vec<usize> = (0..100).collect();
        let mut pairs = Vec::new();
        link_group(&members, &mut pairs);
        assert_eq!(pairs.len(), 99);
        assert!(pairs.iter().all(|&(first, _)| first == 0));
    }
}
