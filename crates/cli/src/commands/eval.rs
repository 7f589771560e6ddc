//! `corroborate eval clusters`: score clustering against gold events.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Context;
use corroborate_cluster::ClusterOptions;
use serde::Serialize;

use super::Status;
use super::cluster::{assignments, read_articles};
use crate::cli::{Cli, EvalClustersArgs, InputArgs};

#[derive(Serialize)]
struct EvalOutput {
    #[serde(flatten)]
    report: corroborate_cluster::eval::EvalReport,
    articles: usize,
    read_seconds: f64,
    cluster_seconds: f64,
    articles_per_second: f64,
}

pub fn clusters(cli: &Cli, args: &EvalClustersArgs) -> anyhow::Result<Status> {
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold = corroborate_cluster::input::gold_from_tsv(&gold_text);
    let jsonl = std::fs::read_to_string(&args.articles)
        .with_context(|| format!("cannot read {}", args.articles.display()))?;
    let (_, datasets) = corroborate_cluster::input::articles_from_jsonl(&jsonl)
        .map_err(|reason| anyhow::anyhow!("{}: {reason}", args.articles.display()))?;

    // The articles go through the same reading and cleaning as every other input, so the
    // score is the one users get from `corroborate cluster`.
    let started = Instant::now();
    let input = InputArgs::local(vec![args.articles.display().to_string()]);
    let (articles, failures) = read_articles(&input, cli.quiet)?;
    let read_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let clustering = corroborate_cluster::cluster(&articles, &ClusterOptions::default());
    let cluster_seconds = started.elapsed().as_secs_f64();

    let predicted: HashMap<String, String> = assignments(&clustering)
        .into_iter()
        .map(|(id, (event, _))| (id.to_string(), event.to_string()))
        .collect();
    let report = corroborate_cluster::eval::evaluate(&gold, &predicted, &datasets);
    let output = EvalOutput {
        report,
        articles: articles.len(),
        read_seconds,
        cluster_seconds,
        articles_per_second: articles.len() as f64 / cluster_seconds.max(1e-9),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&output)?);
    } else {
        println!("{}", output.report);
        println!(
            "{} articles · read and cleaned in {:.2} s · clustered in {:.2} s ({:.0} articles/s)",
            output.articles,
            output.read_seconds,
            output.cluster_seconds,
            output.articles_per_second
        );
    }
    Ok(Status::from_failures(failures))
}
