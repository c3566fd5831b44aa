//! Stage 5: inconsistency checks (placeholder until the checks land).

use crate::model::{Flag, Person, Quote, TimeExpr};
use crate::text::Document;
use chrono::NaiveDate;

/// What every check may look at.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub people: &'a [Person],
    pub quotes: &'a [Quote],
    pub times: &'a [TimeExpr],
    pub published: Option<NaiveDate>,
}

/// Runs every check.
pub fn run(_ctx: &Context) -> Vec<Flag> {
    Vec::new()
}
