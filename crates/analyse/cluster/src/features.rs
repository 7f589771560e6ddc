//! Turning an article into weighted features: word stems, named entities and numbers.
//!
//! Weights are sublinear term frequency times an inverse document frequency taken from a
//! background table shipped with the crate (`data/background-df.tsv`, built from the `wordfreq`
//! English list by `data/make_background.py`), so an article's vector does not depend on which
//! other articles happen to be clustered with it.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use corroborate_model::Article;
use rust_stemmers::{Algorithm, Stemmer};

use crate::ClusterOptions;

/// Approximate English inverse document frequencies, `word<TAB>ln(1/df)`, most frequent first.
const BACKGROUND: &str = include_str!("../data/background-df.tsv");

/// Words rarer than the table get this much, a little above the rarest listed word.
const UNKNOWN_IDF: f32 = 10.5;

/// Function words ("the", "but", "new") are stripped from the ends of capitalised runs.
const FUNCTION_WORD_IDF: f32 = 1.5;

/// A capitalised single word opening a sentence is taken for a name only when rarer than this:
/// "However" or "Officials" at a sentence start are not names, "Umerov" is.
const SENTENCE_START_NAME_IDF: f32 = 4.0;

/// How a feature of an article is named: by its term id when the vocabulary already holds its
/// key, else by the key (namespace letter + normalised text) and how it reads to a person.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FeatureKey {
    /// A key the vocabulary held when the article was read.
    Known(u32),
    /// A key new to the vocabulary.
    New {
        /// Namespace letter + normalised text.
        key: String,
        /// How it reads to a person.
        display: String,
    },
}

/// One feature of an article: its key and its weight.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawFeature {
    pub key: FeatureKey,
    /// Sublinear term frequency times the namespace weight; the idf is applied by the caller.
    pub weight: f32,
    /// Background inverse document frequency.
    pub idf: f32,
}

/// The rows of the background table: each listed word with its idf.
fn background_rows() -> impl Iterator<Item = (&'static str, f64)> {
    BACKGROUND
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (word, idf) = line.split_once('\t')?;
            Some((word, idf.trim().parse().ok()?))
        })
}

/// Stem → inverse document frequency. Several words share a stem, so their document
/// frequencies are combined as independent events: df = 1 - Π(1 - df_word).
fn background() -> &'static HashMap<String, f32> {
    static TABLE: OnceLock<HashMap<String, f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut absent_share: HashMap<String, f64> = HashMap::new();
        for (word, idf) in background_rows() {
            let document_frequency = (-idf).exp().clamp(0.0, 1.0);
            let stem = stemmer.stem(word).into_owned();
            let share = absent_share.entry(stem).or_insert(1.0);
            *share *= 1.0 - document_frequency;
        }
        absent_share
            .into_iter()
            .map(|(stem, absent)| {
                let document_frequency = (1.0 - absent).max(1e-9);
                (stem, (1.0 / document_frequency).ln() as f32)
            })
            .collect()
    })
}

/// The background inverse document frequency of a stem.
fn stem_idf(stem: &str) -> f32 {
    background().get(stem).copied().unwrap_or(UNKNOWN_IDF)
}

/// The background inverse document frequency of a lower-case word as listed ("prisoners"
/// 4.68, where its stem "prison" shares the frequency of "prison"), else of its stem.
pub(crate) fn word_idf(word: &str) -> f32 {
    static WORDS: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        background_rows()
            .map(|(word, idf)| (word, idf as f32))
            .collect()
    });
    words
        .get(word)
        .copied()
        .unwrap_or_else(|| with_stem(&Stemmer::create(Algorithm::English), word, |_, idf| idf))
}

/// Stems repeat across articles: remember them per thread, up to a bound on memory.
const STEM_CACHE_LIMIT: usize = 200_000;

/// What the stem cache keeps per lowercase word: the word's feature key (`w` + stem) and the
/// stem's background idf.
struct CachedStem {
    key: String,
    idf: f32,
}

thread_local! {
    static STEM_CACHE: std::cell::RefCell<FxHashMap<String, CachedStem>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// Calls `use_stem` with the feature key (`w` + stem) of a lowercase word and its background
/// idf; the key is borrowed from a per-thread cache, so a repeated word costs one lookup.
fn with_stem<R>(stemmer: &Stemmer, lower: &str, use_stem: impl FnOnce(&str, f32) -> R) -> R {
    STEM_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(found) = cache.get(lower) {
            return use_stem(&found.key, found.idf);
        }
        if cache.len() >= STEM_CACHE_LIMIT {
            cache.clear();
        }
        let stem = stemmer.stem(lower);
        let idf = stem_idf(&stem);
        let key = format!("w{stem}");
        let result = use_stem(&key, idf);
        cache.insert(lower.to_string(), CachedStem { key, idf });
        result
    })
}

/// A token of the text with what the entity finder needs to know about its surroundings.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    /// Only spaces separate it from the previous token (no punctuation, no line break).
    joined_to_previous: bool,
    /// First token of a sentence, a line or a text.
    sentence_start: bool,
}

/// Splits text into alphanumeric tokens; a number keeps its inner separators ("6,000", "2.5").
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut found = Vec::new();
    let mut start: Option<usize> = None;
    let mut joined = false;
    let mut sentence_start = true;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((index, character)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let inside_number = matches!(character, ',' | '.')
            && previous.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        if character.is_alphanumeric() || (start.is_some() && inside_number) {
            if start.is_none() {
                start = Some(index);
            }
        } else {
            if let Some(begin) = start.take() {
                found.push(Token {
                    text: text.get(begin..index).unwrap_or(""),
                    joined_to_previous: joined,
                    sentence_start,
                });
                sentence_start = false;
                joined = true;
            }
            match character {
                '.' | '!' | '?' | '\n' | ':' | ';' | '"' | '“' | '”' | '|' => {
                    joined = false;
                    if matches!(character, '.' | '!' | '?' | '\n' | ':' | '|') {
                        sentence_start = true;
                    }
                }
                c if c.is_whitespace() => {}
                _ => joined = false,
            }
        }
        previous = Some(character);
    }
    if let Some(begin) = start {
        found.push(Token {
            text: text.get(begin..).unwrap_or(""),
            joined_to_previous: joined,
            sentence_start,
        });
    }
    found
}

/// Name-like: an uppercase first letter and some letter after it ("Umerov", "NATO"), or a
/// single capital letter ("U" of "U.S.").
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_alphabetic)
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// One feature's tally within an article.
struct Tally {
    count: f32,
    idf: f32,
    namespace_weight: f32,
}

/// Accumulates counts per feature over the fields of one article.
struct Counts<'a> {
    /// Key → term id of the features already known (read-only while articles are read).
    vocabulary: &'a FxHashMap<String, u32>,
    known: FxHashMap<u32, Tally>,
    /// Features new to the vocabulary, with their display.
    new: FxHashMap<String, (Tally, String)>,
    /// Scratch buffers reused across tokens, so reading a token allocates nothing.
    lower: String,
    key: String,
}

impl<'a> Counts<'a> {
    fn new(vocabulary: &'a FxHashMap<String, u32>) -> Self {
        Self {
            vocabulary,
            known: FxHashMap::default(),
            new: FxHashMap::default(),
            lower: String::new(),
            key: String::new(),
        }
    }

    /// Counts `amount` for `key`; the first occurrence's idf and display are kept, and the
    /// key and display are copied only for a feature new to the vocabulary and the article.
    fn add(
        &mut self,
        key: &str,
        idf: f32,
        namespace_weight: f32,
        amount: f32,
        display: impl FnOnce() -> String,
    ) {
        let fresh = || Tally {
            count: 0.0,
            idf,
            namespace_weight,
        };
        let tally = match self.vocabulary.get(key) {
            Some(&term) => self.known.entry(term).or_insert_with(fresh),
            None => {
                if !self.new.contains_key(key) {
                    self.new.insert(key.to_string(), (fresh(), display()));
                }
                match self.new.get_mut(key) {
                    Some((tally, _)) => tally,
                    None => return,
                }
            }
        };
        tally.count += amount;
    }
}

/// Writes the lowercase form of `word` into `out` (cleared first).
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    push_lowercase(word, out);
}

/// Appends the lowercase form of `word` to `out`.
fn push_lowercase(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        // `str::to_lowercase` knows the context rules (a word-final sigma) that per-character
        // lowering misses.
        out.push_str(&word.to_lowercase());
    }
}

/// Reads words, entities and numbers of one field into `counts`, each occurrence worth
/// `amount` (the title counts more than the body).
fn count_field(
    text: &str,
    amount: f32,
    options: &ClusterOptions,
    stemmer: &Stemmer,
    counts: &mut Counts<'_>,
) {
    let tokens = tokens(text);
    let limit = tokens.len().min(options.max_tokens);
    let tokens = tokens.get(..limit).unwrap_or(&[]);
    let mut run: Vec<(&str, f32, bool)> = Vec::new();
    let mut lower = std::mem::take(&mut counts.lower);
    let mut key = std::mem::take(&mut counts.key);
    for token in tokens {
        let word = token.text;
        lowercase_into(word, &mut lower);
        let has_digit = word.bytes().any(|b| b.is_ascii_digit());
        let all_digits = word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        let mut word_idf = 0.0;
        if all_digits {
            key.clear();
            key.push('n');
            key.extend(word.chars().filter(|c| *c != ','));
            let normalised_end = key.trim_end_matches('.').len();
            key.truncate(normalised_end);
            // Small counts ("2 days") say little about which happening it is.
            if key.len() >= 3 {
                counts.add(
                    &key,
                    options.number_idf,
                    options.number_weight,
                    amount,
                    || word.to_string(),
                );
            }
        } else if has_digit {
            key.clear();
            key.push('w');
            key.push_str(&lower);
            counts.add(&key, UNKNOWN_IDF, 1.0, amount, || lower.clone());
        } else if lower.chars().nth(1).is_some() {
            word_idf = with_stem(stemmer, &lower, |stem_key, idf| {
                if idf >= options.min_word_idf {
                    counts.add(stem_key, idf, 1.0, amount, || lower.clone());
                }
                idf
            });
        }
        // Entities: maximal runs of capitalised words separated only by spaces.
        let capitalised = !has_digit && is_capitalised(word);
        if !capitalised || !token.joined_to_previous {
            flush_entity(&mut run, amount, options, counts, &mut key);
        }
        if capitalised {
            run.push((word, word_idf, token.sentence_start));
        }
    }
    flush_entity(&mut run, amount, options, counts, &mut key);
    counts.lower = lower;
    counts.key = key;
}

/// Emits the entity of a run of capitalised words, normalised to lowercase, without function
/// words at its ends; a multi-word name also emits its last word, since later mentions
/// usually use the surname alone ("Rustem Umerov" … "Umerov"). `key` is scratch space.
fn flush_entity(
    run: &mut Vec<(&str, f32, bool)>,
    amount: f32,
    options: &ClusterOptions,
    counts: &mut Counts<'_>,
    key: &mut String,
) {
    let mut words: &[(&str, f32, bool)] = run;
    while let Some((first, rest)) = words.split_first() {
        if first.1 < FUNCTION_WORD_IDF {
            words = rest;
        } else {
            break;
        }
    }
    while let Some((last, rest)) = words.split_last() {
        if last.1 < FUNCTION_WORD_IDF {
            words = rest;
        } else {
            break;
        }
    }
    if let [(_, idf, sentence_start)] = words
        && *sentence_start
        && *idf < SENTENCE_START_NAME_IDF
    {
        run.clear();
        return;
    }
    if !words.is_empty() {
        let idf = words.iter().map(|w| w.1).fold(0.0_f32, f32::max);
        key.clear();
        key.push('e');
        for (position, word) in words.iter().enumerate() {
            if position > 0 {
                key.push(' ');
            }
            push_lowercase(word.0, key);
        }
        counts.add(key, idf, options.entity_weight, amount, || {
            words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ")
        });
        if let [.., (last, last_idf, _)] = words
            && words.len() > 1
            && *last_idf >= SENTENCE_START_NAME_IDF
        {
            key.clear();
            key.push('e');
            push_lowercase(last, key);
            counts.add(key, *last_idf, options.entity_weight, amount, || {
                last.to_string()
            });
        }
    }
    run.clear();
}

/// The features of an article: title occurrences count `title_weight` times a body
/// occurrence; weight = (1 + ln tf) × namespace weight, with the background idf beside it.
/// Keys found in `vocabulary` come as their term ids (in no set order), new keys after them,
/// sorted by key so that interning them is deterministic.
/// Without `read_body`, only the title is read (the body is a template, see [`template_key`]).
pub(crate) fn article_features(
    article: &Article,
    options: &ClusterOptions,
    read_body: bool,
    vocabulary: &FxHashMap<String, u32>,
) -> Vec<RawFeature> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut counts = Counts::new(vocabulary);
    if let Some(title) = &article.title {
        count_field(title, options.title_weight, options, &stemmer, &mut counts);
    }
    if read_body {
        count_field(&article.text, 1.0, options, &stemmer, &mut counts);
    }
    let weight = |tally: &Tally| (1.0 + tally.count.max(1.0).ln()) * tally.namespace_weight;
    let mut features: Vec<RawFeature> = counts
        .known
        .iter()
        .map(|(&term, tally)| RawFeature {
            key: FeatureKey::Known(term),
            weight: weight(tally),
            idf: tally.idf,
        })
        .filter(|feature| feature.weight > 0.0 && feature.idf > 0.0)
        .collect();
    let mut new: Vec<(String, (Tally, String))> = counts.new.into_iter().collect();
    new.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    features.extend(
        new.into_iter()
            .map(|(key, (tally, display))| RawFeature {
                weight: weight(&tally),
                idf: tally.idf,
                key: FeatureKey::New { key, display },
            })
            .filter(|feature| feature.weight > 0.0 && feature.idf > 0.0),
    );
    features
}

/// Texts longer than this are never taken for templates: a long text repeated verbatim is a
/// syndicated report (one wire story printed by many outlets), not page furniture.
const TEMPLATE_MAX_CHARS: usize = 1000;

/// A key for a short text (its lowercase words, hashed), so verbatim repeats can be counted:
/// a short text that many articles carry word for word ("Tweet with a location…", an archive's
/// crawl notice, a paywall note) is a template of the page, not the report. `None` for long
/// or wordless texts.
pub(crate) fn template_key(text: &str) -> Option<u64> {
    if text.chars().count() > TEMPLATE_MAX_CHARS {
        return None;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()).then(|| xxhash_rust::xxh3::xxh3_64(words.join(" ").as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::ArticleId;

    fn keys(text: &str) -> Vec<String> {
        let article = Article::new(ArticleId::new("t"), text);
        article_features(
            &article,
            &ClusterOptions::default(),
            true,
            &FxHashMap::default(),
        )
        .into_iter()
        .filter_map(|f| match f.key {
            FeatureKey::New { key, .. } => Some(key),
            FeatureKey::Known(_) => None,
        })
        .collect()
    }

    #[test]
    fn entities_numbers_and_stems() {
        let found = keys(
            "However, Defense Minister Rustem Umerov said 6,000 bodies would return. Umerov spoke.",
        );
        assert!(
            found.contains(&"edefense minister rustem umerov".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"eumerov".to_string()), "{found:?}");
        assert!(found.contains(&"n6000".to_string()), "{found:?}");
        assert!(found.contains(&"wbodi".to_string()), "{found:?}");
        assert!(!found.iter().any(|k| k == "ehowever"), "{found:?}");
        assert!(!found.iter().any(|k| k == "wthe"), "{found:?}");
    }

    #[test]
    fn template_keys_ignore_case_and_spacing_but_not_words() {
        let notice = "Tweet with a location \n\n You can add location information to your Tweets.";
        let same = "tweet with a location. You can add location information to your tweets";
        assert_eq!(template_key(notice), template_key(same));
        assert_ne!(
            template_key(notice),
            template_key("Tweet with a location: you can add your city.")
        );
        assert_eq!(template_key(" ... "), None);
        assert_eq!(template_key(&"Long report text. ".repeat(80)), None);
    }

    #[test]
    fn background_ranks_rare_words_higher() {
        assert!(stem_idf("istanbul") > stem_idf("talk"));
        assert!(stem_idf("talk") > stem_idf("the"));
        assert_eq!(stem_idf("qqqzzzx"), UNKNOWN_IDF);
    }

    #[test]
    fn empty_and_odd_text_give_no_panic() {
        assert!(keys("").is_empty());
        assert!(keys("... ,,, 1.").is_empty());
        let _ = keys("É. 1,2,3 '’ «x» 10.5.");
    }
}
