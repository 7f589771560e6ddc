//! Dates as people and machines write them: ISO and RFC forms, "June 2, 2025",
//! "2 June 2025", "17.05.2021", "10/31/2024". Shared by every stage that reads a date out of
//! text: HTML metadata, front matter and JSONL fields, the datelines of plain text.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::Published;

fn regex(pattern: &str) -> Regex {
    // The patterns are constants checked by the tests; an invalid one matches nothing.
    Regex::new(pattern)
        .unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!()))
}

/// A month name or abbreviation, captured, with an optional full stop after it.
pub const MONTH: &str = r"(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?";

/// "June 2, 2025", "Jun. 2nd 2025".
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
});
/// "2 June 2025", "02 Jun, 2025".
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{MONTH},?\s+(\d{{4}})\b"
    ))
});
/// "2025-06-02", "2025/06/02", "2025.06.02", also as the start of an instant shown as text
/// ("2022-11-23T08:10+02:00").
static ISO_DAY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|[Tt]\d)"));
/// "17.05.2021": the dotted form is day first wherever it is used.
static DOTTED_DAY: LazyLock<Regex> = LazyLock::new(|| regex(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"));
/// "10/31/2024", "31/10/2024": month first unless the first number cannot be a month.
static SLASHED_DAY: LazyLock<Regex> = LazyLock::new(|| regex(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"));

/// The month a name or abbreviation stands for ("Sept." → 9).
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let index = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|prefix| lower.starts_with(prefix))?;
    u32::try_from(index + 1).ok()
}

/// Keeps only plausible publication days: not before the web, not far in the future.
pub fn plausible(day: NaiveDate) -> Option<NaiveDate> {
    let this_year = chrono::Utc::now().year();
    (1995..=this_year + 1).contains(&day.year()).then_some(day)
}

/// A machine-readable date or instant from an attribute value, or a human date in it.
pub fn parse_any(text: &str) -> Option<Published> {
    let text = text.trim();
    if let Some(published) = Published::parse(text) {
        return plausible(published.date()).map(|_| published);
    }
    // "2025-06-02 14:30:00 +0300", "20250602": forms the model's parser leaves alone.
    if let Some(published) = text.get(..19).and_then(Published::parse) {
        return plausible(published.date()).map(|_| published);
    }
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(text, "%Y%m%d")
            .ok()
            .and_then(plausible)
            .map(Published::Day);
    }
    find_in_text(text).map(Published::Day)
}

/// The first human, ISO or numeric date written in `text`.
pub fn find_in_text(text: &str) -> Option<NaiveDate> {
    all_in_text(text).first().map(|(_, day)| *day)
}

/// Every plausible date written in `text` with the byte offset where it starts, in order.
pub fn all_in_text(text: &str) -> Vec<(usize, NaiveDate)> {
    let mut found: Vec<(usize, NaiveDate)> = Vec::new();
    let mut collect = |pattern: &Regex, read: &dyn Fn(&regex::Captures) -> Option<NaiveDate>| {
        for caps in pattern.captures_iter(text) {
            if let (Some(whole), Some(day)) = (caps.get(0), read(&caps).and_then(plausible)) {
                found.push((whole.start(), day));
            }
        }
    };
    let number = |caps: &regex::Captures, group: usize| -> Option<u32> {
        caps.get(group)?.as_str().parse().ok()
    };
    let year = |caps: &regex::Captures, group: usize| -> Option<i32> {
        caps.get(group)?.as_str().parse().ok()
    };
    collect(&MONTH_DAY_YEAR, &|caps| {
        NaiveDate::from_ymd_opt(
            year(caps, 3)?,
            month_number(caps.get(1)?.as_str())?,
            number(caps, 2)?,
        )
    });
    collect(&DAY_MONTH_YEAR, &|caps| {
        NaiveDate::from_ymd_opt(
            year(caps, 3)?,
            month_number(caps.get(2)?.as_str())?,
            number(caps, 1)?,
        )
    });
    collect(&ISO_DAY, &|caps| {
        NaiveDate::from_ymd_opt(year(caps, 1)?, number(caps, 2)?, number(caps, 3)?)
    });
    collect(&DOTTED_DAY, &|caps| {
        NaiveDate::from_ymd_opt(year(caps, 3)?, number(caps, 2)?, number(caps, 1)?)
    });
    collect(&SLASHED_DAY, &|caps| {
        let (first, second, year) = (number(caps, 1)?, number(caps, 2)?, year(caps, 3)?);
        NaiveDate::from_ymd_opt(year, first, second)
            .or_else(|| NaiveDate::from_ymd_opt(year, second, first))
    });
    found.sort_by_key(|(start, _)| *start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_human_dates() {
        assert_eq!(
            find_in_text("Published June 2, 2025 at 9:00"),
            day(2025, 6, 2)
        );
        assert_eq!(find_in_text("Updated: 3rd Sept. 2024"), day(2024, 9, 3));
        assert_eq!(
            find_in_text("Posted on Jan. 15th, 2024 by Ann"),
            day(2024, 1, 15)
        );
        assert_eq!(find_in_text("12 March 2023 · 5 min read"), day(2023, 3, 12));
        assert_eq!(find_in_text("2021/11/05"), day(2021, 11, 5));
        assert_eq!(
            find_in_text("Nick van Mead 2022-11-23T08:10+02:00"),
            day(2022, 11, 23)
        );
        assert_eq!(find_in_text("id 2022-11-234"), None);
        assert_eq!(find_in_text("The year 2025 saw 3 mayors"), None);
        assert_eq!(find_in_text("Posted 10/31/2024 · News"), day(2024, 10, 31));
        assert_eq!(find_in_text("31/10/2024"), day(2024, 10, 31));
        assert_eq!(
            find_in_text("Stand: 17.05.2021, 09:12 Uhr"),
            day(2021, 5, 17)
        );
        assert_eq!(find_in_text("version 1.2.3 of 13/13/2024"), None);
        // The earliest date in the text wins.
        assert_eq!(
            find_in_text("May 1, 2020 (updated 2021-02-03)"),
            day(2020, 5, 1)
        );
    }

    #[test]
    fn reads_machine_dates() {
        assert_eq!(
            parse_any("2025-06-02T14:30:00+03:00").map(|p| p.date()),
            day(2025, 6, 2)
        );
        assert_eq!(parse_any("20250602").map(|p| p.date()), day(2025, 6, 2));
        assert_eq!(
            parse_any("2025-06-02 14:30:00 +0300").map(|p| p.date()),
            day(2025, 6, 2)
        );
        assert_eq!(parse_any("0001-01-01").map(|p| p.date()), None);
    }
}
