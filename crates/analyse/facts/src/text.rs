//! Word tokens with byte offsets, shared by every extractor.

/// One token of a sentence: a word, a number, or a single punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The token's text.
    pub text: &'a str,
}

impl Token<'_> {
    /// True for words and numbers, false for punctuation.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// True when the token starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Removes a trailing possessive (`'s`, `’s`, or a bare `'` after s).
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    if (word.ends_with("s'") || word.ends_with("s’")) && word.len() > 2 {
        return word.trim_end_matches(['\'', '’']);
    }
    word
}

fn joins_word(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '‑')
}

/// Splits text into tokens. A word keeps inner hyphens, apostrophes, dots and commas when a
/// letter or digit follows ("U.S", "6,000", "month-long", "Zelensky's"); a comma joins only
/// digits. Everything else that is not a space is a one-character token.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut index = 0;
    while let Some(&(start, c)) = chars.get(index) {
        if c.is_whitespace() {
            index += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            tokens.push(Token {
                start,
                end,
                text: &text[start..end],
            });
            index += 1;
            continue;
        }
        let mut last = index;
        let mut probe = index + 1;
        while let Some(&(_, next)) = chars.get(probe) {
            if next.is_alphanumeric() {
                last = probe;
                probe += 1;
                continue;
            }
            let follows = chars.get(probe + 1).map(|&(_, after)| after);
            let prev = chars.get(last).map(|&(_, before)| before);
            let joins = joins_word(next)
                && follows.is_some_and(char::is_alphanumeric)
                && match next {
                    ',' => {
                        prev.is_some_and(|p| p.is_ascii_digit())
                            && follows.is_some_and(|f| f.is_ascii_digit())
                    }
                    '.' => {
                        // "U.S", "1.5", but not "end.Next"
                        prev.is_some_and(|p| p.is_ascii_digit())
                            && follows.is_some_and(|f| f.is_ascii_digit())
                            || chars_since_break(&chars, last) == 1
                    }
                    _ => true,
                };
            if joins {
                last = probe + 1;
                probe += 2;
            } else {
                break;
            }
        }
        let end = chars
            .get(last)
            .map_or(text.len(), |&(at, ch)| at + ch.len_utf8());
        tokens.push(Token {
            start,
            end,
            text: &text[start..end],
        });
        index = last + 1;
    }
    tokens
}

/// How many alphanumeric characters precede `at` (inclusive) since the last non-alphanumeric.
fn chars_since_break(chars: &[(usize, char)], at: usize) -> usize {
    let mut count = 0;
    let mut index = at as isize;
    while index >= 0 {
        match chars.get(index as usize) {
            Some(&(_, c)) if c.is_alphanumeric() => count += 1,
            _ => break,
        }
        index -= 1;
    }
    count
}

/// Naive English lemma of a plural noun: "bodies" → "body", "children" → "child".
pub fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    const IRREGULAR: &[(&str, &str)] = &[
        ("children", "child"),
        ("people", "people"),
        ("men", "man"),
        ("women", "woman"),
        ("lives", "life"),
        ("wives", "wife"),
        ("feet", "foot"),
        ("teeth", "tooth"),
        ("mice", "mouse"),
        ("geese", "goose"),
        ("series", "series"),
        ("species", "species"),
        ("news", "news"),
        ("civilians", "civilian"),
        ("casualties", "casualty"),
        ("troops", "troop"),
        ("analyses", "analysis"),
        ("crises", "crisis"),
    ];
    if let Some((_, lemma)) = IRREGULAR.iter().find(|(plural, _)| *plural == lower) {
        return (*lemma).to_string();
    }
    if lower.len() > 4 && lower.ends_with("ies") {
        return format!("{}y", &lower[..lower.len() - 3]);
    }
    for suffix in ["ches", "shes", "sses", "xes", "zes"] {
        if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
            return lower[..lower.len() - 2].to_string();
        }
    }
    if lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
    {
        return lower[..lower.len() - 1].to_string();
    }
    lower
}

/// True when a lower-case word looks like a plural noun ("soldiers", "bodies").
pub fn looks_plural(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "children" | "people" | "men" | "women" | "troops" | "police"
    ) || (lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("ous"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_numbers_abbreviations_and_hyphens_whole() {
        assert_eq!(
            words("The U.S. sent 6,000 troops, 1.5 tonnes; a month-long truce."),
            vec![
                "The",
                "U.S",
                ".",
                "sent",
                "6,000",
                "troops",
                ",",
                "1.5",
                "tonnes",
                ";",
                "a",
                "month-long",
                "truce",
                "."
            ]
        );
        assert_eq!(
            words("Zelensky’s “offer”"),
            vec!["Zelensky’s", "“", "offer", "”"]
        );
        assert_eq!(words("ends here.Next"), vec!["ends", "here", ".", "Next"]);
    }

    #[test]
    fn singular_handles_common_plurals() {
        assert_eq!(singular("bodies"), "body");
        assert_eq!(singular("children"), "child");
        assert_eq!(singular("prisoners"), "prisoner");
        assert_eq!(singular("Soldiers"), "soldier");
        assert_eq!(singular("crises"), "crisis");
        assert_eq!(singular("days"), "day");
    }
}
