//! The web UI: server-rendered HTML pages over the same database as the JSON API.
//!
//! Every page works without JavaScript; `app.js` only saves a reload when a fact is picked on
//! an event page. The stylesheet and the script are embedded in the binary and served from
//! `/ui/`, so the content security policy `default-src 'self'` holds (no inline script or
//! style anywhere). All text from articles goes through maud, which escapes it.
//!
//! Routes: `/` (stories), `/stories/{id}` (timeline), `/events/{id}` (brief and sources side
//! by side, `?fact=` marks a fact's evidence), `/articles/{id}`, `/entities`,
//! `/entities/{id}`, `/search?q=`, `/ingest` (form; POST needs the token).

mod ingest;
mod views;

use std::collections::{BTreeSet, HashMap};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use corroborate_model::{Article, ArticleId};
use corroborate_reconcile::Brief;
use corroborate_store::{EntityDetail, EntitySummary, FactHit, Store};
use serde::Deserialize;
use tower_http::timeout::TimeoutLayer;

use crate::api::{ArticleSummary, DerivationView, EventView, StoryView, distinct_sources};
use crate::db::{Page, Reader};
use crate::error::ApiError;
use crate::{AppState, ServeOptions};

/// Stories on one page of the front page.
const STORIES_PER_PAGE: usize = 50;
/// Events in no story listed on the front page.
const MAX_LOOSE_EVENTS: usize = 200;
/// Entities on one page of the entity list.
const ENTITIES_PER_PAGE: usize = 100;
/// Facts shown per event on a story's timeline.
const TIMELINE_FACTS: usize = 3;
/// Most articles shown side by side on an event page; a large event's others are links.
const MAX_COLUMNS: usize = 8;
/// Most events and articles listed on an entity page (the rest are counted).
const MAX_ENTITY_LINKS: usize = 200;
/// Results of each kind on the search page.
const SEARCH_LIMIT: usize = 50;

const STYLESHEET: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("app.js");

/// The UI's routes with their own body limit and timeout. They are merged after the API's
/// JSON error layer, so their error pages stay HTML; the security headers still apply.
pub(crate) fn router(state: AppState, options: &ServeOptions) -> Router {
    Router::new()
        .route("/", get(front_page))
        .route("/stories/{id}", get(story_page))
        .route("/events/{id}", get(event_page))
        .route("/articles/{id}", get(article_page))
        .route("/entities", get(entities_page))
        .route("/entities/{id}", get(entity_page))
        .route("/search", get(search_page))
        .route(
            "/ingest",
            get(ingest::form_page)
                .post(ingest::submit)
                .layer(DefaultBodyLimit::max(options.body_limit)),
        )
        .route("/ui/style.css", get(stylesheet))
        .route("/ui/app.js", get(script))
        // Browsers ask for it on every site; an empty answer keeps their consoles quiet.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(not_found)
        .with_state(state)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            options.timeout,
        ))
}

/// An error shown as an HTML page with its status.
pub(crate) struct PageError(ApiError);

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> Self {
        Self(error)
    }
}

impl From<corroborate_store::StoreError> for PageError {
    fn from(error: corroborate_store::StoreError) -> Self {
        Self(ApiError::from(error))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let page = views::error_page(self.0.status, &self.0.message);
        (self.0.status, Html(page.into_string())).into_response()
    }
}

type PageResult = Result<Html<String>, PageError>;

/// Runs a read on a pooled connection off the async workers.
async fn read<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Reader) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, PageError> {
    state.readers().read(work).await.map_err(PageError)
}

/// Unknown paths: an HTML page, except under `/api`, whose clients expect the JSON error.
async fn not_found(request: Request) -> Response {
    if request.uri().path().starts_with("/api") {
        return crate::error::error_response(StatusCode::NOT_FOUND, "no such endpoint");
    }
    PageError(ApiError::new(
        StatusCode::NOT_FOUND,
        "There is no page at this address.",
    ))
    .into_response()
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            // Revalidated on each load so a new binary's assets are picked up at once.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

async fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", STYLESHEET)
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

/// Query of the listings: where the page starts.
#[derive(Debug, Default, Deserialize)]
struct ListingQuery {
    /// Items skipped; anything that is not a number counts as 0.
    offset: Option<String>,
}

impl ListingQuery {
    fn offset(&self) -> usize {
        self.offset
            .as_deref()
            .and_then(|text| text.trim().parse().ok())
            .unwrap_or(0)
    }
}

fn page_of(limit: usize, offset: usize) -> Page {
    Page {
        limit: i64::try_from(limit).unwrap_or(i64::MAX),
        offset: i64::try_from(offset).unwrap_or(i64::MAX),
    }
}

/// One story on the front page.
pub(crate) struct StoryRow {
    story: StoryView,
    events: usize,
    articles: usize,
}

/// What the front page shows.
pub(crate) struct FrontPage {
    stories: Vec<StoryRow>,
    loose_events: Vec<EventView>,
    offset: usize,
    more: bool,
}

async fn front_page(
    State(state): State<AppState>,
    Query(query): Query<ListingQuery>,
) -> PageResult {
    let offset = query.offset();
    let front = read(&state, move |reader| {
        // One more than shown, to know whether a next page exists.
        let mut stories = reader.stories(page_of(STORIES_PER_PAGE + 1, offset))?;
        let more = stories.len() > STORIES_PER_PAGE;
        stories.truncate(STORIES_PER_PAGE);
        let mut rows = Vec::with_capacity(stories.len());
        for story in stories {
            let mut articles = BTreeSet::new();
            let mut events = 0;
            for event_id in &story.events {
                if let Some(event) = reader.event(event_id)? {
                    events += 1;
                    articles.extend(event.articles);
                }
            }
            rows.push(StoryRow {
                story,
                events,
                articles: articles.len(),
            });
        }
        let loose_events = if offset == 0 {
            loose_events(reader)?
        } else {
            Vec::new()
        };
        Ok(FrontPage {
            stories: rows,
            loose_events,
            offset,
            more,
        })
    })
    .await?;
    Ok(Html(views::front_page(&front).into_string()))
}

/// Events that belong to no story, earliest first.
fn loose_events(reader: &Reader) -> Result<Vec<EventView>, ApiError> {
    let limit = i64::try_from(MAX_LOOSE_EVENTS).unwrap_or(i64::MAX);
    let ids = reader
        .connection
        .prepare_cached(
            "SELECT id FROM events WHERE story_id IS NULL \
             ORDER BY first_day IS NULL, first_day, id LIMIT ?1",
        )?
        .query_map([limit], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    let mut events = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(event) = reader.event(&id)? {
            events.push(event);
        }
    }
    Ok(events)
}

/// One event on a story's timeline.
pub(crate) struct TimelineRow {
    event: EventView,
    /// The day the brief gives the happening, for events whose articles carry no date.
    brief_date: Option<String>,
    sources: Vec<String>,
    facts: Vec<corroborate_reconcile::Fact>,
}

async fn story_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let (story, rows) = read(&state, move |reader| {
        let story = reader
            .story(&id)?
            .ok_or_else(|| ApiError::not_found("story", &id))?;
        let mut rows = Vec::with_capacity(story.events.len());
        for event_id in &story.events {
            let Some(event) = reader.event(event_id)? else {
                continue;
            };
            let articles = reader.event_articles(event_id)?;
            let (brief_date, facts) = match reader.store.brief(event_id)? {
                Some(brief) => (
                    brief.date,
                    brief.facts.into_iter().take(TIMELINE_FACTS).collect(),
                ),
                None => (None, Vec::new()),
            };
            rows.push(TimelineRow {
                event,
                brief_date,
                sources: distinct_sources(&articles),
                facts,
            });
        }
        // Stable: undated events keep the story's order (the order their articles imply).
        rows.sort_by(|a, b| {
            let key = |row: &TimelineRow| {
                let day = row.day().map(str::to_owned);
                (day.is_none(), day)
            };
            key(a).cmp(&key(b))
        });
        Ok((story, rows))
    })
    .await?;
    Ok(Html(views::story_page(&story, &rows).into_string()))
}

impl TimelineRow {
    /// The event's first publication day, else the day its brief gives.
    fn day(&self) -> Option<&str> {
        self.event
            .first_date
            .as_deref()
            .or(self.brief_date.as_deref())
    }
}

/// One article of an event, as a column of the side-by-side view.
pub(crate) struct SourceColumn {
    summary: ArticleSummary,
    /// The clean text; `None` when the article is no longer stored.
    article: Option<Article>,
}

/// Everything an event page shows.
pub(crate) struct EventPage {
    event: EventView,
    brief: Option<Brief>,
    columns: Vec<SourceColumn>,
    /// Articles of the event beyond [`MAX_COLUMNS`], listed as links.
    more_articles: Vec<ArticleSummary>,
    derivations: Vec<DerivationView>,
    sources: Vec<String>,
    /// The fact whose evidence is marked, when it is one of the brief's.
    selected: Option<String>,
}

impl EventPage {
    /// Column index of each article id.
    fn column_of(&self) -> HashMap<&str, usize> {
        self.columns
            .iter()
            .enumerate()
            .map(|(index, column)| (column.summary.id.as_str(), index))
            .collect()
    }
}

/// Query of an event page.
#[derive(Debug, Default, Deserialize)]
struct EventQuery {
    /// The fact whose evidence sentences are marked.
    fact: Option<String>,
}

async fn event_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<EventQuery>,
) -> PageResult {
    let page = read(&state, move |reader| {
        let event = reader
            .event(&id)?
            .ok_or_else(|| ApiError::not_found("event", &id))?;
        let summaries = reader.event_articles(&id)?;
        let brief = reader.store.brief(&id)?;
        let selected_fact = query.fact.as_ref().and_then(|wanted| {
            brief
                .as_ref()
                .and_then(|brief| brief.facts.iter().find(|fact| &fact.id == wanted))
        });
        let selected = selected_fact.map(|fact| fact.id.clone());
        // The picked fact's sources first, then the others in order, up to the cap; shown
        // in the event's order.
        let evidence_of: BTreeSet<&str> = selected_fact
            .map(|fact| {
                fact.evidence
                    .iter()
                    .map(|evidence| evidence.article.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let mut shown: Vec<usize> = (0..summaries.len())
            .filter(|&index| evidence_of.contains(summaries[index].id.as_str()))
            .take(MAX_COLUMNS)
            .collect();
        for index in 0..summaries.len() {
            if shown.len() >= MAX_COLUMNS {
                break;
            }
            if !shown.contains(&index) {
                shown.push(index);
            }
        }
        shown.sort_unstable();
        let sources = distinct_sources(&summaries);
        let mut columns = Vec::with_capacity(shown.len());
        let mut more_articles = Vec::new();
        for (index, summary) in summaries.into_iter().enumerate() {
            if shown.contains(&index) {
                let article = reader.store.article(&ArticleId::new(summary.id.as_str()))?;
                columns.push(SourceColumn { summary, article });
            } else {
                more_articles.push(summary);
            }
        }
        Ok(EventPage {
            event,
            brief,
            derivations: reader.event_derivations(&id)?,
            columns,
            more_articles,
            sources,
            selected,
        })
    })
    .await?;
    Ok(Html(views::event_page(&page).into_string()))
}

/// Everything an article page shows.
pub(crate) struct ArticlePage {
    article: Article,
    events: Vec<EventView>,
    derivations: Vec<DerivationView>,
}

async fn article_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let page = read(&state, move |reader| {
        let article = reader
            .store
            .article(&ArticleId::new(id.as_str()))?
            .ok_or_else(|| ApiError::not_found("article", &id))?;
        let mut events = Vec::new();
        for event_id in reader.article_events(&id)? {
            if let Some(event) = reader.event(&event_id)? {
                events.push(event);
            }
        }
        Ok(ArticlePage {
            article,
            events,
            derivations: reader.article_derivations(&id)?,
        })
    })
    .await?;
    Ok(Html(views::article_page(&page).into_string()))
}

async fn entities_page(
    State(state): State<AppState>,
    Query(query): Query<ListingQuery>,
) -> PageResult {
    let offset = query.offset();
    let (entities, more) = read(&state, move |reader| {
        let mut entities: Vec<EntitySummary> =
            reader.store.entities(ENTITIES_PER_PAGE + 1, offset)?;
        let more = entities.len() > ENTITIES_PER_PAGE;
        entities.truncate(ENTITIES_PER_PAGE);
        Ok((entities, more))
    })
    .await?;
    Ok(Html(
        views::entities_page(&entities, offset, more, ENTITIES_PER_PAGE).into_string(),
    ))
}

/// Everything an entity page shows.
pub(crate) struct EntityPage {
    entity: EntityDetail,
    events: Vec<EventView>,
    articles: Vec<ArticleSummary>,
}

async fn entity_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let page = read(&state, move |reader| {
        let entity = reader
            .store
            .entity(&id)?
            .ok_or_else(|| ApiError::not_found("entity", &id))?;
        let mut events = Vec::new();
        for event_id in entity.events.iter().take(MAX_ENTITY_LINKS) {
            if let Some(event) = reader.event(event_id)? {
                events.push(event);
            }
        }
        let ids: Vec<String> = entity
            .articles
            .iter()
            .take(MAX_ENTITY_LINKS)
            .map(|id| id.as_str().to_owned())
            .collect();
        let articles = reader.summaries(&ids)?;
        Ok(EntityPage {
            entity,
            events,
            articles,
        })
    })
    .await?;
    Ok(Html(views::entity_page(&page).into_string()))
}

/// Query of the search page.
#[derive(Debug, Default, Deserialize)]
struct SearchQuery {
    /// The words searched for.
    q: Option<String>,
}

/// What a search found.
pub(crate) struct SearchPage {
    query: String,
    entities: Vec<EntitySummary>,
    facts: Vec<FactHit>,
    articles: Vec<(ArticleSummary, String)>,
}

async fn search_page(
    State(state): State<AppState>,
    Query(query): Query<SearchQuery>,
) -> PageResult {
    let text = query.q.unwrap_or_default().trim().to_owned();
    if text.is_empty() {
        return Ok(Html(views::search_page(None).into_string()));
    }
    let found = read(&state, move |reader| {
        let entities = reader.store.search_entities(&text, SEARCH_LIMIT)?;
        let facts = reader.store.search_facts(&text, SEARCH_LIMIT)?;
        let hits = reader.store.search_articles(&text, SEARCH_LIMIT)?;
        let ids: Vec<String> = hits.iter().map(|(id, _)| id.as_str().to_owned()).collect();
        let summaries = reader.summaries(&ids)?;
        let articles = hits
            .into_iter()
            .filter_map(|(id, snippet)| {
                let summary = summaries.iter().find(|summary| summary.id == id.as_str())?;
                Some((summary.clone(), snippet))
            })
            .collect();
        Ok(SearchPage {
            query: text,
            entities,
            facts,
            articles,
        })
    })
    .await?;
    Ok(Html(views::search_page(Some(&found)).into_string()))
}
