//! The command-line contracts, driven through the real binary on real text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks-2025")
}

fn corroborate(db: &Path) -> Command {
    let mut command = Command::cargo_bin("corroborate").expect("binary built");
    command.arg("--db").arg(db);
    command
}

/// The output of a command that must succeed; its stderr is shown when it does not.
fn succeed(output: std::io::Result<std::process::Output>) -> std::process::Output {
    let output = output.expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

#[test]
fn extract_prints_one_json_object_per_article_with_the_contract_fields() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("unused.db");
    let output = succeed(corroborate(&db).arg("extract").arg(example_dir()).output());
    let articles = json_lines(&output.stdout);
    assert_eq!(articles.len(), 5);
    let mut ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    ids.sort();
    assert_eq!(ids[0], "000_fac79099058b545d", "ids are the file stems");
    for article in &articles {
        for field in [
            "id",
            "title",
            "authors",
            "published",
            "source",
            "url",
            "language",
            "text",
            "removed",
        ] {
            assert!(
                article.get(field).is_some(),
                "field {field} missing in {article}"
            );
        }
        assert_eq!(article["language"], "en");
        assert!(article["text"].as_str().unwrap().split_whitespace().count() > 150);
    }
    assert!(!db.exists(), "extract stores nothing");

    let by_id = |prefix: &str| {
        articles
            .iter()
            .find(|a| a["id"].as_str().unwrap().starts_with(prefix))
            .unwrap()
    };
    // The trailing "Source: BBC" line becomes metadata, and the junk around it is listed as removed.
    assert_eq!(by_id("003")["source"], "BBC");
    let removed_text: Vec<&str> = by_id("001")["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert!(
        removed_text.iter().any(|t| t.contains("Reaction")),
        "{removed_text:?}"
    );
    assert!(!by_id("001")["text"].as_str().unwrap().contains("dislike"));
    // Content bullets survive cleaning.
    assert!(
        by_id("002")["text"]
            .as_str()
            .unwrap()
            .contains("full military withdrawal")
    );
}

#[test]
fn ingest_is_idempotent_and_articles_lists_what_is_stored() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let first = succeed(
        corroborate(&db)
            .arg("ingest")
            .arg("--json")
            .arg(example_dir())
            .output(),
    );
    let summary: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(
        (summary["read"].as_u64(), summary["new"].as_u64()),
        (Some(5), Some(5))
    );

    let second = corroborate(&db)
        .arg("ingest")
        .arg("--json")
        .arg(example_dir())
        .output()
        .unwrap();
    let summary: Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(
        (summary["new"].as_u64(), summary["duplicate"].as_u64()),
        (Some(0), Some(5))
    );

    let listed = corroborate(&db)
        .args(["articles", "--json"])
        .output()
        .unwrap();
    let articles = json_lines(&listed.stdout);
    assert_eq!(articles.len(), 5);
    assert!(articles.iter().all(|a| a["removed"].is_array()));

    let text = corroborate(&db).arg("articles").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&text.stdout).lines().count(), 5);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let dir = TempDir::new().unwrap();
    let text = std::fs::read_to_string(example_dir().join("004_d30a29f48c00af17.txt")).unwrap();
    let mut child = corroborate(&dir.path().join("c.db"))
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let articles = json_lines(&output.stdout);
    assert_eq!(articles.len(), 1);
    assert!(
        articles[0]["id"].as_str().unwrap().starts_with('h'),
        "content-hash id for stdin"
    );
    assert!(!articles[0]["text"].as_str().unwrap().contains("Get link"));
}

/// Every kind of bad input gets one clear error line naming it, the good input beside it is
/// still stored, what was stored before is kept, and the exit code says something failed.
#[test]
fn bad_inputs_fail_one_by_one_and_the_run_goes_on() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(
        bad.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255],
    )
    .unwrap();
    std::fs::write(
        bad.join("latin1.txt"),
        b"Caf\xe9 au lait is served in Paris every morning.\n",
    )
    .unwrap();
    std::fs::write(bad.join("empty.txt"), b"").unwrap();
    std::fs::write(
        bad.join("truncated.html.gz"),
        &gzip(b"<html><body><p>Hello</p></body></html>")[..20],
    )
    .unwrap();
    let huge = std::fs::File::create(bad.join("huge.txt")).unwrap();
    huge.set_len(50 * 1024 * 1024).unwrap();
    let nested = format!(
        "<html><body>{}<p>deep</p></body></html>",
        "<div>".repeat(100_000)
    );
    std::fs::write(bad.join("nested.html"), nested).unwrap();
    std::fs::write(
        bad.join("lines.jsonl"),
        concat!(
            r#"{"id":"good-1","title":"Dam opens","text":"The new dam on the river opened on Tuesday after six years of construction, officials said. It will supply water to 40,000 homes."}"#,
            "\n{not json at all\n",
            r#"{"id":"good-2","title":"Bridge closes","text":"The old bridge closed on Wednesday for repairs expected to last three months, the city council said. Traffic will be diverted."}"#,
            "\n"
        ),
    )
    .unwrap();

    let before = corroborate(&db)
        .arg("ingest")
        .arg(example_dir())
        .output()
        .unwrap();
    assert!(before.status.success());

    let output = corroborate(&db)
        .arg("ingest")
        .arg("--json")
        .arg(&bad)
        .arg("http://127.0.0.1:9/unreachable")
        .arg("https://192.168.0.1/private")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit code says some inputs failed: {stderr}"
    );
    for (input, reason_word) in [
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("empty.txt", "empty"),
        ("truncated.html.gz", "gzip"),
        ("huge.txt", "large"),
        ("nested.html", "deep"),
        ("lines.jsonl:2", "JSON"),
        ("127.0.0.1:9", ""),
        ("192.168.0.1", "private"),
    ] {
        let line = stderr
            .lines()
            .find(|line| line.contains(input))
            .unwrap_or_else(|| panic!("no error line for {input} in:\n{stderr}"));
        assert!(
            line.to_lowercase().contains(&reason_word.to_lowercase()),
            "reason for {input} should mention {reason_word:?}: {line}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        summary["new"].as_u64(),
        Some(2),
        "the two good JSONL lines are stored: {summary}"
    );
    assert_eq!(summary["failed"].as_u64(), Some(9), "{summary}");

    let listed = corroborate(&db)
        .args(["articles", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        json_lines(&listed.stdout).len(),
        7,
        "nothing stored before was lost"
    );
}

#[test]
fn a_killed_ingest_leaves_a_consistent_database_and_the_rerun_completes_it() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let input = dir.path().join("many.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    let total = 20_000;
    for n in 0..total {
        let text = format!(
            "Council number {n} approved a budget of {} million for roads on Monday. The vote was {} to {}, the mayor said after the meeting.",
            n % 97 + 3,
            n % 11 + 5,
            n % 5
        );
        writeln!(
            file,
            "{}",
            serde_json::json!({"id": format!("a{n}"), "title": format!("Budget {n}"), "text": text})
        )
        .unwrap();
    }
    drop(file);

    let mut child = corroborate(&db)
        .arg("--quiet")
        .arg("ingest")
        .arg(&input)
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    child.kill().unwrap();
    child.wait().unwrap();

    let rerun = succeed(
        corroborate(&db)
            .arg("ingest")
            .arg("--json")
            .arg(&input)
            .output(),
    );
    let summary: Value = serde_json::from_slice(&rerun.stdout).unwrap();
    let (new, duplicate) = (
        summary["new"].as_u64().unwrap(),
        summary["duplicate"].as_u64().unwrap(),
    );
    assert_eq!(new + duplicate, total, "{summary}");
    let listed = corroborate(&db).args(["articles"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout).lines().count() as u64,
        total
    );
}

#[test]
fn run_prints_each_format_and_writes_reports() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let out = dir.path().join("reports");
    let json = succeed(
        corroborate(&db)
            .args(["run", "--format", "json", "--out"])
            .arg(&out)
            .arg(example_dir())
            .output(),
    );
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["articles"].as_array().unwrap().len(), 5);
    for name in ["report.json", "report.md", "report.txt", "report.html"] {
        assert!(out.join(name).exists(), "{name}");
    }
    let md = corroborate(&db)
        .args(["run", "--format", "md"])
        .arg(example_dir())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# "));
}

#[test]
fn help_is_available_everywhere() {
    for command in [
        vec![],
        vec!["ingest"],
        vec!["extract"],
        vec!["articles"],
        vec!["run"],
    ] {
        let output = Command::cargo_bin("corroborate")
            .unwrap()
            .args(&command)
            .arg("--help")
            .output()
            .unwrap();
        assert!(output.status.success());
        assert!(String::from_utf8_lossy(&output.stdout).contains("Usage"));
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use flate2::write::GzEncoder;
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A later run extends the stored events: an exact copy of a stored article joins its event and
/// is reported as a copy of it, and the earlier analysis is kept in the database.
#[test]
fn a_later_run_places_new_articles_into_existing_events() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let first = succeed(
        corroborate(&db)
            .args(["run", "--format", "json"])
            .arg(example_dir())
            .output(),
    );
    let first: Value = serde_json::from_slice(&first.stdout).unwrap();
    let events_before = first["events"].as_array().unwrap().len();
    assert!(events_before >= 1);

    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::copy(
        example_dir().join("002_cffa1a3d6068a797.txt"),
        extra.join("republished.txt"),
    )
    .unwrap();
    let second = succeed(
        corroborate(&db)
            .args(["run", "--format", "json"])
            .arg(&extra)
            .output(),
    );
    let second: Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(second["articles"].as_array().unwrap().len(), 6);
    assert_eq!(second["events"].as_array().unwrap().len(), events_before);
    let event_of = |id: &str| {
        second["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|event| {
                event["articles"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a == id)
            })
            .map(|event| event["id"].clone())
    };
    assert!(event_of("republished").is_some());
    assert_eq!(event_of("republished"), event_of("002_cffa1a3d6068a797"));
    let copy = second["derivations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["copy"] == "republished" || d["original"] == "republished")
        .expect("the republished text is found as a copy");
    assert_eq!(copy["relation"], "copy");
}

#[test]
fn html_pages_give_main_text_and_metadata_and_container_fields_win() {
    let dir = TempDir::new().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour-reopens.html");
    let output = succeed(
        corroborate(&dir.path().join("c.db"))
            .arg("extract")
            .arg(&fixture)
            .output(),
    );
    assert!(
        output.stderr.is_empty(),
        "nothing but errors on stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let articles = json_lines(&output.stdout);
    assert_eq!(articles.len(), 1);
    let page = &articles[0];
    assert_eq!(page["id"], "harbour-reopens");
    assert_eq!(page["title"], "Harbour reopens after storm repairs");
    assert_eq!(page["source"], "Coastal Gazette");
    assert_eq!(page["authors"][0], "Maria Jensen");
    assert_eq!(page["published"], "2024-03-14T09:30:00+00:00");
    assert_eq!(page["url"], "https://gazette.example/news/harbour-reopens");
    assert_eq!(page["language"], "en");
    let text = page["text"].as_str().unwrap();
    assert!(text.contains("Repairs cost about £3.2 million"));
    assert!(text.contains("Today feels like getting the town back."));
    for junk in [
        "Share on Facebook",
        "Storm closes coastal road",
        "All rights reserved",
        "Sport",
    ] {
        assert!(!text.contains(junk), "{junk} kept in {text}");
    }

    // Metadata given by the container (front matter) beats what the text says; the text's
    // byline fills what the container left empty.
    let note = dir.path().join("note.md");
    std::fs::write(
        &note,
        "---\ntitle: Fish market resumes auctions\nsource: Harbour Radio\npublished: 2024-03-20\n---\n\n# A different heading\n\nBy Ola Nordmann | 18 March 2024\n\nThe fish market **resumed** daily auctions on Wednesday after the [harbour](https://gazette.example) reopened, with 38 boats landing catches.\n",
    )
    .unwrap();
    let output = succeed(
        corroborate(&dir.path().join("c.db"))
            .arg("extract")
            .arg(&note)
            .output(),
    );
    let note = &json_lines(&output.stdout)[0];
    assert_eq!(note["title"], "Fish market resumes auctions");
    assert_eq!(note["source"], "Harbour Radio");
    assert_eq!(note["published"], "2024-03-20");
    assert_eq!(note["authors"], serde_json::json!(["Ola Nordmann"]));
    let text = note["text"].as_str().unwrap();
    assert!(!text.contains("Nordmann"), "the byline is not text: {text}");
    assert!(
        text.contains("The fish market resumed daily auctions"),
        "Markdown is turned into text: {text}"
    );
    assert!(!text.contains("**") && !text.contains("](https"), "{text}");
}

/// The JSON report matches the published schema, and its parts hang together: every fact is
/// cited to stored articles, every event lists its facts, copies are counted once.
#[test]
fn the_json_report_follows_the_published_schema() {
    let dir = TempDir::new().unwrap();
    let output = succeed(
        corroborate(&dir.path().join("c.db"))
            .args(["run", "--format", "json"])
            .arg(example_dir())
            .output(),
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/report.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(10)
        .collect();
    assert!(
        errors.is_empty(),
        "report does not follow docs/report.schema.json:\n{}",
        errors.join("\n")
    );

    let ids: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let facts = report["facts"].as_array().unwrap();
    assert!(!facts.is_empty());
    for fact in facts {
        for evidence in fact["evidence"].as_array().unwrap() {
            assert!(ids.contains(&evidence["article"].as_str().unwrap()));
        }
        let sources = fact["sources"].as_array().unwrap().len() as u64;
        assert!(fact["independent_sources"].as_u64().unwrap() <= sources);
    }
    let listed: usize = report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["facts"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        listed,
        facts.len(),
        "each fact belongs to exactly one event"
    );
}

/// The README's main job: the brief of the example corpus says what a newsroom needs, in the
/// terminal format, with every statement cited.
#[test]
fn the_example_brief_separates_corroborated_single_source_and_rewrite_additions() {
    let dir = TempDir::new().unwrap();
    let output = succeed(
        corroborate(&dir.path().join("c.db"))
            .arg("run")
            .arg(example_dir())
            .output(),
    );
    let brief = String::from_utf8_lossy(&output.stdout);
    assert!(
        !brief.contains("\x1b["),
        "no colours when stdout is not a terminal"
    );
    let section = |heading: &str| -> Vec<String> {
        let mut lines = brief
            .lines()
            .skip_while(|line| line.trim() != heading)
            .skip(1);
        let mut section = Vec::new();
        for line in lines.by_ref() {
            if !line.starts_with("      ") {
                break;
            }
            section.push(line.trim().to_string());
        }
        section
    };
    let corroborated = section("Corroborated by independent sources");
    let bodies = corroborated
        .iter()
        .find(|line| line.contains("6,000"))
        .unwrap_or_else(|| panic!("the 6,000 bodies are corroborated:\n{brief}"));
    assert!(
        bodies.contains("2 independent"),
        "the rewrite adds no independence: {bodies}"
    );
    let added = section("Added by a rewrite, not in its original");
    assert!(
        added.iter().any(|line| line.contains("#PeaceNow")),
        "{added:?}"
    );
    assert!(added.iter().any(|line| line.contains("70%")), "{added:?}");
    assert!(
        added
            .iter()
            .all(|line| line.contains("000_fac79099058b545d") || line.starts_with('…'))
    );
    assert!(brief.contains("rewrite of 003_5beee2cfb4e9681c"));
    assert_eq!(
        brief.matches("  Event: ").count(),
        3,
        "three rounds of talks:\n{brief}"
    );
    assert_eq!(brief.matches("Story: ").count(), 1);
    // Undated rounds in the order their articles imply: the second recounts the first's day,
    // the third the second's.
    let first_seen = |id: &str| brief.find(id).unwrap_or(usize::MAX);
    assert!(
        first_seen("001_bda6d66ed8d4973a") < first_seen("002_cffa1a3d6068a797")
            && first_seen("002_cffa1a3d6068a797") < first_seen("004_d30a29f48c00af17"),
        "rounds out of order:\n{brief}"
    );
}
