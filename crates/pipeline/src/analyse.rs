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

/// The version of the stored briefs this program writes: part of every brief's members key,
/// so briefs made by an older reconciler are made again. Bump it when reconciliation changes.
pub const BRIEF_VERSION: &str = concat!("brief-", env!("CARGO_PKG_VERSION"), "-2");

/// What [`analyse_stored`] found and stored.
#[derive(Debug)]
pub struct StoredAnalysis {
    /// Every stored article, in listing order.
    pub articles: Vec<Article>,
    /// Stories, events and derivations.
    pub analysis: corroborate_store::Analysis,
    /// Every event's brief, in the order of `analysis.events`.
    pub briefs: Vec<corroborate_store::EventBrief>,
    /// How many briefs were made afresh (the others were unchanged and read back).
    pub reconciled: usize,
}

/// Analyses everything stored and stores the result (stories, events, derivations, and each
/// event's reconciled brief), extending the previous run's events when none of the articles
/// they hold changed since; else clusters afresh. Only events whose articles (or their
/// copy/rewrite relations) changed are reconciled again.
pub fn analyse_stored(
    store: &mut impl corroborate_store::Store,
) -> Result<StoredAnalysis, AnalyseStoredError> {
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
    let mut analysis = corroborate_store::Analysis {
        stories: outcome.clustering.stories,
        events: outcome.clustering.events,
        derivations: outcome.derivations,
    };
    order_undated_events(&mut analysis, &articles);
    store.put_analysis(&analysis)?;
    store.set_meta(STATE_KEY, &serde_json::to_string(&outcome.clusterer)?)?;
    store.set_meta(STATE_ARTICLES_KEY, &serde_json::to_string(&fingerprints)?)?;
    store.set_meta(STATE_VERSION_KEY, CLUSTER_STATE_VERSION)?;

    let (briefs, reconciled) = update_briefs(store, &articles, &fingerprints, &analysis)?;
    Ok(StoredAnalysis {
        articles,
        analysis,
        briefs,
        reconciled,
    })
}

/// Reconciles the events whose members key changed (in parallel; each event on its own, so the
/// result does not depend on the thread count), stores them, drops the briefs of events that
/// are gone, and returns every event's brief.
fn update_briefs(
    store: &mut impl corroborate_store::Store,
    articles: &[Article],
    fingerprints: &std::collections::BTreeMap<&str, String>,
    analysis: &corroborate_store::Analysis,
) -> Result<(Vec<corroborate_store::EventBrief>, usize), AnalyseStoredError> {
    use rayon::prelude::*;
    use std::collections::HashMap;

    let by_id: HashMap<&str, &Article> = articles
        .iter()
        .map(|article| (article.id.as_str(), article))
        .collect();
    let derived_from: HashMap<&str, String> = analysis
        .derivations
        .iter()
        .map(|derivation| {
            (
                derivation.copy.as_str(),
                format!("{}:{:?}", derivation.original.as_str(), derivation.relation),
            )
        })
        .collect();
    let keyed: Vec<(&corroborate_cluster::Event, String)> = analysis
        .events
        .iter()
        .map(|event| {
            let described: Vec<(&str, String)> = event
                .articles
                .iter()
                .map(|id| {
                    let id = id.as_str();
                    let fingerprint = fingerprints.get(id).map_or("", String::as_str);
                    let origin = derived_from.get(id).map_or("", String::as_str);
                    (id, format!("{BRIEF_VERSION}|{fingerprint}|{origin}"))
                })
                .collect();
            let key = corroborate_store::members_key(
                described.iter().map(|(id, text)| (*id, text.as_str())),
            );
            (event, key)
        })
        .collect();

    let stored_keys = store.brief_keys()?;
    let options = corroborate_reconcile::ReconcileOptions::default();
    let fresh: Vec<corroborate_store::EventBrief> = keyed
        .par_iter()
        .filter(|(event, key)| stored_keys.get(&event.id) != Some(key))
        .map(|(event, key)| {
            let members: Vec<Article> = event
                .articles
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).map(|article| (*article).clone()))
                .collect();
            // Derivations among this event's members only: the brief counts its own copies.
            let derivations: Vec<corroborate_dedup::Derivation> = analysis
                .derivations
                .iter()
                .filter(|derivation| {
                    event.articles.contains(&derivation.copy)
                        && event.articles.contains(&derivation.original)
                })
                .cloned()
                .collect();
            corroborate_store::EventBrief {
                event_id: event.id.clone(),
                members_key: key.clone(),
                brief: corroborate_reconcile::reconcile(&members, &derivations, &options),
            }
        })
        .collect();
    let reconciled = fresh.len();
    let fresh_ids: std::collections::HashSet<String> =
        fresh.iter().map(|brief| brief.event_id.clone()).collect();
    let mut by_event: HashMap<String, corroborate_store::EventBrief> = fresh
        .into_iter()
        .map(|brief| (brief.event_id.clone(), brief))
        .collect();
    if by_event.len() < analysis.events.len() {
        for stored in store.briefs()? {
            by_event.entry(stored.event_id.clone()).or_insert(stored);
        }
    }

    // One id per entity across each story's events; a stored brief whose entities this
    // renames is stored again.
    let mut changed: Vec<corroborate_store::EventBrief> = Vec::new();
    for story in &analysis.stories {
        let mut members: Vec<corroborate_store::EventBrief> = story
            .events
            .iter()
            .filter_map(|id| by_event.remove(id))
            .collect();
        let before: Vec<corroborate_reconcile::Brief> =
            members.iter().map(|member| member.brief.clone()).collect();
        let mut briefs: Vec<corroborate_reconcile::Brief> = members
            .iter_mut()
            .map(|member| std::mem::take(&mut member.brief))
            .collect();
        corroborate_reconcile::unify_story_entities(&mut briefs);
        for ((member, brief), old) in members.iter_mut().zip(briefs).zip(before) {
            if brief != old || fresh_ids.contains(&member.event_id) {
                changed.push(corroborate_store::EventBrief {
                    event_id: member.event_id.clone(),
                    members_key: member.members_key.clone(),
                    brief: brief.clone(),
                });
            }
            member.brief = brief;
        }
        for member in members {
            by_event.insert(member.event_id.clone(), member);
        }
    }
    // Fresh briefs of events outside every story.
    for id in &fresh_ids {
        if let Some(brief) = by_event.get(id)
            && !changed.iter().any(|done| done.event_id == *id)
        {
            changed.push(brief.clone());
        }
    }
    changed.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    let live: Vec<String> = analysis
        .events
        .iter()
        .map(|event| event.id.clone())
        .collect();
    store.put_briefs(&changed, &live)?;

    let briefs = analysis
        .events
        .iter()
        .map(|event| {
            by_event
                .remove(&event.id)
                .unwrap_or_else(|| corroborate_store::EventBrief {
                    event_id: event.id.clone(),
                    members_key: String::new(),
                    brief: corroborate_reconcile::Brief::default(),
                })
        })
        .collect();
    Ok((briefs, reconciled))
}

/// Puts the undated events of each story in the order their articles imply: an event known
/// only from undated articles took place after every day those articles recount as past
/// ([`corroborate_facts::recounted_days`]), so undated events are ordered by the latest such
/// day (events that recount none first, then by id). Dated events keep their places; the
/// undated ones fill the remaining places in the new order.
fn order_undated_events(analysis: &mut corroborate_store::Analysis, articles: &[Article]) {
    use std::collections::HashMap;

    let by_id: HashMap<&str, &Article> = articles
        .iter()
        .map(|article| (article.id.as_str(), article))
        .collect();
    let undated: HashMap<&str, &corroborate_cluster::Event> = analysis
        .events
        .iter()
        .filter(|event| event.first_date.is_none())
        .map(|event| (event.id.as_str(), event))
        .collect();
    // The latest recounted day of an event, by month and day: most undated mentions carry no
    // year, and the events of one story rarely span a new year.
    let anchor = |event: &corroborate_cluster::Event| -> Option<(u32, u32)> {
        event
            .articles
            .iter()
            .filter_map(|id| by_id.get(id.as_str()))
            .flat_map(|article| {
                corroborate_text::sentences(&article.text)
                    .into_iter()
                    .flat_map(|sentence| {
                        corroborate_facts::recounted_days(sentence.text(&article.text))
                    })
                    .collect::<Vec<_>>()
            })
            .map(|day| (day.month, day.day))
            .max()
    };
    for story in &mut analysis.stories {
        let slots: Vec<usize> = story
            .events
            .iter()
            .enumerate()
            .filter(|(_, id)| undated.contains_key(id.as_str()))
            .map(|(index, _)| index)
            .collect();
        if slots.len() < 2 {
            continue;
        }
        let mut keyed: Vec<(Option<(u32, u32)>, String)> = slots
            .iter()
            .filter_map(|&index| story.events.get(index))
            .map(|id| {
                (
                    undated.get(id.as_str()).and_then(|event| anchor(event)),
                    id.clone(),
                )
            })
            .collect();
        keyed.sort();
        for (slot, (_, id)) in slots.into_iter().zip(keyed) {
            if let Some(place) = story.events.get_mut(slot) {
                *place = id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::order_undated_events;
    use corroborate_model::{Article, ArticleId};

    fn event(id: &str, article: &str, day: Option<&str>) -> serde_json::Value {
        serde_json::json!({
            "id": id, "label": id, "key_terms": [], "representative": article,
            "articles": [article], "first_date": day, "last_date": day,
        })
    }

    #[test]
    fn undated_events_follow_the_days_their_articles_recount() {
        let articles = [
            // The third round recounts the second; the second recounts the first; the first
            // recounts nothing, and its plans for later days do not count.
            Article::new(
                ArticleId::new("a3"),
                "Negotiators met again in Geneva. At the previous round on June 2, the sides \
                 swapped lists of prisoners.",
            ),
            Article::new(
                ArticleId::new("a1"),
                "The first talks in years opened in Geneva. A second round could follow on June 2.",
            ),
            Article::new(
                ArticleId::new("a2"),
                "A second round of talks ended in Geneva. The first round on May 16 produced a \
                 prisoner swap.",
            ),
            Article::new(ArticleId::new("dated"), "A dated report from Geneva."),
        ];
        let mut analysis: corroborate_store::Analysis = serde_json::from_value(serde_json::json!({
            "events": [
                event("e-third", "a3", None),
                event("e-dated", "dated", Some("2025-01-10")),
                event("e-first", "a1", None),
                event("e-second", "a2", None),
            ],
            "stories": [{
                "id": "s", "label": "talks",
                "events": ["e-third", "e-dated", "e-first", "e-second"],
                "first_date": "2025-01-10", "last_date": "2025-01-10",
            }],
            "derivations": [],
        }))
        .expect("analysis");
        order_undated_events(&mut analysis, &articles);
        assert_eq!(
            analysis.stories[0].events,
            ["e-first", "e-dated", "e-second", "e-third"],
            "undated events reordered among their own places; the dated one stays"
        );
    }
}
