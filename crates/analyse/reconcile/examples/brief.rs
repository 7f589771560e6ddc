//! Prints the reconciled brief of a directory of `.txt` articles (one event), to eyeball.
//!
//! `cargo run -p corroborate-reconcile --example brief -- DIR [YYYY-MM-DD] [--json]`
//! The optional date is taken as every article's publication day.

use std::path::PathBuf;

use corroborate_dedup::{DedupOptions, find_derivations};
use corroborate_model::{Article, ArticleId, Published};
use corroborate_reconcile::{ReconcileOptions, reconcile};
use corroborate_text::clean_text;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = args.first() else {
        return Err("usage: brief DIR [YYYY-MM-DD] [--json]".into());
    };
    let published = args.iter().skip(1).find_map(|a| Published::parse(a));
    let json = args.iter().any(|a| a == "--json");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for path in &paths {
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("article");
        let cleaned = clean_text(&std::fs::read_to_string(path)?, None);
        let mut article = Article::new(ArticleId::new(id), cleaned.text);
        article.title = cleaned.title;
        article.source = cleaned.source;
        article.published = published;
        articles.push(article);
    }
    let derivations = find_derivations(&articles, &DedupOptions::default());
    let brief = reconcile(&articles, &derivations, &ReconcileOptions::default());
    if json {
        println!("{}", serde_json::to_string_pretty(&brief)?);
        return Ok(());
    }
    for derivation in &derivations {
        println!(
            "derivation: {} from {} ({:?})",
            derivation.copy, derivation.original, derivation.relation
        );
    }
    println!("date: {:?}  place: {:?}", brief.date, brief.place);
    println!("participants: {}", brief.participants.join(", "));
    println!("\nSUMMARY");
    for sentence in &brief.summary {
        let sources: Vec<&str> = sentence.sources.iter().map(ArticleId::as_str).collect();
        println!("- {} [{}]", sentence.text, sources.join(", "));
    }
    println!("\nFACTS");
    for fact in &brief.facts {
        let sources: Vec<&str> = fact.sources.iter().map(ArticleId::as_str).collect();
        println!(
            "{} {:?} x{} [{}] {}",
            fact.id,
            fact.status,
            fact.independent_sources,
            sources.join(", "),
            fact.statement
        );
        for evidence in fact.evidence.iter().skip(1) {
            println!(
                "    also {}#{}: {}",
                evidence.article, evidence.sentence_index, evidence.sentence
            );
        }
        for note in &fact.notes {
            println!("    note: {note}");
        }
    }
    println!("\nCONFLICTS");
    for conflict in &brief.conflicts {
        println!(
            "{}: {} {:?} {:?}",
            conflict.slot, conflict.explanation, conflict.values, conflict.facts
        );
    }
    println!("\nENTITIES");
    for entity in &brief.entities {
        println!(
            "{} {} ({}) x{} {:?} {:?}",
            entity.id, entity.name, entity.kind, entity.mentions, entity.variants, entity.roles
        );
    }
    println!("\nQUOTES");
    for quote in &brief.quotes {
        println!(
            "{} {:?} fragment={} \"{}\"",
            quote.article, quote.speaker, quote.fragment, quote.text
        );
    }
    Ok(())
}
