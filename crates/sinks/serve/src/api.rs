//! The JSON shapes of the API and the read handlers (`GET /api/v1/...`).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use corroborate_cluster::{Event, Story};
use corroborate_dedup::Derivation;
use corroborate_model::{Article, ArticleId};
use corroborate_store::Store;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::db::Page;
use crate::error::{ApiError, ErrorBody};

/// Default and largest page sizes of listings.
const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 1_000;

/// Paging of a listing.
#[derive(Debug, Deserialize, IntoParams)]
pub struct PageQuery {
    /// Most items to return (1..=1000, default 100).
    pub limit: Option<i64>,
    /// Items to skip (default 0).
    pub offset: Option<i64>,
}

impl PageQuery {
    fn page(&self) -> Page {
        Page {
            limit: self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
            offset: self.offset.unwrap_or(0).max(0),
        }
    }
}

/// An article's metadata and sizes, without its text.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ArticleSummary {
    /// Stable identifier.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher or site name.
    pub source: Option<String>,
    /// Publication date or instant (ISO 8601, as the publisher gave it).
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Words in the clean text.
    pub words: i64,
    /// Lines the cleaner removed.
    pub removed: i64,
}

/// A run of related events.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StoryView {
    /// Stable id.
    pub id: String,
    /// The label of its largest event.
    pub label: String,
    /// Its events' ids, earliest first.
    pub events: Vec<String>,
    /// Earliest publication day (YYYY-MM-DD).
    pub first_date: Option<String>,
    /// Latest publication day.
    pub last_date: Option<String>,
}

impl From<Story> for StoryView {
    fn from(story: Story) -> Self {
        Self {
            id: story.id,
            label: story.label,
            events: story.events,
            first_date: story.first_date.map(|date| date.to_string()),
            last_date: story.last_date.map(|date| date.to_string()),
        }
    }
}

/// One happening, as a group of articles.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventView {
    /// Stable id.
    pub id: String,
    /// The story it belongs to.
    pub story_id: Option<String>,
    /// The representative article's title.
    pub label: String,
    /// The heaviest terms of the event.
    pub key_terms: Vec<String>,
    /// The member closest to the centre of the event.
    pub representative: String,
    /// Member ids, by publication day then id.
    pub articles: Vec<String>,
    /// Earliest publication day (YYYY-MM-DD).
    pub first_date: Option<String>,
    /// Latest publication day.
    pub last_date: Option<String>,
}

impl EventView {
    /// The view of a stored event.
    pub fn new(event: Event, story_id: Option<String>) -> Self {
        Self {
            id: event.id,
            story_id,
            label: event.label,
            key_terms: event.key_terms,
            representative: event.representative.as_str().to_owned(),
            articles: event
                .articles
                .iter()
                .map(|id| id.as_str().to_owned())
                .collect(),
            first_date: event.first_date.map(|date| date.to_string()),
            last_date: event.last_date.map(|date| date.to_string()),
        }
    }
}

/// A copy or rewrite and the article it derives from.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DerivationView {
    /// The derived article.
    pub copy: String,
    /// The article it derives from.
    pub original: String,
    /// `copy`, `near_copy` or `rewrite`.
    pub relation: String,
    /// 0..1; its measure depends on the relation.
    pub similarity: f64,
    /// What decided which article is the original.
    pub direction_evidence: String,
    /// Sentences of the copy with no counterpart in the original.
    pub added: Vec<String>,
}

/// The snake_case name serde gives a unit enum variant.
fn variant_name(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

impl From<Derivation> for DerivationView {
    fn from(derivation: Derivation) -> Self {
        Self {
            copy: derivation.copy.as_str().to_owned(),
            original: derivation.original.as_str().to_owned(),
            relation: variant_name(&derivation.relation),
            similarity: derivation.similarity,
            direction_evidence: variant_name(&derivation.direction_evidence),
            added: derivation.added,
        }
    }
}

/// A line the cleaner removed, and why.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RemovedLineView {
    /// The line as it was.
    pub text: String,
    /// Why it was removed (`boilerplate`, `navigation`, …).
    pub reason: String,
}

/// An article in full: clean text, metadata, removed lines, events and derivations.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ArticleView {
    /// Stable identifier.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Authors' names.
    pub authors: Vec<String>,
    /// Publication date or instant.
    pub published: Option<String>,
    /// Publisher or site name.
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// The clean text; paragraphs separated by a blank line.
    pub text: String,
    /// Every line the cleaner removed, in order.
    pub removed: Vec<RemovedLineView>,
    /// The events it belongs to.
    pub events: Vec<String>,
    /// Derivations it takes part in, as copy or original.
    pub derivations: Vec<DerivationView>,
}

impl ArticleView {
    fn new(article: Article, events: Vec<String>, derivations: Vec<DerivationView>) -> Self {
        Self {
            id: article.id.as_str().to_owned(),
            published: article.published.as_ref().map(published_text),
            title: article.title,
            authors: article.authors,
            source: article.source,
            url: article.url,
            language: article.language,
            text: article.text,
            removed: article
                .removed
                .into_iter()
                .map(|line| RemovedLineView {
                    text: line.text,
                    reason: line.reason.as_str().to_owned(),
                })
                .collect(),
            events,
            derivations,
        }
    }
}

/// A publication date as the model serialises it (ISO 8601).
fn published_text(published: &corroborate_model::Published) -> String {
    match serde_json::to_value(published) {
        Ok(serde_json::Value::String(text)) => text,
        _ => published.date().to_string(),
    }
}

/// A story's events in time order, each with its articles.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Timeline {
    /// The story.
    pub story: StoryView,
    /// Its events, earliest first.
    pub entries: Vec<TimelineEntry>,
}

/// One event on a story's timeline.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TimelineEntry {
    /// The event.
    pub event: EventView,
    /// Its articles.
    pub articles: Vec<ArticleSummary>,
}

/// What is known about one event: its articles and sources, the copies and rewrites among
/// them, and the reconciled brief — facts ranked by independent support with their status and
/// evidence, conflicts, single-source claims, quotes with speakers, entities and a cited
/// summary.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Brief {
    /// The event.
    pub event: EventView,
    /// Its articles, by publication day.
    pub articles: Vec<ArticleSummary>,
    /// Distinct sources among its articles.
    pub sources: Vec<String>,
    /// Copies and rewrites among its articles.
    pub derivations: Vec<DerivationView>,
    /// When the happening took place, as far as the sources say (`YYYY-MM-DD` or
    /// `start/end`).
    pub date: Option<String>,
    /// Where it took place.
    pub place: Option<String>,
    /// Entity ids of the main people and organisations.
    pub participants: Vec<String>,
    /// Facts ranked by independent support: `id, statement, status` (`corroborated`,
    /// `single_source`, `conflicting`, `added_by_rewrite`), `sources`, `independent_sources`,
    /// `quantities`, `dates`, `entities`, `evidence[] {article, sentence, sentence_index}`,
    /// `notes` (differences found compatible, and why).
    pub facts: Vec<corroborate_reconcile::Fact>,
    /// Ids of the facts only one independent source states.
    pub single_source: Vec<String>,
    /// Where sources disagree: `slot, facts, explanation, values[] [article, value]`.
    pub conflicts: Vec<corroborate_reconcile::Conflict>,
    /// Quotations: `text, speaker, speaker_entity, article, fragment`.
    pub quotes: Vec<corroborate_reconcile::QuoteRecord>,
    /// People, organisations and places: `id, name, type, variants, roles, mentions,
    /// articles`.
    pub entities: Vec<corroborate_reconcile::EntityRecord>,
    /// A short extractive summary: `text, sources` (article ids) per sentence.
    pub summary: Vec<corroborate_reconcile::SummarySentence>,
}

/// One article matching a search.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchHit {
    /// The article.
    pub article: ArticleSummary,
    /// The best-matching passage, matched words in `[…]`.
    pub snippet: String,
}

/// The answer to a search.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Matching articles, best first.
    pub articles: Vec<SearchHit>,
    /// Matching facts, best first.
    pub facts: Vec<corroborate_store::FactHit>,
    /// Entities whose name or any variant spelling matches, most mentioned first.
    pub entities: Vec<corroborate_store::EntitySummary>,
}

/// Parameters of a search.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Words that must all occur (case and diacritics ignored); `"quoted phrases"`, `prefix*`.
    pub q: String,
    /// Most results (1..=1000, default 100).
    pub limit: Option<i64>,
}

/// Runs a read on a pooled connection off the async workers.
async fn read<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&crate::db::Reader) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    state.readers().read(work).await
}

/// List the stories, earliest first.
#[utoipa::path(get, path = "/api/v1/stories", params(PageQuery), tag = "read",
    responses((status = 200, body = Vec<StoryView>)))]
pub async fn list_stories(
    State(state): State<AppState>,
    Query(page): Query<PageQuery>,
) -> Result<Json<Vec<StoryView>>, ApiError> {
    let page = page.page();
    read(&state, move |reader| reader.stories(page))
        .await
        .map(Json)
}

/// A story's timeline: its events in time order, each with its articles.
#[utoipa::path(get, path = "/api/v1/stories/{id}/timeline", tag = "read",
    params(("id" = String, Path, description = "Story id")),
    responses((status = 200, body = Timeline), (status = 404, body = ErrorBody)))]
pub async fn story_timeline(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Timeline>, ApiError> {
    read(&state, move |reader| {
        let story = reader
            .story(&id)?
            .ok_or_else(|| ApiError::not_found("story", &id))?;
        let mut entries = Vec::with_capacity(story.events.len());
        for event_id in &story.events {
            if let Some(event) = reader.event(event_id)? {
                let articles = reader.event_articles(event_id)?;
                entries.push(TimelineEntry { event, articles });
            }
        }
        // Stable: undated events keep the story's order (the order their articles imply).
        entries.sort_by(|a, b| {
            (a.event.first_date.is_none(), &a.event.first_date)
                .cmp(&(b.event.first_date.is_none(), &b.event.first_date))
        });
        Ok(Timeline { story, entries })
    })
    .await
    .map(Json)
}

/// List the events, earliest first.
#[utoipa::path(get, path = "/api/v1/events", params(PageQuery), tag = "read",
    responses((status = 200, body = Vec<EventView>)))]
pub async fn list_events(
    State(state): State<AppState>,
    Query(page): Query<PageQuery>,
) -> Result<Json<Vec<EventView>>, ApiError> {
    let page = page.page();
    read(&state, move |reader| reader.events(page))
        .await
        .map(Json)
}

/// One event.
#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "read",
    params(("id" = String, Path, description = "Event id")),
    responses((status = 200, body = EventView), (status = 404, body = ErrorBody)))]
pub async fn get_event(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<EventView>, ApiError> {
    read(&state, move |reader| {
        reader
            .event(&id)?
            .ok_or_else(|| ApiError::not_found("event", &id))
    })
    .await
    .map(Json)
}

/// An event's brief: the event, its articles and sources, derivations among them, and its
/// reconciled facts, conflicts, single-source claims, quotes, entities and summary.
///
/// Answers come from a cache of the encoded brief, checked against the stored brief's members
/// key on every request, so a re-analysis that changed the event is seen at once.
#[utoipa::path(get, path = "/api/v1/events/{id}/brief", tag = "read",
    params(("id" = String, Path, description = "Event id")),
    responses((status = 200, body = Brief), (status = 404, body = ErrorBody)))]
pub async fn event_brief(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<axum::response::Response, ApiError> {
    let cache = state.brief_cache();
    let body = read(&state, move |reader| {
        let key = reader.brief_key(&id)?;
        if let Some(key) = &key
            && let Some(body) = cache.get(&id, key)
        {
            return Ok(body);
        }
        let brief = build_brief(reader, &id)?;
        let body = axum::body::Bytes::from(serde_json::to_vec(&brief).map_err(ApiError::internal)?);
        if let Some(key) = key {
            cache.put(&id, key, body.clone());
        }
        Ok(body)
    })
    .await?;
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response())
}

/// The distinct sources of some articles, sorted.
pub(crate) fn distinct_sources(articles: &[ArticleSummary]) -> Vec<String> {
    let mut sources: Vec<String> = articles
        .iter()
        .filter_map(|article| article.source.clone())
        .collect();
    sources.sort();
    sources.dedup();
    sources
}

/// Gathers one event's brief from the database.
pub(crate) fn build_brief(reader: &crate::db::Reader, id: &str) -> Result<Brief, ApiError> {
    let event = reader
        .event(id)?
        .ok_or_else(|| ApiError::not_found("event", id))?;
    let articles = reader.event_articles(id)?;
    let sources = distinct_sources(&articles);
    let derivations = reader.event_derivations(id)?;
    let reconciled = reader.store.brief(id)?.unwrap_or_default();
    let single_source = reconciled
        .facts
        .iter()
        .filter(|fact| fact.status == corroborate_reconcile::FactStatus::SingleSource)
        .map(|fact| fact.id.clone())
        .collect();
    Ok(Brief {
        event,
        articles,
        sources,
        derivations,
        date: reconciled.date,
        place: reconciled.place,
        participants: reconciled.participants,
        facts: reconciled.facts,
        single_source,
        conflicts: reconciled.conflicts,
        quotes: reconciled.quotes,
        entities: reconciled.entities,
        summary: reconciled.summary,
    })
}

/// Parameters of the entity listing.
#[derive(Debug, Deserialize, IntoParams)]
pub struct EntityQuery {
    /// Most items to return (1..=1000, default 100).
    pub limit: Option<i64>,
    /// Items to skip (default 0).
    pub offset: Option<i64>,
    /// Only entities whose name or a variant spelling matches these words.
    pub q: Option<String>,
}

/// List the people, organisations and places of all events, most mentioned first, each with
/// its variant spellings.
#[utoipa::path(get, path = "/api/v1/entities", params(EntityQuery), tag = "read",
    responses((status = 200, body = Vec<corroborate_store::EntitySummary>)))]
pub async fn list_entities(
    State(state): State<AppState>,
    Query(query): Query<EntityQuery>,
) -> Result<Json<Vec<corroborate_store::EntitySummary>>, ApiError> {
    let limit =
        usize::try_from(query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)).unwrap_or(100);
    let offset = usize::try_from(query.offset.unwrap_or(0).max(0)).unwrap_or(0);
    read(&state, move |reader| {
        match query.q.as_deref().map(str::trim) {
            Some(words) if !words.is_empty() => {
                let mut found = reader
                    .store
                    .search_entities(words, offset.saturating_add(limit))?;
                Ok(found.split_off(offset.min(found.len())))
            }
            _ => Ok(reader.store.entities(limit, offset)?),
        }
    })
    .await
    .map(Json)
}

/// One entity: canonical name, kind, variant spellings, roles, and the events and articles
/// that name it.
#[utoipa::path(get, path = "/api/v1/entities/{id}", tag = "read",
    params(("id" = String, Path, description = "Entity id, e.g. `person:volodymyr-zelensky`")),
    responses((status = 200, body = corroborate_store::EntityDetail),
        (status = 404, body = ErrorBody)))]
pub async fn get_entity(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<corroborate_store::EntityDetail>, ApiError> {
    read(&state, move |reader| {
        reader
            .store
            .entity(&id)?
            .ok_or_else(|| ApiError::not_found("entity", &id))
    })
    .await
    .map(Json)
}

/// List the articles (metadata only), by publication day; undated last.
#[utoipa::path(get, path = "/api/v1/articles", params(PageQuery), tag = "read",
    responses((status = 200, body = Vec<ArticleSummary>)))]
pub async fn list_articles(
    State(state): State<AppState>,
    Query(page): Query<PageQuery>,
) -> Result<Json<Vec<ArticleSummary>>, ApiError> {
    let page = page.page();
    read(&state, move |reader| reader.articles(page))
        .await
        .map(Json)
}

/// One article in full: clean text, metadata, removed lines, events and derivations.
#[utoipa::path(get, path = "/api/v1/articles/{id}", tag = "read",
    params(("id" = String, Path, description = "Article id")),
    responses((status = 200, body = ArticleView), (status = 404, body = ErrorBody)))]
pub async fn get_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ArticleView>, ApiError> {
    read(&state, move |reader| {
        let article = reader
            .store
            .article(&ArticleId::new(id.as_str()))?
            .ok_or_else(|| ApiError::not_found("article", &id))?;
        let events = reader.article_events(&id)?;
        let derivations = reader.article_derivations(&id)?;
        Ok(ArticleView::new(article, events, derivations))
    })
    .await
    .map(Json)
}

/// Full-text search over the articles' titles and texts, the facts' statements, and the
/// entities' names with every variant spelling.
#[utoipa::path(get, path = "/api/v1/search", params(SearchQuery), tag = "read",
    responses((status = 200, body = SearchResults), (status = 400, body = ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    Query(query): Query<SearchQuery>,
) -> Result<Json<SearchResults>, ApiError> {
    if query.q.trim().is_empty() {
        return Err(ApiError::bad_request("the query `q` is empty"));
    }
    let limit =
        usize::try_from(query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)).unwrap_or(100);
    let text = query.q;
    read(&state, move |reader| {
        let found = reader.store.search_articles(&text, limit)?;
        let ids: Vec<String> = found.iter().map(|(id, _)| id.as_str().to_owned()).collect();
        let summaries = reader.summaries(&ids)?;
        let articles = found
            .into_iter()
            .zip(ids)
            .filter_map(|((_, snippet), id)| {
                let article = summaries.iter().find(|summary| summary.id == id)?.clone();
                Some(SearchHit { article, snippet })
            })
            .collect();
        let facts = reader.store.search_facts(&text, limit)?;
        let entities = reader.store.search_entities(&text, limit)?;
        Ok(SearchResults {
            query: text,
            articles,
            facts,
            entities,
        })
    })
    .await
    .map(Json)
}
