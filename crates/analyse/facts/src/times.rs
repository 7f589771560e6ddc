//! Dates and durations: "May 16", "February 2022", "last month", "Monday", "30-day",
//! "two to three days", resolved against the article date when it is known.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::Span;
use crate::quantities::{Approximation, hedge_before, hedged_bounds, is_month, read_number};
use crate::text::{Token, tokenize};

/// What a time expression denotes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum TimeKind {
    /// A calendar day or a span of days, both ends inclusive.
    Date {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// A length of time in days (an hour is 1/24); `high_days` is infinite when open-ended
    /// ("over seven weeks").
    Duration {
        /// Shortest length the text allows.
        low_days: f64,
        /// Longest length the text allows.
        high_days: f64,
    },
    /// A relative date that needs the article date, which was not given.
    Unresolved,
}

/// A date or duration found in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte offsets in the sentence.
    pub span: Span,
    /// What it denotes.
    pub kind: TimeKind,
    /// The text as written.
    pub text: String,
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Time units in days.
const UNITS: &[(&str, f64)] = &[
    ("minute", 1.0 / 1440.0),
    ("minutes", 1.0 / 1440.0),
    ("hour", 1.0 / 24.0),
    ("hours", 1.0 / 24.0),
    ("day", 1.0),
    ("days", 1.0),
    ("week", 7.0),
    ("weeks", 7.0),
    ("fortnight", 14.0),
    ("month", 30.0),
    ("months", 30.0),
    ("year", 365.0),
    ("years", 365.0),
    ("decade", 3650.0),
    ("decades", 3650.0),
];

/// Words that put a weekday or month in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "next",
    "scheduled",
    "expected",
    "due",
    "plans",
    "planned",
    "upcoming",
    "'ll",
    "shall",
    "set",
];

fn lower(tokens: &[Token<'_>], index: usize) -> String {
    tokens
        .get(index)
        .map(|t| t.text.to_lowercase())
        .unwrap_or_default()
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if !is_month(&word) {
        return None;
    }
    corroborate_model::dates::month_number(&word)
}

fn unit_days(word: &str) -> Option<f64> {
    let word = word.to_lowercase();
    UNITS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, days)| *days)
}

fn day_number(text: &str) -> Option<u32> {
    let digits = text.trim_end_matches(|c: char| c.is_alphabetic());
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year_number(text: &str) -> Option<i32> {
    if text.len() != 4 {
        return None;
    }
    let year: i32 = text.parse().ok()?;
    (1800..=2100).contains(&year).then_some(year)
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// The year that puts month/day closest to the reference date.
fn nearest_year(reference: NaiveDate, month: u32, day: u32) -> i32 {
    let mut best = reference.year();
    let mut best_distance = i64::MAX;
    for year in [reference.year() - 1, reference.year(), reference.year() + 1] {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day.min(28)) {
            let distance = (date - reference).num_days().abs();
            if distance < best_distance {
                best_distance = distance;
                best = year;
            }
        }
    }
    best
}

struct Found {
    first: usize,
    last: usize,
    kind: TimeKind,
}

fn date(start: NaiveDate, end: NaiveDate) -> TimeKind {
    TimeKind::Date { start, end }
}

/// Part of a month named before it: "early", "mid", "late", "the end of".
fn month_part(tokens: &[Token<'_>], month_index: usize) -> (Option<(u32, u32)>, usize) {
    let word = |offset: usize| {
        month_index
            .checked_sub(offset)
            .map(|i| lower(tokens, i))
            .unwrap_or_default()
    };
    let parts: &[(&[&str], (u32, u32))] = &[
        (&["the", "end", "of"], (21, 31)),
        (&["end", "of"], (21, 31)),
        (&["the", "beginning", "of"], (1, 10)),
        (&["the", "start", "of"], (1, 10)),
        (&["the", "middle", "of"], (11, 20)),
        (&["early"], (1, 10)),
        (&["mid"], (11, 20)),
        (&["mid-"], (11, 20)),
        (&["late"], (21, 31)),
    ];
    for (words, range) in parts {
        let matched = words
            .iter()
            .rev()
            .enumerate()
            .all(|(offset, w)| word(offset + 1) == *w);
        if matched {
            return (Some(*range), month_index - words.len());
        }
    }
    (None, month_index)
}

fn month_span(year: i32, month: u32, part: Option<(u32, u32)>) -> Option<TimeKind> {
    let last = last_day_of_month(year, month)?;
    let (from, to) = part.unwrap_or((1, 31));
    let start = NaiveDate::from_ymd_opt(year, month, from)?;
    let end = NaiveDate::from_ymd_opt(year, month, to.min(last.day()))?;
    Some(date(start, end))
}

/// "May 16", "May 16, 2025", "June 20 and 30", "June 20-30", "February 2022", "late June",
/// "mid-June", "16 May 2025".
fn month_expressions(
    tokens: &[Token<'_>],
    index: usize,
    reference: Option<NaiveDate>,
) -> Option<(Vec<Found>, usize)> {
    let token = tokens.get(index)?;
    // "mid-June" is one token.
    let (month_word, glued_part) = match token.text.split_once('-') {
        Some((head, tail)) if head.eq_ignore_ascii_case("mid") => (tail, Some((11, 20))),
        _ => (token.text, None),
    };
    let month = month_number(month_word)?;
    if !month_word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // "May" the verb: a capitalised May followed by a verb-like word is not a month.
    if month == 5 && month_word.len() == 3 {
        let next = lower(tokens, index + 1);
        let previous = if index > 0 {
            lower(tokens, index - 1)
        } else {
            String::new()
        };
        let date_like = day_number(&next).is_some()
            || year_number(&next).is_some()
            || matches!(
                previous.as_str(),
                "in" | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "since"
                    | "until"
                    | "by"
                    | "last"
                    | "next"
                    | "this"
            );
        if !date_like {
            return None;
        }
    }
    let (part, part_start) = month_part(tokens, index);
    let part = glued_part.or(part);
    // Day before the month: "16 May 2025".
    let day_before = index.checked_sub(1).and_then(|i| {
        let text = tokens.get(i)?.text;
        day_number(text).filter(|_| {
            text.chars()
                .all(|c| c.is_ascii_digit() || c.is_alphabetic())
                && part.is_none()
        })
    });
    let mut cursor = index + 1;
    let mut days: Vec<(u32, usize)> = Vec::new();
    let mut range_end: Option<u32> = None;
    if day_before.is_none()
        && let Some(next) = tokens.get(cursor)
    {
        if let Some((a, b)) = next.text.split_once(['-', '–'])
            && let (Some(a), Some(b)) = (day_number(a), day_number(b))
        {
            days.push((a, cursor));
            range_end = Some(b);
            cursor += 1;
        } else if let Some(day) = day_number(next.text).filter(|_| year_number(next.text).is_none())
        {
            days.push((day, cursor));
            cursor += 1;
            // "June 20 and 30", "June 20 to 30", "June 20-30" (spaced dash)
            let joiner = lower(tokens, cursor);
            if let Some(second) = tokens.get(cursor + 1).and_then(|t| day_number(t.text))
                && year_number(&lower(tokens, cursor + 1)).is_none()
            {
                match joiner.as_str() {
                    "and" | "," => {
                        days.push((second, cursor + 1));
                        cursor += 2;
                    }
                    "to" | "-" | "–" | "through" => {
                        range_end = Some(second);
                        cursor += 2;
                    }
                    _ => {}
                }
            }
        }
    }
    if let Some(day) = day_before {
        days.push((day, index));
    }
    // Year after the day: "May 16, 2025" or "February 2022".
    let mut year = None;
    let comma = lower(tokens, cursor) == ",";
    let year_at = if comma { cursor + 1 } else { cursor };
    if let Some(found_year) = tokens.get(year_at).and_then(|t| year_number(t.text)) {
        year = Some(found_year);
        cursor = year_at + 1;
    }
    let first_index = if day_before.is_some() {
        index - 1
    } else {
        part_start.min(index)
    };
    let resolve_year = |day: u32| year.or_else(|| reference.map(|r| nearest_year(r, month, day)));
    let mut found = Vec::new();
    if days.is_empty() {
        let kind = match resolve_year(15) {
            Some(year) => month_span(year, month, part)?,
            None => TimeKind::Unresolved,
        };
        found.push(Found {
            first: first_index,
            last: cursor - 1,
            kind,
        });
        return Some((found, cursor));
    }
    let days_count = days.len();
    for (position, (day, day_index)) in days.into_iter().enumerate() {
        let kind = match resolve_year(day) {
            Some(year) => {
                let start = NaiveDate::from_ymd_opt(year, month, day)?;
                let end = range_end
                    .and_then(|d| NaiveDate::from_ymd_opt(year, month, d))
                    .filter(|e| *e >= start)
                    .unwrap_or(start);
                date(start, end)
            }
            None => TimeKind::Unresolved,
        };
        let is_last = position + 1 == days_count;
        let first = if position == 0 {
            first_index
        } else {
            day_index
        };
        let last = if is_last { cursor - 1 } else { day_index };
        found.push(Found { first, last, kind });
    }
    Some((found, cursor))
}

fn future_context(tokens: &[Token<'_>], index: usize) -> bool {
    let from = index.saturating_sub(8);
    (from..index).any(|i| FUTURE_MARKERS.contains(&lower(tokens, i).as_str()))
}

fn shift_days(reference: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        reference.checked_add_days(Days::new(days as u64))
    } else {
        reference.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// "Monday", "last Friday", "next Tuesday".
fn weekday_expression(
    tokens: &[Token<'_>],
    index: usize,
    reference: Option<NaiveDate>,
) -> Option<(Found, usize)> {
    let token = tokens.get(index)?;
    if !token.is_capitalised() {
        return None;
    }
    let word = token.text.to_lowercase();
    let weekday = WEEKDAYS.iter().find(|(name, _)| *name == word)?.1;
    // "Fox News Sunday": a weekday closing a capitalised name is part of the name.
    if index > 0
        && tokens
            .get(index - 1)
            .is_some_and(|t| t.is_capitalised() && t.is_word())
    {
        let before = index.checked_sub(2).and_then(|i| tokens.get(i));
        if before.is_some_and(|t| t.is_word()) {
            return None;
        }
    }
    let previous = if index > 0 {
        lower(tokens, index - 1)
    } else {
        String::new()
    };
    let first = if matches!(previous.as_str(), "last" | "next" | "this" | "on") {
        index - 1
    } else {
        index
    };
    let kind = match reference {
        None => TimeKind::Unresolved,
        Some(reference) => {
            let target = weekday.num_days_from_monday() as i64;
            let today = reference.weekday().num_days_from_monday() as i64;
            let forward = (target - today).rem_euclid(7);
            let backward = (today - target).rem_euclid(7);
            let offset = if previous == "next" {
                if forward == 0 { 7 } else { forward }
            } else if previous == "last" {
                -(if backward == 0 { 7 } else { backward })
            } else if future_context(tokens, index) {
                forward
            } else {
                -backward
            };
            let day = shift_days(reference, offset)?;
            date(day, day)
        }
    };
    Some((
        Found {
            first,
            last: index,
            kind,
        },
        index + 1,
    ))
}

fn period_of(reference: NaiveDate, unit: &str, shift: i32) -> Option<TimeKind> {
    match unit {
        "week" => {
            let monday = shift_days(
                reference,
                -(reference.weekday().num_days_from_monday() as i64),
            )?;
            let start = shift_days(monday, 7 * shift as i64)?;
            Some(date(start, shift_days(start, 6)?))
        }
        "month" => {
            let first = NaiveDate::from_ymd_opt(reference.year(), reference.month(), 1)?;
            let start = if shift >= 0 {
                first.checked_add_months(Months::new(shift as u32))?
            } else {
                first.checked_sub_months(Months::new(shift.unsigned_abs()))?
            };
            Some(date(start, last_day_of_month(start.year(), start.month())?))
        }
        "year" => {
            let year = reference.year() + shift;
            Some(date(
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year, 12, 31)?,
            ))
        }
        _ => None,
    }
}

/// "today", "yesterday", "last month", "this week", "earlier this year", "in the coming week".
fn relative_expression(
    tokens: &[Token<'_>],
    index: usize,
    reference: Option<NaiveDate>,
) -> Option<(Found, usize)> {
    let word = lower(tokens, index);
    let single = match word.as_str() {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(offset) = single {
        let kind = reference
            .and_then(|r| shift_days(r, offset))
            .map_or(TimeKind::Unresolved, |d| date(d, d));
        return Some((
            Found {
                first: index,
                last: index,
                kind,
            },
            index + 1,
        ));
    }
    // "last/this/next week|month|year", optionally after "earlier"/"later".
    if matches!(word.as_str(), "last" | "this" | "next" | "past") {
        let unit = lower(tokens, index + 1);
        if matches!(unit.as_str(), "week" | "month" | "year") {
            let shift = match word.as_str() {
                "last" | "past" => -1,
                "next" => 1,
                _ => 0,
            };
            let previous = if index > 0 {
                lower(tokens, index - 1)
            } else {
                String::new()
            };
            let first = if matches!(previous.as_str(), "earlier" | "later") {
                index - 1
            } else {
                index
            };
            let kind = reference
                .and_then(|r| {
                    let whole = period_of(r, &unit, if word == "past" { 0 } else { shift })?;
                    // "the past week": the seven days before the reference.
                    if word == "past" {
                        let length = match unit.as_str() {
                            "week" => 7,
                            "month" => 30,
                            _ => 365,
                        };
                        return Some(date(shift_days(r, -length)?, r));
                    }
                    match (previous.as_str(), whole) {
                        ("earlier", TimeKind::Date { start, .. }) if shift == 0 => {
                            Some(date(start, r))
                        }
                        ("later", TimeKind::Date { end, .. }) if shift == 0 => Some(date(r, end)),
                        (_, kind) => Some(kind),
                    }
                })
                .unwrap_or(TimeKind::Unresolved);
            return Some((
                Found {
                    first,
                    last: index + 1,
                    kind,
                },
                index + 2,
            ));
        }
    }
    // "in the coming days/week/weeks/months", "in the next few days".
    if word == "coming" || (word == "next" && lower(tokens, index + 1) == "few") {
        let unit_index = if word == "next" { index + 2 } else { index + 1 };
        let unit = lower(tokens, unit_index);
        let days = match unit.as_str() {
            "day" | "days" => Some((1, 7)),
            "week" => Some((1, 7)),
            "weeks" => Some((1, 28)),
            "month" => Some((1, 31)),
            "months" => Some((1, 180)),
            _ => None,
        }?;
        let first = if index >= 2
            && lower(tokens, index - 1) == "the"
            && lower(tokens, index - 2) == "in"
        {
            index - 2
        } else {
            index
        };
        let kind = reference
            .and_then(|r| Some(date(shift_days(r, days.0)?, shift_days(r, days.1)?)))
            .unwrap_or(TimeKind::Unresolved);
        return Some((
            Found {
                first,
                last: unit_index,
                kind,
            },
            unit_index + 1,
        ));
    }
    None
}

/// "three years", "two to three days", "over seven weeks", "just over an hour", "30-day",
/// "month-long", "within 100 days"; with "ago"/"prior"/"earlier" a date before the reference.
fn duration_expression(
    tokens: &[Token<'_>],
    index: usize,
    reference: Option<NaiveDate>,
) -> Option<(Found, usize)> {
    let token = tokens.get(index)?;
    // "month-long", "year-long", "week-long"
    if let Some(unit) = token.text.to_lowercase().strip_suffix("-long")
        && let Some(days) = unit_days(unit)
    {
        let kind = TimeKind::Duration {
            low_days: days,
            high_days: days,
        };
        return Some((
            Found {
                first: index,
                last: index,
                kind,
            },
            index + 1,
        ));
    }
    let word = token.text.to_lowercase();
    let (read, unit_days_value, unit_index) = if (word == "a" || word == "an")
        && let Some(days) = unit_days(&lower(tokens, index + 1))
    {
        (None, days, index + 1)
    } else {
        let read = read_number(tokens, index)?;
        let (days, unit_index) = match &read.attached_unit {
            Some(unit) => (unit_days(unit.trim_end_matches("-old"))?, read.end - 1),
            None => (unit_days(&lower(tokens, read.end))?, read.end),
        };
        (Some(read), days, unit_index)
    };
    let mut whole = 0.0;
    let mut first = read.as_ref().map_or(index, |r| r.start);
    if let Some(read) = &read {
        let token_text = tokens.get(read.start).map_or("", |t| t.text);
        let before = |back: usize| {
            read.start
                .checked_sub(back)
                .map_or(String::new(), |i| lower(tokens, i))
        };
        // "6:00 minutes" written "6: 00": the tail of a clock reading, not a length.
        if read.from_digits
            && ((token_text.len() >= 2 && token_text.starts_with('0')) || before(1) == ":")
        {
            return None;
        }
        // "22 1/2 years": the denominator read alone; "22 and a half years".
        let numerator = before(2).parse::<f64>().ok();
        if before(1) == "/"
            && let (Some(numerator), Some(denominator)) = (numerator, read.value)
            && denominator > 0.0
        {
            let integer = read
                .start
                .checked_sub(3)
                .and_then(|i| read_number(tokens, i))
                .filter(|r| r.end + 2 == read.start && r.from_digits);
            whole = integer.as_ref().and_then(|r| r.value).unwrap_or(0.0) + numerator / denominator
                - denominator;
            first = integer.map_or(read.start - 2, |r| r.start);
        } else if token_text.eq_ignore_ascii_case("half")
            && before(1) == "a"
            && before(2) == "and"
            && let Some(integer) = read
                .start
                .checked_sub(3)
                .and_then(|i| read_number(tokens, i))
                .filter(|r| r.end + 2 == read.start)
            && let Some(value) = integer.value
        {
            whole = value;
            first = integer.start;
        }
    }
    let (mut low, mut high) = match &read {
        Some(read) => (
            (read.low + whole) * unit_days_value,
            (read.high + whole) * unit_days_value,
        ),
        None => (unit_days_value, unit_days_value),
    };
    let exact = read
        .as_ref()
        .is_none_or(|r| r.approx == Approximation::Exact);
    if exact && let Some((hedge, hedge_start)) = hedge_before(tokens, first) {
        (low, high) = hedged_bounds(hedge, low);
        first = hedge_start;
    } else if exact && first > 0 && lower(tokens, first - 1) == "within" {
        low = 0.0;
        first -= 1;
    }
    let mut last = unit_index;
    let after = lower(tokens, unit_index + 1);
    if matches!(after.as_str(), "ago" | "prior" | "earlier") {
        last = unit_index + 1;
        let kind = match reference {
            Some(reference) => {
                let start = shift_days(reference, -(high.min(36_500.0).ceil() as i64))?;
                let end = shift_days(reference, -(low.floor() as i64))?;
                date(start, end)
            }
            None => TimeKind::Unresolved,
        };
        return Some((Found { first, last, kind }, last + 1));
    }
    let kind = TimeKind::Duration {
        low_days: low,
        high_days: high,
    };
    Some((Found { first, last, kind }, last + 1))
}

/// A bare year: "in 2014", "since 2022".
fn year_expression(tokens: &[Token<'_>], index: usize) -> Option<(Found, usize)> {
    let token = tokens.get(index)?;
    let year = year_number(token.text)?;
    let next = lower(tokens, index + 1);
    if next == "%" || next == "people" || crate::text::looks_plural(&next) && next != "as" {
        return None;
    }
    let kind = date(
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    );
    Some((
        Found {
            first: index,
            last: index,
            kind,
        },
        index + 1,
    ))
}

/// Finds the dates and durations in one sentence.
///
/// Absolute dates ("May 16", "June 20 and 30", "February 2022", "2014"), relative ones
/// ("Monday", "last month", "in the coming week", "by the end of June", "three years ago",
/// "several days prior") resolved against `reference` (the article date) when given, else
/// [`TimeKind::Unresolved`], and durations ("30-day", "month-long", "within 100 days",
/// "over seven weeks", "just over an hour", "two to three days"). A weekday is the last one on
/// or before the reference unless the sentence speaks of the future ("will", "next").
///
/// ```
/// use chrono::NaiveDate;
/// use corroborate_facts::{find_times, TimeKind};
/// let day = NaiveDate::from_ymd_opt(2025, 6, 2);
/// let found = find_times("The talks on May 16 ended without a deal.", day);
/// let may16 = NaiveDate::from_ymd_opt(2025, 5, 16).unwrap();
/// assert_eq!(found[0].kind, TimeKind::Date { start: may16, end: may16 });
/// ```
pub fn find_times(sentence: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let tokens = tokenize(sentence);
    let mut found: Vec<Found> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if let Some((mut many, next)) = month_expressions(&tokens, index, reference) {
            found.append(&mut many);
            index = next.max(index + 1);
            continue;
        }
        let single = weekday_expression(&tokens, index, reference)
            .or_else(|| relative_expression(&tokens, index, reference))
            .or_else(|| duration_expression(&tokens, index, reference))
            .or_else(|| year_expression(&tokens, index));
        match single {
            Some((one, next)) => {
                found.push(one);
                index = next.max(index + 1);
            }
            None => index += 1,
        }
    }
    found
        .into_iter()
        .filter_map(|f| {
            let (first, last) = (tokens.get(f.first)?, tokens.get(f.last)?);
            let text = sentence.get(first.start..last.end)?.to_string();
            Some(TimeExpr {
                span: Span {
                    start: first.start,
                    end: last.end,
                },
                kind: f.kind,
                text,
            })
        })
        .collect()
}

/// A calendar day as a text names it: month and day, and the year when written ("May 16",
/// "2 June 2025").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NamedDay {
    /// Year, when the text gives it.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

/// Words that put a sentence in the future or the conditional: days it names are plans or
/// expectations, not happenings it recounts. ("may" counts only in lower case: "May" is the
/// month.)
const NOT_RECOUNTING: &[&str] = &[
    "will",
    "would",
    "could",
    "should",
    "might",
    "shall",
    "may",
    "expects",
    "expect",
    "expected",
    "plans",
    "plan",
    "planned",
    "scheduled",
    "next",
    "coming",
    "upcoming",
];

/// Explicit days ("May 16", "16 May 2025", "June 2, 2025") that a sentence recounts as
/// having happened: none when the sentence speaks of the future or the conditional ("talks
/// could resume between June 20 and 30", "a reply is expected by the end of June"). An event
/// known only from undated articles took place after every day its articles recount.
pub fn recounted_days(sentence: &str) -> Vec<NamedDay> {
    let tokens = tokenize(sentence);
    let not_recounting = tokens.iter().any(|token| {
        let word = token.text;
        (word == "may" || !word.eq_ignore_ascii_case("may"))
            && NOT_RECOUNTING.iter().any(|w| word.eq_ignore_ascii_case(w))
    });
    if not_recounting {
        return Vec::new();
    }
    let day_of = |token: Option<&Token<'_>>| -> Option<u32> {
        let text = token?.text;
        let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &text[digits.len()..];
        if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)) {
            return None;
        }
        digits
            .parse::<u32>()
            .ok()
            .filter(|day| (1..=31).contains(day))
    };
    let year_at = |index: usize| -> Option<i32> {
        let mut index = index;
        if tokens.get(index).is_some_and(|t| t.text == ",") {
            index += 1;
        }
        tokens
            .get(index)?
            .text
            .parse::<i32>()
            .ok()
            .filter(|year| (1900..=2100).contains(year))
    };
    let mut days = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        // Month names are capitalised in running text; "may" and "march" in lower case are
        // words.
        if !token.text.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(month) = month_number(token.text) else {
            continue;
        };
        if let Some(day) = day_of(tokens.get(index + 1)) {
            days.push(NamedDay {
                year: year_at(index + 2),
                month,
                day,
            });
        } else if let Some(day) = index.checked_sub(1).and_then(|i| day_of(tokens.get(i))) {
            days.push(NamedDay {
                year: year_at(index + 1),
                month,
                day,
            });
        }
    }
    days
}

#[cfg(test)]
mod recounted_tests {
    use super::{NamedDay, recounted_days};

    fn day(year: Option<i32>, month: u32, day: u32) -> NamedDay {
        NamedDay { year, month, day }
    }

    #[test]
    fn days_recounted_as_past_are_read_in_either_order_with_their_year() {
        assert_eq!(
            recounted_days("In the last meeting on June 2, the delegation presented its demands."),
            [day(None, 6, 2)]
        );
        assert_eq!(
            recounted_days("The ceasefire signed on 16 May 2025 collapsed within a week."),
            [day(Some(2025), 5, 16)]
        );
        assert_eq!(
            recounted_days("Flooding on March 3rd, 2024 and on April 9 closed the line."),
            [day(Some(2024), 3, 3), day(None, 4, 9)]
        );
    }

    #[test]
    fn plans_expectations_and_conditionals_recount_nothing() {
        assert!(recounted_days("Talks could resume between June 20 and 30.").is_empty());
        assert!(recounted_days("The court will rule on May 5.").is_empty());
        assert!(recounted_days("Officials may meet on July 1.").is_empty());
        assert!(recounted_days("A reply is expected on September 4.").is_empty());
        // "May" the month is no modal.
        assert_eq!(
            recounted_days("Parliament approved the budget on May 12."),
            [day(None, 5, 12)]
        );
        // A month without a day, or a lower-case word, is no day.
        assert!(recounted_days("Prices rose in March and may fall 3 points.").is_empty());
    }
}
