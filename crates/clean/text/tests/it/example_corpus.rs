//! Runs `clean_text` over the project's example corpus of five real scraped news texts and
//! checks that their web junk goes, with the right reasons, and their content stays.

use corroborate_model::RemovalReason::{self, *};
use corroborate_text::{CleanedText, clean_text, detect_language, sentences};

fn clean_example(stem: &str) -> (String, CleanedText) {
    let path = format!(
        "{}/../../../examples/istanbul-talks-2025/{stem}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let cleaned = clean_text(&raw, None);
    (raw, cleaned)
}

fn removed(cleaned: &CleanedText) -> Vec<(&str, RemovalReason)> {
    cleaned
        .removed
        .iter()
        .map(|line| (line.text.as_str(), line.reason))
        .collect()
}

fn assert_kept(cleaned: &CleanedText, fragments: &[&str]) {
    for fragment in fragments {
        assert!(cleaned.text.contains(fragment), "lost content {fragment:?}");
    }
}

/// Every paragraph of the clean text is one the input had: nothing invented or glued.
fn assert_paragraphs_from_input(raw: &str, cleaned: &CleanedText) {
    for paragraph in cleaned.text.split("\n\n") {
        for line in paragraph.lines() {
            assert!(raw.contains(line), "paragraph line not in input: {line:?}");
        }
    }
}

#[test]
fn clean_article_loses_nothing() {
    let (raw, cleaned) = clean_example("000_fac79099058b545d");
    assert!(cleaned.removed.is_empty(), "{:?}", cleaned.removed);
    assert_eq!(
        cleaned.title, None,
        "the first line is a paragraph, not a headline"
    );
    assert_eq!(
        cleaned.source, None,
        "a sentence naming the BBC is not an attribution"
    );
    assert_eq!(cleaned.text.split("\n\n").count(), 9);
    assert!(
        cleaned
            .text
            .ends_with("you can read more on reputable sources like BBC News.")
    );
    assert_paragraphs_from_input(&raw, &cleaned);
}

#[test]
fn repeated_headline_and_reaction_widget() {
    let (raw, cleaned) = clean_example("001_bda6d66ed8d4973a");
    let headline =
        "Istanbul Peace Talks Stall as Russia and Ukraine Struggle to Find Common Ground";
    assert_eq!(cleaned.title.as_deref(), Some(headline));
    let removed = removed(&cleaned);
    assert_eq!(removed.first(), Some(&(headline, RepeatedTitle)));
    assert_eq!(
        removed.get(1),
        Some(&("What's Your Reaction?", ReactionWidget))
    );
    let widget: Vec<&str> = removed.iter().skip(2).map(|(text, _)| *text).collect();
    assert_eq!(
        widget,
        [
            "like", "0", "dislike", "0", "love", "0", "funny", "0", "angry", "0", "sad", "0",
            "wow", "0"
        ]
    );
    assert!(
        removed
            .iter()
            .skip(1)
            .all(|(_, reason)| *reason == ReactionWidget)
    );
    assert!(!cleaned.text.contains(headline));
    assert!(
        cleaned
            .text
            .starts_with("The long-awaited direct talks between Russia and Ukraine")
    );
    assert!(
        cleaned
            .text
            .ends_with("the war continues to grind on with no end in sight.")
    );
    assert_eq!(cleaned.text.split("\n\n").count(), 10);
    assert_paragraphs_from_input(&raw, &cleaned);
}

#[test]
fn headline_without_blank_line_list_items_and_promo_header() {
    let (raw, cleaned) = clean_example("002_cffa1a3d6068a797");
    assert_eq!(
        cleaned.title.as_deref(),
        Some("Istanbul Peace Talks End Without Progress Amid Ongoing Conflict")
    );
    assert_eq!(removed(&cleaned), [("Related Sources:", Promo)]);
    assert_kept(
        &cleaned,
        &[
            "Russia offered two proposals that Ukrainian officials deemed unacceptable:\n\n\
             - Ukraine must execute a full military withdrawal from the Luhansk, Donetsk, Zaporizhzhia, and Kherson regions.\n\
             - Ukraine must halt military redeployments",
        ],
    );
    assert!(
        cleaned
            .text
            .starts_with("The recent peace talks held in Istanbul")
    );
    assert_paragraphs_from_input(&raw, &cleaned);
}

#[test]
fn trailing_attribution_tags_author_box_and_comment_form() {
    let (raw, cleaned) = clean_example("003_5beee2cfb4e9681c");
    assert_eq!(cleaned.title.as_deref(), Some("Russian Ukraine Talk"));
    assert_eq!(cleaned.source.as_deref(), Some("BBC"));
    assert_eq!(
        removed(&cleaned),
        [
            ("Source: BBC", Attribution),
            ("Record Label", Boilerplate),
            ("Russia Ukraine Peace Talks", TagLine),
            ("About The Author", AuthorBox),
            ("Leave a Reply", CommentForm),
            (
                "Your email address will not be published. Required fields are marked *",
                CommentForm
            ),
        ]
    );
    assert_kept(
        &cleaned,
        &[
            "\n\n“He wants both sides to engage directly,” Leavitt stated.\n\n",
            "\n\nRussia currently occupies about 20% of Ukrainian land, including Crimea, which it annexed in 2014.\n\n",
            "The Kremlin responded by accusing Trump of having an “emotional outburst.”",
        ],
    );
    assert!(cleaned.text.ends_with("“emotional outburst.”"));
    assert_eq!(cleaned.text.split("\n\n").count(), 23);
    assert_paragraphs_from_input(&raw, &cleaned);
}

#[test]
fn share_rows_see_also_promos_and_comment_prompts() {
    let (raw, cleaned) = clean_example("004_d30a29f48c00af17");
    assert_eq!(cleaned.title, None);
    let removed = removed(&cleaned);
    let share_rows = removed
        .iter()
        .filter(|(_, reason)| *reason == ShareButton)
        .count();
    assert_eq!(share_rows, 9, "three rows of Get link / X / Other Apps");
    assert!(removed.contains(&("- Get link", ShareButton)));
    assert!(removed.contains(&("- Other Apps", ShareButton)));
    assert!(removed.contains(&(
        "See also: British couple detained by Taliban may die in prison, warns their son",
        Promo
    )));
    assert_eq!(
        removed
            .iter()
            .filter(|(_, reason)| *reason == Promo)
            .count(),
        2
    );
    assert_eq!(
        &removed[removed.len() - 2..],
        [("Comments", CommentForm), ("Post a Comment", CommentForm)]
    );
    assert_eq!(removed.len(), 13);
    assert!(
        cleaned
            .text
            .starts_with("Russia and Ukraine are meeting in Istanbul")
    );
    assert!(
        cleaned
            .text
            .contains("Ukrainian President Zelenskiy outlined the priorities")
    );
    assert_eq!(cleaned.text.split("\n\n").count(), 7);
    assert_paragraphs_from_input(&raw, &cleaned);
}

#[test]
fn every_example_is_english_and_splits_into_sentences() {
    for stem in [
        "000_fac79099058b545d",
        "001_bda6d66ed8d4973a",
        "002_cffa1a3d6068a797",
        "003_5beee2cfb4e9681c",
        "004_d30a29f48c00af17",
    ] {
        let (_, cleaned) = clean_example(stem);
        assert_eq!(
            detect_language(&cleaned.text).as_deref(),
            Some("en"),
            "{stem}"
        );
        let found = sentences(&cleaned.text);
        assert!(found.len() >= 10, "{stem}: {}", found.len());
        for sentence in &found {
            let text = sentence.text(&cleaned.text);
            assert!(
                !text.is_empty() && !text.contains("\n\n"),
                "{stem}: {text:?}"
            );
            assert!(
                !text.ends_with("U.S.") && !text.ends_with(" Dr."),
                "{stem}: split at an abbreviation: {text:?}"
            );
        }
    }
}
