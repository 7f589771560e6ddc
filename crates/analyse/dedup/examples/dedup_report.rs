//! Runs `find_derivations` on a folder of `.txt` articles (file stem = id) or a JSONL file
//! (`id`, `text`, optional `date`), prints every derivation with its aligned sentences and
//! additions, and the time taken.
//!
//! ```text
//! cargo run --release -p corroborate-dedup --example dedup_report -- PATH [--quiet] [--load-only]
//! ```
//!
//! `--load-only` reads the input and stops: its CPU time, subtracted from a full run's, gives
//! the CPU time of the analysis alone on a busy machine.

use std::error::Error;
use std::time::Instant;

use corroborate_dedup::{DedupOptions, find_derivations};
use corroborate_model::{Article, ArticleId, Published};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: dedup_report PATH [--quiet]")?;
    let flags: Vec<String> = args.collect();
    let quiet = flags.iter().any(|arg| arg == "--quiet");
    let articles = load(&path)?;
    if flags.iter().any(|arg| arg == "--load-only") {
        println!("{} articles loaded", articles.len());
        return Ok(());
    }
    let started = Instant::now();
    let found = find_derivations(&articles, &DedupOptions::default());
    let elapsed = started.elapsed();
    let sentences = |id: &ArticleId| -> Vec<String> {
        articles
            .iter()
            .find(|a| &a.id == id)
            .map(|a| sentence_list(&a.text))
            .unwrap_or_default()
    };
    for derivation in &found {
        println!(
            "{} <- {}  {:?} similarity {:.3} direction {:?} aligned {} added {}",
            derivation.copy,
            derivation.original,
            derivation.relation,
            derivation.similarity,
            derivation.direction_evidence,
            derivation.aligned.len(),
            derivation.added.len()
        );
        if quiet {
            continue;
        }
        let (copy, original) = (sentences(&derivation.copy), sentences(&derivation.original));
        for pair in &derivation.aligned {
            println!(
                "  {:.2} | {}",
                pair.score,
                copy.get(pair.copy_sentence).map_or("?", |s| s)
            );
            println!(
                "       | {}",
                original.get(pair.original_sentence).map_or("?", |s| s)
            );
        }
        for sentence in &derivation.added {
            println!("  added: {sentence}");
        }
    }
    let relations = |relation| found.iter().filter(|d| d.relation == relation).count();
    println!(
        "{} articles, {} derivations ({} copy, {} near copy, {} rewrite) in {:.3} s",
        articles.len(),
        found.len(),
        relations(corroborate_dedup::Relation::Copy),
        relations(corroborate_dedup::Relation::NearCopy),
        relations(corroborate_dedup::Relation::Rewrite),
        elapsed.as_secs_f64()
    );
    Ok(())
}

/// The sentence list the derivation indices refer to.
fn sentence_list(text: &str) -> Vec<String> {
    corroborate_dedup::article_sentences(text)
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn load(path: &str) -> Result<Vec<Article>, Box<dyn Error>> {
    let mut articles = Vec::new();
    if std::path::Path::new(path).is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let file = entry.path();
            if file.extension().is_some_and(|e| e == "txt") {
                let id = file
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("")
                    .to_string();
                articles.push(Article::new(
                    ArticleId::new(id),
                    std::fs::read_to_string(&file)?,
                ));
            }
        }
    } else {
        for line in std::fs::read_to_string(path)?.lines() {
            let value: serde_json::Value = serde_json::from_str(line)?;
            let field = |name: &str| value.get(name).and_then(|v| v.as_str()).unwrap_or("");
            let mut article = Article::new(ArticleId::new(field("id")), field("text"));
            article.published = Published::parse(field("date"));
            articles.push(article);
        }
    }
    Ok(articles)
}
