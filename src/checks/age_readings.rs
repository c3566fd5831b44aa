//! Ages and birth dates read from what the earlier stages found, for the age check.
//!
//! Input: the people stage's mentions and the time stage's dates. Output: more
//! [`Stated`] ages for [`super::age_conflict`]:
//! - an age given with "at": "Ana Ortiz, at 45, runs …", "Ana Ortiz, still a student at
//!   19, won …", "At 45, Ortiz runs …" (the person is the mention the phrase stands
//!   beside; "retired at 60" is not read: a verb before "at" gives an age at another time);
//! - a fronted birth clause whose date the time stage resolved: "Born on 3 May 1990 in
//!   St. Ives, Ortiz trained …" (the person is the mention right after the clause's comma).
//!
//! Linear: one look after each mention and one look before each date.

use super::age_conflict::Stated;
use super::Context;
use crate::model::TimeType;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// After a name: ", at 45," or ", (still|only|just|now)? a|an <one or two words> at 45".
/// The words between must be a noun phrase, not a verb ("Ortiz, who retired at 60").
static AT_AFTER_NAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\s+(?:(?:still|only|just|now|already)\s+)?(?:(?:a|an)\s+[a-z]+(?:\s+[a-z]+)?\s+)?at\s+(?:the\s+age\s+of\s+)?(?P<age>[0-9]{1,3})(?P<after>\s*(?:,|;|\.(?:\s|$)|\)|—|–|\s+and\s|$))")
        .expect("age after name regex")
});

/// Before a name, opening its sentence: "At 45, " or "At the age of 45, ".
static AT_BEFORE_NAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:At|Now|Still)\s+(?:at\s+)?(?:the\s+age\s+of\s+)?(?P<age>[0-9]{1,3}),\s+$")
        .expect("age before name regex")
});

/// Words of the noun phrase in "a <word> at 45" that make it a time, amount or place,
/// not a description of the person ("a record at 45", "a best at 10").
fn describes_person(phrase: &str) -> bool {
    !phrase.split_whitespace().any(|w| {
        matches!(
            w,
            "record"
                | "best"
                | "time"
                | "price"
                | "rate"
                | "high"
                | "low"
                | "peak"
                | "total"
                | "score"
                | "lead"
                | "deficit"
                | "minute"
                | "mark"
                | "level"
                | "speed"
        ) || w.ends_with("ed")
    })
}

/// Most fronted birth clauses read per article (each looks through the people's mentions).
const MAX_BIRTHS: usize = 16;

/// Adds the ages and birth dates read here to `out`, skipping passages already read.
pub(super) fn add(ctx: &Context, out: &mut Vec<Stated>) {
    let text = ctx.doc.text;
    let mut found: Vec<Stated> = Vec::new();
    for (i, p) in ctx.people.iter().enumerate() {
        for m in &p.mentions {
            let Some(si) = ctx.doc.sentence_at(m.span.start) else {
                continue;
            };
            let Some(sent) = ctx.doc.sentences.get(si) else {
                continue;
            };
            let after = text.get(m.span.end..sent.end).unwrap_or("");
            if let Some(c) = AT_AFTER_NAME_RE.captures(after) {
                let (Some(all), Some(age)) = (c.get(0), c.name("age")) else {
                    continue;
                };
                let phrase = &after[..age.start()];
                let after_len = c.name("after").map_or(0, |a| a.as_str().len());
                if describes_person(phrase) {
                    if let Ok(age) = age.as_str().parse::<i32>() {
                        let end = m.span.end + all.end() - after_len;
                        push(&mut found, i, age, false, Span::new(m.span.start, end), si);
                    }
                }
            }
            // "At the age of 45, " is short: a longer lead is not this form (and is not
            // re-read for every mention of a long sentence).
            let before = text
                .get(sent.start..m.span.start)
                .filter(|b| b.len() <= 24)
                .unwrap_or("");
            if let Some(c) = AT_BEFORE_NAME_RE.captures(before) {
                if let Some(age) = c.name("age").and_then(|a| a.as_str().parse::<i32>().ok()) {
                    push(
                        &mut found,
                        i,
                        age,
                        false,
                        Span::new(sent.start, m.span.end),
                        si,
                    );
                }
            }
        }
    }
    let mut births = 0;
    for t in ctx.times.iter().filter(|t| t.kind == TimeType::Date) {
        if births >= MAX_BIRTHS {
            break;
        }
        let Some(year) = t
            .value
            .as_deref()
            .and_then(|v| v.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
        else {
            continue;
        };
        let Some(si) = ctx.doc.sentence_at(t.span.start) else {
            continue;
        };
        let Some(sent) = ctx.doc.sentences.get(si) else {
            continue;
        };
        let lead = text
            .get(sent.start..t.span.start)
            .filter(|l| l.len() <= 12)
            .unwrap_or("")
            .trim_end();
        if !matches!(lead, "Born on" | "Born in" | "Born") {
            continue;
        }
        births += 1;
        // The person is the first mention after the clause, right after its comma.
        let person = ctx.people.iter().enumerate().find_map(|(i, p)| {
            p.mentions
                .iter()
                .find(|x| {
                    x.span.start >= t.span.end
                        && x.span.end <= sent.end
                        && text
                            .get(t.span.end..x.span.start)
                            .is_some_and(|gap| gap.trim_end().ends_with(','))
                })
                .map(|x| (i, x.span.start))
        });
        // Of several, the nearest; none is nearer than a mention right after the comma,
        // but two people could both follow it, so take the earliest start.
        let person = ctx
            .people
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                p.mentions
                    .iter()
                    .filter(|x| x.span.start >= t.span.end && x.span.end <= sent.end)
                    .map(|x| (i, x.span.start))
                    .min_by_key(|&(_, s)| s)
            })
            .min_by_key(|&(_, s)| s)
            .filter(|first| person.is_some_and(|p| p == *first));
        if let Some((i, _)) = person {
            push(
                &mut found,
                i,
                year,
                true,
                Span::new(sent.start, t.span.end),
                si,
            );
        }
    }
    for st in found {
        if !out.iter().any(|o| o.passage.overlaps(&st.passage)) {
            out.push(st);
        }
    }
}

fn push(out: &mut Vec<Stated>, person: usize, value: i32, born: bool, passage: Span, si: usize) {
    if !born && !(1..=110).contains(&value) {
        return;
    }
    out.push(Stated {
        key: format!("#{person}"),
        first: None,
        value,
        born,
        passage,
        sentence: si,
        link: None,
    });
}

#[cfg(test)]
mod tests {
    use super::super::age_conflict::AgeConflict;
    use super::super::testing::{evidence, run_on, run_with_times};
    use crate::model::{Mention, MentionKind, Person};
    use crate::span::Span;

    fn person(t: &str, names: &[&str]) -> Person {
        let mut mentions: Vec<Mention> = Vec::new();
        for n in names {
            for (s, _) in t.match_indices(n) {
                let sp = Span::new(s, s + n.len());
                if !mentions.iter().any(|m| m.span.overlaps(&sp)) {
                    mentions.push(Mention {
                        span: sp,
                        kind: MentionKind::Name,
                    });
                }
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        Person {
            name: names[0].into(),
            honorifics: vec![],
            roles: vec![],
            mentions,
        }
    }

    #[test]
    fn an_age_with_at_against_a_fronted_birth_date() {
        let t = "Mara Lind, still a student at 20, won the race on Sunday.\nBorn on 9 May 1995 in St. Ives, Lind took up rowing late.";
        let p = person(t, &["Mara Lind", "Lind"]);
        let f = run_with_times(&AgeConflict, t, &[p], Some("2024-06-10"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec!["Mara Lind, still a student at 20", "Born on 9 May 1995"]
        );
        let t = "At 29, Lind is the oldest in the crew. Mara Lind, 31, rows at stroke.";
        let p = person(t, &["Mara Lind", "Lind"]);
        assert_eq!(run_on(&AgeConflict, t, &[p], None).len(), 1);
    }

    #[test]
    fn ages_at_other_times_and_records_stay_silent() {
        for t in [
            "Mara Lind, 44, rows at stroke. Lind, who retired at 40, came back.",
            "Mara Lind, 44, rows at stroke. Lind, a record at 45, was set.",
            "Mara Lind, 44, rows at stroke. Lind, at 10.5 seconds, was fastest.",
            "Mara Lind, 29, rows at stroke.\nBorn on 9 May 1995 in Hull, Lind took up rowing late.",
        ] {
            let p = person(t, &["Mara Lind", "Lind"]);
            assert!(
                run_with_times(&AgeConflict, t, &[p], Some("2024-06-10")).is_empty(),
                "{t}"
            );
        }
    }
}
