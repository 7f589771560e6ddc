//! The crate's integration tests, one binary (each test binary links every dependency, so
//! one per crate keeps the test build small).

mod example_corpus;
mod fixtures;
mod robustness;
mod sentences;
