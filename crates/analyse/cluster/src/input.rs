//! Reading evaluation data held in memory: JSONL articles (`id, title, text, date, source, url,
//! dataset`) and gold TSV (`id<TAB>event`). No file access here: callers read the text.

use std::collections::HashMap;

use corroborate_model::{Article, ArticleId, Published};
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    dataset: Option<String>,
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// Articles read from JSONL, with the dataset of each (id → dataset, for those that name one).
/// Empty lines are skipped; a malformed line is an error naming its line number.
pub fn articles_from_jsonl(jsonl: &str) -> Result<(Vec<Article>, HashMap<String, String>), String> {
    let mut articles = Vec::new();
    let mut datasets = HashMap::new();
    for (number, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Row =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", number + 1))?;
        let mut article = Article::new(ArticleId::new(row.id.clone()), row.text);
        article.title = non_empty(row.title);
        article.published = non_empty(row.date).and_then(|d| Published::parse(&d));
        article.source = non_empty(row.source);
        article.url = non_empty(row.url);
        if let Some(dataset) = non_empty(row.dataset) {
            datasets.insert(row.id, dataset);
        }
        articles.push(article);
    }
    Ok((articles, datasets))
}

/// Gold events from TSV lines `id<TAB>event`; lines without a tab are skipped.
pub fn gold_from_tsv(tsv: &str) -> HashMap<String, String> {
    tsv.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(id, event)| (id.trim().to_string(), event.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_gold() {
        let jsonl = concat!(
            r#"{"id": "x1", "title": "", "text": "Body.", "date": "2021-10-18", "source": "", "url": "", "dataset": "d"}"#,
            "\n\n",
            r#"{"id": "x2", "title": "T", "text": "B", "date": "", "dataset": ""}"#,
            "\n"
        );
        let (articles, datasets) = articles_from_jsonl(jsonl).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title, None);
        assert_eq!(
            articles[0]
                .published
                .map(|p| p.date().to_string())
                .as_deref(),
            Some("2021-10-18")
        );
        assert_eq!(articles[1].published, None);
        assert_eq!(datasets.len(), 1);
        assert!(articles_from_jsonl("{not json").is_err());
        let gold = gold_from_tsv("x1\tE\nbad line\nx2\tE\n");
        assert_eq!(gold.len(), 2);
    }
}
