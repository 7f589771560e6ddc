//! Dates as pages write them: machine forms in attributes, human forms in bylines, and the
//! `/2025/06/02/` paths of news URLs.

use std::sync::LazyLock;

use chrono::NaiveDate;
use corroborate_model::Published;
use corroborate_model::dates::{MONTH, month_number, plausible};
pub(crate) use corroborate_model::dates::{all_in_text, find_in_text, parse_any};
use regex::Regex;

fn regex(pattern: &str) -> Regex {
    // The patterns are constants checked by the tests; an invalid one matches nothing.
    Regex::new(pattern)
        .unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!()))
}

/// `/2025/06/02/`, `/2025-06-02-`, `/20250602/` in a URL path.
static URL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[/_-](20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
});

/// `/2023/october/03/`, `/2023/oct/3/`: the month named in a URL path.
static URL_NAMED_DAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"/(20\d{{2}}|19\d{{2}})/{MONTH}/(\d{{1,2}})(?:/|$)"
    ))
});

/// `"publishDate":"2025-06-02…"` in the JSON state that script-rendered pages embed (also
/// with escaped quotes, or as `&quot;` inside an attribute); only keys that name the
/// publication, never updates.
static SCRIPT_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?:\\?"|&quot;)(?:datePublished|publishDate|publishedAt|published_at|publishedDate|postDate|date_published|firstPublished|pubDate)(?:\\?"|&quot;)\s*:\s*(?:\\?"|&quot;)(\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)"#,
    )
});

/// The publication date named in a page's embedded script data (see [`SCRIPT_PUBLISHED`]).
pub(crate) fn from_script_data(html: &str) -> Option<Published> {
    SCRIPT_PUBLISHED
        .captures_iter(html)
        .take(5)
        .find_map(|caps| parse_any(caps.get(1)?.as_str()))
}

/// The day a news URL's path encodes (`/2025/06/02/`), if any.
pub(crate) fn from_url(url: &str) -> Option<NaiveDate> {
    // Only the path: hosts and query strings carry numbers that are not dates.
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let day = if let Some(caps) = URL_DAY.captures(path) {
        NaiveDate::from_ymd_opt(
            caps.get(1)?.as_str().parse().ok()?,
            caps.get(2)?.as_str().parse().ok()?,
            caps.get(3)?.as_str().parse().ok()?,
        )?
    } else {
        let caps = URL_NAMED_DAY.captures(path)?;
        NaiveDate::from_ymd_opt(
            caps.get(1)?.as_str().parse().ok()?,
            month_number(caps.get(2)?.as_str())?,
            caps.get(3)?.as_str().parse().ok()?,
        )?
    };
    plausible(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_url_dates() {
        assert_eq!(
            from_url("https://example.com/news/2025/06/02/talks-end"),
            day(2025, 6, 2)
        );
        assert_eq!(
            from_url("https://example.com/2024-01-15-story.html"),
            day(2024, 1, 15)
        );
        assert_eq!(
            from_url("https://example.com/story-20231105.html"),
            day(2023, 11, 5)
        );
        assert_eq!(
            from_url("https://example.com/blog/2023/october/03/wine-styles/"),
            day(2023, 10, 3)
        );
        assert_eq!(from_url("https://example.com/2023/octopus/03/"), None);
        assert_eq!(from_url("https://example.com/item/12345678901"), None);
        assert_eq!(from_url("https://2025.example.com/a?d=2025/06/02"), None);
    }
}
