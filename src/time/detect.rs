//! Finds time expressions: a small hand-written grammar over [`super::scan`] tokens.
//!
//! Stage: second step of [`super::find`]. Input: [`Tokens`]. Output: [`Found`]
//! expressions in text order, each with its meaning ([`Sem`]) and TIMEX3 `mod`.
//! One left-to-right pass: at each token every rule is tried and the longest match
//! wins, so the cost is linear in the text. Spans follow TimeML: prepositions are
//! left out ("on Saturday" → "Saturday"), modifiers that change the value are kept
//! ("late Sunday", "more than three years", "the past three months").
//!
//! Example: "The 30-day truce began late Sunday." yields "30-day" (a duration of 30
//! days) and "late Sunday" (weekday 7, mod END).

use super::lexicon::{lexicon, Lexicon};
use super::scan::{Kind, Tokens};
use super::sem::{Found, From, Rel, Sem};

/// Grammar words that can open an expression besides the vocabulary of
/// `data/time_words.tsv` (sorted: looked up by binary search).
const STARTERS: &[&str] = &[
    "a",
    "about",
    "almost",
    "an",
    "approximately",
    "around",
    "at",
    "calendar",
    "coming",
    "comparable",
    "corresponding",
    "couple",
    "current",
    "each",
    "earlier",
    "early",
    "every",
    "fewer",
    "fiscal",
    "future",
    "half",
    "just",
    "last",
    "late",
    "later",
    "latest",
    "less",
    "longer",
    "many",
    "mid",
    "more",
    "most",
    "nearly",
    "next",
    "no",
    "once",
    "over",
    "past",
    "per",
    "previous",
    "recent",
    "roughly",
    "same",
    "several",
    "shorter",
    "some",
    "that",
    "the",
    "these",
    "this",
    "today",
    "tomorrow",
    "tonight",
    "twice",
    "under",
    "up",
    "well",
    "year",
    "yesterday",
];

/// Finds every time expression in `t`.
pub fn detect(t: &Tokens) -> Vec<Found> {
    let p = Parser { t, lex: lexicon() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // Most words cannot open a time expression: skip them without trying the rules.
        if t.kind(i) == Some(Kind::Word) {
            let w = t.w(i);
            // "nineties", and plurals of known words ("Mondays").
            let decade_word = w.ends_with("ties");
            let plural = w.strip_suffix('s').is_some_and(|s| p.lex.knows(s));
            if !decade_word && !plural && !p.lex.knows(w) && STARTERS.binary_search(&w).is_err() {
                i += 1;
                continue;
            }
        }
        match p.at(i) {
            Some(f) if f.end > i => {
                i = f.end;
                // An impossible day ("February 30, 2024") is consumed whole, so none
                // of its parts is read as a date either.
                if f.sem.is_possible() {
                    out.push(one_day(t, f));
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Modal verbs: after one, "one day" is an unspecified future ("will one day be").
const MODALS: &[&str] = &[
    "will", "would", "might", "could", "may", "can", "shall", "should", "must", "'ll", "to",
];

/// "one day" is a count of one day where a count fits ("for one day", "in one day");
/// after a modal it is an unspecified future time (TimeML FUTURE_REF: "will one day
/// be"). (Narration's "and then one day", an unspecified day, is not told apart yet.)
fn one_day(t: &Tokens, f: Found) -> Found {
    let is_one_day = f.end == f.start + 2
        && t.w(f.start) == "one"
        && t.w(f.start + 1) == "day"
        && matches!(f.sem, Sem::Duration { .. })
        && f.modifier.is_none();
    if !is_one_day {
        return f;
    }
    let prev = f.start.checked_sub(1).map_or("", |p| t.w(p));
    if !MODALS.contains(&prev) {
        return f;
    }
    Found {
        sem: Sem::Ref("FUTURE_REF"),
        ..f
    }
}

struct Parser<'a> {
    t: &'a Tokens,
    lex: &'static Lexicon,
}

/// A partial parse: where it ends and what it means.
type M = Option<(usize, Sem)>;

fn found(start: usize, (end, sem): (usize, Sem), modifier: Option<&'static str>) -> Found {
    Found {
        start,
        end,
        sem,
        modifier,
    }
}

/// The largest count read as a number of time units: a billion (of years, say).
/// Bigger numbers are ids, sums or noise, never a duration.
const MAX_COUNT: f64 = 1e9;

/// Words before a weekday/month/number that make a month name ("May", "March") safe to read as a month.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "from",
    "to",
    "of",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "during",
    "before",
    "after",
    "between",
    "and",
    "or",
    "every",
    "each",
    "on",
    "that",
    "until",
    "throughout",
    "-",
];

/// Words after a four-digit number that show it counts things rather than naming a year.
const NOT_YEAR_AFTER: &[&str] = &[
    "%",
    "percent",
    "per",
    "people",
    "troops",
    "soldiers",
    "members",
    "workers",
    "employees",
    "votes",
    "jobs",
    "units",
    "cars",
    "homes",
    "houses",
    "times",
    "feet",
    "metres",
    "meters",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "tons",
    "tonnes",
    "points",
    "shares",
    "dollars",
    "euros",
    "pounds",
    "yen",
    "barrels",
    "acres",
    "hours",
    "minutes",
    "seconds",
    "days",
    "men",
    "women",
    "children",
    "students",
    "cases",
    "deaths",
    "patients",
    "calories",
    "words",
];

impl<'a> Parser<'a> {
    fn w(&self, i: usize) -> &str {
        self.t.w(i)
    }
    fn is(&self, i: usize, word: &str) -> bool {
        self.t.w(i) == word
    }
    fn any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.t.w(i);
        !w.is_empty() && words.contains(&w)
    }
    /// Capitalised or all-caps word (names of months and days must be).
    fn capitalised(&self, i: usize) -> bool {
        self.t.cap(i)
    }

    /// Tries every rule at token `i`; the longest match wins.
    fn at(&self, i: usize) -> Option<Found> {
        let t = self.t;
        // Only words, numbers and apostrophes ("'90s") can start an expression.
        match t.kind(i)? {
            Kind::Punct if !matches!(self.w(i), "'" | "’") => return None,
            _ => {}
        }
        let mut best: Option<Found> = None;
        let mut offer = |f: Option<Found>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.end > b.end) {
                    best = Some(f);
                }
            }
        };
        offer(self.modified(i));
        offer(self.the_phrase(i));
        offer(self.core(i).map(|m| found(i, m, None)));
        offer(self.set(i));
        offer(self.year_end(i));
        best
    }

    /// "year-end", "year end", "year's end": the end of the current year.
    fn year_end(&self, i: usize) -> Option<Found> {
        if !self.is(i, "year") {
            return None;
        }
        let end = if self.any(i + 1, &["-"]) && self.is(i + 2, "end") {
            i + 3
        } else if self.is(i + 1, "end") {
            i + 2
        } else if self.any(i + 1, &["'", "’"]) && self.is(i + 2, "s") && self.is(i + 3, "end") {
            i + 4
        } else {
            return None;
        };
        let sem = Sem::RelUnit { unit: "Y", off: 0 };
        Some(found(i, (end, sem), Some("END")))
    }

    /// "more than three years", "nearly two weeks ago", "late Sunday", "early next year",
    /// "the end of 1990", "mid-1990s".
    fn modified(&self, i: usize) -> Option<Found> {
        let (j, modifier, positional) = self.prefix(i)?;
        // "the end of the year": the current year, not the year-long period.
        let inner = positional
            .then(|| self.the_unit(j))
            .flatten()
            .or_else(|| self.the_phrase(j).map(|f| (f.end, f.sem)))
            .or_else(|| self.core(j))?;
        let ok = match &inner.1 {
            // "later that year"
            Sem::Offset { n: Some(n), .. } if *n == 0.0 => positional,
            Sem::Duration { .. } | Sem::Offset { .. } => !positional || modifier == "MID",
            Sem::Ref(_) | Sem::Set(_) => false,
            Sem::Time { hour: Some(_), .. } => !positional,
            _ => positional,
        };
        ok.then(|| found(i, inner, Some(modifier)))
    }

    /// Returns (next token, mod, positional?) for a modifier prefix at `i`.
    fn prefix(&self, i: usize) -> Option<(usize, &'static str, bool)> {
        let w = self.w(i);
        let two = |a: &str, b: &str| self.is(i, a) && self.is(i + 1, b);
        let r = if two("more", "than") || two("longer", "than") {
            (i + 2, "MORE_THAN", false)
        } else if two("less", "than") || two("fewer", "than") || two("shorter", "than") {
            (i + 2, "LESS_THAN", false)
        } else if two("at", "least") {
            (i + 2, "EQUAL_OR_MORE", false)
        } else if two("up", "to") || two("no", "more") && self.is(i + 2, "than") {
            (
                if w == "up" { i + 2 } else { i + 3 },
                "EQUAL_OR_LESS",
                false,
            )
        } else if two("just", "over") || two("well", "over") {
            (i + 2, "MORE_THAN", false)
        } else if two("just", "under") {
            (i + 2, "LESS_THAN", false)
        } else {
            match w {
                "over" | "nearly" | "almost" | "about" | "around" | "approximately" | "roughly"
                | "some" | "under" => {
                    // Only before a number: "over three years", not "over the weekend".
                    self.number(i + 1)?;
                    let m = match w {
                        "over" => "MORE_THAN",
                        "under" => "LESS_THAN",
                        "nearly" | "almost" => "LESS_THAN",
                        _ => "APPROX",
                    };
                    (i + 1, m, false)
                }
                "early" | "late" | "mid" | "later" | "earlier" => {
                    let m = match w {
                        "early" | "earlier" => "START",
                        "late" | "later" => "END",
                        _ => "MID",
                    };
                    let j = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
                    // "later this year", "earlier this month" only with a this/next/last unit.
                    if matches!(w, "later" | "earlier")
                        && !self.any(j, &["this", "next", "last", "that", "in"])
                    {
                        return None;
                    }
                    let j = if self.is(j, "in") && self.is(j + 1, "the") {
                        j + 1
                    } else {
                        j
                    };
                    (j, m, true)
                }
                "the" | "by" | "at" | "until" => {
                    // "the end of", "the beginning of", "the middle of", "the start of".
                    let k = if w == "the" { i + 1 } else { return None };
                    let m = match self.w(k) {
                        "end" | "close" => "END",
                        "beginning" | "start" | "dawn" => "START",
                        "middle" => "MID",
                        _ => return None,
                    };
                    if !self.is(k + 1, "of") {
                        return None;
                    }
                    (k + 2, m, true)
                }
                _ => return None,
            }
        };
        Some(r)
    }

    /// Phrases opening with "the" whose head is a time noun; "the" belongs to the span.
    fn the_phrase(&self, i: usize) -> Option<Found> {
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

    /// "the year", "the month" after "the end of", "earlier in": the current one.
    fn the_unit(&self, j: usize) -> M {
        if !self.is(j, "the") {
            return None;
        }
        match self.unit_shift(j + 1, 0)? {
            (e, Sem::RelUnit { unit, off }) => Some((e, Sem::RelUnit { unit, off })),
            _ => None,
        }
    }

    /// "that year", "that day", "that quarter": the time the text is speaking of.
    fn that_unit(&self, i: usize) -> M {
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
    fn year_ago(&self, i: usize) -> M {
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
    fn unit_shift(&self, k: usize, off: i64) -> M {
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
    fn narrative(&self, j: usize) -> M {
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
    fn phrase_ends(&self, k: usize) -> bool {
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
    fn core(&self, i: usize) -> M {
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
    fn second_day(&self, i: usize) -> M {
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

    // ---------- numbers ----------

    /// A count: digits, number words ("twenty-four"), "a"/"an", "a couple of", "a few",
    /// "several". Returns (end, value or None for vague counts).
    fn number(&self, i: usize) -> Option<(usize, Option<f64>)> {
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
                return Some((i + 1, Some(1.0)));
            }
            "several" | "few" | "many" | "some" => return Some((i + 1, None)),
            "couple" if self.is(i + 1, "of") => return Some((i + 2, Some(2.0))),
            "half" if self.any(i + 1, &["a", "an"]) => return Some((i + 2, Some(0.5))),
            // "half-century", "half century", "half-hour": half of the unit that follows.
            "half" => {
                let k = if self.is(i + 1, "-") && self.t.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                if self.unit(k).is_some() && !self.w(k).ends_with('s') {
                    return Some((k, Some(0.5)));
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
        // "two and a half (years)".
        if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
            return Some((end + 3, Some(total as f64 + 0.5)));
        }
        Some((end, Some(total as f64)))
    }

    /// Unit word at `k` (singular or plural), with the rules about which units may follow "a".
    fn unit(&self, k: usize) -> Option<&'static str> {
        self.lex.unit(self.w(k))
    }

    /// "three years", "30-day", "two-year-long", "weeks", "a decade", "24 hours",
    /// and the date offsets "two days ago", "a year earlier". `after_the` allows a
    /// number-less singular unit ("the past year").
    fn counted_duration(&self, i: usize, after_the: bool) -> M {
        let w = self.w(i);
        // Bare plural units: "weeks", "years", "decades".
        if let Some(unit) = self.unit(i) {
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
        // A bare small number before "second(s)"/"quarter" is usually not a time: "one quarter of".
        if unit == "Q" && !hyphenated && !after_the {
            return None;
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
    fn offset_suffix(&self, k: usize, n: Option<f64>, unit: &'static str) -> M {
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

    // ---------- dates ----------

    /// A month name at `i` (capitalised; abbreviations with their dot). Returns (end, month).
    fn month_word(&self, i: usize) -> Option<(usize, u32)> {
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
    fn day_number(&self, i: usize) -> Option<u32> {
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
    fn year_number(&self, i: usize) -> Option<i32> {
        if self.t.digits(i) != 4 {
            return None;
        }
        let y = self.t.int(i)? as i32;
        (1000..=2200).contains(&y).then_some(y)
    }

    /// Optional ", 2025" / " 2025" after a month-day.
    fn year_after(&self, k: usize) -> Option<(usize, i32)> {
        let k2 = if self.is(k, ",") { k + 1 } else { k };
        self.year_number(k2)
            .map(|y| (k2 + 1, y))
            .or_else(|| self.spelled_year(k2))
    }

    /// "2025-05-12", "12/05/2025" (day first unless impossible), "5/12/25".
    fn numeric_date(&self, i: usize) -> M {
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
    fn month_date(&self, i: usize) -> M {
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
    fn year_ref(&self, k: usize) -> Option<i32> {
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
    fn day_month(&self, i: usize) -> M {
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
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let first = self.lex.cardinal(self.w(i))?;
        if first == 2 && self.is(i + 1, "thousand") {
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
    fn year(&self, i: usize) -> M {
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
    fn decade(&self, i: usize) -> M {
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
    fn century(&self, i: usize) -> M {
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
    fn weekday_word(&self, i: usize) -> Option<u32> {
        if !self.capitalised(i) {
            return None;
        }
        self.lex.weekday(self.w(i))
    }

    /// "Sunday", "last Friday", "this Thursday", "Sunday night", "Friday, May 12".
    fn weekday(&self, i: usize) -> M {
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
        if rel == Rel::Bare {
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
    fn with_part(&self, end: usize, day: Sem) -> (usize, Sem) {
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

    /// "today", "yesterday", "tomorrow", "tonight", "last night", "this morning",
    /// "next week", "last year", "this month", "last summer", "next March".
    fn relative(&self, i: usize) -> M {
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
    fn reference(&self, i: usize) -> M {
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
            // "in coming months", "the coming weeks": the near future.
            "coming" if self.unit(i + 1).is_some() && self.w(i + 1).ends_with('s') => {
                Some((i + 2, Sem::Ref("FUTURE_REF")))
            }
            "future" if self.is(i.wrapping_sub(1), "in") => Some((i + 1, Sem::Ref("FUTURE_REF"))),
            _ => None,
        }
    }

    /// "3pm", "3 p.m.", "10:30", "10:30 ET", "noon", "5 p.m. EST Nov. 9".
    fn clock(&self, i: usize) -> M {
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
    fn meridiem(&self, k: usize) -> Option<(usize, bool)> {
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
    fn quarter(&self, i: usize) -> M {
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
                "quarter" if (1..=4).contains(&n) || n == -1 => {
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
    fn season(&self, i: usize) -> M {
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

    fn holiday(&self, i: usize) -> M {
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
    fn set(&self, i: usize) -> Option<Found> {
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

/// "the past few weeks", "the last several quarters": a vague stretch of the past is
/// the past itself in TimeML (PAST_REF); counted ones stay durations.
fn vague_past(m: (usize, Sem)) -> (usize, Sem) {
    match m {
        (end, Sem::Duration { n: None, .. }) => (end, Sem::Ref("PAST_REF")),
        other => other,
    }
}

fn to_24(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// TIMEX3 duration value for `n` units ("P3Y", "PT2H", "PXW").
pub fn duration_value(n: Option<f64>, unit: &str) -> String {
    // Fractions go to the next smaller unit: 2.5 years = P2Y6M, 5.5 hours = PT5H30M.
    if let Some(v) = n.filter(|v| v.fract() != 0.0) {
        let (whole, frac) = (v.trunc() as i64, v.fract());
        let (big, small, per, time) = match unit {
            "Y" => ("Y", "M", 12.0, false),
            "M" => ("M", "D", 30.0, false),
            "D" => ("D", "H", 24.0, false),
            "TH" => ("H", "M", 60.0, true),
            "TM" => ("M", "S", 60.0, true),
            _ => ("", "", 0.0, false),
        };
        let part = (frac * per).round() as i64;
        if per > 0.0 && (frac * per - part as f64).abs() < 1e-6 {
            let head = if whole > 0 {
                format!("{whole}{big}")
            } else {
                String::new()
            };
            return match (time, unit) {
                (true, _) => format!("PT{head}{part}{small}"),
                (false, "D") => format!("P{head}T{part}{small}"),
                _ => format!("P{head}{part}{small}"),
            };
        }
    }
    let num = |k: f64| match n {
        Some(v) => {
            let x = v * k;
            if (x - x.round()).abs() < 1e-9 {
                format!("{}", x.round() as i64)
            } else {
                format!("{x}")
            }
        }
        None => "X".to_string(),
    };
    match unit {
        "TS" => format!("PT{}S", num(1.0)),
        "TM" => format!("PT{}M", num(1.0)),
        "TH" => format!("PT{}H", num(1.0)),
        "D" => format!("P{}D", num(1.0)),
        "W" => format!("P{}W", num(1.0)),
        "2W" => format!("P{}W", num(2.0)),
        "WE" => format!("P{}D", num(2.0)),
        "M" => format!("P{}M", num(1.0)),
        // TimeML counts quarters in months.
        "Q" => format!("P{}M", num(3.0)),
        "Y" => format!("P{}Y", num(1.0)),
        "DE" if n.is_none() => "PXDE".to_string(),
        "DE" => format!("P{}Y", num(10.0)),
        // Vague centuries and millennia keep their TimeML units (PXCE, PXML, P2ML);
        // counted decades and centuries are years, as TimeBank writes them (P20Y).
        "CE" if n.is_none() => "PXCE".to_string(),
        "CE" => format!("P{}Y", num(100.0)),
        "ML" => format!("P{}ML", num(1.0)),
        _ => format!("P{}D", num(1.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, Sem)> {
        let t = Tokens::new(text);
        detect(&t)
            .into_iter()
            .map(|f| {
                let s = t.toks[f.start].start;
                let e = t.toks[f.end - 1].end;
                (text[s..e].to_string(), f.sem)
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        spans(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn compound_adjective_between_count_and_unit() {
        let got = spans("It was capped on two non-emergency days and three-quarters of voters.");
        assert_eq!(got[0].0, "two non-emergency days");
        assert_eq!(
            got[0].1,
            Sem::Duration {
                n: Some(2.0),
                unit: "D"
            }
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn one_day_after_a_modal_is_the_future() {
        let sems: Vec<Sem> = spans("Islam will one day be large. He stayed for one day.")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(sems[0], Sem::Ref("FUTURE_REF"));
        assert!(matches!(sems[1], Sem::Duration { .. }));
    }

    #[test]
    fn dates_in_common_formats() {
        assert_eq!(
            texts("Born on 12 May 2025, seen May 12th and May 12, 2025, filed 2025-05-12 and 12/05/2025."),
            vec!["12 May 2025", "May 12th", "May 12, 2025", "2025-05-12", "12/05/2025"]
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(texts("Officials May decide. She may come.").is_empty());
        assert_eq!(texts("It opened in May."), vec!["May"]);
    }

    #[test]
    fn years_but_not_counts() {
        assert_eq!(
            texts("In 1998 there were 2,000 troops and 1500 people."),
            vec!["1998"]
        );
        assert_eq!(texts("the 2024 race"), vec!["2024"]);
    }

    #[test]
    fn durations_keep_their_modifiers() {
        assert_eq!(
            texts("a 30-day truce, a two-year-long war, more than three years, for weeks"),
            vec!["30-day", "two-year-long", "more than three years", "weeks"]
        );
    }

    #[test]
    fn weekdays_with_modifiers_and_parts() {
        assert_eq!(
            texts("late Sunday, on Saturday, this Thursday, Friday night"),
            vec!["late Sunday", "Saturday", "this Thursday", "Friday night"]
        );
    }

    #[test]
    fn the_is_kept_for_time_nouns_only() {
        assert_eq!(
            texts("in the third quarter, over the past three months, in the 1990s, the 2024 vote"),
            vec![
                "the third quarter",
                "the past three months",
                "the 1990s",
                "2024"
            ]
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(texts("By 1200 GMT shares fell."), vec!["1200 GMT"]);
        assert_eq!(
            texts("at 3pm GMT and 10:30 ET, 5 p.m. Friday"),
            vec!["3pm GMT", "10:30 ET", "5 p.m. Friday"]
        );
    }

    #[test]
    fn year_end() {
        assert_eq!(
            texts("by year-end, at year end"),
            vec!["year-end", "year end"]
        );
    }

    #[test]
    fn sets() {
        assert_eq!(
            texts("every Monday, daily, each year, twice a week"),
            vec!["every Monday", "daily", "each year", "twice a week"]
        );
    }

    #[test]
    fn starters_are_sorted() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Some(3.0), "Y"), "P3Y");
        assert_eq!(duration_value(Some(2.0), "TH"), "PT2H");
        assert_eq!(duration_value(None, "W"), "PXW");
        assert_eq!(duration_value(Some(1.0), "DE"), "P10Y");
        assert_eq!(duration_value(Some(2.5), "Y"), "P2Y6M");
        assert_eq!(duration_value(Some(5.5), "TH"), "PT5H30M");
        assert_eq!(duration_value(Some(3.0), "Q"), "P9M");
    }
}
