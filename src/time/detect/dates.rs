//! Calendar dates: month names, day and year numbers, numeric dates, years, decades,
//! centuries, weekdays and parts of the day.
//! Part of the [`super`] grammar: methods on its `Parser`.

use super::*;

impl<'a> Parser<'a> {
    /// A month name at `i` (capitalised; abbreviations with their dot). Returns (end, month).
    pub(super) fn month_word(&self, i: usize) -> Option<(usize, u32)> {
        if self.t.kind(i) != Some(Kind::Word) || !self.capitalised(i) {
            return None;
        }
        let w = self.w(i);
        let m = self.lex.month(w)?;
        let full = w.len() > 4 || matches!(w, "may" | "june" | "july");
        if full {
            return Some((i + 1, m));
        }
        if self.is(i + 1, ".") && self.t.glued(i + 1) {
            return Some((i + 2, m));
        }
        // "Jan 5" without the dot.
        (self.day_number(i + 1).is_some() && w != "mar").then_some((i + 1, m))
    }

    /// A day of the month: "12", "12th", "1st".
    pub(super) fn day_number(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        let d: u32 = match self.t.kind(i)? {
            Kind::Num if self.t.digits(i) <= 2 => w.parse().ok()?,
            Kind::Mixed => {
                let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &w[digits.len()..];
                if !matches!(suffix, "st" | "nd" | "rd" | "th") || digits.len() > 2 {
                    return None;
                }
                digits.parse().ok()?
            }
            _ => return None,
        };
        (1..=31).contains(&d).then_some(d)
    }

    /// A plain four-digit year at `i`.
    pub(super) fn year_number(&self, i: usize) -> Option<i32> {
        if self.t.digits(i) != 4 {
            return None;
        }
        let y = self.t.int(i)? as i32;
        (1000..=2200).contains(&y).then_some(y)
    }

    /// Optional ", 2025" / " 2025" after a month-day.
    pub(super) fn year_after(&self, k: usize) -> Option<(usize, i32)> {
        let k2 = if self.is(k, ",") { k + 1 } else { k };
        self.year_number(k2)
            .map(|y| (k2 + 1, y))
            .or_else(|| self.spelled_year(k2))
    }

    /// "2025-05-12", "12/05/2025" (day first unless impossible), "5/12/25".
    pub(super) fn numeric_date(&self, i: usize) -> M {
        let t = self.t;
        let glued = |a: usize, b: usize| (a + 1..=b).all(|k| t.glued(k));
        if t.digits(i) == 4 && self.is(i + 1, "-") && t.digits(i + 2) == 2 && glued(i, i + 2) {
            let y = t.int(i)? as i32;
            let m = t.int(i + 2)? as u32;
            if !(1..=12).contains(&m) {
                return None;
            }
            if self.is(i + 3, "-") && t.digits(i + 4) == 2 && glued(i + 2, i + 4) {
                let d = t.int(i + 4)? as u32;
                chrono::NaiveDate::from_ymd_opt(y, m, d)?;
                return Some((
                    i + 5,
                    Sem::Date {
                        y: Some(y),
                        m,
                        d: Some(d),
                    },
                ));
            }
            return None;
        }
        let sep = self.w(i + 1);
        if matches!(sep, "/" | ".")
            && (1..=2).contains(&t.digits(i))
            && (1..=2).contains(&t.digits(i + 2))
            && self.is(i + 3, sep)
            && matches!(t.digits(i + 4), 2 | 4)
            && glued(i, i + 4)
        {
            let a = t.int(i)? as u32;
            let b = t.int(i + 2)? as u32;
            let mut y = t.int(i + 4)? as i32;
            if t.digits(i + 4) == 2 {
                y += if y < 50 { 2000 } else { 1900 };
            }
            if a != b && (1..=12).contains(&a) && (1..=12).contains(&b) {
                return Some((
                    i + 5,
                    Sem::SlashDate {
                        y,
                        first: a,
                        second: b,
                    },
                ));
            }
            let (d, m) = if b > 12 { (b, a) } else { (a, b) };
            chrono::NaiveDate::from_ymd_opt(y, m, d)?;
            return Some((
                i + 5,
                Sem::Date {
                    y: Some(y),
                    m,
                    d: Some(d),
                },
            ));
        }
        None
    }

    /// "May 12", "May 12th, 2025", "March 2022", "March", "Sept. 30".
    pub(super) fn month_date(&self, i: usize) -> M {
        let (k, m) = self.month_word(i)?;
        let ambiguous = matches!(self.w(i), "may" | "march");
        if let Some(d) = self.day_number(k) {
            // "May 5 percent" or "May 12 people" are not dates.
            if !self.any(k + 1, &["%", "percent", "people", "per"]) {
                if let Some((end, y)) = self.year_after(k + 1) {
                    return Some((
                        end,
                        Sem::Date {
                            y: Some(y),
                            m,
                            d: Some(d),
                        },
                    ));
                }
                return Some((
                    k + 1,
                    Sem::Date {
                        y: None,
                        m,
                        d: Some(d),
                    },
                ));
            }
        }
        let k2 = if self.is(k, "of") { k + 1 } else { k };
        if let Some((end, y)) = self.year_after(k2) {
            return Some((
                end,
                Sem::Date {
                    y: Some(y),
                    m,
                    d: None,
                },
            ));
        }
        // "June last year", "March this year", "(in) May of next year".
        if let Some(yoff) = self.year_ref(k2) {
            return Some((k2 + 2, Sem::MonthIn { m, yoff }));
        }
        if ambiguous {
            let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
            if !MONTH_CONTEXT.contains(&prev) {
                return None;
            }
        }
        Some((k, Sem::Month { m, rel: Rel::Bare }))
    }

    /// "last year" (-1), "this year" (0), "next year" (1) at `k`.
    pub(super) fn year_ref(&self, k: usize) -> Option<i32> {
        if !self.is(k + 1, "year") {
            return None;
        }
        match self.w(k) {
            "last" => Some(-1),
            "this" => Some(0),
            "next" => Some(1),
            _ => None,
        }
    }

    /// "12 May 2025", "12th of May", "1 March".
    pub(super) fn day_month(&self, i: usize) -> M {
        let d = self.day_number(i)?;
        let k = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        // After a day number an abbreviation needs no dot: "22 Dec, 2016".
        let abbrev = || {
            (self.t.kind(k) == Some(Kind::Word) && self.capitalised(k))
                .then(|| self.lex.month(self.w(k)))
                .flatten()
                .filter(|_| self.w(k) != "mar" || self.year_after(k + 1).is_some())
                .map(|m| (k + 1, m))
        };
        let (k, m) = self.month_word(k).or_else(abbrev)?;
        if let Some((end, y)) = self.year_after(k) {
            return Some((
                end,
                Sem::Date {
                    y: Some(y),
                    m,
                    d: Some(d),
                },
            ));
        }
        Some((
            k,
            Sem::Date {
                y: None,
                m,
                d: Some(d),
            },
        ))
    }

    /// A year in words, as read aloud: "nineteen ninety-six", "two thousand", "twenty ten".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let first = self.lex.cardinal(self.w(i))?;
        // "two thousand years" counts years; it does not name the year 2000.
        if first == 2 && self.is(i + 1, "thousand") && self.unit(i + 2).is_none() {
            let k = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
            return match self.number(k) {
                Some((e, Some(n)))
                    if self.t.kind(k) == Some(Kind::Word)
                        && n < 100.0
                        && !self.any(k, &["a", "an"]) =>
                {
                    Some((e, 2000 + n as i32))
                }
                _ => Some((i + 2, 2000)),
            };
        }
        if !(11..=20).contains(&first) {
            return None;
        }
        let (e, n) = self.number(i + 1)?;
        let n = n? as i32;
        if self.t.kind(i + 1) != Some(Kind::Word)
            || !(10..=99).contains(&n)
            || self.any(i + 1, &["a", "an"])
        {
            return None;
        }
        Some((e, first as i32 * 100 + n))
    }

    /// "2024", "in 1998", "fiscal 1989" (not "2,000 troops" or "$1999").
    pub(super) fn year(&self, i: usize) -> M {
        if let Some((e, y)) = self.spelled_year(i) {
            return Some((e, Sem::Year(y)));
        }
        // "since '82", "in ’97": a clipped year after a preposition ("'80s" is a decade).
        if self.any(i, &["'", "’"])
            && self.t.digits(i + 1) == 2
            && self.t.glued(i + 1)
            && !self.t.glued(i + 2)
            && i > 0
            && self.any(i - 1, &["since", "in", "from", "until", "by", "of", "to"])
        {
            let yy = self.t.int(i + 1)? as i32;
            // News clips years near the present; a clipped year above 30 is the 1900s.
            let y = if yy > 30 { 1900 + yy } else { 2000 + yy };
            return Some((i + 2, Sem::Year(y)));
        }
        let (start_y, fiscal) = if self.is(i, "fiscal") {
            (i + 1, true)
        } else {
            (i, false)
        };
        let y = self.year_number(start_y)?;
        let prev = start_y.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
        if matches!(
            prev,
            "$" | "£" | "€" | "#" | "no" | "number" | "flight" | "route"
        ) {
            return None;
        }
        // Part of a code or a figure: "A-2024", "3/2024".
        if start_y > 0 && self.t.glued(start_y) && matches!(prev, "/" | ":" | "." | "+") {
            return None;
        }
        let next = self.w(start_y + 1);
        if NOT_YEAR_AFTER.contains(&next) {
            return None;
        }
        let temporal_context = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "from"
                | "of"
                | "during"
                | "before"
                | "after"
                | "year"
                | "early"
                | "late"
                | "mid"
                | "-"
                | "and"
                | "to"
                | "through"
        );
        if !(1900..=2100).contains(&y) && !temporal_context && !fiscal {
            return None;
        }
        Some((start_y + 1, Sem::Year(y)))
    }

    /// "1990s", "1990's", "'90s", "nineties".
    pub(super) fn decade(&self, i: usize) -> M {
        let w = self.w(i);
        if self.t.kind(i) == Some(Kind::Mixed) && w.len() == 5 && w.ends_with("0s") {
            let y: i32 = w[..4].parse().ok()?;
            // "the 1800s", "the 1900s" name centuries (TimeML "18", "19"); "the 2000s"
            // is read as the decade, as it usually is.
            if y % 100 == 0 && y != 2000 {
                return Some((i + 1, Sem::Century(y / 100)));
            }
            return Some((i + 1, Sem::Decade(y / 10)));
        }
        if self.t.digits(i) == 4
            && w.ends_with('0')
            && self.any(i + 1, &["'", "’"])
            && self.is(i + 2, "s")
            && self.t.glued(i + 1)
        {
            let y: i32 = w.parse().ok()?;
            return Some((i + 3, Sem::Decade(y / 10)));
        }
        if matches!(w, "'" | "’") {
            let n = self.w(i + 1);
            if self.t.glued(i + 1) && n.len() == 3 && n.ends_with("0s") {
                let d: i32 = n[..1].parse().ok()?;
                return Some((i + 2, Sem::ShortDecade(d)));
            }
            return None;
        }
        if self.t.kind(i) == Some(Kind::Mixed)
            && w.len() == 3
            && w.ends_with("0s")
            && self.is(i.wrapping_sub(1), "the")
        {
            let d: i32 = w[..1].parse().ok()?;
            return Some((i + 1, Sem::ShortDecade(d)));
        }
        let d = match w {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => return None,
        };
        // Only "the nineties", not "in her forties".
        if !self.is(i.wrapping_sub(1), "the") && !self.is(i.wrapping_sub(1), "-") {
            return None;
        }
        Some((i + 1, Sem::ShortDecade(d)))
    }

    /// "20th century", "nineteenth century".
    pub(super) fn century(&self, i: usize) -> M {
        let w = self.w(i);
        let n = if self.t.kind(i) == Some(Kind::Mixed) {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            digits.parse::<i32>().ok()?
        } else {
            self.lex.ordinal(w).filter(|n| *n > 0)? as i32
        };
        let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
        if !self.any(k, &["century", "centuries"]) || !(1..=30).contains(&n) {
            return None;
        }
        Some((k + 1, Sem::Century(n - 1)))
    }

    /// A weekday name at `i` (capitalised).
    pub(super) fn weekday_word(&self, i: usize) -> Option<u32> {
        if !self.capitalised(i) {
            return None;
        }
        self.lex.weekday(self.w(i))
    }

    /// "Sunday", "last Friday", "this Thursday", "Sunday night", "Friday, May 12".
    pub(super) fn weekday(&self, i: usize) -> M {
        let (rel, k) = match self.w(i) {
            "this" if self.is(i + 1, "coming") => (Rel::This, i + 2),
            "this" | "coming" => (Rel::This, i + 1),
            "last" | "past" => (Rel::Last, i + 1),
            "next" => (Rel::Next, i + 1),
            _ => (Rel::Bare, i),
        };
        let dow = self.weekday_word(k)?;
        let mut end = k + 1;
        if self.is(end, ".") && self.t.glued(end) && self.w(k).len() <= 5 {
            end += 1;
        }
        // "Sunday, May 11, 2025" / "Sunday 11 May": the date carries the value.
        let k2 = if self.is(end, ",") { end + 1 } else { end };
        // Not across a line break: a headline ending "... until Friday" above a
        // dateline "September 18, 2008" is two expressions.
        if rel == Rel::Bare && !self.t.gap_before(k2).contains('\n') {
            if let Some((e, sem)) = self.month_date(k2).or_else(|| self.day_month(k2)) {
                match sem {
                    // Without a year, the weekday tells which year is meant.
                    Sem::Date {
                        y: None,
                        m,
                        d: Some(d),
                    } => return Some((e, Sem::WeekdayDate { m, d, dow })),
                    Sem::Date { d: Some(_), .. } => return Some((e, sem)),
                    _ => {}
                }
            }
        }
        let day = Sem::Weekday { dow, rel };
        Some(self.with_part(end, day))
    }

    /// Adds a following part of day ("morning", "night") or clock time to a day.
    pub(super) fn with_part(&self, end: usize, day: Sem) -> (usize, Sem) {
        if let Some(part) = self.lex.part(self.w(end)).filter(|p| !p.starts_with('T')) {
            if let (true, Sem::Weekday { dow, .. }) = (self.w(end).ends_with('s'), &day) {
                // "Tuesday nights": every Tuesday night.
                return (end + 1, Sem::Set(format!("XXXX-WXX-{dow}T{part}")));
            }
            if !self.w(end).ends_with('s') {
                return (
                    end + 1,
                    Sem::Time {
                        day: Some(Box::new(day)),
                        hour: None,
                        min: 0,
                        part: Some(part),
                        zone: None,
                    },
                );
            }
        }
        (end, day)
    }
}

#[cfg(test)]
mod tests {
    use crate::time::assert_values;

    /// A weekday takes the date that follows it on the same line ("Friday, May 10"),
    /// not one on the next line (a headline above its dateline).
    #[test]
    fn weekday_with_a_date_only_on_its_line() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "The vote is on Friday, May 10, officials said.",
                &[("Friday, May 10", "2024-05-10")],
            ),
            (
                "Talks to resume on Friday\nMay 8, 2024\n\nThe talks paused.",
                &[("Friday", "2024-05-10"), ("May 8, 2024", "2024-05-08")],
            ),
        ];
        for (text, want) in cases {
            assert_values(text, "2024-05-08", want);
        }
    }
}
