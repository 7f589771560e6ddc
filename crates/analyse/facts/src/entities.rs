//! Named mentions in a sentence (people, organisations, places) and their linking into entities
//! across the texts of one story.

use serde::{Deserialize, Serialize};

use crate::Span;
use crate::lexicon::{
    ACTOR_VERBS, GIVEN_NAMES, NATIONALITIES, NEWS_OUTLETS, NOT_NAMES, ORGANISATION_SUFFIXES,
    ORGANISATIONS, PERSON_TITLES, PLACE_SUFFIXES, PLACES, ROLE_WORDS, SEATS_OF_POWER, SPEECH_VERBS,
    contains, in_list,
};
use crate::text::{Token, strip_possessive, tokenize};

/// What kind of thing a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, institution, company or seat of government.
    Organisation,
    /// A country, city, region or other place.
    Place,
}

impl EntityKind {
    /// The kind as its snake_case word.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organisation => "organisation",
            Self::Place => "place",
        }
    }
}

/// One naming of an entity in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offsets of `surface` in the sentence.
    pub span: Span,
    /// The capitalised run as written, in-run titles included ("President Volodymyr Zelensky").
    pub surface: String,
    /// The name with titles and possessive removed ("Volodymyr Zelensky").
    pub name: String,
    /// What it names.
    pub kind: EntityKind,
    /// The title or role written with the name ("Ukrainian Defence Minister",
    /// "White House spokesperson").
    pub role: Option<String>,
    /// True when a place or seat of government stands for its government acting ("the Kremlin
    /// said", "Moscow rejected").
    pub metonym: bool,
}

/// Title abbreviations written with a dot ("Gen.", "Dr.").
const DOTTED_TITLES: &[&str] = &[
    "gen", "dr", "mr", "mrs", "ms", "prof", "lt", "col", "maj", "capt", "adm", "sgt", "sen", "rep",
    "st", "gov", "u.s",
];

/// Lower-case words that may sit inside a name ("Bank of England", "Leonardo da Vinci").
const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "da", "van", "von", "bin", "al", "del", "di", "du", "la", "le", "der", "for", "and",
];

/// Heads that take "of" inside a name besides organisation and place words and titles
/// ("House of Commons", "Republic of Korea", "Duke of Sussex").
const OF_HEADS: &[&str] = &[
    "house",
    "chamber",
    "isle",
    "statue",
    "tower",
    "duke",
    "duchess",
    "prince",
    "princess",
    "king",
    "queen",
    "earl",
    "republic",
    "kingdom",
    "states",
    "emirates",
    "hall",
    "order",
    "people",
    "ministry",
    "cathedral",
    "church",
    "archbishop",
    "bishop",
    "gulf",
    "sea",
    "bay",
    "cape",
    "strait",
    "straits",
    "lake",
    "mount",
    "sultan",
    "emir",
    "pope",
];

/// First words that make a capitalised run a place ("Avenue Montaigne", "Mount Cook").
const PLACE_HEADS: &[&str] = &[
    "avenue", "rue", "mount", "mt", "lake", "cape", "fort", "gulf", "bay", "isle", "lac", "via",
    "piazza", "plaza", "place",
];

/// Words before "of" that make the following name a place ("14 miles north of Healdsburg").
const PLACE_OF_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "north-northeast",
    "north-northwest",
    "south-southeast",
    "south-southwest",
    "east-northeast",
    "east-southeast",
    "west-northwest",
    "west-southwest",
    "outskirts",
    "suburbs",
    "suburb",
    "centre",
    "center",
    "heart",
    "mile",
    "miles",
    "km",
    "kilometres",
    "kilometers",
    "residents",
    "resident",
    "native",
    "town",
    "city",
    "village",
    "province",
    "county",
    "state",
    "region",
    "streets",
    "mayor",
    "people",
];

/// Verbs that follow any subject ("Expectations were low"): no sign of a name.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "do", "does", "did",
];

/// Words capitalised at the start of a sentence that lead into a name ("Like Comey himself").
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "like",
    "unlike",
    "but",
    "and",
    "as",
    "for",
    "with",
    "when",
    "after",
    "before",
    "if",
    "while",
    "since",
    "despite",
    "according",
    "then",
    "so",
    "yet",
    "although",
    "because",
    "meanwhile",
    "also",
    // A salutation ("Dear Sasha and Malia").
    "dear",
    // "Former Trump lawyer Michael Cohen": the employer's name follows.
    "former",
];

/// Degree adverbs: a capitalised run that opens with one is title-cased prose ("at Very
/// Serious public events"), not a name.
const DEGREE_ADVERBS: &[&str] = &["very", "really", "truly", "quite", "extremely", "highly"];

/// Possessed nouns that make the possessor an actor ("Moscow's demands").
const ACTOR_NOUNS: &[&str] = &[
    "offer",
    "proposal",
    "proposals",
    "demands",
    "demand",
    "position",
    "response",
    "refusal",
    "delegation",
    "negotiators",
    "forces",
    "troops",
    "army",
    "invasion",
    "offensive",
    "attack",
    "attacks",
    "decision",
    "plan",
    "plans",
    "stance",
    "insistence",
    "rejection",
    "memorandum",
    "terms",
    "conditions",
    "statement",
    "bid",
    "strikes",
    "war",
];

/// Words that precede a place ("in Istanbul").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "into",
    "across",
    "outside",
    "inside",
    "throughout",
    "around",
];

fn is_name_token(token: &Token<'_>) -> bool {
    // "Russian-occupied", "Kremlin-backed" qualify a noun; they name nothing themselves.
    let lowercase_tail = token
        .text
        .rsplit(['-', '‑'])
        .next()
        .is_some_and(|tail| tail.chars().next().is_some_and(char::is_lowercase));
    token.is_word() && token.is_capitalised() && !lowercase_tail
}

/// True for plural demonyms ("Ukrainians", "Americans") that name a people, not an entity.
fn is_demonym_plural(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| contains(&NATIONALITIES, stem))
}

/// Headline-style text capitalises most words: only lexicon-backed names are trusted there.
/// Told by capitalised small words mid-sentence ("Talks Between Russia And Ukraine"), or by
/// mostly capitalised words without the closing stop of a sentence.
fn is_headline_case(tokens: &[Token<'_>]) -> bool {
    const SMALL_WORDS: &[&str] = &[
        "And", "To", "Of", "In", "For", "With", "Between", "On", "As", "At", "From", "Is", "Are",
        "After", "Over", "Amid",
    ];
    let words: Vec<&Token<'_>> = tokens
        .iter()
        .filter(|t| t.is_word() && t.text.chars().any(char::is_alphabetic))
        .collect();
    let capital_small = words
        .iter()
        .skip(1)
        .filter(|t| SMALL_WORDS.contains(&t.text))
        .count();
    let long_words: Vec<&&Token<'_>> = words
        .iter()
        .skip(1)
        .filter(|t| t.text.chars().count() > 3)
        .collect();
    let capitalised = long_words.iter().filter(|t| t.is_capitalised()).count();
    let ends_like_sentence = tokens
        .last()
        .is_some_and(|t| matches!(t.text, "." | "?" | "!" | "\"" | "”" | "’" | ")" | ":"));
    capital_small >= 2
        || (!ends_like_sentence
            && long_words.len() >= 3
            && capitalised * 10 >= long_words.len() * 7)
}

/// "US-Mexico", "African-American", "R-Texas": compounds of places or peoples qualify a
/// noun; they are not names themselves.
fn is_compound_adjective(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '‑']).collect();
    parts.len() > 1
        && parts.iter().any(|part| {
            contains(&PLACES, part) || contains(&NATIONALITIES, part) || part.chars().count() == 1
        })
}

/// "the Washingtons", "the Kennedys": a family, not one person.
fn is_plural_surname(word: &str) -> bool {
    let word = strip_possessive(word);
    word.len() > 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && word.chars().next().is_some_and(char::is_uppercase)
        && contains(&PLACES, word.trim_end_matches('s'))
}

/// "I'm", "We'll": a pronoun with a verb, not a name.
fn is_contraction(word: &str) -> bool {
    let tail = word.rsplit(['\'', '’']).next().unwrap_or_default();
    word.contains(['\'', '’']) && matches!(tail, "m" | "ll" | "re" | "ve" | "d" | "t")
}

/// Brand-style names with an inner capital ("TechCrunch", "YouTube"), but not surnames
/// such as McDonald or MacArthur.
fn is_camel_case(word: &str) -> bool {
    let word = strip_possessive(word);
    // "Raven-Symone", "Champs-Elysees": capitalised parts joined by a hyphen.
    let hyphenated_words = word.contains(['-', '‑'])
        && word.split(['-', '‑']).all(|part| {
            part.chars().next().is_some_and(char::is_uppercase)
                && !part.chars().skip(1).any(char::is_uppercase)
        });
    if hyphenated_words {
        return false;
    }
    let inner_capital = word.chars().skip(2).any(char::is_uppercase);
    let surname_prefix = [
        "Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "O'", "O’",
    ]
    .iter()
    .any(|prefix| word.starts_with(prefix));
    inner_capital && !surname_prefix && word.chars().any(char::is_lowercase)
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// True for single words that look like a surname (Slavic and other common endings).
fn looks_like_surname(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "enko", "ov", "ova", "ev", "eva", "in", "ina", "sky", "skyy", "skiy", "ski", "skii", "ska",
        "skaya", "vich", "yuk", "chuk", "ak", "ko", "yan", "ian", "dze", "shvili", "oglu", "son",
        "sen", "ez", "stein", "berg", "mann", "ini", "elli", "escu", "ić", "ic",
    ];
    let lower = word.to_lowercase();
    lower.len() >= 4 && ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

/// Start index of the word run that begins the sentence (after opening quotes or brackets).
fn first_word_index(tokens: &[Token<'_>]) -> usize {
    tokens.iter().position(Token::is_word).unwrap_or(0)
}

/// One capitalised run: token indices of its words.
struct Run {
    words: Vec<usize>,
}

fn capitalised_runs(tokens: &[Token<'_>]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let Some(token) = tokens.get(index) else {
            break;
        };
        if !is_name_token(token) {
            index += 1;
            continue;
        }
        let mut words = vec![index];
        let mut cursor = index;
        while let Some(current) = tokens.get(cursor) {
            // A possessive ends the name: "Russia's President" is two things.
            if strip_possessive(current.text).len() != current.text.len() {
                break;
            }
            let next = cursor + 1;
            let Some(after) = tokens.get(next) else { break };
            if after.text == "."
                && in_list(DOTTED_TITLES, current.text)
                && tokens.get(next + 1).is_some_and(is_name_token)
            {
                cursor = next + 1;
                words.push(cursor);
                continue;
            }
            if is_name_token(after) {
                cursor = next;
                words.push(cursor);
                continue;
            }
            let joins_organisation = || {
                // "Food and Drug Administration": "and"/"for" join only inside an
                // organisation's name, told by its last word.
                let mut probe = next + 1;
                while tokens.get(probe + 1).is_some_and(is_name_token) {
                    probe += 1;
                }
                tokens
                    .get(probe)
                    .is_some_and(|t| contains(&ORGANISATION_SUFFIXES, t.text))
            };
            // "Bank of England", "Secretary of State", but "Vishwanand Subryan of Schenectady"
            // is a person and his home town.
            let joins_of = || {
                contains(&ORGANISATION_SUFFIXES, current.text)
                    || contains(&PLACE_SUFFIXES, current.text)
                    || is_role_word(current.text)
                    || is_person_title(current.text)
                    || in_list(OF_HEADS, current.text)
            };
            if in_list(NAME_CONNECTORS, after.text)
                && after.text.chars().next().is_some_and(char::is_lowercase)
                && tokens.get(next + 1).is_some_and(is_name_token)
                && ((after.text != "and" && after.text != "for") || joins_organisation())
                && (after.text != "of" || joins_of())
            {
                cursor = next + 1;
                words.push(next);
                words.push(cursor);
                continue;
            }
            break;
        }
        index = cursor + 1;
        runs.push(Run { words });
    }
    runs
}

/// In headline-case text, only the lexicon's names inside each run: the longest match of up
/// to four words at each position.
fn lexicon_runs(tokens: &[Token<'_>], runs: Vec<Run>) -> Vec<Run> {
    let mut kept = Vec::new();
    for run in runs {
        let mut position = 0;
        while position < run.words.len() {
            let longest = (1..=4.min(run.words.len() - position))
                .rev()
                .find(|&length| {
                    let words = run
                        .words
                        .get(position..position + length)
                        .unwrap_or_default();
                    let key = lookup_key(&run_name(tokens, words));
                    contains(&PLACES, &key) || is_known_organisation(&key)
                });
            match longest {
                Some(length) => {
                    kept.push(Run {
                        words: run
                            .words
                            .get(position..position + length)
                            .unwrap_or_default()
                            .to_vec(),
                    });
                    position += length;
                }
                None => position += 1,
            }
        }
    }
    kept
}

fn run_name(tokens: &[Token<'_>], words: &[usize]) -> String {
    let parts: Vec<&str> = words
        .iter()
        .filter_map(|&i| tokens.get(i))
        .map(|t| strip_possessive(t.text))
        .collect();
    parts.join(" ")
}

/// An organisation the lexicons know, news outlets included.
fn is_known_organisation(key: &str) -> bool {
    contains(&ORGANISATIONS, key) || contains(&NEWS_OUTLETS, key)
}

/// True for a news agency or outlet ("BBC", "Reuters", "The Associated Press"): in news text
/// mostly the source of a report rather than an actor in it.
pub fn is_news_outlet(name: &str) -> bool {
    contains(&NEWS_OUTLETS, &lookup_key(name))
}

fn lookup_key(name: &str) -> String {
    let lower = name.to_lowercase();
    lower
        .strip_prefix("the ")
        .map(str::to_string)
        .unwrap_or(lower)
}

fn is_role_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    contains(&ROLE_WORDS, word) || contains(&NATIONALITIES, word)
}

fn is_person_title(word: &str) -> bool {
    contains(&PERSON_TITLES, word.trim_end_matches('.'))
}

/// Title words written right before a capitalised run ("delegation head", "White House
/// spokesperson"): returns the first token index of the role, if any.
fn role_before(tokens: &[Token<'_>], run_start: usize) -> Option<usize> {
    let mut first = None;
    let mut index = run_start;
    let mut taken = 0;
    while index > 0 && taken < 6 {
        let Some(token) = tokens.get(index - 1) else {
            break;
        };
        if !token.is_word() || !is_role_word(token.text) {
            break;
        }
        if matches!(token.text, "the" | "of" | "The") {
            break;
        }
        index -= 1;
        taken += 1;
        first = Some(index);
    }
    first
}

fn span_text(sentence: &str, start: usize, end: usize) -> String {
    sentence.get(start..end).unwrap_or_default().to_string()
}

fn singular_title(role: &str) -> String {
    match role
        .strip_suffix("Presidents")
        .or_else(|| role.strip_suffix("Ministers"))
    {
        Some(stem) if role.ends_with("Presidents") => format!("{stem}President"),
        Some(stem) => format!("{stem}Minister"),
        None => role.to_string(),
    }
}

/// Finds the people, organisations and places named in one sentence.
///
/// Capitalised runs are split into a leading title ("Deputy Foreign Minister") and a name;
/// the kind comes from a compact gazetteer and organisation lexicon, organisation and place
/// suffixes ("Ministry", "Sea"), a given-name list, person titles, and context (a following
/// verb of saying, a preceding "in"). Lone sentence-initial words that nothing identifies are
/// skipped, so "Peace talks ..." yields no mention.
///
/// ```
/// use corroborate_facts::{find_mentions, EntityKind};
/// let found = find_mentions("Ukrainian Defence Minister Rustem Umerov met officials in Istanbul.");
/// assert_eq!(found[0].name, "Rustem Umerov");
/// assert_eq!(found[0].role.as_deref(), Some("Ukrainian Defence Minister"));
/// assert_eq!(found[1].kind, EntityKind::Place);
/// ```
pub fn find_mentions(sentence: &str) -> Vec<Mention> {
    let tokens = tokenize(sentence);
    let sentence_start = first_word_index(&tokens);
    let headline = is_headline_case(&tokens);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut plural_title: Vec<bool> = Vec::new();
    let runs = if headline {
        lexicon_runs(&tokens, capitalised_runs(&tokens))
    } else {
        capitalised_runs(&tokens)
    };
    let mut defaulted: Vec<bool> = Vec::new();
    for run in runs {
        let Some(&first) = run.words.first() else {
            continue;
        };
        let Some(&last) = run.words.last() else {
            continue;
        };
        let (Some(first_token), Some(last_token)) = (tokens.get(first), tokens.get(last)) else {
            continue;
        };
        let whole = run_name(&tokens, &run.words);
        let whole_key = lookup_key(&whole);
        let next_word = tokens
            .get(last + 1)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default();
        let followed_by_actor_verb = contains(&ACTOR_VERBS, &next_word);
        let possessed_actor_noun = strip_possessive(last_token.text).len() != last_token.text.len()
            && in_list(ACTOR_NOUNS, &next_word);
        let after_preposition = first > 0
            && tokens
                .get(first - 1)
                .is_some_and(|t| in_list(PLACE_PREPOSITIONS, t.text));
        let after_by = first > 0 && tokens.get(first - 1).is_some_and(|t| t.text == "by");

        // Split the in-run title: leading role words, if a name follows them.
        let mut name_words: &[usize] = &run.words;
        let mut in_run_role: Vec<usize> = Vec::new();
        if !contains(&PLACES, &whole_key) && !is_known_organisation(&whole_key) {
            // The name is the trailing words that are not title words; the rest is the title
            // ("Apple Chief Executive | Tim Cook", "Secretary of State | Marco Rubio").
            let split = run
                .words
                .iter()
                .rposition(|&i| tokens.get(i).is_some_and(|t| is_role_word(t.text)))
                .map_or(0, |last_role| last_role + 1);
            let role_part = run.words.get(..split).unwrap_or_default();
            let has_title = role_part
                .iter()
                .any(|&i| tokens.get(i).is_some_and(|t| is_person_title(t.text)));
            if split > 0 && split < run.words.len() && has_title {
                in_run_role = role_part.to_vec();
                name_words = run.words.get(split..).unwrap_or_default();
            }
        }
        // Drop trailing weekdays and months ("Morningside Recovery Center Thursday"), a
        // title cut off at the end ("Army Gen.") and a capitalised speech verb ("James
        // Tweeted").
        while name_words.len() > 1
            && name_words
                .last()
                .and_then(|&i| tokens.get(i))
                .is_some_and(|t| {
                    contains(&NOT_NAMES, t.text)
                        || in_list(DOTTED_TITLES, t.text)
                        || (contains(&SPEECH_VERBS, t.text) && t.text.ends_with("ed"))
                })
        {
            name_words = name_words.get(..name_words.len() - 1).unwrap_or_default();
        }
        if name_words.len() == 1
            && name_words
                .first()
                .and_then(|&i| tokens.get(i))
                .is_some_and(|t| in_list(DOTTED_TITLES, t.text) || is_role_word(t.text))
            && run.words.len() > 1
        {
            continue;
        }
        // Drop leading function words capitalised at sentence start ("The Kremlin", "Like
        // Comey himself").
        if run.words.len() > 1
            && run
                .words
                .first()
                .and_then(|&i| tokens.get(i))
                .is_some_and(|t| in_list(DEGREE_ADVERBS, t.text))
        {
            continue;
        }
        let mut function_words_dropped = false;
        while name_words.len() > 1
            && name_words
                .first()
                .and_then(|&i| tokens.get(i))
                .is_some_and(|t| in_list(LEADING_FUNCTION_WORDS, t.text))
        {
            function_words_dropped |= name_words
                .first()
                .and_then(|&i| tokens.get(i))
                .is_some_and(|t| !in_list(&["the", "a", "an"], t.text));
            name_words = name_words.get(1..).unwrap_or_default();
        }
        let Some(&name_first) = name_words.first() else {
            continue;
        };
        // Hashtags and handles are not names.
        if name_first > 0
            && tokens
                .get(name_first - 1)
                .is_some_and(|t| t.text == "#" || t.text == "@")
        {
            continue;
        }
        let name = run_name(&tokens, name_words);
        let key = lookup_key(&name);
        let name_tokens: Vec<&Token<'_>> =
            name_words.iter().filter_map(|&i| tokens.get(i)).collect();
        let single = name_tokens.len() == 1;
        let starts_sentence = (first == sentence_start && !function_words_dropped)
            || tokens
                .get(first.wrapping_sub(1))
                .is_some_and(|t| matches!(t.text, "“" | "\"" | "‘" | "(" | "—" | "–" | ":" | "-"));

        // A role written before the run ("White House spokesperson Karoline Leavitt").
        let outer_role_start = role_before(&tokens, first);
        let outer_has_title = outer_role_start.is_some_and(|start| {
            (start..first).any(|i| tokens.get(i).is_some_and(|t| is_person_title(t.text)))
        });
        let titled = !in_run_role.is_empty() || outer_has_title;

        let last_name_word = name_tokens
            .last()
            .map(|t| strip_possessive(t.text))
            .unwrap_or_default();
        let first_name_word = name_tokens.first().map(|t| t.text).unwrap_or_default();
        let given_name = contains(&GIVEN_NAMES, &deunicode::deunicode(first_name_word));
        let mut default_person = false;
        // A name listed after a place is a place too: "in Donetsk, Kramatorsk and Illinivka".
        let listed_after_place = mentions.last().is_some_and(|previous| {
            previous.kind == EntityKind::Place
                && matches!(
                    sentence
                        .get(previous.span.end..first_token.start)
                        .unwrap_or_default()
                        .trim(),
                    "and" | "," | "or" | ", and" | ", including" | "including" | ", or"
                )
        });
        let name_has_place_word = name_tokens.iter().any(|t| {
            contains(&PLACES, strip_possessive(t.text))
                || contains(&NATIONALITIES, t.text)
                || contains(&NOT_NAMES, t.text)
        });
        // "14 miles north of Healdsburg", "Vishwanand Subryan of Schenectady": after "of",
        // a name is a place when a direction, distance or settlement word or a person's
        // name comes before the "of".
        let place_after_of = first >= 2
            && tokens.get(first - 1).is_some_and(|t| t.text == "of")
            && (tokens
                .get(first - 2)
                .is_some_and(|t| in_list(PLACE_OF_WORDS, t.text))
                || mentions.last().is_some_and(|previous| {
                    previous.kind == EntityKind::Person
                        && tokens
                            .get(first - 2)
                            .is_some_and(|t| t.end == previous.span.end)
                }));
        // "Oppenheimer's Andrew Uerkwitz": a name owning a person's name is their employer.
        let employs_person = strip_possessive(last_token.text).len() != last_token.text.len()
            && tokens.get(last + 1).is_some_and(|t| {
                is_name_token(t) && contains(&GIVEN_NAMES, &deunicode::deunicode(t.text))
            });
        let place_head = !single && in_list(PLACE_HEADS, first_name_word.trim_end_matches('.'));
        let kind = if single
            && (name.chars().count() < 2
                || is_demonym_plural(&name)
                || is_contraction(first_name_word)
                || is_compound_adjective(first_name_word)
                || is_plural_surname(&name)
                || (name.chars().any(|c| c.is_ascii_digit()) && !is_known_organisation(&key)))
        {
            None
        } else if is_known_organisation(&key) {
            Some(EntityKind::Organisation)
        } else if contains(&PLACES, &key) || place_head {
            Some(EntityKind::Place)
        } else if titled || (given_name && !single) {
            Some(EntityKind::Person)
        } else if employs_person {
            Some(EntityKind::Organisation)
        } else if place_after_of {
            Some(EntityKind::Place)
        } else if !single
            && (contains(&ORGANISATION_SUFFIXES, last_name_word)
                || name_tokens.iter().any(|t| {
                    contains(&ORGANISATION_SUFFIXES, t.text)
                        && t.text != "Post"
                        && t.text != "Times"
                }))
        {
            Some(EntityKind::Organisation)
        } else if contains(&PLACE_SUFFIXES, last_name_word) && !single {
            Some(EntityKind::Place)
        } else if headline
            || (single && (contains(&NOT_NAMES, &key) || contains(&NATIONALITIES, &key)))
        {
            None
        } else if single && (is_acronym(&name) || is_camel_case(&name)) {
            Some(EntityKind::Organisation)
        } else if listed_after_place && single && !followed_by_actor_verb {
            Some(EntityKind::Place)
        } else if contains(&SPEECH_VERBS, &next_word)
            || (single && looks_like_surname(&name))
            || (single
                && starts_sentence
                && followed_by_actor_verb
                && !in_list(AUXILIARIES, &next_word))
        {
            Some(EntityKind::Person)
        } else if single && starts_sentence {
            None
        } else if after_preposition {
            Some(EntityKind::Place)
        } else if name_has_place_word {
            None
        } else if name_tokens.len() <= 3 {
            default_person = true;
            Some(EntityKind::Person)
        } else {
            Some(EntityKind::Organisation)
        };
        let Some(kind) = kind else { continue };

        let role = if kind == EntityKind::Person {
            let outer_role_start = outer_role_start.filter(|_| outer_has_title);
            let role_start = outer_role_start.or_else(|| in_run_role.first().copied());
            let role_end = in_run_role
                .last()
                .copied()
                .or(outer_role_start.map(|_| first.saturating_sub(1)));
            match (role_start, role_end) {
                (Some(start), Some(end)) => match (tokens.get(start), tokens.get(end)) {
                    (Some(a), Some(b)) => {
                        // "Dr." and "Gen." keep their dot.
                        let dot = tokens
                            .get(end + 1)
                            .filter(|t| t.text == "." && t.start == b.end);
                        Some(span_text(sentence, a.start, dot.map_or(b.end, |d| d.end)))
                    }
                    _ => None,
                },
                _ => None,
            }
        } else {
            None
        };
        let is_plural_title = role
            .as_deref()
            .is_some_and(|r| r.ends_with("Presidents") || r.ends_with("Ministers"));
        let role = role.map(|r| singular_title(&r));
        let metonym = contains(&SEATS_OF_POWER, &key)
            || (kind == EntityKind::Place
                && (followed_by_actor_verb || possessed_actor_noun || after_by));
        let surface_start = first_token.start;
        let surface_end = name_words
            .last()
            .and_then(|&i| tokens.get(i))
            .map_or(last_token.end, |t| t.end);
        mentions.push(Mention {
            span: Span {
                start: surface_start,
                end: surface_end,
            },
            surface: span_text(sentence, surface_start, surface_end),
            name,
            kind,
            role,
            metonym,
        });
        plural_title.push(is_plural_title);
        defaulted.push(default_person);
    }
    // "Valencia, Spain": an unknown name followed by a comma and a place is a place.
    for index in 0..mentions.len() {
        let next_is_place = mentions
            .get(index + 1)
            .is_some_and(|next| next.kind == EntityKind::Place);
        if let Some(mention) = mentions.get(index)
            && defaulted.get(index).copied().unwrap_or(false)
            && next_is_place
            && let Some(next) = mentions.get(index + 1)
            && sentence
                .get(mention.span.end..next.span.start)
                .is_some_and(|gap| gap.trim() == ",")
            && let Some(mention) = mentions.get_mut(index)
        {
            mention.kind = EntityKind::Place;
        }
    }
    share_coordinated_titles(sentence, &mut mentions, &plural_title);
    mentions
}

/// "Presidents Zelensky and Putin": the second name shares the plural title; "Moscow and Kyiv
/// agreed": the first place shares the second's acting role.
fn share_coordinated_titles(sentence: &str, mentions: &mut [Mention], plural_title: &[bool]) {
    for index in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(index);
        let (Some(left), Some(right)) = (before.last_mut(), after.first_mut()) else {
            continue;
        };
        let between = sentence
            .get(left.span.end..right.span.start)
            .unwrap_or_default()
            .trim();
        if between != "and" && between != "," && between != "or" {
            continue;
        }
        if plural_title.get(index - 1).copied().unwrap_or(false) && right.role.is_none() {
            right.role = left.role.clone();
            right.kind = EntityKind::Person;
        }
        if left.kind == EntityKind::Place && right.kind == EntityKind::Place && right.metonym {
            left.metonym = true;
        }
    }
}

/// A person, organisation or place named across the texts of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier within one resolution: kind and romanised canonical name
    /// ("person:volodymyr-zelensky").
    pub id: String,
    /// The canonical name: the fullest, most frequent form.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every distinct name form seen, in first-seen order.
    pub variants: Vec<String>,
    /// Every distinct role seen, in first-seen order.
    pub roles: Vec<String>,
}

/// Romanised, lower-case letters of a name, split into words.
fn romanised_words(name: &str) -> Vec<String> {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| c.is_whitespace())
        .map(|word| {
            word.chars()
                .filter(|c| c.is_ascii_alphabetic())
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// A phonetic-ish key that makes common romanisations of Slavic names equal: Zelensky,
/// Zelenskyy, Zelenskiy → `zelenski`; Serhiy, Sergiy, Sergey → `sergi`; Kyslytsia, Kyslytsya →
/// `kislicia`; Kyiv, Kiev → `kiv`.
pub fn name_key(word: &str) -> String {
    let mut key = romanised_words(word).join("");
    for (from, to) in [
        ("shch", "s"),
        ("sch", "s"),
        ("zh", "z"),
        ("kh", "x"),
        ("ch", "c"),
        ("sh", "s"),
        ("tz", "c"),
        ("ts", "c"),
        ("x", "ks"),
        ("w", "v"),
        ("ph", "f"),
        ("j", "i"),
        ("h", "g"),
        ("y", "i"),
        ("ie", "i"),
        ("ei", "i"),
    ] {
        key = key.replace(from, to);
    }
    let mut collapsed = String::with_capacity(key.len());
    for c in key.chars() {
        if !collapsed.ends_with(c) {
            collapsed.push(c);
        }
    }
    collapsed
}

/// [`name_key`]s of the same name: equal, or Jaro–Winkler ≥ 0.96 between long keys.
fn same_key(ka: &str, kb: &str) -> bool {
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka == kb {
        return true;
    }
    let (short, long) = (ka.len().min(kb.len()), ka.len().max(kb.len()));
    // Jaro–Winkler reaches 0.96 only when the Jaro score reaches 0.933, which needs the
    // shorter key to be at least 80% of the longer: skip the costly comparison otherwise.
    short >= 6 && short * 5 >= long * 4 && strsim::jaro_winkler(ka, kb) >= 0.96
}

/// Keys of two whole names of places or organisations: equal, or Jaro–Winkler ≥ 0.96 when
/// the second is long enough (the length test first, as in [`same_key`]).
fn same_whole_key(group_key: &str, key: &str) -> bool {
    if group_key == key {
        return true;
    }
    let (short, long) = (
        group_key.len().min(key.len()),
        group_key.len().max(key.len()),
    );
    key.len() >= 6 && short * 5 >= long * 4 && strsim::jaro_winkler(group_key, key) >= 0.96
}

/// A name word with what comparisons need, computed once.
#[derive(Clone)]
struct NameWord {
    text: String,
    /// [`name_key`] of the word.
    key: String,
    /// A lone initial ("V." or "V").
    initial: bool,
}

impl NameWord {
    fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            key: name_key(text),
            initial: romanised_words(text).concat().len() == 1,
        }
    }
}

/// First names agree: same name, or one is the other's initial.
fn compatible_first_names(a: &NameWord, b: &NameWord) -> bool {
    if a.initial || b.initial {
        let first = |w: &NameWord| romanised_words(&w.text).concat().chars().next();
        return first(a) == first(b);
    }
    same_key(&a.key, &b.key) || strsim::jaro_winkler(&a.key, &b.key) >= 0.9
}

struct Group {
    kind: EntityKind,
    first: Option<NameWord>,
    last: NameWord,
    key: String,
    /// Name forms: text, count, index of the first mention using it.
    names: Vec<(String, usize, usize)>,
    roles: Vec<String>,
    mentions: usize,
}

impl Group {
    fn add_name(&mut self, name: &str, mention_index: usize) {
        if let Some(entry) = self.names.iter_mut().find(|(n, _, _)| n == name) {
            entry.1 += 1;
            entry.2 = entry.2.min(mention_index);
        } else {
            self.names.push((name.to_string(), 1, mention_index));
        }
        self.mentions += 1;
    }
}

fn person_parts(name: &str) -> (Option<String>, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => (None, String::new()),
        [only] => (None, (*only).to_string()),
        [first, .., last] => (
            Some((*first).trim_end_matches('.').to_string()),
            (*last).to_string(),
        ),
    }
}

/// A lone word taken for a place or organisation by its context ("the forecast from Uerkwitz")
/// is a person when the story names a person with that surname (Andrew Uerkwitz) and no
/// lexicon knows the word as a place or organisation.
fn with_person_coreference(mentions: &[Mention]) -> Vec<Mention> {
    let surnames: std::collections::HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.name.split_whitespace().count() >= 2)
        .filter_map(|m| m.name.split_whitespace().last().map(name_key))
        .collect();
    mentions
        .iter()
        .map(|mention| {
            let mut mention = mention.clone();
            let lone = !mention.name.contains(char::is_whitespace);
            let key = lookup_key(&mention.name);
            if lone
                && mention.kind != EntityKind::Person
                && !contains(&PLACES, &key)
                && !is_known_organisation(&key)
                && !is_acronym(&mention.name)
                && surnames.contains(&name_key(&mention.name))
            {
                mention.kind = EntityKind::Person;
                mention.metonym = false;
            }
            mention
        })
        .collect()
}

/// Links mentions across the texts of one story into entities.
///
/// People: full names join when their surnames are the same name in another romanisation
/// ([`name_key`] equal, or Jaro–Winkler ≥ 0.96 on the keys) and their first names agree, so
/// Vladimir Putin and Vladimir Medinsky stay apart; a surname-only mention joins the full name
/// with that surname that was mentioned most, else the single full name with that first name;
/// a lone word read as a place or organisation from its context (and known to no lexicon) is
/// that person when the story names a person with that surname. Places and organisations join
/// on the key of the whole name. Returns the entities and, for each mention, the index of its
/// entity.
pub fn resolve_entities(mentions: &[Mention]) -> (Vec<Entity>, Vec<usize>) {
    let adjusted = with_person_coreference(mentions);
    let mentions = adjusted.as_slice();
    let mut groups: Vec<Group> = Vec::new();
    let mut assignment: Vec<Option<usize>> = vec![None; mentions.len()];
    // Fuller names first, so surnames find their full form whatever the order.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| {
        let words = mentions
            .get(i)
            .map_or(0, |m| m.name.split_whitespace().count());
        (std::cmp::Reverse(words.min(2)), i)
    });
    // Groups are only appended, so the first group a full name or a place matches never
    // changes: the answer for a repeated name is remembered. (A surname alone goes to the
    // most mentioned match, which changes as mentions join.)
    let mut known: std::collections::HashMap<(EntityKind, &str), usize> =
        std::collections::HashMap::new();
    // Groups by kind and the first letter of a key (surname or whole name, and first name):
    // keys of one name in two romanisations start alike (Jaro–Winkler ≥ 0.96 between keys
    // with different first letters needs a swap of the first two letters of a long name).
    // Lists hold group indices in ascending order, so their first match is the first overall.
    let mut by_initial: std::collections::HashMap<(EntityKind, bool, char), Vec<usize>> =
        std::collections::HashMap::new();
    let initial = |key: &str| key.chars().next().unwrap_or('\0');
    for index in order {
        let Some(mention) = mentions.get(index) else {
            continue;
        };
        let remembered = known.get(&(mention.kind, mention.name.as_str())).copied();
        let group_index = if let Some(group_index) = remembered {
            group_index
        } else if mention.kind == EntityKind::Person {
            let (first, last) = person_parts(&mention.name);
            let first = first.as_deref().map(NameWord::new);
            let last = NameWord::new(&last);
            let found = match &first {
                Some(first) => {
                    let found = by_initial
                        .get(&(EntityKind::Person, false, initial(&last.key)))
                        .into_iter()
                        .flatten()
                        .copied()
                        .find(|&g| {
                            groups.get(g).is_some_and(|g| {
                                same_key(&g.last.key, &last.key)
                                    && g.first
                                        .as_ref()
                                        .is_none_or(|f| compatible_first_names(f, first))
                            })
                        });
                    if found.is_none() {
                        // A new group: later mentions of this full name find it first.
                        known.insert((mention.kind, mention.name.as_str()), groups.len());
                    }
                    found
                }
                None => {
                    let by_surname = by_initial
                        .get(&(EntityKind::Person, false, initial(&last.key)))
                        .into_iter()
                        .flatten()
                        .filter_map(|&i| groups.get(i).map(|g| (i, g)))
                        .filter(|(_, g)| same_key(&g.last.key, &last.key))
                        .max_by_key(|(i, g)| {
                            (g.last.key == last.key, g.mentions, std::cmp::Reverse(*i))
                        })
                        .map(|(i, _)| i);
                    by_surname.or_else(|| {
                        let by_first: Vec<usize> = by_initial
                            .get(&(EntityKind::Person, true, initial(&last.key)))
                            .into_iter()
                            .flatten()
                            .copied()
                            .filter(|&i| {
                                groups.get(i).is_some_and(|g| {
                                    g.first
                                        .as_ref()
                                        .is_some_and(|f| same_key(&f.key, &last.key))
                                })
                            })
                            .collect();
                        match by_first.as_slice() {
                            [only] => Some(*only),
                            _ => None,
                        }
                    })
                }
            };
            if let (Some(found), Some(_)) = (found, &first) {
                known.insert((mention.kind, mention.name.as_str()), found);
            }
            found.unwrap_or_else(|| {
                let index = groups.len();
                by_initial
                    .entry((EntityKind::Person, false, initial(&last.key)))
                    .or_default()
                    .push(index);
                if let Some(first) = &first {
                    by_initial
                        .entry((EntityKind::Person, true, initial(&first.key)))
                        .or_default()
                        .push(index);
                }
                groups.push(Group {
                    kind: EntityKind::Person,
                    first,
                    last,
                    key: String::new(),
                    names: Vec::new(),
                    roles: Vec::new(),
                    mentions: 0,
                });
                groups.len() - 1
            })
        } else {
            let key = name_key(&lookup_key(&mention.name));
            let bucket = (mention.kind, false, initial(&key));
            let found = by_initial
                .get(&bucket)
                .into_iter()
                .flatten()
                .copied()
                .find(|&g| groups.get(g).is_some_and(|g| same_whole_key(&g.key, &key)));
            let group_index = found.unwrap_or_else(|| {
                by_initial.entry(bucket).or_default().push(groups.len());
                groups.push(Group {
                    kind: mention.kind,
                    first: None,
                    last: NameWord::new(""),
                    key,
                    names: Vec::new(),
                    roles: Vec::new(),
                    mentions: 0,
                });
                groups.len() - 1
            });
            known.insert((mention.kind, mention.name.as_str()), group_index);
            group_index
        };
        if let Some(group) = groups.get_mut(group_index) {
            group.add_name(&mention.name, index);
            if let Some(role) = &mention.role
                && !group.roles.contains(role)
            {
                group.roles.push(role.clone());
            }
        }
        if let Some(slot) = assignment.get_mut(index) {
            *slot = Some(group_index);
        }
    }
    let mut used_ids: Vec<String> = Vec::new();
    let entities = groups
        .into_iter()
        .map(|mut group| {
            group.names.sort_by_key(|(_, _, first)| *first);
            let canonical = group
                .names
                .iter()
                .max_by_key(|(name, count, first)| {
                    (
                        name.split_whitespace().count(),
                        *count,
                        std::cmp::Reverse(*first),
                    )
                })
                .map(|(name, _, _)| name.clone())
                .unwrap_or_default();
            let slug = romanised_words(&canonical).join("-");
            let mut id = format!("{}:{}", group.kind.as_str(), slug);
            let mut suffix = 2;
            while used_ids.contains(&id) {
                id = format!("{}:{}-{}", group.kind.as_str(), slug, suffix);
                suffix += 1;
            }
            used_ids.push(id.clone());
            Entity {
                id,
                name: canonical,
                kind: group.kind,
                variants: group.names.into_iter().map(|(name, _, _)| name).collect(),
                roles: group.roles,
            }
        })
        .collect();
    (
        entities,
        assignment
            .into_iter()
            .map(|slot| slot.unwrap_or(0))
            .collect(),
    )
}
