//! Clustering quality against gold events: pairwise precision/recall/F1 (Miranda et al. 2018)
//! and BCubed precision/recall/F1, overall and per dataset.
//!
//! Pairwise: over the contingency table n_ij of gold × predicted clusters, TP = Σ C(n_ij, 2),
//! P = TP / Σ_j C(|pred_j|, 2), R = TP / Σ_i C(|gold_i|, 2). BCubed: per article,
//! P = |pred ∩ gold| / |pred| and R = |pred ∩ gold| / |gold|, averaged over articles; F1 is the
//! harmonic mean of the averages. When a denominator is zero (no pair at all) the precision or
//! recall is 1: nothing could be wrong.
//!
//! Articles are those of `gold`; one missing from `predicted` counts as a singleton.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Serialize;

/// Scores of one set of articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Number of articles scored.
    pub articles: usize,
    /// Number of gold clusters among them.
    pub gold_clusters: usize,
    /// Number of predicted clusters among them.
    pub predicted_clusters: usize,
    /// Pairwise precision.
    pub pairwise_precision: f64,
    /// Pairwise recall.
    pub pairwise_recall: f64,
    /// Pairwise F1.
    pub pairwise_f1: f64,
    /// BCubed precision.
    pub bcubed_precision: f64,
    /// BCubed recall.
    pub bcubed_recall: f64,
    /// BCubed F1.
    pub bcubed_f1: f64,
}

/// Scores overall and per dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    /// All articles together.
    pub overall: Scores,
    /// Each dataset alone (clusters restricted to its articles), by dataset name.
    pub per_dataset: BTreeMap<String, Scores>,
}

/// Scores `predicted` (article id → cluster id) against `gold` (article id → event id), overall
/// and per dataset (`dataset_of`: article id → dataset; articles without one are grouped under
/// `"-"`).
pub fn evaluate(
    gold: &HashMap<String, String>,
    predicted: &HashMap<String, String>,
    dataset_of: &HashMap<String, String>,
) -> EvalReport {
    let mut ids: Vec<&String> = gold.keys().collect();
    ids.sort();
    let overall = score(&ids, gold, predicted);
    let mut by_dataset: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for id in &ids {
        let dataset = dataset_of
            .get(*id)
            .cloned()
            .unwrap_or_else(|| "-".to_string());
        by_dataset.entry(dataset).or_default().push(id);
    }
    let per_dataset = by_dataset
        .into_iter()
        .map(|(dataset, members)| (dataset, score(&members, gold, predicted)))
        .collect();
    EvalReport {
        overall,
        per_dataset,
    }
}

fn pairs(count: usize) -> f64 {
    let count = count as f64;
    count * (count - 1.0) / 2.0
}

fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator > 0.0 {
        numerator / denominator
    } else {
        1.0
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn score(
    ids: &[&String],
    gold: &HashMap<String, String>,
    predicted: &HashMap<String, String>,
) -> Scores {
    // A missing prediction is a singleton: key it by the article id itself, in its own space.
    let predicted_of = |id: &String| -> (bool, String) {
        match predicted.get(id) {
            Some(cluster) => (true, cluster.clone()),
            None => (false, id.clone()),
        }
    };
    let mut gold_sizes: HashMap<&str, usize> = HashMap::new();
    let mut predicted_sizes: HashMap<(bool, String), usize> = HashMap::new();
    let mut joint: HashMap<(&str, (bool, String)), usize> = HashMap::new();
    for id in ids {
        let Some(gold_cluster) = gold.get(*id) else {
            continue;
        };
        let predicted_cluster = predicted_of(id);
        *gold_sizes.entry(gold_cluster).or_default() += 1;
        *predicted_sizes
            .entry(predicted_cluster.clone())
            .or_default() += 1;
        *joint.entry((gold_cluster, predicted_cluster)).or_default() += 1;
    }
    let true_pairs: f64 = joint.values().map(|&n| pairs(n)).sum();
    let predicted_pairs: f64 = predicted_sizes.values().map(|&n| pairs(n)).sum();
    let gold_pairs: f64 = gold_sizes.values().map(|&n| pairs(n)).sum();
    let pairwise_precision = ratio(true_pairs, predicted_pairs);
    let pairwise_recall = ratio(true_pairs, gold_pairs);
    let (mut precision_sum, mut recall_sum, mut counted) = (0.0, 0.0, 0usize);
    for id in ids {
        let Some(gold_cluster) = gold.get(*id) else {
            continue;
        };
        let predicted_cluster = predicted_of(id);
        let both = joint
            .get(&(gold_cluster.as_str(), predicted_cluster.clone()))
            .copied()
            .unwrap_or(0) as f64;
        let predicted_size = predicted_sizes
            .get(&predicted_cluster)
            .copied()
            .unwrap_or(1) as f64;
        let gold_size = gold_sizes.get(gold_cluster.as_str()).copied().unwrap_or(1) as f64;
        precision_sum += both / predicted_size;
        recall_sum += both / gold_size;
        counted += 1;
    }
    let bcubed_precision = ratio(precision_sum, counted as f64);
    let bcubed_recall = ratio(recall_sum, counted as f64);
    Scores {
        articles: counted,
        gold_clusters: gold_sizes.len(),
        predicted_clusters: predicted_sizes.len(),
        pairwise_precision,
        pairwise_recall,
        pairwise_f1: f1(pairwise_precision, pairwise_recall),
        bcubed_precision,
        bcubed_recall,
        bcubed_f1: f1(bcubed_precision, bcubed_recall),
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<12} {:>8} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "dataset",
            "articles",
            "gold",
            "pred",
            "pair-P",
            "pair-R",
            "pair-F1",
            "B3-P",
            "B3-R",
            "B3-F1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, s: &Scores| {
            writeln!(
                f,
                "{:<12} {:>8} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3}",
                name,
                s.articles,
                s.gold_clusters,
                s.predicted_clusters,
                s.pairwise_precision,
                s.pairwise_recall,
                s.pairwise_f1,
                s.bcubed_precision,
                s.bcubed_recall,
                s.bcubed_f1
            )
        };
        for (dataset, scores) in &self.per_dataset {
            row(f, dataset, scores)?;
        }
        row(f, "ALL", &self.overall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn hand_computed_example() {
        // Gold: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}.
        let gold = map(&[
            ("a", "G1"),
            ("b", "G1"),
            ("c", "G1"),
            ("d", "G2"),
            ("e", "G2"),
        ]);
        let predicted = map(&[
            ("a", "P1"),
            ("b", "P1"),
            ("c", "P2"),
            ("d", "P2"),
            ("e", "P2"),
        ]);
        let report = evaluate(&gold, &predicted, &HashMap::new());
        let s = &report.overall;
        // TP = C(2,2) [a,b] + C(2,2) [d,e] = 2; predicted pairs = 1 + 3 = 4; gold pairs = 3 + 1 = 4.
        assert!((s.pairwise_precision - 0.5).abs() < 1e-12);
        assert!((s.pairwise_recall - 0.5).abs() < 1e-12);
        assert!((s.pairwise_f1 - 0.5).abs() < 1e-12);
        // BCubed P: a 1, b 1, c 1/3, d 2/3, e 2/3 → 11/3 / 5 = 11/15.
        assert!((s.bcubed_precision - 11.0 / 15.0).abs() < 1e-12);
        // BCubed R: a 2/3, b 2/3, c 1/3, d 1, e 1 → 11/3 / 5 = 11/15.
        assert!((s.bcubed_recall - 11.0 / 15.0).abs() < 1e-12);
        assert_eq!(
            (s.gold_clusters, s.predicted_clusters, s.articles),
            (2, 2, 5)
        );
    }

    #[test]
    fn perfect_and_singletons_and_missing() {
        let gold = map(&[("a", "G1"), ("b", "G1"), ("c", "G2")]);
        let report = evaluate(&gold, &gold, &HashMap::new());
        assert_eq!(report.overall.pairwise_f1, 1.0);
        assert_eq!(report.overall.bcubed_f1, 1.0);
        // Nothing predicted: all singletons. No predicted pair → P = 1; recall 0 pairs of 1.
        let report = evaluate(&gold, &HashMap::new(), &HashMap::new());
        assert_eq!(report.overall.pairwise_precision, 1.0);
        assert_eq!(report.overall.pairwise_recall, 0.0);
        assert_eq!(report.overall.bcubed_precision, 1.0);
        assert!((report.overall.bcubed_recall - (0.5 + 0.5 + 1.0) / 3.0).abs() < 1e-12);
        assert_eq!(report.overall.predicted_clusters, 3);
    }

    #[test]
    fn per_dataset_restricts_clusters() {
        let gold = map(&[("a", "G1"), ("b", "G1"), ("x", "G2"), ("y", "G2")]);
        // One predicted cluster spans both datasets; within each dataset it is perfect.
        let predicted = map(&[("a", "P"), ("b", "P"), ("x", "P"), ("y", "P")]);
        let datasets = map(&[("a", "one"), ("b", "one"), ("x", "two"), ("y", "two")]);
        let report = evaluate(&gold, &predicted, &datasets);
        assert_eq!(report.per_dataset.len(), 2);
        assert!(report.per_dataset.values().all(|s| s.pairwise_f1 == 1.0));
        assert!((report.overall.pairwise_precision - 2.0 / 6.0).abs() < 1e-12);
        let table = report.to_string();
        assert!(
            table.lines().count() == 4 && table.contains("ALL"),
            "{table}"
        );
    }
}
