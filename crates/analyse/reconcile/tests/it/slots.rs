//! Conflicts only between statements of one slot, on excerpts of real reports (an earthquake
//! toll, sports figures, datelines, a quote with its speaker's apposition), and the cap on
//! articles aligned all against all.

use std::path::{Path, PathBuf};

use corroborate_dedup::{DedupOptions, find_derivations};
use corroborate_model::{Article, ArticleId, Published};
use corroborate_reconcile::{Brief, FactStatus, ReconcileOptions, reconcile};
use corroborate_text::clean_text;

fn read_fixture(name: &str) -> Vec<Article> {
    let folder: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let id = path.file_stem().and_then(|s| s.to_str()).expect("stem");
            let cleaned = clean_text(&std::fs::read_to_string(path).expect("text"), None);
            let mut article = Article::new(ArticleId::new(id), cleaned.text);
            article.published = Published::parse("2025-06-02");
            article
        })
        .collect()
}

fn brief_with(articles: &[Article], options: &ReconcileOptions) -> Brief {
    let derivations = find_derivations(articles, &DedupOptions::default());
    reconcile(articles, &derivations, options)
}

fn brief_of(name: &str) -> Brief {
    brief_with(&read_fixture(name), &ReconcileOptions::default())
}

#[test]
fn two_death_tolls_for_one_quake_still_conflict() {
    let brief = brief_of("qeshm");
    let conflict = brief
        .conflicts
        .iter()
        .find(|c| c.slot == "count of people")
        .unwrap_or_else(|| panic!("no toll conflict: {:#?}", brief.conflicts));
    let values: Vec<&str> = conflict.values.iter().map(|(_, v)| v.as_str()).collect();
    assert!(values.contains(&"10 people"), "{values:?}");
    assert!(values.contains(&"three people"), "{values:?}");
}

#[test]
fn a_figure_the_other_report_also_states_is_no_conflict() {
    // "58 wins and three defeats" and "58 - 3 with 51 wins by knockout": the second report
    // states 58 too, so its 51 counts something else. Different players' yards likewise.
    let brief = brief_of("football");
    assert!(brief.conflicts.is_empty(), "{:#?}", brief.conflicts);
    let record = brief
        .facts
        .iter()
        .find(|f| f.statement.contains("58 wins"))
        .expect("the record fact");
    assert_eq!(record.status, FactStatus::Corroborated);
    assert_eq!(record.sources.len(), 2);
}

#[test]
fn datelines_are_not_claims() {
    let brief = brief_of("dateline");
    assert!(
        brief
            .facts
            .iter()
            .all(|f| !f.statement.contains("Last updated")),
        "{:#?}",
        brief.facts
    );
    assert!(brief.conflicts.is_empty(), "{:#?}", brief.conflicts);
}

#[test]
fn a_quote_given_to_a_person_and_to_their_organisation_is_no_conflict() {
    let brief = brief_of("elephants");
    assert!(
        brief
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Tanya Sanerib")),
        "{:#?}",
        brief.quotes
    );
    assert!(brief.conflicts.is_empty(), "{:#?}", brief.conflicts);
}

#[test]
fn peripheral_articles_are_matched_only_against_central_ones() {
    let articles = read_fixture("qeshm");
    let default = brief_with(&articles, &ReconcileOptions::default());
    // One central article: the other is still matched against it, so nothing changes.
    let one = brief_with(
        &articles,
        &ReconcileOptions {
            max_aligned_articles: 1,
            ..ReconcileOptions::default()
        },
    );
    assert_eq!(one, default);
    // No central article: peripheral articles are never paired with each other.
    let none = brief_with(
        &articles,
        &ReconcileOptions {
            max_aligned_articles: 0,
            ..ReconcileOptions::default()
        },
    );
    assert!(none.facts.iter().all(|f| f.sources.len() == 1));
    assert!(default.facts.iter().any(|f| f.sources.len() == 2));
}

#[test]
fn options_without_the_new_limits_deserialise_with_their_defaults() {
    let old = r#"{"min_claim_words":6,"max_sentence_bytes":1500,"max_sentences_per_article":400,
        "link_threshold":0.45,"related_threshold":0.2,"summary_sentences":5,"max_participants":8}"#;
    let options: ReconcileOptions = serde_json::from_str(old).expect("old options");
    assert_eq!(options, ReconcileOptions::default());
}

#[test]
fn differently_qualified_things_are_different_slots() {
    // "3 machine guns" and "12 AK 47 guns", "7 AK-47 rifles" and "three rifles": the words
    // between a figure and its noun name different weapons.
    let brief = brief_of("arms");
    assert!(brief.conflicts.is_empty(), "{:#?}", brief.conflicts);
    let statements: Vec<&str> = brief.facts.iter().map(|f| f.statement.as_str()).collect();
    assert!(
        statements.iter().any(|s| s.contains("12 AK 47 guns")),
        "{statements:?}"
    );
}
