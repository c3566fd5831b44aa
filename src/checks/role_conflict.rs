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
        let mut flags = Vec::new();
        let mut done: Vec<(usize, usize)> = Vec::new();
        for (j, b) in claims.iter().enumerate() {
            for (i, a) in claims[..j].iter().enumerate() {
                if done.iter().any(|(x, y)| *x == i || *y == j || *x == j) {
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
                done.push((i, j));
                flags.push(Flag {
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
