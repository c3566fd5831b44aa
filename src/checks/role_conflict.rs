//! Check: one person given two incompatible roles, or one role given to two first names.
//!
//! Input: role claims ([`super::roles`]). Output: a `role-conflict` flag when the same
//! person is called both head of state and head of government (President and Prime
//! Minister, Chancellor…) with neither role marked as past, or when the same single-holder
//! office names one surname with two different first names. Examples: "Prime Minister Ana
//! Ortiz" … "President Ana Ortiz" is flagged; "Finance Minister Ana Ortiz" … "Finance
//! Minister Eva Ortiz" is flagged; "former Prime Minister Ana Ortiz" … "President Ana
//! Ortiz" is not.

use super::lexicon::fold;
use super::roles::{self, RoleClaim};
use super::{Check, Context};
use crate::model::Flag;
use std::collections::{HashMap, HashSet};

pub struct RoleConflict;

/// Offices one person cannot hold together.
const HEADS: &[&str] = &["president", "prime minister", "premier", "chancellor"];

fn is_head(o: &str) -> bool {
    HEADS.contains(&o)
}

/// Offices held by one person at a time (per country), so two first names cannot share one.
fn single_holder(c: &RoleClaim) -> bool {
    is_head(&c.office)
        || (c.country.is_some()
            && (c.office.ends_with("minister")
                || c.office.ends_with("secretary")
                || c.office == "secretary of state"))
}

fn same_office(a: &str, b: &str) -> bool {
    a == b
        || (matches!(a, "prime minister" | "premier") && matches!(b, "prime minister" | "premier"))
}

fn tokens(name: &str) -> Vec<String> {
    roles::name_tokens(name)
}

impl Check for RoleConflict {
    fn id(&self) -> &'static str {
        "role-conflict"
    }

    fn description(&self) -> &'static str {
        "One person is given two incompatible roles, or one office two first names."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let claims: Vec<RoleClaim> = roles::find(ctx.doc, ctx.people)
            .into_iter()
            // Only names written out in the passage: a surname the people stage resolved may be
            // someone else's ("President Obama" is not the Obama named last).
            .filter(|c| c.is_current() && c.name_written)
            .collect();
        let claims = distinct(claims);
        let mut flags = Vec::new();
        // Claims already used in a flag: as its first passage, as its second.
        let (mut firsts, mut seconds) = (HashSet::new(), HashSet::new());
        // Both conflicts need the same surname, so claims are compared only within one
        // surname's bucket, and a bucket holds at most MAX_PER_SURNAME claims: the work stays
        // linear in the number of claims however often a role is repeated.
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, b) in claims.iter().enumerate() {
            let Some(last) = tokens(&b.name).pop() else {
                continue;
            };
            let bucket = by_surname.entry(last).or_default();
            let earlier = bucket.clone();
            if bucket.len() < MAX_PER_SURNAME {
                bucket.push(j);
            }
            for i in earlier {
                let a = &claims[i];
                if firsts.contains(&i) || seconds.contains(&j) || firsts.contains(&j) {
                    continue;
                }
                let countries_agree = match (&a.country, &b.country) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                };
                let (ta, tb) = (tokens(&a.name), tokens(&b.name));
                let same_name = ta == tb || roles::same_person(&a.name, &b.name);
                let message = if same_name
                    && countries_agree
                    && is_head(&a.office)
                    && is_head(&b.office)
                    && !same_office(&a.office, &b.office)
                {
                    format!(
                        "{} is called both “{}” and “{}”, two offices one person does not hold together.",
                        b.name,
                        a.role_span.text(text),
                        b.role_span.text(text)
                    )
                } else if !same_name
                    && ta.len() >= 2
                    && tb.len() >= 2
                    && ta.last() == tb.last()
                    && same_office(&a.office, &b.office)
                    && a.country == b.country
                    && single_holder(a)
                    && !nickname(&ta[0], &tb[0])
                {
                    format!(
                        "The same office, “{}”, is given to “{}” and to “{}”.",
                        b.role_span.text(text),
                        a.name,
                        b.name
                    )
                } else {
                    continue;
                };
                firsts.insert(i);
                seconds.insert(j);
                flags.push(Flag {
                    links: Vec::new(),
                    kind: self.id().into(),
                    message,
                    reason: "both name the same person or office".into(),
                    confidence: 0.65,
                    evidence: vec![a.passage, b.passage],
                    fact: None,
                });
            }
        }
        flags
    }
}

/// The most claims compared for one surname (distinct name, office and country each).
const MAX_PER_SURNAME: usize = 32;

/// The first claim of each distinct (name, office, country): a repeated claim adds nothing
/// to compare, and keeping only the first bounds the pairs.
fn distinct(claims: Vec<RoleClaim>) -> Vec<RoleClaim> {
    let mut seen: HashSet<(Vec<String>, String, Option<String>)> = HashSet::new();
    claims
        .into_iter()
        .filter(|c| seen.insert((tokens(&c.name), c.office.clone(), c.country.clone())))
        .collect()
}

/// "Joe"/"Joseph", "Alex"/"Alexander": one first name shortening the other.
fn nickname(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let n = a.len().min(b.len()).min(2);
    a.get(..n) == b.get(..n)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    #[test]
    fn fires_on_head_roles_and_first_names() {
        let t = "Prime Minister Ana Ortiz opened the bridge.\nCrowds cheered President Ana Ortiz on Monday.";
        let f = run_on(&RoleConflict, t, &[], None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec!["Prime Minister Ana Ortiz", "President Ana Ortiz"]
        );
        let t = "The talks were led by Spanish Foreign Minister Ana Ortiz.\nLater, Spanish Foreign Minister Eva Ortiz left.";
        // "Spanish" is not in the country list, so the office is not known to be single-holder.
        assert!(run_on(&RoleConflict, t, &[], None).is_empty());
        let t = "The talks were led by French Foreign Minister Ana Ortiz.\nLater, French Foreign Minister Eva Ortiz left.";
        assert_eq!(run_on(&RoleConflict, t, &[], None).len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            "Former Prime Minister Ana Ortiz met President Ana Ortiz's aide.",
            "Prime Minister Ana Ortiz met Deputy Prime Minister Luis Ortiz.",
            "Senator Ana Ortiz and Senator Eva Ortiz voted.",
            "French Foreign Minister Joseph Ortiz spoke. French Foreign Minister Joe Ortiz left.",
            "Vice President Ana Ortiz spoke. President Ana Ortiz left.",
        ] {
            assert!(run_on(&RoleConflict, t, &[], None).is_empty(), "{t}");
        }
    }
}
