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

use super::point::{Point, MONTHS};
use crate::model::{TimeExpr, TimeType};
use crate::span::Span;
use crate::text::Document;
use chrono::{Datelike, NaiveDate};

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
    /// The heading a reader sees for the stretch ("11 May 2025", "May 2025", "2024",
    /// "1990–1999"): the engine names the dates so the extension holds no month names.
    pub heading: String,
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
                heading: heading(from, to, t.label.as_deref()),
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
/// The date part is read by [`Point::from_value`], the inverse of the value the time
/// stage wrote, and its days by [`Point::days`].
///
/// `2025-05-11T15:30` → that day, minute 930; `2025-05-11TEV` → that day (parts of day
/// do not order); `2025-W20` → Monday..Sunday; `2025-SU` → June..August; `199` →
/// 1990..1999.
pub fn calendar_range(value: &str) -> Option<(NaiveDate, NaiveDate, Option<u32>)> {
    let (date_part, clock) = match value.split_once('T') {
        Some((d, t)) => (d, clock_minutes(t)),
        None => (value, None),
    };
    let (from, to) = Point::from_value(date_part)?.days()?;
    Some((from, to, clock))
}

/// The heading of a stretch from `from` to `to` (inclusive). A single day takes the
/// expression's own label up to its first comma when that names a year ("Sunday 11 May
/// 2025, evening" → "Sunday 11 May 2025"), so the weekday the article used stays; whole
/// years, decades and months are named as such; anything else is a range of days.
pub fn heading(from: NaiveDate, to: NaiveDate, label: Option<&str>) -> String {
    let day = |d: NaiveDate| format!("{} {} {}", d.day(), month_name(d), d.year());
    if from == to {
        if let Some(head) = label.map(|l| l.split(',').next().unwrap_or(l).trim()) {
            let has_year = head
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit));
            if has_year {
                return head.to_string();
            }
        }
        return day(from);
    }
    let whole_years = from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31;
    if whole_years {
        return if from.year() == to.year() {
            from.year().to_string()
        } else {
            format!("{}–{}", from.year(), to.year())
        };
    }
    let last_of_month = to.succ_opt().is_some_and(|n| n.day() == 1);
    if from.day() == 1 && last_of_month {
        return match (from.year() == to.year(), from.month() == to.month()) {
            (true, true) => format!("{} {}", month_name(from), from.year()),
            (true, false) => format!("{}–{} {}", month_name(from), month_name(to), from.year()),
            _ => format!(
                "{} {} – {} {}",
                month_name(from),
                from.year(),
                month_name(to),
                to.year()
            ),
        };
    }
    format!("{} – {}", day(from), day(to))
}

fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
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
    fn headings_name_days_months_years_and_ranges() {
        let h = |a: &str, b: &str, label: Option<&str>| heading(d(a), d(b), label);
        assert_eq!(h("2025-05-11", "2025-05-11", None), "11 May 2025");
        let label = Some("Sunday 11 May 2025, evening");
        assert_eq!(h("2025-05-11", "2025-05-11", label), "Sunday 11 May 2025");
        assert_eq!(h("2025-05-11", "2025-05-11", Some("Sunday")), "11 May 2025");
        assert_eq!(h("2025-05-01", "2025-05-31", None), "May 2025");
        assert_eq!(h("2024-02-01", "2024-02-29", None), "February 2024");
        assert_eq!(h("2025-06-01", "2025-08-31", None), "June–August 2025");
        assert_eq!(
            h("2025-12-01", "2026-02-28", None),
            "December 2025 – February 2026"
        );
        assert_eq!(h("2024-01-01", "2024-12-31", None), "2024");
        assert_eq!(h("1990-01-01", "1999-12-31", None), "1990–1999");
        assert_eq!(
            h("2025-05-12", "2025-05-18", None),
            "12 May 2025 – 18 May 2025"
        );
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
