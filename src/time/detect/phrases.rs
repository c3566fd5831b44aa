//! Rules for phrases whose head is a time noun: "the past three months", "that week",
//! "a year ago", narrative anchors ("the day before"), and the core every rule falls back on.
//! Part of the [`super`] grammar: methods on its `Parser`.

use super::*;

crate::lexicon::word_set!(
    /// Verbs and nouns of a day's bounds: "(stocks) ended the day", "the start of the day".
    DAY_BOUNDS,
    crate::lexicon::TIME_GRAMMAR,
    "day_bounds"
);

crate::lexicon::word_set!(
    /// Words before "in the day" that place a time within it ("later in the day").
    DAY_IN,
    crate::lexicon::TIME_GRAMMAR,
    "day_in"
);

impl<'a> Parser<'a> {
    /// Phrases opening with "the" whose head is a time noun; "the" belongs to the span.
    pub(super) fn the_phrase(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the") {
            return None;
        }
        let j = i + 1;
        let w = self.w(j);
        // Fixed references.
        match w {
            "past" | "future" | "present" if !self.t.glued(j + 1) || !self.is(j + 1, "-") => {
                // "the past three months", "the past year" are durations.
                if w == "past" {
                    if let Some(d) = self.counted_duration(j + 1, true) {
                        return Some(found(i, vague_past(d), None));
                    }
                    if let Some(m) = self.unit_shift(j + 1, -1) {
                        return Some(found(i, m, None));
                    }
                }
                if w == "present" {
                    return None;
                }
                let r = if w == "past" {
                    "PAST_REF"
                } else {
                    "FUTURE_REF"
                };
                return Some(found(i, (j + 1, Sem::Ref(r)), None));
            }
            "near" | "distant" if self.is(j + 1, "future") => {
                return Some(found(i, (j + 2, Sem::Ref("FUTURE_REF")), None));
            }
            "near" | "short" | "long" | "medium" if self.is(j + 1, "term") => {
                return Some(found(i, (j + 2, Sem::Ref("FUTURE_REF")), None));
            }
            "time" if self.is(j + 1, "being") => {
                return Some(found(i, (j + 2, Sem::Ref("PRESENT_REF")), None));
            }
            "moment" if self.is(i.wrapping_sub(1), "at") => {
                return Some(found(i, (j + 1, Sem::Ref("PRESENT_REF")), None));
            }
            // "the year-earlier nine months"
            "year" if self.is(j + 1, "-") && self.any(j + 2, &["earlier", "ago"]) => {
                if let Some(d) = self.counted_duration(j + 3, false) {
                    return Some(found(i, d, None));
                }
            }
            "last" | "next" | "coming" | "first" | "previous" | "following" | "recent" => {
                if let Some(d) = self.counted_duration(j + 1, true) {
                    let d = match w {
                        "last" => vague_past(d),
                        _ => d,
                    };
                    return Some(found(i, d, None));
                }
                let off = match w {
                    "last" => -1,
                    "next" | "coming" => 1,
                    _ => 0,
                };
                if off != 0 {
                    if let Some(m) = self.unit_shift(j + 1, off) {
                        return Some(found(i, m, None));
                    }
                }
            }
            _ => {}
        }
        // "ended the day up", "later in the day": the day the text is speaking of.
        if let Some(m) = self.day_spoken_of(i) {
            return Some(found(i, m, None));
        }
        // "the day before", "the next day", "the following year", "the previous Friday".
        if let Some(m) = self.narrative(j) {
            return Some(found(i, m, None));
        }
        // "the nine months", "the first nine months", "the six months".
        if let Some(d) = self.counted_duration(j, false) {
            // Not "the 30-day truce": a hyphenated duration is an adjective.
            let hyphenated = (j..d.0).any(|k| self.is(k, "-"));
            if matches!(d.1, Sem::Duration { n: Some(_), .. }) && !hyphenated {
                return Some(found(i, d, None));
            }
        }
        // "the third quarter", "the latest quarter", "the first half of 1998".
        if let Some(q) = self.quarter(j) {
            return Some(found(i, q, None));
        }
        // "the weekend".
        if w == "weekend" {
            return Some(found(i, (j + 1, Sem::RelUnit { unit: "WE", off: 0 }), None));
        }
        // "the year", "the week" as the current one ("sales for the year", "later in the
        // week"), not as a count or a title ("the year's best", "the Week in Review").
        // "the year previous", "the week prior": one before the time spoken of.
        if matches!(w, "year" | "week") && self.any(j + 1, &["previous", "prior"]) {
            let unit = if w == "year" { "Y" } else { "W" };
            let sem = Sem::Offset {
                n: Some(1.0),
                unit,
                sign: -1,
                from: From::Narrative,
            };
            return Some(found(i, (j + 2, sem), None));
        }
        if matches!(w, "year" | "week")
            && !self.t.cap(j)
            && !matches!(
                self.w(j + 1),
                "'" | "’" | "-" | "of" | "before" | "after" | "earlier" | "ago"
            )
            && self.year_after(j + 1).is_none()
        {
            // TimeML reads "the year ended Sept. 30" (a fiscal period) as the year-long
            // period; "(volume was flat for) the year", "(nine months of) the year" and
            // "(gains in) the week" are the current year and week.
            let period = matches!(self.w(j + 1), "ended" | "ending" | "to" | "through");
            let sem = if w == "year" && period {
                Sem::Duration {
                    n: Some(1.0),
                    unit: "Y",
                }
            } else if w == "year" {
                Sem::RelUnit { unit: "Y", off: 0 }
            } else {
                Sem::RelUnit { unit: "W", off: 0 }
            };
            return Some(found(i, (j + 1, sem), None));
        }
        // "the current/fiscal/full year", "the year 2000".
        let mut k = j;
        while self.any(k, &["current", "fiscal", "full", "latest", "same"]) {
            k += 1;
        }
        if k > j && self.any(k, &["year", "month", "week"]) {
            let unit = match self.w(k) {
                "year" => "Y",
                "month" => "M",
                _ => "W",
            };
            // "the fiscal year ended Jan. 31" is the year-long period, as "the year
            // ended" above; "the latest (fiscal) year" the last complete one.
            if unit == "Y" && self.any(k + 1, &["ended", "ending"]) {
                let sem = Sem::Duration {
                    n: Some(1.0),
                    unit: "Y",
                };
                return Some(found(i, (k + 1, sem), None));
            }
            let off = if unit == "Y" && (j..k).any(|x| self.is(x, "latest")) {
                -1
            } else {
                0
            };
            return Some(found(i, (k + 1, Sem::RelUnit { unit, off }), None));
        }
        if self.is(j, "year") {
            if let Some((e, y)) = self.year_after(j + 1) {
                return Some(found(i, (e, Sem::Year(y)), None));
            }
        }
        // "the 1990s", "the 20th century", "the summer", "the early 1980s".
        let inner = self.modified(j).map(|f| (f.end, f.sem, f.modifier));
        let inner = inner.or_else(|| self.core(j).map(|(e, s)| (e, s, None)));
        if let Some((end, sem, modifier)) = inner {
            if matches!(
                sem,
                Sem::Decade(_)
                    | Sem::ShortDecade(_)
                    | Sem::Century(_)
                    | Sem::Season { .. }
                    | Sem::Quarter { .. }
            ) {
                return Some(found(i, (end, sem), modifier));
            }
        }
        None
    }

    /// "the day" (at `i`, on "the") as the day under discussion, which TimeML gives the
    /// value of the day it refers back to: the bounds of a trading or working day
    /// ("stocks ended the day higher", "at the start of the day"), "for the day" and
    /// "later in the day". Elsewhere "the day" is a name, an idiom or a day defined by
    /// what follows ("the day of the vote", "the day he left", "carry the day"), so it
    /// is left alone; so is one followed by "before"/"after" (see `narrative`).
    fn day_spoken_of(&self, i: usize) -> M {
        if !self.is(i + 1, "day") || self.t.glued(i + 2) && self.is(i + 2, "-") {
            return None;
        }
        let prev = |k: usize| i.checked_sub(k).map_or("", |p| self.w(p));
        let governed = DAY_BOUNDS.contains(&prev(1))
            || prev(1) == "for"
            || prev(1) == "in" && DAY_IN.contains(&prev(2))
            || prev(1) == "of" && DAY_BOUNDS.contains(&prev(2));
        // What may follow: the end of the clause or of the phrase, or a market's
        // figures ("ended the day at 7,114", "up 3 points", "with a loss").
        let next_ok = match self.t.kind(i + 2) {
            None | Some(Kind::Punct) => !self.any(i + 2, &["-", "'", "’"]),
            _ => self.any(
                i + 2,
                &[
                    "at", "on", "with", "up", "down", "higher", "lower", "flat", "and", "but",
                ],
            ),
        };
        (governed && next_ok).then_some((
            i + 2,
            Sem::Offset {
                n: Some(0.0),
                unit: "D",
                sign: 1,
                from: From::Discussed,
            },
        ))
    }

    /// "the year", "the month" after "the end of", "earlier in": the current one.
    pub(super) fn the_unit(&self, j: usize) -> M {
        if !self.is(j, "the") {
            return None;
        }
        match self.unit_shift(j + 1, 0)? {
            (e, Sem::RelUnit { unit, off }) => Some((e, Sem::RelUnit { unit, off })),
            _ => None,
        }
    }

    /// "that year", "that day", "that quarter": the time the text is speaking of.
    pub(super) fn that_unit(&self, i: usize) -> M {
        if !self.is(i, "that") {
            return None;
        }
        let k = if self.is(i + 1, "same") { i + 2 } else { i + 1 };
        let unit = match self.w(k) {
            "day" => "D",
            "week" => "W",
            "month" => "M",
            "quarter" => "Q",
            "year" => "Y",
            _ => return None,
        };
        // "that year's results" is fine; "that day care" is not.
        Some((
            k + 1,
            Sem::Offset {
                n: Some(0.0),
                unit,
                sign: 1,
                from: From::Narrative,
            },
        ))
    }

    /// "year-earlier", "year-ago" as adjectives: the same period a year before.
    pub(super) fn year_ago(&self, i: usize) -> M {
        if self.is(i, "year") && self.is(i + 1, "-") && self.any(i + 2, &["ago", "earlier"]) {
            return Some((
                i + 3,
                Sem::Offset {
                    n: Some(1.0),
                    unit: "Y",
                    sign: -1,
                    from: From::Period,
                },
            ));
        }
        None
    }

    /// "(the past) year", "(the next) decade": a calendar unit shifted from now.
    pub(super) fn unit_shift(&self, k: usize, off: i64) -> M {
        let unit = match self.w(k) {
            "week" => "W",
            "month" => "M",
            "year" => "Y",
            "quarter" => "Q",
            "decade" => "DE",
            "century" => "CE",
            _ => return None,
        };
        Some((k + 1, Sem::RelUnit { unit, off }))
    }

    /// "the day before", "the next day", "the following week", "the previous Friday",
    /// "the same day" (starting after "the").
    pub(super) fn narrative(&self, j: usize) -> M {
        let w = self.w(j);
        let unit_at = |k: usize| -> Option<&'static str> {
            match self.w(k) {
                "day" => Some("D"),
                "week" => Some("W"),
                "month" => Some("M"),
                "year" => Some("Y"),
                _ => None,
            }
        };
        // "the same month a year ago", "the same month last year": that month a year back.
        if w == "same" && self.is(j + 1, "month") {
            let e = j + 2;
            let end = if self.is(e, "a")
                && self.is(e + 1, "year")
                && self.any(e + 2, &["ago", "earlier", "before"])
            {
                Some(e + 3)
            } else if self.is(e, "last") && self.is(e + 1, "year") {
                Some(e + 2)
            } else {
                None
            };
            if let Some(end) = end {
                let sem = Sem::Offset {
                    n: Some(1.0),
                    unit: "Y",
                    sign: -1,
                    from: From::Narrative,
                };
                return Some((end, sem));
            }
        }
        match w {
            "next" | "following" | "previous" | "preceding" | "prior" | "same" => {
                let off: i64 = match w {
                    "next" | "following" => 1,
                    "same" => 0,
                    _ => -1,
                };
                if let Some(unit) = unit_at(j + 1) {
                    let sem = Sem::Offset {
                        n: Some(off.abs() as f64),
                        unit,
                        sign: if off < 0 { -1 } else { 1 },
                        from: From::Narrative,
                    };
                    return Some((j + 2, sem));
                }
                if off == -1 {
                    if let Some(dow) = self.weekday_word(j + 1) {
                        return Some((
                            j + 2,
                            Sem::Weekday {
                                dow,
                                rel: Rel::Last,
                            },
                        ));
                    }
                }
                None
            }
            "day" if self.any(j + 1, &["before", "after", "earlier"]) => {
                if self.is(j + 2, "yesterday") {
                    return Some((j + 3, Sem::RelDay(-2)));
                }
                if self.is(j + 2, "tomorrow") {
                    return Some((j + 3, Sem::RelDay(2)));
                }
                // Only when the phrase ends there: "the day before the vote" is not a date.
                if !self.phrase_ends(j + 2) {
                    return None;
                }
                let sign = if self.is(j + 1, "after") { 1 } else { -1 };
                Some((
                    j + 2,
                    Sem::Offset {
                        n: Some(1.0),
                        unit: "D",
                        sign,
                        from: From::Narrative,
                    },
                ))
            }
            _ => None,
        }
    }

    /// True when token `k` cannot continue a noun phrase (punctuation, end, conjunction, verb-ish).
    pub(super) fn phrase_ends(&self, k: usize) -> bool {
        match self.t.kind(k) {
            None | Some(Kind::Punct) => true,
            _ => self.any(
                k,
                &[
                    "and", "but", "or", "when", "while", "as", "he", "she", "they", "it", "we",
                    "i", "in", "on", "at", "to", "with", "was", "were", "is", "are", "had", "has",
                    "have", "said", "that",
                ],
            ),
        }
    }

    /// The core rules (no "the", no modifiers).
    pub(super) fn core(&self, i: usize) -> M {
        let mut best: M = None;
        let mut offer = |m: M| {
            if let Some(m) = m {
                if best.as_ref().is_none_or(|b| m.0 > b.0) {
                    best = Some(m);
                }
            }
        };
        offer(self.numeric_date(i));
        offer(self.month_date(i));
        offer(self.day_month(i));
        offer(self.year(i));
        offer(self.decade(i));
        offer(self.century(i));
        offer(self.weekday(i));
        offer(self.relative(i));
        offer(self.reference(i));
        offer(self.clock(i));
        offer(self.quarter(i));
        offer(self.season(i));
        offer(self.counted_duration(i, false));
        offer(self.holiday(i));
        offer(self.that_unit(i));
        offer(self.year_ago(i));
        offer(self.second_day(i));
        best
    }

    /// "(April 24 and) 25", "(May 3 to) 5": a bare day number joined to a month-day
    /// date is another day of that month.
    pub(super) fn second_day(&self, i: usize) -> M {
        let d = self.day_number(i)?;
        if i < 3 || !self.any(i - 1, &["and", "or", "to", "through", "-"]) {
            return None;
        }
        self.day_number(i - 2)?;
        let m = (i.saturating_sub(4)..i - 2)
            .find_map(|j| self.month_word(j).filter(|(e, _)| *e == i - 2))
            .map(|(_, m)| m)?;
        // "May 5 and 6 percent", "June 2 and 3 others": counts, not days.
        if self.any(
            i + 1,
            &["%", "percent", "per", "cents", "points", "others", "people"],
        ) || self.unit(i + 1).is_some()
        {
            return None;
        }
        let (end, y) = match self.year_after(i + 1) {
            Some((e, y)) => (e, Some(y)),
            None => (i + 1, None),
        };
        Some((end, Sem::Date { y, m, d: Some(d) }))
    }
}

#[cfg(test)]
mod tests {
    use crate::time::assert_values;

    /// A case: text, publication date, expected (span, value) pairs.
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );

    /// (text, publication date, expected (span, value) pairs): "the day" is the day
    /// under discussion only where a day's bounds, "for" or "later in" govern it.
    #[test]
    fn the_day_spoken_of_fires_and_does_not() {
        let cases: &[Case] = &[
            // Fires: the publication day, or the day the last sentences spoke of.
            (
                "The index ended the day up 3 points.",
                "2024-03-08",
                &[("the day", "2024-03-08")],
            ),
            (
                "Shares rose on Tuesday. They closed the day at 410.",
                "2024-03-08",
                &[("Tuesday", "2024-03-05"), ("the day", "2024-03-05")],
            ),
            (
                "For the day, the bond fell. It recovered later in the day.",
                "2024-03-08",
                &[
                    ("the day", "2024-03-08"),
                    ("later in the day", "2024-03-08"),
                ],
            ),
            (
                "It rose at the start of the day.",
                "2024-03-08",
                &[("the start of the day", "2024-03-08")],
            ),
            // Does not fire: a day defined by what follows, idioms, a name.
            ("They ended the day of mourning quietly.", "2024-03-08", &[]),
            ("The day she left, it rained.", "2024-03-08", &[]),
            (
                "Her speech carried the day for the motion.",
                "2024-03-08",
                &[],
            ),
            ("He started the day-long fast.", "2024-03-08", &[]),
        ];
        for (text, dct, want) in cases {
            assert_values(text, dct, want);
        }
    }
}
