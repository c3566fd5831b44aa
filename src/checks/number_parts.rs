//! Two more breakdowns for the number check: a part and its complement against their
//! whole, and a whole that is by definition split among its recipients.
//!
//! Input: the lower-cased text and its sentences. Output: findings for
//! [`super::number_breakdown`], which raises them as `number-breakdown` flags.
//! - *A part and its complement*: "K of the N <things>" (a subset of one whole) and, later,
//!   "the M <things> that did <verb>", "the remaining M <things>" or "the other M
//!   <things>": the emphatic "did", "remaining" and "other" name the rest of that whole, so
//!   K + M must be N. Example: "40 of the 90 flights were cancelled … one of the 45
//!   flights that did leave" is flagged (40 + 45 ≠ 90); "the 50 flights that did leave" is
//!   not. Silent when the subset is approximate, when two partitives of the thing could be
//!   meant, or when the rest is named before the subset.
//! - *Valid votes among candidates*: "Of the N valid votes, A received a and B received
//!   b": valid votes are the ones counted for someone, so the tallies a sentence gives for
//!   them must add up to N. Silent with "others", "the rest" or a share, and when the
//!   tallies are approximate.
//!
//! Linear: one pass over the partitives and complements (at most [`MAX_PARTITIVES`]
//! partitives kept, looked up by their thing's noun), one pass over sentences for votes.

use super::lexicon::parse_number;
use crate::span::Span;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A count: digits with thousands commas, or a plain number.
const COUNT: &str = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+";

/// "K of the N <up to three words>" on lower-cased text.
static PARTITIVE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<q>about|around|nearly|almost|roughly|some|more than|over|at least|up to|fewer than|less than|under)?\s*(?P<k>{COUNT}) of (?:the|its|their) (?P<n>{COUNT}) (?P<w>[a-z-]+(?: [a-z-]+){{0,2}})"
    ))
    .expect("partitive regex")
});

/// The rest of a whole: "the M <thing> that did", "the remaining M <thing>", "the
/// other M <thing>".
static COMPLEMENT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)the (?:(?P<m1>{COUNT}) (?P<w1>[a-z-]+) (?:that|which|who) (?:did|do|does)|(?:remaining|other) (?P<m2>{COUNT}) (?P<w2>[a-z-]+))(?-u:\b)"
    ))
    .expect("complement regex")
});

/// "Of the N valid votes" opening a sentence.
static VALID_VOTES_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:of|out of) the (?P<n>{COUNT}) valid (?:votes|ballots)(?-u:\b)"
    ))
    .expect("valid votes regex")
});

/// A tally given to someone: "received 1,011", "won 795 votes", "polled 312".
static TALLY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:received|receiving|won|winning|got|getting|polled|polling|secured|securing|took|taking|garnered|obtained)\s+(?P<q>about|around|nearly|almost|roughly|some|more than|over|at least|just over|just under)?\s*(?P<n>{COUNT})(?-u:\b)"
    ))
    .expect("tally regex")
});

/// The sentence leaves votes unlisted or gives shares.
static OTHERS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:others?|the rest|remaining|remainder|including|among them|per ?cent|percent|%)(?-u:\b|%)")
        .expect("others regex")
});

/// Most partitives kept per article.
pub const MAX_PARTITIVES: usize = 64;

/// One breakdown that does not add up.
pub struct Finding {
    pub message: String,
    pub reason: String,
    pub evidence: Vec<Span>,
}

/// "trains" and "train" meet.
fn singular(w: &str) -> &str {
    w.strip_suffix('s').filter(|s| s.len() >= 3).unwrap_or(w)
}

/// A part and its complement that do not add up to their whole.
pub fn complements(low: &str) -> Vec<Finding> {
    // Partitives by each word of their thing ("regional trains scheduled" under
    // "regional", "train", "scheduled"): a complement's noun finds its whole.
    let mut by_word: HashMap<&str, Vec<(f64, f64, Span, usize)>> = HashMap::new();
    for (kept, c) in PARTITIVE_RE.captures_iter(low).enumerate() {
        if kept >= MAX_PARTITIVES {
            break;
        }
        let (Some(m), Some(k), Some(n), Some(w)) =
            (c.get(0), c.name("k"), c.name("n"), c.name("w"))
        else {
            continue;
        };
        let (Some(k), Some(n)) = (parse_number(k.as_str()), parse_number(n.as_str())) else {
            continue;
        };
        if c.name("q").is_some() || k >= n {
            continue;
        }
        let start = c.name("k").map_or(m.start(), |k| k.start());
        for word in w.as_str().split(' ') {
            by_word.entry(singular(word)).or_default().push((
                k,
                n,
                Span::new(start, m.end()),
                m.end(),
            ));
        }
    }
    let mut out = Vec::new();
    for c in COMPLEMENT_RE.captures_iter(low) {
        let (Some(m), Some(count), Some(word)) = (
            c.get(0),
            c.name("m1").or(c.name("m2")),
            c.name("w1").or(c.name("w2")),
        ) else {
            continue;
        };
        let Some(rest) = parse_number(count.as_str()) else {
            continue;
        };
        let Some(wholes) = by_word.get(singular(word.as_str())) else {
            continue;
        };
        // The partitive must come first, and be the only one of its thing.
        let before: Vec<_> = wholes.iter().filter(|w| w.3 <= m.start()).collect();
        let [&(k, n, span, _)] = before.as_slice() else {
            continue;
        };
        if wholes.len() != 1 || k + rest == n {
            continue;
        }
        out.push(Finding {
            message: format!(
                "The part ({}) and the rest ({}) add up to {}, not the {} of the whole.",
                fmt(k),
                fmt(rest),
                fmt(k + rest),
                fmt(n)
            ),
            reason: format!(
                "“{}” names the rest of the same {} as “{}”",
                m.as_str(),
                word.as_str(),
                span.text(low)
            ),
            evidence: vec![span, Span::new(m.start(), m.end())],
        });
    }
    out
}

/// Valid votes whose tallies in the same sentence do not add up to them.
pub fn valid_votes(low: &str, sentences: &[Span]) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in sentences {
        let Some(sl) = low.get(s.start..s.end) else {
            continue;
        };
        let Some(c) = VALID_VOTES_RE.captures(sl.trim_start()) else {
            continue;
        };
        let offset = sl.len() - sl.trim_start().len();
        let (Some(whole_m), Some(n)) =
            (c.get(0), c.name("n").and_then(|n| parse_number(n.as_str())))
        else {
            continue;
        };
        if OTHERS_RE.is_match(sl) {
            continue;
        }
        let tallies: Vec<_> = TALLY_RE.captures_iter(sl).collect();
        if tallies.len() < 2 || tallies.iter().any(|t| t.name("q").is_some()) {
            continue;
        }
        let values: Vec<f64> = tallies
            .iter()
            .filter_map(|t| t.name("n").and_then(|n| parse_number(n.as_str())))
            .collect();
        let sum: f64 = values.iter().sum();
        if values.len() != tallies.len() || sum == n {
            continue;
        }
        let (Some(first), Some(last)) = (tallies.first(), tallies.last()) else {
            continue;
        };
        let from = first.get(0).map_or(0, |m| m.start());
        let to = last.get(0).map_or(0, |m| m.end());
        let whole = Span::new(
            s.start + offset + c.name("n").map_or(0, |m| m.start()),
            s.start + offset + whole_m.end(),
        );
        out.push(Finding {
            message: format!(
                "The tallies ({}) add up to {}, not the {} valid votes.",
                values.iter().map(|v| fmt(*v)).collect::<Vec<_>>().join(" + "),
                fmt(sum),
                fmt(n)
            ),
            reason: "valid votes are the ones counted for the candidates, so their tallies make up the whole".into(),
            evidence: vec![whole, Span::new(s.start + from, s.start + to)],
        });
    }
    out
}

fn fmt(v: f64) -> String {
    let i = v as i64;
    let digits = i.abs().to_string();
    let mut out = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if i < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::number_breakdown::NumberBreakdown;
    use super::super::testing::{evidence, run_on};

    #[test]
    fn a_part_and_its_rest_against_the_whole() {
        let t = "The airline said 40 of the 90 flights planned for Friday were cancelled.\nTravellers crowded onto the 45 flights that did leave.";
        let f = run_on(&NumberBreakdown, t, &[], None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec![
                "40 of the 90 flights planned for",
                "the 45 flights that did"
            ]
        );
        let t = "Only 12 of the 30 clinics opened. The remaining 20 clinics stayed shut.";
        assert_eq!(run_on(&NumberBreakdown, t, &[], None).len(), 1);
    }

    #[test]
    fn rests_that_add_up_or_are_unclear_stay_silent() {
        for t in [
            "The airline said 40 of the 90 flights were cancelled. Travellers took the 50 flights that did leave.",
            "About 40 of the 90 flights were cancelled. Travellers took the 45 flights that did leave.",
            "40 of the 90 flights were cancelled and 10 of the 60 flights abroad. The 45 flights that did leave were full.",
            "The other 12 clinics stayed shut. Later 5 of the 30 clinics closed.",
        ] {
            assert!(run_on(&NumberBreakdown, t, &[], None).is_empty(), "{t}");
        }
    }

    #[test]
    fn valid_votes_split_among_candidates() {
        let t = "Of the 900 valid votes cast, Ana Ruiz received 500 and her rival, Tom Hale, received 380.";
        let f = run_on(&NumberBreakdown, t, &[], None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec![
                "900 valid votes",
                "received 500 and her rival, Tom Hale, received 380"
            ]
        );
        for t in [
            "Of the 900 valid votes cast, Ana Ruiz received 500 and her rival, Tom Hale, received 400.",
            "Of the 900 valid votes cast, Ana Ruiz received 500 and Tom Hale received 380, with the rest split among others.",
            "Of the 900 votes cast, Ana Ruiz received 500 and Tom Hale received 380.",
            "Of the 900 valid votes cast, Ana Ruiz received about 500 and Tom Hale received 380.",
        ] {
            assert!(run_on(&NumberBreakdown, t, &[], None).is_empty(), "{t}");
        }
    }
}
