//! Counted things: "6,000 bodies", "about 20% of Ukrainian land", "hundreds of children",
//! "1,000 prisoners each", "two to three days".

use serde::{Deserialize, Serialize};

use crate::Span;
use crate::lexicon::in_list;
use crate::text::{Token, looks_plural, singular, strip_possessive, tokenize};

/// How a number was hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approximation {
    /// Stated plainly: "6,000".
    Exact,
    /// "about", "around", "roughly", "some", "an estimated".
    About,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "upwards of".
    MoreThan,
    /// "just over", "slightly more than".
    JustOver,
    /// "barely", "scarcely".
    Barely,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "at most", "up to", "no more than", "as many as".
    AtMost,
    /// "less than", "fewer than", "under".
    LessThan,
    /// An explicit range: "two to three", "between 5 and 10".
    Range,
    /// A vague amount: "hundreds of", "dozens of", "several", "a few".
    Vague,
}

/// What a quantity counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// For each party: "each", "apiece", "on each side", "from both sides".
    EachSide,
    /// Summed: "in total", "a total of", "combined", "altogether".
    Total,
    /// "a day", "per day", "daily".
    PerDay,
    /// "a week", "per week", "weekly".
    PerWeek,
    /// "a month", "per month", "monthly".
    PerMonth,
    /// "a year", "per year", "annually".
    PerYear,
}

/// A number found in text, with its hedge, unit and scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Byte offsets of the hedge, number and unit in the sentence.
    pub span: Span,
    /// The stated number, when one number was stated (`None` for ranges and vague amounts).
    pub value: Option<f64>,
    /// Lowest value the text allows.
    pub low: f64,
    /// Highest value the text allows; `f64::INFINITY` when open ("at least 5").
    pub high: f64,
    /// How the number was hedged.
    pub approx: Approximation,
    /// Lemma of the counted noun ("body", "prisoner", "day") or "%".
    pub unit: Option<String>,
    /// For shares, what it is a share of ("20% of Ukrainian land" → "land").
    pub of: Option<String>,
    /// What the number counts over.
    pub scope: Option<Scope>,
}

const SMALL_NUMBERS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
    ("half", 0.5),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mn", 1e6),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];

/// Vague amounts: word(s), low, high.
const VAGUE: &[(&[&str], f64, f64)] = &[
    (&["tens", "of", "thousands"], 20_000.0, 99_999.0),
    (&["hundreds", "of", "thousands"], 200_000.0, 999_999.0),
    (&["hundreds"], 200.0, 999.0),
    (&["thousands"], 2_000.0, 9_999.0),
    (&["millions"], 2e6, 999_999_999.0),
    (&["billions"], 2e9, 999_999_999_999.0),
    (&["dozens"], 24.0, 99.0),
    (&["scores"], 40.0, 99.0),
    (&["several"], 3.0, 9.0),
    (&["a", "few"], 2.0, 5.0),
    (&["a", "couple", "of"], 2.0, 3.0),
    (&["a", "handful", "of"], 2.0, 6.0),
    (&["numerous"], 5.0, 99.0),
];

/// Hedges before a number, longest first.
const HEDGES: &[(&[&str], Approximation)] = &[
    (&["slightly", "more", "than"], Approximation::JustOver),
    (&["a", "little", "over"], Approximation::JustOver),
    (&["a", "little", "more", "than"], Approximation::JustOver),
    (&["little", "more", "than"], Approximation::JustOver),
    (&["just", "over"], Approximation::JustOver),
    (&["just", "above"], Approximation::JustOver),
    (&["just", "more", "than"], Approximation::JustOver),
    (&["just", "under"], Approximation::Nearly),
    (&["just", "shy", "of"], Approximation::Nearly),
    (&["just", "below"], Approximation::Nearly),
    (&["close", "to"], Approximation::Nearly),
    (&["no", "fewer", "than"], Approximation::AtLeast),
    (&["no", "less", "than"], Approximation::AtLeast),
    (&["a", "minimum", "of"], Approximation::AtLeast),
    (&["at", "least"], Approximation::AtLeast),
    (&["no", "more", "than"], Approximation::AtMost),
    (&["a", "maximum", "of"], Approximation::AtMost),
    (&["as", "many", "as"], Approximation::AtMost),
    (&["as", "much", "as"], Approximation::AtMost),
    (&["at", "most"], Approximation::AtMost),
    (&["up", "to"], Approximation::AtMost),
    (&["more", "than"], Approximation::MoreThan),
    (&["upwards", "of"], Approximation::MoreThan),
    (&["in", "excess", "of"], Approximation::MoreThan),
    (&["less", "than"], Approximation::LessThan),
    (&["fewer", "than"], Approximation::LessThan),
    (&["in", "the", "vicinity", "of"], Approximation::About),
    (&["in", "the", "region", "of"], Approximation::About),
    (&["on", "the", "order", "of"], Approximation::About),
    (&["an", "estimated"], Approximation::About),
    (&["an", "approximate"], Approximation::About),
    (&["approximately"], Approximation::About),
    (&["something", "like"], Approximation::About),
    (&["about"], Approximation::About),
    (&["around"], Approximation::About),
    (&["roughly"], Approximation::About),
    (&["some"], Approximation::About),
    (&["estimated"], Approximation::About),
    (&["circa"], Approximation::About),
    (&["nearly"], Approximation::Nearly),
    (&["almost"], Approximation::Nearly),
    (&["over"], Approximation::MoreThan),
    (&["above"], Approximation::MoreThan),
    (&["under"], Approximation::LessThan),
    (&["below"], Approximation::LessThan),
    (&["barely"], Approximation::Barely),
    (&["scarcely"], Approximation::Barely),
    (&["hardly"], Approximation::Barely),
];

/// Words that end a noun phrase after a number.
const PHRASE_STOPS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "be",
    "been",
    "will",
    "would",
    "who",
    "which",
    "that",
    "each",
    "per",
    "since",
    "after",
    "before",
    "during",
    "than",
    "as",
    "into",
    "over",
    "under",
    "soon",
    "now",
    "ago",
    "earlier",
    "later",
    "last",
    "this",
    "next",
    "said",
    "says",
    "apiece",
    "more",
    "less",
    "so",
    "far",
    "while",
    "when",
    "where",
    "if",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "did",
    "do",
    "does",
    "not",
    "prior",
    "previously",
    "already",
    "still",
    "yet",
    "away",
    "back",
    "out",
    "up",
    "down",
    "off",
    "between",
    "among",
    "across",
    "through",
    "until",
    "amid",
    "against",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "total",
    "combined",
    "altogether",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "its",
    "their",
    "his",
    "her",
    "our",
    "these",
    "those",
    "some",
];

/// Nouns that are units even in the singular ("a 1 day pause", "5 km").
const UNIT_NOUNS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "km",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
    "metre",
    "metres",
    "meter",
    "meters",
    "kg",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "pound",
    "pounds",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "hryvnia",
    "yuan",
    "yen",
    "people",
    "person",
    "percent",
    "barrel",
    "barrels",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "point",
    "points",
    "time",
    "times",
    "round",
    "rounds",
    "side",
    "sides",
    "country",
    "countries",
    "page",
    "pages",
    "vote",
    "votes",
    "seat",
    "seats",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

pub(crate) fn is_month(word: &str) -> bool {
    MONTHS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// True when the token at `index` is `word`, ignoring ASCII case (no allocation).
pub(crate) fn word_at(tokens: &[Token<'_>], index: usize, word: &str) -> bool {
    tokens
        .get(index)
        .is_some_and(|t| t.text.eq_ignore_ascii_case(word))
}

fn lower(tokens: &[Token<'_>], index: usize) -> String {
    tokens
        .get(index)
        .map(|t| t.text.to_lowercase())
        .unwrap_or_default()
}

fn word_number(word: &str) -> Option<f64> {
    let word = word.to_lowercase();
    if let Some((_, value)) = SMALL_NUMBERS.iter().find(|(name, _)| *name == word) {
        return Some(*value);
    }
    // "twenty-five"
    let (tens, units) = word.split_once('-')?;
    let tens = SMALL_NUMBERS.iter().find(|(name, _)| *name == tens)?.1;
    let units = SMALL_NUMBERS.iter().find(|(name, _)| *name == units)?.1;
    (tens >= 20.0 && units < 10.0).then_some(tens + units)
}

fn digits_number(text: &str) -> Option<f64> {
    if !text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    text.replace(',', "").parse::<f64>().ok()
}

/// A number read from tokens: its value (or vague bounds), where it ends, and a unit carried
/// inside the token ("30-day").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberRead {
    pub start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub value: Option<f64>,
    pub approx: Approximation,
    pub attached_unit: Option<String>,
    pub from_digits: bool,
}

fn multiplier_at(tokens: &[Token<'_>], index: usize) -> Option<f64> {
    let word = lower(tokens, index);
    MULTIPLIERS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, factor)| *factor)
}

/// Reads one number (or range, or vague amount) starting at `index`.
pub(crate) fn read_number(tokens: &[Token<'_>], index: usize) -> Option<NumberRead> {
    let token = tokens.get(index)?;
    let word = token.text.to_lowercase();
    for (words, low, high) in VAGUE {
        let matches = words
            .iter()
            .enumerate()
            .all(|(offset, w)| word_at(tokens, index + offset, w));
        if matches {
            let mut end = index + words.len();
            if lower(tokens, end) == "of" {
                end += 1;
            }
            return Some(NumberRead {
                start: index,
                end,
                low: *low,
                high: *high,
                value: None,
                approx: Approximation::Vague,
                attached_unit: None,
                from_digits: false,
            });
        }
    }
    // "30-day", "5-10", "two-thirds" style tokens.
    let (number_part, rest) = match word.split_once(['-', '–']) {
        Some((head, tail)) if digits_number(head).is_some() => {
            (head.to_string(), Some(tail.to_string()))
        }
        _ => (word.clone(), None),
    };
    let (mut value, from_digits) = match digits_number(&number_part) {
        Some(value) => (value, true),
        None => match word_number(&word) {
            Some(value) => (value, false),
            None if (word == "a" || word == "an") && multiplier_at(tokens, index + 1).is_some() => {
                (1.0, false)
            }
            None => return None,
        },
    };
    let mut end = index + 1;
    let mut attached_unit = None;
    let mut range_high = None;
    if let Some(rest) = rest {
        if let Some(high) = digits_number(&rest) {
            range_high = Some(high);
        } else if rest.chars().all(|c| c.is_alphabetic() || c == '-') && !rest.is_empty() {
            attached_unit = Some(rest);
        }
    }
    while let Some(factor) = multiplier_at(tokens, end) {
        // "m"/"k" only right after digits ("5m"), and a multiplier must not start a new
        // number ("one thousand" is fine, "the thousand" never gets here).
        if matches!(lower(tokens, end).as_str(), "m" | "k") && !from_digits {
            break;
        }
        value *= factor;
        if let Some(high) = range_high.as_mut() {
            *high *= factor;
        }
        end += 1;
    }
    // "two to three", "5 or 6", "between 5 and 10"
    let joiner = lower(tokens, end);
    if range_high.is_none()
        && matches!(joiner.as_str(), "to" | "-" | "–" | "or" | "and")
        && let Some(second) = tokens.get(end + 1)
    {
        let second_value = digits_number(second.text).or_else(|| word_number(second.text));
        let between = index > 0 && lower(tokens, index - 1) == "between";
        if let Some(mut high) = second_value
            && (joiner != "and" || between)
        {
            let mut second_end = end + 2;
            let mut factor_seen = 1.0;
            while let Some(factor) = multiplier_at(tokens, second_end) {
                high *= factor;
                factor_seen *= factor;
                second_end += 1;
            }
            // "1 to 2 million": the multiplier covers both ends.
            if factor_seen > 1.0 && value * factor_seen <= high {
                value *= factor_seen;
            }
            if high > value {
                range_high = Some(high);
                end = second_end;
            }
        }
    }
    let start = if index > 0 && lower(tokens, index - 1) == "between" && range_high.is_some() {
        index - 1
    } else {
        index
    };
    Some(match range_high {
        Some(high) if high > value => NumberRead {
            start,
            end,
            low: value,
            high,
            value: None,
            approx: Approximation::Range,
            attached_unit,
            from_digits,
        },
        _ => NumberRead {
            start,
            end,
            low: value,
            high: value,
            value: Some(value),
            approx: Approximation::Exact,
            attached_unit,
            from_digits,
        },
    })
}

/// The hedge right before `index`, and where it starts.
pub(crate) fn hedge_before(tokens: &[Token<'_>], index: usize) -> Option<(Approximation, usize)> {
    for (words, approx) in HEDGES {
        let Some(start) = index.checked_sub(words.len()) else {
            continue;
        };
        if words
            .iter()
            .enumerate()
            .all(|(offset, w)| word_at(tokens, start + offset, w))
        {
            return Some((*approx, start));
        }
    }
    None
}

/// Bounds for a single hedged value.
pub(crate) fn hedged_bounds(approx: Approximation, value: f64) -> (f64, f64) {
    match approx {
        Approximation::Exact | Approximation::Range | Approximation::Vague => (value, value),
        Approximation::About => (value * 0.9, value * 1.1),
        Approximation::AtLeast | Approximation::MoreThan => (value, f64::INFINITY),
        Approximation::JustOver => (value, value * 1.1),
        Approximation::Barely => (value * 0.95, value * 1.05),
        Approximation::Nearly => (value * 0.9, value),
        Approximation::AtMost | Approximation::LessThan => (0.0, value),
    }
}

fn is_stop(word: &str) -> bool {
    PHRASE_STOPS.contains(&word.to_lowercase().as_str())
}

/// Head noun of the phrase starting at `index`: the first unit noun or plural within three
/// words, stopping at function words and punctuation. Returns its lemma and index.
fn counted_noun(tokens: &[Token<'_>], index: usize, singular_ok: bool) -> Option<(String, usize)> {
    let mut fallback = None;
    for offset in 0..4 {
        let Some(token) = tokens.get(index + offset) else {
            break;
        };
        if !token.is_word() || is_stop(token.text) {
            break;
        }
        let word = strip_possessive(token.text);
        let lower = word.to_lowercase();
        if UNIT_NOUNS.contains(&lower.as_str()) {
            return Some((
                if lower == "percent" {
                    "%".to_string()
                } else {
                    singular(&lower)
                },
                index + offset,
            ));
        }
        if token.is_capitalised() {
            // Nationality adjectives and names qualify the noun: "6,000 Ukrainian soldiers".
            continue;
        }
        if looks_plural(&lower) && !lower.ends_with("ing") {
            return Some((singular(&lower), index + offset));
        }
        if fallback.is_none() && singular_ok && !lower.ends_with("ly") {
            fallback = Some((lower.clone(), index + offset));
        }
    }
    fallback
}

/// Head of the phrase after "of": the last word before a stop ("of Ukrainian land" → "land").
fn of_head(tokens: &[Token<'_>], index: usize) -> Option<(String, usize)> {
    let mut head = None;
    let mut cursor = index;
    while let Some(token) = tokens.get(cursor) {
        let lower = token.text.to_lowercase();
        if cursor == index
            && matches!(
                lower.as_str(),
                "the" | "its" | "their" | "his" | "her" | "all"
            )
        {
            cursor += 1;
            continue;
        }
        if !token.is_word() || is_stop(&lower) || cursor >= index + 5 {
            break;
        }
        head = Some((singular(strip_possessive(token.text)), cursor));
        if looks_plural(strip_possessive(token.text))
            && strip_possessive(token.text).len() == token.text.len()
        {
            // A plural noun heads its phrase: "70% of Ukrainians want peace".
            break;
        }
        if strip_possessive(token.text).len() != token.text.len() {
            // "the country's territory": the possessor qualifies what follows.
            cursor += 1;
            continue;
        }
        cursor += 1;
    }
    head
}

fn scope_after(tokens: &[Token<'_>], index: usize) -> Option<(Scope, usize)> {
    const AFTER: &[(&[&str], Scope)] = &[
        (&["on", "each", "side"], Scope::EachSide),
        (&["from", "each", "side"], Scope::EachSide),
        (&["on", "both", "sides"], Scope::EachSide),
        (&["from", "both", "sides"], Scope::EachSide),
        (&["for", "each", "side"], Scope::EachSide),
        (&["per", "side"], Scope::EachSide),
        (&["each", "day"], Scope::PerDay),
        (&["every", "day"], Scope::PerDay),
        (&["per", "day"], Scope::PerDay),
        (&["a", "day"], Scope::PerDay),
        (&["daily"], Scope::PerDay),
        (&["per", "week"], Scope::PerWeek),
        (&["a", "week"], Scope::PerWeek),
        (&["weekly"], Scope::PerWeek),
        (&["per", "month"], Scope::PerMonth),
        (&["a", "month"], Scope::PerMonth),
        (&["monthly"], Scope::PerMonth),
        (&["per", "year"], Scope::PerYear),
        (&["a", "year"], Scope::PerYear),
        (&["annually"], Scope::PerYear),
        (&["each"], Scope::EachSide),
        (&["apiece"], Scope::EachSide),
        (&["in", "total"], Scope::Total),
        (&["in", "all"], Scope::Total),
        (&["combined"], Scope::Total),
        (&["altogether"], Scope::Total),
        (&["total"], Scope::Total),
    ];
    for (words, scope) in AFTER {
        if words
            .iter()
            .enumerate()
            .all(|(offset, w)| word_at(tokens, index + offset, w))
        {
            return Some((*scope, index + words.len()));
        }
    }
    None
}

/// True when the number at `index` is a calendar year, a day of a month or a clock time.
fn is_calendar_number(tokens: &[Token<'_>], read: &NumberRead) -> bool {
    let Some(token) = tokens.get(read.start) else {
        return false;
    };
    let previous = if read.start > 0 {
        lower(tokens, read.start - 1)
    } else {
        String::new()
    };
    let next = lower(tokens, read.end);
    if is_month(&previous) || is_month(&next) || next == ":" || previous == ":" {
        return true;
    }
    // "a 2-1 win", "beat them 20-13": a score or a record, not a count or a range.
    let score = token
        .text
        .split_once(['-', '–'])
        .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)))
        .is_some_and(|(a, b)| a >= b || in_list(SCORE_WORDS, &next));
    if score {
        return true;
    }
    // "Sept. 11 hijackers": a day after an abbreviated month.
    if previous == "." && read.start >= 2 && is_month(&lower(tokens, read.start - 2)) {
        return true;
    }
    if read.from_digits {
        // "051" is the tail of a figure split by a stray space ("4, 051 yards"), or a code.
        let leading_zero =
            token.text.len() >= 2 && token.text.starts_with('0') && !token.text.starts_with("0.");
        // "times.”5 Ancient": a digit glued to the word or quote before it marks a note.
        let glued = read.start > 0
            && tokens.get(read.start - 1).is_some_and(|before| {
                before.end == token.start
                    && before
                        .text
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_alphabetic() || matches!(c, '”' | '"' | '’'))
            });
        if leading_zero || glued {
            return true;
        }
    }
    if read.from_digits && read.approx == Approximation::Exact && !token.text.contains(',') {
        let value = read.value.unwrap_or(0.0);
        let year_like = token.text.len() == 4 && (1800.0..=2100.0).contains(&value);
        let counted = next == "%" || (!is_stop(&next) && looks_plural(&next));
        if year_like && !counted {
            return true;
        }
    }
    false
}

/// Nouns after "N-M" that make it a score or record ("a 1-3 defeat").
const SCORE_WORDS: &[&str] = &[
    "win",
    "victory",
    "defeat",
    "loss",
    "draw",
    "lead",
    "score",
    "record",
    "scoreline",
    "tie",
    "advantage",
    "deficit",
    "margin",
    "series",
    "split",
    "decision",
    "vote",
];

/// Finds the quantities in one sentence.
///
/// Numbers in digits or words, with multipliers ("1.5 million"), ranges ("two to three days",
/// "between 5 and 10"), vague amounts ("hundreds of children" → 200..999, "dozens",
/// "several"), hedges before them ("about", "at least", "just over", "barely"), the counted
/// noun's lemma as unit (or "%"), "% of X", and a scope after the noun ("each",
/// "on each side", "in total", "a day"). Years, days of months and clock times are left to
/// [`crate::find_times`].
///
/// ```
/// use corroborate_facts::{find_quantities, Approximation};
/// let found = find_quantities("Russia controls about 20% of Ukrainian land.");
/// assert_eq!(found[0].approx, Approximation::About);
/// assert_eq!(found[0].unit.as_deref(), Some("%"));
/// assert_eq!(found[0].of.as_deref(), Some("land"));
/// ```
pub fn find_quantities(sentence: &str) -> Vec<Quantity> {
    let tokens = tokenize(sentence);
    // Numbers inside dates ("June 20 and 30") are days, not counts.
    let date_spans: Vec<Span> = crate::times::find_times(sentence, None)
        .into_iter()
        .filter(|t| !matches!(t.kind, crate::TimeKind::Duration { .. }))
        .map(|t| t.span)
        .collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let Some(read) = read_number(&tokens, index) else {
            index += 1;
            continue;
        };
        let in_date = tokens.get(read.start).is_some_and(|t| {
            date_spans
                .iter()
                .any(|span| t.start >= span.start && t.end <= span.end)
        });
        if in_date || is_calendar_number(&tokens, &read) {
            index = read.end.max(index + 1);
            continue;
        }
        let mut end_token = read.end;
        let mut approx = read.approx;
        let (mut low, mut high) = (read.low, read.high);
        let mut start_token = read.start;
        // A currency sign may stand between the hedge and the number: "up to $10,000".
        let currency_before =
            read.start > 0 && matches!(lower(&tokens, read.start - 1).as_str(), "$" | "€" | "£");
        let hedge_at = if currency_before {
            read.start - 1
        } else {
            read.start
        };
        if let Some((hedge, hedge_start)) = hedge_before(&tokens, hedge_at)
            && read.approx == Approximation::Exact
        {
            approx = hedge;
            (low, high) = hedged_bounds(hedge, read.low);
            start_token = hedge_start;
        }
        // Currency signs before the number.
        let mut unit = None;
        if currency_before {
            unit = match lower(&tokens, read.start - 1).as_str() {
                "$" => Some("dollar".to_string()),
                "€" => Some("euro".to_string()),
                "£" => Some("pound".to_string()),
                _ => None,
            };
            if unit.is_some() && start_token == read.start {
                start_token -= 1;
            }
        }
        let mut of = None;
        if let Some(attached) = &read.attached_unit {
            unit = Some(singular(attached));
        } else if unit.is_none() {
            let next = lower(&tokens, end_token);
            if next == "%" {
                unit = Some("%".to_string());
                end_token += 1;
            } else if next == "percent"
                || (next == "per" && lower(&tokens, end_token + 1) == "cent")
            {
                unit = Some("%".to_string());
                end_token += if next == "per" { 2 } else { 1 };
            } else if let Some((noun, at)) = counted_noun(
                &tokens,
                end_token,
                read.value == Some(1.0) || !read.from_digits,
            ) {
                unit = Some(noun);
                end_token = at + 1;
            }
        }
        if unit.as_deref() == Some("%")
            && lower(&tokens, end_token) == "of"
            && let Some((head, at)) = of_head(&tokens, end_token + 1)
        {
            of = Some(head);
            end_token = at + 1;
        }
        let mut scope = None;
        if start_token >= 3
            && lower(&tokens, start_token - 3) == "a"
            && lower(&tokens, start_token - 2) == "total"
            && lower(&tokens, start_token - 1) == "of"
        {
            scope = Some(Scope::Total);
        } else if let Some((found_scope, after)) = scope_after(&tokens, end_token) {
            scope = Some(found_scope);
            end_token = after;
        }
        // Word numbers stand alone too often ("one of them", "no one") to count without a unit.
        let keep = read.from_digits || unit.is_some() || read.approx != Approximation::Exact;
        if keep {
            let (Some(first), Some(last)) = (
                tokens.get(start_token),
                tokens.get(end_token.saturating_sub(1)),
            ) else {
                break;
            };
            found.push(Quantity {
                span: Span {
                    start: first.start,
                    end: last.end,
                },
                value: if approx == Approximation::Exact
                    || read.value.is_some() && approx != Approximation::Vague
                {
                    read.value
                } else {
                    None
                },
                low,
                high,
                approx,
                unit,
                of,
                scope,
            });
        }
        index = end_token.max(read.end).max(index + 1);
    }
    found
}
