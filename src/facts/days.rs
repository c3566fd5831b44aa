//! Day claims: "event E happened on day D", read from the time stage's day-precision
//! expressions and the event words of the clause they date.
//!
//! Input: the time stage's expressions (a calendar date "Jan. 24", a weekday "Sunday
//! night", both "Tuesday, Oct. 10"), the document's sentence tokens, the quotes stage's
//! direct quotations, the WordNet event groups ([`super::events`]). Output: [`Claim`]s
//! with a [`Day`] value: the calendar date when the expression's words give a month, the
//! weekday when they name one, and the date the time stage resolved it to.
//!
//! Two shapes are read, each inside one sentence and bounded in words:
//! - the clause before the expression: "she died on Jan. 24" (the verb), "before the
//!   hill gave way on Sunday night" (back to the clause opener "before");
//! - an appositive naming the day of a noun phrase: "the morning of her death, a
//!   Friday" (the event nouns of the phrase before the comma).
//!
//! Example: in "She died on Jan. 24 at home." the claim is (died: `+die`, date
//! 2024-01-24); in "the day of her death, a Friday" it is (death, weekday Friday).

use super::events::words_of;
use super::{Attribute, Claim, EventRef, Input, Qualifier, Subject, Value};
use crate::model::{TimeExpr, TimeType};
use crate::span::Span;
use crate::text::{Token, TokenKind};
use crate::time::calendar;
use chrono::{NaiveDate, Weekday};

/// Words read back from a day expression for the event it dates: enough for "a hillside
/// had collapsed onto a village in the mountains of <Name> late on", short enough that a
/// noun of an earlier clause is rarely taken for the event.
const CLAUSE_WORDS: usize = 12;
/// Words of the noun phrase an appositive day names ("the morning of her death").
const APPOSITIVE_WORDS: usize = 6;
/// Claims kept per document (linear on hostile input; news has a handful).
const MAX_CLAIMS: usize = 200;

crate::lexicon::word_set!(
    /// Words that open a clause about another event ("after the storm", "before the hill
    /// gave way", "she said"): reading back for a day's event stops at them.
    CLAUSE_OPENERS,
    crate::lexicon::FACT_GRAMMAR,
    "day_clause_openers"
);

crate::lexicon::word_set!(
    /// Verbs that report or schedule rather than tell the event itself ("announced on
    /// Friday", "was held on Sunday"): their day is the report's or says nothing of which
    /// event it is, so they are not event words here.
    NOT_EVENT_VERBS,
    crate::lexicon::FACT_GRAMMAR,
    "not_event_verbs"
);

/// The day an expression gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// The calendar date, when the expression's words give a month and day.
    pub date: Option<NaiveDate>,
    /// The weekday the expression's words name ("Sunday night" → Sunday).
    pub weekday: Option<Weekday>,
    /// The date the time stage resolved the expression to.
    pub resolved: NaiveDate,
    /// The expression's passage.
    pub span: Span,
}

/// The date a TIMEX3 value of day precision names ("2024-01-24", "2023-10-08TNI").
fn day_of(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
}

/// The weekday and whether a month is named, from an expression's words.
fn read_words(words: &str) -> (Option<Weekday>, bool) {
    let mut weekday = None;
    let mut month = false;
    for w in words
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if weekday.is_none() {
            weekday = w.parse::<Weekday>().ok().filter(|_| {
                (1..=7)
                    .any(|n| calendar::weekday_name(n).is_some_and(|d| d.eq_ignore_ascii_case(w)))
            });
        }
        month |= calendar::month_of_word(w).is_some();
    }
    (weekday, month)
}

fn word<'t>(toks: &[Token], text: &'t str, k: usize) -> Option<&'t str> {
    toks.get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
}

fn punct<'t>(toks: &[Token], text: &'t str, k: usize) -> Option<&'t str> {
    toks.get(k)
        .filter(|t| t.kind == TokenKind::Punct)
        .map(|t| t.text(text))
}

/// Event lemmas of the lower-case words in `from..to`, without reporting verbs. A noun
/// after "a", "an" or "another" introduces an occurrence of its kind ("at a rally on
/// Monday"), not the event told elsewhere, so it names none here.
fn event_words(toks: &[Token], text: &str, from: usize, to: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut indefinite = false;
    for k in from..to {
        let Some(w) =
            word(toks, text, k).filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        else {
            continue;
        };
        if matches!(w, "a" | "an" | "another") {
            indefinite = true;
            continue;
        }
        let ws = words_of(w, word(toks, text, k + 1));
        let is_noun = ws.iter().any(|l| !l.starts_with(['+', '~', '@']));
        if !(indefinite && is_noun) {
            out.extend(
                ws.into_iter()
                    .filter(|l| !NOT_EVENT_VERBS.contains(&l.as_str()) && !l.starts_with('@')),
            );
        }
        // The article governs the noun phrase up to its head noun.
        if is_noun || !w.ends_with(|c: char| c.is_alphabetic()) {
            indefinite = false;
        }
    }
    out
}

/// The event words dating the expression that starts at token `i`, and where they start.
fn event_before(toks: &[Token], text: &str, i: usize) -> Option<(Vec<String>, usize, bool)> {
    // An appositive: "<noun phrase>, a Friday".
    if i >= 2
        && word(toks, text, i - 1).is_some_and(|w| w.eq_ignore_ascii_case("a"))
        && punct(toks, text, i - 2) == Some(",")
    {
        let end = i - 2;
        let mut from = end;
        let mut n = 0;
        while from > 0 && n < APPOSITIVE_WORDS && word(toks, text, from - 1).is_some() {
            from -= 1;
            n += 1;
        }
        let words: Vec<String> = event_words(toks, text, from, end)
            .into_iter()
            .filter(|l| !l.starts_with(['+', '~']))
            .collect();
        return (!words.is_empty()).then_some((words, from, true));
    }
    // The clause before "on <day>": back to a clause opener or punctuation. Without
    // "on" the day is often no date of the clause's event: a range ("between Dec. 6 and
    // 9"), another event's day ("ahead of the state's April 19 primary"), a report's day
    // ("a poll released Monday").
    if !word(toks, text, i.checked_sub(1)?).is_some_and(|w| w.eq_ignore_ascii_case("on")) {
        return None;
    }
    let mut from = i;
    let mut n = 0;
    while from > 0 && n < CLAUSE_WORDS {
        let prev = from - 1;
        match word(toks, text, prev) {
            Some(w) if CLAUSE_OPENERS.contains(&w.to_lowercase().as_str()) => break,
            Some(_) => n += 1,
            None if matches!(
                punct(toks, text, prev),
                Some("," | ";" | ":" | "(" | "\"" | "“" | "”")
            ) =>
            {
                break
            }
            None => {}
        }
        from = prev;
    }
    let words = event_words(toks, text, from, i);
    (!words.is_empty()).then_some((words, from, false))
}

/// Every day claim of the document, in text order.
pub fn find(input: &Input) -> Vec<Claim> {
    let doc = input.doc;
    let text = doc.text;
    let mut quotes: Vec<Span> = input
        .quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| q.span)
        .collect();
    quotes.sort_by_key(|q| q.start);
    let mut out = Vec::new();
    for t in input.times {
        if out.len() >= MAX_CLAIMS {
            break;
        }
        if !matches!(t.kind, TimeType::Date | TimeType::Time) {
            continue;
        }
        if let Some(c) = claim(input, &quotes, t, text) {
            out.push(c);
        }
    }
    out
}

/// Whether a quotation (spans sorted by start) holds `sp`: the few quotations starting
/// last before it are enough (a quotation nested in another starts inside it).
fn quoted(quotes: &[Span], sp: &Span) -> bool {
    let i = quotes.partition_point(|q| q.start <= sp.start);
    quotes[..i].iter().rev().take(4).any(|q| q.contains(sp))
}

fn claim(input: &Input, quotes: &[Span], t: &TimeExpr, text: &str) -> Option<Claim> {
    let doc = input.doc;
    let resolved = day_of(t.value.as_deref()?)?;
    let (weekday, month) = read_words(t.span.text(text));
    if weekday.is_none() && !month {
        return None;
    }
    let si = doc.sentence_at(t.span.start)?;
    let toks = doc.sentence_tokens(si);
    // Binary search: one endless sentence of dates stays linear.
    let i = toks.partition_point(|k| k.span.start < t.span.start);
    if i >= toks.len() {
        return None;
    }
    let (words, from, appositive) = event_before(toks, text, i)?;
    let start = toks.get(from)?.span.start;
    let mut qualifiers = Vec::new();
    if quoted(quotes, &t.span) {
        qualifiers.push(Qualifier::Quoted);
    }
    let sent = doc.sentences.get(si)?;
    let clause = text.get(start..t.span.end).unwrap_or("").to_lowercase();
    if [
        "would",
        "could",
        "will",
        "might",
        "may",
        "if",
        "expected",
        "scheduled",
        "planned",
    ]
    .iter()
    .any(|m| clause.split(|c: char| !c.is_alphabetic()).any(|w| w == *m))
    {
        qualifiers.push(Qualifier::Hypothetical);
    }
    Some(Claim {
        subject: Subject::Event(EventRef {
            words,
            definite: Vec::new(),
            restrictive: false,
            span: Span::new(start, t.span.start),
        }),
        attribute: Attribute::Day,
        value: Value::Day(Day {
            date: month.then_some(resolved),
            weekday,
            resolved,
            span: t.span,
        }),
        qualifiers,
        evidence: Span::new(start, t.span.end.min(sent.end)),
        sentence: si,
        confidence: if appositive { 0.8 } else { 0.6 },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_weekdays_and_months_from_words() {
        assert_eq!(read_words("Sunday night"), (Some(Weekday::Sun), false));
        assert_eq!(read_words("Jan. 24"), (None, true));
        assert_eq!(read_words("Tuesday, Oct. 10"), (Some(Weekday::Tue), true));
        assert_eq!(read_words("yesterday"), (None, false));
        assert_eq!(
            day_of("2023-10-08TNI"),
            NaiveDate::from_ymd_opt(2023, 10, 8)
        );
        assert_eq!(day_of("2023-10"), None);
    }
}
