//! What a detected time expression means before it is anchored to a calendar.
//!
//! Stage: output of [`super::detect`], input of [`super::resolve`]. Example: "last
//! Sunday" is `Sem::Weekday { dow: 7, rel: Rel::Last }`; "two days ago" is
//! `Sem::Offset { n: Some(2.0), unit: "D", sign: -1, from: From::Now }`.

/// A determiner that places a weekday, month or season relative to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Bare,
    This,
    Last,
    Next,
}

/// What an offset counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// "two days ago", "a year from now": the publication date.
    Now,
    /// "a year earlier", "the day before": the time the text last spoke of.
    Narrative,
    /// "the year-ago quarter": the reporting period the text last spoke of (or the
    /// last complete quarter before the dct).
    Period,
    /// "(stocks ended) the day": the day the text last spoke of in the last sentences,
    /// else the publication date (a market report's day is its own).
    Discussed,
}

/// Unit codes used throughout: "TS", "TM", "TH" (clock), "D", "W", "M", "Q", "Y",
/// "DE" (decade), "CE" (century), "ML", "WE" (weekend), "2W" (fortnight).
pub type Unit = &'static str;

#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date with the parts the text states ("12 May 2025", "May 12", "March 2022").
    Date {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
    },
    /// "7/8/07": a numeric date whose day and month could be either way round (both
    /// at most 12), as written. Resolution takes the reading nearer the publication
    /// date, else day first.
    SlashDate {
        y: i32,
        first: u32,
        second: u32,
    },
    /// A day and month named with its weekday but no year ("Monday 6 December").
    WeekdayDate {
        m: u32,
        d: u32,
        dow: u32,
    },
    /// A month in a year given relative to now ("June last year": `yoff` -1).
    MonthIn {
        m: u32,
        yoff: i32,
    },
    /// A month named without a year ("in March", "last March").
    Month {
        m: u32,
        rel: Rel,
    },
    Year(i32),
    /// Three first digits ("199" = the 1990s).
    Decade(i32),
    /// A decade without its century ("the '90s", "the nineties"): the tens digit.
    ShortDecade(i32),
    /// Two first digits ("19" = the 20th century).
    Century(i32),
    Weekday {
        dow: u32,
        rel: Rel,
    },
    Season {
        code: &'static str,
        year: Option<i32>,
        rel: Rel,
    },
    /// Quarter `q` (1-4; 0 = "the quarter", the one under discussion) or half (`half`).
    Quarter {
        q: u32,
        year: Option<i32>,
        rel: Rel,
        half: bool,
    },
    /// today (0), yesterday (-1), tomorrow (1).
    RelDay(i64),
    /// "last week", "this year", "next month": a calendar unit shifted from now.
    RelUnit {
        unit: Unit,
        off: i64,
    },
    /// "two days ago", "a year earlier", "the day before".
    Offset {
        n: Option<f64>,
        unit: Unit,
        sign: i64,
        from: From,
    },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// "three years", "30-day"; `n` None for "weeks", "a few days".
    Duration {
        n: Option<f64>,
        unit: Unit,
    },
    /// A TIMEX3 SET with its value already known ("P1D", "XXXX-WXX-1").
    Set(String),
    /// A clock time or part of day, possibly on a day.
    Time {
        day: Option<Box<Sem>>,
        hour: Option<u32>,
        min: u32,
        part: Option<&'static str>,
        zone: Option<&'static str>,
    },
    /// A fixed-date holiday ("Christmas"): month-day and maybe year.
    Holiday {
        md: &'static str,
        year: Option<i32>,
    },
}

impl Sem {
    /// False for a calendar day that does not exist ("February 30", "31 April"):
    /// impossible dates are not dates. A day without a year may be 29 February.
    pub fn is_possible(&self) -> bool {
        let day_ok = |y: Option<i32>, m: u32, d: u32| {
            chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d).is_some()
        };
        match self {
            Sem::Date { y, m, d: Some(d) } => day_ok(*y, *m, *d),
            Sem::WeekdayDate { m, d, .. } => day_ok(None, *m, *d),
            Sem::SlashDate { y, first, second } => {
                day_ok(Some(*y), *second, *first) || day_ok(Some(*y), *first, *second)
            }
            Sem::Time { day: Some(day), .. } => day.is_possible(),
            _ => true,
        }
    }
}

/// One detected expression: token range `[start, end)` and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// TIMEX3 mod (START, END, MID, APPROX, MORE_THAN, LESS_THAN…).
    pub modifier: Option<&'static str>,
}
