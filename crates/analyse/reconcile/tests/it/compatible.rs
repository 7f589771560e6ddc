//! The pure compatibility check between two stated quantities.

use corroborate_model::ArticleId;
use corroborate_reconcile::{Compatibility, QuantitySlot, compatible};

fn slot(text: &str, low: f64, high: Option<f64>, approx: &str, unit: &str) -> QuantitySlot {
    QuantitySlot {
        value: (Some(low) == high && approx != "range" && approx != "vague").then_some(low),
        low,
        high,
        unit: Some(unit.to_string()),
        scope: None,
        approx: approx.to_string(),
        article: ArticleId::new("a"),
        text: text.to_string(),
    }
}

fn scoped(mut slot: QuantitySlot, scope: &str) -> QuantitySlot {
    slot.scope = Some(scope.to_string());
    slot
}

fn is_compatible(result: &Compatibility) -> bool {
    matches!(result, Compatibility::Compatible(_))
}

#[test]
fn identical_figures_are_the_same() {
    let a = slot("6,000 bodies", 6000.0, Some(6000.0), "exact", "body");
    assert_eq!(compatible(&a, &a.clone()), Compatibility::Same);
    let range = slot("two to three days", 2.0, Some(3.0), "range", "day");
    let digits = slot("2-3 days", 2.0, Some(3.0), "range", "day");
    assert_eq!(compatible(&range, &digits), Compatibility::Same);
}

#[test]
fn hedged_and_plain_figures_agree() {
    let about = slot("about 20%", 18.0, Some(22.0), "about", "% of land");
    let plain = slot("20%", 20.0, Some(20.0), "exact", "% of land");
    assert!(is_compatible(&compatible(&about, &plain)));
    let price = slot("about $2 billion", 1.8e9, Some(2.2e9), "about", "$");
    let exact = slot("$1.9 billion", 1.9e9, Some(1.9e9), "exact", "$");
    assert!(is_compatible(&compatible(&price, &exact)));
}

#[test]
fn a_vague_amount_contains_a_figure_within_it() {
    let vague = slot("hundreds of children", 200.0, Some(999.0), "vague", "child");
    let four_hundred = slot("400 children", 400.0, Some(400.0), "exact", "child");
    match compatible(&vague, &four_hundred) {
        Compatibility::Compatible(reason) => assert!(reason.contains("includes"), "{reason}"),
        other => panic!("{other:?}"),
    }
    let ten = slot("10 children", 10.0, Some(10.0), "exact", "child");
    assert!(matches!(
        compatible(&vague, &ten),
        Compatibility::Conflict(_)
    ));
}

#[test]
fn durations_get_calendar_slack() {
    let thirty = slot("30-day", 30.0, Some(30.0), "exact", "day");
    let month = slot("month-long", 31.0, Some(31.0), "exact", "day");
    assert!(is_compatible(&compatible(&thirty, &month)));
    let week = slot("a week", 7.0, Some(7.0), "exact", "day");
    assert!(matches!(
        compatible(&thirty, &week),
        Compatibility::Conflict(_)
    ));
}

#[test]
fn each_side_doubles_to_the_total() {
    let each = scoped(
        slot("6,000 on each side", 6000.0, Some(6000.0), "exact", "body"),
        "each_side",
    );
    let total = scoped(
        slot(
            "about 12,000 in total",
            10800.0,
            Some(13200.0),
            "about",
            "body",
        ),
        "total",
    );
    match compatible(&each, &total) {
        Compatibility::Compatible(reason) => assert!(reason.contains("each side"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // An exchange between two sides, scope unsaid, reads the same way.
    let exchanged = scoped(
        slot(
            "approximately 12,000 soldiers",
            10800.0,
            Some(13200.0),
            "about",
            "body",
        ),
        "mutual",
    );
    assert!(is_compatible(&compatible(&exchanged, &each)));
    // The same figure per side and in total cannot both hold.
    let total_same = scoped(
        slot("6,000 in total", 6000.0, Some(6000.0), "exact", "body"),
        "total",
    );
    assert!(matches!(
        compatible(&each, &total_same),
        Compatibility::Conflict(_)
    ));
}

#[test]
fn different_death_tolls_conflict() {
    let twelve = slot("12 people", 12.0, Some(12.0), "exact", "person");
    let forty = slot("40 people", 40.0, Some(40.0), "exact", "person");
    assert!(matches!(
        compatible(&twelve, &forty),
        Compatibility::Conflict(_)
    ));
    let at_least = slot("at least 40 people", 40.0, None, "at_least", "person");
    assert!(is_compatible(&compatible(&at_least, &forty)));
    let more = slot("more than 50 people", 50.0, None, "more_than", "person");
    assert!(matches!(
        compatible(&more, &forty),
        Compatibility::Conflict(_)
    ));
}

#[test]
fn different_things_are_unrelated() {
    let bodies = slot("6,000 bodies", 6000.0, Some(6000.0), "exact", "body");
    let prisoners = slot("1,000 prisoners", 1000.0, Some(1000.0), "exact", "prisoner");
    assert_eq!(compatible(&bodies, &prisoners), Compatibility::Unrelated);
    let daily = scoped(
        slot("40 strikes a day", 40.0, Some(40.0), "exact", "strike"),
        "per_day",
    );
    let strikes = slot("400 strikes", 400.0, Some(400.0), "exact", "strike");
    assert_eq!(compatible(&daily, &strikes), Compatibility::Unrelated);
    let mut no_unit = bodies.clone();
    no_unit.unit = None;
    assert_eq!(compatible(&no_unit, &bodies), Compatibility::Unrelated);
}

#[test]
fn a_round_figure_stands_for_the_figures_it_rounds() {
    let round = slot(
        "17,000 attachments",
        17000.0,
        Some(17000.0),
        "exact",
        "attachment",
    );
    let precise = slot(
        "17,761 attachments",
        17761.0,
        Some(17761.0),
        "exact",
        "attachment",
    );
    assert!(is_compatible(&compatible(&round, &precise)));
    let next = slot(
        "18,000 attachments",
        18000.0,
        Some(18000.0),
        "exact",
        "attachment",
    );
    assert!(matches!(
        compatible(&round, &next),
        Compatibility::Conflict(_)
    ));
    // Two significant digits at least: "100" is not anything from 50 to 199.
    let hundred = slot("100 men", 100.0, Some(100.0), "exact", "man");
    let sixty = slot("60 men", 60.0, Some(60.0), "exact", "man");
    assert!(matches!(
        compatible(&hundred, &sixty),
        Compatibility::Conflict(_)
    ));
    let six_thousand = slot("6,000 bodies", 6000.0, Some(6000.0), "exact", "body");
    let more = slot("6,060 bodies", 6060.0, Some(6060.0), "exact", "body");
    let further = slot("6,400 bodies", 6400.0, Some(6400.0), "exact", "body");
    assert!(is_compatible(&compatible(&six_thousand, &more)));
    assert!(matches!(
        compatible(&six_thousand, &further),
        Compatibility::Conflict(_)
    ));
    // A figure that is not round keeps the strict reading.
    let forty_four = slot("44,053 emails", 44053.0, Some(44053.0), "exact", "email");
    let fifty_three = slot("53,000 emails", 53000.0, Some(53000.0), "exact", "email");
    assert!(matches!(
        compatible(&forty_four, &fifty_three),
        Compatibility::Conflict(_)
    ));
}
