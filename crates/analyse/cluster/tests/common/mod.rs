//! Helpers shared by the integration tests.

use std::path::PathBuf;

use corroborate_model::{Article, ArticleId, Published};

/// The example corpus: plain texts, ids = file stems, title = first non-empty line, no dates.
pub fn example_corpus() -> Vec<Article> {
    let folder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../examples/istanbul-talks-2025");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("example corpus folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("example text");
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let mut article = Article::new(ArticleId::new(stem), text.clone());
            article.title = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(String::from);
            article
        })
        .collect()
}

/// Short dated reports written for these tests: three happenings, one of them in two phases
/// a few weeks apart, with the words reporters use.
pub fn dated_fixture() -> Vec<Article> {
    let text = include_str!("../fixtures/dated-reports.jsonl");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("fixture line");
            let field = |name: &str| {
                value
                    .get(name)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let mut article = Article::new(ArticleId::new(field("id")), field("text"));
            article.title = Some(field("title"));
            article.published = Published::parse(&field("date"));
            article
        })
        .collect()
}
