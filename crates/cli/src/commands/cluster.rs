//! `corroborate cluster`: read inputs and print `id<TAB>event_id<TAB>story_id` per article.

use std::collections::HashMap;
use std::io::Write;

use corroborate_cluster::{ClusterOptions, Clustering};
use corroborate_model::Article;

use super::{Status, pipeline_options};
use crate::cli::{Cli, ClusterArgs, InputArgs};
use crate::progress;

pub fn run(cli: &Cli, args: &ClusterArgs) -> anyhow::Result<Status> {
    let (articles, failures) = read_articles(&args.input, cli.quiet)?;
    let clustering = corroborate_cluster::cluster(&articles, &ClusterOptions::default());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&clustering)?)?;
    } else {
        let assignments = assignments(&clustering);
        for article in &articles {
            if let Some((event, story)) = assignments.get(article.id.as_str()) {
                writeln!(out, "{}\t{event}\t{story}", article.id)?;
            }
        }
    }
    out.flush()?;
    Ok(Status::from_failures(failures))
}

/// Article id → (event id, story id).
pub fn assignments(clustering: &Clustering) -> HashMap<&str, (&str, &str)> {
    let story_of = corroborate_cluster::story_of_events(&clustering.stories);
    clustering
        .events
        .iter()
        .flat_map(|event| {
            let story = story_of.get(event.id.as_str()).copied().unwrap_or("-");
            event
                .articles
                .iter()
                .map(move |id| (id.as_str(), (event.id.as_str(), story)))
        })
        .collect()
}

/// Reads and cleans the inputs without storing them; failures are reported on stderr.
pub fn read_articles(input: &InputArgs, quiet: bool) -> anyhow::Result<(Vec<Article>, usize)> {
    let options = pipeline_options(input);
    let bar = progress::inputs_bar(0, quiet);
    bar.set_message("read");
    let mut articles = Vec::new();
    let mut failures = 0;
    corroborate_pipeline::ingest(&input.inputs, &options, |batch| {
        bar.set_length(batch.inputs_total as u64);
        for result in batch.results {
            match result {
                Ok(article) => articles.push(article),
                Err(failure) => {
                    failures += 1;
                    progress::report_line(&bar, &format!("error: {failure}"));
                }
            }
        }
        bar.set_position(batch.inputs_done as u64);
        Ok::<(), anyhow::Error>(())
    })?;
    bar.finish_and_clear();
    Ok((articles, failures))
}
