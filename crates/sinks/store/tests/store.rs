//! Behaviour of the SQLite store on real article excerpts: round trips, idempotence, ordering,
//! search, deletion, bookkeeping, refusal of files it must not touch, and concurrent readers.

use std::path::Path;

use chrono::NaiveDate;
use corroborate_model::{Article, ArticleId, Published, RemovalReason, RemovedLine};
use corroborate_store::{PutOutcome, SqliteStore, Store, StoreError};

/// Three cleaned excerpts of the example corpus: one dated by day with two authors, one dated
/// by instant (non-UTC offset, milliseconds) with removed lines of many reasons, one bare.
fn fixture() -> Vec<Article> {
    serde_json::from_str(include_str!("fixtures/articles.json")).expect("fixture parses")
}

fn ids(articles: &[Article]) -> Vec<&str> {
    articles.iter().map(|article| article.id.as_str()).collect()
}

#[test]
fn every_field_survives_a_round_trip() {
    let mut articles = fixture();
    // Cover every removal reason, whatever the fixture holds.
    let reasons = [
        RemovalReason::ShareButton,
        RemovalReason::ReactionWidget,
        RemovalReason::CommentForm,
        RemovalReason::Promo,
        RemovalReason::AuthorBox,
        RemovalReason::TagLine,
        RemovalReason::RepeatedTitle,
        RemovalReason::Attribution,
        RemovalReason::Boilerplate,
        RemovalReason::RepeatedLine,
    ];
    articles[2].removed = reasons
        .iter()
        .map(|reason| RemovedLine {
            text: format!("line «{}»", reason.as_str()),
            reason: *reason,
        })
        .collect();
    assert!(matches!(articles[0].published, Some(Published::Day(_))));
    assert!(matches!(articles[1].published, Some(Published::Instant(_))));

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("round-trip.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        assert_eq!(
            store.put_articles(&articles).unwrap(),
            vec![PutOutcome::New; 3]
        );
    }
    // Read back through a new connection, from the file.
    let store = SqliteStore::open(&path).unwrap();
    for article in &articles {
        assert_eq!(store.article(&article.id).unwrap().as_ref(), Some(article));
    }
    let mut all = store.all_articles().unwrap();
    all.sort_by(|left, right| left.id.cmp(&right.id));
    let mut expected = articles.clone();
    expected.sort_by(|left, right| left.id.cmp(&right.id));
    assert_eq!(all, expected);
    assert_eq!(store.article(&ArticleId::new("missing")).unwrap(), None);
}

#[test]
fn same_batch_twice_is_all_duplicate_and_changes_are_updates() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let articles = fixture();
    assert_eq!(
        store.put_articles(&articles).unwrap(),
        vec![PutOutcome::New; 3]
    );
    let first_listing = store.articles().unwrap();
    assert_eq!(
        store.put_articles(&articles).unwrap(),
        vec![PutOutcome::Duplicate; 3]
    );
    assert_eq!(store.article_count().unwrap(), 3);

    let mut changed = articles.clone();
    changed[1].text.push_str("\n\nThe Kremlin did not comment.");
    changed[1].removed.truncate(2);
    changed[2].source = Some("Example Wire".into());
    assert_eq!(
        store.put_articles(&changed).unwrap(),
        vec![
            PutOutcome::Duplicate,
            PutOutcome::Updated,
            PutOutcome::Updated
        ]
    );
    assert_eq!(store.article_count().unwrap(), 3);
    assert_eq!(
        store.article(&changed[1].id).unwrap().as_ref(),
        Some(&changed[1])
    );
    assert_eq!(
        store.article(&changed[2].id).unwrap().as_ref(),
        Some(&changed[2])
    );
    // An update keeps the first ingestion time.
    let second_listing = store.articles().unwrap();
    for (before, after) in first_listing.iter().zip(&second_listing) {
        assert_eq!(before.id, after.id);
        assert_eq!(before.ingested_at, after.ingested_at);
    }
    // The index follows the update: the new sentence is found, under the updated article.
    let hits = store.search_articles("Kremlin comment", 10).unwrap();
    assert_eq!(
        hits.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        ["talks_bbc"]
    );

    // The same id twice in one batch: the second copy is compared with the first.
    let mut twice = vec![articles[0].clone(), articles[0].clone()];
    twice[1].title = Some("A corrected headline".into());
    assert_eq!(
        store.put_articles(&twice).unwrap(),
        vec![PutOutcome::Duplicate, PutOutcome::Updated]
    );
    assert_eq!(store.put_articles(&[]).unwrap(), Vec::<PutOutcome>::new());
}

#[test]
fn listings_are_ordered_by_publication_then_id_with_undated_last() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let base = fixture();
    let text = base[0].text.clone();
    let dated = |id: &str, published: &str| {
        let mut article = Article::new(ArticleId::new(id), text.clone());
        article.published = Published::parse(published);
        assert!(article.published.is_some(), "{published}");
        article
    };
    let batch = vec![
        Article::new(ArticleId::new("a_undated"), text.clone()),
        dated("b_late_utc", "2025-06-02T20:00:00Z"),
        // 23:30 in Kyiv is 20:30 UTC, but its publisher's day is still June 2.
        dated("c_kyiv_evening", "2025-06-02T23:30:00+03:00"),
        dated("d_day_only", "2025-06-02"),
        dated("e_previous_day", "2025-06-01T09:00:00-07:00"),
        dated("f_early", "2025-06-02T08:00:00.5+00:00"),
        dated("g_early_same_second", "2025-06-02T08:00:00+00:00"),
        dated("h_next_day", "2025-06-03"),
    ];
    store.put_articles(&batch).unwrap();
    let expected = [
        "e_previous_day",
        "d_day_only",
        "g_early_same_second",
        "f_early",
        "b_late_utc",
        "c_kyiv_evening",
        "h_next_day",
        "a_undated",
    ];
    let listing = store.articles().unwrap();
    assert_eq!(
        listing
            .iter()
            .map(|row| row.id.as_str())
            .collect::<Vec<_>>(),
        expected
    );
    assert_eq!(ids(&store.all_articles().unwrap()), expected);
}

#[test]
fn summaries_count_words_and_removed_lines() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let articles = fixture();
    store.put_articles(&articles).unwrap();
    let listing = store.articles().unwrap();
    assert_eq!(listing.len(), 3);
    for row in &listing {
        let article = articles
            .iter()
            .find(|article| article.id == row.id)
            .unwrap();
        assert_eq!(row.words, article.text.split_whitespace().count());
        assert_eq!(row.removed, article.removed.len());
        assert_eq!(row.title, article.title);
        assert_eq!(row.source, article.source);
        assert_eq!(row.published, article.published);
        assert_eq!(row.url, article.url);
        assert_eq!(row.language, article.language);
        assert!(
            row.ingested_at.ends_with('Z') && row.ingested_at.len() == 24,
            "{row:?}"
        );
    }
    let bbc = listing
        .iter()
        .find(|row| row.id.as_str() == "talks_bbc")
        .unwrap();
    assert_eq!(bbc.removed, 7);
    assert!(bbc.words > 80, "{bbc:?}");
    let json = serde_json::to_value(bbc).unwrap();
    assert_eq!(json["published"], "2025-06-02T14:30:00.250+03:00");
    assert_eq!(
        serde_json::to_value(PutOutcome::Duplicate).unwrap(),
        "duplicate"
    );
}

#[test]
fn search_finds_words_phrases_and_prefixes_and_ignores_syntax() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_articles(&fixture()).unwrap();
    let found = |query: &str| {
        let mut hits: Vec<String> = store
            .search_articles(query, 10)
            .unwrap()
            .into_iter()
            .map(|(id, _)| id.to_string())
            .collect();
        hits.sort();
        hits
    };
    assert_eq!(found("Bosphorus"), ["talks_stall"]);
    // Case and diacritics do not matter.
    assert_eq!(found("BOSPHÖRUS"), ["talks_stall"]);
    // Title words count: this one is only in the BBC excerpt's title.
    assert_eq!(found("second round"), ["talks_bbc"]);
    assert_eq!(found("ceasefire"), ["talks_stall", "talks_undated"]);
    assert_eq!(found("ceasefire Umerov"), ["talks_undated"]);
    assert_eq!(found("\"prisoner swap\""), ["talks_stall"]);
    assert_eq!(found("\"swap prisoner\""), Vec::<String>::new());
    assert_eq!(found("Tykh*"), ["talks_stall"]);
    assert_eq!(found("Ukrain* Moscow"), ["talks_stall", "talks_undated"]);
    // Operators and stray quotes are words or separators, never errors.
    assert_eq!(found("ceasefire NOT Umerov"), Vec::<String>::new());
    assert_eq!(found("\"unbalanced ( ceasefire) -"), Vec::<String>::new());
    assert_eq!(found("NEAR(ceasefire"), Vec::<String>::new());
    assert_eq!(found("  \"\" ** "), Vec::<String>::new());

    let hits = store.search_articles("Bosphorus", 10).unwrap();
    assert!(hits[0].1.contains("[Bosphorus]"), "{:?}", hits[0].1);
    assert_eq!(store.search_articles("ceasefire", 1).unwrap().len(), 1);
    assert!(store.search_articles("ceasefire", 0).unwrap().is_empty());
}

#[test]
fn deleting_removes_the_article_its_lines_and_its_index_entry() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("delete.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let articles = fixture();
    store.put_articles(&articles).unwrap();
    assert!(store.delete_article(&articles[1].id).unwrap());
    assert!(!store.delete_article(&articles[1].id).unwrap());
    assert_eq!(store.article_count().unwrap(), 2);
    assert_eq!(store.article(&articles[1].id).unwrap(), None);
    assert!(store.search_articles("Leavitt", 10).unwrap().is_empty());

    let raw = rusqlite::Connection::open(&path).unwrap();
    let orphan_lines: i64 = raw
        .query_row(
            "SELECT count(*) FROM removed_lines WHERE article_id = ?1",
            [articles[1].id.as_str()],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(orphan_lines, 0);
    let lines: i64 = raw
        .query_row("SELECT count(*) FROM removed_lines", [], |row| row.get(0))
        .unwrap();
    assert_eq!(lines, articles[0].removed.len() as i64);
    // Re-adding is New again.
    assert_eq!(
        store.put_articles(&articles[1..2]).unwrap(),
        [PutOutcome::New]
    );
}

#[test]
fn meta_values_are_set_replaced_and_kept() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("meta.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.get_meta("analysis_version").unwrap(), None);
        store.set_meta("analysis_version", "1").unwrap();
        store.set_meta("analysis_version", "2").unwrap();
        store.set_meta("last_run", "2025-06-02T12:00:00Z").unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(
        store.get_meta("analysis_version").unwrap().as_deref(),
        Some("2")
    );
    assert_eq!(
        store.get_meta("last_run").unwrap().as_deref(),
        Some("2025-06-02T12:00:00Z")
    );
    assert_eq!(store.schema_version().unwrap(), 3);
}

#[test]
fn the_trait_works_behind_a_pointer() {
    let mut store: Box<dyn Store> = Box::new(SqliteStore::open_in_memory().unwrap());
    store.put_articles(&fixture()).unwrap();
    assert_eq!(store.article_count().unwrap(), 3);
}

/// The error `open` gives for `path`, which must not open.
fn open_error(path: &Path) -> StoreError {
    match SqliteStore::open(path) {
        Ok(store) => panic!("{} opened: {store:?}", path.display()),
        Err(error) => error,
    }
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notes.db");
    let content = "These are notes, not a database. ".repeat(100);
    std::fs::write(&path, &content).unwrap();
    let error = open_error(&path);
    assert!(
        matches!(error, StoreError::NotADatabase { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("not a SQLite database"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
    assert!(!folder.path().join("notes.db-wal").exists());

    let error = open_error(folder.path());
    assert!(
        error
            .to_string()
            .contains(&folder.path().display().to_string()),
        "{error}"
    );
}

#[test]
fn a_newer_schema_is_refused_without_touching_the_data() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("newer.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_articles(&fixture()).unwrap();
    }
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch("CREATE TABLE from_the_future (x); PRAGMA user_version = 7;")
            .unwrap();
    }
    let error = open_error(&path);
    assert!(
        matches!(
            error,
            StoreError::TooNew {
                found: 7,
                known: 3,
                ..
            }
        ),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()) && message.contains('7'),
        "{message}"
    );
    let raw = rusqlite::Connection::open(&path).unwrap();
    let count: i64 = raw
        .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
        .unwrap();
    assert_eq!(count, 3);
    let version: i64 = raw
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, 7);
}

#[test]
fn another_programs_database_is_refused_without_touching_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("other.db");
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    let error = open_error(&path);
    assert!(
        matches!(error, StoreError::ForeignDatabase { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
    let raw = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = raw
        .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn opening_creates_the_folder_and_reopening_keeps_everything() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nested").join("deeper").join("store.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 3);
        store.put_articles(&fixture()).unwrap();
    }
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 3);
    assert_eq!(store.article_count().unwrap(), 3);
    assert_eq!(
        store.put_articles(&fixture()).unwrap(),
        vec![PutOutcome::Duplicate; 3]
    );
    let raw = rusqlite::Connection::open(&path).unwrap();
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn an_unstorable_date_fails_the_whole_batch() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut articles = fixture();
    let far_future = NaiveDate::from_ymd_opt(12_000, 1, 1).unwrap();
    articles[2].published = Some(Published::Day(far_future));
    let error = store.put_articles(&articles).unwrap_err();
    assert!(
        matches!(error, StoreError::InvalidArticle { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("talks_undated"), "{error}");
    assert_eq!(store.article_count().unwrap(), 0);
}

#[test]
fn readers_see_only_committed_batches_while_a_writer_writes() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("concurrent.db");
    let mut writer = SqliteStore::open(&path).unwrap();
    let reader = SqliteStore::open(&path).unwrap();
    writer.put_articles(&fixture()).unwrap();

    // A raw connection holds a write transaction open with uncommitted rows: the store's
    // reader is neither blocked nor shown them.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "BEGIN IMMEDIATE; DELETE FROM removed_lines; DELETE FROM articles; \
         INSERT INTO meta VALUES ('pending', 'yes');",
    )
    .unwrap();
    assert_eq!(reader.article_count().unwrap(), 3);
    assert_eq!(reader.all_articles().unwrap().len(), 3);
    assert_eq!(reader.get_meta("pending").unwrap(), None);
    assert_eq!(reader.search_articles("ceasefire", 10).unwrap().len(), 2);
    raw.execute_batch("ROLLBACK").unwrap();

    // A writer thread stores batches while this thread reads: every read sees whole batches.
    let template = fixture();
    const BATCHES: usize = 30;
    const BATCH_SIZE: usize = 40;
    let writer_thread = std::thread::spawn(move || {
        for batch_number in 0..BATCHES {
            let batch: Vec<Article> = (0..BATCH_SIZE)
                .map(|index| {
                    let mut article = template[index % template.len()].clone();
                    article.id = ArticleId::new(format!("w{batch_number:03}_{index:03}"));
                    article
                })
                .collect();
            writer.put_articles(&batch).unwrap();
        }
        writer
    });
    let mut reads = 0;
    loop {
        let finished = writer_thread.is_finished();
        let count = reader.article_count().unwrap();
        assert_eq!(
            (count - 3) % BATCH_SIZE,
            0,
            "a partial batch was visible: {count}"
        );
        let listing = reader.all_articles().unwrap();
        assert_eq!((listing.len() - 3) % BATCH_SIZE, 0);
        assert!(listing.iter().all(|article| !article.text.is_empty()));
        reads += 1;
        if finished {
            break;
        }
    }
    let writer = writer_thread.join().unwrap();
    assert!(reads > 1);
    assert_eq!(writer.article_count().unwrap(), 3 + BATCHES * BATCH_SIZE);
    assert_eq!(reader.article_count().unwrap(), 3 + BATCHES * BATCH_SIZE);
}

#[test]
fn a_failure_inside_a_batch_rolls_the_whole_batch_back() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rollback.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let articles = fixture();
    store.put_articles(&articles[..1]).unwrap();
    let mut changed = articles.clone();
    changed[0].text.push_str("\n\nA late correction.");
    // Make the database itself refuse the last article of the batch, after the others were
    // written inside the same transaction.
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch(
            "CREATE TABLE IF NOT EXISTS main.refused_ids (id TEXT PRIMARY KEY);
             INSERT INTO refused_ids VALUES ('talks_undated');
             CREATE TRIGGER refuse_listed BEFORE INSERT ON articles
             WHEN new.id IN (SELECT id FROM refused_ids)
             BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
        )
        .unwrap();
    }
    let error = store.put_articles(&changed).unwrap_err();
    assert!(
        error.to_string().contains("refused for the test"),
        "{error}"
    );
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
    // Nothing of the batch stayed: not the update of the first, not the insert of the second.
    assert_eq!(store.article_count().unwrap(), 1);
    assert_eq!(
        store.article(&articles[0].id).unwrap().as_ref(),
        Some(&articles[0])
    );
    assert!(store.search_articles("correction", 10).unwrap().is_empty());
    assert_eq!(store.article(&articles[1].id).unwrap(), None);
}

#[test]
fn analysis_is_replaced_whole_and_survives_reopening() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("store.db");
    let articles = fixture();
    let clustering = corroborate_cluster::cluster(&articles, &Default::default());
    let mut copy = articles[0].clone();
    copy.id = ArticleId::new("exact-copy");
    let mut with_copy = articles.clone();
    with_copy.push(copy);
    let derivations = corroborate_dedup::find_derivations(&with_copy, &Default::default());
    assert!(!derivations.is_empty(), "an exact copy is a derivation");
    let analysis = corroborate_store::Analysis {
        stories: clustering.stories.clone(),
        events: clustering.events.clone(),
        derivations: derivations.clone(),
    };
    {
        let mut store = SqliteStore::open(&path).unwrap();
        assert!(store.analysis().unwrap().events.is_empty());
        store.put_articles(&with_copy).unwrap();
        store.put_analysis(&analysis).unwrap();
        // Putting again replaces rather than duplicates.
        store.put_analysis(&analysis).unwrap();
    }
    let mut store = SqliteStore::open(&path).unwrap();
    let loaded = store.analysis().unwrap();
    assert_eq!(loaded.events.len(), clustering.events.len());
    assert_eq!(loaded.stories.len(), clustering.stories.len());
    assert_eq!(loaded.derivations, derivations);
    let members: usize = loaded.events.iter().map(|event| event.articles.len()).sum();
    assert_eq!(members, articles.len());

    store
        .put_analysis(&corroborate_store::Analysis::default())
        .unwrap();
    assert!(store.analysis().unwrap().events.is_empty());
}

/// Two short independent reports of one happening, reconciled for real.
fn reconciled_brief() -> corroborate_reconcile::Brief {
    let first = Article::new(
        ArticleId::new("wire"),
        "Ukrainian President Volodymyr Zelenskyy met Turkish President Recep Tayyip Erdogan \
         in Ankara on Thursday. The two leaders discussed a prisoner exchange of 1,000 \
         soldiers on each side. Zelenskyy said the talks were \"constructive\".",
    );
    let second = Article::new(
        ArticleId::new("paper"),
        "President Volodymyr Zelensky met Recep Tayyip Erdogan in Ankara on Thursday. \
         The leaders discussed an exchange of 1,000 prisoners on each side. A new grain \
         corridor was also on the agenda, officials said.",
    );
    corroborate_reconcile::reconcile(
        &[first, second],
        &[],
        &corroborate_reconcile::ReconcileOptions::default(),
    )
}

#[test]
fn briefs_are_stored_replaced_searched_and_dropped_with_their_event() {
    let mut store = SqliteStore::open_in_memory().expect("store");
    let brief = reconciled_brief();
    assert!(!brief.facts.is_empty() && !brief.entities.is_empty());
    let stored = corroborate_store::EventBrief {
        event_id: "e1".to_owned(),
        members_key: corroborate_store::members_key([("wire", "f1"), ("paper", "f2")]),
        brief: brief.clone(),
    };
    store
        .put_briefs(std::slice::from_ref(&stored), &["e1".to_owned()])
        .expect("put");
    assert_eq!(store.brief("e1").expect("read"), Some(brief.clone()));
    assert_eq!(store.briefs().expect("all"), vec![stored.clone()]);
    assert_eq!(
        store.brief_keys().expect("keys").get("e1"),
        Some(&stored.members_key)
    );
    // The key does not depend on member order, and changes with any fingerprint.
    assert_eq!(
        stored.members_key,
        corroborate_store::members_key([("paper", "f2"), ("wire", "f1")])
    );
    assert_ne!(
        stored.members_key,
        corroborate_store::members_key([("wire", "f1"), ("paper", "f3")])
    );

    // Facts are searchable by their statement, entities by any spelling, even an unseen one.
    let hits = store.search_facts("Ankara", 10).expect("facts");
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|hit| hit.event_id == "e1" && hit.snippet.contains("[Ankara]"))
    );
    let people = store.search_entities("Zelenskiy", 10).expect("entities");
    let person = people
        .iter()
        .find(|entity| entity.kind == "person")
        .expect("found by a spelling no article uses");
    assert!(person.variants.len() >= 2, "{:?}", person.variants);
    let detail = store.entity(&person.id).expect("entity").expect("exists");
    assert_eq!(detail.events, ["e1"]);
    assert_eq!(detail.articles.len(), 2);
    assert!(store.search_entities("prisoner \"OR\" (", 10).is_ok());
    assert!(!store.entities(100, 0).expect("list").is_empty());

    // A second event, then a run in which e1 is gone: its brief, facts and entities go too.
    let other = corroborate_store::EventBrief {
        event_id: "e2".to_owned(),
        members_key: "k2".to_owned(),
        brief: brief.clone(),
    };
    store
        .put_briefs(
            std::slice::from_ref(&other),
            &["e1".to_owned(), "e2".to_owned()],
        )
        .expect("put");
    assert_eq!(
        store
            .entity(&person.id)
            .expect("entity")
            .expect("exists")
            .events
            .len(),
        2
    );
    store.put_briefs(&[], &["e2".to_owned()]).expect("drop e1");
    assert_eq!(store.brief("e1").expect("read"), None);
    assert!(
        store
            .search_facts("Ankara", 10)
            .expect("facts")
            .iter()
            .all(|hit| hit.event_id == "e2")
    );
    assert_eq!(
        store
            .entity(&person.id)
            .expect("entity")
            .expect("exists")
            .events,
        ["e2"]
    );
    store.put_briefs(&[], &[]).expect("drop all");
    assert!(
        store
            .search_entities("Zelensky", 10)
            .expect("entities")
            .is_empty()
    );
    assert!(store.search_facts("Ankara", 10).expect("facts").is_empty());
}
