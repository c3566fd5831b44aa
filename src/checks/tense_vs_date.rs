//! Check: the narration's tense contradicts a dated event's place relative to publication.
//!
//! Input: the time stage's resolved dates (`ctx.times`, whose basis records the tense of
//! the clause the date sits in), the publication date, and the direct quotations. Output:
//! a `tense-vs-date` flag when the narrator puts an event "on <day>" in the past tense
//! although the day comes after publication ("Flights resumed on <two days later>"), or in
//! the future tense although the day has passed ("The school will open on <a week
//! earlier>"). Example (published 2025-03-10): "The bridge reopened on March 14" is
//! flagged; "The bridge was scheduled to reopen on March 14" and "The bridge will reopen on
//! March 14" are not.
//!
//! Precision: only day-precise dates introduced by "on" (the day an event happened), at
//! least [`MIN_DAYS`] from publication (slack for time zones and late filing), outside
//! quotations (a speaker's tense is theirs), and never in a sentence that plans, hedges or
//! reports a plan (scheduled, expected, would, if…) for past-tense claims, or that speaks
//! of delay or of an earlier plan for future-tense claims. Linear: one look per date.

use super::folded::lower;
use super::narration::Narration;
use super::{Check, Context};
use crate::model::{Flag, TimeType};
use crate::span::Span;
use crate::text::Pattern;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::sync::LazyLock;

pub struct TenseVsDate;

/// Days between the date and publication below which tense is not judged.
const MIN_DAYS: i64 = 2;

/// Words that make a past-tense sentence about a later day legitimate: plans, forecasts,
/// hedges and reported intentions ("was scheduled to open on …", "said it would …").
static PAST_OK_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:would|could|might|should|may|if|unless|schedul\w*|plan\w*|expect\w*|due|set to|slated|intend\w*|hop\w*|aim\w*|forecast\w*|was to|were to|until|by|will|going to|announc\w*|agreed to|promis\w*|vow\w*|pledg\w*|called for|asked|urged|ahead of|before|deadline|ordered|postpon\w*|delay\w*|moved|brought forward)(?-u:\b)".into()
});

/// Words that make a future-tense sentence about a past day legitimate: an earlier plan,
/// a delay, or a report of what was said then.
static FUTURE_OK_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:would|could|might|if|unless|had|originally|initially|was|were|said|told|postpon\w*|delay\w*|pushed back|moved|instead|last|ago|since|every|each)(?-u:\b)".into()
});

/// A finite future marker in the narration: "will", "is due to", "are set to"… A bare
/// participle ("a trial scheduled to begin on …") reports an old plan, not the future.
static FUTURE_MARK_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:will|shall|(?:is|are)\s+(?:due|set|expected|scheduled|going|slated|to))(?-u:\b)"
        .into()
});

/// Irregular past forms a dated event is told with ("came out on", "held on", "won on"):
/// `data/irregular_past.txt`.
static IRREGULAR_PAST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::IRREGULAR_PAST.word_set(None));

/// Most days a year-less date may lie from publication and still be judged: further
/// away, the time stage's choice of year is itself a guess.
const MAX_YEARLESS_DAYS: i64 = 45;

/// A past-tense verb among the last few narrator words before "on": the dated event
/// itself is told as past ("resumed on", "came out on"), not only some other clause.
fn past_verb_before(before_on: &str) -> bool {
    before_on
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| (w.len() > 3 && w.ends_with("ed")) || IRREGULAR_PAST.contains(w))
}

/// "on" (or "on the") right before the date: the day the event is put on.
static ON_RE: Pattern = Pattern::new(|| r"(?-u:\b)on(?:\s+the)?\s*$".into());

/// Bytes before a date searched for "on" and the past verb before it: three words and "on
/// the" fit with room to spare, and the window keeps each date's look constant.
const BEFORE_WINDOW: usize = 80;

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One sentence's narrator text (lower-cased, quotations blanked) and its veto words.
struct SentenceView {
    index: usize,
    low: String,
    past_ok: bool,
    future_ok: bool,
    future_mark: bool,
}

impl SentenceView {
    fn new(narration: &Narration, text: &str, sentence: Span, index: usize) -> Self {
        let low = lower(&narration.text(text, sentence)).into_owned();
        SentenceView {
            index,
            past_ok: PAST_OK_RE.is_match(&low),
            future_ok: FUTURE_OK_RE.is_match(&low),
            future_mark: FUTURE_MARK_RE.is_match(&low),
            low,
        }
    }
}

impl Check for TenseVsDate {
    fn id(&self) -> &'static str {
        "tense-vs-date"
    }

    fn description(&self) -> &'static str {
        "An event's tense contradicts its date relative to publication."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let Some(published) = ctx.published else {
            return Vec::new();
        };
        let text = ctx.doc.text;
        let narration = Narration::new(ctx.quotes);
        let mut flags = Vec::new();
        let mut cached: Option<SentenceView> = None;
        for t in ctx.times {
            if t.kind != TimeType::Date {
                continue;
            }
            let (Some(value), Some(basis)) = (t.value.as_deref(), t.basis.as_deref()) else {
                continue;
            };
            let past = basis.contains("(past tense)");
            let future = basis.contains("(future tense)");
            if !(past || future) || value.len() != 10 {
                continue;
            }
            let Ok(day) = NaiveDate::parse_from_str(value, "%Y-%m-%d") else {
                continue;
            };
            let gap = (day - published).num_days();
            let wrong = (past && gap >= MIN_DAYS) || (future && gap <= -MIN_DAYS);
            if !wrong {
                continue;
            }
            let Some(si) = ctx.doc.sentence_at(t.span.start) else {
                continue;
            };
            let Some(sentence) = ctx.doc.sentences.get(si).copied() else {
                continue;
            };
            // The narrator's words of the sentence, quotations blanked, offsets kept; read
            // once per sentence, so a sentence full of dates stays linear.
            if cached.as_ref().is_none_or(|c| c.index != si) {
                cached = Some(SentenceView::new(&narration, text, sentence, si));
            }
            let Some(view) = cached.as_ref() else {
                continue;
            };
            let narr_low = &view.low;
            let at = t.span.start.saturating_sub(sentence.start);
            let tail_start = floor_boundary(narr_low, at.saturating_sub(BEFORE_WINDOW));
            let (Some(before), Some(date_text)) = (
                narr_low.get(tail_start..at),
                narr_low.get(at..t.span.end.saturating_sub(sentence.start)),
            ) else {
                continue;
            };
            if date_text.trim().is_empty() || !ON_RE.is_match(before) {
                // Inside a quotation, or not the day an event is put on.
                continue;
            }
            let yearless = !date_text
                .bytes()
                .filter(|b| b.is_ascii_digit())
                .count()
                .eq(&4)
                && !date_text
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|w| w.len() == 4);
            if yearless && gap.abs() > MAX_YEARLESS_DAYS {
                continue;
            }
            let before_on = ON_RE.replace(before, "");
            let vetoed = if past {
                view.past_ok || !past_verb_before(&before_on)
            } else {
                view.future_ok || !view.future_mark
            };
            if vetoed {
                continue;
            }
            let on = before
                .rfind("on")
                .map(|i| sentence.start + tail_start + i)
                .unwrap_or(t.span.start);
            let (message, reason) = if past {
                (
                    format!("The event is told as past, but {value} is {gap} days after publication ({published})."),
                    "the past tense of the clause compared with the publication date",
                )
            } else {
                (
                    format!("The event is told as still to come, but {value} is {} days before publication ({published}).", -gap),
                    "the future tense of the clause compared with the publication date",
                )
            };
            flags.push(Flag {
                links: Vec::new(),
                kind: self.id().into(),
                message,
                reason: reason.into(),
                confidence: 0.5,
                evidence: vec![Span::new(on, t.span.end)],
                fact: None,
            });
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeExpr;
    use crate::text::Document;

    /// Runs the check with one resolved date at `expr` in `text`.
    fn run(text: &str, expr: &str, value: &str, tense: &str, published: &str) -> Vec<Flag> {
        let doc = Document::new(text);
        let start = text.find(expr).unwrap();
        let times = [TimeExpr {
            span: Span::new(start, start + expr.len()),
            kind: TimeType::Date,
            value: Some(value.into()),
            modifier: None,
            label: None,
            basis: Some(format!(
                "resolved from publication date {published} ({tense} tense)"
            )),
        }];
        let ctx = Context {
            doc: &doc,
            people: &[],
            entities: &[],
            quotes: &[],
            times: &times,
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            facts: &[],
        };
        TenseVsDate.run(&ctx)
    }

    #[test]
    fn fires_on_past_tense_for_a_later_day_and_future_for_an_earlier_one() {
        let t = "The bridge over the Tarn reopened on March 14 after repairs.";
        let f = run(t, "March 14", "2025-03-14", "past", "2025-03-10");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].evidence[0].text(t), "on March 14");
        let t = "The clinic in Marsh End will take its first patients on 2 June.";
        assert_eq!(
            run(t, "2 June", "2025-06-02", "future", "2025-06-20").len(),
            1
        );
        let t = "Night buses are due to return to the valley on 2 June.";
        let f = run(t, "2 June", "2025-06-02", "future", "2025-06-20");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn near_misses_stay_silent() {
        for (t, e, v, tense, p) in [
            (
                "The bridge was scheduled to reopen on March 14.",
                "March 14",
                "2025-03-14",
                "past",
                "2025-03-10",
            ),
            (
                "The bridge will reopen on March 14.",
                "March 14",
                "2025-03-14",
                "future",
                "2025-03-10",
            ),
            (
                "The bridge reopened on March 11.",
                "March 11",
                "2025-03-11",
                "past",
                "2025-03-10",
            ),
            (
                "“We reopened on March 14,” she joked.",
                "March 14",
                "2025-03-14",
                "past",
                "2025-03-10",
            ),
            (
                "Crews worked until March 14.",
                "March 14",
                "2025-03-14",
                "past",
                "2025-03-10",
            ),
            (
                "The clinic, which was to open on 2 June, will now open in July.",
                "2 June",
                "2025-06-02",
                "future",
                "2025-06-20",
            ),
            (
                "The clinic will open on 2 June, officials said in May.",
                "2 June",
                "2025-06-02",
                "future",
                "2025-06-20",
            ),
        ] {
            assert!(run(t, e, v, tense, p).is_empty(), "{t}");
        }
    }
}
