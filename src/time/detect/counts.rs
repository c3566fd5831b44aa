//! Counts and counted durations: "three", "twenty-four", "a couple of", "30-day",
//! "more than three years", "two weeks later".
//! Part of the [`super`] grammar: methods on its `Parser`.

use super::*;

impl<'a> Parser<'a> {
    /// A count: digits, number words ("twenty-four"), "a"/"an", "a couple of", "a few",
    /// "several". Returns (end, value or None for vague counts).
    pub(super) fn number(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(i);
        match self.t.kind(i)? {
            Kind::Num => {
                let v: f64 = w.replace(',', "").parse().ok()?;
                // Counts beyond any span of time a text speaks of are not durations
                // (and would overflow the value's integer).
                if !(0.0..=MAX_COUNT).contains(&v) {
                    return None;
                }
                // "2 1/2": a whole number and a fraction.
                let t = self.t;
                if self.is(i + 2, "/") && t.glued(i + 2) && t.glued(i + 3) && !t.glued(i + 1) {
                    if let (Some(a), Some(b)) = (t.int(i + 1), t.int(i + 3)) {
                        if a < b && b > 0 && b <= 10 {
                            return Some((i + 4, Some(v + a as f64 / b as f64)));
                        }
                    }
                }
                return Some((i + 1, Some(v)));
            }
            Kind::Word => {}
            _ => return None,
        }
        match w {
            "a" | "an" => {
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((i + 3, Some(2.0)));
                }
                if self.any(i + 1, &["few", "number"]) {
                    let end = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    return Some((end, None));
                }
                if self.is(i + 1, "dozen") {
                    return Some((i + 2, Some(12.0)));
                }
                // "a quarter century ago", "a quarter-hour": a quarter of the unit after it.
                if let Some(k) = self.fraction_unit(i + 1, "quarter") {
                    return Some((k, Some(0.25)));
                }
                return Some((i + 1, Some(1.0)));
            }
            "several" | "few" | "many" | "some" => return Some((i + 1, None)),
            "couple" if self.is(i + 1, "of") => return Some((i + 2, Some(2.0))),
            "half" if self.any(i + 1, &["a", "an"]) => return Some((i + 2, Some(0.5))),
            // "half-century", "half century", "half-hour": half of the unit that follows.
            "half" => {
                if let Some(k) = self.fraction_unit(i, "half") {
                    return Some((k, Some(0.5)));
                }
            }
            // "the past quarter-century": a quarter of the unit, not a fiscal quarter.
            "quarter" => {
                if let Some(k) = self.fraction_unit(i, "quarter") {
                    return Some((k, Some(0.25)));
                }
            }
            _ => {}
        }
        let v = self.lex.cardinal(w)?;
        let mut end = i + 1;
        let mut total = v;
        if (20..=90).contains(&v) && v % 10 == 0 {
            // "twenty-four", "twenty four"
            let k = if self.is(end, "-") { end + 1 } else { end };
            if let Some(u) = self.lex.cardinal(self.w(k)).filter(|u| (1..=9).contains(u)) {
                total += u;
                end = k + 1;
            }
        }
        if self.is(end, "hundred") {
            total *= 100;
            end += 1;
        }
        // "two thousand years": a count, read as years by the unit after it.
        if self.is(end, "thousand") {
            total *= 1000;
            end += 1;
        }
        // "two and a half (years)".
        if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
            return Some((end + 3, Some(total as f64 + 0.5)));
        }
        Some((end, Some(total as f64)))
    }

    /// "half-century", "quarter century", "half-hour": when the word at `i` is `word`
    /// and a singular unit follows it (after a glued hyphen or a space), the unit's index.
    pub(super) fn fraction_unit(&self, i: usize, word: &str) -> Option<usize> {
        if !self.is(i, word) {
            return None;
        }
        let k = if self.is(i + 1, "-") && self.t.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        (self.unit(k).is_some() && !self.w(k).ends_with('s')).then_some(k)
    }

    /// Unit word at `k` (singular or plural), with the rules about which units may follow "a".
    pub(super) fn unit(&self, k: usize) -> Option<&'static str> {
        self.lex.unit(self.w(k))
    }

    /// "three years", "30-day", "two-year-long", "weeks", "a decade", "24 hours",
    /// and the date offsets "two days ago", "a year earlier". `after_the` allows a
    /// number-less singular unit ("the past year").
    pub(super) fn counted_duration(&self, i: usize, after_the: bool) -> M {
        let w = self.w(i);
        // Bare plural units: "weeks", "years", "decades" ("quarter-century" is a count).
        if let Some(unit) = self
            .unit(i)
            .filter(|_| self.fraction_unit(i, "quarter").is_none())
        {
            // Not the unit of a count rejected earlier ("52 years old", "hundreds of years").
            let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
            // "three-quarters" is a fraction.
            let fraction = prev == "-"
                && self.t.glued(i)
                && i >= 2
                && self.lex.cardinal(self.w(i - 2)).is_some();
            let counted = i > 0
                && (self.t.kind(i - 1) == Some(Kind::Num)
                    || self.lex.cardinal(prev).is_some()
                    || fraction
                    || matches!(prev, "of" | "thousand" | "million"));
            if counted || self.is(i + 1, "old") {
                return None;
            }
            // Bare "quarters" are a span of time only after a word that makes them one
            // ("in recent quarters", "for consecutive quarters"), not lodgings or coins
            // ("living quarters", "in close quarters"); "future quarters" is the future.
            if unit == "Q" && !matches!(prev, "recent" | "consecutive" | "successive" | "straight")
            {
                return None;
            }
            if w.ends_with('s') && !matches!(unit, "WE") {
                return Some(
                    self.offset_suffix(i + 1, None, unit)
                        .unwrap_or((i + 1, Sem::Duration { n: None, unit })),
                );
            }
            return None;
        }
        let (j, n) = self.number(i)?;
        // "two to six days", "60 and 90 days": TimeML marks each end of a range of
        // counts, the first with the unit the second one names.
        if n.is_some()
            && !matches!(w, "a" | "an")
            && self.any(j, &["to", "or", "and", "-"])
            && !self.is(j + 1, "a")
        {
            if let Some((e, Some(_))) = self.number(j + 1) {
                if let Some(unit) = self.unit(e).filter(|_| self.w(e).ends_with('s')) {
                    return Some((j, Sem::Duration { n, unit }));
                }
            }
        }
        // "a few", "several" need a plural unit; "a"/"an" a singular one.
        let article = matches!(w, "a" | "an") && j == i + 1;
        let k = if self.is(j, "-") && self.t.glued(j) && self.t.glued(j + 1) {
            j + 1
        } else {
            j
        };
        let hyphenated = k > j;
        let k = if !hyphenated
            && self.any(
                k,
                &[
                    "more",
                    "additional",
                    "other",
                    "straight",
                    "consecutive",
                    "full",
                    "long",
                    "trading",
                    "business",
                    "working",
                ],
            )
            && self.unit(k + 1).is_some()
        {
            k + 1
        } else if !hyphenated
            && self.t.kind(k) == Some(Kind::Word)
            && self.is(k + 1, "-")
            && self.t.glued(k + 1)
            && self.t.glued(k + 2)
            && self.t.kind(k + 2) == Some(Kind::Word)
            && self.unit(k + 2).is_none()
            && self.unit(k + 3).is_some()
            && self.w(k + 3).ends_with('s')
        {
            // A compound adjective between count and unit: "two non-emergency days".
            k + 3
        } else {
            k
        };
        let unit_word = self.w(k);
        let unit = self.unit(k)?;
        if hyphenated && unit_word.ends_with('s') {
            // "three-quarters", "two-thirds": fractions, not durations.
            return None;
        }
        if article && (matches!(unit, "Q" | "TS" | "WE") || unit_word == "night") {
            return None;
        }
        if matches!(unit, "TS") && unit_word == "second" && !hyphenated && n != Some(1.0) {
            return None;
        }
        // A bare small number before "quarter(s)" is usually a fraction ("one quarter of",
        // "three quarters of voters"); counted quarters are a span of time when a word
        // between says so ("two consecutive quarters"), when the count is vague
        // ("several quarters of losses") or when no "of" follows ("for two quarters").
        if unit == "Q" && !hyphenated && !after_the {
            let counted_span = unit_word.ends_with('s')
                && !article
                && (k > j || n.is_none() || !self.is(k + 1, "of"));
            if !counted_span {
                return None;
            }
        }
        let mut end = k + 1;
        // "a year-earlier loss": the adjective "year-earlier" is the expression.
        if self.is(end, "-") && self.any(end + 1, &["earlier", "ago"]) {
            return None;
        }
        // Ages ("a 30-year-old man", "six years old") are not time expressions in TimeML.
        if self.is(end, "old") || self.is(end, "-") && self.is(end + 1, "old") {
            return None;
        }
        if hyphenated {
            // "two-year-long"
            if self.is(end, "-") && self.is(end + 1, "long") {
                end += 2;
            }
            return Some((end, Sem::Duration { n, unit }));
        }
        // "a minute and a half", "two years and a half".
        let n = match n {
            Some(v)
                if v.fract() == 0.0
                    && self.is(end, "and")
                    && self.is(end + 1, "a")
                    && self.is(end + 2, "half") =>
            {
                end += 3;
                Some(v + 0.5)
            }
            n => n,
        };
        if let Some(m) = self.offset_suffix(end, n, unit) {
            return Some(m);
        }
        Some((end, Sem::Duration { n, unit }))
    }

    /// "ago", "earlier", "later", "from now", "before"/"after" at the end of a phrase.
    pub(super) fn offset_suffix(&self, k: usize, n: Option<f64>, unit: &'static str) -> M {
        // "a few days later" is a vague duration plus a signal; only "ago" makes it a date.
        if n.is_none() && !self.is(k, "ago") {
            return None;
        }
        // "a week or so ago": the approximation does not change the date.
        let k = if self.is(k, "or") && self.is(k + 1, "so") && self.any(k + 2, &["ago", "earlier"])
        {
            k + 2
        } else {
            k
        };
        let (end, sign, from) = match self.w(k) {
            "ago" => (k + 1, -1, From::Now),
            "from" if self.is(k + 1, "now") => (k + 2, 1, From::Now),
            "hence" => (k + 1, 1, From::Now),
            "earlier" => (k + 1, -1, From::Narrative),
            // TimeML marks "three days later/after/before" as the duration "three days"
            // plus a signal word, but "a year earlier" as a date.
            _ => return None,
        };
        Some((
            end,
            Sem::Offset {
                n,
                unit,
                sign,
                from,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::time::assert_values;

    /// (text, expected (span, value) pairs): quarters counted as a span of time keep
    /// their unit (P2Q, as TimeBank writes it); fractions, lodgings and a bare
    /// "quarters" are not durations.
    #[test]
    fn quarters_as_durations_fire_and_do_not() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // Fires.
            (
                "Losses ran for two consecutive quarters.",
                &[("two consecutive quarters", "P2Q")],
            ),
            (
                "After several quarters of losses it grew.",
                &[("several quarters", "PXQ")],
            ),
            ("Sales fell for two quarters.", &[("two quarters", "P2Q")]),
            (
                "Margins shrank in recent quarters.",
                &[("recent quarters", "PXQ")],
            ),
            (
                "It lost money in the past two quarters.",
                &[("the past two quarters", "P2Q")],
            ),
            ("The fund pays every quarter.", &[("every quarter", "P1Q")]),
            // Does not fire.
            ("Three quarters of voters agreed.", &[]),
            ("One quarter of the staff left.", &[]),
            ("The troops slept in living quarters.", &[]),
            ("They fought at close quarters.", &[]),
        ];
        for (text, want) in cases {
            assert_values(text, "2024-03-08", want);
        }
    }
}
