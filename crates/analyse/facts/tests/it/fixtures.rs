//! Real-world news sentences with the facts a reader finds in them (tests/fixtures/*.json).
//! Each case lists expected items; `"exact": true` also forbids anything else.

use chrono::NaiveDate;
use corroborate_facts::{TimeKind, find_mentions, find_quantities, find_quotes, find_times};
use serde_json::Value;

fn cases(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => items,
        other => panic!("{path}: not a JSON array: {other:?}"),
    }
}

fn text<'a>(case: &'a Value, key: &str) -> &'a str {
    case.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn expected(case: &Value) -> Vec<Value> {
    case.get("expect")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn exact(case: &Value) -> bool {
    case.get("exact").and_then(Value::as_bool).unwrap_or(false)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0) || (a.is_infinite() && b.is_infinite())
}

/// Counts found/expected/extra over all cases, and fails listing every miss.
struct Tally {
    expected: usize,
    matched: usize,
    extra: usize,
    failures: Vec<String>,
}

impl Tally {
    fn new() -> Self {
        Self {
            expected: 0,
            matched: 0,
            extra: 0,
            failures: Vec::new(),
        }
    }

    fn finish(self, what: &str) {
        eprintln!(
            "{what}: {}/{} expected items found, {} unexpected in exact cases",
            self.matched, self.expected, self.extra
        );
        assert!(
            self.failures.is_empty(),
            "{what}:\n{}",
            self.failures.join("\n")
        );
    }
}

#[test]
fn mentions_match_fixtures() {
    let mut tally = Tally::new();
    for case in cases("mentions.json") {
        let sentence = text(&case, "sentence");
        let found = find_mentions(sentence);
        let wanted = expected(&case);
        for want in &wanted {
            tally.expected += 1;
            let hit = found.iter().any(|m| {
                m.name == text(want, "name")
                    && m.kind.as_str() == text(want, "kind")
                    && want
                        .get("role")
                        .is_none_or(|r| m.role.as_deref() == r.as_str())
                    && want
                        .get("metonym")
                        .is_none_or(|r| Some(m.metonym) == r.as_bool())
            });
            if hit {
                tally.matched += 1;
            } else {
                tally
                    .failures
                    .push(format!("missing {want} in {sentence:?}: found {found:?}"));
            }
        }
        if exact(&case) {
            for mention in &found {
                if !wanted.iter().any(|w| text(w, "name") == mention.name) {
                    tally.extra += 1;
                    tally
                        .failures
                        .push(format!("unexpected {mention:?} in {sentence:?}"));
                }
            }
        }
        for mention in &found {
            assert_eq!(
                sentence.get(mention.span.start..mention.span.end),
                Some(mention.surface.as_str())
            );
        }
    }
    tally.finish("mentions");
}

#[test]
fn quantities_match_fixtures() {
    let mut tally = Tally::new();
    for case in cases("quantities.json") {
        let sentence = text(&case, "sentence");
        let found = find_quantities(sentence);
        let wanted = expected(&case);
        for want in &wanted {
            tally.expected += 1;
            let number = |key: &str| want.get(key).and_then(Value::as_f64);
            let hit = found.iter().any(|q| {
                let approx = serde_json::to_value(q.approx).ok();
                let scope = q.scope.and_then(|s| serde_json::to_value(s).ok());
                want.get("text")
                    .is_none_or(|t| sentence.get(q.span.start..q.span.end) == t.as_str())
                    && number("value").is_none_or(|v| q.value.is_some_and(|found| close(found, v)))
                    && number("low").is_none_or(|v| close(q.low, v))
                    && number("high").is_none_or(|v| close(q.high, v))
                    && want.get("open_high").is_none_or(|_| q.high.is_infinite())
                    && want
                        .get("approx")
                        .is_none_or(|a| approx.as_ref() == Some(a))
                    && want
                        .get("unit")
                        .is_none_or(|u| q.unit.as_deref() == u.as_str())
                    && want.get("of").is_none_or(|u| q.of.as_deref() == u.as_str())
                    && want.get("scope").is_none_or(|s| scope.as_ref() == Some(s))
            });
            if hit {
                tally.matched += 1;
            } else {
                tally
                    .failures
                    .push(format!("missing {want} in {sentence:?}: found {found:?}"));
            }
        }
        if exact(&case) && found.len() > wanted.len() {
            tally.extra += found.len() - wanted.len();
            tally
                .failures
                .push(format!("unexpected quantities in {sentence:?}: {found:?}"));
        }
    }
    tally.finish("quantities");
}

fn day(value: &Value) -> Option<NaiveDate> {
    value
        .as_str()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

#[test]
fn times_match_fixtures() {
    let mut tally = Tally::new();
    for case in cases("times.json") {
        let sentence = text(&case, "sentence");
        let reference = case.get("reference").and_then(day);
        let found = find_times(sentence, reference);
        if exact(&case) && found.len() > expected(&case).len() {
            tally.extra += found.len() - expected(&case).len();
            tally
                .failures
                .push(format!("unexpected times in {sentence:?}: {found:?}"));
        }
        for want in expected(&case) {
            tally.expected += 1;
            let number = |key: &str| want.get(key).and_then(Value::as_f64);
            let hit = found.iter().any(|t| {
                let text_ok = want
                    .get("text")
                    .is_none_or(|w| t.text == w.as_str().unwrap_or_default());
                let kind_ok = match t.kind {
                    TimeKind::Date { start, end } => {
                        want.get("start").is_none_or(|w| day(w) == Some(start))
                            && want.get("end").is_none_or(|w| day(w) == Some(end))
                            && want.get("low_days").is_none()
                            && want.get("unresolved").is_none()
                    }
                    TimeKind::Duration {
                        low_days,
                        high_days,
                    } => {
                        want.get("start").is_none()
                            && want.get("unresolved").is_none()
                            && number("low_days").is_none_or(|v| (low_days - v).abs() < 0.01)
                            && number("high_days").is_none_or(|v| (high_days - v).abs() < 0.01)
                            && want
                                .get("open_high")
                                .is_none_or(|_| high_days.is_infinite())
                    }
                    TimeKind::Unresolved => want.get("unresolved").is_some(),
                };
                text_ok && kind_ok
            });
            if hit {
                tally.matched += 1;
            } else {
                tally
                    .failures
                    .push(format!("missing {want} in {sentence:?}: found {found:?}"));
            }
        }
    }
    tally.finish("times");
}

#[test]
fn quotes_match_fixtures() {
    let mut tally = Tally::new();
    for case in cases("quotes.json") {
        let sentences: Vec<&str> = case
            .get("sentences")
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let found = find_quotes(&sentences);
        let wanted = expected(&case);
        for want in &wanted {
            tally.expected += 1;
            let hit = found.iter().any(|(index, q)| {
                want.get("sentence")
                    .and_then(Value::as_u64)
                    .is_none_or(|s| s as usize == *index)
                    && want
                        .get("text")
                        .is_none_or(|t| q.text == t.as_str().unwrap_or_default())
                    && want
                        .get("speaker")
                        .is_none_or(|s| q.speaker.as_deref() == s.as_str())
                    && want.get("no_speaker").is_none_or(|_| q.speaker.is_none())
                    && want
                        .get("fragment")
                        .is_none_or(|f| Some(q.fragment) == f.as_bool())
            });
            if hit {
                tally.matched += 1;
            } else {
                tally
                    .failures
                    .push(format!("missing {want} in {sentences:?}: found {found:?}"));
            }
        }
        if wanted.is_empty() && !found.is_empty() {
            tally.extra += found.len();
            tally
                .failures
                .push(format!("unexpected quotes in {sentences:?}: {found:?}"));
        }
    }
    tally.finish("quotes");
}
