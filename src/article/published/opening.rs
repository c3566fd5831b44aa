//! The publication date a plain text states at its top, for text that comes without one.
//!
//! Stage: article metadata, used by [`crate::analyze`] only when the caller gave no date
//! (a pasted article, a text file, `lede analyze` without `--published`). Input: the
//! text. Output: a [`Published`] read from one of its first lines, or None.
//!
//! Two shapes are read, the same two a page's body is read for:
//! - a wire dateline opening a line: "WASHINGTON, March 3, 2016 -- The senator…",
//!   "Feb. 23, 2015 — Life-threatening…" (source `dateline`);
//! - a short date line of its own under the headline: "September 01, 2007",
//!   "By Ana Ortiz, 3 March 2016", "Published Tuesday 4 June 2024 10:02 BST" (source
//!   `date line`).
//!
//! A date line is read only when every other word on it is capitalised (a name, a
//! label, a weekday) or a number: "March 3, 2016: the day the dam broke" is a
//! headline about that day, not the day it was written. A line marked as an update
//! ("Updated 5 May 2024") is skipped: the original date anchors the text.

use super::{DATELINE_CITY, DATELINE_MAX_START, DATELINE_TAIL, DATE_LINE_MAX_CHARS, UPDATED};
use crate::article::dates::find_in_text;
use crate::model::Published;
use chrono::NaiveDate;

/// How many non-empty lines, and how many bytes, the top of a text is.
const OPENING_LINES: usize = 5;
const OPENING_BYTES: usize = 800;
/// Trust in a date read from plain text: below the same shapes on a page, where the
/// page's structure confirms the line is a dateline or byline.
const C_TEXT_DATELINE: f32 = 0.70;
const C_TEXT_DATE_LINE: f32 = 0.60;
crate::lexicon::word_set!(
    /// Lower-case words a date line may still carry ("Published on", "at 10:02").
    LINE_WORDS,
    crate::lexicon::PAGE_WORDS,
    "date_line_words"
);

/// The publication date stated at the top of `text`, if one is.
pub fn from_text_opening(text: &str) -> Option<Published> {
    let top = text.get(..floor_char_boundary(text, OPENING_BYTES))?;
    for line in top
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(OPENING_LINES)
    {
        if let Some((date, source, confidence)) = read_line(line) {
            let mut p = Published::given(date, source);
            p.confidence = confidence;
            return Some(p);
        }
    }
    None
}

/// The date one opening line states, with its source and trust.
fn read_line(line: &str) -> Option<(NaiveDate, &'static str, f32)> {
    let &(date, at) = find_in_text(line).first()?;
    let before = line.get(..at)?.trim();
    let rest = line.get(at..)?;
    let year_end = year_end(rest)?;
    let after = rest.get(year_end..)?;
    let is_place = before.is_empty() || (DATELINE_CITY.is_match(before) && before.ends_with(','));
    // A dateline opens the story's first sentence: "— The senator…", not "…: the day".
    let opens_sentence = DATELINE_TAIL.find(after).is_some_and(|m| {
        after[m.end()..]
            .chars()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
    });
    if at <= DATELINE_MAX_START && is_place && opens_sentence {
        return Some((date, "dateline", C_TEXT_DATELINE));
    }
    let updated = UPDATED.is_match(line) && !line.to_ascii_lowercase().contains("publish");
    if line.chars().count() <= DATE_LINE_MAX_CHARS
        && !updated
        && only_names_and_labels(before, after)
    {
        return Some((date, "date line", C_TEXT_DATE_LINE));
    }
    None
}

/// Byte offset just after the four-digit year that ends the date at the start of `rest`
/// (also used by the page's dateline reader).
pub(super) fn year_end(rest: &str) -> Option<usize> {
    let mut digits = 0;
    for (k, c) in rest.char_indices() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        if digits == 4 {
            return Some(k + 1);
        }
    }
    None
}

/// Whether the words around the date are all capitalised, numbers or date-line labels.
fn only_names_and_labels(before: &str, after: &str) -> bool {
    before
        .split_whitespace()
        .chain(after.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || LINE_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// The largest char boundary at or below `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&k| s.is_char_boundary(k)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, String)> {
        from_text_opening(text).map(|p| (p.date.to_string(), p.source))
    }

    /// (text, expected date and source, or None): the firing and non-firing cases.
    const CASES: &[(&str, Option<(&str, &str)>)] = &[
        (
            "Test flight delayed\nSeptember 01, 2007\nThe jet was delayed today.",
            Some(("2007-09-01", "date line")),
        ),
        (
            "WASHINGTON, March 3, 2016 -- The senator said on Monday that he would run.",
            Some(("2016-03-03", "dateline")),
        ),
        (
            "Feb. 23, 2015 — Storms moved east on Sunday.",
            Some(("2015-02-23", "dateline")),
        ),
        (
            "A new bridge\nBy Ana Ortiz, 3 March 2016\nThe bridge opened yesterday.",
            Some(("2016-03-03", "date line")),
        ),
        (
            "Published Tuesday 4 June 2024 10:02 BST\nVoters went to the polls.",
            Some(("2024-06-04", "date line")),
        ),
        // A headline about a day, not the day it was written.
        (
            "March 3, 2016: the day the dam broke\nResidents recall the flood.",
            None,
        ),
        // An update stamp alone does not anchor the text.
        ("Updated 5 May 2024\nThe council met on Friday.", None),
        // A date deep in the body is not an opening date.
        (
            "The council met on Friday to discuss the budget for the coming year, and said it would publish its plans soon after the summer break.\nIt last met on 3 March 2016.",
            None,
        ),
        ("", None),
    ];

    #[test]
    fn reads_the_date_a_text_opens_with() {
        for (text, want) in CASES {
            let want = want.map(|(d, s)| (d.to_string(), s.to_string()));
            assert_eq!(read(text), want, "{text:?}");
        }
    }

    #[test]
    fn never_cuts_a_character() {
        let text = "é".repeat(OPENING_BYTES);
        assert_eq!(read(&text), None);
    }
}
