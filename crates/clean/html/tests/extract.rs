//! `extract` on small news pages written for these tests, and on hostile input.

use std::time::{Duration, Instant};

use corroborate_html::{HtmlError, HtmlOptions, extract};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn json_ld_page_gives_text_without_junk_and_full_metadata() {
    let page =
        extract(&fixture("news_jsonld.html"), None, &HtmlOptions::default()).expect("article");
    let text = &page.text;
    assert!(
        text.contains("The harbour bridge reopened to traffic on Monday morning"),
        "{text}"
    );
    assert!(
        text.contains("weight limits will be reviewed again"),
        "{text}"
    );
    // The sub-heading is its own paragraph, list items are "- " lines kept together.
    assert!(text.contains("\n\nTraders welcome the news\n\n"), "{text}");
    assert!(
        text.contains("- Cyclists may use the new lane from April.\n- Heavy lorries remain banned"),
        "{text}"
    );
    // Share bar, related stories, comments, navigation and footer are gone.
    for junk in [
        "Share on Facebook",
        "Council approves budget",
        "About time!",
        "All rights reserved",
        "Sport",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in {text}");
    }
    let metadata = &page.metadata;
    assert_eq!(
        metadata.title.as_deref(),
        Some("Harbour bridge reopens after two-year repair")
    );
    assert_eq!(metadata.authors, ["Maria Okafor", "Tom Reyes"]);
    assert_eq!(metadata.source.as_deref(), Some("Coastal Herald"));
    assert_eq!(
        metadata.published.map(|p| p.to_string()).as_deref(),
        Some("2024-03-18T07:45:00+00:00")
    );
    assert_eq!(
        metadata.url.as_deref(),
        Some("https://news.example.org/local/2024/03/18/harbour-bridge-reopens")
    );
    assert_eq!(metadata.language.as_deref(), Some("en"));
}

#[test]
fn opengraph_only_page_gives_metadata_from_meta_tags() {
    let page = extract(
        &fixture("opengraph_only.html"),
        Some("https://farmledger.example.com/x?id=1"),
        &HtmlOptions::default(),
    )
    .expect("article");
    assert!(
        page.text
            .starts_with("Wheat futures rose for a fourth straight session"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("fall well short of last year's record crop")
    );
    let metadata = &page.metadata;
    assert_eq!(
        metadata.title.as_deref(),
        Some("Wheat prices climb as dry spell spreads")
    );
    assert_eq!(metadata.authors, ["Claire Dubois"]);
    assert_eq!(metadata.source.as_deref(), Some("Farm Ledger"));
    assert_eq!(
        metadata.published.map(|p| p.date().to_string()).as_deref(),
        Some("2023-07-04")
    );
    // og:url is the canonical address, not the address it was read from.
    assert_eq!(
        metadata.url.as_deref(),
        Some("https://farmledger.example.com/markets/wheat-prices-climb")
    );
    assert_eq!(metadata.language.as_deref(), Some("fr"));
}

#[test]
fn visible_byline_and_date_are_read_when_markup_has_none() {
    let page = extract(
        &fixture("byline_in_text.html"),
        Some("https://town.example.net/news/library"),
        &HtmlOptions::default(),
    )
    .expect("article");
    assert!(
        page.text
            .contains("The central library will stay open until ten o'clock"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("Town News"), "{}", page.text);
    let metadata = &page.metadata;
    assert_eq!(
        metadata.title.as_deref(),
        Some("Library opens late on Fridays")
    );
    assert_eq!(metadata.authors, ["Priya Natarajan", "Sam Cole"]);
    assert_eq!(
        metadata.published.map(|p| p.date().to_string()).as_deref(),
        Some("2022-09-09")
    );
    assert_eq!(
        metadata.url.as_deref(),
        Some("https://town.example.net/news/library")
    );
    assert_eq!(metadata.language, None);
}

#[test]
fn date_comes_from_the_url_when_the_page_has_none() {
    let html = fixture("charset_free.html");
    let page = extract(
        &html,
        Some("https://haber.example.com/2021/05/17/kopru-acildi"),
        &HtmlOptions::default(),
    )
    .expect("article");
    assert_eq!(
        page.metadata
            .published
            .map(|p| p.date().to_string())
            .as_deref(),
        Some("2021-05-17")
    );
}

#[test]
fn page_without_charset_keeps_non_ascii_text() {
    let page =
        extract(&fixture("charset_free.html"), None, &HtmlOptions::default()).expect("article");
    assert!(
        page.text.contains("İstanbul’daki tarihi köprü"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Çöp kamyonları"), "{}", page.text);
    assert_eq!(page.metadata.title.as_deref(), Some("Köprü yeniden açıldı"));
}

#[test]
fn deeply_nested_page_is_refused_fast() {
    let html = format!(
        "<html><body>{}<p>deep</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let start = Instant::now();
    let result = extract(&html, None, &HtmlOptions::default());
    assert!(
        matches!(result, Err(HtmlError::TooDeep { depth, limit: 512 }) if depth >= 100_000),
        "{result:?}"
    );
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "took {:?}",
        start.elapsed()
    );
    // Same for unclosed inline tags, which a parser keeps nesting.
    let html = "<span><b>".repeat(50_000);
    assert!(matches!(
        extract(&html, None, &HtmlOptions::default()),
        Err(HtmlError::TooDeep { .. })
    ));
}

#[test]
fn huge_page_is_refused_before_parsing() {
    let paragraph = "<p>All work and no play makes Jack a dull boy, as the old saying goes.</p>\n";
    let html = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    let start = Instant::now();
    let result = extract(&html, None, &HtmlOptions::default());
    assert!(
        matches!(result, Err(HtmlError::TooLarge { limit, .. }) if limit == 20 * 1024 * 1024),
        "{result:?}"
    );
    assert!(
        start.elapsed() < Duration::from_millis(100),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn pages_without_article_text_are_errors_not_panics() {
    for html in [
        "",
        "<html></html>",
        "<a><b></b></a>",
        "\u{0}\u{feff}<p>",
        "<script>x</script>",
    ] {
        assert!(
            matches!(
                extract(html, None, &HtmlOptions::default()),
                Err(HtmlError::NoMainText)
            ),
            "{html:?}"
        );
    }
}

#[test]
fn date_written_under_the_headline_is_found() {
    let html = "<html><body><div class='wrap'><h1>Ferry strike called off</h1><div>Mar 3, 2024 · 4 min read</div>\
        <p>The ferry workers' union called off Friday's strike after the operator agreed to a new pay offer late on Thursday night.</p>\
        <p>Services will run to the normal timetable, the operator said, although some early sailings may leave a few minutes late.</p>\
        <p>The union said members would vote on the offer next week, and that further action had not been ruled out.</p></div></body></html>";
    let page = extract(html, None, &HtmlOptions::default()).expect("article");
    assert_eq!(
        page.metadata
            .published
            .map(|p| p.date().to_string())
            .as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(
        page.metadata.title.as_deref(),
        Some("Ferry strike called off")
    );
}
