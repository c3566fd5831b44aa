//! Check: the same quantity given two values. Very conservative.
//!
//! Input: the text. Two kinds of quantity are compared:
//! - an amount of money or a percentage attached to a head noun ("a $5bn deal", "its 12%
//!   stake"), compared like durations: the later mention must point back ("the $6bn
//!   deal"), close by, and its value must not have been introduced separately;
//! - casualty counts ("killed 12 people", "12 people were killed", "the death toll of
//!   12"), compared only when the article never speaks of the count changing or of
//!   another incident (rose, up from, another, earlier…).
//!
//! Values allow rounding ("about 1,000" fits "1,020"; a round "1,000" fits "1,020").
//! Output: a `number-conflict` flag. Example: "a $5bn deal" … "the $6bn deal" is flagged;
//! "rose from 10 to 12 people killed" is not.

use super::folded::{lower, orig};
use super::lexicon::{self, HeadClass, NUMBER_RE};
use super::{Check, Context};
use crate::model::Flag;
use crate::span::Span;
use crate::text::Pattern;
use std::sync::LazyLock;

pub struct NumberConflict;

const QUAL: &str = r"at least|more than|over|about|around|some|nearly|almost|roughly|approximately|up to|fewer than|less than|an estimated";

/// "$5bn deal", "£1.2 million settlement", "12% stake", "5 per cent stake".
static AMOUNT_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?:(?-u:\b)(?P<q>{QUAL})\s+)?(?:(?P<cur>[$£€])\s?(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<scale>bn|billion|m|million|trillion|tn|k)?|(?P<pn>[0-9]+(?:\.[0-9]+)?)\s*(?P<pct>%|per\s?cent|percent))[-‑ ]+(?:(?P<m>[a-z]+)\s+)?(?P<h>[a-z]+)(?-u:\b)"
    )
});

const VICTIMS: &str = r"people|persons|civilians|soldiers|troops|children|migrants|passengers|workers|police(?:\s+officers)?|militants|protesters|fighters|miners";

// Case-sensitive patterns run on the lower-cased text (`folded`), and `(?-u)`: ASCII
// classes. Unicode case folding made these the costliest patterns to build on the first
// analysis.
static CASUALTY_RES: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    [
        format!(r"(?-u)\b(?P<v>killed|killing|kills)\s+(?:(?P<q>{QUAL})\s+)?(?P<n>{NUMBER_RE})\s+(?P<who>{VICTIMS})\b"),
        format!(r"(?-u)\b(?:(?P<q>{QUAL})\s+)?(?P<n>{NUMBER_RE})\s+(?P<who>{VICTIMS})\s+(?:(?:were|have been|had been|was|are)\s+(?:\w+\s+)?)?(?P<v>killed|dead|died)\b"),
        format!(r"(?-u)\bdeath\s+toll\s+(?:\w+\s+){{0,2}}?(?:of|at|to|is|was|stands at|reached)\s+(?:(?P<q>{QUAL})\s+)?(?P<n>{NUMBER_RE})\b"),
    ]
    .iter()
    .map(|r| Pattern::from_text(r.as_str()))
    .collect()
});

/// Words saying a count changed or that another incident is meant.
static CHANGE_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:rose|risen|rising|rises|climbed|increased|jumped|up from|down from|revised|updated|now|latest|initially|originally|earlier|at first|later|another|separate|second|previous|last year|a year earlier|since|total|including|overall|so far|brings|bringing|last|ago|past|from\s+\S+\s+to|(?:19|20)[0-9][0-9])(?-u:\b)".into()
});

/// Words saying an amount changed or another one is meant ("a further 20% stake").
static AMOUNT_CHANGE_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:rose|risen|raised|increased|cut|reduced|lowered|up from|down from|revised|new|another|further|additional|remaining|rest|extra|second|previous|original|initial|from\s+\S+\s+to)(?-u:\b)".into()
});

#[derive(Debug, Clone)]
struct Quantity {
    key: String,
    lo: f64,
    hi: f64,
    value_text: String,
    passage: Span,
    sentence: usize,
    definite: bool,
    class: HeadClass,
}

/// The range a stated value allows: qualifiers widen it, round numbers allow rounding.
fn value_range(n: f64, q: Option<&str>) -> (f64, f64) {
    let round = n >= 100.0 && n % 10.0 == 0.0;
    let slack = if round { 0.05 * n } else { 0.0 };
    match q.map(|q| q.to_lowercase()).as_deref() {
        Some("at least" | "more than" | "over") => (n, f64::INFINITY),
        Some("up to" | "fewer than" | "less than") => (0.0, n),
        Some(_) => (0.85 * n, 1.15 * n),
        None => (n - slack, n + slack),
    }
}

fn scale(s: Option<&str>) -> f64 {
    match s.map(|s| s.to_lowercase()).as_deref() {
        Some("bn" | "billion") => 1e9,
        Some("m" | "million") => 1e6,
        Some("trillion" | "tn") => 1e12,
        Some("k") => 1e3,
        _ => 1.0,
    }
}

fn quantities(ctx: &Context) -> Vec<Quantity> {
    let text = ctx.doc.text;
    // Matched lower-cased (`folded`); groups are read back from `text`.
    let low = lower(text);
    let mut out = Vec::new();
    for c in AMOUNT_RE.captures_iter(&low) {
        let (Some(m), Some(h)) = (c.get(0), c.name("h")) else {
            continue;
        };
        // "$5bn deal with": the optional modifier slot took the head.
        let (h, modifier, end) = match (c.name("m"), lexicon::quantity_head(orig(text, h))) {
            (_, Some(_)) => (h, c.name("m"), h.end()),
            (Some(mm), None) => (mm, None, mm.end()),
            (None, None) => continue,
        };
        let Some(class) = lexicon::quantity_head(orig(text, h)) else {
            continue;
        };
        let (n, unit) = if let Some(n) = c.name("n") {
            let Some(v) = lexicon::parse_number(orig(text, n)) else {
                continue;
            };
            (
                v * scale(c.name("scale").map(|s| orig(text, s))),
                c.name("cur").map(|c| orig(text, c)).unwrap_or("$"),
            )
        } else {
            let Some(v) = c
                .name("pn")
                .and_then(|p| lexicon::parse_number(orig(text, p)))
            else {
                continue;
            };
            (v, "%")
        };
        let Some(sentence) = ctx.doc.sentence_at(m.start()) else {
            continue;
        };
        let before = text
            .get(ctx.doc.sentences[sentence].start..m.start())
            .unwrap_or("")
            .trim_end();
        let det = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let definite = lexicon::is_definite(det) || det.ends_with("'s") || det.ends_with("’s");
        let modifier = modifier
            .map(|m| orig(text, m).to_lowercase())
            .unwrap_or_default();
        let (lo, hi) = value_range(n, c.name("q").map(|q| orig(text, q)));
        out.push(Quantity {
            key: format!(
                "{unit} {modifier} {}",
                orig(text, h).to_lowercase().trim_end_matches('s')
            ),
            lo,
            hi,
            value_text: text.get(m.start()..end).unwrap_or("").to_string(),
            passage: Span::new(m.start(), end),
            sentence,
            definite,
            class,
        });
    }
    for re in CASUALTY_RES.iter() {
        for c in re.captures_iter(&low) {
            let (Some(m), Some(n)) = (c.get(0), c.name("n")) else {
                continue;
            };
            let Some(v) = lexicon::parse_number(orig(text, n)) else {
                continue;
            };
            let passage = Span::new(m.start(), m.end());
            if out.iter().any(|q: &Quantity| q.passage.overlaps(&passage)) {
                continue;
            }
            let Some(sentence) = ctx.doc.sentence_at(m.start()) else {
                continue;
            };
            let who = c
                .name("who")
                .map(|w| orig(text, w).to_lowercase())
                .unwrap_or_else(|| "people".into());
            let who = if who == "persons" {
                "people".to_string()
            } else {
                who
            };
            let (lo, hi) = value_range(v, c.name("q").map(|q| orig(text, q)));
            out.push(Quantity {
                key: format!("killed {who}"),
                lo,
                hi,
                value_text: orig(text, m).to_string(),
                passage,
                sentence,
                definite: true,
                class: HeadClass::Singleton,
            });
        }
    }
    out.sort_by_key(|q| q.passage.start);
    out
}

impl Check for NumberConflict {
    fn id(&self) -> &'static str {
        "number-conflict"
    }

    fn description(&self) -> &'static str {
        "The same quantity (a deal's value, a death toll) is given two values."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let qs = quantities(ctx);
        let mut flags = Vec::new();
        let mut done: Vec<&str> = Vec::new();
        // Casualty counts change during a story; any sign of that silences them all.
        let counts_change = qs.iter().filter(|q| q.key.starts_with("killed")).any(|q| {
            ctx.doc
                .sentences
                .get(q.sentence)
                .is_some_and(|s| CHANGE_RE.is_match(&lower(s.text(text))))
        });
        // Whether each quantity's sentence speaks of change, computed once: the pair search
        // below must not run a regex per pair (a page of 20,000 counts took 18 s).
        let changed: Vec<bool> = qs
            .iter()
            .map(|q| {
                let re: &Pattern = if q.key.starts_with("killed") {
                    &CHANGE_RE
                } else {
                    &AMOUNT_CHANGE_RE
                };
                ctx.doc
                    .sentences
                    .get(q.sentence)
                    .is_some_and(|s| re.is_match(&lower(s.text(text))))
            })
            .collect();
        let mut distinct: Vec<(&str, usize)> = Vec::new();
        for (j, b) in qs.iter().enumerate() {
            if changed[j] || done.contains(&b.key.as_str()) {
                continue;
            }
            let plausible = match b.class {
                HeadClass::Singleton => {
                    !counts_change && {
                        let n = match distinct.iter().find(|(k, _)| *k == b.key) {
                            Some(&(_, n)) => n,
                            None => {
                                let n = distinct_values(&qs, &b.key);
                                distinct.push((&b.key, n));
                                n
                            }
                        };
                        n == 2
                    }
                }
                HeadClass::Instance => {
                    b.definite
                        && !qs
                            .iter()
                            .any(|k| k.key == b.key && !k.definite && !(k.hi < b.lo || b.hi < k.lo))
                }
            };
            if !plausible {
                continue;
            }
            let Some(a) = qs[..j].iter().enumerate().find_map(|(i, a)| {
                (a.key == b.key
                    && a.sentence != b.sentence
                    && (a.hi < b.lo || b.hi < a.lo)
                    && !changed[i]
                    && match b.class {
                        HeadClass::Singleton => true,
                        HeadClass::Instance => b.sentence - a.sentence <= 5,
                    })
                .then_some(a)
            }) else {
                continue;
            };
            done.push(&b.key);
            // The link the flag assumes: both counts measure one thing, read by its key.
            let what = if b.key.starts_with("killed") {
                "the number of people killed".to_string()
            } else {
                format!("the {}", b.key.rsplit(' ').next().unwrap_or(""))
            };
            let link = format!(
                "“{}” and “{}” read as {what}, one quantity",
                a.value_text, b.value_text
            );
            flags.push(Flag {
                links: vec![link],
                kind: self.id().into(),
                message: format!(
                    "The same quantity is given two values: “{}” and “{}”.",
                    a.value_text, b.value_text
                ),
                reason: if b.key.starts_with("killed") {
                    "both give the number of people killed".into()
                } else {
                    format!(
                        "both give the amount of the {}",
                        b.key.rsplit(' ').next().unwrap_or("")
                    )
                },
                confidence: 0.55,
                evidence: vec![a.passage, b.passage],
                fact: None,
            });
        }
        flags
    }
}

/// How many incompatible values one key has (counting stops at 3); more than two
/// suggests several incidents.
fn distinct_values(qs: &[Quantity], key: &str) -> usize {
    let mut groups: Vec<(f64, f64)> = Vec::new();
    for q in qs.iter().filter(|q| q.key == key) {
        if !groups.iter().any(|g| !(g.1 < q.lo || q.hi < g.0)) {
            groups.push((q.lo, q.hi));
            if groups.len() > 2 {
                break; // callers only ask whether there are exactly two
            }
        }
    }
    groups.len()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    #[test]
    fn fires_on_restated_amounts_and_tolls() {
        let t = "Rivera agreed a $5bn deal with the port authority.\nAnalysts said the $6bn deal was generous.";
        let f = run_on(&NumberConflict, t, &[], None);
        assert_eq!(f.len(), 1);
        assert_eq!(evidence(t, &f[0]), vec!["$5bn deal", "$6bn deal"]);
        let t = "The blast killed 12 people in the market.\nWitnesses said 15 people were killed when the roof fell.";
        assert_eq!(run_on(&NumberConflict, t, &[], None).len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            "The blast killed about 1,000 people. In all 1,020 people were killed.",
            "The blast killed 12 people. The toll rose as 15 people were killed by evening.",
            "Rivera agreed a $5bn deal. Cole agreed a $6bn deal.",
            "The blast killed 12 people. Another blast killed 15 people.",
            "The blast killed 80 people. Militants killed 130 people in the capital last year.",
            "A $5bn deal was agreed. The $5bn deal was praised.",
        ] {
            assert!(run_on(&NumberConflict, t, &[], None).is_empty(), "{t}");
        }
    }
}
