//! The analysis stages over stored articles: copies and rewrites, then events and stories.
//!
//! Clustering is incremental: the clusterer's state from the previous run is handed back in,
//! and only articles it has not seen are placed. When stored articles changed or disappeared,
//! the state no longer describes them and clustering starts afresh.

use corroborate_cluster::{ClusterOptions, Clusterer, Clustering};
use corroborate_dedup::{DedupOptions, Derivation};
use corroborate_model::Article;

/// What the analysis found.
#[derive(Debug)]
pub struct AnalysisOutcome {
    /// Copies and rewrites, each with its likely original.
    pub derivations: Vec<Derivation>,
    /// Events and stories.
    pub clustering: Clustering,
    /// The clusterer, to be stored and handed back next run.
    pub clusterer: Clusterer,
    /// Whether existing events were extended (`true`) or everything was clustered afresh.
    pub incremental: bool,
}

/// The version of the stored clusterer state this program reads; state of another version is
/// discarded and rebuilt.
pub const CLUSTER_STATE_VERSION: &str = concat!("cluster-", env!("CARGO_PKG_VERSION"), "-1");

/// Analyses `articles` (everything stored). `previous` is the clusterer of the last run, when
/// it is still valid: none of the articles it placed changed or disappeared since.
pub fn analyse(articles: &[Article], previous: Option<Clusterer>) -> AnalysisOutcome {
    let derivations = corroborate_dedup::find_derivations(articles, &DedupOptions::default());
    let incremental = previous.is_some();
    let mut clusterer = previous.unwrap_or_else(|| Clusterer::new(ClusterOptions::default()));
    clusterer.add(articles);
    let clustering = clusterer.clustering();
    AnalysisOutcome {
        derivations,
        clustering,
        clusterer,
        incremental,
    }
}
