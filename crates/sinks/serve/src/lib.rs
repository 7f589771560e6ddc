//! The HTTP API over a corroborate database (`corroborate serve`).
//!
//! JSON endpoints, versioned under `/api/v1`, and the OpenAPI document generated from the code
//! at `/api/openapi.json`. Reads (stories, timelines, events, briefs, articles, search) are open
//! and run on a small pool of read connections, so they never wait on the writer: SQLite's WAL
//! mode lets them read a consistent snapshot while an ingest writes. Writes (ingest, delete,
//! re-run of the analysis) go through one writer and need the bearer token; without a token
//! configured they are refused.
//!
//! Every response carries `Content-Security-Policy: default-src 'self'`,
//! `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` and `Referrer-Policy:
//! no-referrer`; every error is `{"error": {"status": N, "message": "..."}}`. Paths outside
//! `/api` are left free for the web UI.
//!
//! ```no_run
//! # async fn example() -> Result<(), corroborate_serve::ServeError> {
//! use corroborate_serve::{ServeOptions, serve};
//!
//! let options = ServeOptions::new("corroborate.db");
//! serve(options, async { tokio::signal::ctrl_c().await.ok(); }).await
//! # }
//! ```

mod api;
mod db;
mod error;
mod ui;
mod write;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use corroborate_store::SqliteStore;
use subtle::ConstantTimeEq;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa::Modify;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use api::{
    ArticleSummary, ArticleView, Brief, DerivationView, EventView, RemovedLineView, SearchHit,
    SearchResults, StoryView, Timeline, TimelineEntry,
};
pub use error::{ApiError, ErrorBody, ErrorDetail};
pub use write::{
    AnalyseResponse, DeleteResponse, IngestFailure, IngestInput, IngestRequest, IngestResponse,
    IngestedArticle,
};

/// Encoded event briefs kept in memory (see `GET /api/v1/events/{id}/brief`).
const BRIEF_CACHE_ENTRIES: usize = 4_096;

/// Where the OpenAPI document is served.
pub const OPENAPI_PATH: &str = "/api/openapi.json";

/// How the server runs.
#[derive(Clone)]
pub struct ServeOptions {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub bind: SocketAddr,
    /// The database file (created and migrated when missing).
    pub db: PathBuf,
    /// Bearer token the write endpoints require; `None` refuses every write.
    pub token: Option<String>,
    /// Largest request body, in bytes (default 10 MiB).
    pub body_limit: usize,
    /// Longest time a request may take before it is answered 408 (default 30 s). A write cut
    /// off this way still completes in the background.
    pub timeout: Duration,
    /// Allow listening on a non-loopback address (needs a token as well).
    pub allow_remote: bool,
    /// Read connections kept open (default 4); more are opened under load and closed after.
    pub read_connections: usize,
    /// Let ingested URLs point at loopback and private addresses (default false).
    pub allow_private_urls: bool,
}

impl std::fmt::Debug for ServeOptions {
    // Hand-written so the token never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServeOptions")
            .field("bind", &self.bind)
            .field("db", &self.db)
            .field("token", &self.token.as_ref().map(|_| "<set>"))
            .field("body_limit", &self.body_limit)
            .field("timeout", &self.timeout)
            .field("allow_remote", &self.allow_remote)
            .field("read_connections", &self.read_connections)
            .field("allow_private_urls", &self.allow_private_urls)
            .finish()
    }
}

impl ServeOptions {
    /// The defaults, over the database at `db`.
    pub fn new(db: impl Into<PathBuf>) -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: db.into(),
            token: None,
            body_limit: 10 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            allow_remote: false,
            read_connections: 4,
            allow_private_urls: false,
        }
    }

    /// Refuses a non-loopback address unless remote access was asked for and a token is set.
    pub fn check_bind(&self) -> Result<(), ServeError> {
        if self.bind.ip().is_loopback() {
            return Ok(());
        }
        if !self.allow_remote {
            return Err(ServeError::RemoteRefused(format!(
                "{} is not a loopback address: pass --allow-remote (and a token) to listen on it",
                self.bind
            )));
        }
        if self.token.as_deref().is_none_or(str::is_empty) {
            return Err(ServeError::RemoteRefused(format!(
                "listening on {} needs a token for the write endpoints",
                self.bind
            )));
        }
        Ok(())
    }
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// A non-loopback bind without `allow_remote` and a token.
    #[error("{0}")]
    RemoteRefused(String),
    /// The database could not be opened.
    #[error("{0}")]
    Database(String),
    /// The address could not be bound, or the server failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

struct Shared {
    readers: Arc<db::ReadPool>,
    briefs: Arc<db::BriefCache>,
    writer: Arc<Mutex<SqliteStore>>,
    token: Option<String>,
    allow_private_urls: bool,
}

/// What the handlers share: the read pool, the writer and the token. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl AppState {
    /// Opens the database (creating and migrating it when needed): the writer first, then the
    /// read connections.
    pub fn open(options: &ServeOptions) -> Result<Self, ServeError> {
        let writer = SqliteStore::open(&options.db)
            .map_err(|error| ServeError::Database(error.to_string()))?;
        let readers = db::ReadPool::open(&options.db, options.read_connections)
            .map_err(|error| ServeError::Database(error.message))?;
        Ok(Self {
            shared: Arc::new(Shared {
                readers: Arc::new(readers),
                briefs: Arc::new(db::BriefCache::new(BRIEF_CACHE_ENTRIES)),
                writer: Arc::new(Mutex::new(writer)),
                token: options.token.clone().filter(|token| !token.is_empty()),
                allow_private_urls: options.allow_private_urls,
            }),
        })
    }

    pub(crate) fn readers(&self) -> Arc<db::ReadPool> {
        Arc::clone(&self.shared.readers)
    }

    pub(crate) fn brief_cache(&self) -> Arc<db::BriefCache> {
        Arc::clone(&self.shared.briefs)
    }

    pub(crate) fn writer(&self) -> Arc<Mutex<SqliteStore>> {
        Arc::clone(&self.shared.writer)
    }

    pub(crate) fn allow_private_urls(&self) -> bool {
        self.shared.allow_private_urls
    }
}

/// Proof that a request carried the right bearer token; write handlers take it as an argument.
pub(crate) struct Authorized;

impl<S> FromRequestParts<S> for Authorized
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let state = AppState::from_ref(state);
        let Some(expected) = state.shared.token.as_deref() else {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "writes are disabled: the server was started without a token",
            ));
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim);
        // Constant time, so the comparison does not tell how much of a guess was right.
        match given {
            Some(given) if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) => {
                Ok(Authorized)
            }
            Some(_) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "wrong token")),
            None => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "this endpoint needs `Authorization: Bearer <token>`",
            )),
        }
    }
}

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The API routes and their OpenAPI description, before the layers.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list_stories))
        .routes(routes!(api::story_timeline))
        .routes(routes!(api::list_events))
        .routes(routes!(api::get_event))
        .routes(routes!(api::event_brief))
        .routes(routes!(api::list_articles))
        .routes(routes!(api::get_article, write::delete_article))
        .routes(routes!(api::list_entities))
        .routes(routes!(api::get_entity))
        .routes(routes!(api::search))
        .routes(routes!(write::ingest))
        .routes(routes!(write::analyse))
}

/// The OpenAPI document of the API, generated from the handlers.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut document = api_routes().into_openapi();
    document.info.title = "corroborate".to_owned();
    document.info.version = env!("CARGO_PKG_VERSION").to_owned();
    document.info.description =
        Some("Stories, events, briefs and articles of a corroborate database.".to_owned());
    BearerScheme.modify(&mut document);
    document
}

/// The whole application: API, OpenAPI document, limits, timeout and security headers.
pub fn router(state: AppState, options: &ServeOptions) -> Router {
    let document = openapi();
    let json = Arc::new(serde_json::to_string(&document).unwrap_or_else(|_| "{}".to_owned()));
    let (api, _) = api_routes().split_for_parts();
    let openapi_json = move || {
        let json = Arc::clone(&json);
        async move {
            (
                [(header::CONTENT_TYPE, "application/json")],
                json.as_str().to_owned(),
            )
        }
    };
    let ui = ui::router(state.clone(), options);
    api.route(OPENAPI_PATH, axum::routing::get(openapi_json))
        .with_state(state)
        .layer(DefaultBodyLimit::max(options.body_limit))
        .layer(RequestBodyLimitLayer::new(options.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            options.timeout,
        ))
        .layer(axum::middleware::from_fn(error::json_errors))
        // After the JSON error layer: the web UI's error pages stay HTML.
        .merge(ui)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ))
}

/// Serves on `listener` until `shutdown` completes, then finishes the requests under way.
pub async fn serve_listener(
    listener: tokio::net::TcpListener,
    state: AppState,
    options: &ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let app = router(state, options);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServeError::Io {
            context: "the server failed".to_owned(),
            source,
        })
}

/// Checks the bind address, opens the database, listens on `options.bind` and serves until
/// `shutdown` completes (requests under way are finished first).
pub async fn serve(
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    options.check_bind()?;
    let state = AppState::open(&options)?;
    let listener = tokio::net::TcpListener::bind(options.bind)
        .await
        .map_err(|source| ServeError::Io {
            context: format!("cannot listen on {}", options.bind),
            source,
        })?;
    serve_listener(listener, state, &options, shutdown).await
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        // If the handler cannot be installed, wait forever rather than stop at once.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Runs [`serve`] on its own multi-threaded runtime until Ctrl-C or SIGTERM (for callers
/// without a runtime, such as the command line). `on_listening` is called once the address is
/// bound.
pub fn serve_until_signal(
    options: ServeOptions,
    on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    options.check_bind()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Io {
            context: "cannot start the async runtime".to_owned(),
            source,
        })?;
    runtime.block_on(async move {
        let state = AppState::open(&options)?;
        let listener = tokio::net::TcpListener::bind(options.bind)
            .await
            .map_err(|source| ServeError::Io {
                context: format!("cannot listen on {}", options.bind),
                source,
            })?;
        let bound = listener.local_addr().unwrap_or(options.bind);
        on_listening(bound);
        serve_listener(listener, state, &options, shutdown_signal()).await
    })
}
