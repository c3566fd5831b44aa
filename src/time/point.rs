//! Calendar points at their stated granularity, with shifting and TIMEX3 formatting.
//!
//! Stage: the value type of [`super::resolve`]. Input: dates and units. Output:
//! TIMEX3 values (`2025-05-11`, `2025-W20`, `2025-Q2`, `199`) and English labels
//! ("Sunday 11 May 2025", "the 1990s"). Example: `Point::Month(2022, 3).value()`
//! is `"2022-03"` and its label is `"March 2022"`.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Day(NaiveDate),
    /// ISO year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    /// First three digits of the years (199 = 1990s).
    Decade(i32),
    /// First two digits (19 = 1900s, the 20th century).
    Century(i32),
}

pub use super::calendar::MONTHS;

pub fn weekday_name(d: Weekday) -> &'static str {
    super::calendar::WEEKDAYS[d.num_days_from_monday() as usize]
}

pub fn weekday_from_iso(n: u32) -> &'static str {
    super::calendar::WEEKDAYS
        .get(n.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("day")
}

fn season_name(code: &str) -> &'static str {
    match code {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        _ => "winter",
    }
}

fn ordinal_word(n: u32) -> &'static str {
    ["first", "second", "third", "fourth"]
        .get(n.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

fn ordinal_suffix(n: i32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The quarter (1-4) of a month.
pub fn quarter_of(month: u32) -> u32 {
    (month.saturating_sub(1)) / 3 + 1
}

impl Point {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// An English reading.
    pub fn label(&self) -> String {
        match *self {
            Point::Day(d) => day_label(d),
            Point::Week(y, w) => match NaiveDate::from_isoywd_opt(y, w, Weekday::Mon) {
                Some(mon) => format!("the week of {}", day_label(mon)),
                None => format!("week {w} of {y}"),
            },
            Point::Weekend(y, w) => match NaiveDate::from_isoywd_opt(y, w, Weekday::Sat) {
                Some(sat) => format!("the weekend of {}", day_label(sat)),
                None => format!("the weekend of week {w}, {y}"),
            },
            Point::Month(y, m) => {
                format!("{} {y}", MONTHS.get(m as usize - 1).copied().unwrap_or("?"))
            }
            Point::Quarter(y, q) => format!("the {} quarter of {y}", ordinal_word(q)),
            Point::Half(y, h) => format!("the {} half of {y}", ordinal_word(h)),
            Point::Season(y, s) => format!("{} {y}", season_name(s)),
            Point::Year(y) => format!("{y}"),
            Point::Decade(d) => format!("the {}0s", d),
            Point::Century(c) => format!("the {}{} century", c + 1, ordinal_suffix(c + 1)),
        }
    }

    /// Reads a TIMEX3 value back: the inverse of [`Point::value`]. None for anything
    /// that is not a calendar point (durations, references, values with an `X`, a clock
    /// time: split that off first) or names no real day ("2025-13", "2025-W60").
    pub fn from_value(v: &str) -> Option<Point> {
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year =
            |s: &str| -> Option<i32> { (s.len() == 4).then(|| num(s)).flatten()?.try_into().ok() };
        let parts: Vec<&str> = v.split('-').collect();
        let point = match parts.as_slice() {
            [y] if y.len() == 4 => Point::Year(year(y)?),
            [d] if d.len() == 3 => Point::Decade(num(d)?.try_into().ok()?),
            [c] if c.len() == 2 => Point::Century(num(c)?.try_into().ok()?),
            [y, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => {
                let code = ["SP", "SU", "FA", "WI"].into_iter().find(|c| c == s)?;
                Point::Season(year(y)?, code)
            }
            [y, w] if w.starts_with('W') => Point::Week(year(y)?, num(&w[1..])?),
            [y, w, "WE"] if w.starts_with('W') => Point::Weekend(year(y)?, num(&w[1..])?),
            [y, q] if q.len() == 2 && q.starts_with('Q') => Point::Quarter(year(y)?, num(&q[1..])?),
            [y, h] if h.len() == 2 && h.starts_with('H') => Point::Half(year(y)?, num(&h[1..])?),
            [y, m] if m.len() == 2 => Point::Month(year(y)?, num(m)?),
            [y, m, d] if m.len() == 2 && d.len() == 2 => {
                Point::Day(NaiveDate::from_ymd_opt(year(y)?, num(m)?, num(d)?)?)
            }
            _ => return None,
        };
        // Only points that name real days.
        point.days().map(|_| point)
    }

    /// The first and last day the point covers. Unlike [`Point::first_day`] (the anchor
    /// for shifting, which takes a season from its year's start), a season is its three
    /// meteorological months in the northern hemisphere: winter runs into the next year.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        let months = |y: i32, first: u32, count: u32| -> Option<(NaiveDate, NaiveDate)> {
            let from = NaiveDate::from_ymd_opt(y, first, 1)?;
            Some((
                from,
                from.checked_add_months(Months::new(count))?.pred_opt()?,
            ))
        };
        match *self {
            Point::Day(d) => Some((d, d)),
            Point::Week(y, w) => {
                let mon = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                Some((mon, mon + Duration::days(6)))
            }
            Point::Weekend(y, w) => {
                let sat = NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
                Some((sat, sat + Duration::days(1)))
            }
            Point::Month(y, m) => months(y, m, 1),
            Point::Quarter(y, q) if (1..=4).contains(&q) => months(y, (q - 1) * 3 + 1, 3),
            Point::Half(y, h) if (1..=2).contains(&h) => months(y, (h - 1) * 6 + 1, 6),
            Point::Season(y, s) => {
                let first = match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                months(y, first, 3)
            }
            Point::Year(y) => months(y, 1, 12),
            Point::Decade(d) => Some((
                NaiveDate::from_ymd_opt(d.checked_mul(10)?, 1, 1)?,
                NaiveDate::from_ymd_opt(d.checked_mul(10)?.checked_add(9)?, 12, 31)?,
            )),
            Point::Century(c) => Some((
                NaiveDate::from_ymd_opt(c.checked_mul(100)?, 1, 1)?,
                NaiveDate::from_ymd_opt(c.checked_mul(100)?.checked_add(99)?, 12, 31)?,
            )),
            Point::Quarter(..) | Point::Half(..) => None,
        }
    }

    /// The first day the point covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            Point::Weekend(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, (h - 1) * 6 + 1, 1),
            Point::Season(y, _) | Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Point::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }

    /// Shifts by `n` units ("D", "W", "M", "Q", "Y", "DE", "CE"). A coarser unit than
    /// the point keeps the point's granularity when it is a quarter, half, month or
    /// season ("a year earlier" than 1989-Q3 is 1988-Q3); otherwise the result has
    /// the unit's granularity ("two weeks ago" → a week).
    pub fn shift(&self, n: i64, unit: &str) -> Option<Point> {
        // Checked: the count comes from the text ("99999999999 years ago").
        let y_shift = match unit {
            "Y" => Some(Some(n)),
            "DE" => Some(n.checked_mul(10)),
            "CE" => Some(n.checked_mul(100)),
            _ => None,
        };
        if let Some(dy) = y_shift {
            let dy = i32::try_from(dy?).ok()?;
            return Some(match *self {
                Point::Quarter(y, q) => Point::Quarter(y.checked_add(dy)?, q),
                Point::Half(y, h) => Point::Half(y.checked_add(dy)?, h),
                Point::Month(y, m) => Point::Month(y.checked_add(dy)?, m),
                Point::Season(y, s) => Point::Season(y.checked_add(dy)?, s),
                Point::Decade(d) if unit == "DE" => Point::Decade(d.checked_add(dy / 10)?),
                Point::Century(c) if unit == "CE" => Point::Century(c.checked_add(dy / 100)?),
                _ => Point::Year(self.first_day()?.year().checked_add(dy)?),
            });
        }
        let day = self.first_day()?;
        match unit {
            "D" => Some(Point::Day(day.checked_add_signed(Duration::try_days(n)?)?)),
            "W" | "2W" => {
                let k = if unit == "2W" { n.checked_mul(2)? } else { n };
                let d = day.checked_add_signed(Duration::try_weeks(k)?)?;
                let iso = d.iso_week();
                Some(Point::Week(iso.year(), iso.week()))
            }
            "M" => {
                let d = add_months(day, n)?;
                Some(Point::Month(d.year(), d.month()))
            }
            "Q" => {
                let (y, q) = match *self {
                    Point::Quarter(y, q) => (y, q),
                    _ => (day.year(), quarter_of(day.month())),
                };
                let idx = (y as i64 * 4 + (q as i64 - 1)).checked_add(n)?;
                Some(Point::Quarter(
                    i32::try_from(idx.div_euclid(4)).ok()?,
                    (idx.rem_euclid(4) + 1) as u32,
                ))
            }
            _ => None,
        }
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// "Sunday 11 May 2025".
pub fn day_label(d: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(d.weekday()),
        d.day(),
        MONTHS[d.month0() as usize],
        d.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_into_the_points_that_wrote_them() {
        let d = NaiveDate::from_ymd_opt(2025, 5, 11).unwrap();
        for p in [
            Point::Day(d),
            Point::Week(2025, 20),
            Point::Weekend(2025, 20),
            Point::Month(2024, 2),
            Point::Quarter(2025, 2),
            Point::Half(2025, 2),
            Point::Season(2025, "WI"),
            Point::Year(2025),
            Point::Decade(199),
            Point::Century(19),
        ] {
            assert_eq!(Point::from_value(&p.value()), Some(p), "{}", p.value());
        }
        for v in [
            "P3Y",
            "PRESENT_REF",
            "XXXX-05",
            "2025-13",
            "2025-02-30",
            "2025-Q5",
            "2025-W60",
            "20255",
            "2025-5",
            "",
        ] {
            assert_eq!(Point::from_value(v), None, "{v}");
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn values_and_labels() {
        assert_eq!(Point::Day(day("2025-05-11")).label(), "Sunday 11 May 2025");
        assert_eq!(Point::Decade(199).value(), "199");
        assert_eq!(Point::Decade(199).label(), "the 1990s");
        assert_eq!(Point::Week(2025, 3).value(), "2025-W03");
        assert_eq!(Point::Century(19).label(), "the 20th century");
        assert_eq!(
            Point::Quarter(2025, 2).label(),
            "the second quarter of 2025"
        );
    }

    #[test]
    fn huge_shifts_fail_quietly() {
        let p = Point::Day(day("2025-05-12"));
        for unit in ["D", "W", "2W", "M", "Q", "Y", "DE", "CE"] {
            assert_eq!(p.shift(i64::MAX, unit), None);
            assert_eq!(p.shift(i64::MIN + 1, unit), None);
        }
    }

    #[test]
    fn shifting_keeps_fine_granularity_for_years() {
        assert_eq!(
            Point::Quarter(1989, 3).shift(-1, "Y"),
            Some(Point::Quarter(1988, 3))
        );
        assert_eq!(
            Point::Day(day("2025-05-12")).shift(-1, "Y"),
            Some(Point::Year(2024))
        );
        assert_eq!(
            Point::Day(day("2025-05-12")).shift(-2, "D"),
            Some(Point::Day(day("2025-05-10")))
        );
        assert_eq!(
            Point::Day(day("2025-01-10")).shift(-1, "Q"),
            Some(Point::Quarter(2024, 4))
        );
        assert_eq!(
            Point::Day(day("2025-05-12")).shift(-1, "W"),
            Some(Point::Week(2025, 19))
        );
    }
}
