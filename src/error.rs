//! Errors the core can return. Odd prose never errors: it just yields fewer findings.
//! Input past [`crate::MAX_TEXT_BYTES`] is not an error either: it is cut at a paragraph
//! and the cut is reported in `truncated_at`; a line of `lede batch` that is not the
//! documented JSON is the CLI's own error (`src/bin/lede/input.rs`), not the core's.

use std::fmt;

/// What went wrong, and what the caller can do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The publication date was not a calendar date in `YYYY-MM-DD` form.
    /// Pass a date like `2025-05-12`, or none at all.
    InvalidPublishedDate(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidPublishedDate(s) => {
                write!(f, "publication date {s:?} is not a date like 2025-05-12")
            }
        }
    }
}

impl std::error::Error for Error {}
