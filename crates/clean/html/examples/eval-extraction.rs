//! Scores main-text and metadata extraction on the Zyte and WCXB benchmarks.
//!
//! ```text
//! cargo run --release -p corroborate-html --example eval-extraction -- DATA_DIR [--json]
//!     [--only zyte|wcxb] [--limit N] [--worst N] [--engine ours|pipeline|rs-trafilatura] [--dump PAGES.jsonl] [--repeat N]
//! ```
//!
//! `DATA_DIR` holds `zyte/` (`html/<id>.html.gz`, `ground-truth.json`) and `wcxb-dev/`
//! (`html/<id>.html.gz`, `ground-truth/<id>.json`). Metrics:
//! - Zyte: `\w+` tokens (case kept), multisets of overlapping 4-token shingles; per-page
//!   precision and recall averaged over pages, F1 of the averages.
//! - WCXB: lowercase `\w+` token multisets; per-page precision, recall and F1, averaged; plus
//!   title, author and publish-date accuracy over the pages whose truth names them.
//!
//! Speed is pages per second of the extraction call alone (reading and decompressing excluded),
//! on one thread; with `--repeat N` the pages are extracted N times and the median pass counts.

use std::collections::HashMap;
use std::error::Error;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use regex::Regex;
use serde_json::{Value, json};

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\w+").unwrap_or_else(|_| unreachable!()));

/// What an engine returned for one page.
#[derive(Default)]
struct Prediction {
    text: String,
    title: Option<String>,
    authors: Vec<String>,
    date: Option<NaiveDate>,
}

/// One benchmark page with its truth.
struct Page {
    id: String,
    url: Option<String>,
    html: String,
    truth_text: String,
    truth_title: Option<String>,
    truth_author: Option<String>,
    truth_date: Option<NaiveDate>,
}

type Engine = fn(&str, Option<&str>) -> Prediction;

fn engine_ours(html: &str, url: Option<&str>) -> Prediction {
    match corroborate_html::extract(html, url, &corroborate_html::HtmlOptions::default()) {
        Ok(page) => Prediction {
            text: page.text,
            title: page.metadata.title,
            authors: page.metadata.authors,
            date: page.metadata.published.map(|published| published.date()),
        },
        Err(_) => Prediction::default(),
    }
}

/// What the pipeline stores for an HTML page: `extract`, then NFC and the plain-text cleaner
/// (share lines, reaction widgets, comment prompts, promos, repeated titles), whose title and
/// byline fill what the page's markup left empty, as in the pipeline.
fn engine_pipeline(html: &str, url: Option<&str>) -> Prediction {
    let mut prediction = engine_ours(html, url);
    let normalised = corroborate_text::normalise(&prediction.text);
    let cleaned = corroborate_text::clean_text(&normalised, prediction.title.as_deref());
    prediction.text = cleaned.text;
    if prediction.title.is_none() {
        prediction.title = cleaned.title;
    }
    if prediction.authors.is_empty() {
        prediction.authors = cleaned.authors;
    }
    prediction
}

fn engine_rs_trafilatura(html: &str, url: Option<&str>) -> Prediction {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_owned),
        ..Default::default()
    };
    match rs_trafilatura::extract_with_options(html, &options) {
        Ok(result) => Prediction {
            text: result.content_text,
            title: result.metadata.title,
            authors: result.metadata.author.into_iter().collect(),
            date: result.metadata.date.map(|date| date.date_naive()),
        },
        Err(_) => Prediction::default(),
    }
}

fn read_gz(path: &Path) -> Result<String, Box<dyn Error>> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(fs::File::open(path)?).read_to_end(&mut bytes)?;
    // The same charset sniffing (meta charset, else UTF-8, lossy) for every engine.
    Ok(rs_trafilatura::encoding::transcode_to_utf8(&bytes))
}

fn text_field(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim().get(..10)?, "%Y-%m-%d").ok()
}

fn load_zyte(dir: &Path, limit: usize) -> Result<Vec<Page>, Box<dyn Error>> {
    let truth: HashMap<String, Value> =
        serde_json::from_str(&fs::read_to_string(dir.join("ground-truth.json"))?)?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Vec::new();
    for id in ids.into_iter().take(limit) {
        let entry = &truth[id];
        pages.push(Page {
            id: id.clone(),
            url: text_field(entry, "url"),
            html: read_gz(&dir.join("html").join(format!("{id}.html.gz")))?,
            truth_text: text_field(entry, "articleBody").unwrap_or_default(),
            truth_title: None,
            truth_author: None,
            truth_date: None,
        });
    }
    Ok(pages)
}

fn load_wcxb(dir: &Path, limit: usize) -> Result<Vec<Page>, Box<dyn Error>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("ground-truth"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut pages = Vec::new();
    for file in files.into_iter().take(limit) {
        let Some(id) = file
            .file_stem()
            .and_then(|stem| stem.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        let record: Value = serde_json::from_str(&fs::read_to_string(&file)?)?;
        let truth = record.get("ground_truth").cloned().unwrap_or(Value::Null);
        pages.push(Page {
            url: text_field(&record, "url"),
            html: read_gz(&dir.join("html").join(format!("{id}.html.gz")))?,
            truth_text: text_field(&truth, "main_content").unwrap_or_default(),
            truth_title: text_field(&truth, "title"),
            truth_author: text_field(&truth, "author"),
            truth_date: text_field(&truth, "publish_date")
                .as_deref()
                .and_then(parse_day),
            id,
        });
    }
    Ok(pages)
}

fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

fn multiset<T: std::hash::Hash + Eq>(items: impl IntoIterator<Item = T>) -> HashMap<T, usize> {
    let mut counts = HashMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
}

fn shared<T: std::hash::Hash + Eq>(left: &HashMap<T, usize>, right: &HashMap<T, usize>) -> usize {
    left.iter()
        .map(|(key, count)| (*count).min(right.get(key).copied().unwrap_or(0)))
        .sum()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words = tokens(text);
    if words.is_empty() {
        return HashMap::new();
    }
    if words.len() < 4 {
        return multiset([words]);
    }
    multiset(words.windows(4).map(<[&str]>::to_vec))
}

/// Zyte per-page (tp, fp, fn) on 4-token shingles.
fn zyte_counts(predicted: &str, truth: &str) -> (usize, usize, usize) {
    let predicted = shingles(predicted);
    let truth = shingles(truth);
    let tp = shared(&predicted, &truth);
    let predicted_total: usize = predicted.values().sum();
    let truth_total: usize = truth.values().sum();
    (tp, predicted_total - tp, truth_total - tp)
}

/// WCXB per-page (precision, recall, F1) on lowercase token multisets.
fn wcxb_scores(predicted: &str, truth: &str) -> (f64, f64, f64) {
    let predicted_lower = predicted.to_lowercase();
    let truth_lower = truth.to_lowercase();
    let predicted = multiset(tokens(&predicted_lower));
    let truth = multiset(tokens(&truth_lower));
    let predicted_total: usize = predicted.values().sum();
    let truth_total: usize = truth.values().sum();
    if predicted_total == 0 && truth_total == 0 {
        return (1.0, 1.0, 1.0);
    }
    if predicted_total == 0 || truth_total == 0 {
        return (0.0, 0.0, 0.0);
    }
    let common = shared(&predicted, &truth) as f64;
    let precision = common / predicted_total as f64;
    let recall = common / truth_total as f64;
    let f1 = if common == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

/// Lowercase word tokens joined by one space: the form titles are compared in.
fn normalised(text: &str) -> String {
    tokens(&text.to_lowercase()).join(" ")
}

/// The set of lowercase name tokens: author lists compare equal whatever their separators.
fn name_tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut names: Vec<String> = tokens(&lower).into_iter().map(str::to_owned).collect();
    names.sort();
    names.dedup();
    names
}

/// Mean of the values, 0 for none.
fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

struct Report {
    name: &'static str,
    pages: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    title_accuracy: Option<f64>,
    author_accuracy: Option<f64>,
    date_accuracy: Option<f64>,
    pages_per_second: f64,
    worst: Vec<(f64, String)>,
}

/// How many timed passes over the pages (`--repeat`); the median pass is reported, so one
/// pass slowed by another process does not decide the figure.
static REPEAT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

fn run_engine(pages: &[Page], engine: Engine) -> (Vec<Prediction>, Duration) {
    let mut passes = Vec::new();
    let mut predictions = Vec::with_capacity(pages.len());
    for pass in 0..*REPEAT.get().unwrap_or(&1) {
        let mut elapsed = Duration::ZERO;
        for page in pages {
            let start = Instant::now();
            let prediction = engine(&page.html, page.url.as_deref());
            elapsed += start.elapsed();
            if pass == 0 {
                predictions.push(prediction);
            }
        }
        passes.push(elapsed);
    }
    passes.sort();
    let median = passes.get(passes.len() / 2).copied().unwrap_or_default();
    (predictions, median)
}

fn pages_per_second(pages: usize, elapsed: Duration) -> f64 {
    pages as f64 / elapsed.as_secs_f64().max(1e-9)
}

fn score_zyte(pages: &[Page], engine: Engine, mut dump: Option<&mut Vec<Value>>) -> Report {
    let (predictions, elapsed) = run_engine(pages, engine);
    let (mut precisions, mut recalls, mut worst) = (Vec::new(), Vec::new(), Vec::new());
    for (page, prediction) in pages.iter().zip(&predictions) {
        let (tp, fp, fn_) = zyte_counts(&prediction.text, &page.truth_text);
        // Pages with nothing on either side count in neither average.
        let precision = (tp + fp > 0).then(|| tp as f64 / (tp + fp) as f64);
        let recall = (tp + fn_ > 0).then(|| tp as f64 / (tp + fn_) as f64);
        if let Some(dump) = dump.as_deref_mut() {
            dump.push(json!({
                "id": page.id, "precision": precision, "recall": recall,
                "text": prediction.text, "truth_text": page.truth_text,
            }));
        }
        precisions.extend(precision);
        recalls.extend(recall);
        worst.push((
            f1(precision.unwrap_or(0.0), recall.unwrap_or(0.0)),
            page.id.clone(),
        ));
    }
    let (precision, recall) = (mean(&precisions), mean(&recalls));
    Report {
        name: "zyte",
        pages: pages.len(),
        precision,
        recall,
        f1: f1(precision, recall),
        title_accuracy: None,
        author_accuracy: None,
        date_accuracy: None,
        pages_per_second: pages_per_second(pages.len(), elapsed),
        worst,
    }
}

fn accuracy(hits: &[bool]) -> Option<f64> {
    (!hits.is_empty()).then(|| hits.iter().filter(|hit| **hit).count() as f64 / hits.len() as f64)
}

fn score_wcxb(pages: &[Page], engine: Engine, mut dump: Option<&mut Vec<Value>>) -> Report {
    let (predictions, elapsed) = run_engine(pages, engine);
    let (mut precisions, mut recalls, mut f1s, mut worst) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut titles, mut authors, mut dates) = (Vec::new(), Vec::new(), Vec::new());
    for (page, prediction) in pages.iter().zip(&predictions) {
        let (precision, recall, page_f1) = wcxb_scores(&prediction.text, &page.truth_text);
        precisions.push(precision);
        recalls.push(recall);
        f1s.push(page_f1);
        worst.push((page_f1, page.id.clone()));
        if let Some(dump) = dump.as_deref_mut() {
            let row = json!({
                "id": page.id, "url": page.url, "f1": page_f1, "text": prediction.text, "precision": precision, "recall": recall,
                "title": prediction.title, "truth_title": page.truth_title,
                "authors": prediction.authors, "truth_author": page.truth_author,
                "date": prediction.date.map(|d| d.to_string()), "truth_date": page.truth_date.map(|d| d.to_string()),
            });
            dump.push(row);
        }
        if let Some(truth) = &page.truth_title {
            titles.push(
                prediction
                    .title
                    .as_deref()
                    .is_some_and(|title| normalised(title) == normalised(truth)),
            );
        }
        if let Some(truth) = &page.truth_author {
            authors.push(name_tokens(&prediction.authors.join(", ")) == name_tokens(truth));
        }
        if let Some(truth) = page.truth_date {
            dates.push(prediction.date == Some(truth));
        }
    }
    Report {
        name: "wcxb-dev",
        pages: pages.len(),
        precision: mean(&precisions),
        recall: mean(&recalls),
        f1: mean(&f1s),
        title_accuracy: accuracy(&titles),
        author_accuracy: accuracy(&authors),
        date_accuracy: accuracy(&dates),
        pages_per_second: pages_per_second(pages.len(), elapsed),
        worst,
    }
}

fn shown(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |value| format!("{value:.3}"))
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut data_dir = None;
    let (mut as_json, mut only, mut limit, mut worst_count) = (false, None, usize::MAX, 0);
    let mut engine_name = "ours".to_owned();
    let mut dump_path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => as_json = true,
            "--only" => only = args.next(),
            "--limit" => {
                limit = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(usize::MAX)
            }
            "--repeat" => {
                let _ = REPEAT.set(args.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1));
            }
            "--worst" => worst_count = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--engine" => engine_name = args.next().unwrap_or_default(),
            "--dump" => dump_path = args.next().map(PathBuf::from),
            _ => data_dir = Some(PathBuf::from(arg)),
        }
    }
    let Some(data_dir) = data_dir else {
        return Err("usage: eval-extraction DATA_DIR [--json] [--only zyte|wcxb] [--limit N] [--worst N] [--engine NAME]".into());
    };
    let engine: Engine = match engine_name.as_str() {
        "ours" => engine_ours,
        "rs-trafilatura" => engine_rs_trafilatura,
        "pipeline" => engine_pipeline,
        other => return Err(format!("unknown engine {other}").into()),
    };
    let mut reports = Vec::new();
    let mut rows = Vec::new();
    if only.as_deref().is_none_or(|name| name == "zyte") {
        let dump = dump_path.is_some().then_some(&mut rows);
        reports.push(score_zyte(
            &load_zyte(&data_dir.join("zyte"), limit)?,
            engine,
            dump,
        ));
    }
    if only.as_deref().is_none_or(|name| name.starts_with("wcxb")) {
        let dump = dump_path.is_some().then_some(&mut rows);
        reports.push(score_wcxb(
            &load_wcxb(&data_dir.join("wcxb-dev"), limit)?,
            engine,
            dump,
        ));
    }
    if let Some(path) = &dump_path {
        let lines: Vec<String> = rows.iter().map(Value::to_string).collect();
        fs::write(path, lines.join("\n"))?;
    }
    if as_json {
        let rows: Vec<Value> = reports
            .iter()
            .map(|r| {
                json!({
                    "benchmark": r.name, "engine": engine_name, "pages": r.pages,
                    "precision": r.precision, "recall": r.recall, "f1": r.f1,
                    "title_accuracy": r.title_accuracy, "author_accuracy": r.author_accuracy,
                    "date_accuracy": r.date_accuracy, "pages_per_second": r.pages_per_second,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    println!("engine: {engine_name}");
    println!(
        "{:<10} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}",
        "benchmark", "pages", "P", "R", "F1", "title", "author", "date", "pages/s"
    );
    for r in &mut reports {
        println!(
            "{:<10} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6} {:>8.1}",
            r.name,
            r.pages,
            r.precision,
            r.recall,
            r.f1,
            shown(r.title_accuracy),
            shown(r.author_accuracy),
            shown(r.date_accuracy),
            r.pages_per_second
        );
        if worst_count > 0 {
            r.worst.sort_by(|a, b| a.0.total_cmp(&b.0));
            let listed: Vec<String> = r
                .worst
                .iter()
                .take(worst_count)
                .map(|(score, id)| format!("{id}:{score:.2}"))
                .collect();
            println!("  worst: {}", listed.join(" "));
        }
    }
    Ok(())
}
