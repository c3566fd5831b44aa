//! Day claims: "event E happened on day D", read from the time stage's day-precision
//! expressions and the event words of the clause they date.
//!
//! Input: the time stage's expressions (a calendar date "Jan. 24", a weekday "Sunday
//! night", both "Tuesday, Oct. 10"), the document's sentence tokens, the quotes stage's
//! direct quotations, the WordNet event groups ([`super::events`]). Output: [`Claim`]s
//! with a [`Day`] value: the calendar date when the expression's words give a month, the
//! weekday when they name one, and the date the time stage resolved it to.
//!
//! Five shapes are read, each inside one sentence and bounded in words (see `event_of`):
//! the clause before "on <day>" ("before the hill gave way on Sunday night"); the same
//! clause before a day written without "on", wire style ("died Tuesday", "was run Friday
//! night"), unless a preposition or conjunction makes the day a bound, a range or one of a
//! list; an appositive ("the morning of her death, a Friday"); a possessive or attributive
//! day before event nouns ("Friday's recount", "the April 19 primary", definite by the
//! day); and a fronted day ("On Monday, the court heard …").
//!
//! Example: in "She died on Jan. 24 at home." the claim is (died: `+die`, date
//! 2024-01-24); in "the day of her death, a Friday" it is (death, weekday Friday).

use super::events::{self, words_of};
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

crate::lexicon::word_set!(
    /// Words before a day written without "on" that make it a bound ("until Tuesday"), a
    /// range ("from Monday"), one of a list ("Monday and Tuesday") or a day named by a
    /// determiner ("the Friday before"): it is then no day of the clause's event.
    NOT_BEFORE_BARE_DAY,
    crate::lexicon::FACT_GRAMMAR,
    "not_before_bare_day"
);

crate::lexicon::word_set!(
    /// Words telling that an event happened again or moved to another day ("again",
    /// "postponed", "resumed"): two days for its kind are then two occasions.
    DAY_CHANGE,
    crate::lexicon::FACT_GRAMMAR,
    "day_change"
);

/// Event lemmas of the lower-case words in `from..to`, without reporting verbs, and the
/// definite ones: the noun at token `head` when a determiner makes it definite ("the
/// final on Saturday", "her death, a Friday") and no verb before it in the clause makes
/// it an object ("echoed that promise on Monday" dates the echo, not the promise). A
/// noun after "a", "an" or "another" introduces an occurrence of its kind ("at a rally
/// on Monday"), not the event told elsewhere, so it names none here.
fn event_words(
    toks: &[Token],
    text: &str,
    from: usize,
    to: usize,
    head: Option<usize>,
) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut definite = Vec::new();
    let mut indefinite = false;
    let mut verb_seen = false;
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
        // "a flight from Bali that landed on Tuesday": a relative clause after the noun
        // tells what this occurrence did on the day, so the noun is the dated event.
        let relative = || {
            (k + 1..(k + 5).min(to))
                .any(|r| word(toks, text, r).is_some_and(|w| matches!(w, "that" | "which")))
        };
        if !(indefinite && is_noun) || relative() {
            let ws: Vec<String> = ws
                .into_iter()
                .filter(|l| !NOT_EVENT_VERBS.contains(&l.as_str()) && !l.starts_with('@'))
                .collect();
            // A definite gerund names the event by its verb's stem too ("the signing"). A
            // past form after "that" is a verb ("that landed"), whatever noun it spells.
            if head == Some(k)
                && is_noun
                && !verb_seen
                && !w.ends_with("ed")
                && k > from
                && word(toks, text, k - 1).is_some_and(events::determines)
            {
                definite.extend(ws.iter().filter(|l| !l.starts_with('+')).cloned());
            }
            out.extend(ws);
        }
        verb_seen |= verb_like(w);
        // The article governs the noun phrase up to its head noun.
        if is_noun || !w.ends_with(|c: char| c.is_alphabetic()) {
            indefinite = false;
        }
    }
    (out, definite)
}

/// A word that is a verb form here: an -ed or -ing form, or a word the event groups hold
/// as a verb only. Reporting and scheduling verbs count too: "announced the vote on
/// Monday" dates the announcement.
fn verb_like(w: &str) -> bool {
    let ws = words_of(w, None);
    (w.chars().count() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
        || (!ws.is_empty() && ws.iter().all(|l| l.starts_with(['+', '~'])))
}

/// The event a day expression dates: its lemmas, the definite ones among them, the token
/// range naming it, and how directly the shape states the link. `by_day` when the day
/// names the event before its nouns ("Friday's recount"): the day tells it from others of
/// its kind.
struct Found {
    words: Vec<String>,
    definite: Vec<String>,
    from: usize,
    to: usize,
    confidence: f32,
    by_day: bool,
}

fn found(
    toks: &[Token],
    text: &str,
    (from, to): (usize, usize),
    head: Option<usize>,
    confidence: f32,
) -> Option<Found> {
    let (words, definite) = event_words(toks, text, from, to, head);
    (!words.is_empty()).then_some(Found {
        words,
        definite,
        from,
        to,
        confidence,
        by_day: false,
    })
}

/// Whether a word-reading stops at token `k`: a clause opener or clause punctuation.
fn stops(toks: &[Token], text: &str, k: usize) -> bool {
    match word(toks, text, k) {
        Some(w) => CLAUSE_OPENERS.contains(&w.to_lowercase().as_str()),
        None => matches!(
            punct(toks, text, k),
            Some("," | ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "—" | "–")
        ),
    }
}

/// Event nouns right after the expression ("Friday's recount", "the April 19 primary"):
/// a run of event nouns from token `k`, at most three ("Saturday's evacuation order").
/// A first word that names no event ("Tuesday's charity match") narrows the phrase to a
/// particular occurrence, so none is read.
fn nouns_after(toks: &[Token], text: &str, k: usize) -> Option<Found> {
    let mut words = Vec::new();
    let mut to = k;
    while to < k + 3 {
        let Some(w) =
            word(toks, text, to).filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        else {
            break;
        };
        // Each noun of the run is read as a head: "evacuation" in "Saturday's evacuation
        // order" names the event as much as "order" does.
        let mut ws: Vec<String> = words_of(w, word(toks, text, to + 1));
        if !ws.iter().any(|l| !l.starts_with(['+', '~', '@'])) {
            ws = words_of(w, None);
        }
        ws.retain(|l| !l.starts_with('@'));
        if !ws.iter().any(|l| !l.starts_with(['+', '~'])) {
            break;
        }
        words.extend(ws);
        to += 1;
    }
    (!words.is_empty()).then(|| Found {
        definite: words
            .iter()
            .filter(|l| !l.starts_with('+'))
            .cloned()
            .collect(),
        words,
        from: k,
        to,
        confidence: 0.7,
        by_day: true,
    })
}

/// The event the expression over tokens `i..=j` dates. Five shapes, each inside the
/// sentence and bounded in words:
/// - an appositive: "<noun phrase>, a Friday";
/// - a possessive or attributive day before event nouns: "Friday's recount", "the
///   April 19 primary";
/// - "on <day>" after its clause: "the hill gave way on Sunday night";
/// - a day without "on" right after its clause (wire style): "died Tuesday", "was run
///   Friday night", unless a preposition or conjunction before it makes it a bound, a
///   range or one of a list ([`NOT_BEFORE_BARE_DAY`]);
/// - a fronted day: "On Monday, the court heard …" (the clause after the comma).
fn event_of(toks: &[Token], text: &str, i: usize, j: usize, expr_end: usize) -> Option<Found> {
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
        let mut f = found(toks, text, (from, end), end.checked_sub(1), 0.8)?;
        f.words.retain(|l| !l.starts_with(['+', '~']));
        return (!f.words.is_empty()).then_some(f);
    }
    let last = toks.get(j)?;
    let rest = text.get(expr_end..last.span.end).unwrap_or("");
    let prev = i.checked_sub(1).and_then(|p| word(toks, text, p));
    // "Friday's recount": the possessive makes the nouns after it one dated event.
    if matches!(rest, "'s" | "’s") {
        return nouns_after(toks, text, j + 1);
    }
    if !rest.is_empty() {
        return None;
    }
    // "the April 19 primary", "the state's Tuesday vote": a determiner before the day and
    // an event noun after it.
    if prev.is_some_and(events::determines) {
        return nouns_after(toks, text, j + 1);
    }
    // A fronted day: "On Monday, the court heard …".
    let fronted =
        i == 0 || (i == 1 && prev.is_some_and(|w| w.eq_ignore_ascii_case("on")) && i - 1 == 0);
    if fronted && punct(toks, text, j + 1) == Some(",") {
        let from = j + 2;
        let mut to = from;
        while to < toks.len() && to < from + CLAUSE_WORDS && !stops(toks, text, to) {
            to += 1;
        }
        return found(toks, text, (from, to), None, 0.6);
    }
    let on = prev.is_some_and(|w| w.eq_ignore_ascii_case("on"));
    // Without "on" the day is often no date of the clause's event: a range ("between
    // Dec. 6 and 9"), another event's day (handled above), a report's day ("a poll
    // released Monday" reads back to the poll's release, which is its day).
    let bare = !on
        && prev.is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !NOT_BEFORE_BARE_DAY.contains(w.to_lowercase().as_str())
        });
    if !on && !bare {
        return None;
    }
    let mut from = i;
    let mut n = 0;
    while from > 0 && n < CLAUSE_WORDS && !stops(toks, text, from - 1) {
        if word(toks, text, from - 1).is_some() {
            n += 1;
        }
        from -= 1;
    }
    // The definite noun is the one right before the day ("the final on Saturday night",
    // "her death Tuesday"): a noun further back is the subject or object of a verb the
    // day dates ("his campaign announced Saturday").
    let head = i.checked_sub(if on { 2 } else { 1 });
    found(toks, text, (from, i), head, if on { 0.6 } else { 0.5 })
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
    let j = toks.partition_point(|k| k.span.end < t.span.end);
    if i >= toks.len() || j >= toks.len() || j < i {
        return None;
    }
    let f = event_of(toks, text, i, j, t.span.end)?;
    let (start, end) = (toks.get(f.from)?.span.start, toks.get(f.to - 1)?.span.end);
    let mut qualifiers = Vec::new();
    if quoted(quotes, &t.span) {
        qualifiers.push(Qualifier::Quoted);
    }
    let sent = doc.sentences.get(si)?;
    let (lo, hi) = (start.min(t.span.start), end.max(t.span.end));
    // The clause around the expression, without it ("May 2" is no modal).
    let clause = format!(
        "{} {}",
        text.get(lo..t.span.start).unwrap_or(""),
        text.get(t.span.end..hi).unwrap_or("")
    )
    .to_lowercase();
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
    // A repetition or a move near the claim ("voted again on Friday", "the vote,
    // postponed from Monday"): the window is the claim's words and as many again around.
    let (wa, wb) = (
        f.from.min(i).saturating_sub(CLAUSE_WORDS),
        (f.to.max(j + 1) + CLAUSE_WORDS).min(toks.len()),
    );
    if (wa..wb).any(|k| {
        word(toks, text, k).is_some_and(|w| DAY_CHANGE.contains(w.to_lowercase().as_str()))
    }) {
        qualifiers.push(Qualifier::Moved);
    }
    Some(Claim {
        subject: Subject::Event(EventRef {
            words: f.words,
            definite: f.definite,
            restrictive: f.by_day,
            span: Span::new(start, end),
        }),
        attribute: Attribute::Day,
        value: Value::Day(Day {
            date: month.then_some(resolved),
            weekday,
            resolved,
            span: t.span,
        }),
        qualifiers,
        evidence: Span::new(lo, hi.min(sent.end)),
        sentence: si,
        confidence: f.confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (event words, weekday) of every day claim of `text`.
    fn claims(text: &str) -> Vec<(Vec<String>, Option<Weekday>, bool)> {
        let doc = crate::text::Document::new(text);
        let times = crate::time::find(&doc, NaiveDate::from_ymd_opt(2024, 5, 17));
        find(&Input {
            doc: &doc,
            people: &[],
            entities: &[],
            quotes: &[],
            times: &times,
        })
        .into_iter()
        .filter(|c| c.plain())
        .filter_map(|c| {
            let Subject::Event(e) = c.subject;
            c.value.day().map(|d| (e.words, d.weekday, e.restrictive))
        })
        .collect()
    }

    #[test]
    fn reads_the_shapes_that_date_an_event() {
        let has = |t: &str, w: &str| claims(t).iter().any(|(ws, _, _)| ws.iter().any(|x| x == w));
        // Wire style without "on", a possessive day, a fronted day, "on <day>".
        assert!(has(
            "The bridge collapsed Tuesday after heavy rain.",
            "+collapse"
        ));
        assert!(has(
            "Crews cleared debris after Monday's collapse.",
            "collapse"
        ));
        assert!(has("On Friday, the jury acquitted the driver.", "+acquit"));
        assert!(has("The mine flooded on Sunday night.", "+flood"));
        let c = claims("Crews cleared debris after Monday's collapse.");
        assert!(c[0].2, "a possessive day names the event: {c:?}");
    }

    #[test]
    fn days_that_date_no_event_give_no_claim() {
        for t in [
            // A bound, a list, a report's day, an indefinite day.
            "The ban on protests stays in force until Sunday.",
            "Ferries will not sail between Monday and Thursday.",
            "The minister said Tuesday that talks would go on.",
            "The team arrived at a Tuesday training session.",
            // A repetition or a move.
            "The board met again on Thursday.",
            "The hearing was postponed on Monday.",
        ] {
            assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
        }
    }

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
