//! Reading files of every supported format, with their failure modes.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corroborate_model::{Body, InputFormat, Published, RawDocument};
use corroborate_sources::{
    FetchOptions, Fetcher, Input, SniffedFormat, SourceError, SourceOptions, expand_inputs,
    read_input, sniff_format,
};
use flate2::Compression;
use flate2::write::GzEncoder;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read_all(path: &Path) -> Vec<Result<RawDocument, SourceError>> {
    let options = SourceOptions::default();
    let mut fetcher = Fetcher::new(FetchOptions::default()).expect("fetcher builds");
    let input = Input::Path(path.to_path_buf());
    read_input(&input, &options, &mut fetcher).collect()
}

fn read_one(path: &Path) -> Result<RawDocument, SourceError> {
    let mut results = read_all(path);
    assert_eq!(results.len(), 1, "{path:?} should give one result");
    results.remove(0)
}

fn html(document: &RawDocument) -> &str {
    match &document.body {
        Body::Html(html) => html,
        Body::Text(_) => panic!("expected HTML for {}", document.origin),
    }
}

fn text(document: &RawDocument) -> &str {
    match &document.body {
        Body::Text(text) => text,
        Body::Html(_) => panic!("expected text for {}", document.origin),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).expect("in-memory write");
    encoder.finish().expect("in-memory gzip")
}

#[test]
fn a_text_file_keeps_its_text_and_takes_its_stem_as_id() {
    let path = fixture("000_fac79099058b545d.txt");
    let document = read_one(&path).expect("readable text");
    assert_eq!(
        document.id.as_ref().map(|id| id.as_str()),
        Some("000_fac79099058b545d")
    );
    assert_eq!(document.format, InputFormat::Text);
    assert_eq!(document.origin, path.display().to_string());
    assert_eq!(text(&document), fs::read_to_string(&path).expect("fixture"));
    assert!(text(&document).starts_with("Peace talks between Russia and Ukraine"));
}

#[test]
fn front_matter_becomes_metadata_and_markdown_stays_as_is() {
    let path = fixture("front-matter.md");
    let document = read_one(&path).expect("readable markdown");
    assert_eq!(
        document.id.as_ref().map(|id| id.as_str()),
        Some("istanbul-exchange")
    );
    assert!(document.origin.ends_with("front-matter.md"));
    let metadata = &document.metadata;
    assert_eq!(
        metadata.title.as_deref(),
        Some("Prisoner exchange agreed in Istanbul")
    );
    assert_eq!(
        metadata.url.as_deref(),
        Some("https://news.example.org/2025/06/02/istanbul-talks")
    );
    assert_eq!(metadata.source.as_deref(), Some("Example News"));
    assert_eq!(metadata.language.as_deref(), Some("en"));
    assert_eq!(
        metadata.authors,
        vec!["Jane Doe".to_string(), "John Roe".to_string()]
    );
    assert_eq!(
        metadata.published,
        Published::parse("2025-06-02T14:30:00+03:00")
    );
    let body = text(&document);
    assert!(body.starts_with("# Prisoner exchange agreed\n"), "{body:?}");
    assert!(!body.contains("title:"));
}

#[test]
fn bad_front_matter_is_an_error_naming_the_file() {
    let error = read_one(&fixture("bad-front-matter.md")).expect_err("YAML is broken");
    assert!(error.input.ends_with("bad-front-matter.md"), "{error}");
    assert!(error.reason.contains("front matter"), "{error}");
}

#[test]
fn windows_1251_page_is_decoded_from_its_meta_charset() {
    let document = read_one(&fixture("cp1251.html")).expect("readable page");
    assert_eq!(document.id.as_ref().map(|id| id.as_str()), Some("cp1251"));
    assert_eq!(document.format, InputFormat::Html);
    assert!(html(&document).contains("Переговоры в Стамбуле завершились"));
    assert!(html(&document).contains("обмене тяжелоранеными пленными"));
}

#[test]
fn utf8_bom_page_is_decoded_and_the_bom_dropped() {
    let document = read_one(&fixture("bom.html")).expect("readable page");
    let page = html(&document);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page:?}");
    assert!(page.contains("İstanbul’s Çırağan Palace — “a first step”"));
}

#[test]
fn undeclared_latin1_page_is_sniffed() {
    let document = read_one(&fixture("latin1.html")).expect("readable page");
    let page = html(&document);
    assert!(page.contains("Gespräche in Istanbul"), "{page}");
    assert!(page.contains("äußerte sich enttäuscht"));
    assert!(!page.contains('\u{fffd}'));
}

#[test]
fn gzipped_html_is_decompressed_and_its_id_drops_both_extensions() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = directory.path().join("story.html.gz");
    fs::write(
        &path,
        gzip(&fs::read(fixture("cp1251.html")).expect("fixture")),
    )
    .expect("write");
    let document = read_one(&path).expect("readable gzip page");
    assert_eq!(document.id.as_ref().map(|id| id.as_str()), Some("story"));
    assert!(html(&document).contains("Переговоры в Стамбуле"));
}

#[test]
fn truncated_gzip_is_reported() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = directory.path().join("cut.html.gz");
    let compressed = gzip(&fs::read(fixture("latin1.html")).expect("fixture"));
    fs::write(&path, &compressed[..compressed.len() / 2]).expect("write");
    let error = read_one(&path).expect_err("cut gzip");
    assert!(
        error.reason.starts_with("truncated or corrupt gzip: "),
        "{error}"
    );
    assert_eq!(error.input, path.display().to_string());
}

#[test]
fn jsonl_malformed_line_is_reported_and_the_others_still_read() {
    let path = fixture("articles.jsonl");
    let results = read_all(&path);
    assert_eq!(results.len(), 5, "{results:?}");
    let name = path.display().to_string();

    let first = results[0].as_ref().expect("line 1");
    assert_eq!(first.id.as_ref().map(|id| id.as_str()), Some("a1"));
    assert_eq!(first.origin, format!("{name}:1"));
    assert_eq!(first.format, InputFormat::Jsonl);
    assert_eq!(
        text(first),
        "Delegations met for an hour and agreed a prisoner exchange."
    );
    assert_eq!(first.metadata.source.as_deref(), Some("Example Wire"));
    assert_eq!(first.metadata.published, Published::parse("2025-06-02"));
    assert_eq!(first.metadata.authors, vec!["Jane Doe".to_string()]);

    let second = results[1].as_ref().expect("line 2");
    assert_eq!(second.id.as_ref().map(|id| id.as_str()), Some("42"));
    assert!(html(second).contains("Second article as HTML."));
    assert_eq!(
        second.metadata.published,
        Published::parse("2025-06-03T09:00:00Z")
    );
    assert_eq!(second.metadata.authors, vec!["John Roe".to_string()]);

    let malformed = results[2].as_ref().expect_err("line 3 is not JSON");
    assert_eq!(malformed.input, format!("{name}:3"));
    assert!(malformed.reason.contains("invalid JSON"), "{malformed}");

    let bodiless = results[3].as_ref().expect_err("line 5 has no body");
    assert_eq!(bodiless.input, format!("{name}:5"));
    assert!(bodiless.reason.contains("neither"), "{bodiless}");

    let last = results[4].as_ref().expect("line 6");
    assert_eq!(last.id, None);
    assert_eq!(last.metadata.source, None, "empty strings are no value");
    assert_eq!(last.metadata.published, None);
}

/// One WARC record as its own gzip member, as Common Crawl writes them.
fn warc_member(kind: &str, target: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {target}\r\nWARC-Date: 2025-06-10T00:00:00Z\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    gzip(&record)
}

fn http_response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}

fn sample_warc() -> Vec<u8> {
    let cyrillic = "<html><body><p>Делегации договорились об обмене пленными.</p></body></html>";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(cyrillic);
    let mut warc = Vec::new();
    warc.extend(warc_member(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    ));
    warc.extend(warc_member(
        "request",
        "https://news.example.org/a",
        "application/http; msgtype=request",
        b"GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n",
    ));
    warc.extend(warc_member(
        "response",
        "https://news.example.org/a",
        "application/http; msgtype=response",
        &http_response("200 OK", "text/html; charset=windows-1251", &cp1251),
    ));
    warc.extend(warc_member(
        "response",
        "https://news.example.org/missing",
        "application/http; msgtype=response",
        &http_response("404 Not Found", "text/html", b"<html>gone</html>"),
    ));
    warc.extend(warc_member(
        "response",
        "https://news.example.org/logo.png",
        "application/http; msgtype=response",
        &http_response("200 OK", "image/png", b"\x89PNG\r\n"),
    ));
    warc.extend(warc_member(
        "response",
        "https://news.example.org/b",
        "application/http; msgtype=response",
        &http_response(
            "200 OK",
            "text/html",
            "<p>Second page, UTF-8: “quoted”.</p>".as_bytes(),
        ),
    ));
    warc.extend(warc_member(
        "resource",
        "https://news.example.org/c",
        "text/html; charset=utf-8",
        "<p>Stored as a resource: ça marche.</p>".as_bytes(),
    ));
    warc
}

#[test]
fn warc_gz_yields_html_responses_with_target_urls() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = directory.path().join("crawl.warc.gz");
    fs::write(&path, sample_warc()).expect("write");
    let documents: Vec<RawDocument> = read_all(&path)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("every record is well-formed");
    assert_eq!(documents.len(), 3);
    let name = path.display().to_string();
    assert_eq!(documents[0].origin, format!("{name}#record-3"));
    assert_eq!(
        documents[0].metadata.url.as_deref(),
        Some("https://news.example.org/a")
    );
    assert_eq!(documents[0].format, InputFormat::Html);
    assert!(html(&documents[0]).contains("Делегации договорились об обмене пленными."));
    assert_eq!(
        documents[0].metadata.published, None,
        "WARC-Date is the crawl date"
    );
    assert_eq!(documents[1].origin, format!("{name}#record-6"));
    assert!(html(&documents[1]).contains("Second page, UTF-8: “quoted”."));
    assert_eq!(documents[2].origin, format!("{name}#record-7"));
    assert_eq!(
        documents[2].metadata.url.as_deref(),
        Some("https://news.example.org/c")
    );
    assert_eq!(
        html(&documents[2]),
        "<p>Stored as a resource: ça marche.</p>"
    );
}

#[test]
fn truncated_warc_record_is_reported_with_its_number_after_the_good_ones() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = directory.path().join("cut.warc");
    let mut plain = Vec::new();
    let warc = sample_warc();
    flate2::read::MultiGzDecoder::new(warc.as_slice())
        .read_to_end(&mut plain)
        .expect("in-memory gunzip");
    plain.truncate(plain.len() - 30);
    fs::write(&path, &plain).expect("write");
    let results = read_all(&path);
    assert_eq!(results.len(), 3, "{results:?}");
    assert!(results[0].is_ok() && results[1].is_ok());
    let error = results[2].as_ref().expect_err("last record is cut");
    assert_eq!(error.input, format!("{}#record-7", path.display()));
    assert!(error.reason.contains("truncated"), "{error}");
}

#[test]
fn rss_entries_take_content_or_summary_and_feed_metadata() {
    let documents: Vec<RawDocument> = read_all(&fixture("feed.rss"))
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("valid feed");
    assert_eq!(documents.len(), 2);
    let first = &documents[0];
    assert_eq!(first.format, InputFormat::Feed);
    assert!(first.origin.ends_with("feed.rss#entry-1"));
    assert!(
        html(first).contains("<p>Russian and Ukrainian delegations met for just over an hour.</p>")
    );
    assert_eq!(
        first.metadata.title.as_deref(),
        Some("Istanbul talks end without ceasefire")
    );
    assert_eq!(
        first.metadata.url.as_deref(),
        Some("https://news.example.org/world/istanbul-talks")
    );
    assert_eq!(first.metadata.source.as_deref(), Some("Example World News"));
    assert_eq!(
        first.metadata.published,
        Published::parse("2025-06-02T14:30:00Z")
    );
    assert_eq!(first.metadata.authors, vec!["Jane Doe".to_string()]);
    assert_eq!(first.metadata.language.as_deref(), Some("en"));
    let second = &documents[1];
    assert!(html(second).contains("Officials said a second round of talks is planned."));
}

#[test]
fn atom_entries_are_read() {
    let documents: Vec<RawDocument> = read_all(&fixture("feed.atom"))
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("valid feed");
    assert_eq!(documents.len(), 1);
    let entry = &documents[0];
    assert!(html(entry).contains("Gefangenenaustausch"));
    assert_eq!(entry.metadata.authors, vec!["Erika Mustermann".to_string()]);
    assert_eq!(
        entry.metadata.source.as_deref(),
        Some("Beispiel Nachrichten")
    );
    assert_eq!(
        entry.metadata.url.as_deref(),
        Some("https://beispiel.example/istanbul")
    );
}

#[test]
fn binary_invalid_utf8_and_empty_text_files_are_refused_with_reasons() {
    let directory = tempfile::tempdir().expect("temp dir");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    let cases: [(&str, &[u8], &str); 5] = [
        ("image.html", png, "binary file, not HTML"),
        (
            "binary.txt",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
            "binary file, not text",
        ),
        (
            "latin.txt",
            b"Caf\xe9 au lait",
            "not valid UTF-8 (byte offset 3)",
        ),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\r\n  ", "empty file"),
    ];
    for (name, content, reason) in cases {
        let path = directory.path().join(name);
        fs::write(&path, content).expect("write");
        let error = read_one(&path).expect_err(name);
        assert_eq!(error.reason, reason, "{name}");
        assert_eq!(error.to_string(), format!("{}: {reason}", path.display()));
    }
}

#[test]
fn a_50_mb_file_is_refused_fast_without_reading_it() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = directory.path().join("huge.txt");
    fs::File::create(&path)
        .expect("create")
        .set_len(50 * 1024 * 1024)
        .expect("sparse length");
    let started = Instant::now();
    let error = read_one(&path).expect_err("too large");
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        error.reason.starts_with("file too large: 52428800 bytes"),
        "{error}"
    );
    // Containers are refused the same way before streaming starts.
    let container = directory.path().join("huge.jsonl");
    fs::rename(&path, &container).expect("rename");
    assert!(
        read_one(&container)
            .expect_err("too large")
            .reason
            .starts_with("file too large")
    );
}

fn create(root: &Path, relative: &str, content: &str) -> PathBuf {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("folders");
    }
    fs::write(&path, content).expect("write");
    path
}

#[test]
fn directories_recurse_sorted_skipping_hidden_and_unknown_files() {
    let directory = tempfile::tempdir().expect("temp dir");
    let root = directory.path();
    let b = create(root, "b.txt", "Second.");
    let a = create(root, "a/z.html", "<p>First folder, last name.</p>");
    let a_inner = create(root, "a/inner/one.jsonl", "{\"text\": \"x\"}\n");
    create(root, "a/.secret.txt", "hidden");
    create(root, ".git/config.txt", "hidden folder");
    create(root, "a/photo.jpeg", "not an article");
    let c = create(root, "c.warc.gz", "");
    let argument = root.display().to_string();
    let inputs: Vec<Input> = expand_inputs(&[argument])
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("all fine");
    assert_eq!(
        inputs,
        vec![
            Input::Path(a_inner),
            Input::Path(a),
            Input::Path(b),
            Input::Path(c)
        ]
    );
}

#[test]
fn globs_stdin_urls_and_missing_paths_are_classified() {
    let directory = tempfile::tempdir().expect("temp dir");
    let root = directory.path();
    let second = create(root, "2.txt", "two");
    let first = create(root, "1.txt", "one");
    create(root, "3.html", "<p>three</p>");
    create(
        root,
        ".0-hidden.txt",
        "a glob's * skips it, as a shell does",
    );
    let pattern = format!("{}/*.txt", root.display());
    let nothing = format!("{}/*.rss", root.display());
    let missing = format!("{}/missing.txt", root.display());
    let arguments = [
        pattern,
        "-".to_string(),
        "https://example.org/a?b=c".to_string(),
        nothing.clone(),
        missing.clone(),
    ];
    let results = expand_inputs(&arguments);
    assert_eq!(results.len(), 6, "{results:?}");
    assert_eq!(results[0], Ok(Input::Path(first)));
    assert_eq!(results[1], Ok(Input::Path(second)));
    assert_eq!(results[2], Ok(Input::Stdin));
    assert_eq!(
        results[3],
        Ok(Input::Url("https://example.org/a?b=c".to_string()))
    );
    assert_eq!(
        results[4],
        Err(SourceError::new(nothing, "no file matches this pattern"))
    );
    assert_eq!(
        results[5],
        Err(SourceError::new(missing, "no such file or directory"))
    );
}

#[test]
fn a_directory_with_bad_files_still_yields_the_good_ones() {
    let directory = tempfile::tempdir().expect("temp dir");
    let root = directory.path();
    create(root, "a-good.txt", "A perfectly good article.");
    fs::write(root.join("b-bad.txt"), b"\0\0\0binary").expect("write");
    create(root, "c-good.md", "---\ntitle: T\n---\nBody.");
    let options = SourceOptions::default();
    let mut fetcher = Fetcher::new(FetchOptions::default()).expect("fetcher");
    let mut good = 0;
    let mut bad = 0;
    for input in expand_inputs(&[root.display().to_string()]) {
        let input = input.expect("listed");
        for result in read_input(&input, &options, &mut fetcher) {
            if result.is_ok() { good += 1 } else { bad += 1 }
        }
    }
    assert_eq!((good, bad), (2, 1));
}

#[test]
fn unknown_extensions_named_directly_are_sniffed() {
    let directory = tempfile::tempdir().expect("temp dir");
    let jsonl = create(
        directory.path(),
        "dump.data",
        "{\"id\": \"x\", \"text\": \"From a dump.\"}\n",
    );
    let document = read_one(&jsonl).expect("sniffed as JSONL");
    assert_eq!(document.format, InputFormat::Jsonl);
    assert_eq!(document.id.as_ref().map(|id| id.as_str()), Some("x"));
    let page = create(
        directory.path(),
        "page",
        "<!doctype html><p>Sniffed page.</p>",
    );
    assert_eq!(
        read_one(&page).expect("sniffed as HTML").format,
        InputFormat::Html
    );
}

#[test]
fn sniffing_tells_formats_apart() {
    assert_eq!(
        sniff_format(b"{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2}"),
        SniffedFormat::Jsonl
    );
    assert_eq!(
        sniff_format(b"\n  {\"text\": \"indented\"}"),
        SniffedFormat::Jsonl
    );
    assert_eq!(
        sniff_format(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"),
        SniffedFormat::Warc
    );
    assert_eq!(
        sniff_format(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"),
        SniffedFormat::Feed
    );
    assert_eq!(
        sniff_format(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
        SniffedFormat::Feed
    );
    assert_eq!(
        sniff_format(b"\xEF\xBB\xBF<!DOCTYPE html><html><body>"),
        SniffedFormat::Html
    );
    assert_eq!(sniff_format(b"<p>fragment</p>"), SniffedFormat::Html);
    assert_eq!(sniff_format(&gzip(b"anything")), SniffedFormat::Gzip);
    assert_eq!(
        sniff_format("Peace talks between Russia and Ukraine".as_bytes()),
        SniffedFormat::Text
    );
    assert_eq!(
        sniff_format(b"# A Markdown title\n\n<b>bold</b>"),
        SniffedFormat::Text
    );
}

#[test]
fn gzipped_jsonl_streams_until_the_gzip_breaks() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = directory.path().join("dump.jsonl.gz");
    let mut lines = String::new();
    for number in 0..2000 {
        lines.push_str(&format!(
            "{{\"id\": {number}, \"text\": \"Article number {number} of the dump.\"}}\n"
        ));
    }
    let compressed = gzip(lines.as_bytes());
    fs::write(&path, &compressed[..compressed.len() - 200]).expect("write");
    let results = read_all(&path);
    let (good, bad): (Vec<_>, Vec<_>) = results.iter().partition(|result| result.is_ok());
    assert!(
        good.len() > 1000 && good.len() < 2000,
        "{} read",
        good.len()
    );
    assert_eq!(bad.len(), 1);
    let error = bad[0].as_ref().expect_err("the cut");
    assert!(
        error.reason.starts_with("truncated or corrupt gzip"),
        "{error}"
    );
    let first = results[0].as_ref().expect("first line");
    assert_eq!(first.id.as_ref().map(|id| id.as_str()), Some("0"));
}

#[test]
fn front_matter_accepts_a_single_author_and_a_numeric_id() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = create(
        directory.path(),
        "note.txt",
        "---\nauthor: Ayşe Yılmaz\nid: 7\npublished: 2025-06-02\n---\nGörüşmeler bir saat sürdü.\n",
    );
    let document = read_one(&path).expect("readable");
    assert_eq!(document.id.as_ref().map(|id| id.as_str()), Some("7"));
    assert_eq!(document.metadata.authors, vec!["Ayşe Yılmaz".to_string()]);
    assert_eq!(document.metadata.published, Published::parse("2025-06-02"));
    assert_eq!(text(&document), "Görüşmeler bir saat sürdü.\n");
}

#[test]
fn dates_written_as_people_write_them_are_read_from_front_matter_and_jsonl() {
    let directory = tempfile::tempdir().expect("temp dir");
    let note = create(
        directory.path(),
        "note.md",
        "---\ntitle: Talks resume\npublished: June 2, 2025\n---\nThe talks resumed.\n",
    );
    let document = read_one(&note).expect("readable");
    assert_eq!(document.metadata.published, Published::parse("2025-06-02"));

    let lines = create(
        directory.path(),
        "feed.jsonl",
        concat!(
            r#"{"id":"a","text":"One.","published":"3 March 2024"}"#,
            "\n",
            r#"{"id":"b","text":"Two.","published":"Tue, 04 Mar 2024 10:00:00 +0000"}"#,
            "\n",
            r#"{"id":"c","text":"Three.","published":"sometime last spring"}"#,
            "\n",
        ),
    );
    let published: Vec<Option<String>> = read_all(&lines)
        .into_iter()
        .map(|result| {
            result
                .expect("readable line")
                .metadata
                .published
                .map(|day| day.date().to_string())
        })
        .collect();
    assert_eq!(
        published,
        vec![
            Some("2024-03-03".to_string()),
            Some("2024-03-04".to_string()),
            None
        ]
    );
}
