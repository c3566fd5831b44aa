//! Stage 5: inconsistency checks.
//!
//! Input: the [`Context`] (the document plus what the earlier stages found: people,
//! quotes, time expressions, the publication date). Output: [`Flag`]s, each naming
//! every passage involved (in text order), why the passages were compared, a
//! confidence, and the outside fact it rests on when it rests on one.
//!
//! Every check is a small struct implementing [`Check`], one module each, listed in
//! [`CHECKS`] in alphabetical order. Precision comes first: a check stays silent when
//! it cannot tell whether two passages speak about the same thing.
//!
//! ```
//! let text = "The two-year war goes on. Officials said the war has lasted more than three years.";
//! let a = lede::analyze(text, &lede::Options::default()).unwrap();
//! assert_eq!(a.flags[0].kind, "duration-conflict");
//! ```

mod age_conflict;
mod age_readings;
mod bounded;
mod date_order;
mod dated;
mod duration_conflict;
mod durations;
mod elapsed_time;
mod event_day;
pub(crate) mod event_groups;
mod event_weekday;
mod folded;
mod lexicon;
mod name_variant;
mod narration;
mod no_comment_quoted;
mod number_breakdown;
mod number_conflict;
mod number_parts;
mod office_holders;
mod place_conflict;
mod posts;
mod quote_speaker_conflict;
mod role_conflict;
mod roles;
mod stage_order;
mod tense_vs_date;
mod timeframe;
mod weekday_date;

use crate::model::{Entity, Flag, Person, Quote, TimeExpr};
use crate::text::Document;
use chrono::NaiveDate;

pub use office_holders::{holders, OfficeTerm};

/// What every check may look at.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub people: &'a [Person],
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    pub times: &'a [TimeExpr],
    pub published: Option<NaiveDate>,
    /// The fact stage's typed claims ([`crate::facts`]).
    pub facts: &'a [crate::facts::Claim],
}

/// One inconsistency check.
pub trait Check: Sync {
    /// Stable id, also the `kind` of the flags it raises ("duration-conflict").
    fn id(&self) -> &'static str;
    /// One line saying what the check looks for.
    fn description(&self) -> &'static str;
    /// The flags this check raises on one document.
    fn run(&self, ctx: &Context) -> Vec<Flag>;
}

/// Every check, in alphabetical order of module name.
pub static CHECKS: &[&dyn Check] = &[
    &age_conflict::AgeConflict,
    &date_order::DateOrder,
    &duration_conflict::DurationConflict,
    &elapsed_time::ElapsedTime,
    &event_day::EventDay,
    &event_weekday::EventWeekday,
    &name_variant::NameVariant,
    &no_comment_quoted::NoCommentQuoted,
    &number_breakdown::NumberBreakdown,
    &number_conflict::NumberConflict,
    &office_holders::OfficeHolders,
    &place_conflict::PlaceConflict,
    &quote_speaker_conflict::QuoteSpeakerConflict,
    &role_conflict::RoleConflict,
    &stage_order::StageOrder,
    &tense_vs_date::TenseVsDate,
    &timeframe::Timeframe,
    &weekday_date::WeekdayDate,
];

/// Runs every check; flags come back ordered by their first passage.
pub fn run(ctx: &Context) -> Vec<Flag> {
    let mut flags: Vec<Flag> = CHECKS.iter().flat_map(|c| c.run(ctx)).collect();
    for f in &mut flags {
        f.evidence.sort();
        f.evidence.dedup();
        f.confidence = f.confidence.clamp(0.0, 1.0);
    }
    flags.sort_by_key(|f| f.evidence.first().map(|s| s.start).unwrap_or(0));
    flags
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the checks' unit tests: a context over a text with hand-built people.
    use super::*;

    /// The flags of kind `kind` that the whole analysis raises on `text` published on
    /// `published` (`YYYY-MM-DD`): for checks that need every stage's findings.
    pub fn analyzed_flags(text: &str, published: &str, kind: &str) -> Vec<Flag> {
        let opts = crate::Options::with_published(published, "cli").unwrap();
        crate::analyze(text, &opts)
            .unwrap()
            .flags
            .into_iter()
            .filter(|f| f.kind == kind)
            .collect()
    }

    /// Runs one check on `text` with the given people and publication date.
    pub fn run_on(
        check: &dyn Check,
        text: &str,
        people: &[Person],
        published: Option<&str>,
    ) -> Vec<Flag> {
        let doc = Document::new(text);
        let published = published.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let facts = crate::facts::find(&crate::facts::Input {
            doc: &doc,
            people,
            entities: &[],
            quotes: &[],
            times: &[],
        });
        let ctx = Context {
            doc: &doc,
            people,
            entities: &[],
            quotes: &[],
            times: &[],
            published,
            facts: &facts,
        };
        check.run(&ctx)
    }

    /// Runs one check on `text` with the given people, the time stage's expressions and
    /// the publication date.
    pub fn run_with_times(
        check: &dyn Check,
        text: &str,
        people: &[Person],
        published: Option<&str>,
    ) -> Vec<Flag> {
        let doc = Document::new(text);
        let published = published.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let times = crate::time::find(&doc, published);
        let ctx = Context {
            doc: &doc,
            people,
            entities: &[],
            quotes: &[],
            times: &times,
            published,
            facts: &[],
        };
        check.run(&ctx)
    }

    /// A hand-built person with a mention wherever its full name is written, and an alias
    /// mention wherever its surname is written outside those.
    pub fn person_with_surname(text: &str, name: &str) -> Person {
        use crate::model::{Mention, MentionKind};
        use crate::span::Span;
        let mut mentions: Vec<Mention> = text
            .match_indices(name)
            .map(|(i, _)| Mention {
                span: Span::new(i, i + name.len()),
                kind: MentionKind::Name,
            })
            .collect();
        let last = name.split_whitespace().last().unwrap_or(name);
        for (i, _) in text.match_indices(last) {
            let s = Span::new(i, i + last.len());
            if !mentions.iter().any(|m| m.span.overlaps(&s)) {
                mentions.push(Mention {
                    span: s,
                    kind: MentionKind::Alias,
                });
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        Person {
            name: name.into(),
            honorifics: vec![],
            roles: vec![],
            mentions,
        }
    }

    /// The texts of a flag's evidence.
    pub fn evidence<'t>(text: &'t str, f: &Flag) -> Vec<&'t str> {
        f.evidence.iter().map(|s| s.text(text)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_are_listed_alphabetically_with_unique_ids() {
        let ids: Vec<&str> = CHECKS.iter().map(|c| c.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        sorted.dedup();
        assert_eq!(ids.len(), sorted.len());
        assert!(CHECKS.iter().all(|c| !c.description().is_empty()));
    }
}
