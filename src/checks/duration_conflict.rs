//! Check: the same thing given two incompatible lengths.
//!
//! Input: duration phrases with their head nouns ([`super::durations`]). Output: a
//! `duration-conflict` flag when two phrases measure the same head (no differing
//! modifier) with ranges no single length satisfies. Example: "the two-year-long war"
//! … "a war that has lasted more than three years" is flagged; "a 30-day ceasefire" …
//! "the 30-day ceasefire" is not, nor is "a 30-day ceasefire" … "a 72-hour ceasefire"
//! (two proposals, both introduced with "a").

use super::durations::{self, incompatible, Duration};
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
        let ds = durations::find(ctx.doc, ctx.times);
        let text = ctx.doc.text;
        let mut flags = Vec::new();
        let mut flagged_heads: Vec<&str> = Vec::new();
        for (j, b) in ds.iter().enumerate() {
            if flagged_heads.contains(&b.head.as_str()) {
                continue;
            }
            let Some(a) = ds[..j]
                .iter()
                .find(|a| same_thing(a, b, &ds) && incompatible((a.lo, a.hi), (b.lo, b.hi)))
            else {
                continue;
            };
            flagged_heads.push(&b.head);
            let confidence = if a.class == HeadClass::Singleton {
                0.8
            } else {
                0.6
            };
            flags.push(Flag {
                links: Vec::new(),
                kind: self.id().to_string(),
                message: format!(
                    "The {} is given two lengths that cannot both be true: “{}” and “{}”.",
                    b.head,
                    a.span.text(text),
                    b.span.text(text)
                ),
                reason: format!("both describe the {}'s duration", b.head),
                confidence,
                evidence: vec![a.passage, b.passage],
                fact: None,
            });
        }
        flags
    }
}

/// Whether two duration phrases plausibly measure the same thing.
fn same_thing(a: &Duration, b: &Duration, all: &[Duration]) -> bool {
    if a.head != b.head || a.sentence == b.sentence {
        return false;
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

    fn flags(text: &str) -> Vec<Flag> {
        run_on(&DurationConflict, text, &[], None)
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
