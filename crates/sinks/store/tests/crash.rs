//! A process killed (SIGKILL) in the middle of an ingest leaves a consistent database, and the
//! re-run completes it.
//!
//! The test re-invokes its own test binary as a child that ingests batches in a loop, printing
//! one line per committed batch; the parent kills it right after a chosen commit, while the
//! next batch is being written, then inspects the database.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use corroborate_model::{Article, ArticleId, RemovedLine};
use corroborate_store::{PutOutcome, SqliteStore, Store};

/// Set (to the database path) only in the child process.
const CHILD_DATABASE_VARIABLE: &str = "CORROBORATE_STORE_CRASH_TEST_DB";
/// Batches in a full ingest.
const BATCHES: usize = 30;
/// Articles per batch: large enough that the child spends most of its time inside a
/// transaction, so the kill lands mid-batch.
const BATCH_SIZE: usize = 250;

/// Batch `number` of the ingest: excerpts of real articles, each made distinct, with between
/// zero and seven removed lines.
fn batch(number: usize) -> Vec<Article> {
    let templates: Vec<Article> =
        serde_json::from_str(include_str!("fixtures/articles.json")).expect("fixture parses");
    let junk: Vec<RemovedLine> = templates
        .iter()
        .flat_map(|template| template.removed.iter().cloned())
        .collect();
    (0..BATCH_SIZE)
        .map(|index| {
            let mut article = templates[index % templates.len()].clone();
            article.id = ArticleId::new(format!("b{number:03}-{index:03}"));
            article.text = format!("{}\n\nDispatch {number}-{index}.", article.text);
            article.removed = junk
                .iter()
                .cycle()
                .skip(index)
                .take(index % 8)
                .cloned()
                .collect();
            article
        })
        .collect()
}

/// The child: ingests every batch from the first, announcing each commit. Does nothing unless
/// started by [`a_kill_mid_ingest_leaves_a_consistent_database_and_the_rerun_completes_it`].
#[test]
#[ignore = "child process of the kill test"]
fn crash_child_ingests_until_killed() {
    let Some(path) = std::env::var_os(CHILD_DATABASE_VARIABLE) else {
        return;
    };
    let mut store = SqliteStore::open(Path::new(&path)).expect("child opens the store");
    for number in 0..BATCHES {
        store
            .put_articles(&batch(number))
            .expect("child stores a batch");
        println!("committed {number}");
    }
}

/// Starts the child on `database` and SIGKILLs it `delay` after it reports committing batch
/// `kill_after`. A batch takes about 50 to 200 ms to write here; the delay makes the kill land
/// inside the writing of the next batch rather than in the preparation before it.
fn ingest_and_kill(database: &Path, kill_after: usize, delay: Duration) {
    let mut child = Command::new(std::env::current_exe().expect("test binary path"))
        .args([
            "--exact",
            "crash_child_ingests_until_killed",
            "--ignored",
            "--nocapture",
        ])
        .args(["--test-threads", "1"])
        .env(CHILD_DATABASE_VARIABLE, database)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("child stdout");
    // The reader lives until the child is dead: closing the pipe earlier would end the child
    // with a write error instead of the kill.
    let mut lines = BufReader::new(stdout).lines();
    let mut reached = false;
    for line in lines.by_ref() {
        let line = line.expect("child output");
        if line == format!("committed {kill_after}") {
            reached = true;
            break;
        }
    }
    assert!(
        reached,
        "the child ended before committing batch {kill_after}"
    );
    std::thread::sleep(delay);
    child.kill().expect("kill child");
    let status = child.wait().expect("child exit status");
    drop(lines);
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            status.signal(),
            Some(9),
            "the child was not killed: {status:?}"
        );
    }
    #[cfg(not(unix))]
    assert!(!status.success());
}

/// Checks the database after a kill and returns how many whole batches it holds.
fn check_consistent(database: &Path) -> usize {
    let raw = rusqlite::Connection::open(database).expect("raw connection");
    let integrity: String = raw
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check");
    assert_eq!(integrity, "ok");
    // FTS5's own check compares the index with the articles table it indexes.
    raw.execute(
        "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("full-text index matches the articles");
    let unindexed: i64 = raw
        .query_row(
            "SELECT count(*) FROM articles AS a \
             WHERE NOT EXISTS (SELECT 1 FROM articles_fts_docsize AS d WHERE d.id = a.seq)",
            [],
            |row| row.get(0),
        )
        .expect("count unindexed");
    assert_eq!(unindexed, 0, "articles without a full-text row");
    drop(raw);

    let store = SqliteStore::open(database).expect("the store reopens");
    let count = store.article_count().expect("count");
    assert_eq!(
        count % BATCH_SIZE,
        0,
        "a partial batch is stored: {count} articles"
    );
    let whole_batches = count / BATCH_SIZE;
    // Every stored article is complete and exactly as given: text, metadata, removed lines.
    let mut stored = store.all_articles().expect("read all");
    stored.sort_by(|left, right| left.id.cmp(&right.id));
    let expected: Vec<Article> = (0..whole_batches).flat_map(batch).collect();
    assert_eq!(stored.len(), expected.len());
    for (stored, expected) in stored.iter().zip(&expected) {
        assert_eq!(stored, expected);
    }
    whole_batches
}

#[test]
fn a_kill_mid_ingest_leaves_a_consistent_database_and_the_rerun_completes_it() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let database = folder.path().join("killed.db");

    ingest_and_kill(&database, 2, Duration::from_millis(20));
    let first = check_consistent(&database);
    assert!(
        (3..BATCHES).contains(&first),
        "{first} batches after the first kill"
    );

    // The next runs start over from batch 0 (all duplicates) and are killed further on.
    ingest_and_kill(&database, 9, Duration::from_millis(45));
    let second = check_consistent(&database);
    assert!(
        (10..BATCHES).contains(&second),
        "{second} batches after the second kill"
    );
    ingest_and_kill(&database, 16, Duration::from_millis(70));
    let third = check_consistent(&database);
    assert!(
        (17..BATCHES).contains(&third),
        "{third} batches after the third kill"
    );

    let mut store = SqliteStore::open(&database).expect("reopen");
    for number in 0..BATCHES {
        let outcomes = store.put_articles(&batch(number)).expect("re-run batch");
        let expected = if number < third {
            PutOutcome::Duplicate
        } else {
            PutOutcome::New
        };
        assert_eq!(outcomes, vec![expected; BATCH_SIZE], "batch {number}");
    }
    assert_eq!(store.article_count().expect("count"), BATCHES * BATCH_SIZE);
    drop(store);
    assert_eq!(check_consistent(&database), BATCHES);
}
