//! Inverted index from (term, time bucket) to events, for candidate retrieval: an article is
//! compared only with events that share one of its heaviest terms and lie close in time, so the
//! cost of clustering grows about linearly with the number of articles.

use std::collections::{BTreeMap, HashMap};

/// The bucket of events with no dated member.
pub(crate) const UNDATED_BUCKET: i32 = i32::MIN;

/// Buckets span three decay scales: beyond that the Gaussian time factor is below 0.012, so
/// looking in the neighbouring buckets only loses candidates that could not reach a threshold.
pub(crate) fn bucket_of(day: i64, scale_days: f32) -> i32 {
    let width = (f64::from(scale_days) * 3.0).ceil().max(1.0) as i64;
    let bucket = day.div_euclid(width);
    bucket.clamp(i64::from(i32::MIN) + 2, i64::from(i32::MAX) - 1) as i32
}

/// Buckets for stories are one story window wide, so events within the window lie in the same
/// or a neighbouring bucket.
pub(crate) fn story_bucket_of(mean_day: f64, window_days: f32) -> i32 {
    let width = f64::from(window_days).ceil().max(1.0);
    let bucket = (mean_day / width).floor();
    bucket.clamp(f64::from(i32::MIN) + 2.0, f64::from(i32::MAX) - 1.0) as i32
}

/// (term, bucket) → events, in insertion order.
#[derive(Debug, Default)]
pub(crate) struct TermIndex {
    postings: BTreeMap<(u32, i32), Vec<u32>>,
}

impl TermIndex {
    pub(crate) fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }

    pub(crate) fn insert(&mut self, term: u32, bucket: i32, event: u32) {
        self.postings.entry((term, bucket)).or_default().push(event);
    }

    /// Events indexed under any of `terms`: for a dated query in its bucket, the two beside it,
    /// and the undated bucket; for an undated query (`None`) in every bucket. Only the `limit`
    /// events sharing the most terms are kept (ties by lower index), which bounds the cost of
    /// scoring; returned sorted by index.
    pub(crate) fn candidates(&self, terms: &[u32], bucket: Option<i32>, limit: usize) -> Vec<u32> {
        let mut shared: HashMap<u32, u32> = HashMap::new();
        for &term in terms {
            let mut found: Vec<u32> = Vec::new();
            match bucket {
                Some(bucket) => {
                    let range = (term, bucket.saturating_sub(1))..=(term, bucket.saturating_add(1));
                    for list in self.postings.range(range).map(|(_, list)| list) {
                        found.extend(list.iter().copied());
                    }
                    if let Some(list) = self.postings.get(&(term, UNDATED_BUCKET)) {
                        found.extend(list.iter().copied());
                    }
                }
                None => {
                    for list in self
                        .postings
                        .range((term, i32::MIN)..=(term, i32::MAX))
                        .map(|(_, list)| list)
                    {
                        found.extend(list.iter().copied());
                    }
                }
            }
            found.sort_unstable();
            found.dedup();
            for event in found {
                *shared.entry(event).or_default() += 1;
            }
        }
        let mut ranked: Vec<(u32, u32)> = shared.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        let mut events: Vec<u32> = ranked.into_iter().map(|(event, _)| event).collect();
        events.sort_unstable();
        events
    }
}
