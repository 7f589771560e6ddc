//! End-to-end behaviour of `find_derivations` on real text.

use std::path::PathBuf;

use corroborate_dedup::{
    DedupOptions, DirectionEvidence, Relation, article_sentences, find_derivations,
};
use corroborate_model::{Article, ArticleId, Published};

fn example_corpus() -> Vec<Article> {
    let folder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../examples/istanbul-talks-2025");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("example corpus folder")
        .map(|entry| entry.expect("folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("file stem");
            Article::new(
                ArticleId::new(id),
                std::fs::read_to_string(path).expect("article text"),
            )
        })
        .collect()
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

#[test]
fn example_corpus_has_exactly_one_rewrite_with_its_additions() {
    let articles = example_corpus();
    assert_eq!(articles.len(), 5);
    let found = find_derivations(&articles, &DedupOptions::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    let derivation = &found[0];
    assert!(derivation.copy.as_str().starts_with("000_"));
    assert!(derivation.original.as_str().starts_with("003_"));
    assert_eq!(derivation.relation, Relation::Rewrite);
    assert!(derivation.similarity > 0.0 && derivation.similarity <= 1.0);
    assert!(derivation.aligned.len() >= 4);
    assert!(
        derivation.added.iter().any(|s| s.contains("#PeaceNow")),
        "{:#?}",
        derivation.added
    );
    assert!(
        derivation.added.iter().any(|s| s.contains("70%")),
        "{:#?}",
        derivation.added
    );

    // Aligned pairs say the same thing: check them through the sentence lists.
    let text_of = |id: &ArticleId| {
        articles
            .iter()
            .find(|a| &a.id == id)
            .map(|a| a.text.clone())
            .expect("article")
    };
    let (copy_text, original_text) = (text_of(&derivation.copy), text_of(&derivation.original));
    let copy_sentences = article_sentences(&copy_text);
    let original_sentences = article_sentences(&original_text);
    let lasted = derivation
        .aligned
        .iter()
        .find(|pair| copy_sentences[pair.copy_sentence].contains("just over an hour"))
        .expect("the talk duration sentence is aligned");
    assert!(original_sentences[lasted.original_sentence].contains("lasted just over an hour"));
    // No aligned sentence is reported as added.
    for pair in &derivation.aligned {
        assert!(
            !derivation
                .added
                .iter()
                .any(|s| s == copy_sentences[pair.copy_sentence])
        );
    }
}

#[test]
fn independent_reports_of_the_same_event_are_not_linked() {
    let articles: Vec<Article> = example_corpus()
        .into_iter()
        .filter(|a| a.id.as_str().starts_with("002_") || a.id.as_str().starts_with("003_"))
        .collect();
    assert_eq!(articles.len(), 2);
    assert!(find_derivations(&articles, &DedupOptions::default()).is_empty());
}

#[test]
fn identical_text_up_to_case_and_spacing_is_a_copy() {
    let text = fixture("wire_report.txt");
    let respaced = text.replace(". ", ".   ").replace(", ", " , ");
    let articles = vec![
        Article::new(ArticleId::new("site-b"), respaced),
        Article::new(ArticleId::new("site-a"), text),
    ];
    let found = find_derivations(&articles, &DedupOptions::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].relation, Relation::Copy);
    assert_eq!(found[0].similarity, 1.0);
    assert_eq!(found[0].direction_evidence, DirectionEvidence::Ambiguous);
    assert_eq!(found[0].original.as_str(), "site-a");
    assert!(found[0].added.is_empty());
}

#[test]
fn a_copy_with_a_changed_word_and_a_junk_line_is_a_near_copy() {
    let text = fixture("wire_report.txt");
    assert!(text.contains("agreed"));
    let edited = format!(
        "{}\n\nShare this article on Facebook, X and WhatsApp with your friends today.",
        text.replacen("agreed", "decided", 1)
    );
    let mut original = Article::new(ArticleId::new("z-original"), text);
    original.published = Published::parse("2024-03-04");
    let mut copy = Article::new(ArticleId::new("a-copy"), edited);
    copy.published = Published::parse("2024-03-05");
    let found = find_derivations(&[copy, original], &DedupOptions::default());
    assert_eq!(found.len(), 1);
    let derivation = &found[0];
    assert_eq!(derivation.relation, Relation::NearCopy);
    assert!(derivation.similarity >= 0.8 && derivation.similarity < 1.0);
    assert_eq!(derivation.copy.as_str(), "a-copy");
    assert_eq!(
        derivation.direction_evidence,
        DirectionEvidence::PublicationTime
    );
    assert_eq!(
        derivation.added,
        vec!["Share this article on Facebook, X and WhatsApp with your friends today."]
    );
}

#[test]
fn publication_time_decides_direction_over_containment() {
    let articles = example_corpus();
    let mut pair: Vec<Article> = articles
        .into_iter()
        .filter(|a| a.id.as_str().starts_with("000_") || a.id.as_str().starts_with("003_"))
        .collect();
    for article in &mut pair {
        // Date the rewrite first: the earlier article must then be taken as the original.
        article.published = Published::parse(if article.id.as_str().starts_with("000_") {
            "2025-06-02T10:00:00+00:00"
        } else {
            "2025-06-02T18:00:00+00:00"
        });
    }
    let found = find_derivations(&pair, &DedupOptions::default());
    assert_eq!(found.len(), 1);
    assert!(found[0].copy.as_str().starts_with("003_"));
    assert_eq!(
        found[0].direction_evidence,
        DirectionEvidence::PublicationTime
    );
    // Same day, no instants: time cannot decide, containment does.
    for article in &mut pair {
        article.published = Published::parse("2025-06-02");
    }
    let found = find_derivations(&pair, &DedupOptions::default());
    assert!(found[0].copy.as_str().starts_with("000_"));
    assert_ne!(
        found[0].direction_evidence,
        DirectionEvidence::PublicationTime
    );
}

#[test]
fn shuffled_input_gives_the_same_output() {
    let mut articles = example_corpus();
    let text = fixture("wire_report.txt");
    articles.push(Article::new(ArticleId::new("wire-1"), text.clone()));
    articles.push(Article::new(ArticleId::new("wire-2"), text.to_lowercase()));
    articles.push(Article::new(
        ArticleId::new("wire-3"),
        text.replacen("agreed", "decided", 1),
    ));
    let expected = find_derivations(&articles, &DedupOptions::default());
    assert_eq!(expected.len(), 3, "{expected:#?}");
    let count = articles.len();
    for step in [3usize, 5, 7] {
        let shuffled: Vec<Article> = (0..count)
            .map(|i| articles[(i * step + 1) % count].clone())
            .collect();
        assert_eq!(
            find_derivations(&shuffled, &DedupOptions::default()),
            expected
        );
    }
    let mut reversed = articles.clone();
    reversed.reverse();
    assert_eq!(
        find_derivations(&reversed, &DedupOptions::default()),
        expected
    );
}

#[test]
fn empty_and_junk_only_input_gives_nothing() {
    assert!(find_derivations(&[], &DedupOptions::default()).is_empty());
    let junk = vec![
        Article::new(ArticleId::new("a"), ""),
        Article::new(ArticleId::new("b"), "   \n\n ... !!"),
        Article::new(ArticleId::new("c"), "Share\nTweet"),
    ];
    assert!(find_derivations(&junk, &DedupOptions::default()).is_empty());
}

#[test]
fn odd_text_does_not_panic() {
    let long_line = "word ".repeat(20_000);
    let odd = [
        "”“„«»\"\" ” “ \"",
        "1,2,3,,4.5.6... 7,000,000. 8.",
        "Ünïcödé Ωμέγα 東京 🙂🙂 \u{200b}\u{0301}é ‏مرحبا بالعالم‏.",
        "Mr. Dr. U.S. e.g. i.e. J. K. Rowling.",
        long_line.as_str(),
        "A.\nB.\n\n\n?!…",
    ];
    let articles: Vec<Article> = odd
        .iter()
        .enumerate()
        .flat_map(|(index, text)| {
            [
                Article::new(ArticleId::new(format!("{index}-a")), *text),
                Article::new(ArticleId::new(format!("{index}-b")), text.to_uppercase()),
            ]
        })
        .collect();
    let found = find_derivations(&articles, &DedupOptions::default());
    assert!(
        found
            .iter()
            .all(|d| d.copy != d.original && (0.0..=1.0).contains(&d.similarity))
    );
    let zero_sizes = DedupOptions {
        shingle_words: 0,
        phrase_words: 0,
        minhash_bands: 0,
        minhash_rows: 0,
        candidates_per_article: 0,
        ..DedupOptions::default()
    };
    let _ = find_derivations(&articles, &zero_sizes);
}

#[test]
fn a_paraphrased_rewrite_is_found_and_an_independent_report_is_not() {
    let articles = vec![
        Article::new(
            ArticleId::new("independent"),
            fixture("independent_flood.txt"),
        ),
        Article::new(ArticleId::new("rewrite"), fixture("wire_rewrite.txt")),
        Article::new(ArticleId::new("wire"), fixture("wire_report.txt")),
    ];
    let found = find_derivations(&articles, &DedupOptions::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    let derivation = &found[0];
    assert_eq!(derivation.relation, Relation::Rewrite);
    assert_eq!(derivation.copy.as_str(), "rewrite");
    assert_eq!(derivation.original.as_str(), "wire");
    assert!(derivation.aligned.len() >= 6, "{:#?}", derivation.aligned);
    assert!(
        derivation.added.iter().any(|s| s.contains("#ForçaDouro")),
        "{:#?}",
        derivation.added
    );
    assert!(
        derivation
            .added
            .iter()
            .any(|s| s.starts_with("Climate experts"))
    );
    assert!(!derivation.added.iter().any(|s| s.contains("46 people")));
}

#[test]
fn two_reports_quoting_one_post_are_not_a_rewrite_when_only_one_uses_quotation_marks() {
    // One report sets the post as a block quote without marks, the other quotes it in marks:
    // they share the poster's words, not each other's.
    let articles = vec![
        Article::new(ArticleId::new("plain"), fixture("post_shown_plain.txt")),
        Article::new(ArticleId::new("quoted"), fixture("post_quoted.txt")),
    ];
    let found = find_derivations(&articles, &DedupOptions::default());
    assert!(found.is_empty(), "{found:#?}");
    // The same sentences without any quotation marks read as one text retelling the other.
    let unquoted = fixture("post_quoted.txt").replace(['"', '“', '”'], "");
    let articles = vec![
        Article::new(ArticleId::new("plain"), fixture("post_shown_plain.txt")),
        Article::new(ArticleId::new("retold"), unquoted),
    ];
    let found = find_derivations(&articles, &DedupOptions::default());
    assert_eq!(found.len(), 1, "{found:#?}");
}
