//! Plain-text cleaning for corroborate: remove web junk (share buttons, reaction widgets,
//! comment forms, promos, author boxes, tag lines, repeated titles, site furniture) from text,
//! normalise Unicode and whitespace, detect the language and split sentences.
//!
//! [`clean_text`] is used for text and Markdown inputs (after [`markdown_to_text`]) and as a
//! last pass over text extracted from HTML.
//!
//! ```
//! use corroborate_text::{clean_text, detect_language, sentences};
//!
//! let raw = "Talks Stall in Istanbul\n\nThe talks lasted an hour. Dr. Smith left at 3 p.m. on Friday.\n\n- Get link\n- X\n\nComments";
//! let cleaned = clean_text(raw, None);
//! assert_eq!(cleaned.title.as_deref(), Some("Talks Stall in Istanbul"));
//! assert_eq!(cleaned.text, "The talks lasted an hour. Dr. Smith left at 3 p.m. on Friday.");
//! assert_eq!(cleaned.removed.len(), 3);
//! assert_eq!(sentences(&cleaned.text).len(), 2);
//! assert_eq!(detect_language(&cleaned.text).as_deref(), Some("en"));
//! ```

mod clean;
mod language;
mod lexicon;
mod markdown;
mod normalise;
mod sentences;

pub use clean::{CleanedText, clean_text};
pub use language::detect_language;
pub use lexicon::CALENDAR_WORDS;
pub use markdown::markdown_to_text;
pub use normalise::normalise;
pub use sentences::{Sentence, sentences};
