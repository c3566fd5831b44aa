//! Check: a stated elapsed span (years in business, decades of service, an anniversary)
//! disagrees with the start year the article gives for the same thing.
//!
//! Input: the time stage's dated expressions (`ctx.times`: stated years for starts, and
//! resolved ones such as "last spring" or "this year" for the end of a span), the people
//! stage's mentions, the direct quotations (a speaker's own "for 30 years" is not judged),
//! the publication date. Output: an `elapsed-time` flag naming the start and the span.
//! Example (published 2024): "Ruiz joined the museum as a guide in 1990." … "After two
//! decades at the museum, she said, …" is flagged (34 years); "… after three decades at
//! the museum" is not.
//!
//! A **start** is a year right after a start verb in its clause ("was founded in 1998",
//! "joined the polytechnic as a lecturer in 1991", "was first elected in 1995", "In 1979
//! he opened a school", "has run the council since 2013"). A **span** is "after N
//! years/decades …", "marking N years of …", "has … for N years", "N years in business",
//! "the N-year-old company" or "the Nth anniversary of …". Its end is the one other year its
//! sentence states or resolves to ("retired in 2019, after three decades…", "last
//! spring"), else publication when the sentence speaks of the present ("is marking…",
//! "has…", "this year", a reporting verb). A span is compared with the starts whose
//! clause shares a content word with its own ("the polytechnic", "school"); an
//! anniversary of an event with the starts whose verb that event noun names ("his
//! election" ~ "was elected", "their marriage" ~ "married"); a company's age (in business,
//! N-year-old company, its anniversary, in its Nth year) with the article's founding year
//! (founded, established, set up; opened/launched/started only in the passive), only when
//! the article gives one. Precision: both sides in
//! narration, the same person when the people stage resolved both, and silence when any
//! linked start fits.
//!
//! Tolerance (years are known only to the year, so every difference allows one year of
//! slack): N years fits a difference within ±1 (±2 for a round 20, 30, …); N decades
//! covers 10N−5 to 10N+5 years; "more than N" fits from N−1 up, "less than/under N" up to
//! N+1, "nearly/almost N" from 0.8·N−1 to N+1, "about/around N" within max(2, 0.2·N)+1;
//! an Nth anniversary fits a difference within ±1.

use super::dated::{self, View, Word};
use super::folded::lower;
use super::lexicon::{self, NUMBER_RE};
use super::narration::Narration;
use super::{Check, Context};
use crate::model::Flag;
use crate::span::Span;
use crate::text::Pattern;
use chrono::Datelike;
use std::collections::HashSet;
use std::sync::LazyLock;

pub struct ElapsedTime;

/// Most starts and spans read per document: a news article has a handful; the bound keeps
/// the pairing linear on hostile input.
const MAX_STARTS: usize = 200;
const MAX_SPANS: usize = 100;

/// Words read back from a year to its start verb, and around a span for its content words.
const WINDOW: usize = 9;

/// The word sets of `data/elapsed_words.txt` (whose sections say why each word is there).
struct Words {
    /// Past forms of verbs that start something that then lasts ("founded", "joined").
    start: HashSet<&'static str>,
    /// The start verbs that found an organisation.
    founding: HashSet<&'static str>,
    /// Verbs that found something only in the passive ("was opened").
    passive_founding: HashSet<&'static str>,
    /// Nouns whose age is the time since a founding ("company").
    firm_nouns: HashSet<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let src = crate::lexicon::ELAPSED_WORDS;
    Words {
        start: src.word_set(Some("start")),
        founding: src.word_set(Some("founding")),
        passive_founding: src.word_set(Some("passive_founding")),
        firm_nouns: src.word_set(Some("firm_noun")),
    }
});

/// Whether the start verb at `k` founds an organisation.
fn founds(words: &[Word], k: usize) -> bool {
    let verb = words[k].low.as_str();
    WORDS.founding.contains(verb)
        || (WORDS.passive_founding.contains(verb)
            && k > 0
            && matches!(words[k - 1].low.as_str(), "was" | "were" | "been"))
}

crate::lexicon::word_set!(
    /// Words between a start verb and a year that give the year to another clause ("founded
    /// the firm after leaving his job in 2020": 2020 is the leaving).
    CLAUSE_TURNS,
    crate::lexicon::CHECK_GRAMMAR,
    "start_clause_turns"
);

const QUAL: &str = r"more than|well over|just over|over|upwards of|at least|less than|just under|under|at most|no more than|nearly|almost|close to|about|around|roughly|some|approximately";

static SPAN_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b)(?:(?P<q>{QUAL})\s+)?(?P<n>{NUMBER_RE})(?:\s+|-|‑)(?P<u>years?|decades?)(?-u:\b)"
    )
});

const ORDINAL_WORDS: &str = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-|‑|\s)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)";

/// "now in its 40th year": the organisation's own age, counted in the current year.
static NTH_YEAR_RE: Pattern = Pattern::new(|| {
    format!(r"(?-u:\b)in\s+its\s+(?P<o>[0-9]{{1,3}}(?:st|nd|rd|th)|{ORDINAL_WORDS})\s+year(?-u:\b)")
});

static ANNIVERSARY_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b)(?P<o>[0-9]{{1,3}}(?:st|nd|rd|th)|{ORDINAL_WORDS})\s+anniversary(?-u:\b)(?P<of>\s+of(?-u:\b))?"
    )
});

/// A sentence that speaks of the present, so a span in it runs to publication.
static PRESENT_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:is|are|has|have|now|today|this year|says|said|told|marks|celebrates|still)(?-u:\b)"
        .into()
});

/// "first" … "ninetieth", "twenty-fifth", "25th" as a number.
fn ordinal(s: &str) -> Option<i32> {
    if let Some(n) = lexicon::parse_ordinal(s) {
        return Some(n as i32);
    }
    const TENS: &[(&str, i32)] = &[
        ("twent", 20),
        ("thirt", 30),
        ("fort", 40),
        ("fift", 50),
        ("sixt", 60),
        ("sevent", 70),
        ("eight", 80),
        ("ninet", 90),
    ];
    let s = s.to_lowercase();
    if s == "hundredth" {
        return Some(100);
    }
    let (tens, unit) = match s.split_once(['-', '‑', ' ']) {
        Some((t, u)) => (t.to_string(), lexicon::parse_ordinal(u).map(|u| u as i32)?),
        None => (s.strip_suffix("ieth")?.to_string(), 0),
    };
    let t = TENS.iter().find(|(p, _)| tens.starts_with(p))?.1;
    Some(t + unit)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Qual {
    Exact,
    More,
    Less,
    Nearly,
    About,
}

fn qual(q: Option<&str>) -> Qual {
    match q {
        None => Qual::Exact,
        Some("more than" | "well over" | "just over" | "over" | "upwards of" | "at least") => {
            Qual::More
        }
        Some("less than" | "under" | "at most" | "no more than") => Qual::Less,
        Some("nearly" | "almost" | "close to" | "just under") => Qual::Nearly,
        Some(_) => Qual::About,
    }
}

/// What a span states.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Measure {
    /// N years (decade counts kept apart: their tolerance is wider).
    Span { n: f64, decades: bool, qual: Qual },
    /// The Nth anniversary.
    Anniversary(i32),
    /// In its Nth year: N−1 years completed.
    NthYear(i32),
}

impl Measure {
    /// Whether `d` whole years between the start and end years fit the statement.
    fn fits(&self, d: i32) -> bool {
        let d = d as f64;
        match *self {
            Measure::Anniversary(n) => (d - n as f64).abs() <= 1.0,
            Measure::NthYear(n) => d >= n as f64 - 2.0 && d <= n as f64,
            Measure::Span { n, decades, qual } => {
                let years = if decades { 10.0 * n } else { n };
                match qual {
                    Qual::Exact if decades => d > years - 6.0 && d < years + 6.0,
                    Qual::Exact => {
                        let round = years >= 20.0 && years % 10.0 == 0.0;
                        (d - years).abs() <= if round { 2.0 } else { 1.0 }
                    }
                    Qual::More => d >= years - 1.0,
                    Qual::Less => d <= years + 1.0,
                    Qual::Nearly => d <= years + 1.0 && d >= 0.8 * years - 1.0,
                    Qual::About => (d - years).abs() <= (0.2 * years).max(2.0) + 1.0,
                }
            }
        }
    }
}

/// A start: a year after a start verb.
#[derive(Debug, Clone)]
struct Start {
    year: i32,
    /// From the start verb (or the fronted year) to the end of the clause's dated part.
    passage: Span,
    keys: Vec<String>,
    /// The start verb's key ("+elect"); `None` for a "since" start.
    verb: Option<String>,
    founding: bool,
    person: Option<usize>,
    /// The year's own expression (excluded from its sentence's end years).
    time: Span,
}

/// What a span counts from.
#[derive(Debug, Clone, PartialEq)]
enum Counts {
    /// A company's age: from the founding.
    Founding,
    /// From a start whose clause shares one of these keys.
    Keys(Vec<String>),
    /// From a start whose verb is the event one of these nouns names ("the 20th anniversary
    /// of his election" counts from "was elected", not from any clause about him).
    Event(Vec<String>),
}

#[derive(Debug, Clone)]
struct Stated {
    passage: Span,
    measure: Measure,
    counts: Counts,
    end: i32,
    person: Option<usize>,
}

impl Check for ElapsedTime {
    fn id(&self) -> &'static str {
        "elapsed-time"
    }

    fn description(&self) -> &'static str {
        "A stated span (years in business, decades of service, an anniversary) disagrees with the start year given for it."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let narration = Narration::new(ctx.quotes);
        let index = dated::mention_index(ctx.people);
        // Each sentence's narrator text, built once (only for sentences with a year or a span).
        let mut starts: Vec<Start> = Vec::new();
        let mut spans: Vec<Stated> = Vec::new();
        let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); ctx.doc.sentences.len()];
        for (i, t) in ctx.times.iter().enumerate() {
            if dated::year_of(t).is_some() {
                if let Some(s) = ctx.doc.sentence_at(t.span.start) {
                    if by_sentence[s].len() < 16 {
                        by_sentence[s].push(i);
                    }
                }
            }
        }
        for (si, sent) in ctx.doc.sentences.iter().enumerate() {
            let raw = sent.text(text);
            let has_digit_year = !by_sentence[si].is_empty();
            let maybe_span = raw.contains("year")
                || raw.contains("decade")
                || raw.contains("anniversar")
                || raw.contains("Year")
                || raw.contains("Decade");
            if !has_digit_year && !maybe_span {
                continue;
            }
            let narr = narration.text(text, *sent);
            let low = lower(&narr).into_owned();
            // The sentence's narration, placed at the sentence's offsets.
            let view = View {
                low: &low,
                base: sent.start,
            };
            let mut sentence_starts: Vec<Start> = Vec::new();
            for &ti in &by_sentence[si] {
                if starts.len() + sentence_starts.len() >= MAX_STARTS {
                    break;
                }
                let t = &ctx.times[ti];
                if !dated::states_year(text, t) || view.blank(t.span.start) {
                    continue;
                }
                if let Some(s) = start_at(&view, *sent, t, &index) {
                    sentence_starts.push(s);
                }
            }
            if maybe_span && spans.len() < MAX_SPANS {
                let end = end_year(ctx, &view, *sent, &by_sentence[si], &sentence_starts);
                if let Some((end, now)) = end {
                    spans.extend(spans_in(&view, *sent, end, now, &index));
                }
            }
            starts.extend(sentence_starts);
        }
        spans.truncate(MAX_SPANS);
        let founding_years: Vec<i32> = {
            let mut v: Vec<i32> = starts
                .iter()
                .filter(|s| s.founding)
                .map(|s| s.year)
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let mut flags = Vec::new();
        for st in &spans {
            let linked: Vec<(&Start, Option<&str>)> = starts
                .iter()
                .filter(|a| !a.passage.overlaps(&st.passage) && a.year <= st.end)
                .filter(|a| match (a.person, st.person) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                })
                .filter_map(|a| match &st.counts {
                    Counts::Founding => {
                        (a.founding && founding_years.len() == 1).then_some((a, None))
                    }
                    Counts::Keys(k) => dated::shared_key(k, &a.keys).map(|w| (a, Some(w))),
                    Counts::Event(k) => {
                        let v = a.verb.as_deref()?;
                        k.iter()
                            .find(|n| dated::related(n, v) || dated::derived(n, v))
                            .map(|w| (a, Some(w.as_str())))
                    }
                })
                .collect();
            if linked.is_empty() || linked.iter().any(|(a, _)| st.measure.fits(st.end - a.year)) {
                continue;
            }
            // The start nearest before the span (else the first after it).
            let Some(&(a, shared)) = linked
                .iter()
                .rev()
                .find(|(a, _)| a.passage.start < st.passage.start)
                .or(linked.first())
            else {
                continue;
            };
            let d = st.end - a.year;
            let reason = match shared {
                Some(w) => format!(
                    "both passages speak of the same “{}”, so the span counts from the start",
                    w.trim_start_matches('+')
                ),
                None => "a company's years in business count from its founding, and the article gives one founding year".to_string(),
            };
            let mut links = Vec::new();
            if let Some(p) = a.person.or(st.person).and_then(|p| ctx.people.get(p)) {
                links.push(format!("both passages read as about {}", p.name));
            }
            flags.push(Flag {
                kind: self.id().to_string(),
                message: format!(
                    "“{}” puts the start in {}, so by {} about {} years had passed, which does not fit “{}”.",
                    a.passage.text(text),
                    a.year,
                    st.end,
                    d,
                    st.passage.text(text)
                ),
                reason,
                confidence: if shared.is_some() { 0.6 } else { 0.55 },
                evidence: vec![a.passage, st.passage],
                fact: None,
                links,
            });
        }
        flags
    }
}

fn is_start_verb(w: &str) -> bool {
    WORDS.start.contains(w) || w == "set" || w == "took"
}

/// A start verb whose particle, when it needs one, follows ("set up", "took over").
fn start_verb_at(words: &[Word], k: usize) -> bool {
    let w = words[k].low.as_str();
    match w {
        "set" => words.get(k + 1).is_some_and(|n| n.low == "up"),
        "took" => words
            .get(k + 1)
            .is_some_and(|n| matches!(n.low.as_str(), "over" | "office" | "charge")),
        _ => is_start_verb(w),
    }
}

/// The start a dated expression gives, if a start verb governs it.
fn start_at(
    view: &View,
    sent: Span,
    t: &crate::model::TimeExpr,
    index: &[(Span, usize)],
) -> Option<Start> {
    let year = dated::year_of(t)?;
    let before = view.before(sent, t.span.start, WINDOW);
    // "has run the council since 2013": the state the clause describes began then.
    let since = before.last().is_some_and(|w| w.low == "since");
    if let Some(k) = (0..before.len()).rev().find(|&k| start_verb_at(&before, k)) {
        let between = &before[k + 1..];
        if between
            .iter()
            .all(|w| !CLAUSE_TURNS.contains(&w.low.as_str()))
        {
            return Some(Start {
                year,
                passage: Span::new(before[k].span.start, t.span.end),
                keys: dated::keys(&subject_and_rest(&before, k)),
                verb: dated::key(&before[k].low),
                founding: founds(&before, k),
                person: dated::person_near(index, sent, before[k].span.start),
                time: t.span,
            });
        }
    }
    if since && before.len() >= 2 {
        let first = before.first()?;
        return Some(Start {
            year,
            passage: Span::new(first.span.start, t.span.end),
            keys: dated::keys(&before),
            verb: None,
            founding: false,
            person: dated::person_near(index, sent, first.span.start),
            time: t.span,
        });
    }
    // Fronted: "In 1979 he opened a small school…".
    let lead_ok = before.iter().all(|w| {
        matches!(
            w.low.as_str(),
            "in" | "the"
                | "early"
                | "late"
                | "of"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
        )
    });
    if !lead_ok {
        return None;
    }
    let rest = view.get(t.span.end, sent.end);
    let skip = rest.len() - rest.trim_start_matches([',', ' ']).len();
    let after = view.after(sent, t.span.end + skip, WINDOW);
    let k = (0..after.len().min(4)).find(|&k| start_verb_at(&after, k))?;
    // The verb and its object: a preposition after the object starts another phrase.
    let mut after = after;
    if let Some(p) = (k + 2..after.len()).find(|&p| {
        matches!(
            after[p].low.as_str(),
            "in" | "at" | "on" | "near" | "with" | "for" | "from" | "by"
        )
    }) {
        after.truncate(p);
    }
    let last = last_content(&after)?;
    Some(Start {
        year,
        passage: Span::new(t.span.start, last.span.end),
        keys: dated::keys(&after),
        verb: dated::key(&after[k].low),
        founding: founds(&after, k),
        person: dated::person_near(index, sent, t.span.start),
        time: t.span,
    })
}

/// The words a start is about: its verb and what follows it, with the few words before
/// the verb that are its subject. A relative pronoun ends the subject at its antecedent
/// ("the 49-year-old Carrier plant is an Amazon warehouse that opened in 2011" is about
/// the warehouse, not the plant).
fn subject_and_rest(words: &[Word], verb: usize) -> Vec<Word> {
    let mut from = verb;
    while from > 0 && verb - from < 3 {
        let w = words[from - 1].low.as_str();
        if CLAUSE_TURNS.contains(&w) {
            from = from.saturating_sub(2);
            break;
        }
        from -= 1;
    }
    let mut out: Vec<Word> = words[from..].to_vec();
    out.retain(|w| !CLAUSE_TURNS.contains(&w.low.as_str()));
    out
}

/// The year a span in this sentence runs to: the one other year the sentence states or
/// resolves to, else publication when the sentence speaks of the present (then `true`).
fn end_year(
    ctx: &Context,
    view: &View,
    sent: Span,
    dated_here: &[usize],
    starts_here: &[Start],
) -> Option<(i32, bool)> {
    let mut years: Vec<i32> = dated_here
        .iter()
        .filter_map(|&ti| ctx.times.get(ti))
        .filter(|t| !starts_here.iter().any(|s| s.time == t.span) && !view.blank(t.span.start))
        .filter_map(dated::year_of)
        .collect();
    years.sort();
    years.dedup();
    match years.as_slice() {
        [y] => Some((*y, false)),
        [] => {
            let present = PRESENT_RE.is_match(view.get(sent.start, sent.end));
            ctx.published.filter(|_| present).map(|d| (d.year(), true))
        }
        _ => None,
    }
}

/// The spans one sentence states; `now` when `end` is publication (no year in the sentence).
fn spans_in(view: &View, sent: Span, end: i32, now: bool, index: &[(Span, usize)]) -> Vec<Stated> {
    let low = view.get(sent.start, sent.end);
    let base = sent.start;
    let mut out = Vec::new();
    for c in SPAN_RE.captures_iter(low) {
        let (Some(m), Some(n), Some(u)) = (c.get(0), c.name("n"), c.name("u")) else {
            continue;
        };
        let Some(count) = lexicon::parse_number(n.as_str()) else {
            continue;
        };
        let measure = Measure::Span {
            n: count,
            decades: u.as_str().starts_with("decade"),
            qual: qual(c.name("q").map(|q| q.as_str())),
        };
        let (ms, me) = (base + m.start(), base + m.end());
        let rest = view.get(me, sent.end);
        let person = dated::person_near(index, sent, ms);
        // A company's age.
        let firm_age = rest
            .strip_prefix("-old ")
            .or_else(|| rest.strip_prefix(" old "))
            .and_then(|r| {
                r.split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                    .next()
            })
            .is_some_and(|w| WORDS.firm_nouns.contains(w));
        if firm_age || rest.starts_with(" in business") {
            let stop = view.after(sent, me, 2).last().map_or(me, |w| w.span.end);
            out.push(Stated {
                passage: Span::new(ms, stop),
                measure,
                counts: Counts::Founding,
                end,
                person,
            });
            continue;
        }
        let before = view.before(sent, ms, WINDOW);
        let Some(prev) = before.last() else { continue };
        let after = view.after(sent, me, WINDOW);
        // A past marking or a past perfect ends at a time only a year in the sentence gives.
        let spans_from_start = match prev.low.as_str() {
            "after" | "following" | "marking" | "marks" | "celebrating" | "celebrates" => true,
            "marked" | "celebrated" => !now,
            // "has taught there for 33 years": the length so far (a bare "for" may be any
            // stretch, so the clause must be in the perfect).
            "for" => before.iter().any(|w| match w.low.as_str() {
                "has" | "have" => true,
                "had" => !now,
                _ => false,
            }),
            _ => false,
        };
        if !spans_from_start || after.first().is_some_and(|w| is_relative(&w.low)) {
            continue;
        }
        let mut words = before.clone();
        words.extend(after.iter().cloned());
        let keys = dated::keys(&words);
        if keys.is_empty() {
            continue;
        }
        let start = if prev.low == "for" {
            before.first().map_or(ms, |w| w.span.start)
        } else {
            prev.span.start
        };
        let stop = last_content(&after).map_or(me, |w| w.span.end);
        out.push(Stated {
            passage: Span::new(start, stop),
            measure,
            counts: Counts::Keys(keys),
            end,
            person,
        });
    }
    for c in NTH_YEAR_RE.captures_iter(low) {
        let (Some(m), Some(n)) = (c.get(0), c.name("o").and_then(|o| ordinal(o.as_str()))) else {
            continue;
        };
        out.push(Stated {
            passage: Span::new(base + m.start(), base + m.end()),
            measure: Measure::NthYear(n),
            counts: Counts::Founding,
            end,
            person: None,
        });
    }
    for c in ANNIVERSARY_RE.captures_iter(low) {
        let (Some(m), Some(o)) = (c.get(0), c.name("o")) else {
            continue;
        };
        let Some(n) = ordinal(o.as_str()) else {
            continue;
        };
        let (ms, me) = (base + m.start(), base + m.end());
        let person = dated::person_near(index, sent, ms);
        // "marked the 20th anniversary" needs the sentence's own time ("last spring").
        let past = view
            .before(sent, ms, 3)
            .iter()
            .any(|w| w.low == "marked" || w.low == "celebrated");
        if past && now {
            continue;
        }
        if c.name("of").is_some() {
            let after = view.after(sent, me, 5);
            let keys = dated::keys(&after);
            if keys.is_empty() {
                continue;
            }
            let stop = last_content(&after).map_or(me, |w| w.span.end);
            out.push(Stated {
                passage: Span::new(ms, stop),
                measure: Measure::Anniversary(n),
                counts: Counts::Event(keys),
                end,
                person,
            });
        } else {
            // "its 25th anniversary": the organisation's own.
            let prev = view.before(sent, ms, 1);
            if prev
                .first()
                .is_some_and(|w| w.low == "its" || w.low == "their")
            {
                out.push(Stated {
                    passage: Span::new(ms, me),
                    measure: Measure::Anniversary(n),
                    counts: Counts::Founding,
                    end,
                    person: None,
                });
            }
        }
    }
    out
}

/// The last content word of a window, so a passage does not end on "with a" or "in the".
fn last_content(words: &[Word]) -> Option<&Word> {
    words
        .iter()
        .rev()
        .find(|w| dated::key(&w.low).is_some())
        .or(words.last())
}

/// Words after a span that make it a distance in time, not a stretch from a start ("three
/// years later", "two years ago", "five years after the flood").
fn is_relative(w: &str) -> bool {
    matches!(
        w,
        "later"
            | "ago"
            | "earlier"
            | "after"
            | "before"
            | "since"
            | "from"
            | "old"
            | "younger"
            | "older"
            | "long"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    fn flags(text: &str, published: &str) -> Vec<Flag> {
        let opts = Options::with_published(published, "cli").unwrap();
        analyze(text, &opts)
            .unwrap()
            .flags
            .into_iter()
            .filter(|f| f.kind == "elapsed-time")
            .collect()
    }

    fn evidence(text: &str, f: &Flag) -> Vec<String> {
        f.evidence
            .iter()
            .map(|s| s.text(text).to_string())
            .collect()
    }

    #[test]
    fn fires_on_decades_of_service_against_the_joining_year() {
        let t = "Marta Ruiz, a chemist, joined the museum as a guide in 1990. She became its director in 2015.\n\nRuiz said she would retire next year. After two decades at the museum, she said, she still loved the job.";
        let f = flags(t, "2024-05-02");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            [
                "joined the museum as a guide in 1990",
                "After two decades at the museum"
            ]
        );
    }

    #[test]
    fn fires_on_an_end_year_in_the_span_sentence_and_on_a_fronted_start() {
        let t = "In 1985 he opened a bicycle workshop near the harbour.\n\nThe town is proud of him. He sold it in 2021, after two decades at the workshop.";
        assert_eq!(flags(t, "2024-05-02").len(), 1);
    }

    #[test]
    fn fires_on_years_in_business_and_on_an_anniversary() {
        let t = "Harbourline was founded in 2003 by two ferry captains.\n\nThe firm, which is marking 30 years in business this year, plans new routes.";
        assert_eq!(flags(t, "2024-05-02").len(), 1);
        let t = "The charity was established in 1999. Now in its 40th year, the charity helps 3,000 families.";
        assert_eq!(flags(t, "2024-05-02").len(), 1);
        let t = "The mayor, Ana Soto, was first elected in 2001.\n\nSoto, who celebrated the 10th anniversary of her election last spring, will stand again.";
        assert_eq!(flags(t, "2024-05-02").len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            // Consistent spans, with rounding and qualifiers.
            "Marta Ruiz joined the museum as a guide in 1990.\n\nAfter three decades at the museum, she said, she still loved the job.",
            "Marta Ruiz joined the museum as a guide in 1990.\n\nAfter more than 30 years at the museum, Ruiz said, she still loved the job.",
            "In 1981 she married Tomas Berg, a pilot. He survives her after 42 years of marriage.",
            "Harbourline was founded in 2003. The 21-year-old company plans new routes.",
            "The charity was established in 1999. Now in its 26th year, the charity helps 3,000 families.",
            // An active "started" founds nothing: a career is not the company.
            "Ana Ruiz started her career in 1990. The 21-year-old company plans new routes.",
            "The council has run the port since 2004. After two decades in charge, it is selling.",
            // A different thing: the span shares no content word with the start, whose
            // clause is about the warehouse, not the plant before it.
            "Next to the old Carrier plant is a warehouse that opened in 2011. Ana Ruiz, 59, has worked at Carrier for 13 years.",
            // A different thing: the span shares no content word with the start.
            "Marta Ruiz joined the museum in 1990.\n\nAfter two decades of painting, she said, she still loved colour.",
            // Inside a quotation, the speaker's own count.
            "Marta Ruiz joined the museum in 1990.\n\n“After two decades at the museum, I still love it,” Ruiz said.",
            // A distance in time, not a span from the start.
            "Marta Ruiz joined the museum in 1990. Two years later she left the museum.",
            // The anniversary of another event of the same bridge.
            "The bridge opened in 1990.\n\nCrowds marked the 20th anniversary of the collapse of the bridge this year.",
            // Two people: the start is someone else's.
            "Marta Ruiz joined the museum in 1990. Lena Ostrova, her deputy, said after ten years at the museum she was leaving.",
        ] {
            assert!(flags(t, "2024-05-02").is_empty(), "{t}");
        }
    }

    #[test]
    fn tolerances() {
        let span = |n: f64, decades: bool, qual: Qual| Measure::Span { n, decades, qual };
        assert!(span(4.0, true, Qual::Exact).fits(36));
        assert!(!span(4.0, true, Qual::Exact).fits(33));
        assert!(!span(3.0, true, Qual::Exact).fits(40));
        assert!(span(38.0, false, Qual::Exact).fits(37));
        assert!(!span(38.0, false, Qual::Exact).fits(36));
        assert!(span(30.0, false, Qual::Exact).fits(28));
        assert!(!span(30.0, false, Qual::Exact).fits(26));
        assert!(span(150.0, false, Qual::Nearly).fits(148));
        assert!(!span(20.0, false, Qual::More).fits(17));
        assert!(Measure::Anniversary(25).fits(26));
        assert!(!Measure::Anniversary(20).fits(28));
        assert_eq!(ordinal("twenty-fifth"), Some(25));
        assert_eq!(ordinal("fortieth"), Some(40));
        assert_eq!(ordinal("12th"), Some(12));
    }
}
