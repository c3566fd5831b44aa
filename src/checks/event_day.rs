//! Check: one event put on two different days.
//!
//! Input: the document's sentences and the WordNet event groups ([`super::event_groups`]).
//! Output: an `event-day` flag when a weekday possessive names an event ("Tuesday's
//! hearing") and elsewhere the same event, by the same noun, a noun WordNet groups with it,
//! or a verb it derives from, is placed "on" a different weekday ("the court heard the case
//! on Monday", "the trial opened on Monday"), or given a second possessive ("Thursday's
//! hearing"). Example: "the regulator will vote on the merger on Monday" … "after
//! Wednesday's vote" is flagged; "the storm hit on Friday" … "Saturday's clean-up" is not.
//!
//! Why a regex here: the time stage finds weekdays but not the possessive that makes a
//! weekday name an event ("Friday's recount"), nor the words the weekday is attached to.
//! Both are read from one sentence, bounded in words.

use super::event_groups;
use super::{Check, Context};
use crate::model::Flag;
use crate::span::Span;
use crate::text::Pattern;
use crate::time::calendar;

pub struct EventDay;

/// Words read before "on <day>" for the event it dates.
const CLAUSE_WORDS: usize = 16;
/// Bytes read back from "on <day>": CLAUSE_WORDS words of news prose fit with room to spare.
const BACK_BYTES: usize = 320;
/// At most this many day mentions per document are compared (linear on hostile input).
const MAX_MENTIONS: usize = 60;

static POSSESSIVE_RE: Pattern = Pattern::new(|| {
    let days = calendar::weekday_alternation(true);
    format!(
        r"(?i)\b(?P<d>{days})(?:\s+(?:night|morning|afternoon|evening))?['’]s\s+(?P<w>[A-Za-z-]+(?:\s+[A-Za-z-]+){{0,2}})"
    )
});

static ON_DAY_RE: Pattern = Pattern::new(|| {
    let days = calendar::weekday_alternation(true);
    format!(
        r"(?i)\bon\s+(?:(?:last|this|next)\s+)?(?P<d>{days})\b(?:\s+(?:night|morning|afternoon|evening))?"
    )
});

/// Words that end the clause a weekday belongs to when reading back from it: what comes
/// before them is another event ("after the fire spread", "since the vote").
fn clause_break(w: &str) -> bool {
    matches!(
        w,
        "after" | "before" | "since" | "until" | "when" | "because" | "while" | "but" | "said"
    )
}

/// One weekday attached to event words.
struct Mention {
    day: String,
    span: Span,
    sentence: usize,
    /// Lemmas of the event words: nouns plain, verbs with `+`.
    words: Vec<String>,
    possessive: bool,
}

fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
}

fn noun(w: &str) -> Option<String> {
    (w.chars().count() >= 4)
        .then(|| event_groups::lemma(w))
        .flatten()
        .filter(|l| !l.starts_with('+'))
}

fn mentions(ctx: &Context) -> Vec<Mention> {
    let text = ctx.doc.text;
    let mut out = Vec::new();
    for (si, sent) in ctx.doc.sentences.iter().enumerate() {
        let Some(s) = text.get(sent.start..sent.end) else {
            continue;
        };
        for c in POSSESSIVE_RE.captures_iter(s) {
            let (Some(m), Some(d), Some(w)) = (c.get(0), c.name("d"), c.name("w")) else {
                continue;
            };
            // The noun phrase after the possessive: its nouns up to the first word that
            // is not one ("Friday's evacuation order was" → evacuation, order).
            let mut words = Vec::new();
            let mut end = w.start();
            let mut at = 0;
            for x in w.as_str().split_whitespace() {
                let Some(n) = noun(x) else { break };
                words.push(n);
                at += w.as_str()[at..].find(x).unwrap_or(0) + x.len();
                end = w.start() + at;
            }
            if words.is_empty() {
                continue;
            }
            out.push(Mention {
                day: d.as_str().to_lowercase(),
                span: Span::new(sent.start + m.start(), sent.start + end),
                sentence: si,
                words,
                possessive: true,
            });
        }
        for c in ON_DAY_RE.captures_iter(s) {
            let (Some(m), Some(d)) = (c.get(0), c.name("d")) else {
                continue;
            };
            // Only the last stretch before the day is read: the clause is at most
            // CLAUSE_WORDS words, and a bounded window keeps a day in a huge sentence cheap.
            let mut from = m.start().saturating_sub(BACK_BYTES);
            while !s.is_char_boundary(from) {
                from -= 1;
            }
            let before = s.get(from..m.start()).unwrap_or("");
            let back: Vec<&str> = words_of(before).collect();
            let mut words = Vec::new();
            for w in back.iter().rev().take(CLAUSE_WORDS) {
                let low = w.to_lowercase();
                if clause_break(&low) {
                    break;
                }
                if let Some(n) = noun(&low) {
                    words.push(n);
                }
                if let Some(v) = (low.chars().count() >= 4)
                    .then(|| event_groups::verb_lemma(&low))
                    .flatten()
                {
                    words.push(v);
                }
            }
            if words.is_empty() {
                continue;
            }
            out.push(Mention {
                day: d.as_str().to_lowercase(),
                span: Span::new(sent.start + m.start(), sent.start + m.end()),
                sentence: si,
                words,
                possessive: false,
            });
        }
        if out.len() >= MAX_MENTIONS {
            break;
        }
    }
    out.truncate(MAX_MENTIONS);
    out
}

/// The event word a possessive shares with another mention, when the other mention
/// accounts for every noun of the possessive's phrase. A narrowing noun left unmatched
/// names a particular occurrence ("Tuesday's charity match" is not "the match on
/// Sunday"); "Friday's evacuation order" is "ordered the evacuation on Thursday".
fn shared(p: &Mention, o: &Mention) -> Option<String> {
    // The same noun, or a verb WordNet derives from it ("recount"/"+recount"): a sibling
    // noun of the group ("game"/"match") is often a different fixture.
    let matched = |h: &String| {
        o.words
            .iter()
            .any(|w| w == h || (w.starts_with('+') && event_groups::related(h, w)))
    };
    if !p.words.iter().all(matched) {
        return None;
    }
    p.words.first().cloned()
}

impl Check for EventDay {
    fn id(&self) -> &'static str {
        "event-day"
    }

    fn description(&self) -> &'static str {
        "The same event (\"Friday's hearing\", \"heard on Thursday\") is put on two different weekdays."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let ms = mentions(ctx);
        let mut flags = Vec::new();
        let mut used: Vec<String> = Vec::new();
        for p in ms.iter().filter(|m| m.possessive) {
            // The same event on the same day elsewhere makes the day the writer's; and a
            // second event of the kind on another day makes two events, not a conflict,
            // when more than one other day is named for it.
            let others: Vec<(&Mention, String)> = ms
                .iter()
                .filter(|o| o.sentence != p.sentence)
                .filter_map(|o| shared(p, o).map(|h| (o, h)))
                .collect();
            if others.iter().any(|(o, _)| o.day == p.day) {
                continue;
            }
            let mut days: Vec<&str> = others.iter().map(|(o, _)| o.day.as_str()).collect();
            days.sort();
            days.dedup();
            if days.len() != 1 {
                continue;
            }
            let Some((o, head)) = others.first() else {
                continue;
            };
            if used.contains(head) {
                continue;
            }
            used.push(head.clone());
            let text = ctx.doc.text;
            let mut evidence = vec![o.span, p.span];
            evidence.sort();
            flags.push(Flag {
                links: Vec::new(),
                kind: self.id().to_string(),
                message: format!(
                    "The {head} is put on two different days: “{}” and “{}”.",
                    o.span.text(text),
                    p.span.text(text)
                ),
                reason: format!(
                    "“{}” and the words before “{}” name one event (same or WordNet-grouped word), and no other day is given for it",
                    p.span.text(text),
                    o.span.text(text)
                ),
                confidence: 0.55,
                evidence,
                fact: None,
            });
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    fn flags(text: &str) -> Vec<Flag> {
        run_on(&EventDay, text, &[], None)
    }

    #[test]
    fn fires_on_a_possessive_day_against_an_on_day() {
        let t = "The regulator will vote on the merger on Monday, officials said.\n\n“After Wednesday's vote we will know,” said Ana Ruiz.";
        let f = flags(t);
        assert_eq!(f.len(), 1);
        assert_eq!(evidence(t, &f[0]), vec!["on Monday", "Wednesday's vote"]);
        let t = "Staff at the depot began a strike on Tuesday.\n\nManagers said Thursday's strike had cost them a day of deliveries.";
        assert_eq!(flags(t).len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            // Different events; the same day; two days for the kind (a series of votes).
            "The storm hit the coast on Friday. Saturday's clean-up drew hundreds.",
            "The council will vote on Monday. Monday's vote is the last before summer.",
            "Members voted on Monday and again on Friday. Wednesday's vote was close.",
            "The ship sailed on Monday, after the strike began. Tuesday's crossing was calm.",
            // A narrowing noun names a particular occurrence of the kind.
            "The club won the match on Sunday. Tuesday's charity match raised money.",
        ] {
            assert!(flags(t).is_empty(), "{t}");
        }
    }
}
