//! Expressions read against the publication date or the clock: "yesterday", "next
//! week", clock times, quarters, seasons, holidays and sets ("every Monday").
//! Part of the [`super`] grammar: methods on its `Parser`.

use super::*;

impl<'a> Parser<'a> {
    /// "today", "yesterday", "tomorrow", "tonight", "last night", "this morning",
    /// "next week", "last year", "this month", "last summer", "next March".
    pub(super) fn relative(&self, i: usize) -> M {
        let w = self.w(i);
        match w {
            "today" | "yesterday" | "tomorrow" => {
                let off = match w {
                    "today" => 0,
                    "yesterday" => -1,
                    _ => 1,
                };
                return Some(self.with_part(i + 1, Sem::RelDay(off)));
            }
            "tonight" => {
                return Some((
                    i + 1,
                    Sem::Time {
                        day: Some(Box::new(Sem::RelDay(0))),
                        hour: None,
                        min: 0,
                        part: Some("NI"),
                        zone: None,
                    },
                ))
            }
            _ => {}
        }
        // "this past spring": the one just gone, in the current year.
        if w == "this" && self.is(i + 1, "past") {
            if let Some(code) = self.lex.season(self.w(i + 2)) {
                return Some((
                    i + 3,
                    Sem::Season {
                        code,
                        year: None,
                        rel: Rel::This,
                    },
                ));
            }
        }
        let off = match w {
            "this" | "current" => 0,
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        let n = self.w(i + 1);
        if let Some(part) = self.lex.part(n).filter(|p| !p.starts_with('T')) {
            // "this morning", "last night" (not "this mornings").
            let day = if w == "last" && n == "night" {
                -1
            } else if w == "this" || (w == "last" && n == "night") {
                0
            } else {
                return None;
            };
            if n.ends_with('s') {
                return None;
            }
            return Some((
                i + 2,
                Sem::Time {
                    day: Some(Box::new(Sem::RelDay(day))),
                    hour: None,
                    min: 0,
                    part: Some(part),
                    zone: None,
                },
            ));
        }
        let rel = match off {
            0 => Rel::This,
            -1 => Rel::Last,
            _ => Rel::Next,
        };
        if let Some((e, m)) = self.month_word(i + 1) {
            // "last Oct. 23": the day; the clause's tense picks its year.
            if rel != Rel::This {
                if let Some((end, sem @ Sem::Date { d: Some(_), .. })) = self.month_date(i + 1) {
                    return Some((end, sem));
                }
            }
            return Some((e, Sem::Month { m, rel }));
        }
        if let Some(code) = self.lex.season(n) {
            return Some((
                i + 2,
                Sem::Season {
                    code,
                    year: None,
                    rel,
                },
            ));
        }
        if w == "current" && !self.any(i + 1, &["year", "quarter", "month", "week", "decade"]) {
            // "current" alone ("the current crisis") is the present in TimeML.
            return Some((i + 1, Sem::Ref("PRESENT_REF")));
        }
        let unit = match n {
            "week" => "W",
            "month" => "M",
            "year" => "Y",
            // "the past quarter-century" is 25 years, read as a counted span.
            "quarter" if self.fraction_unit(i + 1, "quarter").is_some() => return None,
            "quarter" => "Q",
            "decade" => "DE",
            "century" => "CE",
            "weekend" => "WE",
            "fall" | "spring" | "summer" | "winter" | "autumn" => return None,
            _ => return None,
        };
        // "this year's": keep the possessive so "this year's third quarter" can join.
        Some((i + 2, Sem::RelUnit { unit, off }))
    }

    /// "now", "currently", "recently", "recent years", "these days", "soon".
    pub(super) fn reference(&self, i: usize) -> M {
        let w = self.w(i);
        if let Some(r) = self.lex.reference(w) {
            // A sentence-opening "Now," is a discourse marker, not a time.
            if w == "now" && self.t.cap(i) && self.is(i + 1, ",") {
                return None;
            }
            return Some((i + 1, Sem::Ref(r)));
        }
        match w {
            "recent" => {
                // "recent years" is the past; "recent weeks" a vague duration; a bare
                // "recent" qualifies too many nouns to be worth marking.
                if self.is(i + 1, "years") {
                    return Some((i + 2, Sem::Ref("PAST_REF")));
                }
                let unit = self.unit(i + 1).filter(|_| self.w(i + 1).ends_with('s'))?;
                Some((i + 2, Sem::Duration { n: None, unit }))
            }
            "these" if self.is(i + 1, "days") => Some((i + 2, Sem::Ref("PRESENT_REF"))),
            // "the then current price", "the then-current chief": the present of a past
            // time, which TimeML writes PAST_REF.
            "then" => {
                let k = if self.is(i + 1, "-") && self.t.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                self.is(k, "current")
                    .then_some((k + 1, Sem::Ref("PAST_REF")))
            }
            // "in coming months", "the coming weeks": the near future.
            "coming" if self.unit(i + 1).is_some() && self.w(i + 1).ends_with('s') => {
                Some((i + 2, Sem::Ref("FUTURE_REF")))
            }
            "future" if self.is(i.wrapping_sub(1), "in") => Some((i + 1, Sem::Ref("FUTURE_REF"))),
            _ => None,
        }
    }

    /// "3pm", "3 p.m.", "10:30", "10:30 ET", "noon", "5 p.m. EST Nov. 9".
    pub(super) fn clock(&self, i: usize) -> M {
        let t = self.t;
        let w = self.w(i);
        let (mut end, mut hour, mut min, part) = if let Some(p) =
            self.lex.part(w).filter(|p| p.starts_with('T'))
        {
            let h: u32 = p[1..3].parse().ok()?;
            (i + 1, h, 0, Some(p))
        } else if t.kind(i) == Some(Kind::Mixed) {
            // "3pm", "10am"
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            if !matches!(suffix, "am" | "pm") || digits.len() > 2 {
                return None;
            }
            let h: u32 = digits.parse().ok()?;
            if !(1..=12).contains(&h) {
                return None;
            }
            let h = to_24(h, suffix == "pm");
            (i + 1, h, 0, None)
        } else if t.digits(i) == 4 && self.lex.zone(self.w(i + 1)).is_some() && t.cap(i + 1) {
            // "1200 GMT": a 24-hour time written without a colon, only with a time zone.
            let v = t.int(i)? as u32;
            let (h, m) = (v / 100, v % 100);
            if h > 23 || m > 59 {
                return None;
            }
            (i + 1, h, m, None)
        } else if (1..=2).contains(&t.digits(i)) {
            let h = t.int(i)? as u32;
            let (mut e, mut m) = (i + 1, 0);
            let mut has_minutes = false;
            if self.any(i + 1, &[":", "."])
                && t.digits(i + 2) == 2
                && t.glued(i + 1)
                && t.glued(i + 2)
            {
                m = t.int(i + 2)? as u32;
                e = i + 3;
                has_minutes = true;
            }
            if h > 24 || m > 59 {
                return None;
            }
            match self.meridiem(e) {
                Some((e2, pm)) if (1..=12).contains(&h) => (e2, to_24(h, pm), m, None),
                // A bare "10:30" is a time; a bare "10" is not.
                _ if has_minutes => (e, h, m, None),
                _ if self.is(e, "o") && self.any(e + 1, &["'", "’"]) && self.is(e + 2, "clock") => {
                    (e + 3, h, 0, None)
                }
                _ => return None,
            }
        } else {
            return None;
        };
        if let Some(p) = part {
            // "noon"/"midnight" as clock times.
            hour = p[1..3].parse().ok()?;
            min = 0;
        }
        // Time zone: "GMT", "ET", "(GMT)".
        let mut zone = None;
        let (zk, paren) = if self.is(end, "(") {
            (end + 1, true)
        } else {
            (end, false)
        };
        if let Some(z) = self.lex.zone(self.w(zk)) {
            let upper = t.toks.get(zk).is_some_and(|tk| tk.cap);
            if upper {
                zone = Some(z);
                end = zk + 1;
                if paren && self.is(end, ")") {
                    end += 1;
                }
            }
        }
        // "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon today".
        let k = if self.is(end, ",") { end + 1 } else { end };
        let k = if self.is(k, "on") { k + 1 } else { k };
        let mut day = None;
        if let Some((e, sem)) = self
            .weekday(k)
            .filter(|(_, s)| matches!(s, Sem::Weekday { .. } | Sem::Date { .. }))
            .or_else(|| {
                self.month_date(k)
                    .filter(|(_, s)| matches!(s, Sem::Date { d: Some(_), .. }))
            })
            .or_else(|| {
                self.relative(k)
                    .filter(|(_, s)| matches!(s, Sem::RelDay(_)))
            })
        {
            day = Some(Box::new(sem));
            end = e;
        }
        Some((
            end,
            Sem::Time {
                day,
                hour: Some(hour),
                min,
                part: None,
                zone,
            },
        ))
    }

    /// "am", "pm", "a.m.", "p.m." at `k`: (end, is_pm).
    pub(super) fn meridiem(&self, k: usize) -> Option<(usize, bool)> {
        match self.w(k) {
            "am" | "pm" => Some((k + 1, self.is(k, "pm"))),
            "a" | "p" if self.is(k + 1, ".") && self.is(k + 2, "m") && self.t.glued(k + 1) => {
                let e = if self.is(k + 3, ".") && self.t.glued(k + 3) {
                    k + 4
                } else {
                    k + 3
                };
                Some((e, self.is(k, "p")))
            }
            _ => None,
        }
    }

    /// "third quarter", "third-quarter", "Q3", "the latest quarter", "first half of 1998",
    /// "this year's third quarter" (at `i`, after any "the").
    pub(super) fn quarter(&self, i: usize) -> M {
        let mut k = i;
        let mut rel = Rel::Bare;
        let mut year = None;
        // Leading "fiscal", "latest", "current", "year-ago", a year "1988".
        let mut prior_year = false;
        let mut yrel: Option<i32> = None;
        loop {
            match self.w(k) {
                "fiscal" | "calendar" | "comparable" | "corresponding" => k += 1,
                "current" | "same" => {
                    rel = Rel::This;
                    k += 1
                }
                "latest" | "recent" | "just" | "past" | "most" => {
                    rel = Rel::Last;
                    k += 1
                }
                // "this year's third quarter", "last year's quarter".
                "this" | "last" | "next"
                    if self.is(k + 1, "year")
                        && self.any(k + 2, &["'", "’"])
                        && self.is(k + 3, "s") =>
                {
                    yrel = match self.w(k) {
                        "this" => Some(0),
                        "last" => Some(-1),
                        _ => Some(1),
                    };
                    k += 4
                }
                "year" if self.is(k + 1, "-") && self.any(k + 2, &["ago", "earlier"]) => {
                    prior_year = true;
                    k += 3
                }
                _ => {
                    if let Some(y) = self.year_number(k) {
                        year = Some(y);
                        k += 1;
                    } else {
                        break;
                    }
                }
            }
        }
        let (q, half, end) = if let Some(n) = self.lex.ordinal(self.w(k)) {
            let j = if self.is(k + 1, "-") { k + 2 } else { k + 1 };
            let j = if self.is(j, "fiscal") { j + 1 } else { j };
            match self.w(j) {
                "quarter"
                    if ((1..=4).contains(&n) || n == -1)
                        && self.fraction_unit(j, "quarter").is_none() =>
                {
                    (if n == -1 { 4 } else { n as u32 }, false, j + 1)
                }
                "half" if (1..=2).contains(&n) || n == -1 => {
                    (if n == -1 { 2 } else { n as u32 }, true, j + 1)
                }
                _ => return None,
            }
        } else if self.t.kind(k) == Some(Kind::Mixed) && self.w(k).len() == 2 {
            let w = self.w(k);
            let n: u32 = w[1..].parse().ok()?;
            match &w[..1] {
                "q" if (1..=4).contains(&n) && self.t.cap(k) => (n, false, k + 1),
                "h" if (1..=2).contains(&n) && self.t.cap(k) => (n, true, k + 1),
                _ => return None,
            }
        } else if self.any(k, &["quarter", "period"])
            && (k > i || self.is(i.wrapping_sub(1), "the"))
            && self.fraction_unit(k, "quarter").is_none()
        {
            if self.is(k, "period") && k == i {
                return None;
            }
            (0, false, k + 1)
        } else {
            return None;
        };
        if prior_year {
            // "the year-ago quarter": the same quarter one year before.
            return Some((
                end,
                Sem::Offset {
                    n: Some(1.0),
                    unit: "Y",
                    sign: -1,
                    from: From::Period,
                },
            ));
        }
        if let Some(off) = yrel {
            rel = match off {
                0 => Rel::This,
                -1 => Rel::Last,
                _ => Rel::Next,
            };
            if q == 0 {
                rel = Rel::Bare;
            }
        }
        let mut end = end;
        // "of 1998", "of this year", "of last year".
        if self.is(end, "of") {
            if let Some(y) = self.year_number(end + 1) {
                year = Some(y);
                end += 2;
            } else if self.any(end + 1, &["this", "last", "next"]) && self.is(end + 2, "year") {
                rel = match self.w(end + 1) {
                    "this" => Rel::This,
                    "last" => Rel::Last,
                    _ => Rel::Next,
                };
                end += 3;
            }
        }
        // "the third quarter last year", "the quarter a year ago", "the corresponding
        // period a year earlier".
        let mut prior = yrel == Some(-1) && q == 0;
        if self.is(end, "last") && self.is(end + 1, "year") {
            prior = true;
            end += 2;
        } else if self.is(end, "a")
            && self.is(end + 1, "year")
            && self.any(end + 2, &["ago", "earlier", "before"])
        {
            prior = true;
            end += 3;
        }
        if prior {
            if q > 0 {
                rel = Rel::Last;
            } else {
                let sem = Sem::Offset {
                    n: Some(1.0),
                    unit: "Y",
                    sign: -1,
                    from: From::Period,
                };
                return Some((end, sem));
            }
        }
        Some((end, Sem::Quarter { q, year, rel, half }))
    }

    /// "spring", "summer 2024", "the winter of 1994" (season words need "the", a year,
    /// or a temporal preposition, since "fall" and "spring" are also verbs and nouns).
    pub(super) fn season(&self, i: usize) -> M {
        let code = self.lex.season(self.w(i))?;
        let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
        if let Some((end, y)) = self.year_after(i + 1) {
            return Some((
                end,
                Sem::Season {
                    code,
                    year: Some(y),
                    rel: Rel::Bare,
                },
            ));
        }
        if self.is(i + 1, "of") {
            if let Some((e, y)) = self.year_after(i + 2) {
                return Some((
                    e,
                    Sem::Season {
                        code,
                        year: Some(y),
                        rel: Rel::Bare,
                    },
                ));
            }
        }
        let safe = matches!(
            prev,
            "the"
                | "in"
                | "this"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "-"
                | "during"
                | "since"
                | "until"
                | "by"
                | "over"
        );
        if !safe
            || (code == "FA"
                && !matches!(
                    prev,
                    "the" | "this" | "last" | "next" | "-" | "early" | "late"
                ))
        {
            return None;
        }
        // "the summer" only as a time, not "the summer camp".
        if self.t.kind(i + 1) == Some(Kind::Word)
            && !self.phrase_ends(i + 1)
            && !self.any(i + 1, &["of", "when", "before", "after"])
        {
            return None;
        }
        Some((
            i + 1,
            Sem::Season {
                code,
                year: None,
                rel: Rel::Bare,
            },
        ))
    }

    pub(super) fn holiday(&self, i: usize) -> M {
        if !self.capitalised(i) {
            return None;
        }
        let md = self.lex.holiday(self.w(i))?;
        let mut end = i + 1;
        if self.any(end, &["day", "eve"]) {
            end += 1;
        }
        let year = self.year_number(end);
        if year.is_some() {
            end += 1;
        }
        Some((end, Sem::Holiday { md, year }))
    }

    /// Sets: "every Monday", "each year", "every two weeks", "daily", "on Mondays",
    /// "twice a year", "$5 a day".
    pub(super) fn set(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if let Some(v) = self.lex.set(w) {
            return Some(found(i, (i + 1, Sem::Set(v.to_string())), None));
        }
        if matches!(w, "every" | "each") {
            let mut k = i + 1;
            if self.is(k, "other") {
                k += 1;
            }
            let every_other = k > i + 1;
            if let Some(dow) = self.weekday_word(k) {
                return Some(found(i, (k + 1, Sem::Set(format!("XXXX-WXX-{dow}"))), None));
            }
            if let Some((e, m)) = self.month_word(k) {
                return Some(found(i, (e, Sem::Set(format!("XXXX-{m:02}"))), None));
            }
            if let Some(part) = self.lex.part(self.w(k)).filter(|p| !p.starts_with('T')) {
                return Some(found(
                    i,
                    (k + 1, Sem::Set(format!("XXXX-XX-XXT{part}"))),
                    None,
                ));
            }
            let (k2, n) = match self.number(k) {
                Some((e, n)) if !matches!(self.w(k), "a" | "an" | "some" | "many") => (e, n),
                _ => (k, Some(if every_other { 2.0 } else { 1.0 })),
            };
            let unit = self.unit(k2)?;
            return Some(found(i, (k2 + 1, Sem::Set(duration_value(n, unit))), None));
        }
        // "on Mondays", "Sundays".
        if let Some(dow) = self.lex.weekday_plural(w).filter(|_| self.capitalised(i)) {
            return Some(found(i, (i + 1, Sem::Set(format!("XXXX-WXX-{dow}"))), None));
        }
        // "twice a year", "three times a week", "once a month".
        let (k, times) = match w {
            "once" => (i + 1, true),
            "twice" => (i + 1, true),
            _ => match self.number(i) {
                Some((e, _)) if self.is(e, "times") => (e + 1, true),
                _ => (i, false),
            },
        };
        if times && self.any(k, &["a", "an", "per", "every", "each"]) {
            if let Some(unit) = self.unit(k + 1).filter(|_| !self.w(k + 1).ends_with('s')) {
                return Some(found(
                    i,
                    (k + 2, Sem::Set(duration_value(Some(1.0), unit))),
                    None,
                ));
            }
        }
        // "$5 a day", "10% a year", "100 hours a week": "a"/"per" + unit after an amount.
        if matches!(w, "a" | "per") && i > 0 {
            let prev = self.w(i - 1);
            let amount = self.t.kind(i - 1) == Some(Kind::Num)
                || matches!(
                    prev,
                    "%" | "percent"
                        | "million"
                        | "billion"
                        | "thousand"
                        | "hundred"
                        | "dollars"
                        | "cents"
                        | "hours"
                        | "days"
                );
            let u = self.w(i + 1);
            if amount && !u.ends_with('s') {
                if let Some(unit) = self
                    .unit(i + 1)
                    .filter(|u| matches!(*u, "D" | "W" | "M" | "Y" | "TH"))
                {
                    return Some(found(
                        i,
                        (i + 2, Sem::Set(duration_value(Some(1.0), unit))),
                        None,
                    ));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::time::assert_values;

    /// "then current" is the present of a past time; "current" alone the present;
    /// "then" alone no time.
    #[test]
    fn then_current_fires_and_does_not() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Shares sold at the then current price.",
                &[("then current", "PAST_REF")],
            ),
            (
                "She met the then-current mayor.",
                &[("then-current", "PAST_REF")],
            ),
            ("She met the current mayor.", &[("current", "PRESENT_REF")]),
            ("He paused, then left.", &[]),
        ];
        for (text, want) in cases {
            assert_values(text, "2024-03-08", want);
        }
    }
}
