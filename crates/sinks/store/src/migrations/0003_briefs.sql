-- Reconciled briefs, one per event, and the facts and entities they hold, to query and search
-- by. `members_key` names the event's articles and their content when the brief was made, so a
-- run reconciles again only the events whose articles changed. No foreign key to `events`:
-- that table is rewritten wholesale by every run, and a brief outlives it when its event's
-- articles did not change. Rows of `brief_facts` and `brief_entities` are deleted with their
-- brief by the store, explicitly.
CREATE TABLE briefs (
    event_id    TEXT PRIMARY KEY NOT NULL,
    members_key TEXT NOT NULL,
    body        TEXT NOT NULL
);

CREATE TABLE brief_facts (
    seq                 INTEGER PRIMARY KEY,
    event_id            TEXT NOT NULL,
    fact_id             TEXT NOT NULL,
    position            INTEGER NOT NULL,
    statement           TEXT NOT NULL,
    status              TEXT NOT NULL,
    independent_sources INTEGER NOT NULL,
    UNIQUE (event_id, fact_id)
);

CREATE VIRTUAL TABLE brief_facts_fts USING fts5(
    statement,
    content = 'brief_facts',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER brief_facts_fts_after_insert AFTER INSERT ON brief_facts BEGIN
    INSERT INTO brief_facts_fts (rowid, statement) VALUES (new.seq, new.statement);
END;

CREATE TRIGGER brief_facts_fts_after_delete AFTER DELETE ON brief_facts BEGIN
    INSERT INTO brief_facts_fts (brief_facts_fts, rowid, statement)
    VALUES ('delete', old.seq, old.statement);
END;

-- One row per entity per event; the same entity id in several events is one entity.
-- `names` is the canonical name and every variant, one per line, for search by any spelling.
CREATE TABLE brief_entities (
    seq       INTEGER PRIMARY KEY,
    event_id  TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    names     TEXT NOT NULL,
    body      TEXT NOT NULL,
    UNIQUE (event_id, entity_id)
);
CREATE INDEX brief_entities_entity ON brief_entities(entity_id);

CREATE VIRTUAL TABLE brief_entities_fts USING fts5(
    names,
    content = 'brief_entities',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER brief_entities_fts_after_insert AFTER INSERT ON brief_entities BEGIN
    INSERT INTO brief_entities_fts (rowid, names) VALUES (new.seq, new.names);
END;

CREATE TRIGGER brief_entities_fts_after_delete AFTER DELETE ON brief_entities BEGIN
    INSERT INTO brief_entities_fts (brief_entities_fts, rowid, names)
    VALUES ('delete', old.seq, old.names);
END;
