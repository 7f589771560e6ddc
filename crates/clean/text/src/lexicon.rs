//! Small lexicons of web-page furniture and the line statistics the cleaner decides by.
//!
//! Every matcher here looks at one whole line: UI words and phrases are junk only when they
//! make up (nearly) the entire line, so sentences that merely mention them are never touched.

use corroborate_model::RemovalReason;

use crate::normalise::{ends_sentence, list_marker_len};

/// One line prepared for matching.
#[derive(Debug, Clone)]
pub(crate) struct LineView {
    /// The line without its list marker, original case.
    pub(crate) body: String,
    /// `body` lower-cased, with typographic apostrophes and quotes made plain, and trimmed of
    /// punctuation and symbols at both ends: "– Share this article:" → "share this article".
    pub(crate) key: String,
    /// The line's lower-case alphanumeric words joined by single spaces: the line compared by
    /// its words alone, for titles; [`LineView::words`] splits it again.
    pub(crate) words_key: String,
    /// How many words `words_key` holds.
    word_count: usize,
    /// Whether the line is a list item.
    pub(crate) list_item: bool,
    /// Whether it is an item of a numbered list ("1. x", "2) y").
    pub(crate) numbered: bool,
    /// Whether the line ends with sentence punctuation.
    pub(crate) ends_sentence: bool,
    /// Character count of the line.
    pub(crate) chars: usize,
}

impl LineView {
    /// Prepares `line` for matching.
    pub(crate) fn new(line: &str) -> Self {
        let marker = list_marker_len(line);
        let body = line.get(marker..).unwrap_or(line).to_owned();
        let plain: String = body
            .chars()
            .map(|c| match c {
                '’' | '‘' | 'ʼ' | '′' => '\'',
                '“' | '”' | '„' | '«' | '»' => '"',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect();
        let key = plain
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned();
        // One string for all the words, not one allocation each: lines are many and long.
        let mut words_key = String::with_capacity(plain.len());
        let mut word_count = 0;
        for word in plain
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .map(|word| word.trim_matches('\''))
            .filter(|word| !word.is_empty())
        {
            if word_count > 0 {
                words_key.push(' ');
            }
            words_key.push_str(word);
            word_count += 1;
        }
        Self {
            ends_sentence: ends_sentence(&body),
            chars: body.chars().count(),
            body,
            key,
            words_key,
            word_count,
            list_item: marker > 0,
            numbered: marker > 0 && line.starts_with(|c: char| c.is_ascii_digit()),
        }
    }

    /// Number of words.
    pub(crate) fn word_count(&self) -> usize {
        self.word_count
    }

    /// A paragraph of running prose (a sentence of eight words or more): where the article's
    /// text begins, below its kickers, bylines and datelines.
    pub(crate) fn is_prose_paragraph(&self) -> bool {
        self.ends_sentence && self.word_count >= 8
    }

    /// Lower-case alphanumeric words of the line.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> + Clone {
        self.words_key.split(' ').filter(|word| !word.is_empty())
    }

    /// The line's two words, when it has exactly two.
    pub(crate) fn two_words(&self) -> Option<(&str, &str)> {
        if self.word_count != 2 {
            return None;
        }
        self.words_key.split_once(' ')
    }

    /// A short line without sentence punctuation: a label, heading, name or button.
    pub(crate) fn is_short_label(&self) -> bool {
        // A line opening with a quotation mark is a quote, however short.
        let quoted = self.body.starts_with(['"', '“', '„', '«', '‘']);
        !self.list_item
            && !quoted
            && (1..=6).contains(&self.word_count())
            && self.chars <= 60
            && !self.ends_sentence
    }

    /// A count standing alone: "0", "12", "1.2K", "3,456". A price or a percentage ("$99.99",
    /// "60%") is a quantity of the article's, not a widget's counter.
    pub(crate) fn is_count(&self) -> bool {
        let text = self.key.as_str();
        !self.body.contains(['$', '€', '£', '¥', '%'])
            && !text.is_empty()
            && text.len() <= 8
            && text.chars().any(|c| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | 'm' | '+'))
    }

    /// Whether the key starts with `head` followed by the end or a separator (":", "-", "|",
    /// "»", ">"), so "related: x" and "related" match "related" but "relatedly" does not.
    fn has_head(&self, head: &str) -> bool {
        match self.key.strip_prefix(head) {
            Some("") => true,
            Some(rest) => {
                let rest = rest.trim_start();
                rest.starts_with([':', '-', '–', '—', '|', '»', '>', '›', '/'])
            }
            None => false,
        }
    }

    /// Whether the key starts with `head` followed by the end or a non-alphanumeric character.
    pub(crate) fn starts_with_phrase(&self, head: &str) -> bool {
        match self.key.strip_prefix(head) {
            Some(rest) => !rest.starts_with(char::is_alphanumeric),
            None => false,
        }
    }

    fn contains_any(&self, needles: &[&str]) -> bool {
        needles.iter().any(|needle| self.key.contains(needle))
    }
}

/// No furniture line is longer than this (the longest, cookie notices, are checked up to it).
const MAX_FURNITURE_WORDS: usize = 60;

/// The reason a line is junk wherever it stands, from the lexicons alone; `None` when the line
/// may be content.
pub(crate) fn lexicon_reason(view: &LineView) -> Option<RemovalReason> {
    if view.word_count() > MAX_FURNITURE_WORDS {
        return None;
    }
    if view.key.is_empty() {
        // Only punctuation or symbols: separators such as "***" or "• • •".
        return Some(RemovalReason::Boilerplate);
    }
    if view.is_count() {
        return Some(RemovalReason::Boilerplate);
    }
    if is_comment_form(view) {
        return Some(RemovalReason::CommentForm);
    }
    if is_share_buttons(view) {
        return Some(RemovalReason::ShareButton);
    }
    if is_reaction_prompt(view) {
        return Some(RemovalReason::ReactionWidget);
    }
    if promo_head(view).is_some() {
        return Some(RemovalReason::Promo);
    }
    if is_author_box_header(view) {
        return Some(RemovalReason::AuthorBox);
    }
    if is_tag_line(view) {
        return Some(RemovalReason::TagLine);
    }
    if is_boilerplate(view) {
        return Some(RemovalReason::Boilerplate);
    }
    None
}

/// Words that make up share-button rows.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "shared",
    "get",
    "link",
    "links",
    "x",
    "facebook",
    "twitter",
    "other",
    "apps",
    "app",
    "tweet",
    "email",
    "e",
    "mail",
    "print",
    "copy",
    "copied",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "messenger",
    "flipboard",
    "pocket",
    "tumblr",
    "vk",
    "viber",
    "sms",
    "threads",
    "bluesky",
    "mastodon",
    "on",
    "this",
    "article",
    "story",
    "post",
    "page",
    "via",
    "url",
    "pin",
    "it",
    "save",
    "the",
    "to",
    "with",
    "your",
    "friends",
    "friend",
    "send",
    "opens",
    "in",
    "new",
    "window",
    "click",
    "google",
    "more",
    "options",
    "gmail",
    "outlook",
    "icon",
    "button",
    "buttons",
    "or",
    "and",
    "a",
    "tab",
    "clipboard",
    "поделиться",
    "поширити",
    "teilen",
    "partager",
];

/// Share-row words that name a sharing action or network (a row needs at least one).
const SHARE_ACTIONS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "email",
    "mail",
    "print",
    "link",
    "x",
    "messenger",
    "flipboard",
    "tumblr",
    "viber",
    "vk",
    "sms",
    "bluesky",
    "pocket",
    "gmail",
    "поделиться",
    "поширити",
    "teilen",
    "partager",
    "apps",
];

/// A row of share buttons: every word a share word (counts allowed), at least one naming a
/// network or sharing action, and short.
fn is_share_buttons(view: &LineView) -> bool {
    let count = view.word_count();
    // A numbered list of networks is an article's content ("1. Facebook"), never a button row.
    !view.numbered
        && (1..=12).contains(&count)
        && view.words().any(|word| SHARE_ACTIONS.contains(&word))
        && view
            .words()
            .all(|word| SHARE_WORDS.contains(&word) || word.chars().all(|c| c.is_ascii_digit()))
}

/// Labels of reaction buttons ("like", "love", "wow").
const REACTION_LABELS: &[&str] = &[
    "like",
    "likes",
    "dislike",
    "love",
    "funny",
    "angry",
    "sad",
    "wow",
    "haha",
    "happy",
    "unhappy",
    "inspired",
    "surprised",
    "excited",
    "upvote",
    "downvote",
    "care",
    "lol",
    "omg",
    "cute",
    "scary",
    "fail",
    "win",
    "geeky",
    "amazed",
    "interested",
    "bored",
    "afraid",
    "confused",
    "thumbs up",
    "thumbs down",
    "informative",
    "heart",
    "clap",
    "sleepy",
    "shocked",
    "useful",
    "not useful",
    "insightful",
    "sick",
    "laugh",
];

/// A reaction button: a label alone or with its count ("like", "love 0").
pub(crate) fn is_reaction_label(view: &LineView) -> bool {
    if REACTION_LABELS.contains(&view.key.as_str()) {
        return true;
    }
    view.two_words().is_some_and(|(label, count)| {
        REACTION_LABELS.contains(&label) && count.chars().all(|c| c.is_ascii_digit())
    })
}

/// The question above a reaction widget.
fn is_reaction_prompt(view: &LineView) -> bool {
    const PROMPTS: &[&str] = &[
        "what's your reaction",
        "what is your reaction",
        "your reaction",
        "reactions",
        "how do you feel",
        "how do you feel about this",
        "how do you feel about this article",
        "how did this article make you feel",
        "how did this make you feel",
        "react to this article",
        "react to this story",
        "what do you think",
        "what did you think of this article",
    ];
    PROMPTS.contains(&view.key.as_str())
}

/// Comment forms, prompts and comment counts.
fn is_comment_form(view: &LineView) -> bool {
    const WHOLE: &[&str] = &[
        "leave a reply",
        "leave a comment",
        "leave a reply cancel reply",
        "post a comment",
        "comments",
        "comment",
        "add a comment",
        "add comment",
        "add your comment",
        "log in to comment",
        "login to comment",
        "sign in to comment",
        "cancel reply",
        "post comment",
        "submit comment",
        "reply",
        "no comments",
        "view comments",
        "show comments",
        "hide comments",
        "load comments",
        "see comments",
        "join the conversation",
        "join the discussion",
        "be the first to comment",
        "comments are closed",
        "write a comment",
        "your comment",
        "name",
        "website",
        "comment policy",
        "no responses yet",
        "комментарии",
        "коментарі",
        "kommentare",
        "commentaires",
    ];
    const PREFIXES: &[&str] = &[
        "your email address will not be published",
        "your email will not be published",
        "required fields are marked",
        "save my name, email",
        "notify me of",
        "you must be logged in to post",
        "this site uses akismet",
        "to leave a comment",
        "comments are moderated",
        "leave a reply to",
        "log in to leave a comment",
        "sign in to leave a comment",
        "have your say",
        "we welcome comments",
        "comments that don't add to the conversation",
    ];
    if WHOLE.contains(&view.key.as_str()) || PREFIXES.iter().any(|p| view.key.starts_with(p)) {
        return true;
    }
    // A short line inviting the reader to comment, worded as the site pleases ("or leave a
    // comment of your own See what other readers have to say –"): an invitation phrase inside
    // the line, and no sentence of the article's own (no closing full stop). A subheading such
    // as "How you can read and comment on the draft" holds no such phrase.
    const INVITATIONS: &[&str] = &[
        "leave a comment",
        "post a comment",
        "add a comment",
        "write a comment",
        "add your comment",
        "share your comment",
        "post your comment",
        "leave your comment",
        "what other readers",
        "see what readers",
    ];
    if !view.ends_sentence
        && (3..=20).contains(&view.word_count())
        && INVITATIONS
            .iter()
            .any(|phrase| view.words_key.contains(phrase))
    {
        return true;
    }
    // Form fields marked required ("Email *", "Your name *").
    const FIELD_WORDS: &[&str] = &[
        "name", "email", "e", "mail", "website", "comment", "your", "message", "full", "address",
        "url", "phone", "first", "last",
    ];
    if view.body.ends_with('*')
        && (1..=3).contains(&view.word_count())
        && view.words().all(|word| FIELD_WORDS.contains(&word))
    {
        return true;
    }
    // "12 comments", "comments (3)", "0 responses".
    let is_number = |word: &str| word.chars().all(|c| c.is_ascii_digit());
    match view.two_words() {
        Some((number, noun) | (noun, number)) if is_number(number) => {
            matches!(
                noun,
                "comment" | "comments" | "responses" | "response" | "replies"
            )
        }
        _ => false,
    }
}

/// Headings that open a comment section ("Comments", "Leave a Reply", "12 Comments"): what
/// follows them is readers' talk, not the article.
pub(crate) fn is_comment_section_header(view: &LineView) -> bool {
    const HEADERS: &[&str] = &[
        "comments",
        "leave a reply",
        "leave a comment",
        "leave a reply cancel reply",
        "post a comment",
        "add a comment",
        "join the conversation",
        "join the discussion",
        "reader comments",
        "комментарии",
        "коментарі",
        "kommentare",
        "commentaires",
    ];
    // "Comments?" asks the reader; a section heading states.
    if view.body.ends_with('?') {
        return false;
    }
    if HEADERS.contains(&view.key.as_str()) {
        return true;
    }
    match view.two_words() {
        Some((number, noun) | (noun, number)) if number.chars().all(|c| c.is_ascii_digit()) => {
            matches!(noun, "comments" | "responses" | "replies")
        }
        _ => false,
    }
}

/// Headers of link lists to other articles: a following run of headline lines belongs to them.
const LIST_PROMO_HEADS: &[&str] = &[
    "see also",
    "also see",
    "related",
    "related sources",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "related content",
    "related coverage",
    "related reading",
    "related links",
    "related topics",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "recommended reading",
    "more from",
    "more on this story",
    "more news",
    "more stories",
    "more articles",
    "more like this",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "you may be interested in",
    "don't miss",
    "dont miss",
    "editor's picks",
    "editors' picks",
    "editors picks",
    "trending",
    "trending now",
    "trending stories",
    "popular",
    "popular posts",
    "popular stories",
    "popular now",
    "most read",
    "most popular",
    "most viewed",
    "top stories",
    "latest news",
    "latest stories",
    "latest posts",
    "latest articles",
    "what to read next",
    "read next",
    "up next",
    "further reading",
    "in case you missed it",
    "must read",
    "suggested",
    "suggested articles",
    "also read",
    "read also",
    "also on",
    "other news",
    "more in",
    "news feed",
    "popular posts from this blog",
    "читайте также",
    "читайте також",
    "см. также",
    "дивіться також",
    "lesen sie auch",
    "mehr zum thema",
    "à lire aussi",
    "lire aussi",
    "voir aussi",
];

/// Single-link promos: the header stands for itself.
const LINK_PROMO_HEADS: &[&str] = &[
    "read more",
    "read the full story",
    "read full story",
    "continue reading",
    "watch",
    "watch now",
    "listen",
    "click here",
    "see more",
    "read the full article",
];

/// Promos that start a sentence-like line ("Click here to ...", "Read more about ...").
const OPEN_PROMO_HEADS: &[&str] = &[
    "click here",
    "read more about",
    "read more at",
    "read more on",
    "see more",
];

/// The promo head a line starts with (as in "See also: ..." or "Related"), if any.
pub(crate) fn promo_head(view: &LineView) -> Option<&'static str> {
    if view.word_count() > 40 {
        return None;
    }
    let head = LIST_PROMO_HEADS
        .iter()
        .chain(LINK_PROMO_HEADS)
        .find(|head| view.has_head(head))
        .or_else(|| {
            OPEN_PROMO_HEADS.iter().find(|head| {
                // "Read more about X in the journal, he added." is a sentence, not a link.
                let link_sized =
                    view.word_count() <= 10 || (!view.ends_sentence && view.word_count() <= 20);
                view.starts_with_phrase(head) && link_sized
            })
        });
    head.copied()
}

/// Whether `head` introduces a list of promoted links.
pub(crate) fn is_list_promo_head(head: &str) -> bool {
    LIST_PROMO_HEADS.contains(&head)
}

/// The heading of an author box.
pub(crate) fn is_author_box_header(view: &LineView) -> bool {
    const WHOLE: &[&str] = &[
        "about the author",
        "about author",
        "about the authors",
        "about the writer",
        "about the reporter",
        "author bio",
        "author profile",
        "author",
        "the author",
        "about the contributor",
        "contributor",
    ];
    const PREFIXES: &[&str] = &[
        "view all posts by",
        "more articles by",
        "all posts by",
        "more stories by",
        "see all posts by",
    ];
    WHOLE.contains(&view.key.as_str()) || PREFIXES.iter().any(|p| view.starts_with_phrase(p))
}

/// Tag and category lines: "Tags: a, b", "Filed under: x", "Categories: y".
fn is_tag_line(view: &LineView) -> bool {
    const COLON_HEADS: &[&str] = &[
        "tags",
        "tag",
        "tagged",
        "topics",
        "topic",
        "categories",
        "category",
        "labels",
        "label",
        "keywords",
        "filed under",
        "posted in",
        "tagged with",
        "tagged as",
        "tagged in",
        "subjects",
        "themes",
        // The commonest forms in the languages of the region's press.
        "теги",
        "метки",
        "теґи",
        "schlagwörter",
        "mots-clés",
    ];
    const OPEN_HEADS: &[&str] = &[
        "filed under",
        "posted in",
        "tagged with",
        "tagged in",
        "tagged as",
        "labels",
    ];
    if COLON_HEADS.iter().any(|head| view.has_head(head)) && view.word_count() <= 40 {
        return true;
    }
    OPEN_HEADS.iter().any(|head| view.starts_with_phrase(head))
        && view.word_count() <= 15
        && !view.ends_sentence
}

/// Navigation, cookie banners, subscription prompts, advertising labels, photo credits,
/// copyright and agency credit lines.
fn is_boilerplate(view: &LineView) -> bool {
    const WHOLE: &[&str] = &[
        "advertisement",
        "advertisements",
        "advertising",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "paid content",
        "promoted",
        "promoted content",
        "partner content",
        "story continues below advertisement",
        "article continues below advertisement",
        "article continues below",
        "continue reading below",
        "scroll to continue with content",
        "skip advertisement",
        "remove ads",
        "ad feedback",
        "home",
        "menu",
        "search",
        "skip to content",
        "skip to main content",
        "skip to navigation",
        "log in",
        "login",
        "sign in",
        "register",
        "sign up",
        "subscribe",
        "subscribe now",
        "back to top",
        "top",
        "next article",
        "previous article",
        "next post",
        "previous post",
        "newer post",
        "older post",
        "newer posts",
        "older posts",
        "load more",
        "show more",
        "read full article",
        "listen to this article",
        "toggle navigation",
        "close",
        "open menu",
        "close menu",
        "accept",
        "accept all",
        "accept cookies",
        "reject all",
        "manage preferences",
        "cookie settings",
        "got it",
        "i agree",
        "ok",
        "okay",
        "loading",
        "more",
        "next",
        "previous",
        "prev",
        "print this page",
        "privacy policy",
        "terms of use",
        "terms of service",
        "contact us",
        "about us",
        "follow us",
        "newsletter",
        "breaking news",
        "live",
        "video",
        "audio",
        "gallery",
        "photos",
        "watch live",
        "powered by blogger",
        "powered by wordpress",
        "report abuse",
        "like this",
        "like loading",
        "share this",
        "follow",
        "unfollow",
        "bookmark",
        "save article",
        "saved",
        "view gallery",
        "view image",
        "enlarge",
        "expand",
        "collapse",
        "play video",
        "pause",
        "mute",
        "unmute",
        "sign out",
        "my account",
        "edit",
        "donate",
        "support us",
        "trending topics",
        "explore",
        "реклама",
        "anzeige",
        "werbung",
        "publicité",
    ];
    if WHOLE.contains(&view.key.as_str()) {
        return true;
    }
    let words = view.word_count();
    let starts = |heads: &[&str]| heads.iter().any(|head| view.starts_with_phrase(head));

    // Advertising markers and ad-script residue.
    if words <= 8 && view.key.contains("advertisement")
        || view.contains_any(&["adsbygoogle", "googletag."])
    {
        return true;
    }
    // Social follow and app prompts.
    if words <= 25
        && (starts(&[
            "follow us",
            "like us on",
            "follow @",
            "join our",
            "download our app",
            "download the app",
            "get the app",
            "subscribe to",
            "sign up for",
            "sign up to",
            "get our",
        ]) || view.key.contains("follow us on"))
    {
        return true;
    }
    // Newsletter and cookie prompts.
    if words <= 40
        && !view.list_item
        && view.key.contains("newsletter")
        && view.contains_any(&["sign up", "subscribe", "register", "join our", "get our"])
    {
        return true;
    }
    // Cookie banners talk about "cookies" (or cookie policy/settings) and what the reader
    // accepts; "cookie-cutter" in a quote is prose.
    let about_cookies = view.words().any(|word| word == "cookies")
        || view.contains_any(&[
            "cookie policy",
            "cookie settings",
            "cookie preferences",
            "cookie consent",
        ]);
    if words <= 60
        && about_cookies
        && view.contains_any(&[
            "we use",
            "this site uses",
            "this website uses",
            "accept",
            "consent",
            "policy",
            "continuing",
            "browsing",
            "settings",
            "preferences",
        ])
    {
        return true;
    }
    if words <= 40
        && starts(&[
            "by signing up",
            "by clicking",
            "by subscribing",
            "unsubscribe at any time",
            "by registering",
        ])
    {
        return true;
    }
    // Copyright lines.
    if words <= 30
        && (view.key.contains("all rights reserved")
            || view.body.starts_with('©')
            || view.key.starts_with("copyright ©")
            || view.key.starts_with("copyright 20")
            || view.key.starts_with("copyright 19"))
    {
        return true;
    }
    // Reading-time and timestamp furniture: "5 min read", "Updated: June 2, 2025".
    if words <= 6
        && view.words().any(|w| w == "read")
        && view
            .words()
            .any(|w| w == "min" || w == "mins" || w == "minute" || w == "minutes")
    {
        return true;
    }
    if words <= 12
        && [
            "published",
            "updated",
            "last updated",
            "posted on",
            "first published",
            "published on",
            "updated on",
            "posted",
        ]
        .iter()
        .any(|head| {
            view.has_head(head)
                || (view.starts_with_phrase(head)
                    && !view.ends_sentence
                    && view.body.chars().any(|c| c.is_ascii_digit()))
        })
    {
        return true;
    }
    // Photo credits and captions with agency credits.
    if words <= 20
        && [
            "photo",
            "photos",
            "photo by",
            "photograph",
            "photograph by",
            "image",
            "images",
            "image by",
            "image credit",
            "image source",
            "picture",
            "pictured",
            "credit",
            "credits",
            "photo credit",
            "file photo",
            "caption",
            "illustration",
            "illustration by",
        ]
        .iter()
        .any(|head| {
            (view.has_head(head) && view.key != *head)
                || (view.starts_with_phrase(head) && head.ends_with(" by"))
        })
    {
        return true;
    }
    if words <= 25
        && view.contains_any(&[
            "getty images",
            "ap photo",
            "afp photo",
            "shutterstock",
            "reuters/",
            "/reuters",
            "/ reuters",
            "/afp",
            "/ afp",
            "via getty",
            "epa-efe",
            "/ap photo",
            "photo/",
        ])
    {
        return true;
    }
    // Agency credits: "Reporting by ...; Editing by ...".
    if words <= 40
        && (starts(&[
            "reporting by",
            "additional reporting by",
            "writing by",
            "editing by",
            "compiled by",
        ]) && (view.key.contains("editing by") || view.key.contains("reporting by")))
    {
        return true;
    }
    is_breadcrumb(view) || is_byline(view) || is_date_line(view)
}

/// Month and weekday names with their common abbreviations, lower case: the calendar words
/// every stage that reads dates or datelines shares.
pub const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// The words that accompany timestamps besides calendar words: clock, time zones, ordinal
/// suffixes, and the verbs of "updated at" lines.
const TIMESTAMP_WORDS: &[&str] = &[
    "am",
    "pm",
    "a",
    "p",
    "m",
    "utc",
    "gmt",
    "est",
    "edt",
    "cet",
    "cest",
    "bst",
    "msk",
    "eet",
    "eest",
    "st",
    "nd",
    "rd",
    "th",
    "at",
    "on",
    "updated",
    "published",
    "posted",
    "t",
    "z",
];

/// A calendar or timestamp word.
fn is_date_word(word: &str) -> bool {
    CALENDAR_WORDS.contains(&word) || TIMESTAMP_WORDS.contains(&word)
}

/// Starts with `YYYY-MM-DD`.
fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 10
        && bytes
            .iter()
            .take(10)
            .enumerate()
            .all(|(index, byte)| match index {
                4 | 7 => *byte == b'-',
                _ => byte.is_ascii_digit(),
            })
}

/// A line that is only a date or timestamp ("June 04, 2025", "Mon 2 Jun 2025 14:30 BST").
pub(crate) fn is_date_line(view: &LineView) -> bool {
    if !(2..=10).contains(&view.word_count()) {
        return false;
    }
    let is_number = |word: &str| word.chars().all(|c| c.is_ascii_digit());
    // A month or weekday name, or an ISO date: bare number rows ("1/1/2013 +13.1%") are tables.
    let has_date_part = view
        .words()
        .any(|word| !is_number(word) && is_date_word(word) && word.len() >= 3)
        || is_iso_date(&view.key);
    if view.body.contains(['%', '$', '€', '£', '+']) {
        return false;
    }
    (2..=10).contains(&view.word_count())
        && has_date_part
        && view.words().any(is_number)
        && view
            .words()
            .all(|word| is_number(word) || is_date_word(word))
}

/// Separators between the parts of a byline line ("By Jane Doe | Reuters | June 2, 2025").
const BYLINE_SEPARATORS: &[&str] = &[" | ", " • ", " · ", " — ", " – ", " - "];

/// "By Jane Doe", "By Jane Doe and John Roe": a byline standing alone, or followed by short
/// parts after separators ("By Jane Doe | Updated 2 June 2025 | 5 min read").
fn is_byline(view: &LineView) -> bool {
    let Some(rest) = view
        .body
        .strip_prefix("By ")
        .or_else(|| view.body.strip_prefix("by "))
        .or_else(|| view.body.strip_prefix("BY "))
    else {
        return false;
    };
    let cut = BYLINE_SEPARATORS
        .iter()
        .filter_map(|separator| rest.find(separator))
        .min();
    let (names, tail) = cut.map_or((rest, ""), |at| rest.split_at(at));
    let tail_is_short = tail
        .split(['|', '•', '·', '—', '–'])
        .all(|part| part.split_whitespace().count() <= 6);
    if !tail_is_short || view.word_count() > 20 {
        return false;
    }
    let words: Vec<&str> = names.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && !view.ends_sentence
        && words.iter().all(|word| {
            matches!(
                *word,
                "and" | "&" | "in" | "de" | "van" | "von" | "bin" | "al"
            ) || word.chars().next().is_some_and(char::is_uppercase)
        })
}

/// The names a byline line gives: "By Jane Doe and John Roe", "Posted on March 3, 2024 by
/// Jane Doe", "By Jane Doe | June 2, 2025". Names follow the word "by" up to the first
/// separator, date, number or lower-case word; each holds one to four words. Empty when the
/// line names no one this way.
pub(crate) fn byline_names(body: &str) -> Vec<String> {
    let mut words = body.split_whitespace();
    if !words.by_ref().any(|word| word.eq_ignore_ascii_case("by")) {
        return Vec::new();
    }
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "der", "den", "bin", "al", "da", "del", "la",
    ];
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let finish = |current: &mut Vec<&str>, names: &mut Vec<String>| -> bool {
        let fits = (1..=4).contains(&current.len())
            && current.last().is_some_and(|word| !PARTICLES.contains(word));
        if fits {
            names.push(current.join(" "));
        }
        current.clear();
        fits
    };
    for raw in words {
        if raw.starts_with(['|', '•', '·', '—', '–', '-', '(', '/']) {
            break;
        }
        let ends_name = raw.ends_with([',', ';']);
        let word = raw.trim_end_matches([',', ';', ':', '.']);
        let lower = word.to_lowercase();
        if word.is_empty() {
            break;
        }
        if matches!(lower.as_str(), "and" | "&") {
            if !finish(&mut current, &mut names) {
                return Vec::new();
            }
            continue;
        }
        // "Jane Doe/Getty Images", "@handle": credits and accounts, not names.
        let is_name_word = word.chars().next().is_some_and(char::is_uppercase)
            && !word
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '/' | '@'))
            && !CALENDAR_WORDS.contains(&lower.as_str());
        if !(is_name_word || (!current.is_empty() && PARTICLES.contains(&word))) {
            break;
        }
        current.push(word);
        if ends_name && !finish(&mut current, &mut names) {
            return Vec::new();
        }
    }
    if !current.is_empty() && !finish(&mut current, &mut names) {
        return Vec::new();
    }
    names.truncate(6);
    names
}

/// "Home > World > Europe": at least two separators between short segments.
fn is_breadcrumb(view: &LineView) -> bool {
    if view.word_count() > 12 || view.ends_sentence {
        return false;
    }
    // Pipes and slashes also separate table cells and alternatives: only arrows mark a trail.
    for separator in [" > ", " » ", " › "] {
        let segments: Vec<&str> = view.body.split(separator).collect();
        if segments.len() >= 3
            && segments.iter().all(|segment| {
                let words = segment.split_whitespace().count();
                (1..=3).contains(&words)
            })
        {
            return true;
        }
    }
    false
}

/// A trailing attribution: "Source: BBC", "Sources: Reuters, AP", "(Reuters)", "Via: AFP",
/// "With inputs from PTI", "This article originally appeared on The Conversation". Returns the
/// named source.
pub(crate) fn attribution(view: &LineView) -> Option<String> {
    if view.list_item || view.word_count() > 14 {
        return None;
    }
    let body = view.body.trim();
    let lower = body.to_lowercase();
    // Whole line in parentheses: "(Reuters)", "(With inputs from AFP)".
    let (inner, inner_lower) = match (body.strip_prefix('('), body.strip_suffix(')')) {
        (Some(_), Some(_)) => {
            let inner = body.get(1..body.len() - 1).unwrap_or("").trim();
            (inner, inner.to_lowercase())
        }
        _ => (body, lower.clone()),
    };
    const HEADS: &[&str] = &[
        "sources",
        "source",
        "via",
        "courtesy of",
        "courtesy",
        "with inputs from",
        "inputs from",
        "originally published on",
        "originally published by",
        "originally published in",
        "this article originally appeared on",
        "this article originally appeared in",
        "this article first appeared on",
        "this article first appeared in",
        "this story originally appeared on",
        "this story first appeared on",
        "first published on",
        "first published by",
        "republished from",
        "источник",
        "джерело",
        "quelle",
    ];
    for head in HEADS {
        let Some(rest) = inner_lower.strip_prefix(head) else {
            continue;
        };
        let rest_start = inner.len() - rest.len();
        let separated = rest.starts_with([':', ' ', '-', '–', '—']);
        if !separated {
            continue;
        }
        // "Source" needs a colon or dash: "Source of the trouble" is a sentence.
        let needs_mark = matches!(
            *head,
            "sources" | "source" | "via" | "courtesy" | "источник" | "джерело" | "quelle"
        );
        let after_spaces = rest.trim_start();
        if needs_mark && !after_spaces.starts_with([':', '-', '–', '—']) {
            continue;
        }
        let value = inner
            .get(rest_start..)
            .unwrap_or("")
            .trim_start_matches([':', ' ', '-', '–', '—'])
            .trim_end_matches(['.', ' ', ';', ','])
            .trim();
        return source_name(value);
    }
    // "(Reuters)": a short capitalised name alone in parentheses.
    if inner.len() < body.len() {
        let words: Vec<&str> = inner.split_whitespace().collect();
        let capitalised = words.iter().all(|word| {
            word.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '&')
        });
        if (1..=4).contains(&words.len()) && capitalised {
            return source_name(inner);
        }
    }
    None
}

/// A plausible source name: non-empty, short, not a sentence.
fn source_name(value: &str) -> Option<String> {
    let words = value.split_whitespace().count();
    if (1..=8).contains(&words) && !value.ends_with(['!', '?']) {
        Some(value.to_owned())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<RemovalReason> {
        lexicon_reason(&LineView::new(line))
    }

    #[test]
    fn share_rows() {
        for line in [
            "Share",
            "- Get link",
            "X",
            "Facebook",
            "Other Apps",
            "Tweet",
            "Email",
            "Print",
            "Copy link",
            "WhatsApp",
            "Share this article",
            "Facebook Twitter LinkedIn Email",
            "Share on X (opens in new window)",
            "Shares 120",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::ShareButton), "{line}");
        }
        for line in [
            "Share prices fell 3% on Monday.",
            "Twitter owner Elon Musk said so.",
            "X marks the spot",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn comment_forms() {
        for line in [
            "Leave a Reply",
            "Post a Comment",
            "Comments",
            "Your email address will not be published. Required fields are marked *",
            "Cancel reply",
            "Add a comment",
            "Log in to comment",
            "12 Comments",
            "Comments (3)",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::CommentForm), "{line}");
        }
        assert_eq!(reason("Comments from the minister angered Kyiv."), None);
    }

    #[test]
    fn promos_tags_and_author_boxes() {
        assert_eq!(
            reason("See also: British couple detained abroad"),
            Some(RemovalReason::Promo)
        );
        assert_eq!(reason("Related Sources:"), Some(RemovalReason::Promo));
        assert_eq!(
            reason("READ MORE: Talks collapse"),
            Some(RemovalReason::Promo)
        );
        assert_eq!(reason("Recommended"), Some(RemovalReason::Promo));
        assert_eq!(
            reason("Related talks took place in Geneva last year."),
            None
        );
        assert_eq!(
            reason("Tags: Russia, Ukraine, Istanbul"),
            Some(RemovalReason::TagLine)
        );
        assert_eq!(
            reason("Filed under World News"),
            Some(RemovalReason::TagLine)
        );
        assert_eq!(reason("Categories: Europe"), Some(RemovalReason::TagLine));
        assert_eq!(reason("About The Author"), Some(RemovalReason::AuthorBox));
    }

    #[test]
    fn boilerplate() {
        for line in [
            "Advertisement",
            "Follow us on Google News",
            "Sign up for our daily newsletter to get the news in your inbox",
            "We use cookies to improve your experience. By continuing you accept our policy.",
            "Photo: Reuters",
            "(AP Photo/Efrem Lukatsky)",
            "© 2025 Example Media. All rights reserved.",
            "5 min read",
            "Home > World > Europe",
            "Reporting by Tom Balmforth; Editing by Alex Richardson",
            "Updated: June 2, 2025 14:30",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Boilerplate), "{line}");
        }
        for line in [
            "The photo shows the delegations shaking hands.",
            "Home is where the heart is, the minister said.",
            "Cookies were served at the talks.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn date_lines_not_tables() {
        assert_eq!(reason("1/1/2013 +13.1%"), None);
        assert_eq!(reason("2/1/2013 4/1/2013"), None);
    }

    #[test]
    fn date_lines() {
        for line in [
            "June 04, 2025",
            "Mon 2 Jun 2025 14:30 BST",
            "2025-06-02",
            "Updated: 3 June 2025, 10:15 a.m.",
        ] {
            assert_eq!(reason(line), Some(RemovalReason::Boilerplate), "{line}");
        }
        for line in [
            "May 2025 was the hottest month.",
            "June",
            "Talks resume on June 10",
        ] {
            assert_ne!(reason(line), Some(RemovalReason::Boilerplate), "{line}");
        }
    }

    #[test]
    fn common_forms_in_other_languages() {
        assert_eq!(reason("Поделиться"), Some(RemovalReason::ShareButton));
        assert_eq!(reason("Комментарии"), Some(RemovalReason::CommentForm));
        assert_eq!(
            reason("Читайте также: Переговоры в Стамбуле"),
            Some(RemovalReason::Promo)
        );
        assert_eq!(
            reason("Lesen Sie auch: Gespräche in Istanbul"),
            Some(RemovalReason::Promo)
        );
        assert_eq!(
            reason("Теги: Украина, Россия"),
            Some(RemovalReason::TagLine)
        );
        assert_eq!(
            attribution(&LineView::new("Источник: ТАСС")).as_deref(),
            Some("ТАСС")
        );
        assert_eq!(reason("Переговоры завершились через час."), None);
    }

    #[test]
    fn attributions() {
        let source = |line: &str| attribution(&LineView::new(line));
        assert_eq!(source("Source: BBC").as_deref(), Some("BBC"));
        assert_eq!(
            source("Sources: Reuters, AP").as_deref(),
            Some("Reuters, AP")
        );
        assert_eq!(source("(Reuters)").as_deref(), Some("Reuters"));
        assert_eq!(source("(With inputs from PTI)").as_deref(), Some("PTI"));
        assert_eq!(
            source("This article originally appeared on The Conversation.").as_deref(),
            Some("The Conversation")
        );
        assert_eq!(source("Source of the trouble remains unclear."), None);
        assert_eq!(source("(in Kyiv)"), None);
    }

    #[test]
    fn reaction_labels_and_counts() {
        assert!(is_reaction_label(&LineView::new("dislike")));
        assert!(is_reaction_label(&LineView::new("Love 3")));
        assert!(!is_reaction_label(&LineView::new("I love Istanbul")));
        assert!(LineView::new("0").is_count());
        assert!(LineView::new("1.2K").is_count());
        assert!(!LineView::new("2 soldiers").is_count());
        assert!(!LineView::new("$99.99").is_count());
        assert!(!LineView::new("60%").is_count());
    }
}
