//! Stage 4: time expressions (placeholder until the time module lands).

use crate::model::TimeExpr;
use crate::text::Document;
use chrono::NaiveDate;

/// Finds time expressions and resolves them against `published` when given.
pub fn find(_doc: &Document, _published: Option<NaiveDate>) -> Vec<TimeExpr> {
    Vec::new()
}
