//! Reconciles every gold event of an event-clustering set and prints totals and timings.
//!
//! `cargo run -p corroborate-reconcile --example events -- ARTICLES.jsonl GOLD.tsv [SHOW]`
//! (`articles.jsonl`: `id, title, text, date`; `gold.tsv`: `id<TAB>event`).
//!
//! Times are the thread's time on the CPU (from `/proc/thread-self/schedstat`, falling back to
//! wall time elsewhere), so a busy machine does not inflate them.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Time this thread has spent on a CPU; wall time where the kernel does not say.
fn cpu_time(wall_start: Instant) -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| wall_start.elapsed(), Duration::from_nanos)
}

use corroborate_dedup::{DedupOptions, find_derivations};
use corroborate_model::{Article, ArticleId, Published};
use corroborate_reconcile::{FactStatus, ReconcileOptions, reconcile};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(articles_path), Some(gold_path)) = (args.first(), args.get(1)) else {
        return Err("usage: events ARTICLES.jsonl GOLD.tsv".into());
    };
    let mut by_id: BTreeMap<String, Article> = BTreeMap::new();
    for line in std::fs::read_to_string(articles_path)?.lines() {
        let value: serde_json::Value = serde_json::from_str(line)?;
        let field = |name: &str| value.get(name).and_then(|v| v.as_str()).unwrap_or("");
        let mut article = Article::new(ArticleId::new(field("id")), field("text"));
        article.published = Published::parse(field("date"));
        by_id.insert(field("id").to_string(), article);
    }
    let mut events: BTreeMap<String, Vec<Article>> = BTreeMap::new();
    for line in std::fs::read_to_string(gold_path)?.lines() {
        let mut parts = line.split('\t');
        if let (Some(id), Some(event)) = (parts.next(), parts.next()) {
            if let Some(article) = by_id.get(id) {
                events
                    .entry(event.to_string())
                    .or_default()
                    .push(article.clone());
            }
        }
    }
    let options = ReconcileOptions::default();
    // Optional third argument: print the conflicts of events until this many were seen.
    let show_conflicts: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(0);
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    let (mut conflicts, mut quotes, mut articles) = (0usize, 0usize, 0usize);
    let (mut dedup_time, mut reconcile_time) = (Duration::ZERO, Duration::ZERO);
    let mut slowest = (Duration::ZERO, String::new(), 0usize);
    let wall_start = Instant::now();
    for (event, members) in &events {
        articles += members.len();
        let started = cpu_time(wall_start);
        let derivations = find_derivations(members, &DedupOptions::default());
        dedup_time += cpu_time(wall_start).saturating_sub(started);
        let started = cpu_time(wall_start);
        let brief = reconcile(members, &derivations, &options);
        let took = cpu_time(wall_start).saturating_sub(started);
        reconcile_time += took;
        if took > slowest.0 {
            slowest = (took, event.clone(), members.len());
        }
        for fact in &brief.facts {
            let status = match fact.status {
                FactStatus::Corroborated => "corroborated",
                FactStatus::SingleSource => "single_source",
                FactStatus::Conflicting => "conflicting",
                FactStatus::AddedByRewrite => "added_by_rewrite",
            };
            *statuses.entry(status.to_string()).or_default() += 1;
        }
        if show_conflicts > conflicts {
            for conflict in &brief.conflicts {
                println!("{event}: {} | {}", conflict.slot, conflict.explanation);
                let values: Vec<String> = conflict
                    .values
                    .iter()
                    .map(|(article, value)| format!("{article}={value}"))
                    .collect();
                println!("    values: {}", values.join("; "));
                // The sentences behind it, to judge the conflict by reading them.
                for fact in brief
                    .facts
                    .iter()
                    .filter(|f| conflict.facts.contains(&f.id))
                {
                    for evidence in &fact.evidence {
                        let stated = conflict.values.iter().any(|(article, value)| {
                            *article == evidence.article
                                && evidence
                                    .sentence
                                    .contains(value.split(" (").next().unwrap_or(value))
                        });
                        if stated {
                            println!("    [{}] {}", evidence.article, evidence.sentence);
                        }
                    }
                }
            }
        }
        conflicts += brief.conflicts.len();
        quotes += brief.quotes.len();
    }
    println!("events {} articles {articles}", events.len());
    println!("facts by status {statuses:?}");
    println!("conflicts {conflicts} quotes {quotes}");
    println!(
        "CPU time: find_derivations {:.2}s, reconcile {:.2}s; slowest event {} ({} articles) {:.3}s",
        dedup_time.as_secs_f64(),
        reconcile_time.as_secs_f64(),
        slowest.1,
        slowest.2,
        slowest.0.as_secs_f64()
    );
    Ok(())
}
