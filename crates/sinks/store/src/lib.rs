//! Persistent storage for corroborate: one [`Store`] trait, and its SQLite backend
//! [`SqliteStore`].
//!
//! The store keeps the clean [`Article`]s (with every line the cleaner removed, so removals stay
//! auditable), a small key/value table for run bookkeeping ([`Store::get_meta`]), and a full-text
//! index over titles and texts ([`SqliteStore::search_articles`]). Later stages add their own
//! tables (derivations, events, stories, facts, entities, quotes, reports) through migrations.
//!
//! ```
//! use corroborate_model::{Article, ArticleId};
//! use corroborate_store::{PutOutcome, SqliteStore, Store};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let article = Article::new(ArticleId::new("a1"), "Talks resumed in Istanbul on Friday.");
//! assert_eq!(store.put_articles(&[article.clone()])?, [PutOutcome::New]);
//! assert_eq!(store.put_articles(&[article.clone()])?, [PutOutcome::Duplicate]);
//! assert_eq!(store.article(&article.id)?, Some(article));
//! assert_eq!(store.search_articles("istanbul", 10)?.len(), 1);
//! # Ok::<(), corroborate_store::StoreError>(())
//! ```
//!
//! # Guarantees
//!
//! - [`Store::put_articles`] writes a whole batch in one transaction: a crash or a kill leaves
//!   either all of the batch or none of it, and re-running the batch completes it
//!   ([`PutOutcome::Duplicate`] for what is already in, [`PutOutcome::New`] for the rest).
//! - Opening never deletes or rewrites data it does not understand: a file that is not a SQLite
//!   database, a SQLite database of another program, or a database written by a newer
//!   corroborate is refused with an error naming the path.
//! - The SQLite backend runs in WAL mode, so readers on other connections (the API server) read
//!   a consistent snapshot while a writer writes.
//!
//! # Schema and migrations
//!
//! The schema is a numbered list of SQL scripts in `src/migrations/` (`0001_articles.sql`, …),
//! applied in order, each in its own transaction together with the bump of the schema version
//! (SQLite's `PRAGMA user_version`), so a database is always at exactly one version.
//! Migration 1 creates:
//!
//! - `articles`: `id` (unique), `title`, `authors` (JSON array), `published` (ISO 8601 as the
//!   publisher gave it), `published_day` (`YYYY-MM-DD`, for ordering and filtering by day),
//!   `published_utc` (the instant in UTC, for ordering within a day), `source`, `url`,
//!   `language`, `text`, `word_count`, `fingerprint` ([`Article::fingerprint`]), `ingested_at`
//!   and `updated_at` (RFC 3339, UTC);
//! - `removed_lines`: `article_id` (foreign key, `ON DELETE CASCADE`), `position`, `text`,
//!   `reason` ([`corroborate_model::RemovalReason::as_str`]);
//! - `articles_fts`: an FTS5 index over `title` and `text`, kept in sync by triggers;
//! - `meta`: `key`, `value`.
//!
//! To add tables later (events, for instance), add the next script and list it in
//! `MIGRATIONS` in `src/sqlite.rs`:
//!
//! ```sql
//! -- src/migrations/0002_events.sql
//! CREATE TABLE events (
//!     id    TEXT PRIMARY KEY NOT NULL,
//!     label TEXT NOT NULL
//! );
//! CREATE TABLE event_articles (
//!     event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
//!     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
//!     PRIMARY KEY (event_id, article_id)
//! );
//! ```
//!
//! Never edit a script that has shipped: databases already at its version would not see the
//! change. Derived data that is recomputed wholesale can record which analysis produced it in
//! `meta` (for example `analysis_version`) and be rebuilt when that changes.
//!
//! # Other backends
//!
//! The trait, its types and [`StoreError`] carry nothing SQLite-specific; the SQL kept in the
//! migrations and statements is portable where that costs nothing (`ON CONFLICT … DO UPDATE`,
//! ISO 8601 text dates, JSON as text). A PostgreSQL backend would be a sibling module with its
//! own numbered scripts (same version numbers, `tsvector` in place of FTS5), implementing
//! [`Store`] the same way.

use corroborate_model::{Article, ArticleId, Published};
use serde::Serialize;

mod sqlite;

pub use sqlite::SqliteStore;

/// The error a backend reports underneath a [`StoreError`] (a SQLite error, later a
/// PostgreSQL one).
pub type BackendError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a store operation failed. Every message names the database (its path, or `:memory:`).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or created at all (missing permission, a directory in
    /// the way, …).
    #[error("cannot open the database {path}: {source}")]
    Open {
        /// The database path.
        path: String,
        /// What the backend reported.
        #[source]
        source: BackendError,
    },
    /// The file exists but is not a SQLite database (or is encrypted or damaged); it was left
    /// untouched.
    #[error("{path} is not a SQLite database (or it is damaged); it was left untouched")]
    NotADatabase {
        /// The database path.
        path: String,
    },
    /// The file is a SQLite database, but not one of corroborate's; it was left untouched.
    #[error("{path} is a SQLite database of another program ({detail}); it was left untouched")]
    ForeignDatabase {
        /// The database path.
        path: String,
        /// What gave it away.
        detail: String,
    },
    /// The database was written by a newer corroborate, whose schema this program does not
    /// know; it was left untouched.
    #[error(
        "the database {path} has schema version {found}, but this program knows versions up to \
         {known} only: use a newer corroborate (the database was left untouched)"
    )]
    TooNew {
        /// The database path.
        path: String,
        /// The version found in the database.
        found: u32,
        /// The newest version this program knows.
        known: u32,
    },
    /// A schema migration failed; it was rolled back, the database stays at the version before.
    #[error("migrating the database {path} to schema version {version} ({name}) failed: {source}")]
    Migration {
        /// The database path.
        path: String,
        /// The version the migration would have reached.
        version: u32,
        /// The migration's name.
        name: &'static str,
        /// What the backend reported.
        #[source]
        source: BackendError,
    },
    /// An article cannot be stored as given (nothing of its batch was written).
    #[error("article {id} cannot be stored in {path}: {detail}")]
    InvalidArticle {
        /// The database path.
        path: String,
        /// The article's id.
        id: ArticleId,
        /// What is wrong with it.
        detail: String,
    },
    /// A stored article could not be read back (the database was changed outside corroborate).
    #[error("article {id} in {path} cannot be read back: {detail}")]
    Corrupt {
        /// The database path.
        path: String,
        /// The article's id.
        id: ArticleId,
        /// What could not be decoded.
        detail: String,
    },
    /// Any other failure of the backend (disk full, database locked for too long, …).
    #[error("database {path}: {source}")]
    Backend {
        /// The database path.
        path: String,
        /// What the backend reported.
        #[source]
        source: BackendError,
    },
}

/// What happened to one article offered to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PutOutcome {
    /// The id was not in the store: the article was added.
    New,
    /// Same id, same fingerprint: nothing was written.
    Duplicate,
    /// Same id, changed content or metadata: the stored article was replaced.
    Updated,
}

/// A short listing row: an article's metadata and sizes, without its text.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    /// Stable identifier.
    pub id: ArticleId,
    /// Headline.
    pub title: Option<String>,
    /// Publisher or site name.
    pub source: Option<String>,
    /// Publication date or instant.
    pub published: Option<Published>,
    /// Canonical URL.
    pub url: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Words in the clean text (whitespace-separated runs).
    pub words: usize,
    /// Lines the cleaner removed.
    pub removed: usize,
    /// When the article was first stored (RFC 3339, UTC).
    pub ingested_at: String,
}

/// Storage behind one interface: SQLite now, PostgreSQL later.
///
/// Listings ([`Store::articles`], [`Store::all_articles`]) are ordered by publication day, then
/// instant (day-only dates first within their day), then id; undated articles come last.
pub trait Store {
    /// Stores a batch in ONE transaction: all or nothing. Returns one outcome per article, in
    /// order. An id repeated inside the batch is handled as if the copies came one after the
    /// other.
    fn put_articles(&mut self, batch: &[Article]) -> Result<Vec<PutOutcome>, StoreError>;

    /// The stored article with this id, complete with its removed lines.
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError>;

    /// A summary of every stored article, in listing order.
    fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError>;

    /// Every stored article in full, in listing order.
    fn all_articles(&self) -> Result<Vec<Article>, StoreError>;

    /// How many articles are stored.
    fn article_count(&self) -> Result<usize, StoreError>;

    /// Deletes the article with this id and everything stored with it; `false` when there was
    /// none.
    fn delete_article(&mut self, id: &ArticleId) -> Result<bool, StoreError>;

    /// Small key/value for run bookkeeping and derived-data versions (e.g. "analysis_version").
    fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError>;

    /// Sets a bookkeeping value, replacing any previous one.
    fn set_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Replaces the stored analysis (stories, events with their members, derivations) in one
    /// transaction. Members and derivations naming articles that are not stored are skipped.
    fn put_analysis(&mut self, analysis: &Analysis) -> Result<(), StoreError>;
    /// The stored analysis (empty before the first run), stories and events by first day.
    fn analysis(&self) -> Result<Analysis, StoreError>;

    /// The `members_key` of every stored brief, by event id: a run reconciles again only the
    /// events whose key changed.
    fn brief_keys(&self) -> Result<std::collections::HashMap<String, String>, StoreError>;

    /// In one transaction: stores `changed` (replacing any earlier brief of the same events,
    /// with their facts and entities) and deletes the briefs of events not in `live_events`.
    fn put_briefs(
        &mut self,
        changed: &[EventBrief],
        live_events: &[String],
    ) -> Result<(), StoreError>;

    /// The stored brief of one event.
    fn brief(&self, event_id: &str) -> Result<Option<corroborate_reconcile::Brief>, StoreError>;

    /// Every stored brief, by event id.
    fn briefs(&self) -> Result<Vec<EventBrief>, StoreError>;
}

/// One event's reconciled brief as stored.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct EventBrief {
    /// The event's id.
    pub event_id: String,
    /// Names the event's articles and their content when the brief was made
    /// ([`members_key`]); a different key means the brief is stale.
    pub members_key: String,
    /// The brief.
    pub brief: corroborate_reconcile::Brief,
}

/// The key of an event's membership: its article ids with their content fingerprints, in
/// order. Two runs give the same key exactly when the event holds the same articles, unchanged.
pub fn members_key<'a>(members: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut pairs: Vec<(&str, &str)> = members.into_iter().collect();
    pairs.sort_unstable();
    let mut joined = String::new();
    for (id, fingerprint) in pairs {
        joined.push_str(id);
        joined.push('\u{1f}');
        joined.push_str(fingerprint);
        joined.push('\u{1e}');
    }
    corroborate_model::content_hash(&joined)
}

/// A fact matching a search.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FactHit {
    /// The event it belongs to.
    pub event_id: String,
    /// The fact's id within its event's brief.
    pub fact_id: String,
    /// Its representative statement.
    pub statement: String,
    /// Its status (`corroborated`, `single_source`, `conflicting`, `added_by_rewrite`).
    pub status: String,
    /// Independent sources stating it.
    pub independent_sources: usize,
    /// The statement with the matched words in `[…]`.
    pub snippet: String,
}

/// An entity across all events, in short.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntitySummary {
    /// Stable id (`person:volodymyr-zelensky`).
    pub id: String,
    /// Canonical name (the one of the event that names it most).
    pub name: String,
    /// `person`, `organisation` or `place`.
    pub kind: String,
    /// Every name form seen, across events.
    pub variants: Vec<String>,
    /// Times named, across events.
    pub mentions: usize,
    /// Events naming it.
    pub events: usize,
}

/// An entity across all events, in full.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityDetail {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `organisation` or `place`.
    pub kind: String,
    /// Every name form seen, across events.
    pub variants: Vec<String>,
    /// Every role seen, across events.
    pub roles: Vec<String>,
    /// Times named, across events.
    pub mentions: usize,
    /// Ids of the events naming it, most mentions first.
    pub events: Vec<String>,
    /// Articles naming it.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub articles: Vec<ArticleId>,
}

/// What the analysis found over the stored articles.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct Analysis {
    /// Runs of events.
    pub stories: Vec<corroborate_cluster::Story>,
    /// Happenings, each with its articles.
    pub events: Vec<corroborate_cluster::Event>,
    /// Copies and rewrites with the article each derives from.
    pub derivations: Vec<corroborate_dedup::Derivation>,
}
