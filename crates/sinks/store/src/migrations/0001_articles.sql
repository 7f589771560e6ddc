-- Migration 1: articles, their removed lines, a full-text index over them, and run bookkeeping.
-- Applied once, in one transaction, by src/sqlite.rs; never edit it once shipped.

CREATE TABLE articles (
    -- Integer key so the full-text index can point at rows; stable across VACUUM.
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    title         TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    published     TEXT,                        -- ISO 8601, as the publisher gave it
    published_day TEXT,                        -- YYYY-MM-DD in the publisher's offset
    published_utc TEXT,                        -- the instant in UTC, fixed width; NULL for a day
    source        TEXT,
    url           TEXT,
    language      TEXT,
    text          TEXT NOT NULL,
    word_count    INTEGER NOT NULL,
    fingerprint   TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,               -- RFC 3339, UTC
    updated_at    TEXT NOT NULL                -- RFC 3339, UTC
);

CREATE INDEX articles_by_published ON articles (published_day, published_utc, id);

CREATE TABLE removed_lines (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- External-content index: the text is stored once, in `articles`; the triggers keep the index
-- in step inside the same transaction as the write.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
