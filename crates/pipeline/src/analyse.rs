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

/// Why analysing the stored articles failed.
#[derive(Debug, thiserror::Error)]
pub enum AnalyseStoredError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] corroborate_store::StoreError),
    /// The clusterer state could not be written as JSON.
    #[error("cannot save the clustering state: {0}")]
    State(#[from] serde_json::Error),
}

/// Meta keys of the incremental clustering state.
const STATE_KEY: &str = "cluster_state";
const STATE_VERSION_KEY: &str = "cluster_state_version";
const STATE_ARTICLES_KEY: &str = "cluster_state_articles";

/// Analyses everything stored and stores the result (stories, events, derivations), extending
/// the previous run's events when none of the articles they hold changed since; else clusters
/// afresh. Returns the articles analysed and the analysis.
pub fn analyse_stored(
    store: &mut impl corroborate_store::Store,
) -> Result<(Vec<Article>, corroborate_store::Analysis), AnalyseStoredError> {
    let articles = store.all_articles()?;
    let fingerprints: std::collections::BTreeMap<&str, String> = articles
        .iter()
        .map(|article| (article.id.as_str(), article.fingerprint()))
        .collect();
    let previous = (|| {
        if store.get_meta(STATE_VERSION_KEY).ok()??.as_str() != CLUSTER_STATE_VERSION {
            return None;
        }
        let placed: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&store.get_meta(STATE_ARTICLES_KEY).ok()??).ok()?;
        let unchanged = placed
            .iter()
            .all(|(id, fingerprint)| fingerprints.get(id.as_str()) == Some(fingerprint));
        if !unchanged {
            return None;
        }
        serde_json::from_str(&store.get_meta(STATE_KEY).ok()??).ok()
    })();
    let outcome = analyse(&articles, previous);
    let analysis = corroborate_store::Analysis {
        stories: outcome.clustering.stories,
        events: outcome.clustering.events,
        derivations: outcome.derivations,
    };
    store.put_analysis(&analysis)?;
    store.set_meta(STATE_KEY, &serde_json::to_string(&outcome.clusterer)?)?;
    store.set_meta(STATE_ARTICLES_KEY, &serde_json::to_string(&fingerprints)?)?;
    store.set_meta(STATE_VERSION_KEY, CLUSTER_STATE_VERSION)?;
    Ok((articles, analysis))
}
