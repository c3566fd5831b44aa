//! Stage 2: people named in the text (placeholder until the people module lands).

use crate::model::Person;
use crate::text::Document;

/// Finds the people the text names.
pub fn find(_doc: &Document) -> Vec<Person> {
    Vec::new()
}
