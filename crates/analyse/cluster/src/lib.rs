//! Events and stories: groups articles the way a reader thinks of them.
//!
//! An [`Event`] is one happening (the second round of talks on 2 June); a [`Story`] is a run of
//! events (the 2025 Istanbul talks). The method follows Miranda et al. 2018, "Multilingual
//! Clustering of Streaming News": each article becomes a sparse vector of word stems, named
//! entities and numbers weighted by sublinear tf × a background idf shipped with the crate (the
//! title counts more); it is compared, through an inverted index over the events' top terms, with
//! the centroids of existing events, and the cosine is damped by a Gaussian of the distance in
//! days when both sides are dated. It joins the best event at or above
//! [`ClusterOptions::join_threshold`] (raised by [`ClusterOptions::size_penalty`] × ln of the
//! event's size, so large events do not swallow their neighbours) or opens a new one; a merge
//! pass then joins events whose centroids come close, and an event of one or two articles with
//! another it would now join by that rule (the event that fits an article may form only after
//! it came in), which also keeps one-by-one feeding close to batch clustering. Stories link
//! events by centroid similarity with a looser threshold and a wider time window; every
//! comparison goes through (term, time bucket) indexes, so the cost grows about linearly.
//!
//! The [`Clusterer`] state is serde-serialisable, so new articles can be assigned later without
//! clustering everything again. Term weights blend the background with the articles seen
//! (the background counting as at most as many documents as were seen), so in a batch on one
//! story the words every article shares weigh little and its rounds stay apart; a page
//! template repeated word for word by several articles is not read as their content.
//! [`ClusterOptions::default`] suits mixed news streams; [`ClusterOptions::fine_grained`]
//! joins more strictly.
//!
//! ```
//! use corroborate_cluster::{cluster, ClusterOptions};
//! use corroborate_model::{Article, ArticleId};
//!
//! let mut a = Article::new(ArticleId::new("a"), "Wildfire near Athens forces evacuation of Marathon villages.");
//! a.title = Some("Wildfire near Athens".into());
//! let mut b = Article::new(ArticleId::new("b"), "Villages near Marathon evacuated as wildfire spreads from Athens suburbs.");
//! b.title = Some("Athens wildfire: Marathon evacuated".into());
//! let clustering = cluster(&[a, b], &ClusterOptions::default());
//! assert_eq!(clustering.events.len(), 1);
//! ```

mod features;
mod index;

pub mod eval;
pub mod input;

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use corroborate_model::{Article, ArticleId};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::index::{TermIndex, UNDATED_BUCKET};

/// One happening, as a group of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: `"e-"` + 16 hex digits of the xxh3 hash of the earliest member's id
    /// (earliest by publication day, then id).
    pub id: String,
    /// The representative article's title (or the start of its text when it has none).
    pub label: String,
    /// The heaviest terms of the centroid, as they read in the text.
    pub key_terms: Vec<String>,
    /// The member closest to the centroid.
    pub representative: ArticleId,
    /// Members, sorted by (publication day, id).
    pub articles: Vec<ArticleId>,
    /// Earliest publication day among dated members.
    pub first_date: Option<NaiveDate>,
    /// Latest publication day among dated members.
    pub last_date: Option<NaiveDate>,
}

/// A run of related events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id: `"s-"` + the hash part of its earliest event's id.
    pub id: String,
    /// The label of its largest event.
    pub label: String,
    /// Ids of its events, in the order of [`Clustering::events`].
    pub events: Vec<String>,
    /// Earliest publication day among its events.
    pub first_date: Option<NaiveDate>,
    /// Latest publication day among its events.
    pub last_date: Option<NaiveDate>,
}

/// Events and the stories that group them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Clustering {
    /// Events, ordered by their earliest member (publication day, then id).
    pub events: Vec<Event>,
    /// Stories, ordered by their earliest event.
    pub stories: Vec<Story>,
}

/// Event id → id of the story that holds it.
pub fn story_of_events(stories: &[Story]) -> std::collections::HashMap<&str, &str> {
    stories
        .iter()
        .flat_map(|story| {
            story
                .events
                .iter()
                .map(move |event| (event.as_str(), story.id.as_str()))
        })
        .collect()
}

/// Thresholds and weights of the clustering. The defaults were chosen on a two-fold split
/// over the events of a development set of real news (see docs/benchmarks.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Options stored with an older state lack newer fields: those take their defaults.
#[serde(default)]
pub struct ClusterOptions {
    /// An article joins the most similar event when its similarity reaches this.
    pub join_threshold: f32,
    /// The join threshold rises by this times ln(members) of the event: a large event's
    /// centroid drifts towards the general vocabulary of its subject and would otherwise
    /// attract neighbouring happenings.
    pub size_penalty: f32,
    /// Two events merge when the similarity of their centroids reaches this.
    pub merge_threshold: f32,
    /// An event of at most this many articles also merges into another event when it would
    /// join it by the rule for a new article ([`ClusterOptions::join_threshold`] raised by the
    /// size penalty of the other event). A few articles are judged like one: when they came
    /// in, the event that fits them may not have formed yet. 0 turns this off.
    pub small_event_members: usize,
    /// Two events belong to one story when their centroid similarity reaches this.
    pub story_threshold: f32,
    /// Scale σ of the Gaussian time decay, in days: at σ days apart the similarity is
    /// multiplied by exp(-1/2) ≈ 0.61. Only applies when both sides are dated.
    pub time_decay_days: f32,
    /// Time window for stories, in days: events further apart than this never share a story.
    pub story_window_days: f32,
    /// How much a title occurrence of a term counts against one in the body.
    pub title_weight: f32,
    /// Multiplier of named-entity features.
    pub entity_weight: f32,
    /// Multiplier of number features.
    pub number_weight: f32,
    /// Inverse document frequency given to numbers (they are absent from the background).
    pub number_idf: f32,
    /// Word stems more common than this (background idf below it) are ignored.
    pub min_word_idf: f32,
    /// Only the first this many tokens of a text are read: leads carry the happening, and
    /// long tails of web junk do not.
    pub max_tokens: usize,
    /// An article looks up candidate events through this many of its heaviest terms.
    pub query_terms: usize,
    /// An event is found through this many of its centroid's heaviest terms.
    pub index_terms: usize,
    /// At most this many candidate events (those sharing the most query terms) are scored
    /// per article or event, which keeps the cost per article bounded.
    pub max_candidates: usize,
    /// Number of key terms reported per event.
    pub key_terms: usize,
    /// How many documents the background table counts as at most, against the documents seen
    /// so far (it never counts as more than those): with `b` = min(this, seen), a term's
    /// document frequency is (seen with it + b × background share) / (seen + b),
    /// so the articles seen weigh at least half (in a batch on one story, the words all its
    /// articles share count little) and a long stream weighs by itself ("Biden" is rare in
    /// general English but common in political news).
    pub background_documents: f32,
    /// A short text (under 1,000 characters) carried word for word by at least this many
    /// articles is a template of the page (a social widget, an archive's crawl notice), not a
    /// report: those articles are compared by their titles alone. 0 turns this off.
    pub template_copies: u32,
}

impl Default for ClusterOptions {
    /// Chosen on a two-fold split over the events of the development set (see
    /// docs/benchmarks.md): the best combination on either half held up on the other.
    fn default() -> Self {
        Self {
            join_threshold: 0.17,
            size_penalty: 0.14,
            merge_threshold: 0.5,
            small_event_members: 2,
            story_threshold: 0.20,
            time_decay_days: 1.5,
            story_window_days: 60.0,
            title_weight: 3.0,
            entity_weight: 1.0,
            number_weight: 1.0,
            number_idf: 5.0,
            min_word_idf: 1.0,
            max_tokens: 1500,
            query_terms: 12,
            index_terms: 20,
            max_candidates: 40,
            key_terms: 6,
            background_documents: 1_000_000.0,
            template_copies: 3,
        }
    }
}

impl ClusterOptions {
    /// Finer events: a stricter join, for coverage where episodes of one happening (rounds of
    /// talks, hearings of a trial) should stay apart even when a batch mixes many subjects, so
    /// that the batch's own term frequencies do not discount their shared vocabulary. The
    /// default thresholds follow news benchmarks whose events are coarser (an outlet pair or a
    /// roundup on one subject).
    pub fn fine_grained() -> Self {
        Self {
            join_threshold: 0.2,
            ..Self::default()
        }
    }
}

/// A stream's first articles are clustered again as one batch at each addition until this
/// many were seen (see [`Clusterer::add`]).
pub const WARM_UP_ARTICLES: usize = 64;

/// Articles whose features are extracted together (in parallel) before they are assigned.
const EXTRACTION_CHUNK: usize = 2048;

/// A sparse vector: (term id, weight), sorted by term id.
type Sparse = Vec<(u32, f32)>;

/// A feature of an article once its key is interned.
struct TermFeature {
    term: u32,
    /// Sublinear term frequency times the namespace weight.
    weight: f32,
    /// Background inverse document frequency.
    idf: f32,
}

/// Interned feature keys with how each reads to a person.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Vocabulary {
    keys: Vec<String>,
    displays: Vec<String>,
    /// Rebuilt from `keys` after deserialisation.
    #[serde(skip)]
    ids: FxHashMap<String, u32>,
}

impl Vocabulary {
    fn ensure_ids(&mut self) {
        if self.ids.len() != self.keys.len() {
            self.ids = self
                .keys
                .iter()
                .enumerate()
                .map(|(id, key)| (key.clone(), id as u32))
                .collect();
        }
    }

    /// The id of `key`, given the next free id (and `display` kept) when it is new.
    fn intern(&mut self, key: String, display: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.ids.insert(key.clone(), id);
        self.keys.push(key);
        self.displays.push(display);
        id
    }

    fn display(&self, id: u32) -> &str {
        self.displays
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// What an event remembers of one member.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Member {
    id: ArticleId,
    date: Option<NaiveDate>,
    /// Title, or the start of the text.
    label: String,
    /// The member's heaviest terms (unit-normalised vector, truncated), to pick the
    /// representative without keeping whole vectors.
    top: Sparse,
}

/// An event while clustering.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct EventState {
    members: Vec<Member>,
    /// Sum of the members' unit vectors.
    centroid: Sparse,
    norm: f32,
    /// Sum and count of dated members' day numbers, for the mean date.
    day_sum: f64,
    dated: u32,
    /// (term, bucket) keys under which the event is indexed.
    indexed: BTreeSet<(u32, i32)>,
    /// False once merged into another event.
    alive: bool,
}

impl EventState {
    fn mean_day(&self) -> Option<f64> {
        (self.dated > 0).then(|| self.day_sum / f64::from(self.dated))
    }

    /// The earliest member by (day, id): undated members count as earliest, like in sorting.
    fn earliest(&self) -> Option<&Member> {
        self.members
            .iter()
            .min_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)))
    }

    fn id(&self) -> String {
        self.earliest()
            .map(|m| event_id(&m.id))
            .unwrap_or_else(|| "e-".to_string())
    }
}

fn event_id(first: &ArticleId) -> String {
    format!("e-{}", corroborate_model::content_hash(first.as_str()))
}

/// Incremental clusterer: the state can be serialised (serde) and stored, so new articles are
/// assigned to existing events or open new ones without re-clustering everything.
#[derive(Debug, Serialize, Deserialize)]
pub struct Clusterer {
    options: ClusterOptions,
    vocabulary: Vocabulary,
    events: Vec<EventState>,
    /// Article id → index of the event that first took it (followed through merges).
    placed: BTreeMap<ArticleId, u32>,
    /// Per term id: how many added articles hold it.
    document_counts: Vec<u32>,
    /// How many articles were added.
    documents: u64,
    /// Every article added while no more than [`WARM_UP_ARTICLES`] were seen; emptied for
    /// good once more arrive.
    #[serde(default)]
    warm_up: Vec<Article>,
    /// Per short text (see `features::template_key`): how many added articles carry it.
    #[serde(default)]
    template_counts: BTreeMap<u64, u32>,
    /// Rebuilt from the events after deserialisation.
    #[serde(skip)]
    index: TermIndex,
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(options: ClusterOptions) -> Self {
        Self {
            options,
            vocabulary: Vocabulary::default(),
            events: Vec::new(),
            placed: BTreeMap::new(),
            document_counts: Vec::new(),
            documents: 0,
            warm_up: Vec::new(),
            template_counts: BTreeMap::new(),
            index: TermIndex::default(),
        }
    }

    /// The options in force.
    pub fn options(&self) -> &ClusterOptions {
        &self.options
    }

    /// Adds articles (sorted internally by (published, id) for determinism) and returns the ids
    /// of events changed: created, grown or merged, as they stand after the call, sorted.
    /// Articles whose id was already added are skipped.
    ///
    /// While the clusterer has seen no more than [`WARM_UP_ARTICLES`], it keeps them and each
    /// call clusters all it holds again, as one batch: term weights come from the articles
    /// seen, and the first of a stream would otherwise be weighed before the rest were known.
    /// The ids returned are then those of the events that hold the new articles.
    pub fn add(&mut self, articles: &[Article]) -> Vec<String> {
        let warm_up_open = self.warm_up.len() as u64 == self.documents;
        let mut new: Vec<&Article> = articles
            .iter()
            .filter(|article| !self.placed.contains_key(&article.id))
            .collect();
        new.sort_by(|a, b| a.id.cmp(&b.id));
        new.dedup_by(|a, b| a.id == b.id);
        if new.is_empty() {
            return Vec::new();
        }
        if warm_up_open && self.warm_up.len() + new.len() <= WARM_UP_ARTICLES {
            let mut held = std::mem::take(&mut self.warm_up);
            held.extend(new.iter().map(|article| (*article).clone()));
            let mut fresh = Clusterer::new(self.options.clone());
            fresh.add_frozen(&held);
            fresh.warm_up = held;
            *self = fresh;
            let mut ids: Vec<String> = new
                .iter()
                .filter_map(|article| self.placed.get(&article.id))
                .map(|&event| self.resolve(event))
                .filter_map(|event| self.events.get(event as usize).map(EventState::id))
                .collect();
            ids.sort();
            ids.dedup();
            return ids;
        }
        self.warm_up = Vec::new();
        self.add_frozen(articles)
    }

    /// Adds articles to the state as it stands: events already formed keep their members.
    fn add_frozen(&mut self, articles: &[Article]) -> Vec<String> {
        self.vocabulary.ensure_ids();
        self.ensure_index();
        let mut order: Vec<&Article> = articles.iter().collect();
        order.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        order.dedup_by(|a, b| a.id == b.id);
        order.retain(|article| !self.placed.contains_key(&article.id));
        // Templates are counted over the whole call first: the copies of one notice need not
        // fall in one extraction chunk.
        for article in &order {
            if let Some(key) = features::template_key(&article.text) {
                *self.template_counts.entry(key).or_default() += 1;
            }
        }
        let mut changed: BTreeSet<u32> = BTreeSet::new();
        // Feature extraction is the costly part and independent per article: run it in
        // parallel, collected in input order so the result does not depend on thread count,
        // a chunk at a time so raw features of a huge batch never sit in memory all at once.
        for chunk in order.chunks(EXTRACTION_CHUNK) {
            let extracted: Vec<Vec<features::RawFeature>> = chunk
                .par_iter()
                .map(|article| {
                    let read_body = !self.is_template(&article.text);
                    features::article_features(
                        article,
                        &self.options,
                        read_body,
                        &self.vocabulary.ids,
                    )
                })
                .collect();
            // The chunk is counted before any of it is weighted: a term every article of the
            // batch holds ("Russia" in a batch on the Ukraine talks) tells its events apart no
            // better than "said" does, however rare it is in general English.
            let counted: Vec<Vec<TermFeature>> = extracted
                .into_iter()
                .map(|raw| self.count_document(raw))
                .collect();
            for (article, features) in chunk.iter().zip(counted) {
                let vector = self.weigh(features);
                let event = self.assign(article, vector);
                changed.insert(event);
            }
        }
        let mut merged_changed = BTreeSet::new();
        for event in changed {
            merged_changed.insert(self.merge_pass(event));
        }
        let mut ids: Vec<String> = merged_changed
            .into_iter()
            .map(|event| self.resolve(event))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter_map(|event| self.events.get(event as usize).map(EventState::id))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The events and stories as they stand.
    pub fn clustering(&self) -> Clustering {
        let mut live: Vec<&EventState> = self
            .events
            .iter()
            .filter(|e| e.alive && !e.members.is_empty())
            .collect();
        live.sort_by(|a, b| {
            let key = |e: &EventState| e.earliest().map(|m| (m.date, m.id.clone()));
            key(a).cmp(&key(b))
        });
        let events: Vec<Event> = live.iter().map(|state| self.describe(state)).collect();
        let stories = self.stories(&live, &events);
        Clustering { events, stories }
    }

    fn ensure_index(&mut self) {
        if self.index.is_empty() && self.events.iter().any(|e| e.alive) {
            for (position, event) in self.events.iter().enumerate() {
                if event.alive {
                    for &(term, bucket) in &event.indexed {
                        self.index.insert(term, bucket, position as u32);
                    }
                }
            }
        }
    }

    /// Whether a text is a template: short, and carried word for word by at least
    /// [`ClusterOptions::template_copies`] of the articles added.
    fn is_template(&self, text: &str) -> bool {
        let copies = self.options.template_copies;
        copies > 0
            && features::template_key(text)
                .and_then(|key| self.template_counts.get(&key))
                .is_some_and(|&count| count >= copies)
    }

    /// Interns one article's features and counts them into the document frequencies of what
    /// was seen.
    fn count_document(&mut self, raw: Vec<features::RawFeature>) -> Vec<TermFeature> {
        let mut interned = Vec::with_capacity(raw.len());
        for feature in raw {
            let term = match feature.key {
                features::FeatureKey::Known(term) => term,
                features::FeatureKey::New { key, display } => self.vocabulary.intern(key, display),
            };
            if self.document_counts.len() <= term as usize {
                self.document_counts.resize(term as usize + 1, 0);
            }
            if let Some(slot) = self.document_counts.get_mut(term as usize) {
                *slot += 1;
            }
            interned.push(TermFeature {
                term,
                weight: feature.weight,
                idf: feature.idf,
            });
        }
        self.documents += 1;
        interned
    }

    /// A unit-normalised sparse vector of counted features, each weighted by the idf blended
    /// from the background and the documents seen so far.
    fn weigh(&self, features: Vec<TermFeature>) -> Sparse {
        let seen = self.documents as f64;
        // The background counts as at most as many documents as were seen, so in a small
        // batch on one subject the batch's own frequencies weigh half.
        let prior = f64::from(self.options.background_documents.max(0.0)).min(seen.max(1.0));
        let mut vector: Sparse = Vec::with_capacity(features.len());
        for feature in features {
            let term = feature.term;
            let count = self
                .document_counts
                .get(term as usize)
                .copied()
                .unwrap_or(0);
            let background_share = (-f64::from(feature.idf)).exp();
            let share = (f64::from(count) + prior * background_share) / (seen + prior).max(1e-9);
            let idf = if share > 0.0 {
                (1.0 / share).ln().max(0.0)
            } else {
                f64::from(feature.idf)
            };
            let weight = feature.weight * idf as f32;
            if weight > 0.0 {
                vector.push((term, weight));
            }
        }
        vector.sort_by_key(|&(term, _)| term);
        let norm = vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, weight) in &mut vector {
                *weight /= norm;
            }
        }
        vector
    }

    /// Follows merges to the live event that holds `event` now.
    fn resolve(&self, mut event: u32) -> u32 {
        // Merges always go into a lower index, so this ends; the bound guards bad state.
        for _ in 0..self.events.len() + 1 {
            match self.events.get(event as usize) {
                Some(state) if !state.alive => {
                    match state.members.first().and_then(|m| self.placed.get(&m.id)) {
                        Some(&next) if next != event => event = next,
                        _ => return event,
                    }
                }
                _ => return event,
            }
        }
        event
    }

    /// Puts one article into the best event or a new one; returns the event's index.
    fn assign(&mut self, article: &Article, vector: Sparse) -> u32 {
        let date = article.published.map(|p| p.date());
        let day = date.map(day_number);
        let query = top_terms(&vector, self.options.query_terms);
        let candidates = if self.events.len() <= self.options.max_candidates {
            self.all_events()
        } else {
            self.index.candidates(
                &query,
                day.map(|d| self.bucket(d)),
                self.options.max_candidates,
            )
        };
        let mut best: Option<(f32, u32)> = None;
        for candidate in candidates {
            let Some(event) = self.events.get(candidate as usize) else {
                continue;
            };
            if !event.alive || event.norm <= 0.0 {
                continue;
            }
            let cosine = dot(&vector, &event.centroid) / event.norm;
            let similarity = cosine
                * time_factor(
                    day.map(|d| d as f64),
                    event.mean_day(),
                    self.options.time_decay_days,
                )
                - self.options.size_penalty * (event.members.len().max(1) as f32).ln();
            if best.is_none_or(|(score, _)| similarity > score) {
                best = Some((similarity, candidate));
            }
        }
        let member = Member {
            id: article.id.clone(),
            date,
            label: article_label(article),
            top: {
                let mut top = top_entries(&vector, 30);
                top.sort_by_key(|&(term, _)| term);
                top
            },
        };
        let target = match best {
            Some((score, event)) if score >= self.options.join_threshold => event,
            _ => {
                self.events.push(EventState {
                    members: Vec::new(),
                    centroid: Vec::new(),
                    norm: 0.0,
                    day_sum: 0.0,
                    dated: 0,
                    indexed: BTreeSet::new(),
                    alive: true,
                });
                (self.events.len() - 1) as u32
            }
        };
        self.placed.insert(article.id.clone(), target);
        if let Some(event) = self.events.get_mut(target as usize) {
            event.members.push(member);
            event.centroid = add_sparse(&event.centroid, &vector);
            event.norm = norm(&event.centroid);
            if let Some(day) = day {
                event.day_sum += day as f64;
                event.dated += 1;
            }
        }
        self.reindex(target, day);
        target
    }

    /// Every event by index: while there are no more events than the candidates scored per
    /// article, all are scored. In a small batch on one subject the shared vocabulary weighs
    /// little, so an article's heaviest terms are its own and the index would miss its event.
    fn all_events(&self) -> Vec<u32> {
        (0..self.events.len() as u32).collect()
    }

    fn bucket(&self, day: i64) -> i32 {
        index::bucket_of(day, self.options.time_decay_days)
    }

    /// Indexes the event under its current heaviest terms, in the bucket of `day`.
    fn reindex(&mut self, event: u32, day: Option<i64>) {
        let bucket = day.map_or(UNDATED_BUCKET, |d| self.bucket(d));
        let Some(state) = self.events.get_mut(event as usize) else {
            return;
        };
        for term in top_terms(&state.centroid, self.options.index_terms) {
            if state.indexed.insert((term, bucket)) {
                self.index.insert(term, bucket, event);
            }
        }
    }

    /// Merges `event` with close events until none is close enough; returns where it ended.
    fn merge_pass(&mut self, event: u32) -> u32 {
        let mut current = self.resolve(event);
        for _ in 0..self.events.len() {
            let Some(state) = self.events.get(current as usize) else {
                return current;
            };
            let query = top_terms(&state.centroid, self.options.index_terms);
            let buckets: BTreeSet<i32> = state.indexed.iter().map(|&(_, b)| b).collect();
            let mut candidates = BTreeSet::new();
            if self.events.len() <= self.options.max_candidates {
                candidates.extend(self.all_events());
            }
            for bucket in buckets {
                let day_bucket = (bucket != UNDATED_BUCKET).then_some(bucket);
                candidates.extend(self.index.candidates(
                    &query,
                    day_bucket,
                    self.options.max_candidates,
                ));
            }
            let mut best: Option<(f32, u32)> = None;
            for candidate in candidates {
                if candidate == current {
                    continue;
                }
                let Some(other) = self.events.get(candidate as usize) else {
                    continue;
                };
                if !other.alive {
                    continue;
                }
                let margin = self.merge_margin(state, other);
                if best.is_none_or(|(score, _)| margin > score) {
                    best = Some((margin, candidate));
                }
            }
            match best {
                Some((margin, other)) if margin >= 0.0 => {
                    current = self.merge(current, other);
                }
                _ => return current,
            }
        }
        current
    }

    /// How far two events are past the point where they merge (negative: not merged). Events
    /// merge when their centroids reach [`ClusterOptions::merge_threshold`]; a small event
    /// (see [`ClusterOptions::small_event_members`]) also merges when it would join the other
    /// by the rule for new articles. That rule was tried when its articles came in, but against
    /// the events formed so far: an event formed later could not take them then.
    fn merge_margin(&self, a: &EventState, b: &EventState) -> f32 {
        let similarity = self.event_similarity(a, b);
        let mut margin = similarity - self.options.merge_threshold;
        for (small, other) in [(a, b), (b, a)] {
            if small.members.len() <= self.options.small_event_members {
                let join = similarity
                    - self.options.size_penalty * (other.members.len().max(1) as f32).ln()
                    - self.options.join_threshold;
                margin = margin.max(join);
            }
        }
        margin
    }

    fn event_similarity(&self, a: &EventState, b: &EventState) -> f32 {
        if a.norm <= 0.0 || b.norm <= 0.0 {
            return 0.0;
        }
        let cosine = dot(&a.centroid, &b.centroid) / (a.norm * b.norm);
        cosine * time_factor(a.mean_day(), b.mean_day(), self.options.time_decay_days)
    }

    /// Merges the higher-indexed event into the lower; returns the survivor.
    fn merge(&mut self, a: u32, b: u32) -> u32 {
        let (keep, gone) = (a.min(b), a.max(b));
        let Some(taken) = self.events.get_mut(gone as usize).map(|state| {
            state.alive = false;
            EventState {
                members: std::mem::take(&mut state.members),
                centroid: std::mem::take(&mut state.centroid),
                norm: 0.0,
                day_sum: state.day_sum,
                dated: state.dated,
                indexed: std::mem::take(&mut state.indexed),
                alive: false,
            }
        }) else {
            return keep;
        };
        // Keep one member id on the dead event so `resolve` can follow it.
        if let Some(first) = taken.members.first()
            && let Some(dead) = self.events.get_mut(gone as usize)
        {
            dead.members.push(Member {
                id: first.id.clone(),
                date: first.date,
                label: String::new(),
                top: Vec::new(),
            });
        }
        for member in &taken.members {
            self.placed.insert(member.id.clone(), keep);
        }
        if let Some(state) = self.events.get_mut(keep as usize) {
            state.members.extend(taken.members);
            state.centroid = add_sparse(&state.centroid, &taken.centroid);
            state.norm = norm(&state.centroid);
            state.day_sum += taken.day_sum;
            state.dated += taken.dated;
            for (term, bucket) in taken.indexed {
                if state.indexed.insert((term, bucket)) {
                    self.index.insert(term, bucket, keep);
                }
            }
        }
        keep
    }

    fn describe(&self, state: &EventState) -> Event {
        let mut members: Vec<&Member> = state.members.iter().collect();
        members.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        let mut representative: Option<(f32, &Member)> = None;
        for member in &members {
            let score = dot(&member.top, &state.centroid);
            if representative.is_none_or(|(best, _)| score > best) {
                representative = Some((score, member));
            }
        }
        let representative = representative.map(|(_, m)| m).or(members.first().copied());
        // More candidates than are shown: the vocabulary holds a name both as a phrase and as
        // its words, and a word in two cases, which read as repeats once displayed.
        let candidates = top_entries(&state.centroid, self.options.key_terms.saturating_mul(4));
        let key_terms = distinct_key_terms(
            candidates
                .iter()
                .map(|&(term, _)| self.vocabulary.display(term)),
            self.options.key_terms,
        );
        Event {
            id: state.id(),
            label: representative.map(|m| m.label.clone()).unwrap_or_default(),
            key_terms,
            representative: representative
                .map(|m| m.id.clone())
                .unwrap_or_else(|| ArticleId::new("")),
            articles: members.iter().map(|m| m.id.clone()).collect(),
            first_date: members.iter().filter_map(|m| m.date).min(),
            last_date: members.iter().filter_map(|m| m.date).max(),
        }
    }

    /// Links events into stories: single linkage over centroid similarity at the looser story
    /// threshold, within the story window, strongest links first, never joining two parts
    /// whose dated events lie further apart than the window (an undated event does not bridge
    /// them); connected components become stories. Each event is
    /// compared with at most [`ClusterOptions::max_candidates`] events found through a local
    /// (term, time bucket) index over the events' heaviest terms, so a long stream costs about
    /// linearly in its events.
    fn stories(&self, live: &[&EventState], events: &[Event]) -> Vec<Story> {
        let count = live.len();
        let mut parent: Vec<usize> = (0..count).collect();
        let window = self.options.story_window_days;
        let bucket_of_event = |state: &EventState| {
            state
                .mean_day()
                .map(|day| index::story_bucket_of(day, window))
        };
        let mut postings = TermIndex::default();
        let mut queries: Vec<Vec<u32>> = Vec::with_capacity(count);
        for (position, state) in live.iter().enumerate() {
            let terms = top_terms(&state.centroid, self.options.index_terms);
            let bucket = bucket_of_event(state).unwrap_or(UNDATED_BUCKET);
            for &term in &terms {
                postings.insert(term, bucket, position as u32);
            }
            queries.push(terms);
        }
        let mut links: Vec<(f32, usize, usize)> = Vec::new();
        for (position, (state, query)) in live.iter().zip(&queries).enumerate() {
            let mut candidates: BTreeSet<usize> = BTreeSet::new();
            // As for articles: few events are all compared.
            if count <= self.options.max_candidates {
                candidates.extend(position + 1..count);
            } else {
                candidates.extend(
                    postings
                        .candidates(query, bucket_of_event(state), self.options.max_candidates)
                        .into_iter()
                        .map(|other| other as usize)
                        .filter(|&other| other > position),
                );
            }
            for other in candidates {
                let Some(other_state) = live.get(other) else {
                    continue;
                };
                if let (Some(a), Some(b)) = (state.mean_day(), other_state.mean_day())
                    && (a - b).abs() > f64::from(window)
                {
                    continue;
                }
                if state.norm <= 0.0 || other_state.norm <= 0.0 {
                    continue;
                }
                let cosine =
                    dot(&state.centroid, &other_state.centroid) / (state.norm * other_state.norm);
                if cosine >= self.options.story_threshold {
                    links.push((cosine, position, other));
                }
            }
        }
        // Strongest links first. Two parts that both hold dated events join only when their
        // date spans come within the window: an undated event similar to a 2015 event and to a
        // 2017 one must not bridge them into one story.
        links.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut span: Vec<Option<(f64, f64)>> = live
            .iter()
            .map(|state| state.mean_day().map(|day| (day, day)))
            .collect();
        for (_, position, other) in links {
            let (root_a, root_b) = (find(&mut parent, position), find(&mut parent, other));
            if root_a == root_b {
                continue;
            }
            let (span_a, span_b) = (
                span.get(root_a).copied().flatten(),
                span.get(root_b).copied().flatten(),
            );
            if let (Some(a), Some(b)) = (span_a, span_b)
                && a.0.max(b.0) - a.1.min(b.1) > f64::from(window)
            {
                continue;
            }
            union(&mut parent, position, other);
            let joined = match (span_a, span_b) {
                (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
                (a, b) => a.or(b),
            };
            if let Some(slot) = span.get_mut(find(&mut parent, position)) {
                *slot = joined;
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for position in 0..count {
            groups
                .entry(find(&mut parent, position))
                .or_default()
                .push(position);
        }
        let mut stories: Vec<(usize, Story)> = groups
            .into_values()
            .filter_map(|mut members| {
                members.sort_unstable();
                let first = events.get(*members.first()?)?;
                let largest = members
                    .iter()
                    .filter_map(|&m| events.get(m))
                    .max_by(|a, b| {
                        a.articles
                            .len()
                            .cmp(&b.articles.len())
                            .then(b.id.cmp(&a.id))
                    })?;
                let story = Story {
                    id: format!("s-{}", first.id.trim_start_matches("e-")),
                    label: largest.label.clone(),
                    events: members
                        .iter()
                        .filter_map(|&m| events.get(m).map(|e| e.id.clone()))
                        .collect(),
                    first_date: members
                        .iter()
                        .filter_map(|&m| events.get(m).and_then(|e| e.first_date))
                        .min(),
                    last_date: members
                        .iter()
                        .filter_map(|&m| events.get(m).and_then(|e| e.last_date))
                        .max(),
                };
                Some((*members.first()?, story))
            })
            .collect();
        // Components come out keyed by their root; order them by their first event.
        stories.sort_by_key(|&(first, _)| first);
        stories.into_iter().map(|(_, story)| story).collect()
    }
}

/// Batch convenience: new + add + clustering.
pub fn cluster(articles: &[Article], options: &ClusterOptions) -> Clustering {
    let mut clusterer = Clusterer::new(options.clone());
    clusterer.add(articles);
    clusterer.clustering()
}

fn sort_key(article: &Article) -> (Option<NaiveDate>, &ArticleId) {
    (article.published.map(|p| p.date()), &article.id)
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date))
}

fn article_label(article: &Article) -> String {
    let source = match &article.title {
        Some(title) if !title.trim().is_empty() => title.trim(),
        _ => first_sentence(article.paragraphs().next().unwrap_or("")),
    };
    const MAX_CHARS: usize = 120;
    if source.chars().count() <= MAX_CHARS {
        return source.to_string();
    }
    // Cut at a word boundary so the label never ends inside a word.
    let cut: String = source.chars().take(MAX_CHARS).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > MAX_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || c == ',')
    )
}

/// The paragraph up to its first sentence end: a question or exclamation mark, or a full stop
/// after a number, a lowercase word of three or more letters or a capitalised one of five or
/// more (so "U.S.", "Dr." or "Gen." do not end it), followed by a space and a capital or an
/// opening quote.
fn first_sentence(paragraph: &str) -> &str {
    let bytes = paragraph.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        if !matches!(byte, b'.' | b'?' | b'!') || at < 20 {
            continue;
        }
        let rest = &paragraph[at + 1..];
        let Some(after) = rest.strip_prefix(' ') else {
            continue;
        };
        let opens_sentence = after
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\''));
        let before = &paragraph[..at];
        let word = &before[before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        })..];
        let letters = word.chars().count();
        let plain_word = (letters >= 3 && word.chars().all(char::is_lowercase))
            || (letters >= 5 && word.chars().skip(1).all(char::is_lowercase))
            || (letters == 0 && paragraph[..at].ends_with(|c: char| c.is_ascii_digit()));
        if opens_sentence && (plain_word || byte != b'.') {
            return &paragraph[..=at];
        }
    }
    paragraph
}

/// Below this background idf a lower-case word is too common to name an event when shown
/// alone ("ground" 2.90, "step" 2.95, "difficult" 3.09, "limited" 3.19, "previously" 3.62,
/// "toward" 3.87; "soldiers" 3.92, "talks" 4.13 and "ceasefire" 7.09 stay). It still counts in
/// the vectors; only the label skips it.
const KEY_TERM_MIN_IDF: f32 = 3.9;

/// Longest name or phrase shown as a key term: a longer capitalised run is a headline
/// ("Istanbul Peace Talks End Without Progress Amid Ongoing Conflict"), not a term.
const KEY_TERM_MAX_WORDS: usize = 4;

/// A term that names nothing when shown alone: a bare number ("50", "1,200"), a common
/// lower-case word, or a headline-length run.
fn says_little_alone(term: &str) -> bool {
    if term.chars().all(|c| !c.is_alphabetic())
        || term.split_whitespace().count() > KEY_TERM_MAX_WORDS
    {
        return true;
    }
    let is_lower_word = term.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
    is_lower_word && features::word_idf(term) < KEY_TERM_MIN_IDF
}

/// The first `count` terms, heaviest first, that say something the terms before them do not:
/// a term whose words (case aside) all belong to a kept term is skipped, and a phrase takes the
/// place of the kept terms whose words it holds ("Common Ground" replaces "ground"). Of two
/// spellings of the same words, a capitalised one is shown.
fn distinct_key_terms<'a>(terms: impl Iterator<Item = &'a str>, count: usize) -> Vec<String> {
    fn words(term: &str) -> BTreeSet<String> {
        term.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }
    let mut kept: Vec<(String, BTreeSet<String>)> = Vec::new();
    for term in terms {
        let term = term.trim();
        let term_words = words(term);
        if term_words.is_empty() || says_little_alone(term) {
            continue;
        }
        if let Some(same) = kept.iter_mut().find(|(_, k)| *k == term_words) {
            // Words are shown lowercased, names as written: "Russia" reads better than "russia".
            if !same.0.chars().any(char::is_uppercase) && term.chars().any(char::is_uppercase) {
                same.0 = term.to_string();
            }
            continue;
        }
        if kept.iter().any(|(_, k)| term_words.is_subset(k)) {
            continue;
        }
        if let Some(first) = kept.iter().position(|(_, k)| k.is_subset(&term_words)) {
            kept[first] = (term.to_string(), term_words.clone());
            let mut position = 0;
            kept.retain(|(_, k)| {
                position += 1;
                position - 1 == first || !k.is_subset(&term_words)
            });
            continue;
        }
        if kept.len() == count {
            break;
        }
        kept.push((term.to_string(), term_words));
    }
    kept.into_iter().map(|(term, _)| term).collect()
}

/// Gaussian decay on the distance in days; 1 when either side is undated.
fn time_factor(a: Option<f64>, b: Option<f64>, scale_days: f32) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) if scale_days > 0.0 => {
            let gap = (a - b) / f64::from(scale_days);
            (-0.5 * gap * gap).exp() as f32
        }
        _ => 1.0,
    }
}

/// Entries with the largest weights (ties broken by term id), largest first.
fn top_entries(vector: &[(u32, f32)], count: usize) -> Sparse {
    let heavier = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let mut entries = vector.to_vec();
    if count == 0 {
        return Vec::new();
    }
    if entries.len() > count {
        entries.select_nth_unstable_by(count - 1, heavier);
        entries.truncate(count);
    }
    entries.sort_by(heavier);
    entries
}

fn top_terms(vector: &[(u32, f32)], count: usize) -> Vec<u32> {
    top_entries(vector, count)
        .into_iter()
        .map(|(term, _)| term)
        .collect()
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0_f32);
    while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.get(i), b.get(j)) {
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn add_sparse(a: &[(u32, f32)], b: &[(u32, f32)]) -> Sparse {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (Some(&(ta, wa)), Some(&(tb, wb))) => match ta.cmp(&tb) {
                std::cmp::Ordering::Less => {
                    out.push((ta, wa));
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push((tb, wb));
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    out.push((ta, wa + wb));
                    i += 1;
                    j += 1;
                }
            },
            (Some(&entry), None) => {
                out.push(entry);
                i += 1;
            }
            (None, Some(&entry)) => {
                out.push(entry);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

fn norm(vector: &[(u32, f32)]) -> f32 {
    vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt()
}

fn find(parent: &mut [usize], mut node: usize) -> usize {
    let mut root = node;
    while let Some(&up) = parent.get(root) {
        if up == root {
            break;
        }
        root = up;
    }
    while let Some(&up) = parent.get(node) {
        if up == root {
            break;
        }
        if let Some(slot) = parent.get_mut(node) {
            *slot = root;
        }
        node = up;
    }
    root
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (low, high) = (ra.min(rb), ra.max(rb));
    if let Some(slot) = parent.get_mut(high) {
        *slot = low;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An undated event of `members` articles with the given centroid.
    fn event(members: usize, centroid: Sparse) -> EventState {
        EventState {
            members: (0..members)
                .map(|n| Member {
                    id: ArticleId::new(format!("a{n}")),
                    date: None,
                    label: String::new(),
                    top: Vec::new(),
                })
                .collect(),
            norm: norm(&centroid),
            centroid,
            day_sum: 0.0,
            dated: 0,
            indexed: BTreeSet::new(),
            alive: true,
        }
    }

    #[test]
    fn a_small_event_merges_by_the_join_rule() {
        // Cosine 0.45: below the merge threshold (0.5), above the join threshold raised by
        // the size penalty of a four-article event (0.17 + 0.14 × ln 4 ≈ 0.36).
        let lone = event(1, vec![(0, 0.6), (1, 0.8)]);
        let large = event(4, vec![(0, 0.75), (2, 0.661_437_8)]);
        let clusterer = Clusterer::new(ClusterOptions::default());
        assert!((clusterer.event_similarity(&lone, &large) - 0.45).abs() < 1e-4);
        assert!(clusterer.merge_margin(&lone, &large) > 0.0);
        assert!(clusterer.merge_margin(&large, &lone) > 0.0, "symmetric");
        let pair = event(2, lone.centroid.clone());
        assert!(clusterer.merge_margin(&pair, &large) > 0.0);
        // Three articles are judged as an event: centroids must reach the merge threshold.
        let three = event(3, lone.centroid.clone());
        assert!(clusterer.merge_margin(&three, &large) < 0.0);
        let off = Clusterer::new(ClusterOptions {
            small_event_members: 0,
            ..ClusterOptions::default()
        });
        assert!(off.merge_margin(&lone, &large) < 0.0);
    }

    #[test]
    fn key_terms_do_not_repeat_a_word_or_a_name() {
        let terms = [
            "Peace Talks Stall",
            "ground",
            "Stall",
            "Ukraine Struggle",
            "struggle",
            "Common Ground",
            "russia",
            "Russia",
            "prisoners",
            "exchange",
        ];
        assert_eq!(
            distinct_key_terms(terms.into_iter(), 5),
            [
                "Peace Talks Stall",
                "Ukraine Struggle",
                "Common Ground",
                "Russia",
                "prisoners"
            ]
        );
        assert_eq!(
            distinct_key_terms(["a b", "b", "B"].into_iter(), 6),
            ["a b"]
        );
        assert_eq!(
            distinct_key_terms(
                [
                    "Zelenskiy",
                    "50",
                    "previously",
                    "battlefield",
                    "difficult",
                    "step",
                    "rally",
                    "1,200",
                    "Talks End Without Progress Amid Conflict",
                    "prisoner exchange"
                ]
                .into_iter(),
                6
            ),
            ["Zelenskiy", "battlefield", "rally", "prisoner exchange"]
        );
    }

    #[test]
    fn an_untitled_article_is_labelled_by_its_first_sentence() {
        let mut article = Article::new(
            ArticleId::new("x"),
            "U.S. President Donald Trump met Gen. Smith in Washington on Monday. \
             The talks lasted an hour.\n\nSecond paragraph.",
        );
        assert_eq!(
            article_label(&article),
            "U.S. President Donald Trump met Gen. Smith in Washington on Monday."
        );
        article.text = "Sales rose 4.5% in 2024. Then they fell.".to_string();
        assert_eq!(article_label(&article), "Sales rose 4.5% in 2024.");
        article.text = "word ".repeat(40);
        let label = article_label(&article);
        assert!(label.ends_with("word…"), "{label}");
        assert!(label.chars().count() <= 121);
        article.title = Some("  A headline  ".to_string());
        assert_eq!(article_label(&article), "A headline");
    }

    #[test]
    fn an_undated_event_does_not_bridge_events_years_apart_into_one_story() {
        let dated = |id: &str, day: u32, centroid: Sparse| {
            let mut state = event(1, centroid);
            let date = NaiveDate::from_ymd_opt(2015, 1, 1)
                .and_then(|start| start.checked_add_days(chrono::Days::new(u64::from(day))));
            if let Some(member) = state.members.first_mut() {
                member.id = ArticleId::new(id);
                member.date = date;
            }
            state.day_sum = date.map_or(0.0, |d| day_number(d) as f64);
            state.dated = 1;
            state
        };
        let old = dated("old", 0, vec![(0, 0.8), (1, 0.6)]);
        let recent = dated("recent", 700, vec![(0, 0.8), (2, 0.6)]);
        let mut undated = event(1, vec![(0, 0.9), (1, 0.35), (2, 0.25)]);
        if let Some(member) = undated.members.first_mut() {
            member.id = ArticleId::new("undated");
        }
        let clusterer = Clusterer::new(ClusterOptions::default());
        let live = [&undated, &old, &recent];
        let events: Vec<Event> = live.iter().map(|state| clusterer.describe(state)).collect();
        let stories = clusterer.stories(&live, &events);
        assert_eq!(stories.len(), 2, "{stories:#?}");
        // The undated event joins the one it is closest to.
        let with_undated = stories
            .iter()
            .find(|story| story.events.len() == 2)
            .map(|story| story.events.clone());
        assert_eq!(
            with_undated,
            Some(vec![events[0].id.clone(), events[1].id.clone()])
        );
    }
}
