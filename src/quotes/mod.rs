//! Stage 3: quotations and their speakers (placeholder until the quotes module lands).

use crate::model::{Person, Quote};
use crate::text::Document;

/// Finds quotes and attributions; may add pronoun/description mentions to `people`.
pub fn find(_doc: &Document, _people: &mut Vec<Person>) -> Vec<Quote> {
    Vec::new()
}
