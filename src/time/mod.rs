//! Stage 4: time expressions, normalised to TIMEX3 and resolved against the
//! publication date.
//!
//! Input: the [`Document`] and the publication date (dct), if known. Output: one
//! [`TimeExpr`] per expression, in text order, with its TIMEX3 type/value/mod, a
//! label in words and the basis of the value. Steps:
//! [`scan`] (fine tokens) → [`detect`] (grammar; [`sem::Sem`] meanings) →
//! [`tense`] (tense of the clause) → [`resolve`] (calendar values, [`point`]) →
//! [`anchor`] (quoted "tomorrow" counted from the statement's date) → [`label`].
//!
//! Normalisation conventions (TimeML TIMEX3, as TimeBank/TempEval-3 write them):
//!
//! | phrase | value | note |
//! |---|---|---|
//! | "the 1970s", "the '70s", "the seventies" | `197` | decade: the first three digits |
//! | "the 20th century", "the 1900s" | `19` | century: the first two digits ("the 2000s" is the decade `200`) |
//! | "now", "current", "at present" | `PRESENT_REF` | the day itself when a card shows it |
//! | "summer 1961", "last fall" | `1961-SU`, `2024-FA` | seasons SP, SU, FA, WI |
//! | "the third quarter of 2024", "the first half" | `2024-Q3`, `2024-H1` | quarters and halves |
//! | "two decades", "a century" | `P20Y`, `P100Y` | counted decades and centuries in years (TimeBank) |
//! | "decades", "centuries", "a millennium" | `PXDE`, `PXCE`, `P1ML` | vague counts and millennia keep their units |
//! | "half a century", "the last half-century" | `P50Y` | fractions go to the next unit (2.5 years = `P2Y6M`) |
//! | "the past year" | `2024` | the calendar year before, as TimeBank reads it |
//! | "two consecutive quarters", "every quarter" | `P2Q`, `P1Q` | counted quarters keep their unit (TimeBank) |
//! | "(stocks) ended the day", "later in the day" | the day spoken of | else the publication date |
//!
//! The `label` and `basis` of each expression are reader words from [`label`]
//! ("2 years", "the present", "a Thursday (no publication date known)"); a TIMEX code
//! never reaches them. [`not_time`] drops phrases that look like times but are not.
//!
//! Example: with dct 2025-05-12, "She said late Sunday the 30-day truce starts
//! tomorrow." gives "late Sunday" = DATE 2025-05-11 (mod END), "30-day" = DURATION
//! P30D and "tomorrow" = DATE 2025-05-13.

pub mod anchor;
pub mod calendar;
pub mod detect;
pub mod label;
pub mod lexicon;
pub mod not_time;
pub mod point;
pub mod resolve;
pub mod scan;
pub mod sem;
pub mod tense;
pub mod timeline;
pub mod zone;

use crate::model::TimeExpr;
use crate::span::Span;
use crate::text::Document;
use anchor::Item;
use chrono::NaiveDate;
use point::Point;
use resolve::{resolve, Context};
use scan::Tokens;
use sem::{From, Sem};

/// Finds time expressions and resolves them against `published` when given.
pub fn find(doc: &Document, published: Option<NaiveDate>) -> Vec<TimeExpr> {
    let toks = Tokens::new(doc.text);
    let found = not_time::filter(&toks, detect::detect(&toks));
    let mut items: Vec<Item> = Vec::with_capacity(found.len());
    let mut modifiers = Vec::with_capacity(found.len());
    // The last specific time spoken of, with the sentence it was in.
    let mut narrative: Option<(Point, usize)> = None;
    for f in found {
        let (Some(first), Some(last)) = (toks.toks.get(f.start), toks.toks.get(f.end - 1)) else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        let si = doc.sentence_at(span.start).unwrap_or(0);
        let (s0, s1) = match doc.sentences.get(si) {
            Some(s) => (
                toks.toks.partition_point(|t| t.start < s.start),
                toks.toks.partition_point(|t| t.start < s.end),
            ),
            None => (0, toks.len()),
        };
        let tense = tense::tense_at(&toks, s0, s1, f.start, f.end);
        // "a year ago" borrows a quarter's granularity only from the last two sentences.
        let recent = narrative.filter(|(_, s)| si <= s + 2).map(|(p, _)| p);
        let narrative_point = match f.sem {
            Sem::Offset {
                from: From::Now | From::Discussed,
                ..
            } => recent,
            _ => narrative.map(|(p, _)| p),
        };
        let ctx = Context {
            dct: published,
            tense,
            narrative: narrative_point,
        };
        let resolved = resolve(&f.sem, f.modifier, &ctx);
        // Times counted from another time do not move the narrative reference, so two
        // "a year earlier" in a row both count from the period under discussion.
        if let (Some(p), false) = (resolved.point, matches!(f.sem, Sem::Offset { .. })) {
            narrative = Some((p, si));
        }
        modifiers.push(f.modifier);
        items.push(Item {
            span,
            sem: f.sem,
            resolved,
        });
    }
    anchor::anchor_quoted(doc, published, &mut items);
    anchor::anchor_clock_times(doc, &mut items);
    items
        .into_iter()
        .zip(modifiers)
        .map(|(it, modifier)| TimeExpr {
            span: it.span,
            kind: it.resolved.kind,
            value: Some(it.resolved.value.clone()),
            modifier: modifier.map(str::to_string),
            label: label::label(&it.sem, modifier, &it.resolved, published.is_some()),
            basis: label::basis(&it.resolved.basis, published.is_some()),
        })
        .collect()
}

/// Test helper for the families' tables: (text, TIMEX3 value) of every expression
/// [`find`] gives for `text` published on `dct` (YYYY-MM-DD).
#[cfg(test)]
pub(crate) fn values(text: &str, dct: &str) -> Vec<(String, String)> {
    let doc = Document::new(text);
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
    find(&doc, dct)
        .into_iter()
        .map(|t| (doc.slice(t.span).to_string(), t.value.unwrap_or_default()))
        .collect()
}

/// Test helper: asserts that `text` published on `dct` gives exactly `want`.
#[cfg(test)]
pub(crate) fn assert_values(text: &str, dct: &str, want: &[(&str, &str)]) {
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(values(text, dct), want, "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeType;

    fn run(text: &str, dct: Option<&str>) -> Vec<(String, TimeType, String)> {
        let doc = Document::new(text);
        let dct = dct.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        find(&doc, dct)
            .into_iter()
            .map(|t| {
                (
                    doc.slice(t.span).to_string(),
                    t.kind,
                    t.value.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn quoted_tomorrow_counts_from_the_statement() {
        let text = "In a message posted late Sunday, the mayor said the bridge would reopen.\n\
                    “Traffic resumes from tomorrow,” the mayor said.";
        let got = run(text, Some("2025-05-12"));
        assert_eq!(
            got[0],
            ("late Sunday".into(), TimeType::Date, "2025-05-11".into())
        );
        assert_eq!(
            got[1],
            ("tomorrow".into(), TimeType::Date, "2025-05-12".into())
        );
        let e = find(&Document::new(text), NaiveDate::from_ymd_opt(2025, 5, 12));
        assert_eq!(
            e[1].basis.as_deref(),
            Some("relative to the statement of Sunday 11 May 2025")
        );
        assert_eq!(e[0].label.as_deref(), Some("Sunday 11 May 2025, evening"));
    }

    proptest::proptest! {
        /// Any input: no panic, spans on char boundaries, in order, non-overlapping.
        #[test]
        fn never_panics(text in "[ a-zA-Z0-9:/.,'’“”\\-\n]{0,80}|(\\PC{0,40})") {
            let doc = Document::new(&text);
            for dct in [None, NaiveDate::from_ymd_opt(2025, 5, 12), NaiveDate::from_ymd_opt(1, 1, 1)] {
                let found = find(&doc, dct);
                let mut last = 0;
                for t in &found {
                    proptest::prop_assert!(text.get(t.span.start..t.span.end).is_some());
                    proptest::prop_assert!(t.span.start >= last && t.span.start < t.span.end);
                    last = t.span.end;
                }
            }
        }
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        let text = "In 1000, on 31/12/9999, the year 2200 and 12 May 2025, every Monday, 40 centuries ago.";
        for dct in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = find(&Document::new(text), Some(dct));
        }
    }

    /// Hostile numbers: impossible days are not dates, counts beyond a sane range are
    /// not durations, and no number panics or overflows.
    #[test]
    fn impossible_dates_and_huge_counts() {
        let cases: &[(&str, &[&str])] = &[
            // (text, values that must not appear)
            (
                "It happened on February 30, 2024, they said.",
                &["2024-02-30", "2024-02"],
            ),
            (
                "Filed 31 April 2023 and 2023-02-29.",
                &["2023-04-31", "2023-02-29"],
            ),
            (
                "It lasted 18446744073709551616 days.",
                &["P9223372036854775807D"],
            ),
            (
                "Some 99999999999999999999999 years passed.",
                &["P9223372036854775807Y"],
            ),
        ];
        for (text, banned) in cases {
            let got = run(text, Some("2024-03-01"));
            for (_, _, v) in &got {
                assert!(!banned.contains(&v.as_str()), "{text}: {v}");
                assert!(!v.contains("9223372036854775807"), "{text}: {v}");
            }
        }
        // Still dates and durations: a possible leap day, a large but real count.
        let got = run(
            "On February 29, 2024, after 10,000 years.",
            Some("2024-03-01"),
        );
        let values: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        assert_eq!(values, vec!["2024-02-29", "P10000Y"]);
        let got = run(
            "Since 29 February the 30 June 2023 deadline held.",
            Some("2024-03-01"),
        );
        let values: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        assert!(values.contains(&"2023-06-30"), "{values:?}");
    }

    #[test]
    fn any_number_never_panics() {
        let numbers = [
            "0",
            "1",
            "9",
            "31",
            "32",
            "99",
            "1000",
            "2200",
            "9999",
            "10000",
            "65535",
            "4294967296",
            "9223372036854775807",
            "18446744073709551616",
            "1e308",
            "1.5",
            "2,147,483,648",
            "999999999999999999999999999999",
        ];
        let frames = [
            "{n} days",
            "{n} years ago",
            "in {n} centuries",
            "{n} millennia later",
            "May {n}, {n}",
            "{n} May {n}",
            "{n}/{n}/{n}",
            "{n}-{n}-{n}",
            "at {n}:{n}",
            "the {n}s",
            "{n} weeks from now",
            "the {n}th century",
            "Q{n} {n}",
            "{n} hours earlier",
            "every {n} days",
        ];
        for f in frames {
            for a in numbers {
                let text = f.replace("{n}", a);
                for dct in [
                    None,
                    NaiveDate::from_ymd_opt(2025, 5, 12),
                    Some(NaiveDate::MAX),
                    Some(NaiveDate::MIN),
                ] {
                    let _ = find(&Document::new(&text), dct);
                }
            }
        }
    }

    #[test]
    fn without_a_date_weekdays_stay_weekdays() {
        let got = run("The vote was held on Sunday, two days ago.", None);
        assert_eq!(got[0].2, "XXXX-WXX-7");
        let e = find(&Document::new("It rained on Sunday."), None);
        assert_eq!(
            e[0].basis.as_deref(),
            Some("not resolved: no publication date")
        );
        assert_eq!(
            e[0].label.as_deref(),
            Some("a Sunday (no publication date known)")
        );
        assert_eq!(got[1].0, "two days ago");
        assert_eq!(got[1].2, "XXXX-XX-XX");
    }
}
