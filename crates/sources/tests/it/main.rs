//! The crate's integration tests, one binary (each test binary links every dependency, so
//! one per crate keeps the test build small).

mod fetch;
mod formats;
