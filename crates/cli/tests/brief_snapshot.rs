//! Snapshot of the Markdown brief on the example corpus: any change to what the brief says —
//! a fact gained or lost, a status changed, an event split — shows up as a reviewed diff of
//! `tests/snapshots/`. To accept an intended change: `INSTA_UPDATE=always cargo test -p
//! corroborate --test brief_snapshot`, then read the diff before committing it.

use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;

#[test]
fn the_example_brief_matches_its_snapshot() {
    let dir = tempfile::TempDir::new().expect("temporary folder");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks-2025");
    let output = Command::cargo_bin("corroborate")
        .expect("binary built")
        .arg("--quiet")
        .arg("--db")
        .arg(dir.path().join("c.db"))
        .args(["run", "--format", "md"])
        .arg(&example)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let brief = String::from_utf8(output.stdout).expect("Markdown is UTF-8");
    insta::assert_snapshot!("istanbul_talks_brief", brief);
}
