//! Date strings of web pages to calendar dates: a helper of the publication-date stage.
//!
//! Input: a machine timestamp from metadata (`2025-05-12T10:00:00-04:00`,
//! `2025-05-12 10:00:00.000000`, `20250512`, `Mon, 12 May 2025 10:00:00 GMT`, epoch
//! seconds) or visible text ("Updated 3:45 PM EDT, Mon May 12, 2025", "12 May 2025").
//! Output: the calendar date **as written** — the local date of the timestamp, never
//! converted to UTC (a story stamped 23:30-05:00 was published that evening, locally).
//!
//! ```
//! use lede::article::dates::parse_machine;
//! let d = parse_machine("2025-05-12T23:30:00-05:00").unwrap();
//! assert_eq!(d.to_string(), "2025-05-12");
//! ```

use crate::text::Pattern;
use chrono::{NaiveDate, NaiveTime};

/// Years outside this range are not publication dates of web pages (they are ids,
/// prices or typos).
const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` at the start of a timestamp, with the
/// clock time and zone when given (`T10:00:00.123-04:00`, ` 10:00:00 Z`, `+0100`).
static ISO: Pattern = Pattern::new(|| {
    r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s_]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?(?:$|[^\d])".into()
});

/// Compact `YYYYMMDD`, optionally followed by a time `HHMMSS` (e.g. `20170113000004`).
static COMPACT: Pattern = Pattern::new(|| r"^\s*(\d{4})(\d{2})(\d{2})(?:\d{4,6})?\s*$".into());

/// Epoch seconds (10 digits) or milliseconds (13 digits).
static EPOCH: Pattern = Pattern::new(|| r"^\s*(\d{10})(\d{3})?\s*$".into());

/// The names of [`crate::time::calendar`] and their usual abbreviations, as one compact pattern.
const MONTH_ALT: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// "May 12, 2025", "Sept. 3 2024" (month first, US style). A month may also follow
/// a lower-case letter directly, as when a page glues a label to its date ("Yahoo
/// FinanceOctober 13, 2016"); [`find_in_text`] keeps that reading only for a
/// capitalised month after a lower-case letter.
static MDY: Pattern = Pattern::new(|| {
    format!(r"(?i)(?:\b|[a-z])({MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
});

/// "12 May 2025", "3rd of June, 2024" (day first, British style).
static DMY: Pattern = Pattern::new(|| {
    format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_ALT})\.?,?\s+(\d{{4}})\b")
});

/// A numeric ISO date inside running text: "2025-05-12".
static ISO_IN_TEXT: Pattern = Pattern::new(|| r"\b(\d{4})-(\d{2})-(\d{2})\b".into());

/// A numeric date in text: `03/14/2016`, `14.03.2016`, `14/3/2016` (one separator
/// throughout; not part of a longer number or a version such as `1.2.3.2016`).
static NUMERIC_IN_TEXT: Pattern =
    Pattern::new(|| r"(?:^|[^\d./])(\d{1,2})([./])(\d{1,2})[./](\d{4})(?:$|[^\d./])".into());

/// Which part of a numeric date comes first, as the site's country writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// Not known: only dates whose order is beyond doubt are read.
    Unknown,
    /// `04/05/2016` is 5 April (the United States, the Philippines).
    MonthFirst,
    /// `04/05/2016` is 4 May (most of the world).
    DayFirst,
}

impl NumericOrder {
    /// The order of a locale such as `en_US`, `en-GB`, `fr_FR` (from `og:locale`).
    pub fn of_locale(locale: &str) -> NumericOrder {
        let country = locale.rsplit(['_', '-']).next().unwrap_or("");
        if country.len() != 2 || country.len() == locale.len() {
            return NumericOrder::Unknown;
        }
        if ["US", "PH", "FM", "PW", "MH"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(country))
        {
            NumericOrder::MonthFirst
        } else {
            NumericOrder::DayFirst
        }
    }
}

/// Day and month of a numeric date: beyond doubt when one part is over 12 (`14/03`,
/// `03/14`) or both are the same (`03/03`); otherwise only when the site's order is
/// known (`04/05/2016` is April or May depending on the country).
fn numeric_day_month(a: u32, b: u32, order: NumericOrder) -> Option<(u32, u32)> {
    match (a, b) {
        _ if a == b => Some((a, b)),
        _ if a > 12 && b <= 12 => Some((a, b)),
        _ if b > 12 && a <= 12 => Some((b, a)),
        _ if a > 12 || b > 12 => None,
        _ => match order {
            NumericOrder::Unknown => None,
            NumericOrder::MonthFirst => Some((b, a)),
            NumericOrder::DayFirst => Some((a, b)),
        },
    }
}

/// A month name or its usual abbreviation ("Sept.", "jan") → its number.
fn month_number(name: &str) -> Option<u32> {
    crate::time::calendar::month_of_word(name.trim_end_matches('.'))
}

/// A date if the parts form a real day in the plausible range.
pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A timestamp as written: its calendar date, and the clock time and UTC offset
/// when it states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Minutes east of UTC; `Some(0)` for `Z`/`UTC`/`GMT`, `None` when unstated.
    pub offset: Option<i32>,
}

impl Stamp {
    /// True when the stamp is a UTC instant (a clock time with `Z` or `+00:00`):
    /// its date may not be the local date where the story was written.
    pub fn is_utc(&self) -> bool {
        self.time.is_some() && self.offset == Some(0)
    }
}

/// Minutes east of UTC in `Z`, `UTC`, `GMT`, `+01`, `-0430`, `+05:30`.
fn zone_minutes(z: &str) -> Option<i32> {
    if matches!(z, "Z" | "UTC" | "GMT") {
        return Some(0);
    }
    let sign = if z.starts_with('-') { -1 } else { 1 };
    let digits: String = z.chars().filter(char::is_ascii_digit).collect();
    let h: i32 = digits.get(..2)?.parse().ok()?;
    let m: i32 = digits.get(2..4).map_or(Some(0), |m| m.parse().ok())?;
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Parses a machine timestamp from metadata. Falls back to the visible-text forms
/// (some sites put "May 12, 2025" in their metas).
pub fn parse_machine(s: &str) -> Option<NaiveDate> {
    parse_stamp(s).map(|s| s.date)
}

/// Like [`parse_machine`], keeping the clock time and offset when the stamp has them.
pub fn parse_stamp(s: &str) -> Option<Stamp> {
    let s = s.trim();
    let date_only = |date| Stamp {
        date,
        time: None,
        offset: None,
    };
    if let Some(c) = ISO.captures(s) {
        let date = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let time = match (num(4), num(5)) {
            (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, num(6).unwrap_or(0)),
            _ => None,
        };
        let offset = c.get(7).and_then(|z| zone_minutes(z.as_str()));
        return Some(Stamp { date, time, offset });
    }
    if let Some(c) = COMPACT.captures(s) {
        return ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?).map(date_only);
    }
    if let Some(c) = EPOCH.captures(s) {
        // Epoch stamps are UTC instants.
        let secs: i64 = c[1].parse().ok()?;
        let dt = chrono::DateTime::from_timestamp(secs, 0)?.naive_utc();
        let d = dt.date();
        let date = ymd(
            chrono::Datelike::year(&d),
            chrono::Datelike::month(&d),
            chrono::Datelike::day(&d),
        )?;
        return Some(Stamp {
            date,
            time: Some(dt.time()),
            offset: Some(0),
        });
    }
    find_in_text(s).first().map(|&(d, _)| date_only(d))
}

/// Every date written out in running text, with its byte offset, in text order.
pub fn find_in_text(s: &str) -> Vec<(NaiveDate, usize)> {
    find_in_text_ordered(s, NumericOrder::Unknown)
}

/// Like [`find_in_text`], reading ambiguous numeric dates in the site's `order`.
pub fn find_in_text_ordered(s: &str, order: NumericOrder) -> Vec<(NaiveDate, usize)> {
    let mut out = Vec::new();
    for c in MDY.captures_iter(s) {
        let (Some(whole), Some(month)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if whole.start() < month.start() {
            // Glued to a word: "FinanceOctober", not "remarch" or "dismay".
            let before = s[..month.start()].chars().next_back();
            let first = month.as_str().chars().next();
            if !(before.is_some_and(|b| b.is_ascii_lowercase())
                && first.is_some_and(|f| f.is_ascii_uppercase()))
            {
                continue;
            }
        }
        if let (Some(m), Ok(d), Ok(y)) = (month_number(&c[1]), c[2].parse(), c[3].parse()) {
            if let Some(date) = ymd(y, m, d) {
                out.push((date, month.start()));
            }
        }
    }
    for c in DMY.captures_iter(s) {
        if let (Some(m), Ok(d), Ok(y)) = (month_number(&c[2]), c[1].parse(), c[3].parse()) {
            if let Some(date) = ymd(y, m, d) {
                out.push((date, c.get(0).map_or(0, |g| g.start())));
            }
        }
    }
    for c in ISO_IN_TEXT.captures_iter(s) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(date) = ymd(y, m, d) {
                out.push((date, c.get(0).map_or(0, |g| g.start())));
            }
        }
    }
    for c in NUMERIC_IN_TEXT.captures_iter(s) {
        let (Some(first), Ok(a), Ok(b), Ok(y)) =
            (c.get(1), c[1].parse(), c[3].parse(), c[4].parse())
        else {
            continue;
        };
        // A dotted date must be a whole token: "v1.12.2016" is a version, not a day.
        if &c[2] == "." && s[..first.start()].ends_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        if let Some((d, m)) = numeric_day_month(a, b, order) {
            if let Some(date) = ymd(y, m, d) {
                out.push((date, first.start()));
            }
        }
    }
    out.sort_by_key(|&(_, at)| at);
    out.dedup_by_key(|&mut (_, at)| at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> String {
        parse_machine(s).map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn numeric_dates_in_text_only_when_the_order_is_certain() {
        let found = |s: &str| {
            find_in_text(s)
                .iter()
                .map(|(d, _)| d.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("Published 14/03/2016"), ["2016-03-14"]);
        assert_eq!(found("Posted 03/14/2016 at noon"), ["2016-03-14"]);
        assert_eq!(found("Published 3.3.2016"), ["2016-03-03"]);
        // April or May depends on the country: not read unless the site says which.
        assert!(found("Published 04/05/2016").is_empty());
        let ordered = |s: &str, loc: &str| {
            find_in_text_ordered(s, NumericOrder::of_locale(loc))
                .first()
                .map(|(d, _)| d.to_string())
        };
        assert_eq!(
            ordered("04/05/2016", "en_US").as_deref(),
            Some("2016-04-05")
        );
        assert_eq!(
            ordered("04/05/2016", "en_GB").as_deref(),
            Some("2016-05-04")
        );
        assert_eq!(
            ordered("04/05/2016", "fr-FR").as_deref(),
            Some("2016-05-04")
        );
        assert_eq!(ordered("04/05/2016", "en").as_deref(), None);
        // Scores, versions and fractions are not dates.
        assert!(found("Version 1.12.2016.4").is_empty());
        assert!(found("won 13/14 2016 titles").is_empty());
    }

    #[test]
    fn machine_forms_keep_local_date() {
        assert_eq!(d("2024-02-29T23:59:00-08:00"), "2024-02-29");
        assert_eq!(d("2024-02-29T00:30:00+09:00"), "2024-02-29");
        assert_eq!(d("2019-11-03 03:01:00.000000"), "2019-11-03");
        assert_eq!(d("2019/11/03"), "2019-11-03");
        assert_eq!(d("20191103"), "2019-11-03");
        assert_eq!(d("20191103101500"), "2019-11-03");
        assert_eq!(d("1573776000"), "2019-11-15");
        assert_eq!(d("Fri, 15 Nov 2019 10:00:00 GMT"), "2019-11-15");
        assert_eq!(d("November 15, 2019"), "2019-11-15");
    }

    #[test]
    fn stamps_keep_time_and_offset() {
        let st = |s: &str| {
            parse_stamp(s).map(|s| {
                format!(
                    "{} {} {:?}",
                    s.date,
                    s.time.map(|t| t.to_string()).unwrap_or_default(),
                    s.offset
                )
            })
        };
        assert_eq!(
            st("2016-10-13T17:00:03.000Z").as_deref(),
            Some("2016-10-13 17:00:03 Some(0)")
        );
        assert_eq!(
            st("2017-01-18T23:00:00-0800").as_deref(),
            Some("2017-01-18 23:00:00 Some(-480)")
        );
        assert_eq!(
            st("2015-02-01 05:36:09").as_deref(),
            Some("2015-02-01 05:36:09 None")
        );
        assert_eq!(st("2015-02-01").as_deref(), Some("2015-02-01  None"));
        assert_eq!(
            st("1437712569").as_deref(),
            Some("2015-07-24 04:36:09 Some(0)")
        );
        assert!(parse_stamp("2015-03-11T19:46:14Z").is_some_and(|s| s.is_utc()));
        assert!(!parse_stamp("2015-03-11T19:46:14+05:30").is_some_and(|s| s.is_utc()));
    }

    #[test]
    fn glued_month_names() {
        let ds = |s: &str| -> Vec<String> {
            find_in_text(s).iter().map(|(d, _)| d.to_string()).collect()
        };
        assert_eq!(ds("Yahoo FinanceOctober 13, 2016"), vec!["2016-10-13"]);
        assert!(ds("to their dismay 12, 2016").is_empty());
        assert!(ds("Remarch 3, 2015").is_empty());
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(d("comment_date"), "");
        assert_eq!(d("2019-13-40"), "");
        assert_eq!(d("0000-00-00"), "");
        assert_eq!(d("12345"), "");
        assert_eq!(d(""), "");
    }

    #[test]
    fn visible_text_dates() {
        let found =
            find_in_text("Updated 9:12 AM CET, Tue Mar 4, 2025 · first posted 2 March 2025");
        let ds: Vec<String> = found.iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(ds, vec!["2025-03-04", "2025-03-02"]);
        let ds: Vec<String> = find_in_text("Sept. 9th, 2021 by Lin Okafor")
            .iter()
            .map(|(d, _)| d.to_string())
            .collect();
        assert_eq!(ds, vec!["2021-09-09"]);
    }
}
