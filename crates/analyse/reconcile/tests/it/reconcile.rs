//! `reconcile` on real text: the example corpus (two independent reports and a rewrite of
//! one of them) and small events on other topics.

use std::path::{Path, PathBuf};

use corroborate_dedup::{DedupOptions, find_derivations};
use corroborate_model::{Article, ArticleId, Published};
use corroborate_reconcile::{
    Brief, Compatibility, Fact, FactStatus, ReconcileOptions, compatible, reconcile,
};
use corroborate_text::clean_text;

fn read_folder(folder: &Path, keep: &[&str]) -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            keep.is_empty() || keep.iter().any(|k| name.starts_with(k))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let id = path.file_stem().and_then(|s| s.to_str()).expect("stem");
            let cleaned = clean_text(&std::fs::read_to_string(path).expect("text"), None);
            let mut article = Article::new(ArticleId::new(id), cleaned.text);
            article.title = cleaned.title;
            article.published = Published::parse("2025-06-02");
            article
        })
        .collect()
}

fn brief_of(articles: &[Article]) -> Brief {
    let derivations = find_derivations(articles, &DedupOptions::default());
    reconcile(articles, &derivations, &ReconcileOptions::default())
}

fn corpus() -> (Vec<Article>, Brief) {
    let folder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../examples/istanbul-talks-2025");
    let articles = read_folder(&folder, &["000_", "002_", "003_"]);
    assert_eq!(articles.len(), 3);
    let brief = brief_of(&articles);
    (articles, brief)
}

fn fixture(name: &str) -> Brief {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    brief_of(&read_folder(&folder, &[]))
}

fn fact_with<'a>(brief: &'a Brief, words: &str) -> &'a Fact {
    brief
        .facts
        .iter()
        .find(|f| f.evidence.iter().any(|e| e.sentence.contains(words)))
        .unwrap_or_else(|| panic!("no fact says {words:?}"))
}

fn source_prefixes(fact: &Fact) -> Vec<&str> {
    fact.sources
        .iter()
        .map(|s| s.as_str().get(..3).unwrap_or(""))
        .collect()
}

#[test]
fn six_thousand_bodies_are_corroborated_by_two_independent_sources() {
    let (_, brief) = corpus();
    let fact = fact_with(&brief, "6,000 bodies");
    assert_eq!(fact.status, FactStatus::Corroborated, "{fact:#?}");
    assert!(source_prefixes(fact).contains(&"002"));
    assert!(source_prefixes(fact).contains(&"003"));
    // 000 rewrites 003: three articles, two independent sources.
    assert_eq!(fact.independent_sources, 2, "{fact:#?}");
    // Statement comes from an original, not the rewrite.
    let statement_source = fact
        .evidence
        .iter()
        .find(|e| e.sentence == fact.statement)
        .map(|e| e.article.as_str().to_string())
        .unwrap_or_default();
    assert!(!statement_source.starts_with("000"), "{statement_source}");
}

#[test]
fn a_rewrite_adds_no_independence() {
    let (_, brief) = corpus();
    let fact = fact_with(&brief, "lasted just over an hour");
    assert_eq!(source_prefixes(fact), vec!["000", "003"]);
    assert_eq!(fact.independent_sources, 1);
    assert_eq!(fact.status, FactStatus::SingleSource);
}

#[test]
fn compatible_numbers_are_not_conflicts() {
    let (_, brief) = corpus();
    let twelve = fact_with(&brief, "12,000");
    assert_ne!(twelve.status, FactStatus::Conflicting);
    for conflict in &brief.conflicts {
        for (_, value) in &conflict.values {
            for figure in ["12,000", "6,000", "400", "hundreds", "30-day", "month-long"] {
                assert!(!value.contains(figure), "{conflict:#?}");
            }
        }
    }
    let children = fact_with(&brief, "400 children");
    assert!(
        children
            .notes
            .iter()
            .any(|n| n.contains("hundreds of children")),
        "{children:#?}"
    );
    assert_eq!(children.independent_sources, 2);
    // 30-day (003) and month-long (002): both lengths of the ceasefire agree.
    let slots: Vec<_> = brief
        .facts
        .iter()
        .flat_map(|f| f.quantities.iter())
        .collect();
    let thirty = slots
        .iter()
        .find(|s| s.text.contains("30-day"))
        .expect("30-day");
    let month = slots
        .iter()
        .find(|s| s.text.contains("month-long"))
        .expect("month-long");
    assert!(matches!(
        compatible(thirty, month),
        Compatibility::Same | Compatibility::Compatible(_)
    ));
    // Per side and in total.
    let each_side_note = brief
        .facts
        .iter()
        .flat_map(|f| f.notes.iter())
        .any(|n| n.contains("on each side") && n.contains("12,000"));
    assert!(
        each_side_note,
        "{:#?}",
        brief.facts.iter().map(|f| &f.notes).collect::<Vec<_>>()
    );
}

#[test]
fn sentences_the_rewrite_added_are_marked() {
    let (_, brief) = corpus();
    for words in ["70% of Ukrainians", "#PeaceNow"] {
        let fact = fact_with(&brief, words);
        assert_eq!(fact.status, FactStatus::AddedByRewrite, "{fact:#?}");
        assert_eq!(source_prefixes(fact), vec!["000"]);
    }
}

#[test]
fn entities_merge_spellings_within_the_input() {
    let (articles, brief) = corpus();
    let zelensky = brief
        .entities
        .iter()
        .find(|e| e.variants.iter().any(|v| v == "Zelensky"))
        .expect("Zelensky");
    assert!(
        zelensky.variants.iter().any(|v| v.contains("Zelenskyy")),
        "{zelensky:#?}"
    );
    assert_eq!(zelensky.kind, "person");
    let kyslytsia = brief
        .entities
        .iter()
        .find(|e| e.name.contains("Kyslytsia"))
        .expect("Kyslytsia");
    let ids: Vec<&ArticleId> = articles.iter().map(|a| &a.id).collect();
    assert!(kyslytsia.articles.iter().all(|a| ids.contains(&a)));
    assert_eq!(kyslytsia.articles.len(), 2, "{kyslytsia:#?}");
    let umerov = brief
        .entities
        .iter()
        .find(|e| e.name == "Rustem Umerov")
        .expect("Umerov");
    assert_eq!(umerov.articles.len(), 3);
    assert!(brief.participants.contains(&umerov.id));
    assert!(
        brief
            .entities
            .iter()
            .any(|e| e.roles.iter().any(|r| r.contains("metonym")))
    );
}

#[test]
fn quotes_carry_resolved_speakers() {
    let (_, brief) = corpus();
    let killings = brief
        .quotes
        .iter()
        .find(|q| q.text.contains("end the killings"))
        .expect("quote");
    assert_eq!(killings.speaker.as_deref(), Some("Rustem Umerov"));
    assert_eq!(
        killings.speaker_entity.as_deref(),
        Some("person:rustem-umerov")
    );
    let leavitt = brief
        .quotes
        .iter()
        .find(|q| q.text.contains("engage directly"))
        .expect("quote");
    assert_eq!(leavitt.speaker.as_deref(), Some("Karoline Leavitt"));
    assert!(!leavitt.fragment);
}

#[test]
fn summary_date_and_place() {
    let (_, brief) = corpus();
    assert!(
        (3..=6).contains(&brief.summary.len()),
        "{:#?}",
        brief.summary
    );
    for sentence in &brief.summary {
        assert!(!sentence.sources.is_empty());
        assert!(brief.facts.iter().any(|f| f.statement == sentence.text));
    }
    assert!(brief.summary.iter().any(|s| s.text.contains("6,000")));
    assert_eq!(brief.place.as_deref(), Some("Istanbul"));
    // Background dates (May 16, February 2022) are older than a week before publication:
    // the report's own day is taken.
    assert_eq!(brief.date.as_deref(), Some("2025-06-02"));
    // Facts are ranked by independent support.
    let supports: Vec<usize> = brief.facts.iter().map(|f| f.independent_sources).collect();
    assert!(supports.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn output_is_deterministic_and_serialises() {
    let (articles, brief) = corpus();
    let mut reversed = articles.clone();
    reversed.reverse();
    let again = brief_of(&reversed);
    let ids = |b: &Brief| {
        let mut ids: Vec<String> = b.facts.iter().map(|f| f.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&brief), ids(&again));
    let json = serde_json::to_string(&brief).expect("json");
    assert!(json.contains("\"added_by_rewrite\""));
    assert!(json.contains("\"type\":\"person\""));
    let back: Brief = serde_json::from_str(&json).expect("parse");
    assert_eq!(back.facts.len(), brief.facts.len());
}

#[test]
fn differing_death_tolls_conflict() {
    let brief = fixture("earthquake");
    let toll = fact_with(&brief, "12 people");
    assert_eq!(toll.status, FactStatus::Conflicting, "{brief:#?}");
    let conflict = brief
        .conflicts
        .iter()
        .find(|c| c.facts.contains(&toll.id))
        .expect("conflict");
    assert!(conflict.slot.contains("count of"), "{conflict:#?}");
    let values: Vec<&str> = conflict.values.iter().map(|(_, v)| v.as_str()).collect();
    assert!(values.iter().any(|v| v.contains("12")));
    assert!(values.iter().any(|v| v.contains("40")));
    // "on Tuesday", published Monday 2025-06-02.
    assert_eq!(brief.date.as_deref(), Some("2025-05-27"));
    assert_eq!(brief.place.as_deref(), Some("Sarvik"));
    // The agreeing details stay corroborated.
    assert_eq!(
        fact_with(&brief, "apartment blocks collapsed").status,
        FactStatus::Corroborated
    );
}

#[test]
fn a_court_ruling_reported_twice_is_corroborated() {
    let brief = fixture("court");
    let ruling = fact_with(&brief, "Harbor Street library without");
    assert_eq!(ruling.status, FactStatus::Corroborated);
    assert_eq!(ruling.independent_sources, 2);
    assert_eq!(
        fact_with(&brief, "comply with the ruling").status,
        FactStatus::SingleSource
    );
    assert!(brief.conflicts.is_empty(), "{:#?}", brief.conflicts);
}

#[test]
fn an_approximate_price_agrees_with_the_exact_one() {
    let brief = fixture("acquisition");
    let deal = fact_with(&brief, "$1.9 billion");
    assert_eq!(deal.status, FactStatus::Corroborated, "{deal:#?}");
    assert!(
        deal.evidence
            .iter()
            .any(|e| e.sentence.contains("about $2 billion"))
    );
    assert!(!deal.notes.is_empty());
    assert!(brief.conflicts.is_empty(), "{:#?}", brief.conflicts);
    assert_eq!(
        fact_with(&brief, "Shares of Norland rose").status,
        FactStatus::SingleSource
    );
}

#[test]
fn empty_and_odd_input_do_not_panic() {
    let empty = reconcile(&[], &[], &ReconcileOptions::default());
    assert!(empty.facts.is_empty());
    let odd = vec![
        Article::new(
            ArticleId::new("x"),
            "?? ... \n\n\"unclosed quote and 12,000 things",
        ),
        Article::new(ArticleId::new("x"), "Duplicate id is read once."),
        Article::new(ArticleId::new("y"), "ok"),
    ];
    let brief = reconcile(&odd, &[], &ReconcileOptions::default());
    assert!(brief.conflicts.is_empty());
}

#[test]
fn one_quote_given_to_two_speakers_conflicts() {
    let first = Article::new(
        ArticleId::new("a"),
        "Finance Minister Laura Benning spoke after the vote.\n\n\"We will not raise taxes on working families this year,\" Benning said.",
    );
    let second = Article::new(
        ArticleId::new("b"),
        "Prime Minister Tomas Arden addressed reporters.\n\n\"We will not raise taxes on working families this year,\" Arden said.",
    );
    let brief = reconcile(&[first, second], &[], &ReconcileOptions::default());
    let conflict = brief
        .conflicts
        .iter()
        .find(|c| c.slot == "speaker of quote")
        .unwrap_or_else(|| panic!("{brief:#?}"));
    let speakers: Vec<&str> = conflict.values.iter().map(|(_, v)| v.as_str()).collect();
    assert!(speakers.contains(&"Laura Benning"), "{speakers:?}");
    assert!(speakers.contains(&"Tomas Arden"), "{speakers:?}");
    assert!(!conflict.facts.is_empty());
}

#[test]
fn different_days_for_one_statement_conflict() {
    let mut first = Article::new(
        ArticleId::new("a"),
        "The regional parliament approved the new fisheries law on March 3 after a long debate.",
    );
    let mut second = Article::new(
        ArticleId::new("b"),
        "The regional parliament approved the new fisheries law on March 5 after a long debate.",
    );
    for article in [&mut first, &mut second] {
        article.published = Published::parse("2025-03-06");
    }
    let brief = reconcile(&[first, second], &[], &ReconcileOptions::default());
    assert_eq!(brief.facts.len(), 1, "{brief:#?}");
    assert_eq!(brief.facts[0].status, FactStatus::Conflicting);
    assert!(
        brief.conflicts.iter().any(|c| c.slot == "date"),
        "{brief:#?}"
    );
}

#[test]
fn a_copy_with_its_original_is_one_source() {
    let text = "The council approved the budget on Tuesday after a heated debate. It includes 40 new teachers for the district schools.";
    let original = Article::new(ArticleId::new("orig"), text);
    let copy = Article::new(ArticleId::new("copy"), text);
    let derivations = find_derivations(&[original.clone(), copy.clone()], &DedupOptions::default());
    assert_eq!(derivations.len(), 1);
    let brief = reconcile(
        &[original, copy],
        &derivations,
        &ReconcileOptions::default(),
    );
    assert!(!brief.facts.is_empty());
    for fact in &brief.facts {
        assert_eq!(fact.sources.len(), 2, "{fact:#?}");
        assert_eq!(fact.independent_sources, 1);
        assert_eq!(fact.status, FactStatus::SingleSource);
    }
    // Without the derivation the same articles look independent.
    let alone = reconcile(
        &[
            Article::new(ArticleId::new("orig"), text),
            Article::new(ArticleId::new("copy"), text),
        ],
        &[],
        &ReconcileOptions::default(),
    );
    assert!(
        alone
            .facts
            .iter()
            .all(|f| f.status == FactStatus::Corroborated)
    );
}

/// Undated reports give no anchor to tell the happening from its history: a background month
/// or a past day stated by one source is not offered as the event's date.
#[test]
fn undated_reports_do_not_date_the_event_from_background() {
    let first = Article::new(
        ArticleId::new("u1"),
        "Negotiators met again in Geneva on Tuesday and agreed to extend the grain corridor. \
         The war began in February 2022 when troops crossed the border. \
         An earlier round on May 16 ended without a deal.",
    );
    let second = Article::new(
        ArticleId::new("u2"),
        "Delegations in Geneva agreed to extend the grain corridor for another four months. \
         The conflict started in February 2022 and has displaced millions.",
    );
    let brief = brief_of(&[first, second]);
    assert_eq!(brief.date, None, "{:?}", brief.date);
}

#[test]
fn a_sentence_two_reports_carry_word_for_word_counts_once() {
    // Two reports that are otherwise their own share one long sentence verbatim (a press
    // release's): that sentence is one source, and a third report's paraphrase makes two.
    let articles = read_folder(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/press-release"),
        &[],
    );
    let derivations = find_derivations(&articles, &DedupOptions::default());
    assert!(derivations.is_empty(), "{derivations:#?}");
    let brief = reconcile(&articles, &derivations, &ReconcileOptions::default());
    let terminal = fact_with(&brief, "covered waiting hall");
    assert_eq!(terminal.sources.len(), 3, "{terminal:#?}");
    assert_eq!(terminal.independent_sources, 2);
    assert_eq!(terminal.status, FactStatus::Corroborated);
    assert!(
        terminal.notes.iter().any(|n| n.contains("word for word")),
        "{:?}",
        terminal.notes
    );
    // A fact the three tell in their own words keeps three sources.
    let approval = fact_with(&brief, "48 million");
    assert_eq!(approval.independent_sources, 3, "{approval:#?}");
}

#[test]
fn a_person_once_read_as_a_place_is_not_the_event_location() {
    let articles = vec![
        Article::new(
            ArticleId::new("a"),
            "Madonna made a promise to voters at a concert in New York on Tuesday.\n\n\
             The singer appeared at Schumer's show before a sold-out crowd.\n\n\
             Fans had queued at Schumer's venue since the afternoon.\n\n\
             Amy Schumer said the crowd cheered for several minutes.\n\n\
             Amy Schumer later posted a video of the moment online.",
        ),
        Article::new(
            ArticleId::new("b"),
            "Comedian Amy Schumer invited Madonna on stage during her set on Tuesday.\n\n\
             Amy Schumer told the audience she had not planned the appearance.",
        ),
    ];
    let brief = brief_of(&articles);
    assert_eq!(brief.place.as_deref(), Some("New York"), "{brief:#?}");
}
