//! Facts in news text: who is named (people, organisations, places), what is counted
//! (quantities with their approximations and scope), when things happen (dates and durations,
//! resolved against the article date) and who said what (direct quotes and quoted fragments
//! with their speakers).
//!
//! Every function is pure and deterministic: text in, values out, no I/O. The rules are
//! generic English news conventions backed by compact lexicons; nothing here knows any
//! particular story.
//!
//! ```
//! use corroborate_facts::{find_quantities, Approximation};
//! let found = find_quantities("Both sides agreed to exchange 1,000 prisoners each.");
//! assert_eq!(found[0].value, Some(1000.0));
//! assert_eq!(found[0].unit.as_deref(), Some("prisoner"));
//! assert_eq!(found[0].approx, Approximation::Exact);
//! ```

mod entities;
mod lexicon;
mod quantities;
mod quotes;
mod text;
mod times;

use serde::{Deserialize, Serialize};

pub use entities::{
    Entity, EntityKind, Mention, find_mentions, is_news_outlet, name_key, resolve_entities,
};
pub use quantities::{Approximation, Quantity, Scope, find_quantities};
pub use quotes::{Quote, find_quotes};
pub use times::{NamedDay, TimeExpr, TimeKind, find_times, recounted_days};

/// A mention span: byte offsets into the sentence or text it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}
