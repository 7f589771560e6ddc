//! Runs every extractor over a JSONL file of articles (`text` and optional `date` fields) and
//! prints totals: a smoke test and throughput check on real news.
//!
//! `cargo run --release -p corroborate-facts --example scan -- articles.jsonl`

use std::time::Instant;

use corroborate_facts::{
    find_mentions, find_quantities, find_quotes, find_times, resolve_entities,
};

/// Crude sentence split (the clean stage owns the real one): after . ! ? followed by a space.
fn sentences(paragraph: &str) -> Vec<&str> {
    paragraph
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: scan ARTICLES.jsonl");
        std::process::exit(2);
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    let started = Instant::now();
    let (mut articles, mut sentence_count, mut bytes) = (0usize, 0usize, 0usize);
    let (
        mut mentions_total,
        mut entities_total,
        mut quantities,
        mut times,
        mut quotes,
        mut speakers,
    ) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for line in text.lines() {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let body = record
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        let reference = record.get("date").and_then(|d| d.as_str()).and_then(|d| {
            chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
        });
        articles += 1;
        bytes += body.len();
        let mut article_mentions = Vec::new();
        for paragraph in body.split('\n').filter(|p| !p.trim().is_empty()) {
            let parts = sentences(paragraph);
            sentence_count += parts.len();
            for sentence in &parts {
                article_mentions.extend(find_mentions(sentence));
                quantities += find_quantities(sentence).len();
                times += find_times(sentence, reference).len();
            }
            for (_, quote) in find_quotes(&parts) {
                quotes += 1;
                speakers += usize::from(quote.speaker.is_some());
            }
        }
        mentions_total += article_mentions.len();
        entities_total += resolve_entities(&article_mentions).0.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{articles} articles, {sentence_count} sentences, {:.1} MB in {seconds:.2} s ({:.0} articles/s)",
        bytes as f64 / 1e6,
        articles as f64 / seconds.max(1e-9)
    );
    println!(
        "mentions {mentions_total}, entities {entities_total}, quantities {quantities}, times {times}, quotes {quotes} ({speakers} with speaker)"
    );
}
