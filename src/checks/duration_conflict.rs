//! Check: the same thing given two incompatible lengths.
//!
//! Input: duration phrases with their head nouns ([`super::durations`]). Output: a
//! `duration-conflict` flag when two phrases measure the same head (no differing
//! modifier) with ranges no single length satisfies. Example: "the two-year-long war"
//! … "a war that has lasted more than three years" is flagged; "a 30-day ceasefire" …
//! "the 30-day ceasefire" is not, nor is "a 30-day ceasefire" … "a 72-hour ceasefire"
//! (two proposals, both introduced with "a").

use super::durations::{self, incompatible, Duration};
use super::event_groups;
use super::lexicon::HeadClass;
use super::{Check, Context};
use crate::model::Flag;

pub struct DurationConflict;

/// Instance heads ("sentence", "ceasefire") are compared only this many sentences apart.
const INSTANCE_WINDOW: usize = 5;

impl Check for DurationConflict {
    fn id(&self) -> &'static str {
        "duration-conflict"
    }

    fn description(&self) -> &'static str {
        "The same thing (war, ceasefire, sentence…) is given two incompatible lengths."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let mut ds = durations::find_events(ctx.doc, ctx.times);
        // Pairs are compared with a scan of all mentions each: bound the mentions so hostile
        // input stays linear (a news article has a handful).
        ds.truncate(MAX_DURATIONS);
        let text = ctx.doc.text;
        let mut flags = Vec::new();
        let mut flagged_heads: Vec<&str> = Vec::new();
        for (j, b) in ds.iter().enumerate() {
            if flagged_heads.contains(&b.head.as_str()) {
                continue;
            }
            let Some(a) = ds[..j]
                .iter()
                .find(|a| same_thing(a, b, &ds, text) && incompatible((a.lo, a.hi), (b.lo, b.hi)))
            else {
                continue;
            };
            flagged_heads.push(&b.head);
            let confidence = if !a.listed || !b.listed {
                0.55
            } else if a.class == HeadClass::Singleton {
                0.8
            } else {
                0.6
            };
            let reason = if a.head == b.head {
                format!("both describe the {}'s duration", b.head)
            } else {
                format!(
                    "“{}” and “{}” read as one event (WordNet groups them), so both give its duration",
                    a.head, b.head
                )
            };
            // The link the flag assumes: the later phrase measures the thing the earlier did.
            let link = format!(
                "“{}” read as the {} of “{}” ({})",
                b.passage.text(text),
                a.head,
                a.passage.text(text),
                if a.head == b.head {
                    "the same word"
                } else {
                    "grouped with it in WordNet"
                }
            );
            flags.push(Flag {
                links: vec![link],
                kind: self.id().to_string(),
                message: format!(
                    "The {} is given two lengths that cannot both be true: “{}” and “{}”.",
                    b.head,
                    a.span.text(text),
                    b.span.text(text)
                ),
                reason,
                confidence,
                evidence: vec![a.passage, b.passage],
                fact: None,
            });
        }
        flags
    }
}

/// At most this many duration phrases per document are compared.
const MAX_DURATIONS: usize = 120;

/// Unlisted (WordNet-only) heads are compared this many sentences apart at most.
const EVENT_WINDOW: usize = 25;

/// Words before a duration phrase that say it is a different occurrence ("another
/// two-week strike", "an earlier 30-day closure").
fn another_before(text: &str, d: &Duration) -> bool {
    let before = text.get(..d.passage.start).unwrap_or("");
    let last = before.split_whitespace().rev().take(2).map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    last.into_iter().any(|w| {
        matches!(
            w.as_str(),
            "another"
                | "other"
                | "earlier"
                | "previous"
                | "prior"
                | "second"
                | "third"
                | "first"
                | "last"
                | "next"
                | "separate"
                | "similar"
                | "new"
                | "each"
                | "every"
                | "per"
        )
    })
}

/// The last word of a head ("hunger strike" → "strike"), for the WordNet groups.
fn head_word(h: &str) -> &str {
    h.rsplit(' ').next().unwrap_or(h)
}

/// Same head, or heads WordNet groups as one kind of event (an unlisted head on either side).
fn same_head(a: &Duration, b: &Duration) -> bool {
    a.head == b.head
        || ((!a.listed || !b.listed)
            && event_groups::related(head_word(&a.head), head_word(&b.head)))
}

/// Whether two duration phrases plausibly measure the same thing.
fn same_thing(a: &Duration, b: &Duration, all: &[Duration], text: &str) -> bool {
    if !same_head(a, b) || a.sentence == b.sentence {
        return false;
    }
    if !a.listed || !b.listed {
        // An event noun only WordNet knows: one of the two must point back ("the"), close
        // enough, two modifiers must agree, neither may be marked
        // as another occurrence, and no third mention may introduce a separate one.
        return (a.definite || b.definite)
            && b.sentence - a.sentence <= EVENT_WINDOW
            && (a.modifier.is_none() || b.modifier.is_none() || a.modifier == b.modifier)
            && !another_before(text, a)
            && !another_before(text, b)
            && !all.iter().any(|k| {
                k != a
                    && k != b
                    && same_head(k, b)
                    && !k.definite
                    && (!incompatible((k.lo, k.hi), (b.lo, b.hi))
                        || !incompatible((k.lo, k.hi), (a.lo, a.hi)))
            });
    }
    if let (Some(x), Some(y)) = (&a.modifier, &b.modifier) {
        if x != y {
            return false;
        }
    }
    match a.class {
        HeadClass::Singleton => true,
        HeadClass::Instance => {
            // The later one must point back, close by, and its length must not have been
            // introduced as a separate thing ("a 72-hour ceasefire") anywhere.
            b.definite
                && b.sentence - a.sentence <= INSTANCE_WINDOW
                && !all.iter().any(|k| {
                    k.head == b.head && !k.definite && !incompatible((k.lo, k.hi), (b.lo, b.hi))
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    #[test]
    fn fires_on_synonym_heads_in_other_units() {
        for t in [
            "The port reopened after a 25-day closure. Traders said the three-month shutdown had cost them dearly.",
            "The outage lasted about 20 hours. “We had a four-and-a-half-day blackout,” a farmer said.",
            "Crowds returned after a careful renovation that took six years.\nThe curator said the three-year renovation revealed old murals.",
        ] {
            assert_eq!(flags(t).len(), 1, "{t}");
        }
    }

    #[test]
    fn synonym_near_misses_stay_silent() {
        for t in [
            // Approximations and rounding agree; another occurrence; a modifier narrows.
            "The closure lasted about two years. Residents said the 20-month shutdown hurt.",
            "A 40-day closure ended in May. Another two-month shutdown is planned for 2027.",
            "The 40-day runway closure ended. The two-month terminal shutdown goes on.",
            "A 10-day strike hit ports in June. A three-week strike followed in July. The three-week strike ended.",
        ] {
            assert!(flags(t).is_empty(), "{t}");
        }
    }

    fn flags(text: &str) -> Vec<Flag> {
        run_on(&DurationConflict, text, &[], None)
    }

    #[test]
    fn reads_the_head_past_a_verb_and_after_a_reporting_clause() {
        // "goes" is also a WordNet noun, and "said the war has lasted" must not read "has"
        // as the head.
        let t =
            "The two-year war goes on. Officials said the war has lasted more than three years.";
        let f = flags(t);
        assert_eq!(f.len(), 1);
        assert_eq!(
            evidence(t, &f[0]),
            vec![
                "The two-year war",
                "the war has lasted more than three years"
            ]
        );
    }

    #[test]
    fn fires_on_two_lengths_of_one_war() {
        let t = "Envoys met to end the two-year-long war in the north.\nBoth sides said little. Aid groups warned of a war that has already lasted more than three years.";
        let f = flags(t);
        assert_eq!(f.len(), 1);
        assert_eq!(
            evidence(t, &f[0]),
            vec![
                "the two-year-long war",
                "a war that has already lasted more than three years"
            ]
        );
        assert_eq!(f[0].reason, "both describe the war's duration");
    }

    #[test]
    fn fires_on_a_definite_sentence_restated() {
        let t = "Judge Lina Varga handed Omar Pell a ten-year sentence on Friday. His lawyer said the eight-year sentence would be appealed.";
        assert_eq!(flags(t).len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        // The same ceasefire twice; two proposals; a different thing; different modifiers.
        for t in [
            "Leaders backed a 30-day ceasefire. Moscow rejected the proposed 30-day ceasefire.",
            "Kyiv wants a 30-day ceasefire. Moscow offered a 72-hour ceasefire instead. The 72-hour ceasefire began.",
            "A 30-day ceasefire was agreed. Later a 60-day extension was discussed.",
            "The six-year civil war ended. The trade war has lasted two years.",
            "Pell got a ten-year sentence. Ruiz got a two-year sentence.",
            "The war has lasted three years. Officials said the three-year war must end.",
        ] {
            assert!(flags(t).is_empty(), "{t}");
        }
    }
}
