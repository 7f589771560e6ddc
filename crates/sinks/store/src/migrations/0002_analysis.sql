-- What the analysis found over the stored articles: stories, events and their members, and
-- derivations (copies and rewrites). Recomputed or updated by each run; `body` holds the full
-- record as JSON, the other columns are there to query by.
CREATE TABLE stories (
    id        TEXT PRIMARY KEY NOT NULL,
    label     TEXT NOT NULL,
    first_day TEXT,
    last_day  TEXT,
    body      TEXT NOT NULL
);

CREATE TABLE events (
    id        TEXT PRIMARY KEY NOT NULL,
    story_id  TEXT REFERENCES stories(id) ON DELETE SET NULL,
    label     TEXT NOT NULL,
    first_day TEXT,
    last_day  TEXT,
    body      TEXT NOT NULL
);
CREATE INDEX events_story ON events(story_id);

CREATE TABLE event_articles (
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_article ON event_articles(article_id);

CREATE TABLE derivations (
    copy_id     TEXT PRIMARY KEY NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    relation    TEXT NOT NULL,
    similarity  REAL NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX derivations_original ON derivations(original_id);
