//! Reads the inputs named on the command line and prints what came out: documents per
//! format, errors (one line each, to stderr) and the time taken. Network access is off
//! unless `--fetch` is given first, so a stray URL argument cannot surprise anyone.
//!
//! ```text
//! cargo run -p corroborate-sources --example ingest -- path/to/folder '*.jsonl' -
//! ```

use std::collections::BTreeMap;
use std::time::Instant;

use corroborate_model::Body;
use corroborate_sources::{Fetcher, Input, SourceOptions, expand_inputs, read_input};

fn main() {
    let mut arguments: Vec<String> = std::env::args().skip(1).collect();
    let allow_network = arguments.first().is_some_and(|first| first == "--fetch");
    if allow_network {
        arguments.remove(0);
    }
    let options = SourceOptions::default();
    let mut fetcher = match Fetcher::new(options.fetch.clone()) {
        Ok(fetcher) => fetcher,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let mut per_format: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors = 0usize;
    let mut bytes = 0usize;
    for input in expand_inputs(&arguments) {
        let input = match input {
            Ok(Input::Url(url)) if !allow_network => {
                eprintln!("{url}: skipped (give --fetch to allow network access)");
                continue;
            }
            Ok(input) => input,
            Err(error) => {
                eprintln!("{error}");
                errors += 1;
                continue;
            }
        };
        for document in read_input(&input, &options, &mut fetcher) {
            match document {
                Ok(document) => {
                    bytes += match &document.body {
                        Body::Text(text) | Body::Html(text) => text.len(),
                    };
                    *per_format
                        .entry(format!("{:?}", document.format))
                        .or_default() += 1;
                }
                Err(error) => {
                    eprintln!("{error}");
                    errors += 1;
                }
            }
        }
    }
    let elapsed = started.elapsed();
    let documents: usize = per_format.values().sum();
    println!("documents: {documents} {per_format:?}");
    println!("errors: {errors}");
    println!("decoded bytes: {bytes}");
    println!(
        "elapsed: {:.3} s ({:.0} documents/s)",
        elapsed.as_secs_f64(),
        documents as f64 / elapsed.as_secs_f64().max(1e-9)
    );
}
