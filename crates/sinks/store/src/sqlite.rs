//! The SQLite backend: one connection per [`SqliteStore`], WAL journal, FTS5 search.
//!
//! Everything SQLite-specific (pragmas, FTS5, the migration bookkeeping in `user_version`)
//! lives here, so another backend can implement [`Store`] without touching the rest.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use corroborate_model::{Article, ArticleId, Published, RemovalReason, RemovedLine};
use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Row, TransactionBehavior, params,
};

use crate::{
    Analysis, ArticleSummary, EntityDetail, EntitySummary, EventBrief, FactHit, PutOutcome, Store,
    StoreError,
};

/// Marks a database as corroborate's in the SQLite header (`PRAGMA application_id`), so a
/// database of another program is never migrated into. The bytes spell "Corb".
const APPLICATION_ID: i32 = 0x436f_7262;

/// How long a statement waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// One step of the schema: applied once, in its own transaction, in version order.
struct Migration {
    /// The schema version the database is at once this migration is applied.
    version: u32,
    /// A short name for messages.
    name: &'static str,
    /// The SQL script.
    sql: &'static str,
}

/// The schema, oldest first. Append new migrations; never edit or reorder shipped ones.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles",
        sql: include_str!("migrations/0001_articles.sql"),
    },
    Migration {
        version: 2,
        name: "analysis",
        sql: include_str!("migrations/0002_analysis.sql"),
    },
    Migration {
        version: 3,
        name: "briefs",
        sql: include_str!("migrations/0003_briefs.sql"),
    },
];

/// The columns of `articles` that make up an [`Article`], in the order [`read_article`] expects.
const ARTICLE_COLUMNS: &str = "id, title, authors, published, source, url, language, text";

/// Listing order: by publisher's day, then instant (day-only dates first), then id; undated
/// articles last.
const LISTING_ORDER: &str = "published_day IS NULL, published_day, published_utc, id";

/// A [`Store`] in one SQLite database file (or in memory).
///
/// One value holds one connection; open several (one per thread) for concurrent readers. The
/// database runs in WAL mode, so readers see the last committed state while a writer writes.
pub struct SqliteStore {
    connection: Connection,
    /// The database path as shown in messages (`:memory:` for an in-memory database).
    path: String,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens the database at `path`, creating it (and its folder) when missing, and migrates
    /// it to the newest schema. Sets WAL journal mode, a busy timeout and foreign keys.
    ///
    /// Refuses, without writing anything, a file that is not a SQLite database, a SQLite
    /// database of another program, and a database of a newer schema than this program knows.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let shown = path.display().to_string();
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(|error| StoreError::Open {
                path: shown.clone(),
                source: error.into(),
            })?;
        }
        // No URI flag: a path is a path, never parsed as `file:` options.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection =
            Connection::open_with_flags(path, flags).map_err(|error| open_error(&shown, error))?;
        Self::set_up(connection, shown)
    }

    /// Opens a fresh, empty database in memory (for tests and one-off runs).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let shown = ":memory:".to_owned();
        let connection = Connection::open_in_memory().map_err(|error| open_error(&shown, error))?;
        Self::set_up(connection, shown)
    }

    /// The schema version the database is at (the number of migrations applied).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        read_user_version(&self.connection).map_err(|error| self.backend(error))
    }

    /// Full-text search over titles and texts, best matches first: up to `limit` pairs of
    /// article id and a short snippet of the best-matching column, matched terms in `[…]`.
    ///
    /// The query is read as words that must all occur (case and diacritics ignored), with
    /// `"quoted phrases"` kept together and a trailing `*` for a prefix (`negotiat*`).
    /// Punctuation and FTS5 operators in the query are treated as separators, never as syntax,
    /// so any text is a valid query; a query without words finds nothing.
    pub fn search_articles(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<(ArticleId, String)>, StoreError> {
        let fts_query = fts_query(query);
        if fts_query.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT a.id, snippet(articles_fts, -1, '[', ']', '…', 16) \
                 FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid \
                 WHERE articles_fts MATCH ?1 ORDER BY rank, a.id LIMIT ?2",
            )
            .map_err(|error| self.backend(error))?;
        let rows = statement
            .query_map(params![fts_query, limit], |row| {
                Ok((
                    ArticleId::new(row.get::<_, String>(0)?),
                    row.get::<_, String>(1)?,
                ))
            })
            .map_err(|error| self.backend(error))?;
        rows.collect::<Result<_, _>>()
            .map_err(|error| self.backend(error))
    }

    /// Full-text search over the statements of the stored facts, best matches first (the
    /// query is read as in [`SqliteStore::search_articles`]).
    pub fn search_facts(&self, query: &str, limit: usize) -> Result<Vec<FactHit>, StoreError> {
        let fts_query = fts_query(query);
        if fts_query.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT f.event_id, f.fact_id, f.statement, f.status, f.independent_sources, \
                 snippet(brief_facts_fts, -1, '[', ']', '…', 24) \
                 FROM brief_facts_fts JOIN brief_facts AS f ON f.seq = brief_facts_fts.rowid \
                 WHERE brief_facts_fts MATCH ?1 \
                 ORDER BY rank, f.independent_sources DESC, f.event_id, f.position LIMIT ?2",
            )
            .map_err(|error| self.backend(error))?;
        let rows = statement
            .query_map(params![fts_query, limit], |row| {
                Ok(FactHit {
                    event_id: row.get(0)?,
                    fact_id: row.get(1)?,
                    statement: row.get(2)?,
                    status: row.get(3)?,
                    independent_sources: row.get::<_, i64>(4)?.try_into().unwrap_or(0),
                    snippet: row.get(5)?,
                })
            })
            .map_err(|error| self.backend(error))?;
        rows.collect::<Result<_, _>>()
            .map_err(|error| self.backend(error))
    }

    /// Entities whose canonical name or any variant matches the query, most mentioned first.
    /// Each query word also matches names that romanise alike
    /// ([`corroborate_facts::name_key`]): "Zelenskiy" finds an entity only ever spelled
    /// "Zelensky" or "Zelenskyy".
    pub fn search_entities(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<EntitySummary>, StoreError> {
        let fts_query = entity_fts_query(query);
        if fts_query.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT DISTINCT e.entity_id FROM brief_entities_fts \
                 JOIN brief_entities AS e ON e.seq = brief_entities_fts.rowid \
                 WHERE brief_entities_fts MATCH ?1",
            )
            .map_err(|error| self.backend(error))?;
        let ids = statement
            .query_map(params![fts_query], |row| row.get::<_, String>(0))
            .map_err(|error| self.backend(error))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| self.backend(error))?;
        let mut found = self.entity_summaries(&ids)?;
        found.truncate(limit);
        Ok(found)
    }

    /// Every entity across the stored briefs, most mentioned first, then by name.
    pub fn entities(&self, limit: usize, offset: usize) -> Result<Vec<EntitySummary>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        // The page is chosen in SQL, so only its entities' records are decoded.
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT entity_id FROM brief_entities GROUP BY entity_id \
                 ORDER BY sum(mentions) DESC, min(name), entity_id LIMIT ?1 OFFSET ?2",
            )
            .map_err(|error| self.backend(error))?;
        let ids = statement
            .query_map(
                params![
                    i64::try_from(limit).unwrap_or(i64::MAX),
                    i64::try_from(offset).unwrap_or(i64::MAX)
                ],
                |row| row.get::<_, String>(0),
            )
            .map_err(|error| self.backend(error))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| self.backend(error))?;
        let mut page = self.entity_summaries(&ids)?;
        // Same order as the query (the summaries sort by name on ties, the query by min(name)).
        page.sort_by_key(|entity| ids.iter().position(|id| *id == entity.id));
        Ok(page)
    }

    /// One entity across the stored briefs: every variant, role, event and article.
    pub fn entity(&self, id: &str) -> Result<Option<EntityDetail>, StoreError> {
        let records = self.entity_records(&[id.to_owned()])?;
        let Some((_, per_event)) = records.into_iter().next() else {
            return Ok(None);
        };
        let summary = merge_entity(id, &per_event);
        let mut by_mentions: Vec<&(String, corroborate_reconcile::EntityRecord)> =
            per_event.iter().collect();
        by_mentions.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(&b.0)));
        let mut roles: Vec<String> = Vec::new();
        let mut articles: Vec<ArticleId> = Vec::new();
        for (_, record) in &per_event {
            for role in &record.roles {
                if !roles.contains(role) {
                    roles.push(role.clone());
                }
            }
            for article in &record.articles {
                if !articles.contains(article) {
                    articles.push(article.clone());
                }
            }
        }
        Ok(Some(EntityDetail {
            id: summary.id,
            name: summary.name,
            kind: summary.kind,
            variants: summary.variants,
            roles,
            mentions: summary.mentions,
            events: by_mentions.iter().map(|(event, _)| event.clone()).collect(),
            articles,
        }))
    }

    /// The stored entity records of `ids`, grouped by entity id, each with its event.
    #[allow(clippy::type_complexity)]
    fn entity_records(
        &self,
        ids: &[String],
    ) -> Result<Vec<(String, Vec<(String, corroborate_reconcile::EntityRecord)>)>, StoreError> {
        let mut grouped: std::collections::BTreeMap<
            String,
            Vec<(String, corroborate_reconcile::EntityRecord)>,
        > = std::collections::BTreeMap::new();
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT event_id, body FROM brief_entities WHERE entity_id = ?1 ORDER BY event_id",
            )
            .map_err(|error| self.backend(error))?;
        for id in ids {
            let rows = statement
                .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))
                .map_err(|error| self.backend(error))?
                .collect::<Result<Vec<(String, String)>, _>>()
                .map_err(|error| self.backend(error))?;
            for (event, body) in rows {
                let record: corroborate_reconcile::EntityRecord = self.decode(&body)?;
                grouped
                    .entry(record.id.clone())
                    .or_default()
                    .push((event, record));
            }
        }
        Ok(grouped.into_iter().collect())
    }

    /// A JSON body stored by this store, decoded.
    fn decode<T: serde::de::DeserializeOwned>(&self, body: &str) -> Result<T, StoreError> {
        serde_json::from_str(body).map_err(|error| StoreError::Backend {
            path: self.path.clone(),
            source: error.into(),
        })
    }

    /// Entity summaries of `ids`, most mentioned first, then by name and id.
    fn entity_summaries(&self, ids: &[String]) -> Result<Vec<EntitySummary>, StoreError> {
        let mut summaries: Vec<EntitySummary> = self
            .entity_records(ids)?
            .iter()
            .map(|(id, per_event)| merge_entity(id, per_event))
            .collect();
        summaries.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(summaries)
    }

    /// Checks the file is a database of ours (or a new one), sets the connection up and
    /// migrates it.
    fn set_up(connection: Connection, path: String) -> Result<Self, StoreError> {
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|error| open_error(&path, error))?;
        // The first read of the file: this is where a non-database shows itself, before
        // anything was written to it.
        let table_count: i64 = connection
            .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
            .map_err(|error| open_error(&path, error))?;
        let application_id: i32 = connection
            .query_row("PRAGMA application_id", [], |row| row.get(0))
            .map_err(|error| open_error(&path, error))?;
        let version = read_user_version(&connection).map_err(|error| open_error(&path, error))?;
        if application_id != APPLICATION_ID {
            if application_id != 0 {
                let detail = format!("its application id is {application_id:#x}");
                return Err(StoreError::ForeignDatabase { path, detail });
            }
            if table_count > 0 || version > 0 {
                let detail = format!(
                    "it has {table_count} tables and schema version {version} but no \
                     corroborate mark"
                );
                return Err(StoreError::ForeignDatabase { path, detail });
            }
        }
        let known = latest_version();
        if version > known {
            return Err(StoreError::TooNew {
                path,
                found: version,
                known,
            });
        }
        let mut store = Self { connection, path };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Per-connection settings. WAL lets readers read while a writer writes; with WAL,
    /// `synchronous = NORMAL` still never corrupts and commits survive a killed process
    /// (only a power cut may lose the last commits).
    fn configure(&self) -> Result<(), StoreError> {
        let connection = &self.connection;
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(|error| self.backend(error))?;
        // An in-memory database answers "memory": nothing to check.
        let _mode: String = connection
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(|error| self.backend(error))?;
        connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(|error| self.backend(error))
    }

    /// Applies the migrations the database lacks, each in one transaction with its version
    /// bump. The version is read again inside the write lock, so two programs opening a new
    /// database at once apply each migration once.
    fn migrate(&mut self) -> Result<(), StoreError> {
        for migration in MIGRATIONS {
            let failed = |error: rusqlite::Error| StoreError::Migration {
                path: self.path.clone(),
                version: migration.version,
                name: migration.name,
                source: error.into(),
            };
            let current = read_user_version(&self.connection).map_err(failed)?;
            if current >= migration.version {
                continue;
            }
            let transaction = self
                .connection
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(failed)?;
            let current = read_user_version(&transaction).map_err(failed)?;
            if current >= migration.version {
                continue;
            }
            transaction.execute_batch(migration.sql).map_err(failed)?;
            transaction
                .pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(failed)?;
            transaction
                .pragma_update(None, "user_version", migration.version)
                .map_err(failed)?;
            transaction.commit().map_err(failed)?;
        }
        Ok(())
    }

    /// Wraps a SQLite error with the database path.
    fn backend(&self, error: rusqlite::Error) -> StoreError {
        StoreError::Backend {
            path: self.path.clone(),
            source: error.into(),
        }
    }

    /// The removed lines of one article, in order.
    fn removed_lines(&self, id: &str) -> Result<Vec<RemovedLine>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT text, reason FROM removed_lines WHERE article_id = ?1 ORDER BY position",
            )
            .map_err(|error| self.backend(error))?;
        let rows = statement
            .query_map([id], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(|error| self.backend(error))?;
        let mut lines = Vec::new();
        for row in rows {
            let (text, reason) = row.map_err(|error| self.backend(error))?;
            lines.push(RemovedLine {
                text,
                reason: self.decode_reason(id, &reason)?,
            });
        }
        Ok(lines)
    }

    /// Turns a stored reason word back into a [`RemovalReason`].
    fn decode_reason(&self, id: &str, reason: &str) -> Result<RemovalReason, StoreError> {
        // Through serde, so a reason added to the model is understood without a list here.
        serde_json::from_value(serde_json::Value::String(reason.to_owned()))
            .map_err(|_| self.corrupt(id, format!("unknown removal reason {reason:?}")))
    }

    /// A [`StoreError::Corrupt`] for article `id`.
    fn corrupt(&self, id: &str, detail: String) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            id: ArticleId::new(id),
            detail,
        }
    }

    /// Turns a stored row into an [`Article`] (without its removed lines).
    fn decode_article(&self, row: StoredArticle) -> Result<Article, StoreError> {
        let authors: Vec<String> = serde_json::from_str(&row.authors).map_err(|error| {
            self.corrupt(&row.id, format!("authors are not a JSON list: {error}"))
        })?;
        let published = self.decode_published(&row.id, row.published.as_deref())?;
        Ok(Article {
            id: ArticleId::new(row.id),
            title: row.title,
            authors,
            published,
            source: row.source,
            url: row.url,
            language: row.language,
            text: row.text,
            removed: Vec::new(),
        })
    }

    /// Parses a stored publication date.
    fn decode_published(
        &self,
        id: &str,
        published: Option<&str>,
    ) -> Result<Option<Published>, StoreError> {
        match published {
            None => Ok(None),
            Some(text) => Published::parse(text)
                .map(Some)
                .ok_or_else(|| self.corrupt(id, format!("publication date {text:?} unreadable"))),
        }
    }
}

impl Store for SqliteStore {
    fn put_articles(&mut self, batch: &[Article]) -> Result<Vec<PutOutcome>, StoreError> {
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        // Encode everything first: an article that cannot be stored fails the batch before a
        // write lock is taken.
        let rows = batch
            .iter()
            .map(|article| ArticleRow::encode(article, &self.path))
            .collect::<Result<Vec<_>, _>>()?;
        let path = &self.path;
        let backend = |error: rusqlite::Error| StoreError::Backend {
            path: path.clone(),
            source: error.into(),
        };
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and
        // writes later can fail with "database is locked" without waiting when another writer
        // commits in between.
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(backend)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        {
            let mut find = transaction
                .prepare_cached("SELECT fingerprint FROM articles WHERE id = ?1")
                .map_err(backend)?;
            let mut insert = transaction
                .prepare_cached(
                    "INSERT INTO articles (id, title, authors, published, published_day, \
                     published_utc, source, url, language, text, word_count, fingerprint, \
                     ingested_at, updated_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                )
                .map_err(backend)?;
            let mut update = transaction
                .prepare_cached(
                    "UPDATE articles SET title = ?2, authors = ?3, published = ?4, \
                     published_day = ?5, published_utc = ?6, source = ?7, url = ?8, \
                     language = ?9, text = ?10, word_count = ?11, fingerprint = ?12, \
                     updated_at = ?13 WHERE id = ?1",
                )
                .map_err(backend)?;
            let mut clear_removed = transaction
                .prepare_cached("DELETE FROM removed_lines WHERE article_id = ?1")
                .map_err(backend)?;
            let mut insert_removed = transaction
                .prepare_cached(
                    "INSERT INTO removed_lines (article_id, position, text, reason) \
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(backend)?;
            for (article, row) in batch.iter().zip(&rows) {
                let stored: Option<String> = find
                    .query_row([article.id.as_str()], |found| found.get(0))
                    .optional()
                    .map_err(backend)?;
                let values = params![
                    article.id.as_str(),
                    article.title,
                    row.authors,
                    row.published,
                    row.published_day,
                    row.published_utc,
                    article.source,
                    article.url,
                    article.language,
                    article.text,
                    row.word_count,
                    row.fingerprint,
                    now,
                ];
                let outcome = match stored {
                    None => {
                        insert.execute(values).map_err(backend)?;
                        PutOutcome::New
                    }
                    Some(fingerprint) if fingerprint == row.fingerprint => PutOutcome::Duplicate,
                    Some(_) => {
                        update.execute(values).map_err(backend)?;
                        clear_removed
                            .execute([article.id.as_str()])
                            .map_err(backend)?;
                        PutOutcome::Updated
                    }
                };
                if outcome != PutOutcome::Duplicate {
                    for (position, line) in (0_i64..).zip(&article.removed) {
                        insert_removed
                            .execute(params![
                                article.id.as_str(),
                                position,
                                line.text,
                                line.reason.as_str()
                            ])
                            .map_err(backend)?;
                    }
                }
                outcomes.push(outcome);
            }
        }
        transaction.commit().map_err(backend)?;
        Ok(outcomes)
    }

    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        // One read transaction: the article and its removed lines from the same snapshot.
        let snapshot = self
            .connection
            .unchecked_transaction()
            .map_err(|error| self.backend(error))?;
        let stored = snapshot
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"
            ))
            .and_then(|mut statement| statement.query_row([id.as_str()], read_article).optional())
            .map_err(|error| self.backend(error))?;
        let Some(stored) = stored else {
            return Ok(None);
        };
        let mut article = self.decode_article(stored)?;
        article.removed = self.removed_lines(id.as_str())?;
        snapshot.finish().map_err(|error| self.backend(error))?;
        Ok(Some(article))
    }

    fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "SELECT id, title, source, published, url, language, word_count, ingested_at, \
                 (SELECT count(*) FROM removed_lines AS r WHERE r.article_id = a.id) \
                 FROM articles AS a ORDER BY {LISTING_ORDER}"
            ))
            .map_err(|error| self.backend(error))?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, i64>(6)?,
                    row.get::<_, String>(7)?,
                    row.get::<_, i64>(8)?,
                ))
            })
            .map_err(|error| self.backend(error))?;
        let mut summaries = Vec::new();
        for row in rows {
            let (id, title, source, published, url, language, words, ingested_at, removed) =
                row.map_err(|error| self.backend(error))?;
            let published = self.decode_published(&id, published.as_deref())?;
            summaries.push(ArticleSummary {
                id: ArticleId::new(id),
                title,
                source,
                published,
                url,
                language,
                words: usize::try_from(words).unwrap_or(0),
                removed: usize::try_from(removed).unwrap_or(0),
                ingested_at,
            });
        }
        Ok(summaries)
    }

    fn all_articles(&self) -> Result<Vec<Article>, StoreError> {
        let snapshot = self
            .connection
            .unchecked_transaction()
            .map_err(|error| self.backend(error))?;
        // Two scans instead of one query per article: removed lines grouped by article first.
        let mut removed_by_article: HashMap<String, Vec<RemovedLine>> = HashMap::new();
        {
            let mut statement = snapshot
                .prepare_cached(
                    "SELECT article_id, text, reason FROM removed_lines \
                     ORDER BY article_id, position",
                )
                .map_err(|error| self.backend(error))?;
            let mut rows = statement.query([]).map_err(|error| self.backend(error))?;
            while let Some(row) = rows.next().map_err(|error| self.backend(error))? {
                let id: String = row.get(0).map_err(|error| self.backend(error))?;
                let text: String = row.get(1).map_err(|error| self.backend(error))?;
                let reason: String = row.get(2).map_err(|error| self.backend(error))?;
                let reason = self.decode_reason(&id, &reason)?;
                removed_by_article
                    .entry(id)
                    .or_default()
                    .push(RemovedLine { text, reason });
            }
        }
        let mut articles = Vec::new();
        {
            let mut statement = snapshot
                .prepare_cached(&format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY {LISTING_ORDER}"
                ))
                .map_err(|error| self.backend(error))?;
            let rows = statement
                .query_map([], read_article)
                .map_err(|error| self.backend(error))?;
            for row in rows {
                let stored = row.map_err(|error| self.backend(error))?;
                let removed = removed_by_article.remove(&stored.id).unwrap_or_default();
                let mut article = self.decode_article(stored)?;
                article.removed = removed;
                articles.push(article);
            }
        }
        snapshot.finish().map_err(|error| self.backend(error))?;
        Ok(articles)
    }

    fn article_count(&self) -> Result<usize, StoreError> {
        let count: i64 = self
            .connection
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
            .map_err(|error| self.backend(error))?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    fn delete_article(&mut self, id: &ArticleId) -> Result<bool, StoreError> {
        // Removed lines go with it (ON DELETE CASCADE), the index entry by trigger.
        let deleted = self
            .connection
            .execute("DELETE FROM articles WHERE id = ?1", [id.as_str()])
            .map_err(|error| self.backend(error))?;
        Ok(deleted > 0)
    }

    fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.connection
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|error| self.backend(error))
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.connection
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map_err(|error| self.backend(error))?;
        Ok(())
    }

    fn put_analysis(&mut self, analysis: &Analysis) -> Result<(), StoreError> {
        let path = self.path.clone();
        let encode = |value: serde_json::Result<String>| {
            value.map_err(|error| StoreError::Backend {
                path: path.clone(),
                source: error.into(),
            })
        };
        let mut stories = Vec::with_capacity(analysis.stories.len());
        for story in &analysis.stories {
            stories.push((story, encode(serde_json::to_string(story))?));
        }
        let mut events = Vec::with_capacity(analysis.events.len());
        for event in &analysis.events {
            events.push((event, encode(serde_json::to_string(event))?));
        }
        let mut derivations = Vec::with_capacity(analysis.derivations.len());
        for derivation in &analysis.derivations {
            derivations.push((derivation, encode(serde_json::to_string(derivation))?));
        }
        let story_of = corroborate_cluster::story_of_events(&analysis.stories);
        let day = |date: Option<chrono::NaiveDate>| date.map(|d| d.format("%Y-%m-%d").to_string());

        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|error| StoreError::Backend {
                path: path.clone(),
                source: error.into(),
            })?;
        let write = || -> rusqlite::Result<()> {
            transaction.execute_batch(
                "DELETE FROM event_articles; DELETE FROM events; DELETE FROM stories; DELETE FROM derivations;",
            )?;
            let mut insert_story = transaction.prepare(
                "INSERT INTO stories (id, label, first_day, last_day, body) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (story, body) in &stories {
                insert_story.execute(rusqlite::params![
                    story.id,
                    story.label,
                    day(story.first_date),
                    day(story.last_date),
                    body
                ])?;
            }
            let mut insert_event = transaction.prepare(
                "INSERT INTO events (id, story_id, label, first_day, last_day, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut insert_member = transaction.prepare(
                "INSERT OR IGNORE INTO event_articles (event_id, article_id) \
                 SELECT ?1, id FROM articles WHERE id = ?2",
            )?;
            for (event, body) in &events {
                insert_event.execute(rusqlite::params![
                    event.id,
                    story_of.get(event.id.as_str()),
                    event.label,
                    day(event.first_date),
                    day(event.last_date),
                    body
                ])?;
                for article in &event.articles {
                    insert_member.execute([event.id.as_str(), article.as_str()])?;
                }
            }
            let mut insert_derivation = transaction.prepare(
                "INSERT OR REPLACE INTO derivations (copy_id, original_id, relation, similarity, body) \
                 SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1) \
                 AND EXISTS (SELECT 1 FROM articles WHERE id = ?2)",
            )?;
            for (derivation, body) in &derivations {
                insert_derivation.execute(rusqlite::params![
                    derivation.copy.as_str(),
                    derivation.original.as_str(),
                    relation_name(derivation.relation),
                    derivation.similarity,
                    body
                ])?;
            }
            Ok(())
        };
        write().map_err(|error| StoreError::Backend {
            path: path.clone(),
            source: error.into(),
        })?;
        transaction.commit().map_err(|error| StoreError::Backend {
            path,
            source: error.into(),
        })
    }

    fn analysis(&self) -> Result<Analysis, StoreError> {
        fn bodies<T: serde::de::DeserializeOwned>(
            store: &SqliteStore,
            sql: &str,
        ) -> Result<Vec<T>, StoreError> {
            let mut statement = store
                .connection
                .prepare(sql)
                .map_err(|error| store.backend(error))?;
            let rows = statement
                .query_map([], |row| row.get::<_, String>(0))
                .map_err(|error| store.backend(error))?;
            let mut items = Vec::new();
            for row in rows {
                let body = row.map_err(|error| store.backend(error))?;
                items.push(store.decode(&body)?);
            }
            Ok(items)
        }
        Ok(Analysis {
            stories: bodies(
                self,
                "SELECT body FROM stories ORDER BY first_day IS NULL, first_day, id",
            )?,
            events: bodies(
                self,
                "SELECT body FROM events ORDER BY first_day IS NULL, first_day, id",
            )?,
            derivations: bodies(self, "SELECT body FROM derivations ORDER BY copy_id")?,
        })
    }

    fn brief_keys(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT event_id, members_key FROM briefs")
            .map_err(|error| self.backend(error))?;
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|error| self.backend(error))?;
        rows.collect::<Result<_, _>>()
            .map_err(|error| self.backend(error))
    }

    fn put_briefs(
        &mut self,
        changed: &[EventBrief],
        live_events: &[String],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let backend = |error: Box<dyn std::error::Error + Send + Sync>| StoreError::Backend {
            path: path.clone(),
            source: error,
        };
        // Encode everything before the transaction: a failure leaves the store untouched.
        struct Encoded<'a> {
            brief: &'a EventBrief,
            body: String,
            entities: Vec<(&'a corroborate_reconcile::EntityRecord, String, String)>,
        }
        let mut encoded = Vec::with_capacity(changed.len());
        for brief in changed {
            let body =
                serde_json::to_string(&brief.brief).map_err(|error| backend(error.into()))?;
            let mut entities = Vec::with_capacity(brief.brief.entities.len());
            for entity in &brief.brief.entities {
                let entity_body =
                    serde_json::to_string(entity).map_err(|error| backend(error.into()))?;
                entities.push((entity, entity_names(entity), entity_body));
            }
            encoded.push(Encoded {
                brief,
                body,
                entities,
            });
        }
        let live: std::collections::HashSet<&str> =
            live_events.iter().map(String::as_str).collect();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|error| backend(error.into()))?;
        let write = || -> rusqlite::Result<()> {
            let stored: Vec<String> = transaction
                .prepare("SELECT event_id FROM briefs")?
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            let remove = |event: &str| -> rusqlite::Result<()> {
                transaction.execute("DELETE FROM brief_facts WHERE event_id = ?1", [event])?;
                transaction.execute("DELETE FROM brief_entities WHERE event_id = ?1", [event])?;
                transaction.execute("DELETE FROM briefs WHERE event_id = ?1", [event])?;
                Ok(())
            };
            for event in &stored {
                if !live.contains(event.as_str()) {
                    remove(event)?;
                }
            }
            for item in &encoded {
                remove(&item.brief.event_id)?;
            }
            let mut insert_brief = transaction
                .prepare("INSERT INTO briefs (event_id, members_key, body) VALUES (?1, ?2, ?3)")?;
            let mut insert_fact = transaction.prepare(
                "INSERT OR IGNORE INTO brief_facts \
                 (event_id, fact_id, position, statement, status, independent_sources) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut insert_entity = transaction.prepare(
                "INSERT OR IGNORE INTO brief_entities \
                 (event_id, entity_id, name, kind, mentions, names, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for item in &encoded {
                let event = item.brief.event_id.as_str();
                insert_brief.execute(params![event, item.brief.members_key, item.body])?;
                for (position, fact) in item.brief.brief.facts.iter().enumerate() {
                    insert_fact.execute(params![
                        event,
                        fact.id,
                        i64::try_from(position).unwrap_or(i64::MAX),
                        fact.statement,
                        fact_status_name(fact.status),
                        i64::try_from(fact.independent_sources).unwrap_or(i64::MAX),
                    ])?;
                }
                for (entity, names, body) in &item.entities {
                    insert_entity.execute(params![
                        event,
                        entity.id,
                        entity.name,
                        entity.kind,
                        i64::try_from(entity.mentions).unwrap_or(i64::MAX),
                        names,
                        body,
                    ])?;
                }
            }
            Ok(())
        };
        write().map_err(|error| backend(error.into()))?;
        transaction.commit().map_err(|error| backend(error.into()))
    }

    fn brief(&self, event_id: &str) -> Result<Option<corroborate_reconcile::Brief>, StoreError> {
        let body: Option<String> = self
            .connection
            .prepare_cached("SELECT body FROM briefs WHERE event_id = ?1")
            .and_then(|mut statement| statement.query_row([event_id], |row| row.get(0)).optional())
            .map_err(|error| self.backend(error))?;
        body.map(|body| self.decode(&body)).transpose()
    }

    fn briefs(&self) -> Result<Vec<EventBrief>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT event_id, members_key, body FROM briefs ORDER BY event_id")
            .map_err(|error| self.backend(error))?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })
            .map_err(|error| self.backend(error))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| self.backend(error))?;
        rows.into_iter()
            .map(|(event_id, members_key, body)| {
                Ok(EventBrief {
                    event_id,
                    members_key,
                    brief: self.decode(&body)?,
                })
            })
            .collect()
    }
}

fn fact_status_name(status: corroborate_reconcile::FactStatus) -> &'static str {
    match status {
        corroborate_reconcile::FactStatus::Corroborated => "corroborated",
        corroborate_reconcile::FactStatus::SingleSource => "single_source",
        corroborate_reconcile::FactStatus::Conflicting => "conflicting",
        corroborate_reconcile::FactStatus::AddedByRewrite => "added_by_rewrite",
    }
}

/// What the entity index holds for one entity: its name and variants, one per line, then the
/// romanisation key of every word, so a spelling never seen still finds it.
fn entity_names(entity: &corroborate_reconcile::EntityRecord) -> String {
    let mut names: Vec<String> = Vec::with_capacity(entity.variants.len() + 1);
    names.push(entity.name.clone());
    for variant in &entity.variants {
        if !names.contains(variant) {
            names.push(variant.clone());
        }
    }
    let mut keys: Vec<String> = Vec::new();
    for name in &names {
        for (word, _) in words_of(name) {
            let key = corroborate_facts::name_key(&word);
            if !key.is_empty() && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    names.push(keys.join(" "));
    names.join("\n")
}

/// An FTS5 query over entity names: every word of the query must match, as written or by its
/// romanisation key.
fn entity_fts_query(input: &str) -> String {
    words_of(input)
        .into_iter()
        .map(|(word, prefix)| {
            let star = if prefix { "*" } else { "" };
            let key = corroborate_facts::name_key(&word);
            if key.is_empty() || key.eq_ignore_ascii_case(&word) {
                format!("\"{word}\"{star}")
            } else {
                format!("(\"{word}\"{star} OR \"{key}\"{star})")
            }
        })
        .collect::<Vec<_>>()
        // FTS5 takes no implicit AND between parenthesised groups.
        .join(" AND ")
}

/// One entity's summary across the events that name it: the canonical name of the event that
/// names it most, every variant, mentions summed.
fn merge_entity(
    id: &str,
    per_event: &[(String, corroborate_reconcile::EntityRecord)],
) -> EntitySummary {
    let main = per_event
        .iter()
        .max_by(|a, b| a.1.mentions.cmp(&b.1.mentions).then(b.0.cmp(&a.0)))
        .map(|(_, record)| record);
    let mut variants: Vec<String> = Vec::new();
    for (_, record) in per_event {
        for variant in &record.variants {
            if !variants.contains(variant) {
                variants.push(variant.clone());
            }
        }
    }
    EntitySummary {
        id: id.to_owned(),
        name: main.map(|record| record.name.clone()).unwrap_or_default(),
        kind: main.map(|record| record.kind.clone()).unwrap_or_default(),
        variants,
        mentions: per_event.iter().map(|(_, record)| record.mentions).sum(),
        events: per_event.len(),
    }
}

fn relation_name(relation: corroborate_dedup::Relation) -> &'static str {
    match relation {
        corroborate_dedup::Relation::Copy => "copy",
        corroborate_dedup::Relation::NearCopy => "near_copy",
        corroborate_dedup::Relation::Rewrite => "rewrite",
    }
}

/// The newest schema version this program knows.
fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |migration| migration.version)
}

/// Reads `PRAGMA user_version`, where the schema version is kept.
fn read_user_version(connection: &Connection) -> rusqlite::Result<u32> {
    let version: i64 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    // A negative or huge value is no version of ours: treat it as newer than any.
    Ok(u32::try_from(version).unwrap_or(u32::MAX))
}

/// Classifies an error met while opening: a file that is not a database gets its own error.
fn open_error(path: &str, error: rusqlite::Error) -> StoreError {
    if error.sqlite_error_code() == Some(ErrorCode::NotADatabase) {
        StoreError::NotADatabase {
            path: path.to_owned(),
        }
    } else {
        StoreError::Open {
            path: path.to_owned(),
            source: error.into(),
        }
    }
}

/// An `articles` row as read, before decoding.
struct StoredArticle {
    id: String,
    title: Option<String>,
    authors: String,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
    language: Option<String>,
    text: String,
}

/// Reads the [`ARTICLE_COLUMNS`] of a row.
fn read_article(row: &Row<'_>) -> rusqlite::Result<StoredArticle> {
    Ok(StoredArticle {
        id: row.get(0)?,
        title: row.get(1)?,
        authors: row.get(2)?,
        published: row.get(3)?,
        source: row.get(4)?,
        url: row.get(5)?,
        language: row.get(6)?,
        text: row.get(7)?,
    })
}

/// The derived column values of an article about to be written.
struct ArticleRow {
    authors: String,
    published: Option<String>,
    published_day: Option<String>,
    published_utc: Option<String>,
    word_count: i64,
    fingerprint: String,
}

impl ArticleRow {
    /// Derives the stored columns, checking the article can be read back as given.
    fn encode(article: &Article, path: &str) -> Result<Self, StoreError> {
        let invalid = |detail: String| StoreError::InvalidArticle {
            path: path.to_owned(),
            id: article.id.clone(),
            detail,
        };
        let authors = serde_json::to_string(&article.authors)
            .map_err(|error| invalid(format!("authors cannot be encoded: {error}")))?;
        let (published, published_day, published_utc) = match article.published {
            None => (None, None, None),
            Some(published) => {
                let text = published.to_string();
                // Years beyond 9999 print in a form the parser does not read back.
                if Published::parse(&text) != Some(published) {
                    return Err(invalid(format!(
                        "publication date {text:?} cannot be stored"
                    )));
                }
                let day = published.date().format("%Y-%m-%d").to_string();
                // Fixed width (nine fractional digits) so that text order is time order.
                let utc = match published {
                    Published::Day(_) => None,
                    Published::Instant(instant) => Some(
                        instant
                            .with_timezone(&Utc)
                            .format("%Y-%m-%dT%H:%M:%S%.9fZ")
                            .to_string(),
                    ),
                };
                (Some(text), Some(day), utc)
            }
        };
        let word_count = i64::try_from(article.text.split_whitespace().count()).unwrap_or(i64::MAX);
        Ok(Self {
            authors,
            published,
            published_day,
            published_utc,
            word_count,
            fingerprint: article.fingerprint(),
        })
    }
}

/// Turns free text into a safe FTS5 query: every word quoted (so operators and punctuation are
/// never syntax), `"phrases"` kept together, a trailing `*` kept as a prefix search; all terms
/// must match.
fn fts_query(input: &str) -> String {
    let mut terms: Vec<String> = Vec::new();
    for (index, segment) in input.split('"').enumerate() {
        let words = words_of(segment);
        // Odd segments are inside quotes: one phrase.
        if index % 2 == 1 {
            if !words.is_empty() {
                let phrase: Vec<&str> = words.iter().map(|(word, _)| word.as_str()).collect();
                terms.push(format!("\"{}\"", phrase.join(" ")));
            }
            continue;
        }
        for (word, prefix) in words {
            terms.push(if prefix {
                format!("\"{word}\"*")
            } else {
                format!("\"{word}\"")
            });
        }
    }
    terms.join(" ")
}

/// The runs of letters and digits in `text`, each with whether a `*` follows it directly.
fn words_of(text: &str) -> Vec<(String, bool)> {
    let mut words = Vec::new();
    let mut current = String::new();
    for character in text.chars() {
        if character.is_alphanumeric() {
            current.push(character);
        } else if !current.is_empty() {
            words.push((std::mem::take(&mut current), character == '*'));
        }
    }
    if !current.is_empty() {
        words.push((current, false));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_query_quotes_every_word_and_keeps_phrases_and_prefixes() {
        assert_eq!(fts_query("prisoner swap"), "\"prisoner\" \"swap\"");
        assert_eq!(
            fts_query("\"prisoner swap\" Istanbul"),
            "\"prisoner swap\" \"Istanbul\""
        );
        assert_eq!(
            fts_query("negotiat* OR NOT"),
            "\"negotiat\"* \"OR\" \"NOT\""
        );
        assert_eq!(
            fts_query("Russia’s (talks) -AND- \"unclosed"),
            "\"Russia\" \"s\" \"talks\" \"AND\" \"unclosed\""
        );
        assert_eq!(fts_query("  ** \"\" -- "), "");
    }

    #[test]
    fn migrations_are_numbered_in_order_from_one() {
        for (expected, migration) in (1..).zip(MIGRATIONS) {
            assert_eq!(migration.version, expected, "{}", migration.name);
        }
        assert_eq!(latest_version() as usize, MIGRATIONS.len());
    }
}
