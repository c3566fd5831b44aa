//! The `lede` command line (lands with the CLI).
fn main() {}
