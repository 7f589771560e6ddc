//! Fetching URLs from a tiny HTTP server on 127.0.0.1: address guard, robots.txt, redirects,
//! size cap, timeouts and connection errors. Everything runs offline.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use corroborate_model::{Body, InputFormat, RawDocument};
use corroborate_sources::{FetchOptions, Fetcher, Input, SourceError, SourceOptions, read_input};

/// What the test server answers for one path.
#[derive(Clone)]
enum Reply {
    /// Status, content type and body, sent with a Content-Length.
    Page(u16, &'static str, Vec<u8>),
    /// A 200 body sent without Content-Length, ended by closing the connection.
    Unsized(Vec<u8>),
    /// A redirect to the given location.
    Redirect(String),
    /// Accept the request and never answer.
    Hang,
}

/// A server on an ephemeral local port answering from a route table; counts requests per path.
struct TestServer {
    port: u16,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl TestServer {
    fn start(routes: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let port = listener.local_addr().expect("local address").port();
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let counter = Arc::clone(&hits);
        let routes = Arc::new(routes);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = Arc::clone(&routes);
                let counter = Arc::clone(&counter);
                thread::spawn(move || serve(stream, routes.as_ref(), &counter));
            }
        });
        Self { port, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .map(|hits| hits.get(path).copied().unwrap_or(0))
            .unwrap_or(0)
    }
}

fn serve(
    stream: TcpStream,
    routes: &(dyn Fn(&str) -> Reply + Send + Sync),
    hits: &Mutex<HashMap<String, usize>>,
) {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {}
        }
    }
    if let Ok(mut hits) = hits.lock() {
        *hits.entry(path.clone()).or_insert(0) += 1;
    }
    let mut stream = reader.into_inner();
    let reply = routes(&path);
    let response = match reply {
        Reply::Page(status, content_type, body) => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .into_bytes();
            head.extend(body);
            head
        }
        Reply::Unsized(body) => {
            let mut head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n".to_vec();
            head.extend(body);
            head
        }
        Reply::Redirect(location) => {
            format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .into_bytes()
        }
        Reply::Hang => {
            thread::sleep(Duration::from_secs(30));
            return;
        }
    };
    let _ = stream.write_all(&response);
    let _ = stream.flush();
}

fn page(body: &str) -> Reply {
    Reply::Page(200, "text/html; charset=utf-8", body.as_bytes().to_vec())
}

fn not_found() -> Reply {
    Reply::Page(404, "text/plain", b"not found".to_vec())
}

/// Options for tests against the local server: private addresses allowed, no politeness wait.
fn local_options() -> FetchOptions {
    FetchOptions {
        allow_private: true,
        politeness: Duration::ZERO,
        timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    }
}

fn fetch_error(options: FetchOptions, url: &str) -> SourceError {
    let mut fetcher = Fetcher::new(options).expect("fetcher");
    fetcher.fetch(url).expect_err("should fail")
}

fn read_url(options: SourceOptions, url: &str) -> Vec<Result<RawDocument, SourceError>> {
    let mut fetcher = Fetcher::new(options.fetch.clone()).expect("fetcher");
    let input = Input::Url(url.to_string());
    read_input(&input, &options, &mut fetcher).collect()
}

#[test]
fn private_addresses_are_refused_by_default() {
    let server = TestServer::start(|_| page("<p>secret</p>"));
    let url = server.url("/admin");
    let error = fetch_error(FetchOptions::default(), &url);
    assert_eq!(error.input, url);
    assert!(
        error
            .reason
            .contains("127.0.0.1 is a private or local address"),
        "{error}"
    );
    assert_eq!(
        server.hits("/admin") + server.hits("/robots.txt"),
        0,
        "nothing may reach the server"
    );
    let error = fetch_error(FetchOptions::default(), "http://[::1]:9/");
    assert!(
        error.reason.contains("::1 is a private or local address"),
        "{error}"
    );
    let error = fetch_error(FetchOptions::default(), "http://localhost:9/");
    assert!(error.reason.contains("private or local address"), "{error}");
}

#[test]
fn allow_private_fetches_the_page_with_its_header_charset() {
    let server = TestServer::start(|path| match path {
        "/story" => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Переговоры завершились.</p>");
            Reply::Page(200, "text/html; charset=windows-1251", bytes.into_owned())
        }
        _ => not_found(),
    });
    let url = server.url("/story");
    let options = SourceOptions {
        fetch: local_options(),
        ..SourceOptions::default()
    };
    let results = read_url(options, &url);
    let document = results
        .into_iter()
        .next()
        .expect("one result")
        .expect("fetched");
    assert_eq!(document.format, InputFormat::Html);
    assert_eq!(document.origin, url);
    assert_eq!(document.metadata.url.as_deref(), Some(url.as_str()));
    assert_eq!(
        document.body,
        Body::Html("<p>Переговоры завершились.</p>".to_string())
    );
    assert_eq!(server.hits("/robots.txt"), 1);
}

#[test]
fn robots_txt_is_obeyed_and_fetched_once_per_host() {
    let server = TestServer::start(|path| match path {
        "/robots.txt" => Reply::Page(
            200,
            "text/plain",
            b"User-agent: *\nDisallow: /private/\n".to_vec(),
        ),
        _ => page("<p>public</p>"),
    });
    let mut fetcher = Fetcher::new(local_options()).expect("fetcher");
    let error = fetcher
        .fetch(&server.url("/private/report"))
        .expect_err("disallowed");
    assert_eq!(error.reason, "disallowed by robots.txt");
    assert!(fetcher.fetch(&server.url("/public/report")).is_ok());
    assert!(fetcher.fetch(&server.url("/other")).is_ok());
    assert_eq!(server.hits("/robots.txt"), 1);
    assert_eq!(server.hits("/private/report"), 0);

    let ignoring = FetchOptions {
        respect_robots: false,
        ..local_options()
    };
    assert!(
        Fetcher::new(ignoring)
            .expect("fetcher")
            .fetch(&server.url("/private/report"))
            .is_ok()
    );
}

#[test]
fn robots_txt_server_error_disallows_the_host() {
    let server = TestServer::start(|path| match path {
        "/robots.txt" => Reply::Page(503, "text/plain", b"busy".to_vec()),
        _ => page("<p>page</p>"),
    });
    let error = fetch_error(local_options(), &server.url("/page"));
    assert!(
        error
            .reason
            .starts_with("robots.txt unavailable (HTTP status 503)"),
        "{error}"
    );
    assert_eq!(server.hits("/page"), 0);
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let server = TestServer::start(|path| {
        if let Some(number) = path
            .strip_prefix("/hop/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            return if number < 2 {
                Reply::Redirect(format!("/hop/{}", number + 1))
            } else {
                page("<p>landed</p>")
            };
        }
        if let Some(number) = path
            .strip_prefix("/loop/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            return Reply::Redirect(format!("/loop/{}", number + 1));
        }
        not_found()
    });
    let options = FetchOptions {
        max_redirects: 2,
        ..local_options()
    };
    let mut fetcher = Fetcher::new(options.clone()).expect("fetcher");
    let landed = fetcher
        .fetch(&server.url("/hop/0"))
        .expect("two hops are allowed");
    assert_eq!(landed.url, server.url("/hop/2"));
    assert_eq!(landed.body, b"<p>landed</p>");

    let error = fetch_error(options, &server.url("/loop/0"));
    assert_eq!(error.reason, "too many redirects (more than 2)");
    assert_eq!(server.hits("/loop/2"), 1);
    assert_eq!(server.hits("/loop/3"), 0);
}

#[test]
fn bodies_over_the_cap_are_refused_with_or_without_content_length() {
    let big = vec![b'a'; 100_000];
    let sized = big.clone();
    let server = TestServer::start(move |path| match path {
        "/sized" => Reply::Page(200, "text/html", sized.clone()),
        "/unsized" => Reply::Unsized(big.clone()),
        _ => not_found(),
    });
    let options = FetchOptions {
        max_bytes: 10_000,
        ..local_options()
    };
    for path in ["/sized", "/unsized"] {
        let error = fetch_error(options.clone(), &server.url(path));
        assert_eq!(
            error.reason, "response body larger than 10000 bytes",
            "{path}"
        );
    }
    let roomy = FetchOptions {
        max_bytes: 200_000,
        ..local_options()
    };
    assert_eq!(
        Fetcher::new(roomy)
            .expect("fetcher")
            .fetch(&server.url("/unsized"))
            .expect("fits")
            .body
            .len(),
        100_000
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = TestServer::start(|_| Reply::Hang);
    let options = FetchOptions {
        timeout: Duration::from_millis(400),
        respect_robots: false,
        ..local_options()
    };
    let started = Instant::now();
    let error = fetch_error(options, &server.url("/slow"));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
    assert!(error.reason.contains("timed out"), "{error}");
}

#[test]
fn an_unreachable_port_is_a_clear_connection_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let url = format!("http://127.0.0.1:{port}/");
    let started = Instant::now();
    let error = fetch_error(
        FetchOptions {
            respect_robots: false,
            ..local_options()
        },
        &url,
    );
    assert!(error.reason.starts_with("cannot connect: "), "{error}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // With robots.txt on, the unreachable robots.txt disallows the host with the same cause.
    let error = fetch_error(local_options(), &url);
    assert!(error.reason.contains("cannot connect"), "{error}");
}

#[test]
fn politeness_spaces_requests_to_the_same_host() {
    let server = TestServer::start(|_| page("<p>x</p>"));
    let options = FetchOptions {
        politeness: Duration::from_millis(300),
        respect_robots: false,
        ..local_options()
    };
    let mut fetcher = Fetcher::new(options).expect("fetcher");
    let started = Instant::now();
    for path in ["/a", "/b", "/c"] {
        fetcher.fetch(&server.url(path)).expect("fetched");
    }
    assert!(
        started.elapsed() >= Duration::from_millis(600),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn content_types_decide_the_body_kind() {
    let server = TestServer::start(|path| match path {
        "/plain" => Reply::Page(
            200,
            "text/plain; charset=utf-8",
            "Plain text — fine.".as_bytes().to_vec(),
        ),
        "/image" => Reply::Page(200, "image/png", b"\x89PNG".to_vec()),
        "/missing" => not_found(),
        _ => not_found(),
    });
    let options = SourceOptions {
        fetch: local_options(),
        ..SourceOptions::default()
    };
    let plain = read_url(options.clone(), &server.url("/plain"))
        .remove(0)
        .expect("text");
    assert_eq!(plain.body, Body::Text("Plain text — fine.".to_string()));
    let image = read_url(options.clone(), &server.url("/image"))
        .remove(0)
        .expect_err("not an article");
    assert!(image.reason.contains("unsupported content type"), "{image}");
    let missing = read_url(options, &server.url("/missing"))
        .remove(0)
        .expect_err("404");
    assert_eq!(missing.reason, "HTTP status 404");
}

#[test]
fn a_feed_url_fetches_pages_for_summary_only_entries() {
    let server = TestServer::start(|path| {
        match path {
        "/feed" => Reply::Page(
            200,
            "application/rss+xml",
            br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Full</title><link>/full</link><description>short</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>Full text in the feed.</p>]]></content:encoded></item>
<item><title>Linked</title><link>/linked</link><description>Only a teaser.</description></item>
</channel></rss>"#
                .to_vec(),
        ),
        "/linked" => page("<p>The whole linked article.</p>"),
        _ => not_found(),
    }
    });
    let options = SourceOptions {
        fetch: local_options(),
        ..SourceOptions::default()
    };
    let documents: Vec<RawDocument> = read_url(options.clone(), &server.url("/feed"))
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("all read");
    assert_eq!(documents.len(), 2);
    assert_eq!(
        documents[0].body,
        Body::Html("<p>Full text in the feed.</p>".to_string())
    );
    assert_eq!(
        documents[1].body,
        Body::Html("<p>The whole linked article.</p>".to_string())
    );
    assert_eq!(documents[1].metadata.title.as_deref(), Some("Linked"));
    assert_eq!(documents[1].metadata.source.as_deref(), Some("Local Wire"));
    assert_eq!(
        documents[1].metadata.url.as_deref(),
        Some(server.url("/linked").as_str())
    );
    assert_eq!(server.hits("/full"), 0);

    let summaries = SourceOptions {
        follow_feed_links: false,
        ..options
    };
    let documents: Vec<RawDocument> = read_url(summaries, &server.url("/feed"))
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("all read");
    assert_eq!(documents[1].body, Body::Html("Only a teaser.".to_string()));
}

#[test]
fn requests_carry_the_configured_user_agent() {
    let seen = Arc::new(AtomicUsize::new(0));
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let flag = Arc::clone(&seen);
    thread::spawn(move || {
        if let Some(Ok(stream)) = listener.incoming().next() {
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            while reader
                .read_line(&mut head)
                .map(|read| read > 2)
                .unwrap_or(false)
            {}
            if head
                .to_ascii_lowercase()
                .contains("user-agent: corroborate/")
            {
                flag.store(1, Ordering::SeqCst);
            }
            let _ = reader.into_inner().write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 3\r\n\r\n<p>",
            );
        }
    });
    let options = FetchOptions {
        respect_robots: false,
        ..local_options()
    };
    Fetcher::new(options)
        .expect("fetcher")
        .fetch(&format!("http://127.0.0.1:{port}/"))
        .expect("fetched");
    assert_eq!(seen.load(Ordering::SeqCst), 1);
}

#[test]
fn robots_crawl_delay_lengthens_the_politeness_wait() {
    let server = TestServer::start(|path| match path {
        "/robots.txt" => Reply::Page(
            200,
            "text/plain",
            b"User-agent: *\nCrawl-delay: 0.4\n".to_vec(),
        ),
        _ => page("<p>x</p>"),
    });
    let mut fetcher = Fetcher::new(local_options()).expect("fetcher");
    fetcher.fetch(&server.url("/a")).expect("fetched");
    let started = Instant::now();
    fetcher.fetch(&server.url("/b")).expect("fetched");
    assert!(
        started.elapsed() >= Duration::from_millis(380),
        "took {:?}",
        started.elapsed()
    );
}
