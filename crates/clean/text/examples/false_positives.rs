//! How much real article text does `clean_text` wrongly remove? Runs it over human-checked
//! clean article bodies from an extraction benchmark (so every removal that is not a repeated
//! title is suspect) and reports the share of words removed, by reason, with samples.
//!
//! Usage: `cargo run --release -p corroborate-text --example false_positives [GROUND_TRUTH]`
//! where GROUND_TRUTH is a WCXB ground-truth directory (default
//! `../shared/data/extraction/wcxb-dev/ground-truth`, relative to the workspace root) or the
//! Zyte benchmark's `ground-truth.json`.

use std::collections::BTreeMap;

use corroborate_text::clean_text;

/// A page's name, clean body and title (when the benchmark gives one).
type Page = (String, String, Option<String>);

fn load(location: &str) -> Result<Vec<Page>, Box<dyn std::error::Error>> {
    let mut pages = Vec::new();
    if std::path::Path::new(location).is_file() {
        // Zyte: {id: {"articleBody": ..., "url": ...}}.
        let records: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(location)?)?;
        for (id, record) in records.as_object().into_iter().flatten() {
            if let Some(body) = record["articleBody"].as_str() {
                pages.push((id.clone(), body.to_owned(), None));
            }
        }
        return Ok(pages);
    }
    // WCXB: one JSON file per page with ground_truth.main_content and ground_truth.title.
    let mut paths: Vec<_> = std::fs::read_dir(location)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let truth = &record["ground_truth"];
        if let Some(content) = truth["main_content"].as_str() {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            pages.push((
                name,
                content.to_owned(),
                truth["title"].as_str().map(str::to_owned),
            ));
        }
    }
    Ok(pages)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let location = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../../shared/data/extraction/wcxb-dev/ground-truth"
        )
        .to_owned()
    });
    let pages = load(&location)?;
    let (mut total_words, mut removed_words) = (0usize, 0usize);
    let mut by_reason: BTreeMap<&'static str, (usize, Vec<String>)> = BTreeMap::new();
    for (name, content, title) in &pages {
        total_words += content.split_whitespace().count();
        let cleaned = clean_text(content, title.as_deref());
        for line in cleaned.removed {
            let words = line.text.split_whitespace().count();
            removed_words += words;
            let entry = by_reason.entry(line.reason.as_str()).or_default();
            entry.0 += words;
            if entry.1.len() < 25 {
                entry.1.push(format!(
                    "{name}: {}",
                    line.text.chars().take(110).collect::<String>()
                ));
            }
        }
    }
    let percent = |words: usize| 100.0 * words as f64 / total_words.max(1) as f64;
    println!(
        "{} pages, {total_words} words, {removed_words} removed ({:.2}%)",
        pages.len(),
        percent(removed_words)
    );
    for (reason, (words, samples)) in by_reason {
        println!("\n{reason}: {words} words ({:.2}%)", percent(words));
        for sample in samples {
            println!("  {sample}");
        }
    }
    Ok(())
}
