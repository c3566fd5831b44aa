//! Case-insensitive matching without case-insensitive patterns.
//!
//! The checks' word patterns ("killed", "rose", "will … in 2027") are written in lower
//! case and run on an ASCII-lower-cased copy of the text. Why: `(?i)` made the regexes
//! about 2.5 times as costly to build (every ASCII letter becomes a class, and `k`/`s`
//! also match the Kelvin sign and the long s), and building them was most of the first
//! analysis in a fresh service worker. ASCII lower-casing keeps every byte offset, so a
//! match in the copy is a match at the same offsets in the text; [`orig`] gives back the
//! text's own spelling of a group.
//!
//! Example: `lower("Two People DIED")` is "two people died"; a match of `died` at 11..15
//! is "DIED" in the original.

use regex::Match;
use std::borrow::Cow;

/// `s` with ASCII letters lower-cased (borrowed when it has none to change).
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The original text of a group matched in `lower(text)`.
pub fn orig<'t>(text: &'t str, m: Match<'_>) -> &'t str {
    text.get(m.range()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn offsets_survive_lower_casing() {
        let text = "Two People DIED in Łódź, ÉMILE said";
        let low = lower(text);
        assert_eq!(low.len(), text.len());
        let re = Regex::new(r"\bdied\b").unwrap();
        let m = re.find(&low).unwrap();
        assert_eq!(orig(text, m), "DIED");
        // Non-ASCII letters keep their case (and their bytes).
        assert!(low.contains("Łódź") && low.contains("Émile"));
    }

    #[test]
    fn nothing_to_change_borrows() {
        assert!(matches!(lower("already lower 2027"), Cow::Borrowed(_)));
    }
}
