//! Check: a role that contradicts who held an office on the publication date.
//!
//! Input: role claims ([`super::roles`]), the publication date, and the dated list of
//! office holders in `data/office_holders.tsv`. Output: an `office-holder` flag, citing
//! the fact it rests on, when the text calls someone "former" holder of an office they
//! held on that date, a current holder of an office they had recently left, or
//! "opposition leader" while they led the government. Skipped when no publication date
//! is known. Example (published 2025-05-12): "former US President Donald Trump" is
//! flagged (in office since 2025-01-20); "then-President Joe Biden" is not.

use super::folded::lower;
use super::narration::Narration;
use super::roles::{self, RoleClaim};
use super::{Check, Context};
use crate::model::Flag;
use crate::text::Pattern;
use chrono::NaiveDate;
use std::sync::LazyLock;

pub struct OfficeHolders;

/// One term of office.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeTerm {
    pub country: String,
    pub office: String,
    /// Lower-case office words ("prime minister", "pm", "premier").
    pub aliases: Vec<String>,
    pub person: String,
    pub start: NaiveDate,
    /// `None` while in office.
    pub end: Option<NaiveDate>,
}

impl OfficeTerm {
    pub fn holds_on(&self, d: NaiveDate) -> bool {
        self.start <= d && self.end.is_none_or(|e| d < e)
    }
}

static HOLDERS: LazyLock<Vec<OfficeTerm>> = LazyLock::new(|| {
    crate::lexicon::OFFICE_HOLDERS
        .ok_rows()
        .filter_map(|r| {
            let c: Vec<&str> = r.cols().collect();
            Some(OfficeTerm {
                country: c.first()?.to_string(),
                office: c.get(1)?.to_string(),
                aliases: c
                    .get(2)?
                    .split(',')
                    .map(|a| a.trim().to_lowercase().replace('-', " "))
                    .collect(),
                person: c.get(3)?.to_string(),
                start: NaiveDate::parse_from_str(c.get(4)?, "%Y-%m-%d").ok()?,
                end: c
                    .get(5)
                    .and_then(|e| NaiveDate::parse_from_str(e.trim(), "%Y-%m-%d").ok()),
            })
        })
        .collect()
});

/// The dated office-holder list.
pub fn holders() -> &'static [OfficeTerm] {
    &HOLDERS
}

/// A recently departed holder still called by the office is likely a stale role; long
/// gone holders called so are usually in historical narration ("President Ana Ortiz signed
/// the treaty"), which is fine.
const STALE_DAYS: i64 = 730;

/// Words that put a sentence in the past, where a former holder may carry the old title.
static HISTORICAL_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:then|at the time|era|administration|during|under|when|while|ago|late|legacy|memoir|history|(?:19|20)[0-9][0-9])(?-u:\b)".into()
});

fn matching_terms<'a>(claim: &RoleClaim, terms: &'a [OfficeTerm]) -> Vec<&'a OfficeTerm> {
    let mine: Vec<&OfficeTerm> = terms
        .iter()
        .filter(|t| roles::same_person(&claim.name, &t.person))
        .collect();
    // Two different holders fit the name as written ("George Bush"): stay silent.
    if mine.iter().any(|t| t.person != mine[0].person) {
        return Vec::new();
    }
    mine
}

fn office_fits(claim: &RoleClaim, t: &OfficeTerm) -> bool {
    t.aliases.contains(&claim.office) && claim.country.as_ref().is_none_or(|c| *c == t.country)
}

fn describe(t: &OfficeTerm) -> String {
    match t.end {
        Some(e) => format!(
            "{} was {} ({}) from {} until {e}",
            t.person, t.office, t.country, t.start
        ),
        None => format!(
            "{} has been {} ({}) since {}",
            t.person, t.office, t.country, t.start
        ),
    }
}

impl Check for OfficeHolders {
    fn id(&self) -> &'static str {
        "office-holder"
    }

    fn description(&self) -> &'static str {
        "A role contradicts who held the office on the publication date."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let Some(date) = ctx.published else {
            return Vec::new();
        };
        let text = ctx.doc.text;
        let mut flags: Vec<Flag> = Vec::new();
        let narration = Narration::new(ctx.quotes);
        for claim in roles::find(ctx.doc, ctx.people) {
            let terms = matching_terms(&claim, holders());
            if terms.is_empty() {
                continue;
            }
            let role = claim.role_span.text(text);
            let held_now: Vec<&&OfficeTerm> = terms.iter().filter(|t| t.holds_on(date)).collect();
            let fitting: Vec<&&OfficeTerm> =
                terms.iter().filter(|t| office_fits(&claim, t)).collect();
            let found = if claim.office == "opposition leader" && claim.is_current() {
                held_now.first().map(|t| {
                    (
                        format!(
                            "{} is called “{role}”, but on {date} {} led the government as {} ({}).",
                            claim.name, claim.name, t.office, t.country
                        ),
                        describe(t),
                    )
                })
            } else if claim
                .qualifier
                .as_deref()
                .is_some_and(|q| q == "former" || q == "ex")
            {
                fitting.iter().find(|t| t.holds_on(date)).map(|t| {
                    (
                        format!(
                            "{} is called “{role}”, but held that office on {date} (since {}).",
                            claim.name, t.start
                        ),
                        describe(t),
                    )
                })
            } else if claim.is_current()
                && !fitting.is_empty()
                && !fitting.iter().any(|t| t.holds_on(date))
            {
                // Only the narrator's words set the sentence in the past: "then" or a
                // year inside a quotation is what the speaker talks about.
                let sentence = ctx
                    .doc
                    .sentences
                    .get(claim.sentence)
                    .map(|s| narration.text(text, *s))
                    .unwrap_or_default();
                fitting
                    .iter()
                    .filter_map(|t| t.end.map(|e| (t, e)))
                    .filter(|(_, e)| *e <= date && (date - *e).num_days() <= STALE_DAYS)
                    .max_by_key(|(_, e)| *e)
                    .filter(|_| !HISTORICAL_RE.is_match(&lower(&sentence)))
                    .filter(|_| !fitting.iter().any(|t| t.start > date))
                    .map(|(t, e)| {
                        (
                            format!("{} is called “{role}”, but had left that office by {date} (on {e}).", claim.name),
                            describe(t),
                        )
                    })
            } else {
                None
            };
            if let Some((message, fact)) = found {
                if flags.iter().any(|f| f.evidence[0] == claim.passage) {
                    continue;
                }
                flags.push(Flag {
                    links: Vec::new(),
                    kind: self.id().into(),
                    message,
                    reason: format!(
                        "the role given to {} compared with the office holders on {date}",
                        claim.name
                    ),
                    confidence: 0.55,
                    evidence: vec![claim.passage],
                    fact: Some(format!("{fact} (office-holder list)")),
                });
            }
        }
        merge_per_article(flags, text, date)
    }
}

/// Out-of-date roles in one article are one inconsistency (the article's roles belong
/// to another time), so they become one flag: every passage as evidence, each
/// person's explanation in the reason and each dated fact in `fact`.
fn merge_per_article(mut flags: Vec<Flag>, text: &str, date: NaiveDate) -> Vec<Flag> {
    if flags.len() < 2 {
        return flags;
    }
    flags.sort_by_key(|f| f.evidence[0]);
    let quoted: Vec<String> = flags
        .iter()
        .map(|f| format!("“{}”", f.evidence[0].text(text)))
        .collect();
    let facts: Vec<String> = flags.iter().filter_map(|f| f.fact.clone()).collect();
    vec![Flag {
        links: Vec::new(),
        kind: flags[0].kind.clone(),
        message: format!(
            "{} roles do not match who held office on {date}: {}.",
            flags.len(),
            quoted.join(", ")
        ),
        reason: flags
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        confidence: 0.55,
        evidence: flags.iter().map(|f| f.evidence[0]).collect(),
        fact: Some(facts.join("; ")),
    }]
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    // The data is real; the sentences are ours.
    #[test]
    fn data_loads_with_incumbents() {
        let d = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let us: Vec<&OfficeTerm> = holders()
            .iter()
            .filter(|t| t.country == "United States" && t.office == "President")
            .collect();
        assert!(us.len() >= 7);
        assert_eq!(us.iter().filter(|t| t.holds_on(d)).count(), 1);
        assert!(holders().iter().filter(|t| t.end.is_none()).count() >= 20);
    }

    #[test]
    fn fires_on_former_incumbent_stale_holder_and_opposition_head() {
        let t = "Former US President Barack Obama met the press.\nLater, President George W. Bush spoke to reporters.\nSpain hosted UK opposition leader David Cameron.";
        // 2009-06-01: Obama in office; Bush left 2009-01-20; Cameron not yet PM.
        let f = run_on(&OfficeHolders, t, &[], Some("2009-06-01"));
        // Both out-of-date roles form one flag with both passages and both facts.
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec![
                "Former US President Barack Obama",
                "President George W. Bush"
            ]
        );
        assert!(f[0].message.starts_with("2 roles do not match"));
        assert!(f[0].fact.as_deref().unwrap().contains("2009-01-20"));
        assert!(f[0].reason.contains("had left that office"));
        // In 2011 Cameron led the government.
        let f = run_on(&OfficeHolders, t, &[], Some("2011-06-01"));
        assert!(f
            .iter()
            .any(|f| evidence(t, f).contains(&"UK opposition leader David Cameron")));
    }

    #[test]
    fn history_words_inside_a_quotation_do_not_excuse_a_stale_title() {
        // Published 2009-06-01, Bush left office 2009-01-20: the letter is recent, and
        // "then" and "ago" belong to the quoted writers, not to the narrator.
        let t = "Mayors wrote this week to President George W. Bush that “what worked then, years ago, can work again.”";
        let f = run_on(&OfficeHolders, t, &[], Some("2009-06-01"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(evidence(t, &f[0]), vec!["President George W. Bush"]);
    }

    #[test]
    fn near_misses_stay_silent() {
        for (t, d) in [
            (
                "Former US President Barack Obama met the press.",
                Some("2018-06-01"),
            ),
            (
                "In 2003, President George W. Bush ordered the invasion.",
                Some("2009-06-01"),
            ),
            ("President Bill Clinton signed it.", Some("2009-06-01")),
            ("Then-President George W. Bush spoke.", Some("2009-06-01")),
            ("Former US President Barack Obama met the press.", None),
            ("President George Bush spoke.", Some("2009-06-01")),
            // The narrator's own "then" still marks history when a quote follows.
            (
                "The plan was then backed by President George W. Bush, who called it \"a start.\"",
                Some("2009-06-01"),
            ),
        ] {
            assert!(run_on(&OfficeHolders, t, &[], d).is_empty(), "{t}");
        }
    }
}
