//! The database side: a pool of read connections (WAL lets them read while the one writer
//! writes) and the queries the read endpoints answer from.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use corroborate_cluster::{Event, Story};
use corroborate_dedup::Derivation;
use corroborate_store::SqliteStore;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::api::{ArticleSummary, DerivationView, EventView, StoryView};
use crate::error::ApiError;

/// Milliseconds a reader waits on a locked database before failing (a checkpoint, say).
const READ_BUSY_TIMEOUT_MS: u64 = 5_000;

/// One reader: the store (for its article decoding and full-text search) and a plain
/// read-only connection for the analysis queries.
pub struct Reader {
    /// The store's own reading methods.
    pub store: SqliteStore,
    /// Read-only connection for the queries below.
    pub connection: Connection,
}

/// Idle readers; a request takes one and puts it back, opening a new one when all are busy.
pub struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<Reader>>,
    max_idle: usize,
    /// One permit per pooled reader: reads beyond the pool's size wait their turn instead of
    /// opening (and then closing) connections of their own, which made the latency tail.
    permits: std::sync::Arc<tokio::sync::Semaphore>,
}

impl ReadPool {
    /// A pool over the database at `path` (which must exist and be migrated), `size` readers
    /// opened up front.
    pub fn open(path: &Path, size: usize) -> Result<Self, ApiError> {
        let pool = Self {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
            max_idle: size.max(1),
            permits: std::sync::Arc::new(tokio::sync::Semaphore::new(size.max(1))),
        };
        let mut readers = Vec::with_capacity(pool.max_idle);
        for _ in 0..pool.max_idle {
            readers.push(pool.open_reader()?);
        }
        if let Ok(mut idle) = pool.idle.lock() {
            *idle = readers;
        }
        Ok(pool)
    }

    fn open_reader(&self) -> Result<Reader, ApiError> {
        let store = SqliteStore::open(&self.path)?;
        let connection = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        connection.busy_timeout(std::time::Duration::from_millis(READ_BUSY_TIMEOUT_MS))?;
        Ok(Reader { store, connection })
    }

    /// Runs `work` with a reader on a blocking thread, once a reader is free.
    pub async fn read<T: Send + 'static>(
        self: &std::sync::Arc<Self>,
        work: impl FnOnce(&Reader) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = std::sync::Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(ApiError::internal)?;
        let pool = std::sync::Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            // Held until the work ends, even when the request was cut off meanwhile.
            let _permit = permit;
            pool.with_reader(work)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `work` with a reader (blocking: call from a blocking task).
    pub fn with_reader<T>(
        &self,
        work: impl FnOnce(&Reader) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let taken = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let reader = match taken {
            Some(reader) => reader,
            None => self.open_reader()?,
        };
        let result = work(&reader);
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < self.max_idle
        {
            idle.push(reader);
        }
        result
    }
}

/// `LIMIT` and `OFFSET` of a listing.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// Most rows.
    pub limit: i64,
    /// Rows skipped.
    pub offset: i64,
}

fn decode<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(ApiError::internal)
}

const SUMMARY_COLUMNS: &str = "a.id, a.title, a.source, a.published, a.url, a.language, \
     a.word_count, (SELECT count(*) FROM removed_lines r WHERE r.article_id = a.id)";

fn summary_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        source: row.get(2)?,
        published: row.get(3)?,
        url: row.get(4)?,
        language: row.get(5)?,
        words: row.get(6)?,
        removed: row.get(7)?,
    })
}

impl Reader {
    /// The members key of the event's stored brief (it changes whenever the brief does).
    pub fn brief_key(&self, event_id: &str) -> Result<Option<String>, ApiError> {
        Ok(self
            .connection
            .prepare_cached("SELECT members_key FROM briefs WHERE event_id = ?1")?
            .query_row([event_id], |row| row.get(0))
            .optional()?)
    }

    /// Stories by first day.
    pub fn stories(&self, page: Page) -> Result<Vec<StoryView>, ApiError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT body FROM stories ORDER BY first_day IS NULL, first_day, id LIMIT ?1 OFFSET ?2",
        )?;
        let bodies = statement
            .query_map(params![page.limit, page.offset], |row| {
                row.get::<_, String>(0)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        bodies
            .iter()
            .map(|body| decode::<Story>(body).map(StoryView::from))
            .collect()
    }

    /// One story.
    pub fn story(&self, id: &str) -> Result<Option<StoryView>, ApiError> {
        let body: Option<String> = self
            .connection
            .prepare_cached("SELECT body FROM stories WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?;
        body.map(|body| decode::<Story>(&body).map(StoryView::from))
            .transpose()
    }

    /// Events by first day.
    pub fn events(&self, page: Page) -> Result<Vec<EventView>, ApiError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT body, story_id FROM events ORDER BY first_day IS NULL, first_day, id \
             LIMIT ?1 OFFSET ?2",
        )?;
        let rows = statement
            .query_map(params![page.limit, page.offset], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.iter()
            .map(|(body, story)| Ok(EventView::new(decode::<Event>(body)?, story.clone())))
            .collect()
    }

    /// One event.
    pub fn event(&self, id: &str) -> Result<Option<EventView>, ApiError> {
        let row: Option<(String, Option<String>)> = self
            .connection
            .prepare_cached("SELECT body, story_id FROM events WHERE id = ?1")?
            .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        row.map(|(body, story)| Ok(EventView::new(decode::<Event>(&body)?, story)))
            .transpose()
    }

    /// The summaries of an event's articles, by publication day then id.
    pub fn event_articles(&self, event_id: &str) -> Result<Vec<ArticleSummary>, ApiError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM event_articles e JOIN articles a ON a.id = e.article_id \
             WHERE e.event_id = ?1 \
             ORDER BY a.published_day IS NULL, a.published_day, a.published_utc, a.id"
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement
            .query_map([event_id], summary_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Derivations whose copy and original both belong to the event.
    pub fn event_derivations(&self, event_id: &str) -> Result<Vec<DerivationView>, ApiError> {
        let mut statement = self.connection.prepare_cached(
            // Driven from the event's members (primary-key prefix), never a scan of all
            // derivations.
            "SELECT d.body FROM event_articles c \
             JOIN derivations d ON d.copy_id = c.article_id \
             WHERE c.event_id = ?1 AND EXISTS (SELECT 1 FROM event_articles o \
                 WHERE o.event_id = ?1 AND o.article_id = d.original_id) \
             ORDER BY d.copy_id",
        )?;
        let bodies = statement
            .query_map([event_id], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        bodies
            .iter()
            .map(|body| decode::<Derivation>(body).map(DerivationView::from))
            .collect()
    }

    /// Article summaries in listing order (publication day, instant, id; undated last).
    pub fn articles(&self, page: Page) -> Result<Vec<ArticleSummary>, ApiError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a \
             ORDER BY a.published_day IS NULL, a.published_day, a.published_utc, a.id \
             LIMIT ?1 OFFSET ?2"
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement
            .query_map(params![page.limit, page.offset], summary_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The events an article belongs to.
    pub fn article_events(&self, article_id: &str) -> Result<Vec<String>, ApiError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT event_id FROM event_articles WHERE article_id = ?1 ORDER BY event_id",
        )?;
        let rows = statement
            .query_map([article_id], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Derivations the article takes part in, as the copy or as the original.
    pub fn article_derivations(&self, article_id: &str) -> Result<Vec<DerivationView>, ApiError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT body FROM derivations WHERE copy_id = ?1 OR original_id = ?1 ORDER BY copy_id",
        )?;
        let bodies = statement
            .query_map([article_id], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        bodies
            .iter()
            .map(|body| decode::<Derivation>(body).map(DerivationView::from))
            .collect()
    }

    /// Summaries of the given articles, in the order given; unknown ids are skipped.
    pub fn summaries(&self, ids: &[String]) -> Result<Vec<ArticleSummary>, ApiError> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?1");
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(summary) = statement.query_row([id], summary_row).optional()? {
                found.push(summary);
            }
        }
        Ok(found)
    }
}

/// Encoded event briefs, each with the members key of the stored brief it was made from. A
/// request first reads the stored key (one primary-key lookup) and serves the cached bytes when
/// it matches, so a brief is encoded once per change instead of once per request.
pub struct BriefCache {
    entries: Mutex<std::collections::HashMap<String, (String, axum::body::Bytes)>>,
    max_entries: usize,
}

impl BriefCache {
    /// A cache holding at most `max_entries` briefs (cleared whole when full: briefs are cheap
    /// to rebuild, and a bounded map cannot grow with hostile ids).
    pub fn new(max_entries: usize) -> Self {
        Self {
            entries: Mutex::new(std::collections::HashMap::new()),
            max_entries: max_entries.max(1),
        }
    }

    /// The cached brief of `event_id` when it was made from the brief with `key`.
    pub fn get(&self, event_id: &str, key: &str) -> Option<axum::body::Bytes> {
        let entries = self.entries.lock().ok()?;
        let (cached_key, body) = entries.get(event_id)?;
        (cached_key == key).then(|| body.clone())
    }

    /// Keeps the encoded brief of `event_id`, made from the brief with `key`.
    pub fn put(&self, event_id: &str, key: String, body: axum::body::Bytes) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= self.max_entries && !entries.contains_key(event_id) {
                entries.clear();
            }
            entries.insert(event_id.to_owned(), (key, body));
        }
    }
}
