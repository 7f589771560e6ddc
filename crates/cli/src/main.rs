//! The `corroborate` command-line program.
fn main() {}
