//! Check: a year spoken of as still to come although the article's own time frame is later.
//!
//! Input: the text, the elapsed durations of [`super::durations`], dated start events,
//! the publication date when known. Output: a `timeframe` flag when future-tense talk
//! about a year ("is expected to contest the 2024 election", "will … in 2024") meets
//! evidence that the article was written after that year: the publication date, or a
//! stated length so far of something whose start the article dates ("a war that has
//! lasted more than three years" + "launched its invasion in early 2022" ⇒ 2025 or later).
//! Example: published 2025-05-12, "The plant will open in 2024." is flagged; "The plant
//! would open in 2024, he said in 2021." is not (reported past).

use super::bounded::captures_where;
use super::durations;
use super::folded::lower;
use super::{Check, Context};
use crate::model::{Flag, TimeType};
use crate::span::Span;
use crate::text::Pattern;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub struct Timeframe;

static WORDS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    crate::lexicon::TIMEFRAME_WORDS
        .ok_rows()
        .map(|r| (r.col(0).to_lowercase(), r.col(1).to_string()))
        .collect()
});

fn words(class: &str) -> impl Iterator<Item = &'static str> + '_ {
    WORDS
        .iter()
        .filter(move |(_, c)| c == class)
        .map(|(w, _)| w.as_str())
}

/// A future cue, then (in the same clause) a year used as a time or as an event's date.
const MAX_GAP_CHARS: usize = 60;

static FUTURE_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:will|(?:is|are|am)\s+(?:[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ_]+ly\s+)?(?:expected|set|due|scheduled|slated|poised|likely|going|planning|preparing|hoping|aiming)\s+to|upcoming|forthcoming)(?-u:\b)(?P<gap>[^.;!?,“”\x22]*?)(?-u:\b)(?P<pre>in|by|until|before|during|the|this|next)\s+(?P<y>(?:19|20)[0-9][0-9])(?-u:\b)(?P<post>(?:\s+[a-zA-Zß-öø-ÿÀ-ÖØ-ÞĀ-ɏḀ-ỿ-]+){0,3})".into()
});

static YEAR_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b)(?:(?P<m>{}|early|mid-?|late)\s+)?(?P<y>(?:19|20)[0-9][0-9])(?-u:\b)",
        crate::time::calendar::month_alternation(true)
    )
});

/// A reporting frame before the future words makes the future someone's past view
/// ("analysts predicted the plant will close in 2024"), not the article's.
static REPORTED_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:predicted|forecast|projected|had\s+(?:said|hoped|planned|expected)|was\s+expected|were\s+expected)(?-u:\b)".into()
});

struct FutureTalk {
    passage: Span,
    year: i32,
}

fn future_talk(ctx: &Context) -> Vec<FutureTalk> {
    let text = ctx.doc.text;
    let mut out = Vec::new();
    for sent in &ctx.doc.sentences {
        // Matched lower-cased (`folded`): same offsets as the sentence.
        let low = lower(sent.text(text));
        let s: &str = &low;
        // At most 60 characters between the future words and the year (see `bounded`).
        let near = |c: &regex::Captures| {
            c.name("gap")
                .is_none_or(|g| g.as_str().chars().count() <= MAX_GAP_CHARS)
        };
        for c in captures_where(&FUTURE_RE, s, near) {
            let (Some(m), Some(y), Some(pre)) = (c.get(0), c.name("y"), c.name("pre")) else {
                continue;
            };
            if REPORTED_RE.is_match(s.get(..m.start()).unwrap_or("")) {
                continue;
            }
            let Ok(year) = y.as_str().parse::<i32>() else {
                continue;
            };
            // "the 2019 level" is a past comparison: a bare "the YEAR" needs an event noun.
            let post_m = c.name("post");
            let post = post_m
                .map(|p| p.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            let temporal = matches!(
                pre.as_str().to_lowercase().as_str(),
                "in" | "by" | "until" | "before" | "during"
            );
            let event_end = words("event")
                .filter_map(|e| find_word(&post, e).map(|i| i + e.len()))
                .min();
            if !temporal && event_end.is_none() {
                continue;
            }
            // Year ranges and decades ("2024-25", "2020s") are not one year.
            if s[y.end()..].starts_with(['-', '–', '/', 's']) {
                continue;
            }
            // A sentence that also names an earlier year is told from that past ("In 2010 he said …").
            if YEAR_RE
                .captures_iter(s)
                .filter_map(|c| c.name("y").and_then(|y| y.as_str().parse::<i32>().ok()))
                .any(|other| other < year)
            {
                continue;
            }
            let end = match (temporal, event_end, post_m) {
                (false, Some(e), Some(p)) => p.start() + e,
                _ => y.end(),
            };
            out.push(FutureTalk {
                passage: Span::new(sent.start + m.start(), sent.start + end),
                year,
            });
        }
    }
    out
}

/// Byte index of `word` as a whole word in `hay`.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    hay.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

/// An elapsed length ("a war that has lasted more than three years") linked to a sentence
/// dating the thing's start ("launched its invasion … in March 2022").
struct Linked {
    lo: f64,
    hi: f64,
    start_lo: NaiveDate,
    start_hi: NaiveDate,
    passages: Vec<Span>,
}

fn linked(ctx: &Context) -> Vec<Linked> {
    let text = ctx.doc.text;
    // Sentences that date a start ("launched … in March 2022"): read once, indexed by their
    // words, so each stated length looks only at the sentences that share its head word.
    let mut dated: Vec<(usize, String)> = Vec::new();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (si, sent) in ctx.doc.sentences.iter().enumerate() {
        let s = sent.text(text).to_lowercase();
        let start_word = words("start").any(|w| find_word(&s, w).is_some());
        // One dated period only: with two, which one dates the start is unclear.
        if !start_word || YEAR_RE.find_iter(&s).count() != 1 {
            continue;
        }
        let mut seen = HashSet::new();
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if seen.insert(w) {
                by_word.entry(w.to_string()).or_default().push(dated.len());
            }
        }
        dated.push((si, s));
    }
    let mut out = Vec::new();
    let mut done: HashSet<(String, u64, u64)> = HashSet::new();
    for d in durations::find(ctx.doc, ctx.times)
        .into_iter()
        .filter(|d| d.elapsed && d.lo > 0.0)
    {
        // A length restated word for word links to the same sentences again: skip it.
        if !done.insert((d.head.clone(), d.lo.to_bits(), d.hi.to_bits())) {
            continue;
        }
        let mut related: Vec<usize> = Vec::new();
        let mut heads = vec![d.head.as_str()];
        if matches!(d.head.as_str(), "war" | "conflict" | "occupation") {
            heads.push("invasion");
        }
        for h in heads {
            if h.chars().all(char::is_alphanumeric) {
                related.extend(by_word.get(h).into_iter().flatten().copied());
            } else {
                related.extend(
                    (0..dated.len())
                        .filter(|&i| find_word(&dated[i].1, h).is_some())
                        .take(MAX_LINKS_PER_LENGTH),
                );
            }
        }
        related.sort_unstable();
        related.dedup();
        let mut links = 0;
        for i in related {
            let (si, s) = &dated[i];
            if *si == d.sentence {
                continue;
            }
            let Some((start_lo, start_hi, span)) = start_range(ctx, ctx.doc.sentences[*si], s)
            else {
                continue;
            };
            out.push(Linked {
                lo: d.lo,
                hi: d.hi,
                start_lo,
                start_hi,
                passages: vec![d.passage, span],
            });
            links += 1;
            if links >= MAX_LINKS_PER_LENGTH {
                break;
            }
        }
    }
    out
}

/// How many dated starts one stated length is compared with: an article dates the start
/// of one thing a few times at most, and the cap keeps a hostile text linear.
const MAX_LINKS_PER_LENGTH: usize = 8;

/// The earliest date the article can have been written, from a stated length so far of
/// something whose start it dates; with the passages used.
fn elapsed_bound(links: &[Linked]) -> Option<(NaiveDate, Vec<Span>)> {
    links
        .iter()
        .map(|l| {
            (
                l.start_lo + Duration::days(l.lo.floor() as i64),
                l.passages.clone(),
            )
        })
        .max_by_key(|(b, _)| *b)
}

/// A stated length so far that the publication date and the dated start rule out.
fn elapsed_against_published(
    links: &[Linked],
    published: NaiveDate,
) -> Option<(&Linked, f64, f64)> {
    links.iter().find_map(|l| {
        let least = (published - l.start_hi).num_days() as f64;
        let most = (published - l.start_lo).num_days() as f64;
        (least > 0.0 && (l.hi < least || l.lo > most)).then_some((l, least, most))
    })
}

/// The range of start dates a sentence gives for the event it dates: from the first day
/// of the stated period (less a little for "weeks after the invasion") to its last day.
fn start_range(ctx: &Context, sent: Span, lower: &str) -> Option<(NaiveDate, NaiveDate, Span)> {
    let text = ctx.doc.text;
    // Prefer the time stage's resolved dates; else read "March 2022" / "early 2022" here.
    let from_times = ctx
        .times
        .iter()
        .filter(|t| t.kind == TimeType::Date && sent.contains(&t.span))
        .find_map(|t| {
            let v = t.value.as_deref()?;
            let y: i32 = v.get(..4)?.parse().ok()?;
            let m: Option<u32> = v.get(5..7).and_then(|m| m.parse().ok());
            Some((y, m.filter(|m| (1..=12).contains(m)), t.span))
        });
    let (year, month, span) = match from_times {
        Some(x) => x,
        None => {
            let s = super::folded::lower(sent.text(text));
            let c = YEAR_RE.captures_iter(&s).next()?;
            let y: i32 = c.name("y")?.as_str().parse().ok()?;
            let month = c.name("m").and_then(|m| month_number(m.as_str()));
            let m0 = c.get(0)?;
            (
                y,
                month,
                Span::new(sent.start + m0.start(), sent.start + m0.end()),
            )
        }
    };
    let date = NaiveDate::from_ymd_opt(year, month.unwrap_or(1), 1)?;
    let last = match month {
        Some(12) | None => NaiveDate::from_ymd_opt(year, 12, 31)?,
        Some(m) => NaiveDate::from_ymd_opt(year, m + 1, 1)? - Duration::days(1),
    };
    // "weeks after the invasion": the dated event came after the start by a little.
    let slack = if lower.contains("days after") {
        31
    } else if lower.contains("weeks after") {
        56
    } else if lower.contains(" after ") {
        return None;
    } else {
        0
    };
    Some((date - Duration::days(slack), last, span))
}

fn month_number(m: &str) -> Option<u32> {
    crate::time::calendar::month_number(m)
}

impl Check for Timeframe {
    fn id(&self) -> &'static str {
        "timeframe"
    }

    fn description(&self) -> &'static str {
        "A year is spoken of as still to come although the article is set later."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let talk = future_talk(ctx);
        let links = if talk.is_empty() && ctx.published.is_none() {
            Vec::new()
        } else {
            linked(ctx)
        };
        let elapsed = elapsed_bound(&links);
        let text = ctx.doc.text;
        let mut flags = Vec::new();
        if let Some((l, least, most)) = ctx
            .published
            .and_then(|p| elapsed_against_published(&links, p))
        {
            let years = |d: f64| d / 365.25;
            flags.push(Flag {
                links: Vec::new(),
                kind: self.id().into(),
                message: format!(
                    "“{}” does not fit “{}”: by the publication date {} between {:.1} and {:.1} years had passed.",
                    l.passages[0].text(text),
                    l.passages[1].text(text),
                    ctx.published.map(|p| p.to_string()).unwrap_or_default(),
                    years(least),
                    years(most)
                ),
                reason: "a length so far against the dated start and the publication date".into(),
                confidence: 0.5,
                evidence: {
                    let mut e = l.passages.clone();
                    e.sort();
                    e
                },
                fact: None,
            });
        }
        for t in talk {
            let Some(year_end) = NaiveDate::from_ymd_opt(t.year, 12, 31) else {
                continue;
            };
            let passage = t.passage.text(text);
            let by_elapsed = elapsed.as_ref().filter(|(b, _)| *b > year_end);
            if let Some(p) = ctx.published.filter(|p| *p > year_end) {
                let mut evidence = vec![t.passage];
                if let Some((_, spans)) = by_elapsed {
                    evidence.extend(spans);
                }
                flags.push(Flag {
                    links: Vec::new(),
                    kind: self.id().into(),
                    message: format!(
                        "“{passage}” speaks of {} as still to come, but the article was published on {p}.",
                        t.year
                    ),
                    reason: format!("future tense about {} in an article from {}", t.year, p.year()),
                    confidence: 0.65,
                    evidence,
                    fact: None,
                });
            } else if let Some((bound, spans)) = by_elapsed {
                let mut evidence = vec![t.passage];
                evidence.extend(spans.iter().copied());
                flags.push(Flag {
                    links: Vec::new(),
                    kind: self.id().into(),
                    message: format!(
                        "“{passage}” speaks of {} as still to come, but “{}” counted from “{}” places the article in {} or later.",
                        t.year,
                        spans[0].text(text),
                        spans[1].text(text),
                        bound.year()
                    ),
                    reason: format!("the article's own dates place it after {}", t.year),
                    confidence: 0.55,
                    evidence,
                    fact: None,
                });
            }
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    #[test]
    fn fires_with_elapsed_time_and_dated_start() {
        let t = "Ana Ortiz, who is expected to contest the 2024 mayoral election, spoke on Monday.\nThe talks collapsed in April 2022, weeks after rebels launched their offensive on the capital and the war began.\nRelief is scarce in a war that has lasted more than three years.";
        let f = run_on(&Timeframe, t, &[], None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0])[0],
            "is expected to contest the 2024 mayoral election"
        );
        assert!(evidence(t, &f[0]).contains(&"April 2022"));
        // Two years of war from 2022 do not reach past 2024.
        let t2 = t.replace("more than three years", "more than two years");
        assert!(run_on(&Timeframe, &t2, &[], None).is_empty());
    }

    #[test]
    fn fires_with_publication_date() {
        let t = "The new bridge will open in 2024, the council says.";
        let f = run_on(&Timeframe, t, &[], Some("2025-05-12"));
        assert_eq!(f.len(), 1);
        assert_eq!(evidence(t, &f[0]), vec!["will open in 2024"]);
    }

    #[test]
    fn fires_on_elapsed_time_against_publication_date() {
        let t = "The rebels launched the war in 2011.\nAid is scarce in a war that has lasted five years.";
        let f = run_on(&Timeframe, t, &[], Some("2025-05-12"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec!["2011", "a war that has lasted five years"]
        );
        // Fits in 2016; two dated periods leave the start unclear.
        assert!(run_on(&Timeframe, t, &[], Some("2016-05-12")).is_empty());
        let t2 = "The rebels launched the war in 2011 and took the city in 2014.\nAid is scarce in a war that has lasted five years.";
        assert!(run_on(&Timeframe, t2, &[], Some("2025-05-12")).is_empty());
    }

    #[test]
    fn near_misses_stay_silent() {
        for (t, d) in [
            (
                "The new bridge will open in 2024, the council says.",
                Some("2023-05-12"),
            ),
            (
                "In 2019 he said the plant would close in 2024.",
                Some("2025-05-12"),
            ),
            (
                "Analysts predicted the plant will close in 2024.",
                Some("2025-05-12"),
            ),
            ("Output will double the 2019 level.", Some("2025-05-12")),
            (
                "The bridge will be the longest since 2012.",
                Some("2025-05-12"),
            ),
            ("The bridge will open in 2024.", None),
            // "plans" as a noun in past narration.
            (
                "He cancelled the host's plans to attend a rally in 2010.",
                Some("2016-08-22"),
            ),
        ] {
            assert!(run_on(&Timeframe, t, &[], d).is_empty(), "{t}");
        }
    }
}
