//! The article's dated events in date order: the timeline a reader sees in the side panel.
//!
//! Input: the resolved [`TimeExpr`]s and the [`Document`] they came from. Output: one
//! [`Event`] per expression whose TIMEX3 value names a stretch of the calendar (a day, a
//! week, a month, a quarter, a season, a year, a decade, a century), with the days it
//! covers and the sentence it was said in, sorted by when it happened.
//!
//! Left out on purpose: durations ("three years" says how long, not when), sets
//! ("every Monday"), vague references (`PAST_REF`, `PRESENT_REF`) and anything still
//! holding an `X` (a weekday without a publication date): placing those on a calendar
//! would be a guess the article does not make.
//!
//! Order: by first day; a narrower stretch before a wider one starting the same day
//! (11 May before May); then by time of day; then by position in the text.
//!
//! Example: with dct 2025-05-12, "The talks began in 2024. On Sunday they stalled."
//! gives two events: 2024 (2024-01-01..2024-12-31), then Sunday 2025-05-11.

use crate::model::{TimeExpr, TimeType};
use crate::span::Span;
use crate::text::Document;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// One dated expression placed on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Index into the analysis's `times`.
    pub time: usize,
    /// First and last day the value covers (inclusive).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Minutes after midnight when the value gives a clock time, for ordering within a day.
    pub minute: Option<u32>,
    /// The sentence the expression is in (the expression's own span when none is found).
    pub sentence: Span,
}

/// Builds the timeline of `times` (found in `doc`), in date order.
pub fn build(doc: &Document, times: &[TimeExpr]) -> Vec<Event> {
    let mut events: Vec<Event> = times
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TimeType::Date | TimeType::Time))
        .filter_map(|(i, t)| {
            let (from, to, minute) = calendar_range(t.value.as_deref()?)?;
            let sentence = doc
                .sentence_at(t.span.start)
                .and_then(|s| doc.sentences.get(s).copied())
                .unwrap_or(t.span);
            Some(Event {
                time: i,
                from,
                to,
                minute,
                sentence,
            })
        })
        .collect();
    events.sort_by_key(|e| {
        (
            e.from,
            e.to,
            e.minute.unwrap_or(0),
            e.sentence.start,
            e.time,
        )
    });
    events
}

/// The days a TIMEX3 value covers, and its clock time when it has one; None for values
/// that are not a stretch of the calendar (durations, references, unresolved parts).
///
/// `2025-05-11` → that day; `2025-05-11T15:30` → that day, minute 930;
/// `2025-05-11TEV` → that day (parts of day do not order); `2025-W20` → Monday..Sunday;
/// `2025-W20-WE` → Saturday..Sunday; `2025-05` → the month; `2025-Q2` → April..June;
/// `2025-H1` → January..June; `2025-SU` → June..August (meteorological seasons,
/// northern hemisphere; winter runs into the next year); `2025` → the year;
/// `199` → 1990..1999; `19` → 1900..1999.
pub fn calendar_range(value: &str) -> Option<(NaiveDate, NaiveDate, Option<u32>)> {
    if value.contains('X') || !value.is_ascii() {
        return None;
    }
    let (date_part, clock) = match value.split_once('T') {
        Some((d, t)) => (d, clock_minutes(t)),
        None => (value, None),
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    let num = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = || -> Option<i32> { (parts[0].len() == 4).then(|| num(parts[0])).flatten() };
    let (from, to) = match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)?;
            (ymd(y, 1, 1)?, ymd(y, 12, 31)?)
        }
        [d] if d.len() == 3 => {
            let d = num(d)? * 10;
            (ymd(d, 1, 1)?, ymd(d + 9, 12, 31)?)
        }
        [c] if c.len() == 2 => {
            let c = num(c)? * 100;
            (ymd(c, 1, 1)?, ymd(c + 99, 12, 31)?)
        }
        [_, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => {
            let first = match *s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            months(year()?, first, 3)?
        }
        [_, w] if w.starts_with('W') => iso_week(year()?, num(&w[1..])?)?,
        [_, w, we] if w.starts_with('W') && *we == "WE" => {
            let (monday, _) = iso_week(year()?, num(&w[1..])?)?;
            (monday + Duration::days(5), monday + Duration::days(6))
        }
        [_, w, n] if w.starts_with('W') => {
            let (monday, _) = iso_week(year()?, num(&w[1..])?)?;
            let n = num(n)?;
            if !(1..=7).contains(&n) {
                return None;
            }
            let day = monday + Duration::days(i64::from(n - 1));
            (day, day)
        }
        [_, q] if q.len() == 2 && q.starts_with('Q') => {
            let q = num(&q[1..])?;
            if !(1..=4).contains(&q) {
                return None;
            }
            months(year()?, (q as u32 - 1) * 3 + 1, 3)?
        }
        [_, h] if h.len() == 2 && h.starts_with('H') => match num(&h[1..])? {
            1 => months(year()?, 1, 6)?,
            2 => months(year()?, 7, 6)?,
            _ => return None,
        },
        [_, m] => months(year()?, u32::try_from(num(m)?).ok()?, 1)?,
        [_, m, d] => {
            let day = ymd(
                year()?,
                u32::try_from(num(m)?).ok()?,
                u32::try_from(num(d)?).ok()?,
            )?;
            (day, day)
        }
        _ => return None,
    };
    Some((from, to, clock))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `count` whole months from month `first` of `year` (crossing into the next year if need be).
fn months(year: i32, first: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let from = ymd(year, first, 1)?;
    let after = from.checked_add_months(chrono::Months::new(count))?;
    Some((from, after.pred_opt()?))
}

fn iso_week(year: i32, week: i32) -> Option<(NaiveDate, NaiveDate)> {
    let monday = NaiveDate::from_isoywd_opt(year, u32::try_from(week).ok()?, Weekday::Mon)?;
    debug_assert_eq!(monday.weekday(), Weekday::Mon);
    Some((monday, monday + Duration::days(6)))
}

/// "15:30" → 930; "15" → 900; "MO"/"EV"… (parts of day) → None.
fn clock_minutes(t: &str) -> Option<u32> {
    let mut it = t.split(':');
    let h: u32 = it.next()?.get(..2)?.parse().ok()?;
    let m: u32 = match it.next() {
        Some(m) => m.get(..2)?.parse().ok()?,
        None => 0,
    };
    (h < 24 && m < 60).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn range(v: &str) -> Option<(String, String, Option<u32>)> {
        calendar_range(v).map(|(a, b, m)| (a.to_string(), b.to_string(), m))
    }

    #[test]
    fn values_that_name_a_stretch_of_the_calendar() {
        let cases = [
            ("2025-05-11", "2025-05-11", "2025-05-11", None),
            ("2025-05-11T15:30", "2025-05-11", "2025-05-11", Some(930)),
            ("2025-05-11TEV", "2025-05-11", "2025-05-11", None),
            ("2025-W20", "2025-05-12", "2025-05-18", None),
            ("2025-W20-WE", "2025-05-17", "2025-05-18", None),
            ("2025-W20-3", "2025-05-14", "2025-05-14", None),
            ("2025-05", "2025-05-01", "2025-05-31", None),
            ("2024-02", "2024-02-01", "2024-02-29", None),
            ("2025-Q2", "2025-04-01", "2025-06-30", None),
            ("2025-H2", "2025-07-01", "2025-12-31", None),
            ("2025-WI", "2025-12-01", "2026-02-28", None),
            ("2025", "2025-01-01", "2025-12-31", None),
            ("199", "1990-01-01", "1999-12-31", None),
            ("19", "1900-01-01", "1999-12-31", None),
        ];
        for (v, from, to, minute) in cases {
            assert_eq!(range(v), Some((from.into(), to.into(), minute)), "{v}");
        }
    }

    #[test]
    fn values_that_are_not_on_the_calendar() {
        for v in [
            "P3Y",
            "PRESENT_REF",
            "PAST_REF",
            "XXXX-WXX-7",
            "XXXX-05",
            "2025-13",
            "2025-02-30",
            "2025-Q5",
            "2025-W60",
            "",
            "20255",
            "2025-05-11-12",
            "２０２５",
        ] {
            assert_eq!(range(v), None, "{v}");
        }
    }

    fn expr(text: &str, phrase: &str, kind: TimeType, value: &str) -> TimeExpr {
        let start = text.find(phrase).unwrap();
        TimeExpr {
            span: Span::new(start, start + phrase.len()),
            kind,
            value: Some(value.into()),
            modifier: None,
            label: None,
            basis: None,
        }
    }

    #[test]
    fn events_come_in_date_order_with_their_sentences() {
        let text = "The mill closed on Friday. It opened in 1998. By May the town had voted. \
                    The vote took three weeks.";
        let doc = Document::new(text);
        let times = vec![
            expr(text, "Friday", TimeType::Date, "2025-05-09"),
            expr(text, "1998", TimeType::Date, "1998"),
            expr(text, "May", TimeType::Date, "2025-05"),
            expr(text, "three weeks", TimeType::Duration, "P3W"),
        ];
        let events = build(&doc, &times);
        let order: Vec<usize> = events.iter().map(|e| e.time).collect();
        assert_eq!(
            order,
            vec![1, 2, 0],
            "1998, then May, then 9 May; no duration"
        );
        assert_eq!(events[0].sentence.text(text), "It opened in 1998.");
        assert_eq!(events[2].from, d("2025-05-09"));
    }

    #[test]
    fn the_same_day_orders_by_clock_then_text() {
        let text = "At 15:00 they met. At 09:30 they had argued. That day ended badly.";
        let doc = Document::new(text);
        let times = vec![
            expr(text, "15:00", TimeType::Time, "2025-05-11T15:00"),
            expr(text, "09:30", TimeType::Time, "2025-05-11T09:30"),
            expr(text, "That day", TimeType::Date, "2025-05-11"),
        ];
        let order: Vec<usize> = build(&doc, &times).iter().map(|e| e.time).collect();
        assert_eq!(order, vec![2, 1, 0]);
    }
}
