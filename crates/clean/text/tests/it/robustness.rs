//! Invariants on many generated inputs built from the characters that break text code:
//! multi-byte letters, quotes, dots, list markers, odd spaces, control characters, newlines.

use corroborate_text::{clean_text, detect_language, markdown_to_text, normalise, sentences};

/// Pieces the generator strings together.
const PIECES: &[&str] = &[
    "U.S.",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    ".",
    "...",
    "…",
    "?",
    "!",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "- ",
    "* ",
    "1. ",
    "Dr.",
    "p.m.",
    "3.5",
    "Share",
    "Comments",
    "Source: BBC",
    "Київ",
    "Москва",
    "日本",
    "é",
    "e\u{301}",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{7}",
    "\t",
    "Tags:",
    "0",
    "like",
    "What's Your Reaction?",
    "The talks ended",
    "he said",
    "#",
    "**",
    "[",
    "](",
    "> ",
    "`",
    "\u{2029}",
    "\u{85}",
    "Read more:",
    "About the author",
    "😀",
    "\u{200d}",
];

/// A small deterministic xorshift generator: the same inputs on every run.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn text(&mut self) -> String {
        let length = (self.next() % 60) as usize;
        (0..length)
            .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
            .collect()
    }
}

#[test]
fn invariants_hold_on_generated_text() {
    let mut generator = Generator(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3_000 {
        let text = generator.text();

        let normalised = normalise(&text);
        assert_eq!(
            normalise(&normalised),
            normalised,
            "normalise is idempotent for {text:?}"
        );
        assert!(
            !normalised.contains("\n\n\n") && !normalised.contains('\r'),
            "{text:?}"
        );
        assert!(
            !normalised.contains(['\u{200b}', '\u{feff}', '\u{a0}', '\u{7}', '\t']),
            "{text:?}"
        );
        assert_eq!(normalised.trim(), normalised, "{text:?}");

        let cleaned = clean_text(&text, None);
        assert_eq!(
            clean_text(&normalised, None),
            cleaned,
            "normalising first changes nothing: {text:?}"
        );
        assert!(!cleaned.text.contains("\n\n\n"), "{text:?}");
        assert_eq!(cleaned.text.trim(), cleaned.text, "{text:?}");
        let kept_lines = cleaned.text.lines().filter(|line| !line.is_empty()).count();
        let title_lines = usize::from(cleaned.title.is_some());
        assert_eq!(
            kept_lines + cleaned.removed.len() + title_lines,
            normalised.lines().filter(|line| !line.is_empty()).count(),
            "every line is kept, removed or the title: {text:?}"
        );

        let mut previous_end = 0;
        let mut previous_paragraph = 0;
        for sentence in sentences(&text) {
            assert!(
                sentence.start < sentence.end && sentence.end <= text.len(),
                "{text:?}"
            );
            assert!(
                text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end),
                "{text:?}"
            );
            assert!(
                sentence.start >= previous_end && sentence.paragraph >= previous_paragraph,
                "{text:?}"
            );
            assert_eq!(
                sentence.text(&text).trim(),
                sentence.text(&text),
                "{text:?}"
            );
            previous_end = sentence.end;
            previous_paragraph = sentence.paragraph;
        }

        let _ = markdown_to_text(&text);
        let _ = detect_language(&text);
    }
}
