//! The ingest form. A submission goes through the API's own ingest handler (token check,
//! cleaning, storing, then the analysis again), so the form and `POST /api/v1/ingest` cannot
//! drift apart.

use axum::Form;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, State};
use axum::http::{HeaderMap, HeaderValue, Request, header};
use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::views::{encode, page};
use crate::error::ApiError;
use crate::write::IngestResponse;
use crate::{AppState, Authorized};

/// The fields of the ingest form.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct IngestForm {
    /// Article text, or http(s) addresses one per line.
    #[serde(default)]
    content: String,
    /// Headline of a pasted text.
    #[serde(default)]
    title: String,
    /// Publisher of a pasted text.
    #[serde(default)]
    source: String,
    /// The server's write token.
    #[serde(default)]
    token: String,
}

/// `GET /ingest`: the empty form.
pub(crate) async fn form_page() -> Html<String> {
    Html(form(&IngestForm::default(), None).into_string())
}

/// `POST /ingest`: checks the token, then ingests through the API handler and shows what was
/// stored. Without the right token nothing is read further: the form comes back with the status.
pub(crate) async fn submit(
    State(state): State<AppState>,
    Form(fields): Form<IngestForm>,
) -> Response {
    if let Err(refused) = authorize(&state, &fields.token).await {
        let status = refused.status;
        return (status, Html(form(&fields, Some(&refused)).into_string())).into_response();
    }
    let inputs = inputs_of(&fields);
    if inputs.is_empty() {
        let error = ApiError::bad_request("Paste an article's text or one or more web addresses.");
        return (
            error.status,
            Html(form(&fields, Some(&error)).into_string()),
        )
            .into_response();
    }
    let body = match serde_json::to_vec(&RequestBody { inputs: &inputs }) {
        Ok(body) => body,
        Err(error) => return super::PageError::from(ApiError::internal(error)).into_response(),
    };
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    match crate::write::ingest(Authorized, State(state), headers, Bytes::from(body)).await {
        Ok(axum::Json(outcome)) => Html(result_page(&outcome).into_string()).into_response(),
        Err(error) => (
            error.status,
            Html(form(&fields, Some(&error)).into_string()),
        )
            .into_response(),
    }
}

/// The API's request shape (`IngestRequest`), serialised: that type only deserialises. The
/// end-to-end tests ingest through the form, so a drift between the two fails them.
#[derive(serde::Serialize)]
struct RequestBody<'a> {
    inputs: &'a [InputBody],
}

/// One input as the API reads it.
#[derive(serde::Serialize)]
struct InputBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

/// The same check as the API's write endpoints: the token as a bearer header through the
/// `Authorized` extractor (constant-time comparison, 403 when writes are disabled).
async fn authorize(state: &AppState, token: &str) -> Result<(), ApiError> {
    let mut request = Request::builder();
    let token = token.trim();
    if !token.is_empty() {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let (mut parts, ()) = request
        .body(())
        .map_err(|_| ApiError::new(axum::http::StatusCode::UNAUTHORIZED, "wrong token"))?
        .into_parts();
    Authorized::from_request_parts(&mut parts, state)
        .await
        .map(|_| ())
}

/// Lines that are all web addresses become one fetched input each; anything else is one text.
fn inputs_of(fields: &IngestForm) -> Vec<InputBody> {
    let content = fields.content.trim();
    if content.is_empty() {
        return Vec::new();
    }
    let lines: Vec<&str> = content
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let all_urls = lines.iter().all(|line| {
        let lower = line.to_ascii_lowercase();
        (lower.starts_with("http://") || lower.starts_with("https://"))
            && !line.contains(char::is_whitespace)
    });
    let optional = |text: &str| Some(text.trim().to_owned()).filter(|text| !text.is_empty());
    if all_urls {
        return lines
            .into_iter()
            .map(|url| InputBody {
                text: None,
                url: Some(url.to_owned()),
                title: None,
                source: None,
            })
            .collect();
    }
    vec![InputBody {
        text: Some(content.to_owned()),
        url: None,
        title: optional(&fields.title),
        source: optional(&fields.source),
    }]
}

/// The form, filled with what was sent (never the token), and the error if there was one.
fn form(fields: &IngestForm, error: Option<&ApiError>) -> Markup {
    page(
        "Ingest",
        html! {
            h1 { "Ingest articles" }
            @if let Some(error) = error {
                p.error-message role="alert" { (error.status.as_u16()) " — " (error.message) }
            }
            p { "Paste an article's text, or web addresses one per line. They are cleaned, stored and the analysis runs again." }
            form.ingest method="post" action="/ingest" {
                label for="ingest-content" { "Text or addresses" }
                textarea #ingest-content name="content" rows="12" required { (fields.content) }
                div.field-row {
                    div {
                        label for="ingest-title" { "Title " span.meta { "(optional, for a text)" } }
                        input #ingest-title type="text" name="title" value=(fields.title);
                    }
                    div {
                        label for="ingest-source" { "Source " span.meta { "(optional, for a text)" } }
                        input #ingest-source type="text" name="source" value=(fields.source);
                    }
                }
                label for="ingest-token" { "Token" }
                input #ingest-token type="password" name="token" autocomplete="off"
                    aria-describedby="token-help";
                p #token-help.meta { "The token the server was started with (" code { "--token" } ")." }
                button type="submit" { "Ingest" }
            }
        },
    )
}

fn result_page(outcome: &IngestResponse) -> Markup {
    page(
        "Ingested",
        html! {
            h1 { "Ingested" }
            p { (outcome.articles.len()) " stored, " (outcome.failures.len()) " failed; "
                (outcome.events) " events after the analysis." }
            @if !outcome.articles.is_empty() {
                ul.results {
                    @for article in &outcome.articles {
                        li {
                            a href={ "/articles/" (encode(&article.id)) } { (article.id) }
                            span.meta { " · " (article.outcome) }
                            @for event in &article.events {
                                " · " a href={ "/events/" (encode(event)) } { "its event" }
                            }
                        }
                    }
                }
            }
            @if !outcome.failures.is_empty() {
                h2 { "Failures" }
                ul { @for failure in &outcome.failures { li { (failure.input) ": " (failure.reason) } } }
            }
            p { a href="/ingest" { "Ingest more" } " · " a href="/" { "Stories" } }
        },
    )
}
