//! Regex matches with a condition the pattern does not spell: "a quote of 20 to 600
//! characters", "at most 60 characters between these words".
//!
//! Why: a counted repetition of a Unicode class (`[^“”]{20,600}`) compiles into that many
//! copies of the class, and building those automata was the largest part of the first
//! analysis in a fresh service worker. The patterns use `+`/`*?` instead, and this
//! module drops the matches that break the bound, then searches again from just after the
//! dropped match's start, so a shorter match that overlaps it is still found (as the
//! counted pattern would have found it).
//!
//! Example: in "Ana will, as everyone expected after a long and weary winter of talks,
//! finally meet Bo, who will visit in 2027", a gap of at most 60 characters between
//! "will" and the year skips the first "will" and finds the second.

use regex::Captures;

use crate::text::CapturesAt;

/// Every non-overlapping match of `re` in `hay` for which `keep` holds, leftmost first.
pub fn captures_where<'h>(
    re: &impl CapturesAt,
    hay: &'h str,
    keep: impl Fn(&Captures<'h>) -> bool,
) -> Vec<Captures<'h>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at <= hay.len() {
        let Some(c) = re.captures_at(hay, at) else {
            break;
        };
        let Some(m) = c.get(0) else {
            break;
        };
        if keep(&c) {
            // An empty match must still move on.
            at = if m.end() > m.start() {
                m.end()
            } else {
                next_char(hay, m.end())
            };
            out.push(c);
        } else {
            at = next_char(hay, m.start());
        }
    }
    out
}

/// The byte offset of the character after the one at `i` (or past the end).
fn next_char(hay: &str, i: usize) -> usize {
    hay.get(i..)
        .and_then(|s| s.chars().next())
        .map_or(hay.len() + 1, |c| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn a_dropped_match_does_not_hide_an_overlapping_one() {
        let re = Regex::new(r"will(?P<gap>[^.]*?)in (?P<y>\d{4})").unwrap();
        let s = "Ana will, as everyone expected after a long and weary winter of talks, \
                 finally meet Bo, who will visit in 2027";
        let found = captures_where(&re, s, |c| c["gap"].chars().count() <= 60);
        assert_eq!(found.len(), 1);
        assert_eq!(&found[0]["gap"], " visit ");
    }

    #[test]
    fn kept_matches_do_not_overlap_and_all_are_found() {
        let re = Regex::new(r"“(?P<q>[^“”]+)”").unwrap();
        let s = "“no” then “a quote long enough to keep” and “another one that is long”";
        let found = captures_where(&re, s, |c| c["q"].chars().count() >= 20);
        let quotes: Vec<&str> = found
            .iter()
            .map(|c| c.name("q").unwrap().as_str())
            .collect();
        assert_eq!(
            quotes,
            ["a quote long enough to keep", "another one that is long"]
        );
    }

    #[test]
    fn empty_matches_and_multibyte_text_terminate() {
        let re = Regex::new(r"x*").unwrap();
        let found = captures_where(&re, "ééx", |_| true);
        assert_eq!(found.len(), 4, "empty at 0 and 2, \"x\", empty at the end");
        let none = captures_where(&re, "éé", |_| false);
        assert!(none.is_empty());
    }
}
