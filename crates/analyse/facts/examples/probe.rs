//! Prints what the extractors find in each line of a text file (for eyeballing).
use std::io::Read;
fn main() {
    let mut text = String::new();
    let _ = std::io::stdin().read_to_string(&mut text);
    let reference = chrono::NaiveDate::from_ymd_opt(2025, 6, 2);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        // crude sentence split for the probe only
        let sentences: Vec<&str> = line.split_inclusive(". ").map(str::trim).collect();
        for s in &sentences {
            println!("## {s}");
            for m in corroborate_facts::find_mentions(s) {
                println!(
                    "  M {:?} name={:?} role={:?} {:?} met={}",
                    m.surface, m.name, m.role, m.kind, m.metonym
                );
            }
            for q in corroborate_facts::find_quantities(s) {
                println!(
                    "  Q {:?} v={:?} {}..{} {:?} unit={:?} of={:?} scope={:?}",
                    &s[q.span.start..q.span.end],
                    q.value,
                    q.low,
                    q.high,
                    q.approx,
                    q.unit,
                    q.of,
                    q.scope
                );
            }
            for t in corroborate_facts::find_times(s, reference) {
                println!("  T {:?} {:?}", t.text, t.kind);
            }
        }
        for (i, q) in corroborate_facts::find_quotes(&sentences) {
            println!(
                "  QUOTE[{i}] {:?} speaker={:?} frag={}",
                q.text, q.speaker, q.fragment
            );
        }
    }
}
