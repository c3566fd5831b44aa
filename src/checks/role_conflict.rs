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
use super::posts::{self, Class, Post};
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
                // The link the flag assumes: one person by two name forms, or one office.
                let link = if same_name && a.name != b.name {
                    format!("“{}” and “{}” read as one person", a.name, b.name)
                } else if same_name {
                    format!("both passages read as {}", b.name)
                } else {
                    format!(
                        "“{}” and “{}” read as the same office",
                        a.role_span.text(text),
                        b.role_span.text(text)
                    )
                };
                firsts.insert(i);
                seconds.insert(j);
                flags.push(Flag {
                    links: vec![link],
                    kind: self.id().into(),
                    message,
                    reason: "both name the same person or office".into(),
                    confidence: 0.65,
                    evidence: vec![a.passage, b.passage],
                    fact: None,
                });
            }
        }
        flags.extend(apposed(self.id(), ctx));
        flags
    }
}

/// Two posts one person does not hold at once, with the reason in a reader's words.
fn incompatible(a: &Post, b: &Post) -> Option<&'static str> {
    // Two named organisations: a person may hold posts in both.
    let orgs_differ = matches!((&a.org, &b.org), (Some(x), Some(y)) if x != y);
    match (a.class, b.class) {
        (Class::Gov, Class::Gov) if a.function != b.function => {
            Some("a town's and a region's elected offices are not held together")
        }
        (Class::Portfolio, Class::Portfolio)
            if a.post == b.post && a.function != b.function && !orgs_differ =>
        {
            Some("one office over two different areas")
        }
        (Class::Exec, Class::Exec) if a.function != b.function && !orgs_differ => {
            Some("two different officer posts of one company")
        }
        (Class::Court, Class::Court) if a.function != b.function => {
            Some("one person does not take two sides of a court case")
        }
        (Class::Exec, Class::Outside) if b.new_org => {
            Some("an officer of the company is also given a job at another firm")
        }
        (Class::Outside, Class::Exec) if a.new_org => {
            Some("a job at another firm is given to an officer of the company")
        }
        _ => None,
    }
}

/// A person given two incompatible posts in two apposed phrases ("The town's mayor, Ana
/// Ortiz" … "Ortiz, the regional governor").
fn apposed(id: &str, ctx: &Context) -> Vec<Flag> {
    let text = ctx.doc.text;
    let mut flags = Vec::new();
    for (i, posts) in posts::find(ctx.doc, ctx.people, ctx.quotes) {
        let Some(p) = ctx.people.get(i) else { continue };
        // Posts of one phrase are held together ("chairman and chief executive"); only
        // posts of two phrases are compared. At most MAX_PHRASES phrases per person.
        let found = posts.iter().enumerate().find_map(|(x, a)| {
            posts[x + 1..]
                .iter()
                .filter(|b| b.phrase != a.phrase)
                .find_map(|b| incompatible(a, b).map(|why| (a, b, why)))
        });
        let Some((a, b, why)) = found else { continue };
        let (a, b) = if a.passage.start <= b.passage.start {
            (a, b)
        } else {
            (b, a)
        };
        flags.push(Flag {
            kind: id.into(),
            message: format!(
                "{} is called “{}” and later “{}”: {}.",
                p.name,
                a.phrase.text(text),
                b.phrase.text(text),
                why
            ),
            reason: "both phrases are apposed to the same person's name".into(),
            confidence: 0.6,
            evidence: vec![a.passage, b.passage],
            fact: None,
            links: vec![format!(
                "‘{}’ read as {}, named in paragraph {}",
                b.passage.text(text),
                p.name,
                ctx.doc.paragraph_at(a.passage.start).map_or(1, |n| n + 1)
            )],
        });
    }
    flags
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
    use super::super::testing::{evidence, person_with_surname as person, run_on};
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
    fn fires_on_apposed_posts() {
        for (t, first, second) in [
            (
                "The harbour town's mayor, Ilse Marrowby, opened the pier.\n\nMarrowby, the provincial governor, said the ferry would run.",
                "The harbour town's mayor, Ilse Marrowby",
                "Marrowby, the provincial governor",
            ),
            (
                "The province's minister for education, Dr. Ilse Marrowby, spoke.\n\nMarrowby, the province's transport minister, left.",
                "The province's minister for education, Dr. Ilse Marrowby",
                "Marrowby, the province's transport minister",
            ),
            (
                "“We sail at dawn,” said Ilse Marrowby, Quayside Ferries' chief executive, on Monday.\n\nMarrowby, who as the company's chief financial officer has signed the loans, smiled.",
                "Ilse Marrowby, Quayside Ferries' chief executive",
                "Marrowby, who as the company's chief financial officer",
            ),
            (
                "Prosecutor Ilse Marrowby opened the case.\n\nMarrowby, the defence counsel, said the ferry was unsafe.",
                "Prosecutor Ilse Marrowby",
                "Marrowby, the defence counsel",
            ),
            (
                "Ilse Marrowby, the firm's founder and chief operating officer, spoke.\n\n“Ferries are back,” said Marrowby, an economist at a Lisbon bank who follows the firm.",
                "Ilse Marrowby, the firm's founder and chief operating officer",
                "Marrowby, an economist at a Lisbon bank",
            ),
        ] {
            let people = [person(t, "Ilse Marrowby")];
            let f = run_on(&RoleConflict, t, &people, None);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            assert_eq!(evidence(t, &f[0]), vec![first, second], "{t}");
        }
    }

    #[test]
    fn apposed_near_misses_stay_silent() {
        for t in [
            // A former post, a promotion, a post held with another, another person's post.
            "The town's former mayor, Ilse Marrowby, spoke. Marrowby, the provincial governor, left.",
            "The town's mayor, Ilse Marrowby, spoke. Marrowby, now the provincial governor, left.",
            "Ilse Marrowby, the firm's chairman and chief executive, spoke. Marrowby, the firm's chairman, left.",
            "The town's mayor, Ilse Marrowby, met the provincial governor, Tobias Wrenfield.",
            "Norvik's chief executive, Ilse Marrowby, spoke. Marrowby, Quayside's chief financial officer, left.",
            "Ilse Marrowby, the firm's chief executive, spoke. “Rates will rise,” said Marrowby, an analyst at the firm.",
        ] {
            let people = [person(t, "Ilse Marrowby"), person(t, "Tobias Wrenfield")];
            let people: Vec<_> = people.into_iter().filter(|p| !p.mentions.is_empty()).collect();
            assert!(run_on(&RoleConflict, t, &people, None).is_empty(), "{t}");
        }
        // Two people sharing a surname: a surname alone could be either's.
        let t = "The town's mayor, Ilse Marrowby, spoke. Her brother Tobias Marrowby came. Marrowby, the provincial governor, left.";
        let people = [person(t, "Ilse Marrowby"), person(t, "Tobias Marrowby")];
        assert!(run_on(&RoleConflict, t, &people, None).is_empty());
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
