//! Check: a weekday that does not match the date it is written with.
//!
//! Input: the text ("Monday, May 13, 2025", "Tuesday 14 May", "Friday (March 3)") and the
//! publication date, which supplies the year when the text leaves it out (the nearest
//! year to the publication date). Output: a `weekday-date` flag naming the weekday the
//! date really falls on. Example: "Monday, May 13, 2025" is flagged (a Tuesday); "on
//! Tuesday, May 13" without a publication date or year is not checked.

use super::{Check, Context};
use crate::model::Flag;
use crate::span::Span;
use crate::text::Pattern;
use crate::time::calendar;
use chrono::{Datelike, NaiveDate, Weekday};

pub struct WeekdayDate;

/// A calendar date, month first or day first, year optional, with the groups `run` reads
/// (`m1`/`d1`, `d2`/`m2`, `y`). `day_lead` may stand before a day written first ("the 14th
/// of May" after a weekday).
fn date_pattern(day_lead: &str) -> String {
    // Full names first: an alternation takes the first that matches ("June" before "Jun").
    let months = format!(
        "{}|{}",
        calendar::month_alternation(false),
        calendar::month_abbr_alternation()
    );
    format!(
        r"(?:(?P<m1>{months})[ \t]+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?|{day_lead}(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<m2>{months}))(?-u:\b)\.?(?:,?[ \t]+(?P<y>(?:19|20)[0-9][0-9])(?-u:\b))?"
    )
}

/// "Monday, May 13, 2025" / "Monday 13 May 2025" / "Monday (May 13)".
static RE: Pattern = Pattern::new(|| {
    let days = calendar::weekday_alternation(false);
    format!(
        r"(?-u:\b)(?P<wd>{days}),?[ \t]*\(?[ \t]*{}",
        date_pattern(r"(?:the[ \t]+)?")
    )
});

/// The weekday written after its date, as an appositive: "March 2, a Wednesday", "2 March
/// (a Wednesday)", "March 2, 2023, which was a Wednesday". Same date groups as `RE`.
static RE_AFTER: Pattern = Pattern::new(|| {
    let days = calendar::weekday_alternation(false);
    format!(
        r"(?-u:\b){}(?:,[ \t]*|[ \t]*\([ \t]*)(?:which[ \t]+(?:was|is|will[ \t]+be|falls[ \t]+on)[ \t]+)?an?[ \t]+(?P<wd>{days})(?-u:\b)",
        date_pattern("")
    )
});

fn month(s: &str) -> Option<u32> {
    calendar::month_of_abbr3(s)
}

fn weekday(s: &str) -> Option<Weekday> {
    s.parse().ok()
}

/// The year a yearless date most likely has: the one putting it nearest the publication date.
fn nearest_year(published: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    [published.year() - 1, published.year(), published.year() + 1]
        .iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(*y, m, d))
        .min_by_key(|c| (*c - published).num_days().abs())
}

impl Check for WeekdayDate {
    fn id(&self) -> &'static str {
        "weekday-date"
    }

    fn description(&self) -> &'static str {
        "A weekday does not match the date written with it."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let mut flags = Vec::new();
        for c in RE.captures_iter(text).chain(RE_AFTER.captures_iter(text)) {
            let Some(m0) = c.get(0) else { continue };
            let Some(wd) = c.name("wd").and_then(|w| weekday(w.as_str())) else {
                continue;
            };
            let (Some(mon), Some(day)) = (
                c.name("m1")
                    .or(c.name("m2"))
                    .and_then(|m| month(m.as_str())),
                c.name("d1")
                    .or(c.name("d2"))
                    .and_then(|d| d.as_str().parse::<u32>().ok()),
            ) else {
                continue;
            };
            let (date, stated_year) = match c.name("y").and_then(|y| y.as_str().parse::<i32>().ok())
            {
                Some(y) => (NaiveDate::from_ymd_opt(y, mon, day), true),
                None => (ctx.published.and_then(|p| nearest_year(p, mon, day)), false),
            };
            let Some(date) = date else { continue };
            if date.weekday() == wd {
                continue;
            }
            let passage = m0.as_str().trim_end_matches([',', '.', ' ']);
            let year_note = if stated_year {
                String::new()
            } else {
                format!(
                    " (taking the year {} from the publication date)",
                    date.year()
                )
            };
            flags.push(Flag {
                links: Vec::new(),
                kind: self.id().into(),
                message: format!(
                    "“{passage}”: {} falls on a {}, not a {}{year_note}.",
                    date.format("%-d %B %Y"),
                    date.format("%A"),
                    c.name("wd").map(|w| w.as_str()).unwrap_or("")
                ),
                reason: "a weekday written with a calendar date".into(),
                confidence: if stated_year { 0.9 } else { 0.7 },
                evidence: vec![Span::new(m0.start(), m0.start() + passage.len())],
                fact: Some(format!("{} is a {} (calendar)", date, date.format("%A"))),
            });
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    #[test]
    fn fires_on_wrong_weekday() {
        let t = "The vote was held on Monday, May 13, 2025, in the capital.";
        let f = run_on(&WeekdayDate, t, &[], None);
        assert_eq!(f.len(), 1);
        assert_eq!(evidence(t, &f[0]), vec!["Monday, May 13, 2025"]);
        assert!(f[0].message.contains("Tuesday"));
        // 14 March 2025 is a Friday.
        let t = "Polls open on Thursday 14 March.";
        assert_eq!(run_on(&WeekdayDate, t, &[], Some("2025-03-01")).len(), 1);
        // The weekday written after its date.
        let t = "The report came out on May 13, 2025, a Monday, and was read widely.";
        let f = run_on(&WeekdayDate, t, &[], None);
        assert_eq!(f.len(), 1);
        assert_eq!(evidence(t, &f[0]), vec!["May 13, 2025, a Monday"]);
        let t = "The fair opens on 14 March, which is a Thursday.";
        assert_eq!(run_on(&WeekdayDate, t, &[], Some("2025-03-01")).len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for (t, d) in [
            ("The vote was held on Tuesday, May 13, 2025.", None),
            ("Polls open on Friday 14 March.", Some("2025-03-10")),
            ("Polls open on Friday 14 March.", None),
            ("On Monday, 300 people marched.", Some("2025-03-10")),
            // The weekday after its date, right.
            ("The report came out on May 13, 2025, a Tuesday.", None),
            (
                "The report came out on 14 March (a Friday).",
                Some("2025-03-10"),
            ),
            // The year on the next line is not this date's year.
            (
                "Friday, 14 March\n\n2019 was the last time.",
                Some("2025-03-10"),
            ),
        ] {
            assert!(run_on(&WeekdayDate, t, &[], d).is_empty(), "{t}");
        }
    }
}
