//! `clean_text` on small fixtures written to imitate the junk of other kinds of sites
//! (WordPress, Blogger, news sites, wire copy, Markdown posts) and content that must survive.

use corroborate_model::RemovalReason::{self, *};
use corroborate_text::{CleanedText, clean_text, markdown_to_text};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn clean_fixture(name: &str) -> CleanedText {
    clean_text(&fixture(name), None)
}

fn reason_of(cleaned: &CleanedText, line: &str) -> Option<RemovalReason> {
    cleaned
        .removed
        .iter()
        .find(|removed| removed.text == line)
        .map(|removed| removed.reason)
}

fn assert_removed(cleaned: &CleanedText, expected: &[(&str, RemovalReason)]) {
    for (line, reason) in expected {
        assert_eq!(
            reason_of(cleaned, line),
            Some(*reason),
            "{line:?} in {:#?}",
            cleaned.removed
        );
        assert!(
            !cleaned.text.lines().any(|kept| kept == *line),
            "{line:?} still in the text"
        );
    }
}

fn assert_kept(cleaned: &CleanedText, fragments: &[&str]) {
    for fragment in fragments {
        assert!(
            cleaned.text.contains(fragment),
            "lost {fragment:?} from:\n{}",
            cleaned.text
        );
    }
}

#[test]
fn wordpress_share_row_related_posts_and_comment_form() {
    let cleaned = clean_fixture("wordpress_post.txt");
    assert_eq!(
        cleaned.title.as_deref(),
        Some("Grain Corridor Talks Resume in Ankara")
    );
    assert_removed(
        &cleaned,
        &[
            ("Posted on June 3, 2025 by Editorial Team", Boilerplate),
            ("Share this:", ShareButton),
            ("- Twitter", ShareButton),
            ("- WhatsApp", ShareButton),
            ("Like Loading...", Boilerplate),
            ("Related", Promo),
            ("Black Sea shipping rates climb to record", Promo),
            ("Insurers wary of corridor guarantees", Promo),
            ("Tags: Black Sea, grain, Turkey, Ukraine", TagLine),
            ("Leave a Reply Cancel reply", CommentForm),
            ("Email *", CommentForm),
            ("Website", CommentForm),
            (
                "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                CommentForm,
            ),
        ],
    );
    assert_eq!(
        cleaned.text.split("\n\n").collect::<Vec<_>>(),
        [
            "Negotiators from Turkey, Ukraine and Russia met in Ankara on Tuesday to discuss reopening a shipping corridor for grain exports through the Black Sea.",
            "Turkish officials said the meeting lasted four hours and ended with an agreement to meet again next month. No joint statement was issued.",
            "“We are closer than we were in March,” a Turkish diplomat told reporters after the session.",
            "Shipping insurers have said they will not cover vessels until a written guarantee is signed.",
        ]
    );
}

#[test]
fn blogger_share_lists_labels_and_footer() {
    let cleaned = clean_fixture("blogger_post.txt");
    assert_eq!(
        cleaned.title.as_deref(),
        Some("Ceasefire Monitors Arrive in Border Town")
    );
    assert_removed(
        &cleaned,
        &[
            ("Home", Boilerplate),
            ("June 04, 2025", Boilerplate),
            ("- Get link", ShareButton),
            ("- Pinterest", ShareButton),
            ("- Other Apps", ShareButton),
            ("Labels: Ceasefire World News", TagLine),
            ("Post a Comment", CommentForm),
            ("Popular posts from this blog", Promo),
            ("Powered by Blogger", Boilerplate),
            ("Report Abuse", Boilerplate),
        ],
    );
    let share_rows = cleaned
        .removed
        .iter()
        .filter(|line| line.reason == ShareButton)
        .count();
    assert_eq!(share_rows, 12);
    // The content list stays a list, in its own paragraph.
    assert_kept(
        &cleaned,
        &[
            "Monitoring mission at a glance:\n\n- 12 observers from six countries\n- Reports every 48 hours\n- Mandate of 90 days, renewable\n\nLocal officials warned",
        ],
    );
}

#[test]
fn news_site_ads_newsletter_byline_and_credits() {
    let cleaned = clean_fixture("news_site_newsletter.txt");
    assert_eq!(
        cleaned.title.as_deref(),
        Some("Parliament Votes to Extend Martial Law for Another 90 Days")
    );
    assert_removed(
        &cleaned,
        &[
            ("Home > World > Europe", Boilerplate),
            ("By Olena Kovalenko", Boilerplate),
            ("Updated: June 5, 2025 09:14", Boilerplate),
            ("4 min read", Boilerplate),
            ("Advertisement", Boilerplate),
            ("Story continues below advertisement", Boilerplate),
            (
                "Sign up for our Morning Briefing newsletter and get the day's top stories delivered to your inbox.",
                Boilerplate,
            ),
            (
                "By signing up, you agree to our Terms of Use and Privacy Policy.",
                Boilerplate,
            ),
            ("Follow us on Google News", Boilerplate),
            (
                "Reporting by Olena Kovalenko; Editing by Mark Heinrich",
                Boilerplate,
            ),
            ("© 2025 Example News Ltd. All rights reserved.", Boilerplate),
        ],
    );
    assert_eq!(
        cleaned
            .removed
            .iter()
            .filter(|line| line.text == "Advertisement")
            .count(),
        2
    );
    assert_eq!(cleaned.text.split("\n\n").count(), 4);
    assert_kept(
        &cleaned,
        &[
            "The extension takes effect on August 7.",
            "The measure passed with 325 votes",
        ],
    );
}

#[test]
fn cookie_banner_and_navigation() {
    let cleaned = clean_fixture("cookie_banner.txt");
    assert_eq!(
        cleaned.title.as_deref(),
        Some("Energy Ministers Agree on Winter Gas Storage Targets")
    );
    assert_removed(
        &cleaned,
        &[
            ("Accept all", Boilerplate),
            ("Reject all", Boilerplate),
            ("Manage preferences", Boilerplate),
            ("Skip to main content", Boilerplate),
            ("Menu", Boilerplate),
            ("Back to top", Boilerplate),
            ("Privacy Policy", Boilerplate),
            ("Contact Us", Boilerplate),
        ],
    );
    assert!(cleaned.removed[0].text.starts_with("We use cookies"));
    assert_eq!(cleaned.removed.len(), 11);
    assert_eq!(cleaned.text.split("\n\n").count(), 3);
}

#[test]
fn photo_credits_and_captions() {
    let cleaned = clean_fixture("photo_credits.txt");
    assert_removed(
        &cleaned,
        &[
            ("Photo: Reuters", Boilerplate),
            ("(AP Photo/Efrem Lukatsky)", Boilerplate),
            (
                "Rescuers carry a survivor from the damaged building. Getty Images",
                Boilerplate,
            ),
            (
                "File photo: Smoke rises over the city centre in March.",
                Boilerplate,
            ),
            ("Source: Reuters", Attribution),
        ],
    );
    assert_eq!(cleaned.source.as_deref(), Some("Reuters"));
    assert_kept(
        &cleaned,
        &[
            "One woman, who gave only her first name, Iryna,",
            "The city declared a day of mourning for Sunday.",
        ],
    );
    assert_eq!(cleaned.text.split("\n\n").count(), 4);
}

#[test]
fn comment_counts_and_reader_comments() {
    let cleaned = clean_fixture("comment_section.txt");
    assert_removed(
        &cleaned,
        &[
            ("Share this article", ShareButton),
            ("Tweet", ShareButton),
            ("Email", ShareButton),
            ("Filed under: Security, Regions", TagLine),
            (
                "or leave a comment of your own See what other readers have to say about this story –",
                CommentForm,
            ),
            ("3 Comments", CommentForm),
            ("Glad nobody was hurt. Stay safe everyone.", CommentForm),
            ("When will they finally close the airspace?", CommentForm),
            ("Log in to comment", CommentForm),
        ],
    );
    assert_eq!(
        cleaned.text,
        "Authorities said debris from a downed drone damaged two houses in a village near the border late on Sunday. No one was hurt.\n\n\
         The regional governor said air defences shot down eleven drones over the region overnight.\n\n\
         An investigation into the origin of the drones has been opened, police said."
    );
}

#[test]
fn content_that_looks_like_junk_survives() {
    let cleaned = clean_fixture("content_must_survive.txt");
    assert_eq!(
        cleaned.title.as_deref(),
        Some("Sanctions Package Agreed After Late-Night Talks")
    );
    assert!(cleaned.removed.is_empty(), "{:#?}", cleaned.removed);
    assert_eq!(
        cleaned.source, None,
        "\"Source documents ...\" is a sentence"
    );
    assert_kept(
        &cleaned,
        &[
            "The package includes:\n\n- a ban on transactions with the Nord Stream pipelines;\n- a lower price cap on Russian crude of $47.60 a barrel;\n- listings",
            "\n\nWhy it matters\n\n",
            "\n\nWill it work?\n\nEconomists are divided.\n\n",
            "Comments from Moscow were swift.",
            "Read more about the sanctions in the official journal, the spokesman added.",
        ],
    );
    assert!(
        cleaned
            .text
            .ends_with("Twelve countries had pushed for a tougher cap.")
    );
}

#[test]
fn wire_copy_agency_attribution() {
    let cleaned = clean_fixture("agency_wire.txt");
    assert_eq!(
        cleaned.title, None,
        "a dateline paragraph is not a headline"
    );
    assert_eq!(cleaned.source.as_deref(), Some("Reuters"));
    assert_removed(
        &cleaned,
        &[
            (
                "Reporting by Olena Harmash; Editing by Toby Chopra",
                Boilerplate,
            ),
            ("(Reuters)", Attribution),
            ("Advertisement · Scroll to continue", Boilerplate),
        ],
    );
    assert!(
        cleaned
            .text
            .starts_with("KYIV, June 6 (Reuters) - Ukraine's central bank")
    );
    assert!(
        cleaned
            .text
            .ends_with("Most analysts polled before the decision had expected no change.")
    );
}

#[test]
fn promos_in_the_middle_and_link_lists_at_the_end() {
    let cleaned = clean_fixture("promos_mid_article.txt");
    assert_removed(
        &cleaned,
        &[
            (
                "READ MORE: Sea drones reshape naval war in the Black Sea",
                Promo,
            ),
            (
                "Also read: How a small fleet pushed warships from the western Black Sea",
                Promo,
            ),
            ("Recommended for you", Promo),
            (
                "Shipping traffic through the corridor hits a new high",
                Promo,
            ),
            ("Coastal towns brace for summer season", Promo),
            ("You may also like:", Promo),
            ("- Ferry service resumes between two coastal cities", Promo),
        ],
    );
    assert_eq!(cleaned.text.split("\n\n").count(), 3);
    assert!(
        cleaned
            .text
            .ends_with("The defence ministry in Moscow did not comment.")
    );
}

#[test]
fn markdown_post_is_stripped_then_cleaned() {
    let text = markdown_to_text(&fixture("markdown_post.md"));
    assert!(
        !text.contains("](") && !text.contains("**") && !text.contains("# "),
        "{text}"
    );
    assert!(
        !text.contains("title: Prisoner"),
        "front matter is not content"
    );
    let cleaned = clean_text(&text, None);
    assert_eq!(
        cleaned.title.as_deref(),
        Some("Prisoner Exchange Completed at Border Crossing")
    );
    assert_removed(
        &cleaned,
        &[
            ("Share this article", ShareButton),
            ("Facebook | X | Email", ShareButton),
            ("Related", Promo),
            ("- Istanbul talks: what was agreed", Promo),
            ("Tags: prisoners, exchange, Istanbul", TagLine),
        ],
    );
    assert_kept(
        &cleaned,
        &[
            "Kyiv and Moscow each released 307 prisoners on Friday, the coordination headquarters said,",
            "- soldiers under 25,\n- the seriously wounded,\n- and civilians held since 2022.",
            "“Every one of them is home,” the headquarters said in a statement.",
        ],
    );
}

#[test]
fn hard_wrapped_paragraphs_are_rejoined() {
    let cleaned = clean_fixture("hard_wrapped.txt");
    assert_removed(
        &cleaned,
        &[
            ("Subscribe to our newsletter", Boilerplate),
            ("Tags: energy, grid, winter", TagLine),
        ],
    );
    assert_eq!(cleaned.text.split("\n\n").count(), 2);
    assert_kept(
        &cleaned,
        &[
            "strikes on substations, the grid operator said on Monday, but warned that scheduled outages",
        ],
    );
}

#[test]
fn known_title_lines_are_removed_as_repeats() {
    let cleaned = clean_text(
        &fixture("cookie_banner.txt"),
        Some("Energy ministers agree on winter gas storage targets"),
    );
    assert_eq!(cleaned.title, None);
    assert_eq!(
        reason_of(
            &cleaned,
            "Energy Ministers Agree on Winter Gas Storage Targets"
        ),
        Some(RepeatedTitle)
    );
    assert!(
        cleaned
            .text
            .starts_with("EU energy ministers agreed on Monday")
    );
}

#[test]
fn verbatim_repeated_lines_keep_the_first() {
    let text = "Both sides agreed to swap prisoners.\n\nThe talks lasted just over an hour.\n\n\
                The talks lasted just over an hour.\n\nNo ceasefire was agreed.";
    let cleaned = clean_text(text, None);
    assert_eq!(cleaned.removed.len(), 1);
    assert_eq!(cleaned.removed[0].reason, RepeatedLine);
    assert_eq!(
        cleaned.text,
        "Both sides agreed to swap prisoners.\n\nThe talks lasted just over an hour.\n\nNo ceasefire was agreed."
    );
}

#[test]
fn degenerate_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "Share",
        "0\n0\n0",
        "- \n-\n*",
        "(\n)",
        "By",
        "Source:",
        "((()))",
        "\u{feff}\u{200b}",
    ] {
        let cleaned = clean_text(text, None);
        assert!(!cleaned.text.contains("\n\n\n"), "{text:?}");
    }
    let long_line = "word ".repeat(50_000);
    assert_eq!(clean_text(&long_line, None).text, long_line.trim());
}

#[test]
fn cleaning_normalised_text_gives_the_same_result() {
    // The pipeline normalises before cleaning; that must not change what cleaning decides.
    let fixtures = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
        .into_iter()
        .flatten();
    let examples = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../examples/istanbul-talks-2025"
    ))
    .into_iter()
    .flatten();
    let mut checked = 0;
    for entry in fixtures.chain(examples).flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        assert_eq!(
            clean_text(&corroborate_text::normalise(&text), None),
            clean_text(&text, None),
            "{}",
            entry.path().display()
        );
        checked += 1;
    }
    assert!(checked >= 15, "{checked}");
}
