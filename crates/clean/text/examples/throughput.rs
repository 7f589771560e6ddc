//! Measures the throughput of `normalise`, `clean_text`, `sentences` and `detect_language`.
//!
//! Usage: `cargo run --release -p corroborate-text --example throughput [FILE...]`
//! (default: the example corpus). The texts are concatenated and repeated to about 8 MB.

use std::time::Instant;

use corroborate_text::{clean_text, detect_language, normalise, sentences};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../examples/istanbul-talks-2025"
        );
        for entry in std::fs::read_dir(dir)? {
            paths.push(entry?.path().display().to_string());
        }
        paths.sort();
    }
    let mut documents = Vec::new();
    for path in &paths {
        documents.push(std::fs::read_to_string(path)?);
    }
    let corpus_bytes: usize = documents.iter().map(String::len).sum();
    if corpus_bytes == 0 {
        return Err("no text to measure".into());
    }
    let repeats = (8_000_000 / corpus_bytes).max(1);
    let total = corpus_bytes * repeats;
    println!(
        "{} documents, {corpus_bytes} bytes, repeated {repeats}x = {:.1} MB",
        documents.len(),
        total as f64 / 1e6
    );

    let measure = |name: &str, work: &dyn Fn(&str) -> usize| {
        let started = Instant::now();
        let mut checksum = 0;
        for _ in 0..repeats {
            for document in &documents {
                checksum += work(document);
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{name:<16} {:>8.1} MB/s  ({seconds:.3} s, checksum {checksum})",
            total as f64 / 1e6 / seconds
        );
    };
    measure("normalise", &|text| normalise(text).len());
    measure("clean_text", &|text| clean_text(text, None).text.len());
    measure("sentences", &|text| sentences(text).len());
    measure("detect_language", &|text| {
        detect_language(text).map_or(0, |code| code.len())
    });
    Ok(())
}
