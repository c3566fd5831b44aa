//! Time zones of places: the local date of a UTC timestamp where a story was filed.
//!
//! Stage: helper of the publication-date stage ([`crate::article::published`]).
//! Input: a dateline city ("PARIS", "San Francisco") or a site locale (`en_GB`), and
//! a UTC instant. Output: the [`Zone`] (IANA name, standard offset, daylight-saving
//! rule from `data/city_zones.tsv`, whose header gives the source) and the local
//! date and time at that instant.
//!
//! ```
//! use chrono::NaiveDate;
//! use lede::time::zone::{city_zone, locale_zone};
//! let utc = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap().and_hms_opt(22, 30, 0).unwrap();
//! let paris = city_zone("PARIS").unwrap();
//! assert_eq!(paris.name, "Europe/Paris");
//! assert_eq!(paris.local(utc).date().to_string(), "2024-06-02"); // 00:30 CEST
//! let ny = locale_zone("en_US").unwrap();
//! assert_eq!(ny.local(utc).date().to_string(), "2024-06-01"); // 18:30 EDT
//! ```

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::{Source, CITY_ZONES, LOCALE_ZONES};

/// The longest city name of the table, in words: how far a dateline is read.
pub const MAX_CITY_WORDS: usize = 4;

/// Daylight-saving rule families (see the header of `data/city_zones.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dst {
    Us,
    Eu,
    Au,
    Nz,
    None,
}

/// A time zone: its IANA name, standard offset and daylight-saving rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    /// Minutes east of UTC outside daylight saving.
    pub standard: i32,
    pub dst: Dst,
}

struct Tables {
    cities: HashMap<&'static str, Zone>,
    locales: HashMap<&'static str, &'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let rows = |src: Source| {
        src.ok_rows()
            .map(|r| r.cols().collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    let mut cities = HashMap::new();
    for r in rows(CITY_ZONES) {
        let (Some(&city), Some(&name), Some(Ok(standard)), Some(&rule)) =
            (r.first(), r.get(1), r.get(2).map(|s| s.parse()), r.get(3))
        else {
            continue;
        };
        let dst = match rule {
            "us" => Dst::Us,
            "eu" => Dst::Eu,
            "au" => Dst::Au,
            "nz" => Dst::Nz,
            _ => Dst::None,
        };
        cities.insert(
            city,
            Zone {
                name,
                standard,
                dst,
            },
        );
    }
    let mut locales = HashMap::new();
    for r in rows(LOCALE_ZONES) {
        if let (Some(&loc), Some(&city)) = (r.first(), r.get(1)) {
            locales.insert(loc, city);
        }
    }
    Tables { cities, locales }
});

/// The zone of a city as a dateline writes it (any case; "WASHINGTON", "São Paulo").
pub fn city_zone(city: &str) -> Option<Zone> {
    let key = city.split_whitespace().collect::<Vec<_>>().join(" ");
    TABLES.cities.get(key.to_lowercase().as_str()).copied()
}

/// The zone standing for a site locale (`en_GB`, `en-gb`, `pt_BR`).
pub fn locale_zone(locale: &str) -> Option<Zone> {
    let key = locale.trim().replace('-', "_").to_ascii_lowercase();
    let city = TABLES.locales.get(key.as_str())?;
    TABLES.cities.get(city).copied()
}

/// The `n`th (1-based) `wd` of a month, or the last one for `n` = 0.
fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u8) -> Option<NaiveDate> {
    if n == 0 {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        }?;
        let mut d = next.pred_opt()?;
        while d.weekday() != wd {
            d = d.pred_opt()?;
        }
        return Some(d);
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n)
}

impl Zone {
    /// True when daylight saving is in force at this UTC instant. Transitions as the
    /// rules state them: 02:00 local (01:00 UTC in the EU); the southern rules' ends
    /// at 03:00 daylight time are taken at 02:00 standard time.
    fn in_dst(&self, utc: NaiveDateTime) -> bool {
        let y = utc.year();
        let std = utc + Duration::minutes(self.standard as i64);
        let at2 = |d: Option<NaiveDate>| d.and_then(|d| d.and_hms_opt(2, 0, 0));
        let sun = Weekday::Sun;
        match self.dst {
            Dst::None => false,
            Dst::Us => {
                let (a, b) = if y >= 2007 {
                    (nth_weekday(y, 3, sun, 2), nth_weekday(y, 11, sun, 1))
                } else {
                    (nth_weekday(y, 4, sun, 1), nth_weekday(y, 10, sun, 0))
                };
                // It ends at 02:00 daylight time, which is 01:00 standard time.
                let b = b.and_then(|d| d.and_hms_opt(1, 0, 0));
                matches!((at2(a), b), (Some(a), Some(b)) if std >= a && std < b)
            }
            Dst::Eu => {
                let at1 = |d: Option<NaiveDate>| d.and_then(|d| d.and_hms_opt(1, 0, 0));
                let (a, b) = (
                    at1(nth_weekday(y, 3, sun, 0)),
                    at1(nth_weekday(y, 10, sun, 0)),
                );
                matches!((a, b), (Some(a), Some(b)) if utc >= a && utc < b)
            }
            // Southern hemisphere: daylight saving spans the new year.
            Dst::Au | Dst::Nz => {
                let start = if self.dst == Dst::Au {
                    nth_weekday(y, 10, sun, 1)
                } else {
                    nth_weekday(y, 9, sun, 0)
                };
                let (a, b) = (at2(start), at2(nth_weekday(y, 4, sun, 1)));
                matches!((a, b), (Some(a), Some(b)) if std >= a || std < b)
            }
        }
    }

    /// Minutes east of UTC at this UTC instant.
    pub fn offset_at(&self, utc: NaiveDateTime) -> i32 {
        self.standard + if self.in_dst(utc) { 60 } else { 0 }
    }

    /// Local date and time at this UTC instant.
    pub fn local(&self, utc: NaiveDateTime) -> NaiveDateTime {
        utc + Duration::minutes(self.offset_at(utc) as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    /// Offsets on both sides of each rule's transitions (IANA tzdata).
    #[test]
    fn offsets_follow_the_rules() {
        let cases = [
            ("new york", "2024-03-10 06:59", -300),
            ("new york", "2024-03-10 07:01", -240),
            ("new york", "2024-11-03 05:59", -240),
            ("new york", "2024-11-03 06:01", -300),
            ("new york", "2006-03-20 12:00", -300), // before 2007: April
            ("los angeles", "2016-07-04 12:00", -420),
            ("london", "2024-03-31 00:59", 0),
            ("london", "2024-03-31 01:01", 60),
            ("paris", "2024-10-27 00:59", 120),
            ("paris", "2024-10-27 01:01", 60),
            ("phoenix", "2024-07-01 12:00", -420),
            ("sydney", "2024-01-15 12:00", 660),
            ("sydney", "2024-07-15 12:00", 600),
            ("auckland", "2024-12-01 12:00", 780),
            ("tokyo", "2024-07-01 12:00", 540),
            ("new delhi", "2024-07-01 12:00", 330),
        ];
        for (city, utc, want) in cases {
            let z = city_zone(city).unwrap_or_else(|| panic!("{city} missing"));
            assert_eq!(z.offset_at(at(utc)), want, "{city} {utc}");
        }
    }

    #[test]
    fn names_as_datelines_write_them() {
        assert_eq!(
            city_zone("SAN  FRANCISCO").map(|z| z.name),
            Some("America/Los_Angeles")
        );
        assert_eq!(
            city_zone("São Paulo").map(|z| z.name),
            Some("America/Sao_Paulo")
        );
        assert_eq!(city_zone("Gotham"), None);
        assert_eq!(locale_zone("en-GB").map(|z| z.name), Some("Europe/London"));
        assert_eq!(locale_zone("xx_YY"), None);
    }

    /// Every locale row names a city of the zone table, and no city has more words
    /// than a dateline is read for.
    #[test]
    fn tables_are_consistent() {
        for (loc, city) in &TABLES.locales {
            assert!(TABLES.cities.contains_key(city), "{loc}: {city}");
        }
        for city in TABLES.cities.keys() {
            assert!(city.split_whitespace().count() <= MAX_CITY_WORDS, "{city}");
        }
    }
}
