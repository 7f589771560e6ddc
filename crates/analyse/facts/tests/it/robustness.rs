//! The extractors never panic and keep their spans on character boundaries, whatever the text.

use corroborate_facts::{
    find_mentions, find_quantities, find_quotes, find_times, resolve_entities,
};

const ODD_INPUTS: &[&str] = &[
    "",
    " ",
    "\"",
    "“",
    "”Leavitt said",
    "‘’‘’",
    "« Bonjour » a dit M. Macron.",
    "Mr. . . Dr.",
    "U.S.-brokered talks",
    "between and",
    "5-",
    "-5",
    "1,,000",
    "99999999999999999999999999999999999999 people",
    "at least",
    "May",
    "June 31 and February 30, 2025",
    "mid-",
    "Ελλάδα και Κύπρος, Україна та Росія, 北京和上海",
    "Zelensky’s’ “quoted ‘nested “deep” text’ here”",
    "\u{0301}\u{0301} combining marks first",
    "The 2014 2022 2025 years",
    "last week next week this year earlier this month later",
    "Presidents and",
    "a 1.5.6-day truce of 2–3 weeks",
];

#[test]
fn odd_inputs_do_not_panic() {
    let reference = chrono::NaiveDate::from_ymd_opt(2025, 6, 2);
    for text in ODD_INPUTS {
        let mentions = find_mentions(text);
        for mention in &mentions {
            assert!(
                text.get(mention.span.start..mention.span.end).is_some(),
                "{text:?}"
            );
        }
        for quantity in find_quantities(text) {
            assert!(
                text.get(quantity.span.start..quantity.span.end).is_some(),
                "{text:?}"
            );
            assert!(quantity.low <= quantity.high, "{text:?}: {quantity:?}");
        }
        for time in find_times(text, reference)
            .into_iter()
            .chain(find_times(text, None))
        {
            assert_eq!(
                text.get(time.span.start..time.span.end),
                Some(time.text.as_str())
            );
        }
        let _ = find_quotes(&[text, text]);
        let _ = resolve_entities(&mentions);
    }
}

#[test]
fn long_text_is_handled() {
    let sentence = "President Volodymyr Zelensky said “about 20% of land” was lost on May 16. ";
    let text = sentence.repeat(500);
    assert_eq!(find_mentions(&text).len(), 500);
    assert_eq!(find_times(&text, None).len(), 500);
    assert_eq!(find_quotes(&[text.as_str()]).len(), 500);
}
