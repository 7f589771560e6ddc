//! Clusters a JSONL article set and scores it against gold events.
//!
//! ```text
//! eval-clusters --articles articles.jsonl --gold gold.tsv [--json] [--fold K/N]
//!               [--one-by-one] [--write-assignments PATH] [--set option=value]...
//! ```
//! `--fold K/N` keeps only the events whose hash falls in fold K of N (for choosing thresholds
//! on one half and checking them on the other); `--one-by-one` also feeds the articles one at a
//! time in time order and reports how far that agrees with batch clustering; `--set` overrides
//! a field of `ClusterOptions` (e.g. `--set join_threshold=0.3`).

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

use corroborate_cluster::eval::{self, EvalReport};
use corroborate_cluster::input::{articles_from_jsonl, gold_from_tsv};
use corroborate_cluster::{ClusterOptions, Clusterer, Clustering, cluster};
use corroborate_model::Article;

struct Arguments {
    articles: String,
    gold: String,
    json: bool,
    fold: Option<(u64, u64)>,
    one_by_one: bool,
    write_assignments: Option<String>,
    options: ClusterOptions,
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut articles = None;
    let mut gold = None;
    let mut json = false;
    let mut fold = None;
    let mut one_by_one = false;
    let mut write_assignments = None;
    let mut overrides =
        serde_json::to_value(ClusterOptions::default()).map_err(|e| e.to_string())?;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--articles" => articles = arguments.next(),
            "--gold" => gold = arguments.next(),
            "--json" => json = true,
            "--one-by-one" => one_by_one = true,
            "--write-assignments" => write_assignments = arguments.next(),
            "--fold" => {
                let text = arguments.next().ok_or("--fold needs K/N")?;
                let (k, n) = text.split_once('/').ok_or("--fold needs K/N")?;
                let k: u64 = k.parse().map_err(|_| "bad fold")?;
                let n: u64 = n.parse().map_err(|_| "bad fold")?;
                if n == 0 || k >= n {
                    return Err("--fold K/N needs K < N".into());
                }
                fold = Some((k, n));
            }
            "--set" => {
                let text = arguments.next().ok_or("--set needs option=value")?;
                let (name, value) = text.split_once('=').ok_or("--set needs option=value")?;
                let value: serde_json::Value =
                    serde_json::from_str(value).map_err(|e| format!("--set {name}: {e}"))?;
                let slot = overrides
                    .get_mut(name)
                    .ok_or_else(|| format!("no option named {name}"))?;
                *slot = value;
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let options: ClusterOptions = serde_json::from_value(overrides).map_err(|e| e.to_string())?;
    Ok(Arguments {
        articles: articles.ok_or("--articles is required")?,
        gold: gold.ok_or("--gold is required")?,
        json,
        fold,
        one_by_one,
        write_assignments,
        options,
    })
}

fn assignment(clustering: &Clustering) -> HashMap<String, String> {
    clustering
        .events
        .iter()
        .flat_map(|event| {
            event
                .articles
                .iter()
                .map(|a| (a.to_string(), event.id.clone()))
        })
        .collect()
}

fn main() -> ExitCode {
    let arguments = match parse_arguments() {
        Ok(arguments) => arguments,
        Err(message) => {
            eprintln!("eval-clusters: {message}");
            return ExitCode::from(2);
        }
    };
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let (jsonl, gold_text) = match (read(&arguments.articles), read(&arguments.gold)) {
        (Ok(a), Ok(g)) => (a, g),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("eval-clusters: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut articles, datasets) = match articles_from_jsonl(&jsonl) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("eval-clusters: {}: {e}", arguments.articles);
            return ExitCode::FAILURE;
        }
    };
    let mut gold = gold_from_tsv(&gold_text);
    if let Some((k, n)) = arguments.fold {
        gold.retain(|_, event| xxhash_rust::xxh3::xxh3_64(event.as_bytes()) % n == k);
        articles.retain(|a| gold.contains_key(a.id.as_str()));
    }
    let started = Instant::now();
    let clustering = cluster(&articles, &arguments.options);
    let seconds = started.elapsed().as_secs_f64();
    let predicted = assignment(&clustering);
    let report: EvalReport = eval::evaluate(&gold, &predicted, &datasets);
    let rate = articles.len() as f64 / seconds.max(1e-9);
    if let Some(path) = &arguments.write_assignments {
        let mut lines: Vec<String> = predicted
            .iter()
            .map(|(id, event)| format!("{id}\t{event}\n"))
            .collect();
        lines.sort();
        if let Err(e) = std::fs::write(path, lines.concat()) {
            eprintln!("eval-clusters: {path}: {e}");
            return ExitCode::FAILURE;
        }
    }

    let mut agreement = None;
    if arguments.one_by_one {
        let mut ordered: Vec<&Article> = articles.iter().collect();
        ordered.sort_by(|a, b| {
            (a.published.map(|p| p.date()), &a.id).cmp(&(b.published.map(|p| p.date()), &b.id))
        });
        let started = Instant::now();
        let mut clusterer = Clusterer::new(arguments.options.clone());
        for article in ordered {
            clusterer.add(std::slice::from_ref(article));
        }
        let incremental = assignment(&clusterer.clustering());
        let one_by_one_seconds = started.elapsed().as_secs_f64();
        // Batch taken as the reference: how far does one-by-one agree with it?
        let versus = eval::evaluate(&predicted, &incremental, &HashMap::new());
        let incremental_report = eval::evaluate(&gold, &incremental, &datasets);
        agreement = Some((
            versus.overall,
            incremental_report.overall,
            one_by_one_seconds,
        ));
    }

    if arguments.json {
        let value = serde_json::json!({
            "report": report,
            "articles": articles.len(),
            "events": clustering.events.len(),
            "stories": clustering.stories.len(),
            "seconds": seconds,
            "articles_per_second": rate,
            "one_by_one": agreement.as_ref().map(|(versus, gold, secs)| serde_json::json!({
                "agreement_with_batch": versus, "against_gold": gold, "seconds": secs })),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        print!("{report}");
        println!(
            "{} articles, {} events, {} stories in {:.3} s: {:.0} articles/s",
            articles.len(),
            clustering.events.len(),
            clustering.stories.len(),
            seconds,
            rate
        );
        if let Some((versus, against_gold, secs)) = agreement {
            println!(
                "one-by-one vs batch: pairwise F1 {:.4}, BCubed F1 {:.4}; one-by-one vs gold: pairwise F1 {:.3}, BCubed F1 {:.3} ({:.3} s)",
                versus.pairwise_f1,
                versus.bcubed_f1,
                against_gold.pairwise_f1,
                against_gold.bcubed_f1,
                secs
            );
        }
    }
    ExitCode::SUCCESS
}
