//! The crate's integration tests, one binary (each test binary links every dependency, so
//! one per crate keeps the test build small).

mod example_corpus;
mod fixtures;
mod head_metadata;
mod robustness;
mod sentences;
