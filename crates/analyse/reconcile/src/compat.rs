//! Whether two stated quantities can both be true: the same number, numbers within each
//! other's hedges, a vague amount that contains a number, a per-side figure and its total.

use corroborate_model::ArticleId;
use serde::{Deserialize, Serialize};

/// One number as a source stated it, with what it counts and how it was hedged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuantitySlot {
    /// The stated number, when one was stated (`None` for ranges and vague amounts).
    pub value: Option<f64>,
    /// Lowest value the text allows.
    pub low: f64,
    /// Highest value the text allows; `None` when open ("at least 5").
    pub high: Option<f64>,
    /// What is counted: the head noun's lemma ("body"), `"%"` or `"% of land"` for shares,
    /// `"day"` for durations.
    pub unit: Option<String>,
    /// What it counts over: `each_side`, `total`, `per_day` ..., or `mutual` when the sentence
    /// speaks of an exchange between two sides without saying which.
    pub scope: Option<String>,
    /// The hedge as a snake_case word (`exact`, `about`, `vague`, `range` ...).
    pub approx: String,
    /// The article that states it.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub article: ArticleId,
    /// The words as written ("about 12,000 soldiers", "month-long").
    pub text: String,
}

/// How two quantities relate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compatibility {
    /// The same number, hedge and scope.
    Same,
    /// Different wording that can both be true; the text says why.
    Compatible(String),
    /// Both cannot be true; the text says why.
    Conflict(String),
    /// They count different things (unit, share base or rate differ).
    Unrelated,
}

/// How the note for a per-side figure and its total joins the two.
pub(crate) const EACH_SIDE_NOTE: &str = " on each side and ";

/// Relative slack for lengths of time: a month is 28 to 31 days, so "30-day" and
/// "month-long" describe the same length.
const DURATION_TOLERANCE: f64 = 0.1;

/// Relative slack for exact figures: rounding in the last written digit ("1.9" vs "1.90").
const EXACT_TOLERANCE: f64 = 0.005;

fn is_rate(scope: Option<&str>) -> Option<&str> {
    scope.filter(|s| s.starts_with("per_"))
}

/// The precision a round figure is written to: "17,000" is 17 thousands, so it stands for
/// anything from 16,500 (rounded) to just under 18,000 (cut short: "17,000 attachments" for
/// 17,761). `None` for a figure with fewer than two trailing zeros. At least two significant
/// digits are kept, so "100" is precise to ten and "6,000" to a hundred: a one-digit figure is
/// not read as anything up to twice itself.
fn round_figure_unit(value: f64) -> Option<f64> {
    if !(100.0..1e15).contains(&value) || value.fract() != 0.0 {
        return None;
    }
    let mut integer = value as u64;
    let digits = integer.ilog10() + 1;
    let mut trailing_zeros = 0;
    while integer % 10 == 0 {
        integer /= 10;
        trailing_zeros += 1;
    }
    (trailing_zeros >= 2).then(|| 10f64.powi(trailing_zeros.min(digits - 2) as i32))
}

/// The unit a slot's round exact figure is written to, if it is one.
fn round_unit_of(slot: &QuantitySlot) -> Option<f64> {
    slot.value
        .filter(|_| slot.approx == "exact")
        .and_then(round_figure_unit)
}

/// [`widened`], and by the precision a round figure is written to when `against` is not round
/// itself: "17,000" may stand for 17,761, but "17,000" and "18,000" are two different figures.
fn widened_against(slot: &QuantitySlot, against: &QuantitySlot) -> (f64, f64) {
    let (low, high) = widened(slot);
    match (round_unit_of(slot), round_unit_of(against)) {
        (Some(unit), None) => {
            let value = slot.value.unwrap_or(slot.low);
            // Just under the next unit: "17,000" does not stand for 18,000.
            (low.min(value - unit / 2.0), high.max(value + unit * 0.999))
        }
        _ => (low, high),
    }
}

/// The interval a slot allows, widened by the tolerance of its unit.
fn widened(slot: &QuantitySlot) -> (f64, f64) {
    let tolerance = if slot.unit.as_deref() == Some("day") {
        DURATION_TOLERANCE
    } else {
        EXACT_TOLERANCE
    };
    let high = slot.high.unwrap_or(f64::INFINITY);
    (slot.low * (1.0 - tolerance), high * (1.0 + tolerance))
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Could `per_side` be one side's share of a two-sided `total`? Checks twice the per-side
/// interval against the total's.
fn doubles_to(per_side: &QuantitySlot, total: &QuantitySlot) -> bool {
    let (low, high) = widened(per_side);
    overlaps((low * 2.0, high * 2.0), widened(total))
}

/// Compares two stated quantities.
///
/// Different units (or share bases, or rates) are [`Compatibility::Unrelated`]. Equal numbers
/// with the same hedge and scope are [`Compatibility::Same`]. Numbers whose allowed intervals
/// overlap are compatible ("about 20%" and "20%", "hundreds" and "400", "30-day" and
/// "month-long"; lengths of time get 10% slack for calendar months; a round figure set against
/// a precise one stands for what it rounds: "17,000" and "17,761"). A figure for each side
/// and one twice as large for both sides together are compatible when one of them is scoped
/// (`each_side`, `total`, or an exchange between two sides). Anything else conflicts.
///
/// ```
/// use corroborate_model::ArticleId;
/// use corroborate_reconcile::{Compatibility, QuantitySlot, compatible};
/// let slot = |value: f64, approx: &str, low: f64, high: f64| QuantitySlot {
///     value: Some(value), low, high: Some(high), unit: Some("person".into()), scope: None,
///     approx: approx.into(), article: ArticleId::new("a"), text: format!("{value} people"),
/// };
/// assert!(matches!(compatible(&slot(20.0, "about", 18.0, 22.0), &slot(21.0, "exact", 21.0, 21.0)),
///     Compatibility::Compatible(_)));
/// assert!(matches!(compatible(&slot(12.0, "exact", 12.0, 12.0), &slot(40.0, "exact", 40.0, 40.0)),
///     Compatibility::Conflict(_)));
/// ```
pub fn compatible(a: &QuantitySlot, b: &QuantitySlot) -> Compatibility {
    let (Some(unit_a), Some(unit_b)) = (a.unit.as_deref(), b.unit.as_deref()) else {
        return Compatibility::Unrelated;
    };
    if unit_a != unit_b || is_rate(a.scope.as_deref()) != is_rate(b.scope.as_deref()) {
        return Compatibility::Unrelated;
    }
    let loose_scope = |s: Option<&str>| s.is_none() || s == Some("mutual");
    let scopes_agree =
        a.scope == b.scope || (loose_scope(a.scope.as_deref()) && loose_scope(b.scope.as_deref()));
    if a.low == b.low && a.high == b.high && a.approx == b.approx && scopes_agree {
        return Compatibility::Same;
    }
    let scope_a = a.scope.as_deref();
    let scope_b = b.scope.as_deref();
    let one_each_other_total = matches!(
        (scope_a, scope_b),
        (Some("each_side"), Some("total")) | (Some("total"), Some("each_side"))
    );
    if !one_each_other_total && overlaps(widened_against(a, b), widened_against(b, a)) {
        let reason = if a.approx == "vague" || a.approx == "range" {
            format!("\"{}\" includes \"{}\"", a.text, b.text)
        } else if b.approx == "vague" || b.approx == "range" {
            format!("\"{}\" includes \"{}\"", b.text, a.text)
        } else {
            format!(
                "\"{}\" and \"{}\" agree within the approximation",
                a.text, b.text
            )
        };
        return Compatibility::Compatible(reason);
    }
    let sided = |slot: &QuantitySlot| {
        matches!(
            slot.scope.as_deref(),
            Some("each_side" | "total" | "mutual")
        )
    };
    if sided(a) || sided(b) {
        // The smaller figure is the per-side one unless the text says otherwise.
        let (per_side, total) = match (scope_a, scope_b) {
            (Some("each_side"), _) | (_, Some("total")) => (a, b),
            (_, Some("each_side")) | (Some("total"), _) => (b, a),
            _ if a.low <= b.low => (a, b),
            _ => (b, a),
        };
        if per_side.scope.as_deref() != Some("total")
            && total.scope.as_deref() != Some("each_side")
            && doubles_to(per_side, total)
        {
            return Compatibility::Compatible(format!(
                "\"{}\"{EACH_SIDE_NOTE}\"{}\" in total agree",
                per_side.text, total.text
            ));
        }
    }
    Compatibility::Conflict(format!(
        "\"{}\" and \"{}\" differ beyond their approximations",
        a.text, b.text
    ))
}
