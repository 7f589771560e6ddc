//! Throughput of the SQLite store: `put_articles` of 10,000 articles in batches of 500 into a
//! new database file, and `all_articles` reading them back.
//!
//! Run with `cargo bench -p corroborate-store --bench store`; criterion reports articles/s.

use std::hint::black_box;

use corroborate_model::{Article, ArticleId};
use corroborate_store::{SqliteStore, Store};
use criterion::{BatchSize, Criterion, Throughput};

/// How many articles each measurement stores or reads.
const ARTICLE_COUNT: usize = 10_000;
/// Articles per `put_articles` call (one transaction each).
const BATCH_SIZE: usize = 500;

/// Real article excerpts (with removed lines), varied per copy so every article is distinct.
fn corpus() -> Vec<Article> {
    let samples: Vec<Article> =
        serde_json::from_str(include_str!("../tests/fixtures/articles.json")).unwrap_or_default();
    assert!(!samples.is_empty(), "the fixture must hold articles");
    (0..ARTICLE_COUNT)
        .map(|index| {
            let mut article = samples[index % samples.len()].clone();
            article.id = ArticleId::new(format!("{}-{index:05}", article.id));
            article.text = format!("{}\n\nUpdate number {index}.", article.text);
            article
        })
        .collect()
}

/// Stores the corpus into a new database in a fresh temporary folder.
fn fill(articles: &[Article]) -> (tempfile::TempDir, SqliteStore) {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = SqliteStore::open(&folder.path().join("bench.db")).expect("open store");
    for batch in articles.chunks(BATCH_SIZE) {
        store.put_articles(batch).expect("put batch");
    }
    (folder, store)
}

/// Measures storing and reading back [`ARTICLE_COUNT`] articles.
fn store_throughput(criterion: &mut Criterion) {
    let articles = corpus();
    let mut group = criterion.benchmark_group("store");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ARTICLE_COUNT as u64));
    group.bench_function("put_articles_10k_in_batches_of_500", |bencher| {
        bencher.iter_batched(
            || tempfile::tempdir().expect("temporary folder"),
            |folder| {
                let mut store =
                    SqliteStore::open(&folder.path().join("bench.db")).expect("open store");
                for batch in articles.chunks(BATCH_SIZE) {
                    black_box(store.put_articles(batch).expect("put batch"));
                }
                folder
            },
            BatchSize::PerIteration,
        );
    });
    let (_folder, store) = fill(&articles);
    group.bench_function("all_articles_10k", |bencher| {
        bencher.iter(|| black_box(store.all_articles().expect("read all")).len());
    });
    group.finish();
}

/// What `criterion_main!` would generate, written out so every item is documented.
fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    store_throughput(&mut criterion);
    criterion.final_summary();
}
