//! Bylines and datelines above the first paragraph become the article's authors and
//! publication day; dated lines further down do not.

use corroborate_text::clean_text;

const BODY: &str = "The council voted 7-2 on Tuesday to approve a network of protected bike lanes across the downtown core.\n\nConstruction is expected to begin in June.";

fn head(lines: &str) -> (Vec<String>, Option<String>, String) {
    let cleaned = clean_text(
        &format!("Council Approves Bike Lanes\n\n{lines}\n\n{BODY}"),
        None,
    );
    (
        cleaned.authors,
        cleaned.published.map(|day| day.to_string()),
        cleaned.text,
    )
}

#[test]
fn a_wordpress_post_line_gives_author_and_day() {
    let (authors, published, text) = head("Posted on March 3, 2024 by Jane Doe");
    assert_eq!(authors, vec!["Jane Doe"]);
    assert_eq!(published.as_deref(), Some("2024-03-03"));
    assert!(text.starts_with("The council voted"), "{text}");
}

#[test]
fn a_byline_with_separators_names_every_author() {
    let (authors, published, text) =
        head("By Jane Doe and John Roe | Updated 2 June 2025 | 5 min read");
    assert_eq!(authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(published.as_deref(), Some("2025-06-02"));
    assert!(!text.contains("Jane Doe"), "the byline is removed: {text}");
}

#[test]
fn the_publication_day_beats_the_update_day() {
    let (authors, published, _) = head("Updated: June 3, 2025\nPublished: June 1, 2025");
    assert!(authors.is_empty());
    assert_eq!(published.as_deref(), Some("2025-06-01"));
    let (_, only_update, _) = head("Last updated 3 June 2025");
    assert_eq!(only_update.as_deref(), Some("2025-06-03"));
}

#[test]
fn a_photo_credit_and_a_user_name_are_not_authors() {
    let (authors, published, _) = head("Photo by John Smith/Reuters\nMarch 4, 2024");
    assert!(authors.is_empty(), "{authors:?}");
    assert_eq!(published.as_deref(), Some("2024-03-04"));
    let (authors, published, _) = head("Posted by admin on March 3, 2024");
    assert!(authors.is_empty(), "{authors:?}");
    assert_eq!(published.as_deref(), Some("2024-03-03"));
}

#[test]
fn dated_lines_below_the_first_paragraph_are_not_the_article_s_day() {
    let cleaned = clean_text(
        &format!(
            "Council Approves Bike Lanes\n\n{BODY}\n\nRelated\n\nCouncil delays transit vote\nMarch 1, 2024\n\nBy Ann Lee"
        ),
        None,
    );
    assert_eq!(cleaned.published, None);
    assert!(cleaned.authors.is_empty(), "{:?}", cleaned.authors);
}

#[test]
fn a_sentence_starting_with_by_is_content() {
    let (authors, published, text) =
        head("By the end of the year, the city expects 12 miles of new lanes.");
    assert!(authors.is_empty());
    assert_eq!(published, None);
    assert!(text.starts_with("By the end of the year"), "{text}");
}
