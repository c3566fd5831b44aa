//! Errors the core can return. Odd prose never errors: it just yields fewer findings.

use std::fmt;

/// What went wrong, and what the caller can do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The publication date was not a calendar date in `YYYY-MM-DD` form.
    /// Pass a date like `2025-05-12`, or none at all.
    InvalidPublishedDate(String),
    /// The input is larger than the engine accepts in one call (`limit` bytes).
    /// Split the text, or pass only the article body.
    TooLarge { len: usize, limit: usize },
    /// A batch line could not be read as the documented JSON shape.
    /// Fix the line; the other lines are still processed.
    BadInput(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidPublishedDate(s) => {
                write!(f, "publication date {s:?} is not a date like 2025-05-12")
            }
            Error::TooLarge { len, limit } => write!(
                f,
                "input is {len} bytes, more than the {limit}-byte limit; pass the article body only or split it"
            ),
            Error::BadInput(s) => write!(f, "bad input: {s}"),
        }
    }
}

impl std::error::Error for Error {}
