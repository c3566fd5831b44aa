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

mod counts;
mod dates;
mod phrases;
mod relative;

use super::lexicon::{lexicon, Lexicon};
use super::scan::{Kind, Tokens};
use super::sem::{Found, From, Rel, Sem};

crate::lexicon::word_set!(
    /// Grammar words that can open an expression besides the vocabulary of
    /// `data/time_words.tsv` (sorted: looked up by binary search).
    STARTERS,
    crate::lexicon::TIME_GRAMMAR,
    "starters"
);

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
            if !decade_word && !plural && !p.lex.knows(w) && !STARTERS.contains(&w) {
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

crate::lexicon::word_set!(
    /// Modal verbs: after one, "one day" is an unspecified future ("will one day be").
    MODALS,
    crate::lexicon::TIME_GRAMMAR,
    "modals"
);

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

crate::lexicon::word_set!(
    /// Words before a weekday/month/number that make a month name ("May", "March") safe to read as a month.
    MONTH_CONTEXT,
    crate::lexicon::TIME_GRAMMAR,
    "month_context"
);

crate::lexicon::word_set!(
    /// Words after a four-digit number that show it counts things rather than naming a year.
    NOT_YEAR_AFTER,
    crate::lexicon::TIME_GRAMMAR,
    "not_year_after"
);

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
        // Quarters keep their unit, as TimeBank writes them ("two quarters" = P2Q,
        // "every quarter" = P1Q).
        "Q" => format!("P{}Q", num(1.0)),
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
    fn duration_values() {
        assert_eq!(duration_value(Some(3.0), "Y"), "P3Y");
        assert_eq!(duration_value(Some(2.0), "TH"), "PT2H");
        assert_eq!(duration_value(None, "W"), "PXW");
        assert_eq!(duration_value(Some(1.0), "DE"), "P10Y");
        assert_eq!(duration_value(Some(2.5), "Y"), "P2Y6M");
        assert_eq!(duration_value(Some(5.5), "TH"), "PT5H30M");
        assert_eq!(duration_value(Some(3.0), "Q"), "P3Q");
    }
}
