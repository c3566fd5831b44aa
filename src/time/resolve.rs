//! Anchors a detected expression to the calendar.
//!
//! Stage: third step of [`super::find`]. Input: a [`Sem`], the publication date
//! (dct), the clause's [`Tense`] and the time the text last spoke of (narrative
//! reference). Output: [`Resolved`] — TIMEX3 type and value, the calendar point
//! and how it was obtained. Rules: past tense → the most recent such day on or
//! before the dct; future or present → the next one on or after it; "last"/"next"
//! → strictly before/after; "a year earlier"/"the day before" count from the
//! narrative reference, "two days ago" from the dct. Without a dct, weekdays stay
//! `XXXX-WXX-7` and relative dates stay unresolved (`XXXX-XX-XX`).
//!
//! Example: "late Sunday" in a past-tense clause with dct 2025-05-12 → 2025-05-11.

use super::detect::duration_value;
use super::point::{quarter_of, Point};
use super::sem::{From, Rel, Sem};
use super::tense::Tense;
use crate::model::TimeType;
use chrono::{Datelike, Duration, NaiveDate};

/// How a value was obtained.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// Fully stated in the text.
    Stated,
    /// Counted from the publication date with the clause's tense.
    Published(NaiveDate, Tense),
    /// Counted from a time mentioned earlier in the text.
    Narrative(Point),
    /// Counted from the date of the statement the expression is quoted from.
    Statement(NaiveDate),
    /// A clock time on the day its sentence names ("Tuesday … at 18:00 UTC").
    SameSentence(NaiveDate),
    /// No anchor available.
    Unresolved,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimeType,
    pub value: String,
    /// The calendar point, when the value is one.
    pub point: Option<Point>,
    /// Part of day code ("EV") or clock time ("15:00") for TIME values.
    pub time_of_day: Option<String>,
    pub basis: Basis,
}

/// What resolution may look at besides the expression.
pub struct Context {
    pub dct: Option<NaiveDate>,
    pub tense: Tense,
    /// The last specific time the text spoke of before this expression.
    pub narrative: Option<Point>,
}

/// Direction a bare weekday/month is taken in.
#[derive(Clone, Copy, PartialEq)]
enum Dir {
    /// On or before the dct.
    Back,
    /// On or after the dct.
    Forward,
    StrictBack,
    StrictForward,
}

fn dir_for(rel: Rel, tense: Tense) -> Dir {
    match rel {
        Rel::Last => Dir::StrictBack,
        Rel::Next => Dir::StrictForward,
        Rel::This | Rel::Bare => match tense {
            Tense::Future => Dir::Forward,
            Tense::Present if rel == Rel::This => Dir::Forward,
            Tense::Present => Dir::Back,
            Tense::Past => Dir::Back,
            Tense::Unknown if rel == Rel::This => Dir::Forward,
            Tense::Unknown => Dir::Back,
        },
    }
}

fn date_basis(ctx: &Context, dct: NaiveDate) -> Basis {
    Basis::Published(dct, ctx.tense)
}

fn date(point: Point, basis: Basis) -> Resolved {
    Resolved {
        kind: TimeType::Date,
        value: point.value(),
        point: Some(point),
        time_of_day: None,
        basis,
    }
}

fn unresolved(kind: TimeType, value: String) -> Resolved {
    Resolved {
        kind,
        value,
        point: None,
        time_of_day: None,
        basis: Basis::Unresolved,
    }
}

/// The weekday `dow` (ISO) nearest to `dct` in direction `dir`.
fn weekday_near(dct: NaiveDate, dow: u32, dir: Dir) -> Option<NaiveDate> {
    let cur = dct.weekday().number_from_monday() as i64;
    let dow = dow as i64;
    let back = (cur - dow).rem_euclid(7);
    let fwd = (dow - cur).rem_euclid(7);
    let days = match dir {
        Dir::Back => -back,
        Dir::StrictBack => -(if back == 0 { 7 } else { back }),
        Dir::Forward => fwd,
        Dir::StrictForward => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
    };
    dct.checked_add_signed(Duration::try_days(days)?)
}

/// Year for a month(-day) without a year, seen from `dct` in direction `dir`.
fn year_for(dct: NaiveDate, m: u32, d: Option<u32>, dir: Dir) -> i32 {
    let y = dct.year();
    let here = (dct.month(), d.map(|_| dct.day()).unwrap_or(0));
    let there = (m, d.unwrap_or(0));
    match dir {
        Dir::Back if there > here => y - 1,
        Dir::StrictBack if there >= here => y - 1,
        Dir::Forward if there < here => y + 1,
        Dir::StrictForward if there <= here => y + 1,
        _ => y,
    }
}

/// Resolves one expression.
pub fn resolve(sem: &Sem, modifier: Option<&str>, ctx: &Context) -> Resolved {
    let _ = modifier;
    let dct = ctx.dct;
    match sem {
        Sem::Date { y: Some(y), m, d } => match d {
            Some(d) => match NaiveDate::from_ymd_opt(*y, *m, *d) {
                Some(day) => date(Point::Day(day), Basis::Stated),
                None => unresolved(TimeType::Date, format!("{y:04}-{m:02}-{d:02}")),
            },
            None => date(Point::Month(*y, *m), Basis::Stated),
        },
        Sem::SlashDate { y, first, second } => {
            let day_first = NaiveDate::from_ymd_opt(*y, *second, *first);
            let month_first = NaiveDate::from_ymd_opt(*y, *first, *second);
            let far = |day: NaiveDate, dct: NaiveDate| (day - dct).num_days().abs();
            // "7/8/07" in a text of 9 July 2007 is 8 July (US order); with no date to
            // compare, day first.
            let pick = match (dct, day_first, month_first) {
                (Some(dct), Some(a), Some(b)) if far(b, dct) < far(a, dct) => Some(b),
                (_, Some(a), _) => Some(a),
                (_, None, b) => b,
            };
            match pick {
                Some(day) => date(Point::Day(day), Basis::Stated),
                None => unresolved(TimeType::Date, format!("{y:04}-XX-XX")),
            }
        }
        Sem::Date { y: None, m, d } => {
            let Some(dct) = dct else {
                let v = match d {
                    Some(d) => format!("XXXX-{m:02}-{d:02}"),
                    None => format!("XXXX-{m:02}"),
                };
                return unresolved(TimeType::Date, v);
            };
            let y = closest_year(dct, *m, d.unwrap_or(15), ctx.tense);
            let point = match d.and_then(|d| NaiveDate::from_ymd_opt(y, *m, d)) {
                Some(day) => Point::Day(day),
                None => Point::Month(y, *m),
            };
            date(point, date_basis(ctx, dct))
        }
        Sem::Month { m, rel } => {
            let Some(dct) = dct else {
                return unresolved(TimeType::Date, format!("XXXX-{m:02}"));
            };
            let dir = match rel {
                Rel::This => Dir::Back,
                _ => dir_for(*rel, ctx.tense),
            };
            let y = match rel {
                Rel::This => dct.year(),
                Rel::Bare => closest_year(dct, *m, 15, ctx.tense),
                _ => year_for(dct, *m, None, dir),
            };
            date(Point::Month(y, *m), date_basis(ctx, dct))
        }
        Sem::WeekdayDate { m, d, dow } => {
            let Some(dct) = dct else {
                return unresolved(TimeType::Date, format!("XXXX-{m:02}-{d:02}"));
            };
            // The nearest year (within three either way) where that day has that weekday.
            let y = (0..=3)
                .flat_map(|k| [dct.year() + k, dct.year() - k])
                .find(|y| {
                    NaiveDate::from_ymd_opt(*y, *m, *d)
                        .is_some_and(|day| day.weekday().number_from_monday() == *dow)
                })
                .unwrap_or_else(|| closest_year(dct, *m, *d, ctx.tense));
            match NaiveDate::from_ymd_opt(y, *m, *d) {
                Some(day) => date(Point::Day(day), date_basis(ctx, dct)),
                None => unresolved(TimeType::Date, format!("XXXX-{m:02}-{d:02}")),
            }
        }
        Sem::MonthIn { m, yoff } => match dct {
            Some(dct) => date(Point::Month(dct.year() + yoff, *m), date_basis(ctx, dct)),
            None => unresolved(TimeType::Date, format!("XXXX-{m:02}")),
        },
        Sem::Year(y) => date(Point::Year(*y), Basis::Stated),
        Sem::Decade(d) => date(Point::Decade(*d), Basis::Stated),
        Sem::ShortDecade(d) => {
            let century = match dct {
                Some(dct) if 2000 + d * 10 <= dct.year() => 200,
                _ => 190,
            };
            let basis = match dct {
                Some(dct) => date_basis(ctx, dct),
                None => Basis::Stated,
            };
            date(Point::Decade(century + d), basis)
        }
        Sem::Century(c) => date(Point::Century(*c), Basis::Stated),
        Sem::Holiday { md, year } => {
            let parts: Vec<u32> = md.split('-').filter_map(|p| p.parse().ok()).collect();
            let on = |y: i32| -> Option<NaiveDate> {
                match parts[..] {
                    [m, d] => NaiveDate::from_ymd_opt(y, m, d),
                    // The n-th weekday of a month (Thanksgiving: 4th Thursday of November).
                    [m, wd, n] => {
                        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                        let lead =
                            (wd as i64 - first.weekday().number_from_monday() as i64).rem_euclid(7);
                        first.checked_add_signed(Duration::try_days(lead + 7 * (n as i64 - 1))?)
                    }
                    _ => None,
                }
            };
            // Unresolved: "XXXX-12-25", or "XXXX-11-XX" for a floating holiday.
            let md = match parts[..] {
                [m, d] => format!("{m:02}-{d:02}"),
                [m, ..] => format!("{m:02}-XX"),
                _ => "XX-XX".to_string(),
            };
            match (year, dct) {
                (Some(y), _) => match on(*y) {
                    Some(day) => date(Point::Day(day), Basis::Stated),
                    None => unresolved(TimeType::Date, format!("XXXX-{md}")),
                },
                (None, Some(dct)) => match on(closest_year(
                    dct,
                    parts.first().copied().unwrap_or(1),
                    15,
                    ctx.tense,
                )) {
                    Some(day) => date(Point::Day(day), date_basis(ctx, dct)),
                    None => unresolved(TimeType::Date, format!("XXXX-{md}")),
                },
                (None, None) => unresolved(TimeType::Date, format!("XXXX-{md}")),
            }
        }
        Sem::Weekday { dow, rel } => match dct {
            Some(dct) => match weekday_near(dct, *dow, dir_for(*rel, ctx.tense)) {
                Some(day) => date(Point::Day(day), date_basis(ctx, dct)),
                None => unresolved(TimeType::Date, format!("XXXX-WXX-{dow}")),
            },
            None => unresolved(TimeType::Date, format!("XXXX-WXX-{dow}")),
        },
        Sem::Season { code, year, rel } => match (year, dct) {
            (Some(y), _) => date(Point::Season(*y, code), Basis::Stated),
            (None, Some(dct)) => {
                // A bare season follows the tense: "will air in the fall", said in
                // December, is next year's; "began in the summer", said in March, last
                // year's. (Winter spans the new year and stays in the dct's year.)
                let months = match *code {
                    "SP" => Some((3, 5)),
                    "SU" => Some((6, 8)),
                    "FA" => Some((9, 11)),
                    _ => None,
                };
                let bare_shift = match (rel, months, ctx.tense) {
                    (Rel::Bare, Some((_, last)), Tense::Future) if dct.month() > last => 1,
                    (Rel::Bare, Some((first, _)), Tense::Past) if dct.month() < first => -1,
                    _ => 0,
                };
                let y = dct.year()
                    + match rel {
                        Rel::Last => -1,
                        Rel::Next => 1,
                        _ => bare_shift,
                    };
                date(Point::Season(y, code), date_basis(ctx, dct))
            }
            (None, None) => unresolved(TimeType::Date, format!("XXXX-{code}")),
        },
        Sem::Quarter { q, year, rel, half } => resolve_quarter(*q, *year, *rel, *half, ctx),
        Sem::RelDay(off) => match dct {
            Some(dct) => match dct.checked_add_signed(Duration::days(*off)) {
                Some(day) => date(Point::Day(day), date_basis(ctx, dct)),
                None => unresolved(TimeType::Date, "XXXX-XX-XX".into()),
            },
            None => unresolved(TimeType::Date, "XXXX-XX-XX".into()),
        },
        Sem::RelUnit { unit, off } => {
            let Some(dct) = dct else {
                return unresolved(TimeType::Date, unresolved_unit(unit));
            };
            let here = Point::Day(dct);
            let point = match *unit {
                "WE" => {
                    // A bare "the weekend" in the past tense is the one before the dct.
                    let off = if *off == 0
                        && ctx.tense == Tense::Past
                        && dct.weekday().number_from_monday() < 6
                    {
                        -1
                    } else {
                        *off
                    };
                    here.shift(off, "W").map(|p| match p {
                        Point::Week(y, w) => Point::Weekend(y, w),
                        p => p,
                    })
                }
                "Y" => Some(Point::Year(dct.year() + *off as i32)),
                "DE" => Some(Point::Decade(dct.year() / 10 + *off as i32)),
                "CE" => Some(Point::Century(dct.year() / 100 + *off as i32)),
                u => here.shift(*off, u),
            };
            match point {
                Some(p) => date(p, date_basis(ctx, dct)),
                None => unresolved(TimeType::Date, unresolved_unit(unit)),
            }
        }
        Sem::Offset {
            n,
            unit,
            sign,
            from,
        } => {
            let Some(n) = n else {
                let r = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Resolved {
                    basis: Basis::Stated,
                    ..unresolved(TimeType::Date, r.into())
                };
            };
            // Clock units count in whole days: "three hours ago" is still the day of
            // publication, "48 hours earlier" two days before.
            // A fractional count moves to the next smaller unit ("a year and a half
            // ago" is 18 months back, "half a century ago" five decades back), so it
            // is never rounded to a whole unit.
            let fractional = n.fract() != 0.0;
            let part_century = fractional && *unit == "CE";
            let (steps, unit) = match *unit {
                "TH" => ((n / 24.0).floor() as i64 * sign, "D"),
                "TM" | "TS" => (0, "D"),
                "Y" if fractional => (((n * 12.0).round() as i64) * sign, "M"),
                "DE" if fractional => (((n * 10.0).round() as i64) * sign, "Y"),
                "CE" if fractional => (((n * 10.0).round() as i64) * sign, "DE"),
                "M" if fractional => (((n * 30.0).round() as i64) * sign, "D"),
                "W" if fractional => (((n * 7.0).round() as i64) * sign, "D"),
                u => ((n.round() as i64) * sign, u),
            };
            let (anchor, basis) = match (from, ctx.narrative, dct) {
                (From::Narrative, Some(p), _) => (p, Basis::Narrative(p)),
                (From::Discussed, Some(p @ Point::Day(_)), _) => (p, Basis::Narrative(p)),
                // "the year-ago period" compares with a reported period (a quarter, a
                // half or a month: "sales rose in February from the same period last
                // year"), never one still to come ("losses through the third quarter
                // of 1990").
                (From::Period, Some(p @ (Point::Quarter(..) | Point::Half(..))), dct)
                    if dct.is_none_or(|dct| p.first_day().is_some_and(|d| d <= dct)) =>
                {
                    (p, Basis::Narrative(p))
                }
                // A month counts only once it is over ("earlier this month" is not a
                // reported period).
                (From::Period, Some(p @ Point::Month(y, m)), Some(dct))
                    if (y, m) < (dct.year(), dct.month()) =>
                {
                    (p, Basis::Narrative(p))
                }
                (From::Period, _, Some(dct)) => {
                    let last_quarter = Point::Day(dct).shift(-1, "Q");
                    match last_quarter {
                        Some(p) => (p, date_basis(ctx, dct)),
                        None => return unresolved(TimeType::Date, unresolved_unit(unit)),
                    }
                }
                // "a year ago" in a text about a quarter: the same quarter a year before.
                (From::Now, Some(p @ Point::Quarter(..)), Some(dct))
                    if *unit == *"Y" && p.first_day().is_some_and(|d| d <= dct) =>
                {
                    (p, Basis::Narrative(p))
                }
                (_, _, Some(dct)) => (Point::Day(dct), date_basis(ctx, dct)),
                _ => return unresolved(TimeType::Date, unresolved_unit(unit)),
            };
            let shifted = match (anchor, *from, unit) {
                // "that year", "that quarter": the unit containing the time spoken of.
                (_, _, u) if steps == 0 => coarsen(anchor, u),
                // Decades counted back from a day land in a year; the value names the
                // decade, as precise as the phrase ("half a century ago" = 197X).
                _ if part_century => match anchor.shift(steps, unit) {
                    Some(Point::Year(y)) => Some(Point::Decade(y.div_euclid(10))),
                    p => p,
                },
                _ => anchor.shift(steps, unit),
            };
            match shifted {
                Some(p) => date(p, basis),
                None => unresolved(TimeType::Date, unresolved_unit(unit)),
            }
        }
        Sem::Ref(r) => Resolved {
            basis: Basis::Stated,
            ..unresolved(TimeType::Date, r.to_string())
        },
        Sem::Duration { n, unit } => Resolved {
            basis: Basis::Stated,
            ..unresolved(TimeType::Duration, duration_value(*n, unit))
        },
        Sem::Set(v) => Resolved {
            basis: Basis::Stated,
            ..unresolved(TimeType::Set, v.clone())
        },
        Sem::Time {
            day,
            hour,
            min,
            part,
            zone,
        } => {
            let tod = match (hour, part) {
                (Some(h), _) => format!("{h:02}:{min:02}"),
                (None, Some(p)) => p.to_string(),
                (None, None) => String::new(),
            };
            let base = match day {
                Some(d) => resolve(d, None, ctx),
                None => match dct {
                    Some(dct) => date(Point::Day(dct), date_basis(ctx, dct)),
                    None => unresolved(TimeType::Date, "XXXX-XX-XX".into()),
                },
            };
            // A clock time stated in UTC/GMT carries the ISO "Z"; other zones are
            // left out of the value (TimeML writes local time) and shown in the label.
            let z = match (hour, zone) {
                (Some(_), Some("Z")) => "Z",
                _ => "",
            };
            let value = format!("{}T{}{z}", base.value, tod);
            Resolved {
                kind: TimeType::Time,
                value,
                point: base.point,
                time_of_day: Some(tod),
                basis: if day.is_none() && hour.is_some() && dct.is_none() {
                    Basis::Stated
                } else {
                    base.basis
                },
            }
        }
    }
}

/// The year that puts month `m`, day `d` nearest to the dct. News dates without a
/// year are almost always within half a year of publication; the tense only rules
/// out candidates more than two months on its wrong side ("said in March", read in
/// November, is the March before; "will pay Dec. 7", read in November, the next one).
fn closest_year(dct: NaiveDate, m: u32, d: u32, tense: Tense) -> i32 {
    let y = dct.year();
    let mut best = (i64::MAX, y);
    for cand in [y - 1, y, y + 1] {
        let day = NaiveDate::from_ymd_opt(cand, m, d.min(28)).unwrap_or(dct);
        let dist = (day - dct).num_days();
        let wrong_side = match tense {
            Tense::Past => dist > 60,
            Tense::Future => dist < -60,
            _ => false,
        };
        if wrong_side {
            continue;
        }
        // Prefer the past on ties in past tense, the future otherwise.
        let bias = match (tense, dist.signum()) {
            (Tense::Past, 1) | (Tense::Future, -1) => 1,
            _ => 0,
        };
        let key = dist.abs() * 2 + bias;
        if key < best.0 {
            best = (key, cand);
        }
    }
    best.1
}

/// The `unit` (D, W, M, Q, Y) that contains `p`, when `p` is at least as fine.
fn coarsen(p: Point, unit: &str) -> Option<Point> {
    let day = p.first_day()?;
    match (unit, p) {
        ("D", Point::Day(_)) => Some(p),
        ("D", _) => None,
        ("W", Point::Day(d)) => Some(Point::Week(d.iso_week().year(), d.iso_week().week())),
        ("W", Point::Week(..)) => Some(p),
        ("M", Point::Day(_) | Point::Month(..)) => Some(Point::Month(day.year(), day.month())),
        ("Q", Point::Day(_) | Point::Month(..) | Point::Quarter(..)) => {
            Some(Point::Quarter(day.year(), quarter_of(day.month())))
        }
        ("Y", _) => Some(Point::Year(day.year())),
        _ => None,
    }
}

fn resolve_quarter(q: u32, year: Option<i32>, rel: Rel, half: bool, ctx: &Context) -> Resolved {
    let make = |y: i32, n: u32| {
        if half {
            Point::Half(y, n)
        } else {
            Point::Quarter(y, n)
        }
    };
    if let Some(y) = year {
        if q > 0 {
            return date(make(y, q), Basis::Stated);
        }
        // "the 1988 quarter": the quarter under discussion, in 1988.
        return match ctx.narrative {
            Some(p @ Point::Quarter(_, nq)) if !half => {
                date(Point::Quarter(y, nq), Basis::Narrative(p))
            }
            _ => date(Point::Year(y), Basis::Stated),
        };
    }
    let Some(dct) = ctx.dct else {
        let v = if half {
            format!("XXXX-H{q}")
        } else if q == 0 {
            "XXXX-QX".to_string()
        } else {
            format!("XXXX-Q{q}")
        };
        return unresolved(TimeType::Date, v);
    };
    let cur = if half {
        (dct.month() - 1) / 6 + 1
    } else {
        quarter_of(dct.month())
    };
    let per_year = if half { 2 } else { 4 };
    let y = dct.year();
    let point = if let (0, false, Some(p @ Point::Quarter(..)), false) =
        (q, half, ctx.narrative, rel == Rel::This)
    {
        // "the quarter" in a text already speaking of a quarter is that quarter.
        p
    } else if q == 0 {
        // "the quarter", "the latest quarter": the last complete one; "the current quarter": this one.
        let back = if rel == Rel::This { 0 } else { 1 };
        let idx = y as i64 * per_year + (cur as i64 - 1) - back;
        make(
            idx.div_euclid(per_year) as i32,
            (idx.rem_euclid(per_year) + 1) as u32,
        )
    } else {
        let y = match rel {
            Rel::Last => y - 1,
            Rel::Next => y + 1,
            Rel::This => y,
            Rel::Bare if q > cur && ctx.tense == Tense::Past => y - 1,
            Rel::Bare => y,
        };
        make(year.unwrap_or(y), q)
    };
    date(point, date_basis(ctx, dct))
}

fn unresolved_unit(unit: &str) -> String {
    match unit {
        "W" | "2W" => "XXXX-WXX".into(),
        "WE" => "XXXX-WXX-WE".into(),
        "M" => "XXXX-XX".into(),
        "Q" => "XXXX-QX".into(),
        "Y" => "XXXX".into(),
        "DE" => "XXX".into(),
        "CE" => "XX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn ctx(dct: &str, tense: Tense) -> Context {
        Context {
            dct: Some(day(dct)),
            tense,
            narrative: None,
        }
    }

    #[test]
    fn weekdays_follow_tense() {
        let sun = Sem::Weekday {
            dow: 7,
            rel: Rel::Bare,
        };
        let thu = Sem::Weekday {
            dow: 4,
            rel: Rel::This,
        };
        let mon = Sem::Weekday {
            dow: 1,
            rel: Rel::Bare,
        };
        assert_eq!(
            resolve(&sun, None, &ctx("2025-05-12", Tense::Past)).value,
            "2025-05-11"
        );
        assert_eq!(
            resolve(&thu, None, &ctx("2025-05-12", Tense::Past)).value,
            "2025-05-08"
        );
        assert_eq!(
            resolve(&thu, None, &ctx("2025-05-12", Tense::Future)).value,
            "2025-05-15"
        );
        assert_eq!(
            resolve(&mon, None, &ctx("2025-05-12", Tense::Future)).value,
            "2025-05-12"
        );
        let none = Context {
            dct: None,
            tense: Tense::Past,
            narrative: None,
        };
        assert_eq!(resolve(&sun, None, &none).value, "XXXX-WXX-7");
    }

    #[test]
    fn months_and_units() {
        let march = Sem::Month {
            m: 3,
            rel: Rel::Bare,
        };
        assert_eq!(
            resolve(&march, None, &ctx("2025-05-12", Tense::Past)).value,
            "2025-03"
        );
        // The nearest March wins, whatever the tense.
        assert_eq!(
            resolve(&march, None, &ctx("2025-01-20", Tense::Past)).value,
            "2025-03"
        );
        assert_eq!(
            resolve(&march, None, &ctx("2025-11-20", Tense::Future)).value,
            "2026-03"
        );
        let last_week = Sem::RelUnit { unit: "W", off: -1 };
        assert_eq!(
            resolve(&last_week, None, &ctx("2025-05-12", Tense::Past)).value,
            "2025-W19"
        );
        let q3 = Sem::Quarter {
            q: 3,
            year: None,
            rel: Rel::Bare,
            half: false,
        };
        assert_eq!(
            resolve(&q3, None, &ctx("1989-10-26", Tense::Past)).value,
            "1989-Q3"
        );
    }

    #[test]
    fn clock_offsets_count_whole_days() {
        let c = ctx("2025-05-12", Tense::Past);
        let hours = |n: f64| Sem::Offset {
            n: Some(n),
            unit: "TH",
            sign: -1,
            from: From::Now,
        };
        assert_eq!(resolve(&hours(3.0), None, &c).value, "2025-05-12");
        assert_eq!(resolve(&hours(48.0), None, &c).value, "2025-05-10");
    }

    #[test]
    fn weekday_picks_the_year() {
        // 6 December was a Monday in 2004, not in 2005.
        let d = Sem::WeekdayDate {
            m: 12,
            d: 6,
            dow: 1,
        };
        assert_eq!(
            resolve(&d, None, &ctx("2005-03-15", Tense::Past)).value,
            "2004-12-06"
        );
    }

    #[test]
    fn offsets() {
        let ago = Sem::Offset {
            n: Some(2.0),
            unit: "D",
            sign: -1,
            from: From::Now,
        };
        assert_eq!(
            resolve(&ago, None, &ctx("2025-05-12", Tense::Past)).value,
            "2025-05-10"
        );
        let earlier = Sem::Offset {
            n: Some(1.0),
            unit: "Y",
            sign: -1,
            from: From::Narrative,
        };
        let c = Context {
            narrative: Some(Point::Quarter(1989, 3)),
            ..ctx("1989-10-26", Tense::Past)
        };
        assert_eq!(resolve(&earlier, None, &c).value, "1988-Q3");
        // Fractions move to the next smaller unit instead of rounding.
        let back = |n: f64, unit: &'static str| {
            let s = Sem::Offset {
                n: Some(n),
                unit,
                sign: -1,
                from: From::Now,
            };
            resolve(&s, None, &ctx("2019-05-20", Tense::Past)).value
        };
        assert_eq!(back(1.5, "Y"), "2017-11");
        assert_eq!(back(0.5, "CE"), "196");
        assert_eq!(back(1.0, "DE"), "2009");
    }

    #[test]
    fn bare_seasons_follow_the_tense() {
        let fall = Sem::Season {
            code: "FA",
            year: None,
            rel: Rel::Bare,
        };
        let at = |d: &str, t: Tense| resolve(&fall, None, &ctx(d, t)).value;
        assert_eq!(at("2017-12-15", Tense::Future), "2018-FA");
        assert_eq!(at("2017-12-15", Tense::Past), "2017-FA");
        assert_eq!(at("2017-03-15", Tense::Past), "2016-FA");
        assert_eq!(at("2017-10-15", Tense::Future), "2017-FA");
    }

    #[test]
    fn slashed_dates_take_the_reading_nearer_publication() {
        let d = Sem::SlashDate {
            y: 2007,
            first: 7,
            second: 8,
        };
        assert_eq!(
            resolve(&d, None, &ctx("2007-07-09", Tense::Past)).value,
            "2007-07-08"
        );
        assert_eq!(
            resolve(&d, None, &ctx("2007-08-10", Tense::Past)).value,
            "2007-08-07"
        );
        let none = Context {
            dct: None,
            tense: Tense::Unknown,
            narrative: None,
        };
        assert_eq!(resolve(&d, None, &none).value, "2007-08-07");
    }

    #[test]
    fn year_ago_period_ignores_quarters_to_come() {
        // "the year-ago period" after talk of "the third quarter of 1990": the last
        // reported quarter a year back, not the future one.
        let period = Sem::Offset {
            n: Some(1.0),
            unit: "Y",
            sign: -1,
            from: From::Period,
        };
        let c = Context {
            narrative: Some(Point::Quarter(1990, 3)),
            ..ctx("1989-10-26", Tense::Past)
        };
        assert_eq!(resolve(&period, None, &c).value, "1988-Q3");
        let c = Context {
            narrative: Some(Point::Quarter(1989, 2)),
            ..ctx("1989-10-26", Tense::Past)
        };
        assert_eq!(resolve(&period, None, &c).value, "1988-Q2");
        // A finished month is a period; the current month is not.
        let c = Context {
            narrative: Some(Point::Month(1989, 9)),
            ..ctx("1989-10-26", Tense::Past)
        };
        assert_eq!(resolve(&period, None, &c).value, "1988-09");
        let c = Context {
            narrative: Some(Point::Month(1989, 10)),
            ..ctx("1989-10-26", Tense::Past)
        };
        assert_eq!(resolve(&period, None, &c).value, "1988-Q3");
    }
}
