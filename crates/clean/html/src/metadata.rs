//! Metadata from the markup: JSON-LD, meta tags (OpenGraph, Twitter, Dublin Core, Parse.ly,
//! Sailthru), microdata, `<time>`, canonical links, visible bylines and the URL.

use std::collections::HashMap;
use std::sync::LazyLock;

use corroborate_model::{Metadata, Published};
use dom_query::{Document, NodeData, Selection};
use regex::Regex;
use serde_json::Value;

use crate::dates;

/// How deep JSON-LD is walked: real graphs are shallow, hostile ones need not be followed.
const MAX_JSON_DEPTH: usize = 12;

/// Meta keys naming the publication instant, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "published",
    "published-date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "article_date_original",
    "date",
    "displaydate",
];

/// Meta keys naming the last revision, best first.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
];

/// Meta keys naming authors, best first.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
    "twitter:creator:name",
];

/// Meta keys naming the publisher or site, best first.
const SOURCE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "publisher",
    "dc.publisher",
    "twitter:site:name",
];

/// Class or id fragments of elements that hold a visible byline.
const BYLINE_SELECTOR: &str = "[rel=author], [itemprop=author], .byline, .author, .author-name, .authors, \
    [class*=byline], [class*=author-name], [class*=AuthorName], [data-testid*=byline], address";

/// Elements that show the publication date.
const DATE_SELECTOR: &str = "[itemprop=datePublished], [class*=publish], [class*=date], [class*=time], \
    [id*=date], [class*=byline], [class*=meta]";

static BY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:(?:written|posted|published|reported|words|text|story|photos?)\s+)?(?:by|von|par|por|di|door|av)|author|authors|written by)\s*[:\-]?\s+")
        .unwrap_or_else(|_| unreachable!())
});
static NAME_SEPARATORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:,|;|&|\||\band\b|\bund\b|\bet\b|\by\b|\bwith\b)\s*")
        .unwrap_or_else(|_| unreachable!())
});
static SPACES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+").unwrap_or_else(|_| unreachable!()));

/// Collapses runs of whitespace and trims; decodes the character references that JSON-LD and
/// meta values often carry escaped a second time (`&amp;#8217;`, `&#038;`).
pub(crate) fn squash(text: &str) -> String {
    let decoded = if text.contains('&') {
        decode_entities(text)
    } else {
        text.to_owned()
    };
    SPACES.replace_all(decoded.trim(), " ").into_owned()
}

/// Decodes numeric and the common named character references; leaves anything else as is.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(index, _)| index);
        let decoded = end.and_then(|end| {
            let name = &tail[1..end];
            let character =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(decimal) = name.strip_prefix('#') {
                    decimal.parse().ok().and_then(char::from_u32)
                } else {
                    named_entity(name)
                };
            character.map(|character| (character, end + 1))
        });
        match decoded {
            Some((character, length)) => {
                out.push(character);
                rest = &tail[length..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    // "&amp;#8217;" decodes to "&#8217;" first: one more pass finishes it.
    if out.contains("&#") && out != text {
        decode_entities(&out)
    } else {
        out
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "laquo" => '«',
        "raquo" => '»',
        _ => return None,
    })
}

/// What one page's JSON-LD says about its article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<Published>,
    /// The publication days every article and page object names, `published`'s included: where
    /// they disagree, the page's own byline settles it.
    every_published: Vec<Published>,
    /// `dateModified`: the last revision, used only when nothing names the publication.
    modified: Option<Published>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
    /// Set when the values come from an Article-like object (not a WebPage or a site).
    from_article: bool,
}

fn is_article_type(kind: &str) -> bool {
    let kind = kind.rsplit('/').next().unwrap_or(kind);
    kind.ends_with("Article")
        || kind.ends_with("Posting")
        || matches!(kind, "Report" | "Blog" | "Review")
}

fn types_of(object: &serde_json::Map<String, Value>) -> Vec<&str> {
    match object.get("@type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn json_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(squash(text)).filter(|text| !text.is_empty()),
        Value::Array(items) => items.iter().find_map(|item| json_text(Some(item))),
        Value::Object(object) => {
            json_text(object.get("name")).or_else(|| json_text(object.get("@value")))
        }
        _ => None,
    }
}

/// Author names from a JSON-LD `author` value: a string, a Person, or a list of either;
/// `@id` references are resolved through the page's graph.
fn json_authors(
    value: Option<&Value>,
    names_by_id: &HashMap<String, String>,
    out: &mut Vec<String>,
) {
    match value {
        Some(Value::String(name)) => out.extend(split_names(name)),
        Some(Value::Array(items)) => items
            .iter()
            .for_each(|item| json_authors(Some(item), names_by_id, out)),
        Some(Value::Object(object)) => {
            if let Some(name) = json_text(object.get("name")) {
                out.extend(split_names(&name));
            } else if let Some(name) = object
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| names_by_id.get(id))
            {
                out.extend(split_names(name));
            }
        }
        _ => {}
    }
}

/// Every JSON object in the value (through arrays and `@graph`), to a bounded depth.
fn collect_objects<'v>(
    value: &'v Value,
    depth: usize,
    out: &mut Vec<&'v serde_json::Map<String, Value>>,
) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_objects(item, depth + 1, out)),
        Value::Object(object) => {
            out.push(object);
            if let Some(graph) = object.get("@graph") {
                collect_objects(graph, depth + 1, out);
            }
            // Articles nested as `mainEntity` / `mainEntityOfPage` of a WebPage.
            for key in ["mainEntity", "itemListElement"] {
                if let Some(inner) = object.get(key) {
                    collect_objects(inner, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

fn linked_data(document: &Document) -> LinkedData {
    let mut values = Vec::new();
    for script in document
        .select(r#"script[type="application/ld+json"]"#)
        .iter()
    {
        let raw = script.text();
        let trimmed = raw
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let trimmed = trimmed
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>")
            .trim();
        // Some sites leave raw newlines or tabs inside strings, which strict JSON refuses.
        let parsed = serde_json::from_str::<Value>(trimmed)
            .or_else(|_| serde_json::from_str::<Value>(&trimmed.replace(['\n', '\r', '\t'], " ")));
        if let Ok(value) = parsed {
            values.push(value);
        }
    }
    let mut objects = Vec::new();
    for value in &values {
        collect_objects(value, 0, &mut objects);
    }
    let mut names_by_id = HashMap::new();
    for object in &objects {
        if let (Some(id), Some(name)) = (
            object.get("@id").and_then(Value::as_str),
            json_text(object.get("name")),
        ) && types_of(object)
            .iter()
            .any(|kind| matches!(*kind, "Person" | "Organization" | "NewsMediaOrganization"))
        {
            names_by_id.insert(id.to_owned(), name);
        }
    }
    let mut found = LinkedData::default();
    // Article-like objects first; WebPage-like ones only fill what articles leave empty.
    let ranked = objects
        .iter()
        .filter(|object| types_of(object).iter().any(|kind| is_article_type(kind)))
        .chain(objects.iter().filter(|object| {
            types_of(object)
                .iter()
                .any(|kind| kind.ends_with("WebPage") || *kind == "VideoObject")
        }));
    for object in ranked {
        let is_article = types_of(object).iter().any(|kind| is_article_type(kind));
        if found.headline.is_none() {
            found.headline = json_text(object.get("headline"))
                .or_else(|| is_article.then(|| json_text(object.get("name"))).flatten());
        }
        let published = ["datePublished", "dateCreated", "uploadDate"]
            .iter()
            .find_map(|key| {
                object
                    .get(*key)
                    .and_then(Value::as_str)
                    .and_then(dates::parse_any)
            });
        if found.published.is_none() {
            found.published = published;
        }
        found.every_published.extend(published);
        if found.modified.is_none() {
            found.modified = object
                .get("dateModified")
                .and_then(Value::as_str)
                .and_then(dates::parse_any);
        }
        if found.authors.is_empty() {
            json_authors(
                object.get("author").or_else(|| object.get("creator")),
                &names_by_id,
                &mut found.authors,
            );
        }
        if found.publisher.is_none() {
            found.publisher = object
                .get("publisher")
                .and_then(|publisher| match publisher {
                    Value::Object(inner) if inner.get("name").is_none() => inner
                        .get("@id")
                        .and_then(Value::as_str)
                        .and_then(|id| names_by_id.get(id).cloned()),
                    other => json_text(Some(other)),
                });
        }
        if found.url.is_none() && is_article {
            found.url = object
                .get("url")
                .and_then(Value::as_str)
                .filter(|url| url.starts_with("http"))
                .map(str::to_owned);
        }
        found.from_article |= is_article;
    }
    if found.publisher.is_none() {
        found.publisher = objects
            .iter()
            .filter(|object| {
                types_of(object).iter().any(|kind| {
                    matches!(*kind, "NewsMediaOrganization" | "Organization" | "WebSite")
                })
            })
            .find_map(|object| json_text(object.get("name")));
    }
    found
}

/// `<meta>` values by lowercased `property`, `name` or `itemprop`; the first of each key wins.
fn meta_tags(document: &Document) -> HashMap<String, String> {
    let mut tags = HashMap::new();
    for meta in document.select("meta[content]").iter() {
        let Some(content) = meta
            .attr("content")
            .map(|content| squash(&content))
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        for attribute in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = meta.attr(attribute) {
                tags.entry(key.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.clone());
            }
        }
    }
    tags
}

/// Splits a byline into names: drops "By", roles after a separator, and what is plainly not a
/// name (links, e-mail addresses, dates, long phrases).
pub(crate) fn split_names(byline: &str) -> Vec<String> {
    let byline = squash(byline);
    let byline = BY_PREFIX.replace(&byline, "");
    let mut names = Vec::new();
    for part in NAME_SEPARATORS.split(&byline) {
        let name = BY_PREFIX.replace(part, "");
        let name = name
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')')
            .trim();
        let words = name.split_whitespace().count();
        let plausible = (1..=5).contains(&words)
            && name.chars().next().is_some_and(char::is_alphabetic)
            && !name.contains("://")
            && !name.contains('@')
            && !name.chars().any(|c| c.is_ascii_digit())
            && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let is_word = matches!(
            name.to_ascii_lowercase().as_str(),
            "by" | "author" | "admin" | "staff" | "and"
        );
        if plausible
            && !is_word
            && !names
                .iter()
                .any(|known: &String| known.eq_ignore_ascii_case(name))
        {
            names.push(name.to_owned());
        }
    }
    names
}

/// Elements that name an author less directly than a byline: author boxes and cards, whose
/// class merely contains "author" (`post-hero__author__name`, `_authorName_x1`, `the-author`).
const AUTHOR_BOX_SELECTOR: &str = "[class*=author], [class*=Author]";

/// A label or role word, never a name on its own ("Name", "Author", "Home", "Staff Writer").
static NOT_A_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:name|author|authors|home|staff|writer|editor|team|contributor|reviewed|updated|published|posted|comments?|reply|says|about|more|view|profile|follow|contact|read|minutes?|min)\b")
        .unwrap_or_else(|_| unreachable!())
});

/// The first text of an author box that reads as a person's name: two to four words, each
/// capitalised (particles such as "van" or "de" aside), after any "By" / "Written by". Text is
/// taken node by node, so a name is not glued to the role or the "Written by" beside it.
fn author_box_name(document: &Document) -> Vec<String> {
    let Some(boxes) = document.try_select(AUTHOR_BOX_SELECTOR) else {
        return Vec::new();
    };
    for author_box in boxes.iter().take(30) {
        let Some(node) = author_box.nodes().first().cloned() else {
            continue;
        };
        for text_node in node.descendants_it().filter(|n| n.is_text()).take(12) {
            let text = squash(&text_node.text());
            let text = BY_LEAD.replace(&text, "");
            let name = text.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            if is_person_name(name) {
                return vec![name.to_owned()];
            }
        }
    }
    Vec::new()
}

/// "By", "Written by", "Article by:", "Recipe by" and the like before a name.
static BY_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:written|posted|published|reported|article|recipe|authored|story|words)\s+)?(?:by|von|par|por|di|door|av)\b\s*:?\s*")
        .unwrap_or_else(|_| unreachable!())
});

fn is_person_name(text: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "der", "den", "da", "del", "di", "du", "la", "le", "bin", "al",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && text.len() <= 40
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '|' | ':'))
        && !NOT_A_NAME.is_match(text)
        && words.iter().all(|word| {
            PARTICLES.contains(&word.to_lowercase().as_str())
                || word.chars().next().is_some_and(char::is_uppercase)
        })
        && words
            .first()
            .is_some_and(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// The text of an element, whitespace collapsed.
fn element_text(selection: &Selection) -> String {
    squash(&selection.text())
}

/// Names in visible byline elements, when the page declares none in its markup.
fn visible_authors(document: &Document) -> Vec<String> {
    let Some(bylines) = document.try_select(BYLINE_SELECTOR) else {
        return Vec::new();
    };
    for byline in bylines.iter().take(20) {
        // A Person's `name` property, when the byline is microdata.
        let named = byline.select("[itemprop=name]");
        let text = if named.exists() {
            element_text(&named.first())
        } else {
            element_text(&byline)
        };
        if text.len() > 120 || text.is_empty() {
            continue;
        }
        let names = split_names(&text);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// The publication date shown by `<time>` elements or date-classed elements.
fn visible_published(
    document: &Document,
    near_headline: &dyn Fn() -> Option<Published>,
) -> Option<Published> {
    for time in document.select("time[datetime]").iter().take(10) {
        let is_modified = time
            .attr("itemprop")
            .is_some_and(|prop| prop.contains("dateModified"))
            || time
                .attr("class")
                .is_some_and(|class| class.to_ascii_lowercase().contains("update"));
        if is_modified {
            continue;
        }
        if let Some(published) = time
            .attr("datetime")
            .and_then(|value| dates::parse_any(&value))
        {
            return Some(published);
        }
    }
    // A date right by the headline before date-classed elements anywhere: those are as often
    // the cards of related posts or a "today's date" widget.
    if let Some(published) = near_headline() {
        return Some(published);
    }
    // `try_select` gives None when nothing matches; the headline fallback still applies then.
    let candidates = document.try_select(DATE_SELECTOR);
    for element in candidates.iter().flat_map(|found| found.iter()).take(40) {
        if let Some(published) = ["content", "datetime"]
            .iter()
            .find_map(|key| element.attr(key).and_then(|value| dates::parse_any(&value)))
        {
            return Some(published);
        }
        let text = element_text(&element);
        if text.len() <= 200
            && let Some(day) = dates::find_in_text(&text)
        {
            return Some(Published::Day(day));
        }
    }
    date_near_headline(document)
}

/// A date written next to the headline: in the text of the headline's container, climbing at
/// most three levels and reading no more than the first 600 characters of each.
fn date_near_headline(document: &Document) -> Option<Published> {
    let mut container = document.select("h1").first().parent();
    for _ in 0..3 {
        if !container.exists() || container.is("body, html") {
            return None;
        }
        // Child by child with a space between: `text()` glues "…headline" and "Mar 3" together.
        let mut text = container.immediate_text().to_string();
        for child in container.children().iter() {
            text.push(' ');
            text.push_str(&child.text());
            if text.len() > 600 {
                break;
            }
        }
        let head = text
            .char_indices()
            .nth(600)
            .map_or(text.as_str(), |(end, _)| &text[..end]);
        if let Some(day) = dates::find_in_text(head) {
            return Some(Published::Day(day));
        }
        container = container.parent();
    }
    None
}

/// The URL's day when the markup's day is one off from it: the URL was written in the
/// publisher's own time zone, the markup instant usually in UTC.
fn agree_with_url_day(published: Published, url_day: Option<chrono::NaiveDate>) -> Published {
    match url_day {
        Some(day) if (published.date() - day).num_days().abs() == 1 => Published::Day(day),
        _ => published,
    }
}

/// The URL's day when the page's day is the URL's with day and month swapped: a numeric
/// date such as `03/10/2023` read in the wrong order.
fn settle_order_by_url_day(published: Published, url_day: Option<chrono::NaiveDate>) -> Published {
    use chrono::Datelike;
    let shown = published.date();
    match url_day {
        Some(day)
            if day != shown
                && (day.year(), day.month(), day.day())
                    == (shown.year(), shown.day(), shown.month()) =>
        {
            Published::Day(day)
        }
        _ => published,
    }
}

/// The page's visible text (text nodes joined by spaces, scripts and styles left out) and
/// where the headline starts in it.
struct VisibleText {
    text: String,
    headline_at: Option<usize>,
}

impl VisibleText {
    fn read(document: &Document) -> Self {
        // The headline the title is taken from: the first `<h1>` of headline length.
        let headline = document
            .select("h1")
            .nodes()
            .iter()
            .find(|h1| (2..=40).contains(&h1.text().split_whitespace().count()))
            .map(|h1| h1.id);
        let mut text = String::new();
        let mut headline_at = None;
        if let Some(body) = document.select("body").nodes().first() {
            for node in body.descendants_it() {
                if Some(node.id) == headline {
                    headline_at = Some(text.len());
                }
                // Read in place: no copy of each text node nor of its parent's name.
                let in_code = || {
                    node.parent().is_some_and(|parent| {
                        parent.query_or(false, |tree_node| {
                            matches!(&tree_node.data, NodeData::Element(element)
                                if matches!(&*element.name.local, "script" | "style" | "noscript" | "template"))
                        })
                    })
                };
                node.query(|tree_node| {
                    let NodeData::Text { contents } = &tree_node.data else {
                        return;
                    };
                    // Squashed as we go so offsets count the text as the page lays it out.
                    if contents.trim().is_empty() || in_code() {
                        return;
                    }
                    text.push(' ');
                    text.extend(contents.split_whitespace().flat_map(|word| [word, " "]));
                    text.pop();
                });
            }
        }
        Self { text, headline_at }
    }

    /// The text from `at` to at most `len` bytes past it, cut at a character boundary.
    fn after(&self, at: usize, len: usize) -> Option<&str> {
        let mut end = (at + len).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        self.text.get(at..end)
    }

    /// The text from `before` bytes ahead of the headline to `after` bytes past its start,
    /// cut at character boundaries.
    fn around_headline(&self, before: usize, after: usize) -> Option<&str> {
        let at = self.headline_at?;
        let mut start = at.saturating_sub(before);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        self.after(start, at + after - start)
    }
}

/// The first date written in the page's text within `after` bytes of its headline's start,
/// else the last one written just before it (a date line above the headline): for pages that
/// mark their date up in no recognisable way.
fn date_around_headline(visible: &VisibleText, after: usize) -> Option<Published> {
    header_day(visible, after).map(|shown| Published::Day(shown.day))
}

/// A day the article's header shows, and whether an update label introduces it.
#[derive(Clone, Copy)]
struct HeaderDay {
    day: chrono::NaiveDate,
    is_update: bool,
}

/// The day [`date_around_headline`] reads, with its label.
fn header_day(visible: &VisibleText, after: usize) -> Option<HeaderDay> {
    let after = visible.around_headline(0, after)?;
    if let Some((at, day)) = dates::all_in_text(after).first() {
        return Some(HeaderDay {
            day: *day,
            is_update: is_labelled_update(after, *at),
        });
    }
    let before = visible.around_headline(DATE_LINE_BEFORE, 0)?;
    // The last date of the line, passing over an update day when the line also gives another
    // ("Dec 22, 2022 Updated: Jan 2, 2026").
    let line = dates::all_in_text(before);
    line.iter()
        .rev()
        .find(|(at, _)| !is_labelled_update(before, *at))
        .or_else(|| line.last())
        .map(|(at, day)| HeaderDay {
            day: *day,
            is_update: is_labelled_update(before, *at),
        })
}

/// The day written just after the first author's name in the page's text ("Jane Doe · 7 min
/// read · Dec 30, 2013", "by Jane Doe, published Apr 26, 2023"): the date a byline shows.
fn byline_day(visible: &VisibleText, authors: &[String]) -> Option<chrono::NaiveDate> {
    let author = authors.first().filter(|name| name.len() >= 4)?;
    let at = match visible.text.find(author.as_str()) {
        Some(at) => at + author.len(),
        // Bylines in capitals ("BY JANE DOE"): an ASCII case-blind scan, no copy of the text,
        // comparing only where the first letter (either case) stands.
        None => {
            let name = author.as_bytes();
            let text = visible.text.as_bytes();
            let first = name[0];
            memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), text)
                .find(|&at| {
                    text.get(at..at + name.len())
                        .is_some_and(|window| window.eq_ignore_ascii_case(name))
                })?
                + name.len()
        }
    };
    dates::find_in_text(visible.after(at, BYLINE_DATE_AFTER)?)
}

/// Words that introduce a publication day: "Published", "Posted on", "Written by <names>".
static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:published|posted|written by|publié|publicado|veröffentlicht|pubblicato)\b",
    )
    .unwrap_or_else(|_| unreachable!())
});
/// Words that state the first publication outright ("This article was originally published on
/// 26 Sep 2019", "First published on November 19, 2019"): they outrank every other date.
static ORIGINAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:originally|first)\s+(?:published|posted)\b")
        .unwrap_or_else(|_| unreachable!())
});

/// The day an [`ORIGINAL_LABEL`] introduces, when the date follows the label closely.
fn original_day<'v>(html: &str, visible: &dyn Fn() -> &'v VisibleText) -> Option<Published> {
    // Most pages never say it: look in the raw page before building its visible text.
    if !ORIGINAL_LABEL.is_match(html) {
        return None;
    }
    let visible = visible();
    ORIGINAL_LABEL.find_iter(&visible.text).find_map(|found| {
        let after = visible.after(found.end(), ORIGINAL_DATE_AFTER)?;
        dates::all_in_text(after)
            .first()
            .filter(|(at, _)| *at <= ORIGINAL_DATE_GAP)
            .map(|(_, day)| Published::Day(*day))
    })
}

/// How far after an [`ORIGINAL_LABEL`] its date is read, and how far into that the date must
/// start ("on Wednesday, "), in bytes.
const ORIGINAL_DATE_AFTER: usize = 60;
const ORIGINAL_DATE_GAP: usize = 16;

/// Words that introduce an update day, the last resort for a page that states no other day.
static UPDATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:updated|last updated|modified|aktualisiert|mis à jour|actualizado)\b")
        .unwrap_or_else(|_| unreachable!())
});

/// Whether the date starting at byte `at` of `text` follows an update label ("Updated:").
fn is_labelled_update(text: &str, at: usize) -> bool {
    let mut start = at.saturating_sub(UPDATE_LABEL_BEFORE);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..at)
        .is_some_and(|lead| UPDATED_LABEL.is_match(lead))
}

/// How far before a date an update label is looked for, in bytes.
const UPDATE_LABEL_BEFORE: usize = 24;

/// The first day written within [`LABELLED_DATE_AFTER`] bytes after one of `label`'s words
/// anywhere in the page's text: an author box at the end of a post, a footer line "Posted on
/// 15/12/2025".
fn labelled_day(visible: &VisibleText, label: &Regex) -> Option<Published> {
    label.find_iter(&visible.text).find_map(|found| {
        dates::find_in_text(visible.after(found.end(), LABELLED_DATE_AFTER)?).map(Published::Day)
    })
}

/// How far after a label a labelled date is looked for, in bytes.
const LABELLED_DATE_AFTER: usize = 80;

/// How far after an author's name a byline's date is looked for, in bytes.
const BYLINE_DATE_AFTER: usize = 120;

/// How far before the headline's start a date line is looked for, in bytes.
const DATE_LINE_BEFORE: usize = 200;
/// How far after the headline's start a date counts as the article header's, in bytes.
const HEADER_AFTER: usize = 400;

/// Primary ISO 639-1 subtag of a language tag ("en-GB", "en_US", "de").
fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic())).then_some(primary)
}

/// Drops a trailing or leading site name (" | Site", "Site - ") from a `<title>`.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let is_site = site.is_some_and(|site| {
                tail.eq_ignore_ascii_case(site)
                    || tail.to_lowercase().contains(&site.to_lowercase())
            });
            if is_site
                || (tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3)
            {
                return head.trim().to_owned();
            }
        }
        if let Some((head, tail)) = title.split_once(separator)
            && site.is_some_and(|site| head.eq_ignore_ascii_case(site))
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// The day the page was published: the markup's, checked against the days the page shows its
/// readers, else the first day any visible or embedded source gives (see the rules in order).
fn publication_day(
    document: &Document,
    html: &str,
    url: Option<&str>,
    linked: &LinkedData,
    meta: &HashMap<String, String>,
    authors: &[String],
) -> Option<Published> {
    let get = |key: &str| meta.get(key).map(String::as_str);
    let visible = std::cell::OnceCell::new();
    let visible = || visible.get_or_init(|| VisibleText::read(document));
    // Each read at most once: several rules below consult them.
    let byline = std::cell::OnceCell::new();
    let byline = || *byline.get_or_init(|| byline_day(visible(), authors));
    let header = std::cell::OnceCell::new();
    let header = || *header.get_or_init(|| header_day(visible(), HEADER_AFTER));
    let shown_day = || byline().or_else(|| header().map(|shown| shown.day));
    let meta_published = DATE_KEYS
        .iter()
        .filter_map(|key| get(key))
        .find_map(dates::parse_any);
    // JSON-LD first; where its objects and the meta tags name different days, the page's own
    // byline or header settles which one it shows.
    let markup_days: Vec<Published> = linked
        .every_published
        .iter()
        .copied()
        .chain(meta_published)
        .collect();
    let disagree = markup_days
        .iter()
        .any(|published| published.date() != markup_days[0].date());
    // Markup that contradicts itself and names none of the days the page shows gives way to a
    // day the page labels as its publication.
    let markup_published = if disagree {
        shown_day()
            .and_then(|shown| {
                markup_days
                    .iter()
                    .find(|published| published.date() == shown)
                    .copied()
            })
            .or_else(|| labelled_day(visible(), &PUBLISHED_LABEL))
            .or(linked.published)
            .or(meta_published)
    } else {
        linked.published.or(meta_published)
    };
    let url_day = url.and_then(dates::from_url);
    let markup_published = markup_published.map(|published| agree_with_url_day(published, url_day));
    // The day the page shows its readers, where it is more than a day from the markup's (a day
    // apart is the markup's UTC instant against the page's local day, and the markup wins):
    // - a byline or header day before the markup's: the markup carries a republication or a
    //   refresh;
    // - a header day after it, read in the headline's own container too and not introduced as
    //   an update: the markup carries the day the page was first made, reused for a new
    //   article.
    let markup_published = match markup_published {
        Some(markup) => match shown_day() {
            Some(day) if (markup.date() - day).num_days() > 1 => Some(Published::Day(day)),
            _ => match header() {
                Some(shown)
                    if (shown.day - markup.date()).num_days() > 1
                        && !shown.is_update
                        && (byline() == Some(shown.day)
                            || date_near_headline(document).map(|near| near.date())
                                == Some(shown.day)) =>
                {
                    Some(Published::Day(shown.day))
                }
                _ => Some(markup),
            },
        },
        other => other,
    };
    // Markup first: where pages show several dates, the visible one is as often an update.
    original_day(html, &visible)
        .or(markup_published)
        .or_else(|| visible_published(document, &|| date_around_headline(visible(), HEADER_AFTER)))
        .or_else(|| byline().map(Published::Day))
        .or_else(|| url_day.map(Published::Day))
        .or_else(|| dates::from_script_data(html))
        .or_else(|| date_around_headline(visible(), 1500))
        .or_else(|| labelled_day(visible(), &PUBLISHED_LABEL))
        .or_else(|| labelled_day(visible(), &UPDATED_LABEL))
        // A page that names only its last revision was published no later than that.
        .or_else(|| {
            linked.modified.or_else(|| {
                MODIFIED_KEYS
                    .iter()
                    .filter_map(|key| get(key))
                    .find_map(dates::parse_any)
            })
        })
        .map(|published| settle_order_by_url_day(published, url_day))
}

/// Everything the markup says about the page.
pub(crate) fn extract(document: &Document, html: &str, url: Option<&str>) -> Metadata {
    let linked = linked_data(document);
    let meta = meta_tags(document);
    let get = |key: &str| meta.get(key).map(String::as_str);

    let source = linked.publisher.clone().or_else(|| {
        SOURCE_KEYS
            .iter()
            .find_map(|key| get(key))
            .filter(|s| !s.starts_with('@'))
            .map(str::to_owned)
    });

    // The visible headline is what readers (and annotators) call the title; markup titles often
    // carry SEO variants or the site name.
    let h1_text = ["article h1", "main h1", "h1"].iter().find_map(|selector| {
        document
            .select(selector)
            .iter()
            .map(|h1| element_text(&h1))
            .find(|text| (2..=40).contains(&text.split_whitespace().count()))
    });
    let title = h1_text
        .or_else(|| linked.headline.clone())
        .or_else(|| {
            get("og:title")
                .or_else(|| get("twitter:title"))
                .map(str::to_owned)
        })
        .map(|title| strip_site_name(&title, source.as_deref()))
        .or_else(|| {
            let title = element_text(&document.select("head title").first());
            (!title.is_empty()).then(|| strip_site_name(&title, source.as_deref()))
        });

    let mut authors = linked.authors.clone();
    if authors.is_empty() {
        authors = AUTHOR_KEYS
            .iter()
            .filter_map(|key| get(key))
            .find(|value| !value.starts_with("http"))
            .map(split_names)
            .unwrap_or_default();
    }
    if authors.is_empty() {
        authors = visible_authors(document);
    }
    if authors.is_empty() {
        authors = author_box_name(document);
    }

    let published = publication_day(document, html, url, &linked, &meta, &authors);

    let canonical = document
        .select(r#"link[rel="canonical"]"#)
        .attr("href")
        .map(|href| href.trim().to_owned())
        .filter(|href| href.starts_with("http"))
        .or_else(|| {
            get("og:url")
                .filter(|u| u.starts_with("http"))
                .map(str::to_owned)
        })
        .or(linked.url)
        .or_else(|| url.map(str::to_owned));

    let language = document
        .select("html")
        .attr("lang")
        .and_then(|lang| language_code(&lang))
        .or_else(|| get("og:locale").and_then(language_code))
        .or_else(|| get("content-language").and_then(language_code))
        .or_else(|| get("language").and_then(language_code));

    Metadata {
        title,
        authors,
        published,
        source,
        url: canonical,
        language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_day_a_byline_shows() {
        let published = |html: &str| {
            extract(&Document::from(html), html, None)
                .published
                .map(|day| day.date().to_string())
        };
        // No markup date: the day written after the author's name.
        let plain = r#"<html><head><meta name="author" content="Luke Kim"></head><body>
            <h1>Faster queries for everyone</h1><div><span>Luke Kim</span> <span>December 17, 2025</span></div>
            <p>Body text.</p></body></html>"#;
        assert_eq!(published(plain).as_deref(), Some("2025-12-17"));
        // The markup carries a republication; the byline shows the original day.
        let republished = r#"<html><head><script type="application/ld+json">
            {"@type":"Article","datePublished":"2025-08-21T10:00:00Z","author":{"@type":"Person","name":"Claire Wilson"}}
            </script></head><body><h1>How we price our plans</h1>
            <p>By Claire Wilson, published Apr 26, 2023</p><p>Body text.</p></body></html>"#;
        assert_eq!(published(republished).as_deref(), Some("2023-04-26"));
        // A day apart is the markup's UTC instant against the page's local day: markup wins.
        let next_day = republished.replace("Apr 26, 2023", "Aug 20, 2025");
        assert_eq!(published(&next_day).as_deref(), Some("2025-08-21"));
        // No byline date, but the header under the headline shows the original day.
        let header = r#"<html><head><meta property="article:published_time" content="2025-06-12T08:00:00Z">
            </head><body><h1>Foundational fitness protocol</h1><p>November 2, 2022 | This newsletter explains...</p>
            <p>Body text.</p></body></html>"#;
        assert_eq!(published(header).as_deref(), Some("2022-11-02"));
        // Nothing near the headline: a labelled day anywhere, an update day as the last resort.
        let footer = r#"<html><body><h1>Mobile apps, a complete guide</h1><p>Body text.</p>
            <div class="box">Written by Moses Kim and Kate Shokurova April 8, 2024</div></body></html>"#;
        assert_eq!(published(footer).as_deref(), Some("2024-04-08"));
        let updated = r#"<html><body><h1>Park webcam</h1><p>View the webcam.</p>
            <p>Last updated: November 13, 2025</p></body></html>"#;
        assert_eq!(published(updated).as_deref(), Some("2025-11-13"));
    }

    #[test]
    fn reads_a_name_from_an_author_box() {
        let names = |html: &str| author_box_name(&Document::from(html));
        // Name and role in one box, "Written by" in its own node.
        assert_eq!(
            names(
                "<div class=\"post-hero__author\"><span>Written by</span><a href=/a>Dan Pantelo</a>\
                   <span>Tech Reporter</span></div>"
            ),
            ["Dan Pantelo"]
        );
        assert_eq!(
            names("<p class=\"_authorName_x1\">By Nick van Mead</p>"),
            ["Nick van Mead"]
        );
        // Labels and form fields are not names.
        assert!(names("<label class=\"comment-author\">Name</label><div class=\"author\">Staff Writer</div>").is_empty());
        assert!(
            names("<div class=\"author-bio\">Jane writes about food and travel.</div>").is_empty()
        );
    }

    #[test]
    fn splits_bylines_into_names() {
        assert_eq!(
            split_names("By Jane Doe and John Smith"),
            ["Jane Doe", "John Smith"]
        );
        assert_eq!(split_names("BY ANNA LEE, Reuters"), ["ANNA LEE", "Reuters"]);
        assert_eq!(split_names("Written by: Ali Veli"), ["Ali Veli"]);
        assert_eq!(
            split_names("https://www.facebook.com/someone"),
            Vec::<String>::new()
        );
        assert_eq!(split_names("Posted on 12 March 2024"), Vec::<String>::new());
    }

    #[test]
    fn strips_site_names_from_titles() {
        assert_eq!(
            strip_site_name("Talks end in Istanbul | Daily Planet", Some("Daily Planet")),
            "Talks end in Istanbul"
        );
        assert_eq!(
            strip_site_name("Daily Planet - Talks end", Some("Daily Planet")),
            "Talks end"
        );
        assert_eq!(
            strip_site_name("Talks end without a deal - BBC News", None),
            "Talks end without a deal"
        );
        assert_eq!(strip_site_name("Q&A - the talks", None), "Q&A - the talks");
    }

    #[test]
    fn language_codes_are_iso_639_1() {
        assert_eq!(language_code("en-GB").as_deref(), Some("en"));
        assert_eq!(language_code("tr_TR").as_deref(), Some("tr"));
        assert_eq!(language_code("english"), None);
    }

    #[test]
    fn decodes_escaped_entities() {
        assert_eq!(
            squash("Budget Traveler&#8217;s  Guide"),
            "Budget Traveler’s Guide"
        );
        assert_eq!(squash("M&#038;A &amp;#8211; Q&amp;A"), "M&A – Q&A");
        assert_eq!(
            squash("R&D & more &unknown; &#xZZ;"),
            "R&D & more &unknown; &#xZZ;"
        );
    }
}

#[cfg(test)]
mod headline_date_tests {
    //! The headline fallback reads text glued across elements ("…offMar 3, 2024").
    use super::*;

    #[test]
    fn date_next_to_the_headline() {
        let document = Document::from(
            "<html><body><div class='wrap'><h1>Ferry strike called off</h1><div>Mar 3, 2024 · 4 min read</div><p>Text.</p></div></body></html>",
        );
        assert_eq!(
            date_near_headline(&document)
                .map(|p| p.date().to_string())
                .as_deref(),
            Some("2024-03-03")
        );
    }
}

#[cfg(test)]
mod date_choice_tests {
    //! Which date wins when the markup, the URL and the page's script data disagree.
    use super::*;

    fn published_day(html: &str, url: Option<&str>) -> Option<String> {
        let document = Document::from(html);
        extract(&document, html, url)
            .published
            .map(|published| published.date().to_string())
    }

    #[test]
    fn url_day_wins_over_a_markup_day_one_off() {
        // 02:41 UTC on the 19th is the evening of the 18th where the post was written.
        let html = r#"<html><head><meta property="article:published_time" content="2025-12-19T02:41:41+00:00"></head><body><h1>Comfort watches, day eighteen</h1><p>Text.</p></body></html>"#;
        let url = "https://blog.example.org/2025/12/18/comfort-watches-day-eighteen/";
        assert_eq!(
            published_day(html, Some(url)).as_deref(),
            Some("2025-12-18")
        );
        // Further apart, the URL is not the article's day (a series page, an old slug).
        let url = "https://blog.example.org/2025/12/10/comfort-watches/";
        assert_eq!(
            published_day(html, Some(url)).as_deref(),
            Some("2025-12-19")
        );
    }

    #[test]
    fn script_state_gives_the_publication_date() {
        let html = r#"<html><body><h1>Plumbing trends in 2024</h1><p>Text.</p><script id="__NEXT_DATA__" type="application/json">{"props":{"updatedAt":"2025-01-02T10:00:00","postDate":"2024-04-16T09:38:31","postType":"Article"}}</script></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2024-04-16"));
        // Escaped quotes, as in JSON embedded inside a JavaScript string.
        let html = r#"<html><body><h1>Tutors</h1><script>self.push("{\"publishedAt\":\"2025-10-20T13:08:55-07:00\"}")</script></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2025-10-20"));
        // Update keys alone are not a publication date.
        let html =
            r#"<html><body><p>Tutors</p><script>{"updatedAt":"2025-10-20"}</script></body></html>"#;
        assert_eq!(published_day(html, None), None);
        // JSON-LD kept HTML-escaped in an attribute of a script-rendered page.
        let html = r#"<html><body><h1>Electric cars explained</h1><div data-schema="{&quot;dateModified&quot;:&quot;2025-11-18T09:00:00-05:00&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"></div></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2025-11-17"));
    }

    #[test]
    fn date_line_above_the_headline() {
        // Nothing after the headline; the date sits in the line just above it.
        let html = r#"<html><body><nav>Blog Pricing Book a demo</nav><div class="hero"><div class="kicker">Published</div><div class="d">October 14, 2025</div><div>in Training</div><h1>Ten companies to watch this year</h1><p>By Sofia K.</p></div><p>Body of the post.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2025-10-14"));
        // A date far above the headline (a footer of an earlier block) is not taken.
        let filler = "Menu item and more words here. ".repeat(20);
        let html = format!(
            "<html><body><p>March 3, 2021</p><div>{filler}</div><h1>Ten companies to watch</h1><p>Body.</p></body></html>"
        );
        assert_eq!(published_day(&html, None), None);
    }

    #[test]
    fn numeric_dates_in_bylines_and_meta_published() {
        let html = r#"<html><body><h1>Stadtrat beschließt den Haushalt</h1><p class="info">Stand: 17.05.2021, 09:12 Uhr</p><p>Der Rat hat entschieden.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2021-05-17"));
        let html = r#"<html><head><meta name="published" content="July 17, 2025"></head><body><h1>Ten tools for data analysis</h1><p>Body.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2025-07-17"));
    }

    #[test]
    fn header_date_beats_widgets_and_related_cards() {
        // A "today's date" widget in the masthead and related-post cards both carry date-like
        // ids and classes; the article's own date is the one by its headline.
        let html = r#"<html><body><header><p id="todays-date">Friday, December 19, 2025</p></header><main><h1>What are taxes and how do they work</h1><div class="block-content">12.12.2025</div><p>Taxes pay for roads and schools.</p><aside><div class="post-date">December 2, 2025</div><a href="/x">Another story</a></aside></main></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2025-12-12"));
    }

    #[test]
    fn date_written_after_the_headline() {
        // No date-classed element and the date two levels away from the headline's container.
        let html = r#"<html><body><header><nav>Home Blog</nav></header><section><div><h1>Course design, step by step</h1></div></section><aside><div><span class="x1">Nov 21, 2018</span></div></aside><p>Body.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2018-11-21"));
    }

    #[test]
    fn a_stated_first_publication_outranks_the_markup() {
        let html = r#"<html><head><meta property="article:published_time" content="2022-09-30T10:00:00+10:00"></head><body><h1>Pros and cons of living in a tiny home</h1><p>Small homes are popular.</p><p><em>This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated.</em></p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2019-09-26"));
        // "First published" with the date far from the label is not a statement of the day.
        let html = r#"<html><head><meta property="article:published_time" content="2022-09-30T10:00:00+10:00"></head><body><h1>Origami</h1><p>The first published reference to folding paper is a Japanese poem; we last checked on 26 Sep 2019.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2022-09-30"));
    }

    #[test]
    fn the_date_line_passes_over_its_update_day() {
        let html = r#"<html><body><div class="dateline-wrapper"><a href="/c/health">Mental Health</a><span class="dateline">DECEMBER 22, 2022</span><span class="dateline updated">Updated: JANUARY 02, 2026</span></div><h1>Ten health benefits of meditation</h1><p>Body of the post.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2022-12-22"));
        // An update day alone on the line is still the page's only day.
        let html = r#"<html><body><p>Blog · Last updated: Dec 12, 2025</p><h1>Top seven blockchain SEO agencies</h1><p>Body of the post.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2025-12-12"));
    }

    #[test]
    fn a_modification_day_is_the_last_resort() {
        let html = r#"<html><head><meta property="article:modified_time" content="2023-06-12T10:39:42+00:00"></head><body><h1>Our portfolio of work</h1><p>Clients and results.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2023-06-12"));
        // Any publication day, even one only written on the page, comes first.
        let html = html.replace("<p>Clients", "<p>Posted on 15/12/2021. Clients");
        assert_eq!(published_day(&html, None).as_deref(), Some("2021-12-15"));
    }

    #[test]
    fn the_url_settles_the_order_of_a_numeric_date() {
        let html = r#"<html><body><h1>How many wine styles are there?</h1><div class="blog-date">03/10/2023</div><p>Body.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2023-03-10"));
        let url =
            "https://www.example.com/knowledge-centre/blog/2023/october/03/how-many-wine-styles/";
        assert_eq!(
            published_day(html, Some(url)).as_deref(),
            Some("2023-10-03")
        );
    }

    #[test]
    fn an_unlabelled_header_day_after_the_markup_is_the_article_day() {
        // The markup keeps the day the page was first made; the header shows today's article.
        let html = r#"<html><head><meta property="article:published_time" content="2013-03-11T11:11:07-07:00"></head><body><nav>Home News</nav><div class="hero"><h1>Nine common food myths debunked</h1><p class="when">March 20, 2023 | Wellness</p></div><p>Myths about food are everywhere.</p></body></html>"#;
        assert_eq!(published_day(html, None).as_deref(), Some("2023-03-20"));
        // Introduced as an update, the later day is not the publication.
        let updated = html.replace("March 20, 2023 |", "Updated March 20, 2023 |");
        assert_eq!(published_day(&updated, None).as_deref(), Some("2013-03-11"));
        // A day later only by the UTC instant against the local day: the markup stands.
        let next_day = html.replace("March 20, 2023", "March 12, 2013");
        assert_eq!(
            published_day(&next_day, None).as_deref(),
            Some("2013-03-11")
        );
    }

    #[test]
    fn the_page_settles_markup_that_contradicts_itself() {
        let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-08-29"}</script><meta property="article:published_time" content="2025-11-25T05:00:00-08:00">"#;
        let html = format!(
            "<html><head>{head}</head><body><h1>The best streaming services</h1><p class=\"byline\">By Jared Newman</p><p>Nov 25, 2025 5:00 am PST</p><p>Body.</p></body></html>"
        );
        assert_eq!(published_day(&html, None).as_deref(), Some("2025-11-25"));
        // Neither markup day shown, but one labelled on the page.
        let html = format!(
            "<html><head>{head}</head><body><h1>Free accounting tools</h1><p>Body of the guide with enough words to be an article.</p><p>Published August 13, 2025</p></body></html>"
        );
        assert_eq!(published_day(&html, None).as_deref(), Some("2025-08-13"));
        // Markup that agrees with itself is kept over a labelled day elsewhere.
        let html = html.replace("2025-11-25T05:00:00-08:00", "2024-08-29");
        assert_eq!(published_day(&html, None).as_deref(), Some("2024-08-29"));
    }
}
