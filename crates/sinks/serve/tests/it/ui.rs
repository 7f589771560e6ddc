//! The web UI's pages, fetched from the real router over a temporary database that holds the
//! example corpus run through the pipeline (ingest, analysis, briefs).

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use corroborate_model::{Article, ArticleId};
use corroborate_pipeline::{PipelineOptions, ingest};
use corroborate_serve::{AppState, ServeOptions, router};
use corroborate_store::{SqliteStore, Store};
use tower::ServiceExt;

const TOKEN: &str = "ui-test-token-91d2";

fn corpus() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../examples/istanbul-talks-2025")
        .display()
        .to_string()
}

/// A database holding the example corpus, analysed, plus `extra` articles.
fn analysed_db(dir: &Path, extra: &[Article]) -> PathBuf {
    let path = dir.join("ui.db");
    let mut store = SqliteStore::open(&path).expect("open store");
    ingest(&[corpus()], &PipelineOptions::default(), |batch| {
        let articles: Vec<_> = batch.results.into_iter().filter_map(Result::ok).collect();
        store.put_articles(&articles).map(|_| ())
    })
    .expect("ingest corpus");
    if !extra.is_empty() {
        store.put_articles(extra).expect("store extra articles");
    }
    corroborate_pipeline::analyse_stored(&mut store).expect("analyse");
    path
}

struct App {
    router: Router,
    db: PathBuf,
    _dir: tempfile::TempDir,
}

fn app_with(extra: &[Article]) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = analysed_db(dir.path(), extra);
    let mut options = ServeOptions::new(&db);
    options.token = Some(TOKEN.to_owned());
    let state = AppState::open(&options).expect("open state");
    App {
        router: router(state, &options),
        db,
        _dir: dir,
    }
}

struct Page {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Page {
    fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
    }

    /// Every value of `attribute="…"` in the page, in order.
    fn attribute_values(&self, attribute: &str) -> Vec<String> {
        let needle = format!("{attribute}=\"");
        self.body
            .match_indices(&needle)
            .filter_map(|(at, _)| {
                let rest = &self.body[at + needle.len()..];
                rest.find('"').map(|end| rest[..end].to_owned())
            })
            .collect()
    }

    /// The `href`s that start with `prefix`.
    fn links(&self, prefix: &str) -> Vec<String> {
        self.attribute_values("href")
            .into_iter()
            .filter(|href| href.starts_with(prefix))
            .collect()
    }
}

async fn send(app: &App, request: Request<Body>) -> Page {
    let response = app
        .router
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024)
        .await
        .expect("body");
    Page {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8 page"),
    }
}

async fn get(app: &App, path: &str) -> Page {
    send(
        app,
        Request::get(path).body(Body::empty()).expect("request"),
    )
    .await
}

async fn post_form(app: &App, fields: &[(&str, &str)]) -> Page {
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{name}={}", form_encode(value)))
        .collect();
    send(
        app,
        Request::post("/ingest")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.join("&")))
            .expect("request"),
    )
    .await
}

fn form_encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                char::from(byte).to_string()
            }
            b' ' => "+".to_owned(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

fn article_count(app: &App) -> usize {
    SqliteStore::open(&app.db)
        .expect("open")
        .article_count()
        .expect("count")
}

/// Reverses the few entities maud writes, to compare page text with stored text.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The inner text of the element whose opening tag carries `id="…"`.
fn element_text<'a>(body: &'a str, id: &str) -> Option<&'a str> {
    let at = body.find(&format!("id=\"{id}\""))?;
    let open_end = at + body[at..].find('>')? + 1;
    let close = open_end + body[open_end..].find("</")?;
    Some(&body[open_end..close])
}

#[tokio::test]
async fn every_page_has_the_shell_and_the_front_page_lists_the_story() {
    let app = app_with(&[]);
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type().starts_with("text/html"));
    assert!(page.body.starts_with("<!DOCTYPE html>"));
    assert!(page.body.contains("<html lang=\"en\">"));
    assert!(page.body.contains("href=\"#main\""), "skip link");
    assert!(page.body.contains("<main id=\"main\""));
    assert!(page.body.contains("<label for=\"search-q\">"));
    assert!(page.body.contains("action=\"/search\""));
    // Served under the API's security headers; nothing inline for the policy to block.
    let policy = page
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    assert!(policy.contains("default-src 'self'"), "{policy}");
    assert!(!page.body.contains(" style="));
    assert!(!page.body.contains("<style"));
    assert_eq!(page.body.matches("<script").count(), 1);
    assert!(page.body.contains("<script src=\"/ui/app.js\" defer>"));

    let stories = page.links("/stories/");
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert!(page.body.contains("3 events"), "{}", page.body);
    assert!(page.body.contains("5 articles"));
}

#[tokio::test]
async fn the_timeline_lists_the_story_events_in_time_order_with_their_top_facts() {
    let app = app_with(&[]);
    let front = get(&app, "/").await;
    let story = front.links("/stories/").remove(0);
    let page = get(&app, &story).await;
    assert_eq!(page.status, StatusCode::OK);
    let events = page.links("/events/");
    let entries = page.body.matches("class=\"timeline-entry\"").count();
    assert_eq!(entries, 3);
    let dates: Vec<&str> = page
        .body
        .match_indices("<p class=\"when\">")
        .filter_map(|(at, tag)| {
            let rest = &page.body[at + tag.len()..];
            rest.find('<').map(|end| &rest[..end])
        })
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // Each event's top facts link to the event page with the fact picked.
    assert!(
        events.iter().any(|href| href.contains("?fact=f-")),
        "{events:?}"
    );
    assert!(page.body.contains("class=\"badge "));
}

#[tokio::test]
async fn the_event_page_marks_a_picked_fact_evidence_in_every_source_column() {
    let app = app_with(&[]);
    let store = SqliteStore::open(&app.db).expect("open");
    let analysis = store.analysis().expect("analysis");
    // The event with most articles, and its best-supported fact.
    let event = analysis
        .events
        .iter()
        .max_by_key(|event| event.articles.len())
        .expect("an event");
    let brief = store
        .brief(&event.id)
        .expect("brief")
        .expect("a stored brief");
    let fact = brief.facts.first().expect("a fact");

    let plain = get(&app, &format!("/events/{}", event.id)).await;
    assert_eq!(plain.status, StatusCode::OK);
    let columns = plain.body.matches("class=\"source-column\"").count();
    assert_eq!(columns, event.articles.len());
    assert_eq!(plain.body.matches("sentence marked").count(), 0);
    assert!(plain.body.contains("Sources side by side"));
    assert!(plain.body.contains(&format!("data-fact=\"{}\"", fact.id)));
    for status in [
        "corroborated",
        "single source",
        "conflicting",
        "added by a rewrite",
    ] {
        assert!(plain.body.contains(status), "legend lacks {status}");
    }

    let picked = get(&app, &format!("/events/{}?fact={}", event.id, fact.id)).await;
    assert_eq!(picked.status, StatusCode::OK);
    let marked = picked.body.matches("class=\"sentence marked\"").count();
    assert_eq!(
        marked,
        fact.evidence.len(),
        "one marked sentence per evidence"
    );
    // Each evidence sentence is marked in its article's column, at its index.
    let column_of: Vec<String> = picked
        .attribute_values("aria-labelledby")
        .into_iter()
        .filter(|value| value.starts_with("source-"))
        .collect();
    assert_eq!(column_of.len(), event.articles.len());
    for evidence in &fact.evidence {
        let column = event
            .articles
            .iter()
            .position(|id| id == &evidence.article)
            .expect("evidence from a member");
        let id = format!("s{column}-{}", evidence.sentence_index);
        let text = element_text(&picked.body, &id).unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(unescape(text).trim(), evidence.sentence.trim(), "{id}");
        assert!(
            picked
                .body
                .contains(&format!("class=\"sentence marked\" id=\"{id}\"")),
            "{id} not marked"
        );
        assert!(
            picked.body.contains(&format!("href=\"#{id}\"")),
            "no jump link to {id}"
        );
    }
    assert!(picked.body.contains("aria-current=\"true\""));

    // An unknown fact marks nothing and is no error.
    let unknown = get(&app, &format!("/events/{}?fact=f-000000000000", event.id)).await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(unknown.body.matches("sentence marked").count(), 0);
}

#[tokio::test]
async fn article_text_and_metadata_are_escaped_everywhere() {
    let mut hostile = Article::new(
        ArticleId::new("x\"><script>alert(1)</script>"),
        "Officials met in Geneva on Monday. <script>alert('text')</script> The talks ended.\n\n\
         A second paragraph with <img src=x onerror=alert(2)> in it.",
    );
    hostile.title = Some("<script>alert('title')</script>".to_owned());
    hostile.source = Some("<b>Bold Source</b>".to_owned());
    hostile.url = Some("javascript:alert(3)".to_owned());
    let app = app_with(&[hostile]);

    let page = get(&app, "/articles/x%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        page.body.matches("<script").count(),
        1,
        "only the app script"
    );
    assert!(!page.body.contains("<img"));
    assert!(!page.body.contains("<b>Bold"));
    assert!(!page.body.contains("href=\"javascript:"));
    assert!(
        page.body
            .contains("&lt;script&gt;alert('text')&lt;/script&gt;")
    );
    assert!(
        page.body
            .contains("&lt;script&gt;alert('title')&lt;/script&gt;")
    );

    // Wherever it is listed: its events and the search results.
    let events = page.links("/events/");
    for event in events {
        let event_page = get(&app, &event).await;
        assert_eq!(event_page.body.matches("<script").count(), 1);
        assert!(event_page.body.contains("&lt;script&gt;alert('text')"));
    }
    let search = get(&app, "/search?q=%3Cscript%3E+alert").await;
    assert_eq!(search.status, StatusCode::OK);
    assert_eq!(search.body.matches("<script").count(), 1);
    assert!(search.body.contains("value=\"&lt;script&gt; alert\""));
}

#[tokio::test]
async fn ingest_needs_the_token_and_goes_through_the_api_ingest() {
    let app = app_with(&[]);
    let form = get(&app, "/ingest").await;
    assert_eq!(form.status, StatusCode::OK);
    for field in [
        "ingest-content",
        "ingest-title",
        "ingest-source",
        "ingest-token",
    ] {
        assert!(
            form.body.contains(&format!("<label for=\"{field}\"")),
            "{field}"
        );
    }
    let before = article_count(&app);
    let text = "Negotiators from both sides met in Vienna on Tuesday and agreed to exchange \
                200 prisoners. The exchange is to take place next week, officials said.";

    let refused = post_form(&app, &[("content", text), ("title", "Vienna talks")]).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(refused.content_type().starts_with("text/html"));
    assert!(refused.body.contains("role=\"alert\""));
    assert!(
        refused.body.contains("Negotiators from both sides"),
        "text kept"
    );
    let wrong = post_form(&app, &[("content", text), ("token", "guess")]).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(
        !wrong.body.contains("value=\"guess\""),
        "the token is never echoed"
    );
    assert_eq!(
        article_count(&app),
        before,
        "nothing stored without the token"
    );

    let stored = post_form(
        &app,
        &[
            ("content", text),
            ("title", "Vienna talks"),
            ("source", "Test Wire"),
            ("token", TOKEN),
        ],
    )
    .await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.body);
    assert_eq!(article_count(&app), before + 1);
    let article = stored.links("/articles/").remove(0);
    assert!(
        !stored.links("/events/").is_empty(),
        "the analysis ran again"
    );
    let page = get(&app, &article).await;
    assert!(page.body.contains("Vienna talks"));
    assert!(page.body.contains("Test Wire"));

    let empty = post_form(&app, &[("content", "  "), ("token", TOKEN)]).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn entities_are_listed_and_found_by_a_variant_spelling() {
    let app = app_with(&[]);
    let store = SqliteStore::open(&app.db).expect("open");
    let list = get(&app, "/entities").await;
    assert_eq!(list.status, StatusCode::OK);
    let entity_links = list.links("/entities/");
    assert!(!entity_links.is_empty());

    // An entity written more than one way, found by a spelling that is not its name.
    let entities = store.entities(1000, 0).expect("entities");
    let (entity, variant) = entities
        .iter()
        .find_map(|entity| {
            let variant = entity
                .variants
                .iter()
                .find(|variant| **variant != entity.name)?;
            Some((entity, variant))
        })
        .expect("an entity with a variant spelling");
    let search = get(&app, &format!("/search?q={}", form_encode(variant))).await;
    assert_eq!(search.status, StatusCode::OK);
    let href = format!("/entities/{}", entity.id.replace(' ', "%20"));
    assert!(
        search.body.contains(&format!("href=\"{href}\"")),
        "{variant} did not find {}",
        entity.name
    );

    let detail = get(&app, &href).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(detail.body.contains(&entity.kind));
    assert!(!detail.links("/events/").is_empty());
    assert!(!detail.links("/articles/").is_empty());
}

#[tokio::test]
async fn article_page_shows_the_removed_junk_with_reasons() {
    let app = app_with(&[]);
    let store = SqliteStore::open(&app.db).expect("open");
    let article = store
        .all_articles()
        .expect("articles")
        .into_iter()
        .max_by_key(|article| article.removed.len())
        .expect("an article");
    assert!(!article.removed.is_empty());
    let page = get(&app, &format!("/articles/{}", article.id.as_str())).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.body.matches("<span class=\"reason\">").count(),
        article.removed.len()
    );
    assert!(page.body.contains(article.removed[0].reason.as_str()));
    assert!(!page.links("/events/").is_empty());
}

#[tokio::test]
async fn unknown_pages_are_html_and_unknown_api_paths_stay_json() {
    let app = app_with(&[]);
    let page = get(&app, "/events/no-such-event").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.content_type().starts_with("text/html"));
    assert!(page.body.contains("no event with id"));
    let nowhere = get(&app, "/nowhere").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert!(nowhere.content_type().starts_with("text/html"));
    let api = get(&app, "/api/v1/nowhere").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.content_type(), "application/json");
    assert!(api.body.contains("\"status\":404"));

    let css = get(&app, "/ui/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.content_type().starts_with("text/css"));
    assert!(css.body.contains("@media (max-width: 700px)"));
    let script = get(&app, "/ui/app.js").await;
    assert!(script.content_type().starts_with("text/javascript"));
}

#[tokio::test]
async fn a_large_event_shows_some_sources_side_by_side_and_lists_the_others() {
    let report = "Flood waters rose across the river valley on Sunday, forcing 3,000 residents \
                  from their homes. Emergency crews opened four shelters in the town of Marlow. \
                  The regional governor asked the national government for help with the cleanup.";
    let copies: Vec<Article> = (0..11)
        .map(|number| {
            let mut article = Article::new(
                ArticleId::new(format!("flood-{number:02}")),
                format!("{report}\n\nOutlet {number} filed this report from the valley."),
            );
            article.source = Some(format!("Outlet {number}"));
            article
        })
        .collect();
    let app = app_with(&copies);
    let store = SqliteStore::open(&app.db).expect("open");
    let event = store
        .analysis()
        .expect("analysis")
        .events
        .into_iter()
        .find(|event| event.articles.len() == copies.len())
        .expect("the copies form one event");

    let page = get(&app, &format!("/events/{}", event.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("11 articles"));
    let columns = page.body.matches("class=\"source-column\"").count();
    assert_eq!(columns, 8);
    assert!(
        page.body
            .contains("3 more articles are not shown side by side")
    );
    let listed: Vec<String> = page
        .links("/articles/flood-")
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        listed.len(),
        copies.len(),
        "every article is linked: {listed:?}"
    );
}
