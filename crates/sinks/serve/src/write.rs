//! The write endpoints (ingest, delete, re-run), all through the one writer, and the
//! incremental analysis they share with the command line's `run`.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use corroborate_html::HtmlOptions;
use corroborate_model::{Article, ArticleId, Body, InputFormat, Metadata, Published, RawDocument};
use corroborate_pipeline::PipelineOptions;
use corroborate_sources::{FetchOptions, SourceOptions};
use corroborate_store::{Analysis, PutOutcome, SqliteStore, Store};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::{AppState, Authorized};

/// Most inputs in one ingest request.
const MAX_INPUTS: usize = 10_000;

/// One document to ingest: exactly one of `text`, `html` or `url` (fetched), plus metadata.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IngestInput {
    /// Plain text or Markdown.
    pub text: Option<String>,
    /// An HTML page.
    pub html: Option<String>,
    /// With `text` or `html`: the page's address (metadata). Alone: an http(s) page to fetch.
    pub url: Option<String>,
    /// The id to store it under (derived from the content when absent).
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publisher or site name.
    pub source: Option<String>,
    /// Publication date or instant (ISO 8601).
    #[serde(alias = "date")]
    pub published: Option<String>,
    /// Authors' names.
    #[serde(default)]
    pub authors: Vec<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
}

/// The JSON body of `POST /api/v1/ingest`. The endpoint also takes JSONL (one [`IngestInput`]
/// per line) with `Content-Type: application/x-ndjson` or `application/jsonl`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IngestRequest {
    /// The documents.
    pub inputs: Vec<IngestInput>,
}

/// What happened to one stored article.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IngestedArticle {
    /// Its id.
    pub id: String,
    /// `new`, `duplicate` or `updated`.
    pub outcome: String,
    /// The events it belongs to after the analysis.
    pub events: Vec<String>,
}

/// An input that could not become an article.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IngestFailure {
    /// Which input (`inputs[3]`, `line 4`, or the URL).
    pub input: String,
    /// Why.
    pub reason: String,
}

/// The answer to an ingest.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IngestResponse {
    /// The stored articles, in input order.
    pub articles: Vec<IngestedArticle>,
    /// The inputs that failed, in input order.
    pub failures: Vec<IngestFailure>,
    /// Events after the analysis, in all.
    pub events: usize,
}

/// The answer to a delete.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeleteResponse {
    /// The deleted article.
    pub id: String,
    /// Events after the analysis, in all.
    pub events: usize,
}

/// The answer to a re-run of the analysis.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AnalyseResponse {
    /// Articles analysed.
    pub articles: usize,
    /// Events found.
    pub events: usize,
    /// Stories found.
    pub stories: usize,
    /// Copies and rewrites found.
    pub derivations: usize,
}

/// Runs the analysis over everything stored and stores it, extending the previous run's
/// events when none of the articles they hold changed and reconciling again only the events
/// whose articles changed (as `corroborate run` does).
pub fn analyse_stored(store: &mut SqliteStore) -> Result<(usize, Analysis), ApiError> {
    let stored = corroborate_pipeline::analyse_stored(store).map_err(ApiError::internal)?;
    Ok((stored.articles.len(), stored.analysis))
}

/// Reads the request body as a JSON object or as JSONL, by its content type.
fn parse_inputs(headers: &HeaderMap, body: &[u8]) -> Result<Vec<IngestInput>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let inputs = if content_type.contains("ndjson") || content_type.contains("jsonl") {
        let text = std::str::from_utf8(body)
            .map_err(|_| ApiError::bad_request("the JSONL body is not UTF-8"))?;
        let mut inputs = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let input = serde_json::from_str(line).map_err(|error| {
                ApiError::bad_request(format!("line {}: invalid JSON: {error}", index + 1))
            })?;
            inputs.push(input);
        }
        inputs
    } else if content_type.starts_with("application/json") {
        let request: IngestRequest = serde_json::from_slice(body)
            .map_err(|error| ApiError::bad_request(format!("invalid JSON: {error}")))?;
        request.inputs
    } else {
        return Err(ApiError::new(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send application/json ({\"inputs\": [...]}) or application/x-ndjson",
        ));
    };
    if inputs.is_empty() {
        return Err(ApiError::bad_request("no inputs given"));
    }
    if inputs.len() > MAX_INPUTS {
        return Err(ApiError::bad_request(format!(
            "{} inputs given; at most {MAX_INPUTS} per request",
            inputs.len()
        )));
    }
    Ok(inputs)
}

/// Turns the inputs into clean articles (fetching URLs), keeping input order.
fn clean_inputs(
    inputs: Vec<IngestInput>,
    allow_private: bool,
) -> Vec<Result<Article, IngestFailure>> {
    let html = HtmlOptions::default();
    inputs
        .into_iter()
        .enumerate()
        .flat_map(|(index, input)| -> Vec<Result<Article, IngestFailure>> {
            let name = format!("inputs[{index}]");
            let failure = |reason: String| IngestFailure {
                input: name.clone(),
                reason,
            };
            let body = match (input.text, input.html) {
                (Some(_), Some(_)) => {
                    return vec![Err(failure("give `text` or `html`, not both".into()))];
                }
                (Some(text), None) => Body::Text(text),
                (None, Some(html)) => Body::Html(html),
                (None, None) => {
                    return match input.url {
                        Some(url) => fetch_url(&name, &url, allow_private),
                        None => vec![Err(failure("give one of `text`, `html` or `url`".into()))],
                    };
                }
            };
            let published = match input.published.as_deref().map(Published::parse) {
                Some(None) => {
                    return vec![Err(failure("`published` is not an ISO 8601 date".into()))];
                }
                Some(Some(published)) => Some(published),
                None => None,
            };
            let format = match body {
                Body::Html(_) => InputFormat::Html,
                Body::Text(_) => InputFormat::Text,
            };
            let document = RawDocument {
                id: input.id.map(ArticleId::new),
                origin: name.clone(),
                format,
                metadata: Metadata {
                    title: input.title,
                    authors: input.authors,
                    published,
                    source: input.source,
                    url: input.url,
                    language: input.language,
                },
                body,
            };
            vec![
                corroborate_pipeline::clean_document(document, &html)
                    .map_err(|error| failure(error.reason)),
            ]
        })
        .collect()
}

/// Fetches one page through the pipeline's fetcher (private addresses refused unless allowed).
fn fetch_url(name: &str, url: &str, allow_private: bool) -> Vec<Result<Article, IngestFailure>> {
    let lower = url.to_ascii_lowercase();
    // Only web addresses: anything else would be read as a path on the server's disk.
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return vec![Err(IngestFailure {
            input: name.to_owned(),
            reason: "`url` must be an http(s) address".into(),
        })];
    }
    let options = PipelineOptions {
        sources: SourceOptions {
            fetch: FetchOptions {
                allow_private,
                ..FetchOptions::default()
            },
            ..SourceOptions::default()
        },
        ..PipelineOptions::default()
    };
    let mut results = Vec::new();
    let outcome = corroborate_pipeline::ingest(&[url.to_owned()], &options, |batch| {
        results.extend(batch.results.into_iter().map(|result| {
            result.map_err(|failure| IngestFailure {
                input: format!("{name} ({url})"),
                reason: failure.reason,
            })
        }));
        Ok::<(), std::convert::Infallible>(())
    });
    match outcome {
        Ok(()) => results,
        Err(never) => match never {},
    }
}

fn outcome_name(outcome: PutOutcome) -> String {
    match outcome {
        PutOutcome::New => "new",
        PutOutcome::Duplicate => "duplicate",
        PutOutcome::Updated => "updated",
    }
    .to_owned()
}

/// Ingest documents: clean them, store them, re-run the analysis incrementally, and answer
/// with the stored ids and the events they joined. Needs the bearer token.
#[utoipa::path(post, path = "/api/v1/ingest", tag = "write",
    request_body(content = IngestRequest, description = "JSON, or JSONL (one input per line) as application/x-ndjson"),
    security(("bearer" = [])),
    responses((status = 200, body = IngestResponse), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 413, body = ErrorBody)))]
pub async fn ingest(
    _authorized: Authorized,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<IngestResponse>, ApiError> {
    let inputs = parse_inputs(&headers, &body)?;
    let allow_private = state.allow_private_urls();
    let writer = state.writer();
    let work = move || -> Result<IngestResponse, ApiError> {
        let cleaned = clean_inputs(inputs, allow_private);
        let mut articles = Vec::new();
        let mut failures = Vec::new();
        for result in cleaned {
            match result {
                Ok(article) => articles.push(article),
                Err(failure) => failures.push(failure),
            }
        }
        let mut store = writer
            .lock()
            .map_err(|_| ApiError::internal("the writer's lock is poisoned"))?;
        let outcomes = if articles.is_empty() {
            Vec::new()
        } else {
            store.put_articles(&articles)?
        };
        let (_, analysis) = analyse_stored(&mut store)?;
        drop(store);
        let mut events_of: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for event in &analysis.events {
            for member in &event.articles {
                events_of
                    .entry(member.as_str())
                    .or_default()
                    .push(event.id.clone());
            }
        }
        let stored = articles
            .iter()
            .zip(outcomes)
            .map(|(article, outcome)| IngestedArticle {
                id: article.id.as_str().to_owned(),
                outcome: outcome_name(outcome),
                events: events_of
                    .get(article.id.as_str())
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        Ok(IngestResponse {
            articles: stored,
            failures,
            events: analysis.events.len(),
        })
    };
    tokio::task::spawn_blocking(work)
        .await
        .map_err(ApiError::internal)?
        .map(Json)
}

/// Delete an article and everything stored with it, then re-run the analysis. Needs the
/// bearer token.
#[utoipa::path(delete, path = "/api/v1/articles/{id}", tag = "write",
    params(("id" = String, Path, description = "Article id")),
    security(("bearer" = [])),
    responses((status = 200, body = DeleteResponse), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn delete_article(
    _authorized: Authorized,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DeleteResponse>, ApiError> {
    let writer = state.writer();
    tokio::task::spawn_blocking(move || {
        let mut store = writer
            .lock()
            .map_err(|_| ApiError::internal("the writer's lock is poisoned"))?;
        if !store.delete_article(&ArticleId::new(id.as_str()))? {
            return Err(ApiError::not_found("article", &id));
        }
        let (_, analysis) = analyse_stored(&mut store)?;
        Ok(DeleteResponse {
            id,
            events: analysis.events.len(),
        })
    })
    .await
    .map_err(ApiError::internal)?
    .map(Json)
}

/// Re-run the analysis over everything stored. Needs the bearer token.
#[utoipa::path(post, path = "/api/v1/analyse", tag = "write",
    security(("bearer" = [])),
    responses((status = 200, body = AnalyseResponse), (status = 401, body = ErrorBody)))]
pub async fn analyse(
    _authorized: Authorized,
    State(state): State<AppState>,
) -> Result<Json<AnalyseResponse>, ApiError> {
    let writer = state.writer();
    tokio::task::spawn_blocking(move || {
        let mut store = writer
            .lock()
            .map_err(|_| ApiError::internal("the writer's lock is poisoned"))?;
        let (articles, analysis) = analyse_stored(&mut store)?;
        Ok(AnalyseResponse {
            articles,
            events: analysis.events.len(),
            stories: analysis.stories.len(),
            derivations: analysis.derivations.len(),
        })
    })
    .await
    .map_err(ApiError::internal)?
    .map(Json)
}
