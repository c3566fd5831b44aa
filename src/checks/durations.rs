//! Duration phrases and the thing whose length they give, for the duration and
//! time-frame checks.
//!
//! Input: the document (and the time stage's DURATION expressions when present).
//! Output: [`Duration`]s: the phrase, its length as a range of days, and the head
//! noun it measures. Examples: "the two-year-long war" → war, 547–1095 days;
//! "a war that has already lasted more than three years" → war, more than 1096 days
//! (marked `elapsed`, the length so far); "the war, now in its fourth year" → war,
//! 3–4 years, elapsed.

use super::event_groups;
use super::folded::{lower, orig};
use super::lexicon::{self, HeadClass, NUMBER_RE};
use crate::model::{TimeExpr, TimeType};
use crate::span::Span;
use crate::text::Document;
use crate::text::Pattern;

/// One stated length of one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// The duration words ("more than three years").
    pub span: Span,
    /// The whole passage: duration and head ("the two-year-long war").
    pub passage: Span,
    /// Range in days; `hi` may be infinite ("more than three years").
    pub lo: f64,
    pub hi: f64,
    /// The head noun, lower-case ("war", "civil war").
    pub head: String,
    /// A word that narrows the head ("civil", "Iraq", a possessor), lower-case.
    pub modifier: Option<String>,
    /// The determiner points back ("the", "its") rather than introducing ("a").
    pub definite: bool,
    pub class: HeadClass,
    /// The length so far ("has lasted", "now in its fourth year") rather than a description.
    pub elapsed: bool,
    pub sentence: usize,
    /// The head is in `data/duration_heads.tsv`; false for an event noun found only through
    /// the WordNet groups ([`find_events`]).
    pub listed: bool,
}

const QUAL: &str = r"more than|over|almost|nearly|about|around|roughly|some|at least|less than|under|just over|just under|well over|close to|approximately|upwards of|at most|no more than";
const UNIT: &str = r"hours?|days?|weeks?|months?|years?|decades?|century|centuries";

static DURATION_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b)(?:(?P<q>{QUAL})\s+)?(?:(?P<n>{NUMBER_RE})(?P<half>[\s‑-]+and[\s‑-]+a[\s‑-]+half)?[-‑ ](?P<u>{UNIT})(?:[-‑ ]long)?|(?P<u1>decade|year|month|week|day|hour)[-‑]?long)(?-u:\b)"
    )
});

/// The predicate before a duration that says the thing has lasted that long.
static LASTED_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:(?P<det>the|a|an|this|that|its|his|her|their)\s+)?(?:(?P<m>[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ_’'-]+)\s+)??(?P<h>[a-z][a-z-]+),?\s+(?:(?:that|which)\s+)?(?:(?P<aux>has|had|have)\s+(?:now\s+|already\s+|so far\s+)?(?:lasted|raged|dragged on|gone on|run|continued|persisted|endured|been going on|been under way|been underway)|lasted|took|spanned)\s+(?:for\s+)?$".into()
});

/// "the war, now in its fourth year".
static NTH_YEAR_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:(?P<det>the|a|an|this|that|its|his|her|their)\s+)?(?:(?P<m>[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ_’'-]+)\s+)?(?P<h>[a-z][a-z-]+),?\s+(?:which is\s+|now\s+)+in its (?P<o>[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ_]+) year(?-u:\b)".into()
});

/// Days in one unit.
fn unit_days(u: &str) -> Option<f64> {
    let u = u.to_lowercase();
    Some(match u.trim_end_matches('s') {
        "hour" => 1.0 / 24.0,
        "day" => 1.0,
        "week" => 7.0,
        "month" => 30.44,
        "year" => 365.25,
        "decade" => 3652.5,
        "century" | "centurie" => 36525.0,
        _ => return None,
    })
}

/// The range a stated length allows, in days. Bare numbers are read generously
/// ("two-year" covers 1.5 to just under 3 years) because news rounds lengths.
pub fn range(n: f64, unit: f64, qualifier: Option<&str>) -> (f64, f64) {
    let v = n * unit;
    let q = qualifier.map(|q| q.to_lowercase());
    match q.as_deref() {
        Some("more than" | "over" | "just over" | "well over" | "upwards of") => {
            (v + 0.001 * unit, f64::INFINITY)
        }
        Some("at least") => (v, f64::INFINITY),
        Some("almost" | "nearly" | "close to" | "just under") => {
            (v - (0.25 * n).max(0.5) * unit, v)
        }
        Some("less than" | "under" | "at most" | "no more than") => (0.0, v),
        Some(_) => (
            v - (0.25 * n).max(0.5) * unit,
            v + (0.25 * n).max(0.5) * unit,
        ),
        None => ((n - 0.5) * unit, (n + 1.0 - 0.001) * unit),
    }
}

/// True when two ranges leave no length both could describe.
pub fn incompatible(a: (f64, f64), b: (f64, f64)) -> bool {
    a.1 < b.0 || b.1 < a.0
}

/// Range of a TIMEX3 duration value such as `P3Y` with its `mod`.
fn timex_range(value: &str, modifier: Option<&str>) -> Option<(f64, f64)> {
    let body = value.strip_prefix('P')?;
    let body = body.strip_prefix('T').unwrap_or(body);
    let (num, unit) = body.split_at(body.find(|c: char| c.is_ascii_alphabetic())?);
    let n: f64 = num.parse().ok()?;
    let u = match unit {
        "Y" => 365.25,
        "M" if !value.contains('T') => 30.44,
        "W" => 7.0,
        "D" => 1.0,
        "H" => 1.0 / 24.0,
        "DE" => 3652.5,
        _ => return None,
    };
    let q = match modifier {
        Some("MORE_THAN") => Some("more than"),
        Some("LESS_THAN") => Some("less than"),
        Some("EQUAL_OR_MORE") => Some("at least"),
        Some("APPROX") => Some("about"),
        _ => None,
    };
    Some(range(n, u, q))
}

/// Finds every duration with an attached head noun from `data/duration_heads.tsv`.
pub fn find(doc: &Document, times: &[TimeExpr]) -> Vec<Duration> {
    find_with(doc, times, false)
}

/// Like [`find`], and also durations of any event noun in the WordNet groups
/// ([`super::event_groups`]: "a 40-day closure", "the restoration took eight years"), with
/// `listed` false and the instance class (compared only under the stricter instance rules).
pub fn find_events(doc: &Document, times: &[TimeExpr]) -> Vec<Duration> {
    find_with(doc, times, true)
}

/// The class of a head noun: listed in `duration_heads.tsv`, or (when `wide`) an event noun
/// of the WordNet groups, read as an instance head.
fn head_class(w: &str, wide: bool) -> Option<HeadClass> {
    lexicon::duration_head(w).or_else(|| {
        // A content noun only: WordNet also lists "on" (cricket) and "will" as nouns.
        (wide
            && w.chars().count() >= 4
            && !is_function_word(w)
            && event_groups::lemma(w).is_some_and(|l| !l.starts_with('+')))
        .then_some(HeadClass::Instance)
    })
}

fn find_with(doc: &Document, times: &[TimeExpr], wide: bool) -> Vec<Duration> {
    let text = doc.text;
    // Matched lower-cased (`folded`); groups are read back from `text`.
    let low = lower(text);
    let mut out: Vec<Duration> = Vec::new();
    for c in DURATION_RE.captures_iter(&low) {
        let Some(m) = c.get(0) else { continue };
        let (n, unit) = if let Some(u1) = c.name("u1") {
            // "decade-long" reads as about one unit.
            (1.0, orig(text, u1))
        } else {
            let (Some(n), Some(u)) = (c.name("n"), c.name("u")) else {
                continue;
            };
            let Some(mut n) = lexicon::parse_number(orig(text, n)) else {
                continue;
            };
            if c.name("half").is_some() {
                n += 0.5;
            }
            (n, orig(text, u))
        };
        let Some(u) = unit_days(unit) else { continue };
        let q = c.name("q").map(|q| orig(text, q));
        let span = Span::new(m.start(), m.end());
        if let Some(d) = attach(doc, span, range(n, u, q), wide) {
            out.push(d);
        }
    }
    // The time stage may know durations this small parser misses.
    for t in times.iter().filter(|t| t.kind == TimeType::Duration) {
        if out.iter().any(|d| d.span.overlaps(&t.span)) {
            continue;
        }
        let Some(r) = t
            .value
            .as_deref()
            .and_then(|v| timex_range(v, t.modifier.as_deref()))
        else {
            continue;
        };
        if let Some(d) = attach(doc, t.span, r, wide) {
            out.push(d);
        }
    }
    for c in NTH_YEAR_RE.captures_iter(&low) {
        let (Some(m), Some(h), Some(o)) = (c.get(0), c.name("h"), c.name("o")) else {
            continue;
        };
        let Some(class) = lexicon::duration_head(orig(text, h)) else {
            continue;
        };
        let Some(nth) = lexicon::parse_ordinal(orig(text, o)) else {
            continue;
        };
        let Some(sentence) = doc.sentence_at(m.start()) else {
            continue;
        };
        out.push(Duration {
            span: Span::new(o.start() - "in its ".len(), m.end()),
            passage: Span::new(m.start(), m.end()),
            lo: (nth - 1.0) * 365.25,
            hi: nth * 365.25,
            head: singular(orig(text, h)),
            modifier: modifier(c.name("m").map(|m| orig(text, m))),
            definite: c
                .name("det")
                .is_some_and(|d| lexicon::is_definite(orig(text, d))),
            class,
            elapsed: true,
            sentence,
            listed: true,
        });
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// Bytes before a duration searched for the lasted-predicate and its head (a determiner,
/// a modifier, a head, "that has now already lasted for" fit with room to spare).
const LASTED_WINDOW: usize = 160;

/// Attaches a head noun to a duration span: after it ("30-day ceasefire") or before it
/// ("a war that has lasted three years"). `None` when no head from the list fits.
fn attach(doc: &Document, span: Span, (lo, hi): (f64, f64), wide: bool) -> Option<Duration> {
    let text = doc.text;
    let sentence = doc.sentence_at(span.start)?;
    let sent = doc.sentences[sentence];
    // After: the words following the duration, up to punctuation.
    let after_words = words_after(text, span.end, sent.end, 3);
    let dur_text = span.text(text).to_lowercase();
    let adjectival = dur_text.contains('-') || dur_text.contains('‑') || dur_text.ends_with("long");
    // The predicate before the duration ("a war that has already lasted") fits in a
    // short window; reading back to the sentence start made one endless sentence of
    // durations quadratic.
    let mut from = span.start.saturating_sub(LASTED_WINDOW).max(sent.start);
    while from > sent.start && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..span.start).unwrap_or("");
    if adjectival || after_words.len() >= 2 {
        if let Some((head, modifier, end)) = head_after(&after_words, wide) {
            let (det_def, start) = determiner_before(text, sent.start, span.start);
            return Some(Duration {
                span,
                passage: Span::new(start, end),
                lo,
                hi,
                class: head_class(&head, wide)?,
                listed: lexicon::duration_head(&head).is_some(),
                head,
                modifier: modifier.or_else(|| possessor_before(text, sent.start, span.start)),
                definite: det_def,
                elapsed: false,
                sentence,
            });
        }
    }
    let low_before = lower(before);
    let c = LASTED_RE.captures(&low_before)?;
    // "a war that has lasted": the optional modifier slot took the head, "that" the head slot.
    let (h, m) = match c.name("h").map(|h| orig(before, h).to_lowercase()) {
        Some(w) if w == "that" || w == "which" => (c.name("m")?, None),
        _ => (c.name("h")?, c.name("m")),
    };
    let class = head_class(orig(before, h), wide)?;
    let listed = lexicon::duration_head(orig(before, h)).is_some();
    // "had lasted"/"has lasted" give the length so far; a bare "lasted"/"took" the whole.
    let elapsed = c.name("aux").is_some();
    let start = c.get(0)?.start() + from;
    Some(Duration {
        span,
        passage: Span::new(start, span.end),
        lo,
        hi,
        head: singular(orig(before, h)),
        modifier: modifier(m.map(|m| orig(before, m))),
        definite: c
            .name("det")
            .is_some_and(|d| lexicon::is_definite(orig(before, d))),
        class,
        elapsed,
        sentence,
        listed,
    })
}

/// Up to `max` words after `from` (stopping at punctuation), with their spans.
fn words_after(text: &str, from: usize, limit: usize, max: usize) -> Vec<(String, Span)> {
    static WORD: Pattern =
        Pattern::new(|| r"^\s+([A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]’'-]*)".into());
    let mut out = Vec::new();
    let mut at = from;
    while out.len() < max && at < limit {
        let Some(rest) = text.get(at..limit) else {
            break;
        };
        let Some(c) = WORD.captures(rest) else { break };
        let Some(w) = c.get(1) else { break };
        out.push((
            w.as_str().to_string(),
            Span::new(at + w.start(), at + w.end()),
        ));
        at += w.end();
    }
    out
}

/// Words that never modify a head noun; a duration followed by one of them has no head.
fn is_function_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "of" | "in"
            | "for"
            | "to"
            | "and"
            | "or"
            | "the"
            | "a"
            | "an"
            | "that"
            | "which"
            | "is"
            | "was"
            | "has"
            | "had"
            | "have"
            | "be"
            | "been"
            | "are"
            | "were"
            | "on"
            | "at"
            | "by"
            | "with"
            | "after"
            | "before"
            | "since"
            | "ago"
            | "later"
            | "earlier"
            | "from"
            | "into"
            | "as"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "but"
            | "when"
            | "while"
            | "old"
    )
}

/// Head (possibly two words), optional modifier, and the end of the passage.
fn head_after(words: &[(String, Span)], wide: bool) -> Option<(String, Option<String>, usize)> {
    let lower = |i: usize| words.get(i).map(|(w, _)| w.to_lowercase());
    let is_lower_head = |i: usize| {
        words.get(i).is_some_and(|(w, _)| {
            w.starts_with(|c: char| c.is_lowercase()) && head_class(w, wide).is_some()
        })
    };
    // Two-word heads first ("hunger strike" is not a strike).
    if let (Some(a), Some(b)) = (lower(0), lower(1)) {
        let two = format!("{a} {}", singular(&b));
        if lexicon::duration_head(&two).is_some() {
            if lower(2).is_some_and(|w| lexicon::is_compound_follower(&w)) {
                return None;
            }
            return Some((two, None, words[1].1.end));
        }
    }
    // A second noun only WordNet knows must have no verb reading to be the head: in "the
    // two-year war goes on" the word after "war" is the verb.
    let second_is_head = |i: usize| {
        is_lower_head(i)
            && words.get(i).is_some_and(|(w, _)| {
                lexicon::duration_head(w).is_some() || event_groups::verb_lemma(w).is_none()
            })
    };
    let (head_i, modifier) = if is_lower_head(0) && second_is_head(1) {
        // "an 18-month loan deal": the last noun is the head, the first narrows it.
        (1, lower(0))
    } else if is_lower_head(0) {
        (0, None)
    } else if is_lower_head(1) && !is_function_word(&words[0].0) {
        (1, Some(words[0].0.to_lowercase()))
    } else {
        return None;
    };
    // A following head noun makes this one a modifier ("a 40-day runway closure"). A noun only
    // WordNet knows counts only when it has no verb reading: in "the two-year war goes on" the
    // next word is the verb, not a second noun.
    let compound = |w: &str| {
        lexicon::is_compound_follower(w)
            || lexicon::duration_head(w).is_some()
            || (head_class(w, wide).is_some() && event_groups::verb_lemma(w).is_none())
    };
    if lower(head_i + 1).is_some_and(|w| compound(&w)) {
        return None;
    }
    Some((singular(&words[head_i].0), modifier, words[head_i].1.end))
}

/// Whether the word before a duration phrase is a definite determiner, and where the passage starts.
fn determiner_before(text: &str, sent_start: usize, at: usize) -> (bool, usize) {
    let before = text.get(sent_start..at).unwrap_or("");
    let trimmed = before.trim_end();
    let word_start = trimmed
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|i| i + trimmed[i..].chars().next().map_or(1, |c| c.len_utf8()))
        .unwrap_or(0);
    let word = &trimmed[word_start..];
    if word.is_empty() {
        return (false, at);
    }
    let def = lexicon::is_definite(word) || word.ends_with("'s") || word.ends_with("’s");
    let det = def || matches!(word.to_lowercase().as_str(), "a" | "an");
    (def, if det { sent_start + word_start } else { at })
}

/// "Smith's ten-year career": the possessor narrows the head.
fn possessor_before(text: &str, sent_start: usize, at: usize) -> Option<String> {
    let before = text.get(sent_start..at)?.trim_end();
    let word = before.rsplit(|c: char| c.is_whitespace()).next()?;
    let base = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))?;
    Some(base.to_lowercase())
}

fn modifier(m: Option<&str>) -> Option<String> {
    let m = m?;
    (!is_function_word(m) && !lexicon::is_definite(m)).then(|| m.to_lowercase())
}

fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    if lexicon::duration_head(&w).is_some() && !w.ends_with('s') {
        return w;
    }
    match w.strip_suffix('s') {
        Some(s) if lexicon::duration_head(s).is_some() => s.to_string(),
        _ => event_groups::lemma(&w)
            .filter(|l| !l.starts_with('+'))
            .unwrap_or(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn durations(text: &str) -> Vec<(String, String, f64, f64, bool)> {
        let doc = Document::new(text);
        find(&doc, &[])
            .into_iter()
            .map(|d| {
                (
                    d.passage.text(text).to_string(),
                    d.head,
                    d.lo / 365.25,
                    d.hi / 365.25,
                    d.elapsed,
                )
            })
            .collect()
    }

    #[test]
    fn adjectival_and_predicative() {
        let t = "The talks aim to end the two-year-long war. It is a war that has already lasted more than three years.";
        let d = durations(t);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].0, "the two-year-long war");
        assert_eq!(d[0].1, "war");
        assert!(d[0].2 >= 1.4 && d[0].3 < 3.0);
        assert_eq!(
            d[1].0,
            "a war that has already lasted more than three years"
        );
        assert!(d[1].2 > 3.0 && d[1].4);
    }

    #[test]
    fn modifiers_compounds_and_nth_year() {
        let t = "A 30-day ceasefire extension was offered. Their 12-year civil war, now in its fourth year of talks. The conflict, now in its fourth year, goes on.";
        let d = durations(t);
        // The extension is not the ceasefire; "civil" narrows the war.
        assert!(d.iter().all(|x| x.1 != "ceasefire"));
        assert!(d.iter().any(|x| x.1 == "war"));
        assert!(d
            .iter()
            .any(|x| x.1 == "conflict" && x.2 == 3.0 && x.3 == 4.0));
    }

    #[test]
    fn no_head_no_duration() {
        assert!(durations("He spent three years in Paris. The 30-day period ends.").is_empty());
        // An age, not the war's length.
        assert!(durations("A 30-year-old war veteran spoke.").is_empty());
    }

    #[test]
    fn ranges() {
        let y = 365.25;
        assert!(incompatible(
            range(2.0, y, None),
            range(3.0, y, Some("more than"))
        ));
        assert!(!incompatible(
            range(3.0, y, None),
            range(3.0, y, Some("more than"))
        ));
        assert!(!incompatible(range(18.0, 30.44, None), range(2.0, y, None)));
        assert!(!incompatible(
            range(30.0, 1.0, None),
            range(1.0, 30.44, None)
        ));
        assert_eq!(
            timex_range("P3Y", Some("MORE_THAN")),
            Some(range(3.0, y, Some("more than")))
        );
    }
}
