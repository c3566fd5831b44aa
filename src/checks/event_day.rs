//! Check: one event put on two different days.
//!
//! Input: the fact stage's day claims ([`crate::facts::days`]): the event words a day
//! expression dates (the clause before "on Friday" or a wire-style "died Tuesday", the
//! nouns after "Friday's", a fronted "On Friday, …"), with the weekday or calendar date the
//! time stage read. Output: an `event-day` flag when two claims in different sentences name
//! one event (the same word, a WordNet group, or a verb and its noun) and give it two
//! different weekdays, or two different dates. Example: "staff walked out on Tuesday" …
//! "Thursday's strike" is flagged; "the storm hit on Friday" … "Saturday's clean-up" is not
//! (two events).
//!
//! Precision: at least one side is a definite reference ("the strike", "Thursday's
//! strike"), which points back at an event already told; both sides are narrated, or both
//! planned (a plan against what happened is a change, not a conflict); neither tells a
//! repetition or a move ("again", "postponed"); the kind of event has exactly these two days
//! in the article and no sentence gives it two (a series: "voted on Monday and again on
//! Friday"); and the two days lie within a week of each other as the time stage resolves
//! them (a date weeks away is another occasion). Weekday against date is
//! [`super::event_weekday`]'s.

use super::{event_groups, Check, Context};
use crate::facts::days::Day;
use crate::facts::{events, Attribute, Claim, EventRef, Qualifier, Subject};
use crate::model::Flag;
use crate::span::Span;

pub struct EventDay;

/// Day claims compared per document (news has a handful; the pairing is bounded by it).
const MAX_CLAIMS: usize = 120;
/// Days the two resolved dates may lie apart.
const SAME_WEEK_DAYS: i64 = 6;

fn event(c: &Claim) -> &EventRef {
    let Subject::Event(e) = &c.subject;
    e
}

/// The day a claim gives, as compared here: the calendar date when its words give one,
/// else the weekday (`None` when neither: never compared).
fn key(d: &Day) -> Option<(u8, u32)> {
    use chrono::Datelike;
    match (d.date, d.weekday) {
        (Some(date), _) => Some((0, date.num_days_from_ce() as u32)),
        (None, Some(w)) => Some((1, w.num_days_from_monday())),
        (None, None) => None,
    }
}

/// How the definite reference `a` is read as the event of `b`, for the flag's link: the
/// same word (noun, verb entry or bare stem), or a verb of `b` that the noun derives from
/// (in one WordNet group and sharing its stem: "evacuation" and "evacuated", "recount" and
/// "recounted"). Two different nouns of one group are not enough: WordNet's groups hold
/// every sense of a word, so "contest" and "meeting", "debate" and "attack" share one.
fn link(a: &EventRef, b: &EventRef) -> Option<&'static str> {
    if events::same_word(&a.definite, &b.words) {
        return Some("the same word");
    }
    let derived = a.definite.iter().any(|n| {
        !n.starts_with('~')
            && b.words.iter().any(|v| {
                v.strip_prefix('+').is_some_and(|v| {
                    stem_shared(n, v) && event_groups::related(n, &format!("+{v}"))
                })
            })
    });
    derived.then_some("the verb its noun derives from")
}

/// Whether a noun and a verb share their stem: a common start of at least three letters
/// covering all but the last three letters of the shorter ("evacuation"/"evacuate").
fn stem_shared(noun: &str, verb: &str) -> bool {
    let common = noun
        .chars()
        .zip(verb.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let shorter = noun.chars().count().min(verb.chars().count());
    common >= 3 && common + 3 >= shorter
}

/// Whether a claim tells a plan. A day naming its event ("Friday's recount") has no verb
/// of its own, so it is neither plan nor report: `None`.
fn planned(c: &Claim) -> Option<bool> {
    (!event(c).restrictive).then(|| c.qualifiers.contains(&Qualifier::Hypothetical))
}

impl Check for EventDay {
    fn id(&self) -> &'static str {
        "event-day"
    }

    fn description(&self) -> &'static str {
        "The same event (\"Friday's hearing\", \"heard the case on Thursday\") is put on two different days."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let claims: Vec<(&Claim, &Day, (u8, u32))> = ctx
            .facts
            .iter()
            .filter(|c| c.attribute == Attribute::Day)
            .filter(|c| !c.qualifiers.contains(&Qualifier::Moved))
            .filter_map(|c| c.value.day().and_then(|d| key(d).map(|k| (c, d, k))))
            .take(MAX_CLAIMS)
            .collect();
        let mut flags = Vec::new();
        let mut used: Vec<usize> = Vec::new();
        for (ai, &(a, ad, ak)) in claims.iter().enumerate() {
            if used.contains(&ai) {
                continue;
            }
            for (bi, &(b, bd, bk)) in claims.iter().enumerate() {
                if bi == ai || used.contains(&bi) || b.sentence == a.sentence || bk == ak {
                    continue;
                }
                // Both dates, or both weekdays; told against told, planned against planned.
                // Two events each named by its day ("Tuesday's contests", "Thursday's
                // meeting") are told apart by their days.
                if event(a).restrictive && event(b).restrictive {
                    continue;
                }
                let (pa, pb) = (planned(a), planned(b));
                if ak.0 != bk.0 || pa.zip(pb).is_some_and(|(x, y)| x != y) {
                    continue;
                }
                let Some(how) = link(event(a), event(b)) else {
                    continue;
                };
                if (ad.resolved - bd.resolved).num_days().abs() > SAME_WEEK_DAYS {
                    continue;
                }
                // Every claim of the kind: exactly these two days, never two in a sentence.
                let kin: Vec<&(&Claim, &Day, (u8, u32))> = claims
                    .iter()
                    .filter(|(c, _, _)| {
                        events::related(&event(c).words, &event(a).definite)
                            || events::related(&event(c).words, &event(b).words)
                    })
                    .collect();
                let series = kin.iter().filter(|(_, _, k)| k.0 == ak.0).any(|(c, _, k)| {
                    (*k != ak && *k != bk)
                        || kin
                            .iter()
                            .any(|(o, _, ok)| o.sentence == c.sentence && ok != k)
                });
                if series {
                    continue;
                }
                used.extend([ai, bi]);
                let (first, second) = if a.evidence.start <= b.evidence.start {
                    ((a, ad), (b, bd))
                } else {
                    ((b, bd), (a, ad))
                };
                let side = |(c, d): (&Claim, &Day)| {
                    Span::new(
                        c.evidence.start.min(d.span.start),
                        c.evidence.end.max(d.span.end),
                    )
                };
                let (s1, s2) = (side(first), side(second));
                flags.push(Flag {
                    kind: self.id().to_string(),
                    message: format!(
                        "One event is put on two different days: “{}” and “{}”.",
                        s1.text(text),
                        s2.text(text)
                    ),
                    reason: "two passages name one event and give it different days, and the article gives that kind of event no other day".into(),
                    confidence: a.confidence.min(b.confidence) * 0.85,
                    evidence: vec![s1, s2],
                    fact: None,
                    links: vec![format!(
                        "“{}” read as the event of “{}” ({how})",
                        event(a).span.text(text),
                        event(b).span.text(text)
                    )],
                });
                break;
            }
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Flag;

    fn flags(text: &str) -> Vec<Flag> {
        crate::checks::testing::analyzed_flags(text, "2024-05-17", "event-day")
    }

    #[test]
    fn fires_when_one_event_gets_two_days() {
        // A verb on one day, its own noun with a possessive day.
        let t = "Health officials recalled the contaminated cheese on Tuesday.\n\nShops said that since Thursday's recall they had cleared their shelves.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].links.len(), 1);
        assert!(f[0].links[0].contains("recall"), "{}", f[0].links[0]);
        // Wire style, no "on": a definite noun against the verb.
        let t = "The ferry capsized Monday near the harbour mouth, the coastguard said.\n\nDivers reached the wreck hours after the capsizing on Wednesday night.";
        assert_eq!(flags(t).len(), 1, "{:?}", flags(t));
        // Two dates for one definite event, by a noun derived from the verb.
        let t = "The poet Lina Vass was buried on May 2 in her home village.\n\nMourners at the burial on May 6 read her verse aloud.";
        assert_eq!(flags(t).len(), 1, "{:?}", flags(t));
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            // Different events.
            "The storm hit the coast on Friday.\n\nSaturday's clean-up drew hundreds of volunteers.",
            // The same day.
            "The council voted on Monday.\n\nMonday's vote was the last before summer.",
            // A series: the kind has more than two days.
            "Members voted on Monday and again on Friday.\n\nWednesday's vote was close.",
            // A repetition told.
            "The board met on Monday.\n\nIt met again on Thursday, and Thursday's meeting ran late.",
            // Planned against what happened.
            "The minister is expected to sign the treaty on Monday, aides said.\n\nShe signed the treaty on Wednesday.",
            // Two events each named by its day are told apart by their days.
            "Tuesday's vote went to the mayor.\n\nThursday's vote went to her rival.",
            // Two nouns of one WordNet group are not one event.
            "The debate on Saturday turned to security.\n\nFriday's attack had shaken the city.",
            // A definite noun that a verb takes as object: the day dates the verb.
            "Ana Ruiz promised Sunday to cut fares.\n\nShe repeated that promise on Monday.",
            // Reported days: the report's day is no day of the event.
            "The mayor resigned on Friday.\n\nShe told reporters on Sunday that the resignation was final.",
            // A bound, not the day of the event: "until Sunday".
            "The strike began on Monday.\n\nUnion leaders said the strike would last until Sunday.",
            // An indefinite noun is a new occurrence of its kind.
            "The club played its final match on Saturday.\n\nIt will host a match on Tuesday.",
            // Far-apart dates of one kind are two occasions.
            "The first launch took place on March 2.\n\nThe launch on May 9 put a weather satellite in orbit.",
        ] {
            assert!(flags(t).is_empty(), "{t}: {:?}", flags(t));
        }
    }
}
