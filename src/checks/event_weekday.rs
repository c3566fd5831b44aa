//! Check: an event dated in one sentence and given a weekday in another that the date
//! does not fall on.
//!
//! Input: the fact stage's day claims ([`crate::facts::days`]): the event words of the
//! clause a day expression dates, and the calendar date or weekday the time stage read.
//! Output: a `weekday-date` flag naming both passages, the link assumed between the two
//! event references, and the weekday the date really falls on. Example: "She died on
//! Jan. 24" … "on the morning of her death, a Friday" (24 January 2024 is a Wednesday) is
//! flagged; "the funeral was on Jan. 24" … "her death, a Friday" is not (another event).
//!
//! Precision: narrated, non-hypothetical claims only; the two references must be of one
//! kind of event (same word or WordNet group); the weekday, as the time stage resolves it
//! against the publication date, must fall within a week of the date (a bare weekday names
//! a day of the week the story tells, so a date months away is another occasion); silent
//! when the kind has two different dates, or when any date of the kind falls on the
//! weekday (two events of one kind, each on its day).

use super::{Check, Context};
use crate::facts::days::Day;
use crate::facts::events;
use crate::facts::{Attribute, Claim, Subject};
use crate::model::Flag;
use chrono::Datelike;

pub struct EventWeekday;

/// Claims compared per document (news has a handful; the pairing is bounded by it).
const MAX_CLAIMS: usize = 120;
/// Days a weekday's resolved date may lie from the date it is compared with.
const SAME_WEEK_DAYS: i64 = 6;

fn words(c: &Claim) -> &[String] {
    let Subject::Event(e) = &c.subject;
    &e.words
}

impl Check for EventWeekday {
    fn id(&self) -> &'static str {
        "event-weekday"
    }

    fn description(&self) -> &'static str {
        "An event is dated in one place and given a weekday elsewhere that the date does not fall on."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let claims: Vec<(&Claim, &Day)> = ctx
            .facts
            .iter()
            .filter(|c| c.attribute == Attribute::Day && c.plain())
            .filter_map(|c| c.value.day().map(|d| (c, d)))
            .take(MAX_CLAIMS)
            .collect();
        let mut flags = Vec::new();
        for &(w, wd) in claims.iter().filter(|(_, d)| d.date.is_none()) {
            let Some(weekday) = wd.weekday else { continue };
            let kin: Vec<(&Claim, &Day)> = claims
                .iter()
                .filter(|(c, d)| {
                    d.date.is_some()
                        && c.sentence != w.sentence
                        && events::related(words(c), words(w))
                })
                .copied()
                .collect();
            let Some(&(c, cd)) = kin.first() else {
                continue;
            };
            let Some(date) = cd.date else { continue };
            if kin.iter().any(|(_, d)| d.date != Some(date))
                || date.weekday() == weekday
                || (wd.resolved - date).num_days().abs() > SAME_WEEK_DAYS
            {
                continue;
            }
            let date_side = c.subject_span_text(text, cd);
            let day_side = w.subject_span_text(text, wd);
            let mut evidence = vec![
                crate::span::Span::new(c.evidence.start, cd.span.end),
                crate::span::Span::new(w.evidence.start, wd.span.end),
            ];
            evidence.sort();
            flags.push(Flag {
                kind: "weekday-date".into(),
                message: format!(
                    "“{date_side}” dates the event {}, a {}, but “{day_side}” puts it on a {weekday_name}.",
                    date.format("%-d %B %Y"),
                    date.format("%A"),
                    weekday_name = full(weekday),
                ),
                reason: "one event, by the same or a WordNet-grouped word, given a date and a weekday".into(),
                confidence: w.confidence.min(c.confidence) * 0.9,
                evidence,
                fact: Some(format!("{date} is a {} (calendar)", date.format("%A"))),
                links: vec![format!(
                    "“{}” read as the event of “{}” (the same kind of event, in the word groups from WordNet)",
                    w.subject_text(text),
                    c.subject_text(text)
                )],
            });
        }
        flags
    }
}

fn full(w: chrono::Weekday) -> &'static str {
    crate::time::calendar::weekday_name(w.number_from_monday()).unwrap_or("")
}

trait Passages {
    fn subject_text<'t>(&self, text: &'t str) -> &'t str;
    fn subject_span_text<'t>(&self, text: &'t str, d: &Day) -> &'t str;
}

impl Passages for Claim {
    /// The words naming the event, as written.
    fn subject_text<'t>(&self, text: &'t str) -> &'t str {
        let Subject::Event(e) = &self.subject;
        e.span
            .text(text)
            .trim_end_matches(|c: char| c == ',' || c.is_whitespace())
            .trim_end_matches(" a")
            .trim_end_matches(" on")
    }

    /// The claim's passage up to the end of its day expression.
    fn subject_span_text<'t>(&self, text: &'t str, d: &Day) -> &'t str {
        text.get(self.evidence.start..d.span.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Flag;

    fn flags(text: &str) -> Vec<Flag> {
        crate::checks::testing::analyzed_flags(text, "2024-01-30", "weekday-date")
    }

    #[test]
    fn fires_when_a_dated_event_gets_another_weekday() {
        // 25 January 2024 is a Thursday.
        let t = "The singer Ana Ruiz died on Jan. 25 in Lisbon.\n\nFriends said her death, a Saturday, came after a long illness.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("Thursday"), "{}", f[0].message);
        assert_eq!(f[0].links.len(), 1);
        // A verb and its own noun: 22 January 2024 is a Monday.
        let t =
            "The court heard the case on Jan. 22.\n\nLawyers said the hearing, a Friday, ran late.";
        assert_eq!(flags(t).len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            // The right weekday.
            "The singer Ana Ruiz died on Jan. 25 in Lisbon.\n\nFriends said her death, a Thursday, came suddenly.",
            // Another event on the weekday.
            "The singer Ana Ruiz died on Jan. 25 in Lisbon.\n\nA private funeral was held on Saturday.",
            // A new occurrence of the kind, introduced with "a".
            "Ana Ruiz spoke at a rally on Jan. 25.\n\nShe spoke at a rally on Saturday.",
            // Two dates for the kind: two occasions.
            "The court heard the case on Jan. 8 and heard it again on Jan. 22.\n\nThe hearing, a Friday, ran late.",
            // The weekday is far from the date: another occasion.
            "The court first heard the case on Oct. 3.\n\nThe hearing, a Friday, ran late.",
            // Planned, not told.
            "The court would hear the case on Jan. 22, the ministry said.\n\nThe hearing, a Friday, ran late.",
        ] {
            assert!(flags(t).is_empty(), "{t}: {:?}", flags(t));
        }
    }
}
