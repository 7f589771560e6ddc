//! How much real article text does `clean_text` wrongly remove? Runs it over the human-checked
//! main content of the WCXB benchmark (clean article bodies, so every removal that is not a
//! repeated title is suspect) and reports the share of words removed, by reason, with samples.
//!
//! Usage: `cargo run --release -p corroborate-text --example false_positives [GROUND_TRUTH_DIR]`
//! (default `../shared/data/extraction/wcxb-dev/ground-truth`, relative to the workspace root).

use std::collections::BTreeMap;

use corroborate_text::clean_text;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../../shared/data/extraction/wcxb-dev/ground-truth"
        )
        .to_owned()
    });
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let (mut pages, mut total_words, mut removed_words) = (0usize, 0usize, 0usize);
    let mut by_reason: BTreeMap<&'static str, (usize, Vec<String>)> = BTreeMap::new();
    for path in paths {
        let record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let truth = &record["ground_truth"];
        let Some(content) = truth["main_content"].as_str() else {
            continue;
        };
        let title = truth["title"].as_str();
        pages += 1;
        total_words += content.split_whitespace().count();
        let cleaned = clean_text(content, title);
        for line in cleaned.removed {
            let words = line.text.split_whitespace().count();
            removed_words += words;
            let entry = by_reason.entry(line.reason.as_str()).or_default();
            entry.0 += words;
            if entry.1.len() < 25 {
                entry.1.push(format!(
                    "{}: {}",
                    path.file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                    line.text.chars().take(110).collect::<String>()
                ));
            }
        }
    }
    println!(
        "{pages} pages, {total_words} words, {removed_words} removed ({:.2}%)",
        100.0 * removed_words as f64 / total_words.max(1) as f64
    );
    for (reason, (words, samples)) in by_reason {
        println!(
            "\n{reason}: {words} words ({:.2}%)",
            100.0 * words as f64 / total_words.max(1) as f64
        );
        for sample in samples {
            println!("  {sample}");
        }
    }
    Ok(())
}
