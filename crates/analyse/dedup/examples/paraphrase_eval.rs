//! Fits and checks the paraphrase model behind `sentence_similarity` on the MSR paraphrase
//! corpus, side by side with the token-Jaccard baseline.
//!
//! ```text
//! cargo run --release -p corroborate-dedup --example paraphrase_eval [-- PATH]
//! ```
//!
//! PATH defaults to `../shared/data/paraphrase/msr_paraphrase_train.txt` beside the repository
//! (tab-separated `Quality, #1 ID, #2 ID, #1 String, #2 String`). One pair in five (chosen by
//! a hash of the two ids, so stable) is held out. On the other four fifths: five-fold
//! cross-validation gives out-of-fold scores, from which the accuracy-optimal threshold is
//! picked, for the model and for the baseline alike; then the model is refitted on all of the
//! training part (the coefficients printed are the ones to paste into `similarity.rs`). The
//! held-out fifth is scored once, with the thresholds picked on the training part, for the
//! refitted model, the shipped `sentence_similarity` and the baseline.

use std::collections::HashSet;
use std::error::Error;

use corroborate_dedup::{FEATURE_COUNT, sentence_similarity, similarity_features};
use xxhash_rust::xxh3::xxh3_64;

struct Example {
    paraphrase: bool,
    first: String,
    second: String,
    features: [f64; FEATURE_COUNT],
    jaccard: f64,
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        format!(
            "{}/../../../../shared/data/paraphrase/msr_paraphrase_train.txt",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let content = std::fs::read_to_string(&path)?;
    let mut training = Vec::new();
    let mut held_out = Vec::new();
    for line in content.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [quality, first_id, second_id, first, second] = fields[..] else {
            continue;
        };
        let example = Example {
            paraphrase: quality.trim_start_matches('\u{feff}') == "1",
            first: first.to_string(),
            second: second.to_string(),
            features: similarity_features(first, second),
            jaccard: token_jaccard(first, second),
        };
        if xxh3_64(format!("{first_id}-{second_id}").as_bytes()) % 5 == 0 {
            held_out.push(example);
        } else {
            training.push(example);
        }
    }
    println!(
        "pairs: {} training, {} held out",
        training.len(),
        held_out.len()
    );

    // Out-of-fold scores over the training part.
    let folds = 5;
    let mut model_scores = vec![0.0; training.len()];
    for fold in 0..folds {
        let fit_on: Vec<&Example> = training
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, e)| e)
            .collect();
        let weights = fit(&fit_on);
        for (index, example) in training.iter().enumerate() {
            if index % folds == fold {
                model_scores[index] = predict(&weights, &example.features);
            }
        }
    }
    let labels: Vec<bool> = training.iter().map(|e| e.paraphrase).collect();
    let model_threshold = best_threshold(&model_scores, &labels);
    let jaccard_scores: Vec<f64> = training.iter().map(|e| e.jaccard).collect();
    let jaccard_threshold = best_threshold(&jaccard_scores, &labels);
    let (accuracy, f1) = evaluate(&model_scores, &labels, model_threshold);
    println!(
        "cross-validated model   : threshold {model_threshold:.2}  accuracy {accuracy:.3}  F1 {f1:.3}"
    );
    let (accuracy, f1) = evaluate(&jaccard_scores, &labels, jaccard_threshold);
    println!(
        "cross-validated Jaccard : threshold {jaccard_threshold:.2}  accuracy {accuracy:.3}  F1 {f1:.3}"
    );

    let all_training: Vec<&Example> = training.iter().collect();
    let weights = fit(&all_training);
    println!("model (bias, weights) fitted on the training part: {weights:.3?}");

    let held_labels: Vec<bool> = held_out.iter().map(|e| e.paraphrase).collect();
    let held_model: Vec<f64> = held_out
        .iter()
        .map(|e| predict(&weights, &e.features))
        .collect();
    let held_shipped: Vec<f64> = held_out
        .iter()
        .map(|e| sentence_similarity(&e.first, &e.second))
        .collect();
    let held_jaccard: Vec<f64> = held_out.iter().map(|e| e.jaccard).collect();
    let majority = held_labels.iter().filter(|&&l| l).count() as f64 / held_labels.len() as f64;
    println!("held out, majority class accuracy {majority:.3}");
    for (name, scores, threshold) in [
        ("refitted model", &held_model, model_threshold),
        (
            "shipped sentence_similarity",
            &held_shipped,
            model_threshold,
        ),
        ("token Jaccard (picked)", &held_jaccard, jaccard_threshold),
        ("token Jaccard (0.37)", &held_jaccard, 0.37),
    ] {
        let (accuracy, f1) = evaluate(scores, &held_labels, threshold);
        println!(
            "held out, {name:<28}: threshold {threshold:.2}  accuracy {accuracy:.3}  F1 {f1:.3}"
        );
    }
    let all_labels: Vec<bool> = training
        .iter()
        .chain(&held_out)
        .map(|e| e.paraphrase)
        .collect();
    let all_shipped: Vec<f64> = training
        .iter()
        .chain(&held_out)
        .map(|e| sentence_similarity(&e.first, &e.second))
        .collect();
    let all_jaccard: Vec<f64> = training
        .iter()
        .chain(&held_out)
        .map(|e| e.jaccard)
        .collect();
    let (accuracy, f1) = evaluate(&all_shipped, &all_labels, model_threshold);
    println!(
        "whole file, shipped sentence_similarity >= {model_threshold:.2}: accuracy {accuracy:.3}  F1 {f1:.3}"
    );
    let (accuracy, f1) = evaluate(&all_jaccard, &all_labels, 0.37);
    println!("whole file, token Jaccard >= 0.37            : accuracy {accuracy:.3}  F1 {f1:.3}");
    Ok(())
}

/// Jaccard index of the lowercased `\w+` token sets.
fn token_jaccard(a: &str, b: &str) -> f64 {
    let tokens = |text: &str| -> HashSet<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (tokens(a), tokens(b));
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
    }
}

/// Logistic regression fitted by Newton's method (iteratively reweighted least squares)
/// with a little ridge regularisation; returns the bias followed by the feature weights.
fn fit(examples: &[&Example]) -> Vec<f64> {
    let size = FEATURE_COUNT + 1;
    let ridge = 1e-3;
    let mut weights = vec![0.0; size];
    for _ in 0..30 {
        let mut gradient = vec![0.0; size];
        let mut hessian = vec![vec![0.0; size]; size];
        for example in examples {
            let row: Vec<f64> = std::iter::once(1.0).chain(example.features).collect();
            let p = predict(&weights, &example.features);
            let error = p - f64::from(u8::from(example.paraphrase));
            let curvature = (p * (1.0 - p)).max(1e-9);
            for i in 0..size {
                gradient[i] += error * row[i];
                for j in 0..size {
                    hessian[i][j] += curvature * row[i] * row[j];
                }
            }
        }
        for i in 1..size {
            gradient[i] += ridge * weights[i];
            hessian[i][i] += ridge;
        }
        let step = solve(hessian, gradient);
        for (weight, delta) in weights.iter_mut().zip(&step) {
            *weight -= delta;
        }
    }
    weights
}

/// Solves `matrix * x = vector` by Gaussian elimination with partial pivoting.
fn solve(mut matrix: Vec<Vec<f64>>, mut vector: Vec<f64>) -> Vec<f64> {
    let size = vector.len();
    for column in 0..size {
        let pivot = (column..size)
            .max_by(|&a, &b| matrix[a][column].abs().total_cmp(&matrix[b][column].abs()))
            .unwrap_or(column);
        matrix.swap(column, pivot);
        vector.swap(column, pivot);
        let diagonal = matrix[column][column];
        if diagonal.abs() < 1e-12 {
            continue;
        }
        let pivot_row = matrix[column].clone();
        for row in column + 1..size {
            let factor = matrix[row][column] / diagonal;
            for (cell, pivot_cell) in matrix[row].iter_mut().zip(&pivot_row).skip(column) {
                *cell -= factor * pivot_cell;
            }
            vector[row] -= factor * vector[column];
        }
    }
    let mut solution = vec![0.0; size];
    for row in (0..size).rev() {
        let known: f64 = (row + 1..size).map(|k| matrix[row][k] * solution[k]).sum();
        let diagonal = matrix[row][row];
        solution[row] = if diagonal.abs() < 1e-12 {
            0.0
        } else {
            (vector[row] - known) / diagonal
        };
    }
    solution
}

fn predict(weights: &[f64], features: &[f64; FEATURE_COUNT]) -> f64 {
    let linear = weights[0]
        + weights[1..]
            .iter()
            .zip(features)
            .map(|(w, f)| w * f)
            .sum::<f64>();
    1.0 / (1.0 + (-linear).exp())
}

/// The threshold (on a 0.01 grid) with the best accuracy.
fn best_threshold(scores: &[f64], labels: &[bool]) -> f64 {
    (1..100)
        .map(|step| f64::from(step) / 100.0)
        .max_by(|&a, &b| {
            evaluate(scores, labels, a)
                .0
                .total_cmp(&evaluate(scores, labels, b).0)
        })
        .unwrap_or(0.5)
}

/// Accuracy and F1 of `score >= threshold` as the paraphrase prediction.
fn evaluate(scores: &[f64], labels: &[bool], threshold: f64) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_, mut correct) = (0.0, 0.0, 0.0, 0.0);
    for (&score, &label) in scores.iter().zip(labels) {
        let predicted = score >= threshold;
        match (predicted, label) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            (false, false) => {}
        }
        if predicted == label {
            correct += 1.0;
        }
    }
    let f1 = if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    };
    (correct / labels.len().max(1) as f64, f1)
}
