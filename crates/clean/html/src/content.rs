//! Our own main-text finder: one walk over the parsed page turns it into text blocks
//! (paragraphs, headings, list items, table cells) owned by their block-level elements; the
//! element whose blocks hold the most running prose net of the link lists and short lines
//! around it is the article; its blocks, less the ones that are mostly links, are the text.
//!
//! It works on the same parse as the metadata pass, so a page is parsed once.

use std::collections::HashMap;

use dom_query::{Document, NodeData, NodeRef};

/// Deepest element nesting walked; deeper content is ignored (the guard refuses far deeper
/// pages before parsing, this only bounds recursion).
const MAX_WALK_DEPTH: usize = 600;

/// What a block of text is, for layout and scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Paragraph,
    Heading,
    Item,
    Cell,
}

/// A run of text inside one block-level element.
#[derive(Debug)]
struct Block {
    element: usize,
    kind: BlockKind,
    text: String,
    words: u32,
    link_words: u32,
}

/// A block-level element met in the walk, in document order (a parent comes before its
/// descendants, so `end` closes the range of its subtree).
#[derive(Debug)]
struct Element {
    parent: usize,
    end: usize,
    boost: f32,
    /// A table cell (`td`, `th`): its text joins the row's line.
    cell: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TagRole {
    /// Never text: scripts, styles, forms controls, embedded media, navigation.
    Skip,
    /// Starts a new block.
    Block,
    /// A line break inside a block.
    Break,
    /// Inline: its text belongs to the enclosing block.
    Inline,
}

fn tag_role(name: &str) -> TagRole {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "embed" | "canvas" | "video" | "audio" | "picture" | "img" | "button" | "select"
        | "option" | "textarea" | "input" | "label" | "head" | "title" | "meta" | "link"
        | "dialog" | "source" | "track" | "map"
        // Photo captions and credits are not the article's text.
        | "figcaption" => {
            TagRole::Skip
        }
        "br" => TagRole::Break,
        "p" | "div" | "section" | "article" | "main" | "ul" | "ol" | "li" | "dl" | "dt"
        | "dd" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "table"
        | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption" | "figure"
        | "address" | "hr" | "center" | "details" | "summary" | "fieldset"
        | "header" | "form" | "body" | "html" | "hgroup" | "nav" | "aside" | "footer"
        | "menu" => TagRole::Block,
        _ => TagRole::Inline,
    }
}

/// How surely a class or id word marks a container of something other than the article:
/// [`COMMENTS`] for reader comments; 2 for sidebars, sharing, related posts, ads and page
/// chrome; 1 for the article's own furniture (bylines, tags, author boxes), which may also name
/// a wrapper; 0 otherwise.
fn negative_strength(word: &str) -> u8 {
    match word {
        "comment" | "comments" | "commentlist" | "disqus" => COMMENTS,
        "respond" | "share" | "sharing" | "sharedaddy" | "social" | "socials" | "related"
        | "recommended" | "recommendations" | "sidebar" | "newsletter" | "subscribe"
        | "subscription" | "signup" | "advert" | "advertisement" | "ad" | "ads" | "adsbygoogle"
        | "breadcrumb" | "breadcrumbs" | "navbar" | "navigation" | "menu" | "footer" | "cookie"
        | "cookies" | "consent" | "popup" | "modal" | "outbrain" | "taboola" | "copyright"
        | "caption" | "gallery" | "slideshow" | "carousel" | "credit" | "credits" => 2,
        "promo" | "banner" | "tags" | "tagcloud" | "taglist" | "pagination" | "pager"
        | "trending" | "popular" | "byline" | "meta" | "toolbar" | "follow" | "reactions"
        | "rating" | "author" | "bio" => 1,
        _ => 0,
    }
}

/// Class and id words of the containers that hold the article.
fn is_positive_word(word: &str) -> bool {
    matches!(
        word,
        "articlebody"
            | "articlecontent"
            | "postcontent"
            | "entrycontent"
            | "storybody"
            | "storycontent"
            | "postbody"
            | "maincontent"
            | "bodytext"
            | "articletext"
            | "content"
            | "article"
            | "post"
            | "entry"
            | "story"
            | "body"
            | "text"
    )
}

/// How an element's class, id and role bear on it being the article.
#[derive(Clone, Copy, Default)]
struct Hints {
    negative: u8,
    positive: bool,
    hidden: bool,
}

/// What a class or id value says: its negative strength, whether it names the article's
/// container, whether it hides its content (screen-reader-only text).
fn class_hints(value: &str) -> Hints {
    let mut out = Hints::default();
    let lower: std::borrow::Cow<str> = if value.bytes().any(|b| b.is_ascii_uppercase()) {
        value.to_ascii_lowercase().into()
    } else {
        value.into()
    };
    for token in lower.split_ascii_whitespace() {
        let positive = if token.contains(['-', '_']) {
            let joined: String = token.chars().filter(|c| *c != '-' && *c != '_').collect();
            is_positive_word(&joined)
        } else {
            is_positive_word(token)
        };
        if positive {
            out.positive = true;
        }
        // "no-sidebar", "has-sidebar": a layout modifier, not a sidebar.
        let modifier = token
            .split(['-', '_'])
            .any(|part| matches!(part, "no" | "has" | "with" | "without" | "none"));
        for part in token.split(['-', '_']) {
            if !modifier {
                out.negative = out.negative.max(negative_strength(part));
            }
            if matches!(part, "content" | "body" | "article" | "story" | "entry") {
                out.positive = true;
            }
        }
        if matches!(token, "sr-only" | "visually-hidden" | "screen-reader-text") {
            out.hidden = true;
        }
    }
    out
}

/// Whether an inline style hides the element.
fn style_hides(value: &str) -> bool {
    // Most styles say neither word: no copy for them.
    if !value.contains("none")
        && !value.contains("hidden")
        && !value.bytes().any(|b| b.is_ascii_uppercase())
    {
        return false;
    }
    let squashed: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    squashed.contains("display:none") || squashed.contains("visibility:hidden")
}

fn hints(element: &dom_query::Element, cache: &mut HashMap<Box<str>, Hints>) -> Hints {
    let mut out = Hints::default();
    // Page chrome by its tag; not skipped outright, as an unclosed <aside> can swallow a page.
    if matches!(&*element.name.local, "nav" | "aside" | "footer" | "menu") {
        out.negative = 2;
    }
    for attribute in &element.attrs {
        let value: &str = &attribute.value;
        match &*attribute.name.local {
            "class" | "id" => {
                // Pages repeat the same few class values on hundreds of elements.
                let found = match cache.get(value) {
                    Some(found) => *found,
                    None => {
                        let found = class_hints(value);
                        cache.insert(value.into(), found);
                        found
                    }
                };
                out.negative = out.negative.max(found.negative);
                out.positive |= found.positive;
                out.hidden |= found.hidden;
            }
            "itemprop" if value.eq_ignore_ascii_case("articleBody") => out.positive = true,
            "role" if value.eq_ignore_ascii_case("main") => out.positive = true,
            "role"
                if [
                    "navigation",
                    "complementary",
                    "banner",
                    "contentinfo",
                    "dialog",
                ]
                .iter()
                .any(|role| value.eq_ignore_ascii_case(role)) =>
            {
                out.negative = 2;
            }
            // React's streamed segments (`<div hidden id="S:0">`) are shown by the script that
            // moves them into place: their `hidden` is not the author's.
            "hidden"
                if !element.attrs.iter().any(|attribute| {
                    &*attribute.name.local == "id" && is_streamed_segment_id(&attribute.value)
                }) =>
            {
                out.hidden = true;
            }
            "aria-hidden" if value.eq_ignore_ascii_case("true") => out.hidden = true,
            "style" => out.hidden |= style_hides(value),
            _ => {}
        }
    }
    // A collapsed accordion or tab panel (the ARIA pattern: a region labelled by the button
    // that opens it) is the article's content waiting for a click, not hidden junk.
    if out.hidden && is_labelled_panel(element) {
        out.hidden = false;
    }
    // Hidden content is treated as an aside rather than dropped: streaming renderers park the
    // whole article in a hidden element for a script to move into place.
    if out.hidden {
        out.negative = HIDDEN;
    }
    out
}

/// Whether the element is a disclosure panel: `role="region"` or `role="tabpanel"` and
/// labelled by another element (its header button or tab).
fn is_labelled_panel(element: &dom_query::Element) -> bool {
    let attribute = |name: &str| {
        element
            .attrs
            .iter()
            .find(|attribute| &*attribute.name.local == name)
            .map(|attribute| &*attribute.value)
    };
    attribute("aria-labelledby").is_some_and(|id| !id.trim().is_empty())
        && attribute("role").is_some_and(|role| {
            role.eq_ignore_ascii_case("region") || role.eq_ignore_ascii_case("tabpanel")
        })
}

/// `S:` and a number: the id React gives a server-streamed segment of the page.
fn is_streamed_segment_id(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
}

/// Words in a text, counting CJK characters (written without spaces) two to a word.
fn count_words(text: &str) -> u32 {
    let mut words = 0u32;
    let mut cjk = 0u32;
    for token in text.split_whitespace() {
        let mut has_alnum = false;
        for c in token.chars() {
            if is_cjk(c) {
                cjk += 1;
            } else if c.is_alphanumeric() {
                has_alnum = true;
            }
        }
        if has_alnum {
            words += 1;
        }
    }
    words + cjk / 2
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

/// The walk's state: the blocks and elements found so far and the block being filled.
struct Walker {
    elements: Vec<Element>,
    negative: Vec<u8>,
    blocks: Vec<Block>,
    buffer: String,
    link_words: u32,
    class_cache: HashMap<Box<str>, Hints>,
}

/// What the walk carries down the tree.
#[derive(Clone, Copy)]
struct Context {
    element: usize,
    kind: BlockKind,
    in_link: bool,
}

impl Walker {
    fn push_text(&mut self, text: &str, in_link: bool) {
        let mut pending_space = self.buffer.ends_with(' ');
        let before = self.buffer.len();
        for c in text.chars() {
            if c.is_whitespace() {
                if !pending_space && !self.buffer.is_empty() {
                    self.buffer.push(' ');
                    pending_space = true;
                }
            } else {
                self.buffer.push(c);
                pending_space = false;
            }
        }
        if in_link {
            self.link_words += count_words(&self.buffer[before..]);
        }
    }

    fn flush(&mut self, context: Context) {
        let text = self.buffer.trim();
        if !text.is_empty() {
            let words = count_words(text);
            if words > 0 || text.chars().any(char::is_alphanumeric) {
                self.blocks.push(Block {
                    element: context.element,
                    kind: context.kind,
                    text: text.to_owned(),
                    words,
                    link_words: self.link_words.min(words),
                });
            }
        }
        self.buffer.clear();
        self.link_words = 0;
    }

    fn walk(&mut self, node: &NodeRef, context: Context, depth: usize) {
        if depth > MAX_WALK_DEPTH {
            return;
        }
        let mut child = node.first_child();
        while let Some(current) = child {
            enum Seen {
                Text,
                Element(TagRole, &'static str, Hints),
                Other,
            }
            let seen = current
                .query(|tree_node| match &tree_node.data {
                    NodeData::Text { contents } => {
                        self.push_text(contents, context.in_link);
                        Seen::Text
                    }
                    NodeData::Element(element) => {
                        let name: &str = &element.name.local;
                        let role = tag_role(name);
                        let kind = static_name(name);
                        let hints = if role == TagRole::Skip {
                            Hints::default()
                        } else {
                            hints(element, &mut self.class_cache)
                        };
                        Seen::Element(role, kind, hints)
                    }
                    _ => Seen::Other,
                })
                .unwrap_or(Seen::Other);
            match seen {
                Seen::Text | Seen::Element(TagRole::Skip, _, _) | Seen::Other => {}
                Seen::Element(TagRole::Break, _, _) => self.flush(context),
                Seen::Element(TagRole::Inline, name, _) => {
                    let inner = Context {
                        in_link: context.in_link || name == "a",
                        ..context
                    };
                    self.walk(&current, inner, depth + 1);
                }
                Seen::Element(TagRole::Block, name, hints) => {
                    self.flush(context);
                    let index = self.elements.len();
                    let negative = hints.negative;
                    self.elements.push(Element {
                        parent: context.element,
                        end: index,
                        boost: if hints.positive { 1.0 } else { 0.0 },
                        cell: matches!(name, "td" | "th"),
                    });
                    self.negative.push(negative);
                    let kind = match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                        "li" | "dt" | "dd" => BlockKind::Item,
                        "td" | "th" => BlockKind::Cell,
                        _ if context.kind != BlockKind::Paragraph => context.kind,
                        _ => BlockKind::Paragraph,
                    };
                    let inner = Context {
                        element: index,
                        kind,
                        in_link: context.in_link,
                    };
                    self.walk(&current, inner, depth + 1);
                    self.flush(inner);
                    let end = self.elements.len() - 1;
                    if let Some(element) = self.elements.get_mut(index) {
                        element.end = end;
                    }
                }
            }
            child = current.next_sibling();
        }
    }
}

/// The tag names the walk tells apart, as static strings.
fn static_name(name: &str) -> &'static str {
    match name {
        "a" => "a",
        "h1" => "h1",
        "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        "li" => "li",
        "dt" => "dt",
        "dd" => "dd",
        "td" => "td",
        "th" => "th",
        _ => "",
    }
}

/// Whether a container with this negative class strength and this much prose is an aside
/// of a page (or article) holding `whole` prose.
fn is_aside(strength: u8, prose: f32, whole: f32) -> bool {
    match strength {
        // Two thirds: a hidden copy of the article beside the visible one (a "copy as Markdown"
        // block) holds half of the prose, a streamed article nearly all of it.
        HIDDEN => prose < 0.67 * whole,
        COMMENTS => prose < 0.9 * whole,
        2 => prose < 0.8 * whole,
        1 => prose < 0.5 * whole,
        _ => false,
    }
}

/// How much of an aside's prose counts against a container holding it (see `main_text`).
const ASIDE_PENALTY: f32 = 0.5;

/// The negative strength of hidden content: an aside unless it holds most of the page.
const HIDDEN: u8 = 3;
/// The negative strength of reader comments: prose, and often more of it than the article, so
/// they stay out even of the choice that does not trust class words.
const COMMENTS: u8 = 4;

/// A block of running prose: long enough, few links, written in sentences.
fn prose_value(block: &Block) -> f32 {
    let words = block.words as f32;
    let link_share = block.link_words as f32 / words.max(1.0);
    match block.kind {
        BlockKind::Heading => 0.0,
        // Link lists count against a container, lightly: a penalty as heavy as the prose is
        // worth cost both benchmarks (docs/benchmarks.md).
        _ if link_share >= 0.6 => -0.3 * words,
        // Data tables are neither prose nor junk.
        BlockKind::Cell if block.words < 12 => 0.0,
        // Sentences with a linked phrase or two are still prose, worth less the more is linked.
        _ if block.words >= 12 => words * (1.0 - 1.5 * link_share),
        _ if block.words >= 6 && ends_sentence(&block.text) => {
            0.5 * words * (1.0 - 1.5 * link_share)
        }
        // Short lines (bylines, dates, one-line paragraphs, list entries) are neutral.
        _ => 0.0,
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '。', ':', ')'])
}

/// Cells of one table row, each holding only inline text, become one block `a | b | c`
/// owned by the row: a data table reads as rows, and a number alone on a line is not taken
/// for a widget counter downstream. Cells holding paragraphs (layout tables) stay blocks.
fn join_table_rows(blocks: Vec<Block>, elements: &[Element]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut row_of_last: Option<usize> = None;
    for block in blocks {
        let cell = elements.get(block.element).filter(|element| element.cell);
        let Some(row) = cell.map(|element| element.parent) else {
            row_of_last = None;
            out.push(block);
            continue;
        };
        match out.last_mut() {
            Some(last) if row_of_last == Some(row) => {
                last.text.push_str(" | ");
                last.text.push_str(&block.text);
                last.words += block.words;
                last.link_words += block.link_words;
            }
            _ => {
                out.push(Block {
                    element: row,
                    kind: BlockKind::Cell,
                    ..block
                });
                row_of_last = Some(row);
            }
        }
    }
    out
}

/// What a block is worth to a container holding it: its value, or, inside an aside, the
/// aside's penalty share of its words against it.
fn counted_value(block: &Block, value: f32, asides: &[bool], penalty: &[f32]) -> f32 {
    if asides[block.element] {
        -penalty[block.element] * value.abs()
    } else {
        value
    }
}

/// Adds each element's value into its ancestors', so each holds its subtree's sum. Children
/// follow their parent in the walk, so one reverse pass does it.
fn sum_subtrees(elements: &[Element], values: &mut [f32]) {
    for index in (1..elements.len()).rev() {
        let parent = elements[index].parent;
        values[parent] += values[index];
    }
}

/// Marks each element that `marked` says is one, or that lies inside one.
fn mark_subtrees(elements: &[Element], marked: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut out = vec![false; elements.len()];
    for index in 1..elements.len() {
        out[index] = out[elements[index].parent] || marked(index);
    }
    out
}

/// Readability's way: each block's value goes to its element, parent and grandparent in
/// full, half and a third, and fading further up, so the element with many paragraphs of its
/// own wins over a wrapper of scattered teasers.
fn local_best(
    elements: &[Element],
    blocks: &[Block],
    values: &[f32],
    asides: &[bool],
    penalty: &[f32],
) -> (usize, Vec<f32>) {
    let mut local = vec![0.0f32; elements.len()];
    for (block, value) in blocks.iter().zip(values) {
        let value = counted_value(block, *value, asides, penalty);
        let mut at = block.element;
        for weight in [1.0, 1.0, 0.5, 1.0 / 6.0, 1.0 / 9.0, 1.0 / 12.0] {
            local[at] += value * weight;
            if at == 0 {
                break;
            }
            at = elements[at].parent;
        }
    }
    let top = local
        .iter()
        .enumerate()
        .max_by(|(_, a), (_, b)| a.total_cmp(b))
        .map_or(0, |(index, _)| index);
    (top, local)
}

/// The element whose subtree holds the most prose net of junk, the blocks under `asides`
/// counting as junk. `None` when no element holds more prose than junk.
fn best_container(
    elements: &[Element],
    blocks: &[Block],
    values: &[f32],
    asides: &[bool],
    penalty: &[f32],
) -> Option<usize> {
    let mut scores = vec![0.0f32; elements.len()];
    // Prose inside an aside counts against the containers that take it in, by `penalty`.
    for (block, value) in blocks.iter().zip(values) {
        scores[block.element] += counted_value(block, *value, asides, penalty);
    }
    sum_subtrees(elements, &mut scores);
    let (best, score) = scores
        .iter()
        .zip(elements)
        .map(|(score, element)| score * (1.0 + 0.1 * element.boost))
        .enumerate()
        .max_by(|(_, a), (_, b)| a.total_cmp(b))?;
    (score > 0.0).then_some(best)
}

/// The main text of the page: the blocks of the element that holds the article, one
/// paragraph each (`"\n\n"` between them), list items as `- item` lines. A page without
/// running prose gives its lines less asides and link lists. `None` when nothing is left.
pub(crate) fn main_text(document: &Document) -> Option<String> {
    let root = document.body().unwrap_or_else(|| document.root());
    let mut walker = Walker {
        elements: vec![Element {
            parent: 0,
            end: 0,
            boost: 0.0,
            cell: false,
        }],
        negative: vec![0],
        blocks: Vec::new(),
        buffer: String::new(),
        link_words: 0,
        class_cache: HashMap::new(),
    };
    let context = Context {
        element: 0,
        kind: BlockKind::Paragraph,
        in_link: false,
    };
    walker.walk(&root, context, 0);
    walker.flush(context);
    let Walker {
        mut elements,
        blocks,
        negative,
        ..
    } = walker;
    let last = elements.len().saturating_sub(1);
    if let Some(first) = elements.first_mut() {
        first.end = last;
    }
    let blocks = join_table_rows(blocks, &elements);
    let values: Vec<f32> = blocks.iter().map(prose_value).collect();
    // Gross prose per subtree decides which class-negative containers really are asides: a
    // "sidebar" or "meta" word on a wrapper that holds most of the page's prose is a theme's
    // layout class, not a verdict.
    let mut gross = vec![0.0f32; elements.len()];
    for (block, value) in blocks.iter().zip(&values) {
        gross[block.element] += value.max(0.0);
    }
    sum_subtrees(&elements, &mut gross);
    let total = gross[0];
    let asides = mark_subtrees(&elements, |index| {
        is_aside(negative[index], gross[index], total)
    });
    // How much an aside's prose counts against a container that takes it in. Sidebars and
    // related-post excerpts pull the choice away from page-wide wrappers (half their words);
    // a reader-comment thread does not, as it sits inside the article's own container and is
    // often far longer than the story: it is removed after the choice instead.
    let penalty: Vec<f32> = mark_subtrees(&elements, |index| negative[index] == COMMENTS)
        .into_iter()
        .map(|in_comments| if in_comments { 0.0 } else { ASIDE_PENALTY })
        .collect();
    // Hidden content and comment threads stay out even when class words are not trusted.
    let unmarked = mark_subtrees(&elements, |index| {
        matches!(negative[index], HIDDEN | COMMENTS)
            && is_aside(negative[index], gross[index], total)
    });
    let Some(without_classes) = best_container(&elements, &blocks, &values, &unmarked, &penalty)
    else {
        // No running prose anywhere: a feed summary, a caption-length snippet. Its lines, less
        // the asides and the link lists, are the text, if any are left.
        return layout(blocks.iter().filter(|block| !asides[block.element]));
    };
    // Class words mislead when they leave out most of the prose the page holds in one place
    // (an article element named "newsletter-post", a layout wrapper named "sidebar-left-content").
    let best = match best_container(&elements, &blocks, &values, &asides, &penalty) {
        Some(with_classes) if gross[with_classes] >= 0.3 * gross[without_classes] => with_classes,
        _ => without_classes,
    };
    let (top, local) = local_best(&elements, &blocks, &values, &asides, &penalty);
    let mut chosen: Vec<usize> = vec![best];
    let inside = |container: usize, element: usize| {
        element >= container && element <= elements[container].end
    };
    if top != 0 && inside(best, top) && top != best {
        let parent = elements[top].parent;
        let threshold = (0.2 * local[top]).max(10.0);
        let siblings: Vec<usize> = (parent + 1..=elements[parent].end)
            .filter(|&child| elements[child].parent == parent)
            .filter(|&child| child == top || local[child] >= threshold)
            .collect();
        // What the wider container adds beyond the dense core: teasers come one excerpt per
        // headline link, article sections bring paragraphs of their own.
        let (mut prose_blocks, mut link_blocks) = (0usize, 0usize);
        for (block, value) in blocks.iter().zip(&values) {
            if !inside(best, block.element)
                || siblings.iter().any(|&core| inside(core, block.element))
                || asides[block.element]
            {
                continue;
            }
            if *value > 0.0 {
                prose_blocks += 1;
            } else if block.link_words * 10 >= block.words * 6 && block.words > 0 {
                link_blocks += 1;
            }
        }
        let core: f32 = siblings.iter().map(|&core| gross[core]).sum();
        if prose_blocks > 0
            && link_blocks as f32 >= 0.8 * prose_blocks as f32
            && core >= 0.4 * gross[best]
        {
            chosen = siblings;
        }
    }
    let mut dropped = vec![true; elements.len()];
    for &best in &chosen {
        let end = elements[best].end;
        dropped[best] = false;
        for index in best + 1..=end {
            dropped[index] = dropped[elements[index].parent]
                // Hidden content and comment threads are judged against the whole page: a thread
                // may hold more prose than the article it hangs under.
                || if matches!(negative[index], HIDDEN | COMMENTS) {
                    is_aside(negative[index], gross[index], total)
                } else {
                    is_aside(negative[index], gross[index], 0.6 * gross[best])
                };
        }
    }
    layout(blocks.iter().filter(|block| !dropped[block.element]))
}

/// The blocks as text: one paragraph each (`"\n\n"` between them), list items as `- item`
/// lines, less the lines made mostly of links. `None` when nothing is left.
fn layout<'a>(blocks: impl Iterator<Item = &'a Block>) -> Option<String> {
    let mut out = String::new();
    let mut previous_item = false;
    for block in blocks {
        let link_share = block.link_words as f32 / (block.words as f32).max(1.0);
        // Inside the article only near-pure link lines go: a list of products or sources with
        // their links is content (0.5 here lost recall on both benchmarks).
        if link_share > 0.7 && block.kind != BlockKind::Heading {
            continue;
        }
        let is_item = block.kind == BlockKind::Item;
        if !out.is_empty() {
            out.push_str(if is_item && previous_item {
                "\n"
            } else {
                "\n\n"
            });
        }
        if is_item {
            out.push_str("- ");
        }
        out.push_str(&block.text);
        previous_item = is_item;
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        main_text(&Document::from(html)).unwrap_or_default()
    }

    const P1: &str = "The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its supports.";
    const P2: &str = "Repairs will take at least six months, the council said, and buses will run on a diversion through the town centre.";
    const P3: &str = "Shop owners on the high street said they feared the diversion would keep shoppers away during the busy winter season.";

    fn article(extra_inside: &str) -> String {
        format!(
            "<article><h1>Bridge closed</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>{extra_inside}</article>"
        )
    }

    #[test]
    fn keeps_the_article_and_drops_navigation_and_footer() {
        let html = format!(
            "<html><body><div class=\"menu\"><ul><li><a href=/a>Home</a></li><li><a href=/b>World</a></li>\
             <li><a href=/c>Sport</a></li></ul></div><main>{}</main>\
             <footer><p>Copyright 2025 The Daily Example. All rights reserved by the publisher and its owners.</p></footer></body></html>",
            article(
                "<ul><li>Lorries must use the ring road.</li><li>Cyclists may still cross.</li></ul>"
            )
        );
        let text = text_of(&html);
        assert!(text.contains(P1) && text.contains(P3), "{text}");
        assert!(
            text.contains("- Lorries must use the ring road.\n- Cyclists may still cross."),
            "{text}"
        );
        assert!(
            !text.contains("Home") && !text.contains("Copyright"),
            "{text}"
        );
    }

    /// A reader's comment: prose, about the story.
    const COMMENT: &str = "I have driven over that bridge every day for twenty years and nobody ever told us it was unsafe, which is shocking.";

    /// Twelve comments, each wrapped as `wrap` says: a thread longer than the story.
    fn thread(wrap: impl Fn(String) -> String) -> String {
        (1..=12)
            .map(|n| {
                wrap(format!(
                    "<p>Reader {n}: {COMMENT} The council should answer for it.</p>"
                ))
            })
            .collect()
    }

    #[test]
    fn drops_comments_even_when_they_are_prose() {
        let html = format!(
            "<body>{}<section class=\"comments\"><div class=\"comment\"><p>{COMMENT}</p></div>\
             <div class=\"comment\"><p>{COMMENT} Really.</p></div></section></body>",
            article("")
        );
        let text = text_of(&html);
        assert!(text.contains(P2), "{text}");
        assert!(!text.contains("twenty years"), "{text}");
    }

    #[test]
    fn keeps_the_story_when_comments_outweigh_it() {
        let comments = thread(|comment| format!("<div class=\"commentBody\">{comment}</div>"));
        let html = format!(
            "<body><div class=\"main\"><article class=\"story\"><div class=\"body\"><div class=\"p\">{P1} {P2} {P3}</div></div></article>\
             <div id=\"comments\">{comments}</div></div></body>"
        );
        let text = text_of(&html);
        assert!(text.contains(P1) && text.contains(P3), "{text}");
        assert!(!text.contains("twenty years"), "{text}");
    }

    #[test]
    fn keeps_every_paragraph_when_the_thread_shares_the_post_container() {
        let comments = thread(|comment| format!("<li class=\"thread-item\">{comment}</li>"));
        let html = format!(
            "<body><div class=\"postarea\"><p>{P1}</p><p>{P2}</p><p>{P3}</p>\
             <div id=\"comments\" class=\"comments-wrapper\"><ol>{comments}</ol></div></div></body>"
        );
        let text = text_of(&html);
        assert!(
            text.contains(P1) && text.contains(P2) && text.contains(P3),
            "{text}"
        );
        assert!(!text.contains("twenty years"), "{text}");
    }

    #[test]
    fn drops_a_list_of_teasers_after_the_article() {
        let teaser = |n: usize| {
            format!(
                "<li><div class=\"card\"><h3><a href=/story{n}>Another story number {n} about the town</a></h3>\
                 <div class=\"card-info\"><div class=\"desc\">A short excerpt of another story that the site wants you to read next, number {n}.</div></div></div></li>"
            )
        };
        let teasers: String = (1..=4).map(teaser).collect();
        let html = format!(
            "<body><div class=\"page\"><div class=\"story\"><div class=\"story-text\"><p>{P1}</p><p>{P2}</p><p>{P3}</p>\
             <p>{P1} Again.</p><p>{P2} Again.</p><p>{P3} Again.</p></div></div>\
             <div class=\"more\"><ul>{teasers}</ul></div></div></body>"
        );
        let text = text_of(&html);
        assert!(text.contains(P1) && text.contains(P3), "{text}");
        assert!(!text.contains("excerpt of another story"), "{text}");
    }

    #[test]
    fn keeps_sections_of_a_long_list_article() {
        let section = |n: usize| {
            format!(
                "<div class=\"item-card\"><h2><a href=/tool{n}>Tool {n}</a></h2><p>Tool {n} is a resource that \
                 teachers use in the classroom to practise reading with pupils of every age and level.</p></div>"
            )
        };
        let sections: String = (1..=6).map(section).collect();
        let html = format!("<body><main><p>{P1}</p>{sections}</main></body>");
        let text = text_of(&html);
        for n in 1..=6 {
            assert!(text.contains(&format!("Tool {n} is a resource")), "{text}");
        }
    }

    #[test]
    fn finds_an_article_parked_in_a_hidden_element() {
        // Streaming renderers send a placeholder first and the article later, hidden, for a
        // script to move into place.
        let html = format!(
            "<body><main><div class=\"skeleton\"></div></main><div hidden id=\"S:0\">{}</div>\
             <div style=\"display: none\"><p>We use cookies to make this site work; accept them all or choose which ones to allow now.</p></div></body>",
            article("")
        );
        let text = text_of(&html);
        assert!(text.contains(P1) && text.contains(P3), "{text}");
        assert!(!text.contains("cookies"), "{text}");
        // A React segment is shown even beside visible prose of its own weight (a summary box
        // rendered first, the article streamed after it).
        let summary = "<p>The bridge closes to lorries from Monday while engineers repair cracked supports, the council said.</p>\
             <p>Buses will take a diversion through the town centre for at least six months of repairs.</p>";
        let html = format!(
            "<body><main><div class=\"takeaways\">{summary}</div><template id=\"B:0\"></template></main>\
             <div hidden id=\"S:0\">{}</div></body>",
            article("")
        );
        let text = text_of(&html);
        assert!(text.contains(P1) && text.contains(P3), "{text}");
        // Any other hidden element is still an aside beside it.
        let html = html.replace("id=\"S:0\"", "id=\"copy\"");
        assert!(!text_of(&html).contains(P1), "{}", text_of(&html));
        // Steps collapsed in accordion panels (a region labelled by its header button) are
        // the article's, though hidden until a click.
        let panel = |id: &str, text: &str| {
            format!(
                "<div class=\"step\"><button id=\"{id}_h\" aria-expanded=\"false\">Step {id}</button>\
                 <div id=\"{id}_c\" role=\"region\" aria-labelledby=\"{id}_h\" style=\"display:none;\"><p>{text}</p></div></div>"
            )
        };
        let html = format!(
            "<body><main><article><h1>Bridge closed</h1><p>{P1}</p>{}{}</article></main>\
             <div style=\"display:none\"><p>We use cookies to make this site work; accept them all or choose which ones to allow now.</p></div></body>",
            panel("1", P2),
            panel("2", P3)
        );
        let text = text_of(&html);
        assert!(text.contains(P2) && text.contains(P3), "{text}");
        assert!(!text.contains("cookies"), "{text}");
    }

    #[test]
    fn survives_an_unclosed_aside_that_swallows_the_page() {
        let html = format!(
            "<body><aside class=\"announcement-banner\"><a href=/news>Big news: we joined a larger company</a>\
             <div>{}</div></body>",
            article("")
        );
        let text = text_of(&html);
        assert!(text.contains(P1) && text.contains(P3), "{text}");
    }

    #[test]
    fn does_not_trust_a_layout_class_that_holds_the_article() {
        let html = format!(
            "<body><div class=\"layout-content header-top-sidebar-left-content-center-sidebar-right\">{}</div>\
             <div class=\"sidebar\"><p><a href=/x>Popular</a></p></div></body>",
            article("")
        );
        let text = text_of(&html);
        assert!(text.contains(P1) && text.contains(P3), "{text}");
        assert!(!text.contains("Popular"), "{text}");
    }

    #[test]
    fn drops_photo_captions_and_credits() {
        let html = format!(
            "<body>{}</body>",
            article(
                "<figure><img src=a.jpg><figcaption>The bridge seen from the river on Monday evening, after the closure.</figcaption></figure>\
                     <div class=\"image-credit\">Photo: Jane Roe for the Daily Example</div>"
            )
        );
        let text = text_of(&html);
        assert!(text.contains(P1), "{text}");
        assert!(
            !text.contains("river") && !text.contains("Jane Roe"),
            "{text}"
        );
    }

    #[test]
    fn a_snippet_without_running_prose_is_its_own_text() {
        // Feed summaries and short items: no paragraph reaches prose length.
        assert_eq!(
            text_of("<p>Talks resume in Geneva</p><p><a href=/more>Read more</a></p>"),
            "Talks resume in Geneva"
        );
        assert_eq!(
            text_of("<ul><li>Ceasefire holds</li><li>Prisoners exchanged</li></ul>"),
            "- Ceasefire holds\n- Prisoners exchanged"
        );
    }

    #[test]
    fn a_page_without_prose_has_no_main_text() {
        assert_eq!(main_text(&Document::from("<body></body>")), None);
        assert_eq!(
            main_text(&Document::from(
                "<body><ul><li><a href=/a>Home</a></li><li><a href=/b>About us</a></li></ul></body>"
            )),
            None
        );
    }

    #[test]
    fn reads_a_data_table_row_by_row() {
        let html = format!(
            "<body><article><p>{P1}</p><p>{P2}</p><table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>\
             <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td><a href=/mt>Martin Truex Jr.</a></td>\
             <td>5035</td></tr></table><p>{P3}</p></article></body>"
        );
        let text = text_of(&html);
        assert!(
            text.contains(
                "Pos. | Driver | Points\n\n1 | Kyle Busch | 5040\n\n2 | Martin Truex Jr. | 5035"
            ),
            "{text}"
        );
        // A layout table keeps its paragraphs as paragraphs.
        let layout = format!(
            "<body><table><tr><td><p>{P1}</p><p>{P2}</p></td><td><p>{P3}</p></td></tr></table></body>"
        );
        let text = text_of(&layout);
        assert!(text.contains(&format!("{P1}\n\n{P2}\n\n{P3}")), "{text}");
    }

    #[test]
    fn counts_words_in_scripts_without_spaces() {
        assert_eq!(count_words("The talks ended."), 3);
        assert_eq!(count_words("会谈在伊斯坦布尔结束"), 5);
        assert_eq!(count_words("— 12 —"), 1);
    }
}
