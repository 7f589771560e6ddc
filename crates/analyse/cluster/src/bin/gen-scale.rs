//! Scale test: replicates a JSONL article set many times with dates shifted far apart, clusters
//! the lot in one batch, and reports articles/s (peak memory: run it under `/usr/bin/time -v`).
//!
//! ```text
//! gen-scale --articles articles.jsonl [--gold gold.tsv] [--copies 70] [--shift-days 3650]
//!           [--template-copies N] [--keep-undated]
//! ```
//! Copy `r` of an article gets the id suffix `#r` and its date moved `r × shift-days` days on;
//! undated articles get the first day of their copy's span (1 January 2000 moved the same way),
//! since a stream this long is dated. With `--gold`, the copies' gold events are suffixed the
//! same way and the clustering is scored. Every copy repeats each text word for word, so every
//! short text reaches the template count of `ClusterOptions::template_copies`; `--template-copies`
//! sets that option (0 turns the rule off, as for texts that only repeat because they were
//! copied here). `--keep-undated` leaves undated articles undated, to measure the cost of
//! articles that every time bucket must be searched for.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use corroborate_cluster::eval;
use corroborate_cluster::input::{articles_from_jsonl, gold_from_tsv};
use corroborate_cluster::{ClusterOptions, cluster};
use corroborate_model::{Article, ArticleId, Published};

fn main() -> ExitCode {
    let mut articles_path = None;
    let mut gold_path = None;
    let mut copies: u64 = 70;
    let mut shift_days: u64 = 3650;
    let mut options = ClusterOptions::default();
    let mut keep_undated = false;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        if argument == "--keep-undated" {
            keep_undated = true;
            continue;
        }
        let value = arguments.next();
        match (argument.as_str(), value) {
            ("--articles", Some(v)) => articles_path = Some(v),
            ("--gold", Some(v)) => gold_path = Some(v),
            ("--copies", Some(v)) => copies = v.parse().unwrap_or(copies),
            ("--shift-days", Some(v)) => shift_days = v.parse().unwrap_or(shift_days),
            ("--template-copies", Some(v)) => {
                options.template_copies = v.parse().unwrap_or(options.template_copies)
            }
            (other, _) => {
                eprintln!("gen-scale: unknown or incomplete argument {other}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(articles_path) = articles_path else {
        eprintln!("gen-scale: --articles is required");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&articles_path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("gen-scale: {articles_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (base, datasets) = match articles_from_jsonl(&text) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("gen-scale: {articles_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let base_gold = match &gold_path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(gold_from_tsv(&text)),
            Err(e) => {
                eprintln!("gen-scale: {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let origin = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let mut articles: Vec<Article> = Vec::with_capacity(base.len() * copies as usize);
    let mut gold = HashMap::new();
    let mut dataset_of = HashMap::new();
    for copy in 0..copies {
        let shift = Days::new(copy * shift_days);
        for article in &base {
            let mut replica = article.clone();
            let id = format!("{}#{copy}", article.id);
            replica.id = ArticleId::new(id.clone());
            let day = match article.published {
                Some(published) => Some(published.date()),
                None if keep_undated => None,
                None => Some(origin),
            };
            replica.published = day
                .and_then(|day| day.checked_add_days(shift))
                .map(Published::Day);
            if let Some(event) = base_gold.as_ref().and_then(|g| g.get(article.id.as_str())) {
                gold.insert(id.clone(), format!("{event}#{copy}"));
            }
            if let Some(dataset) = datasets.get(article.id.as_str()) {
                dataset_of.insert(id, dataset.clone());
            }
            articles.push(replica);
        }
    }
    let started = Instant::now();
    let clustering = cluster(&articles, &options);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} articles ({} copies of {}), {} events, {} stories in {:.1} s: {:.0} articles/s",
        articles.len(),
        copies,
        base.len(),
        clustering.events.len(),
        clustering.stories.len(),
        seconds,
        articles.len() as f64 / seconds.max(1e-9)
    );
    if !gold.is_empty() {
        let predicted: HashMap<String, String> = clustering
            .events
            .iter()
            .flat_map(|e| e.articles.iter().map(|a| (a.to_string(), e.id.clone())))
            .collect();
        print!("{}", eval::evaluate(&gold, &predicted, &dataset_of));
    }
    ExitCode::SUCCESS
}
