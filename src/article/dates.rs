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

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Years outside this range are not publication dates of web pages (they are ids,
/// prices or typos).
const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` at the start of a timestamp.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_]|[^\d])").expect("static regex")
});

/// Compact `YYYYMMDD`, optionally followed by a time `HHMMSS` (e.g. `20170113000004`).
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{4})(\d{2})(\d{2})(?:\d{4,6})?\s*$").expect("static regex")
});

/// Epoch seconds (10 digits) or milliseconds (13 digits).
static EPOCH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{10})(\d{3})?\s*$").expect("static regex"));

/// English month names and their usual abbreviations, with their numbers.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const MONTH_ALT: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// "May 12, 2025", "Sept. 3 2024" (month first, US style).
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("static regex")
});

/// "12 May 2025", "3rd of June, 2024" (day first, British style).
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_ALT})\.?,?\s+(\d{{4}})\b"
    ))
    .expect("static regex")
});

/// A numeric ISO date inside running text: "2025-05-12".
static ISO_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("static regex"));

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|&(_, v)| v)
}

/// A date if the parts form a real day in the plausible range.
pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses a machine timestamp from metadata. Falls back to the visible-text forms
/// (some sites put "May 12, 2025" in their metas).
pub fn parse_machine(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(c) = ISO.captures(s) {
        return ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = COMPACT.captures(s) {
        return ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = EPOCH.captures(s) {
        // Epoch stamps carry no local zone; the UTC date is the best reading.
        let secs: i64 = c[1].parse().ok()?;
        let dt = chrono::DateTime::from_timestamp(secs, 0)?;
        let d = dt.date_naive();
        return ymd(
            chrono::Datelike::year(&d),
            chrono::Datelike::month(&d),
            chrono::Datelike::day(&d),
        );
    }
    find_in_text(s).first().map(|&(d, _)| d)
}

/// Every date written out in running text, with its byte offset, in text order.
pub fn find_in_text(s: &str) -> Vec<(NaiveDate, usize)> {
    let mut out = Vec::new();
    for c in MDY.captures_iter(s) {
        if let (Some(m), Ok(d), Ok(y)) = (month_number(&c[1]), c[2].parse(), c[3].parse()) {
            if let Some(date) = ymd(y, m, d) {
                out.push((date, c.get(0).map_or(0, |g| g.start())));
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
