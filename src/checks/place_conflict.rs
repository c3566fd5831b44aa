//! Check: one event put in two places.
//!
//! Input: the fact stage's place claims ([`crate::facts::places`]), the article's own
//! nesting of names ([`crate::facts::places::containment`]) and its salient event
//! ([`crate::facts::events::salient`]). Output: a `place-conflict` flag when a definite
//! reference to an event ("the Kuala Lumpur signing", "the Modimolle filling station where
//! Thursday's robbery took place") places it somewhere that cannot hold together with an
//! earlier claim for the same event ("signed the agreement at a hotel in Singapore's Marina
//! Bay district"; "In the attack, gunmen blew open an armoured van at a filling station in
//! Bela-Bela", the attack being the robbery the article opens with).
//!
//! The same event: the later reference is definite and names the earlier claim's event by
//! the same word, a word WordNet groups with it, or the same stem ("signed" … "the
//! signing"); or it names the article's salient event and the earlier claim, in the
//! opening paragraphs, tells that event.
//!
//! Cannot both hold: two towns that are both known cities, or both unknown to the
//! lexicons (a known country or region may contain an unknown name, a known city may
//! contain an unknown district); or two named venues. Never when the article itself nests
//! one name in the other or sets them side by side, when the names share a word, when
//! either claim is quoted, hypothetical, part of a list of places, or in a sentence that
//! tells a move. An indefinite "a robbery" twice is two robberies, so never compared.

use super::{Check, Context};
use crate::facts::events::{self, Salient};
use crate::facts::places::{self, is_city, is_known_place};
use crate::facts::{Attribute, Claim, EventRef, Input, Place, Subject};
use crate::model::Flag;

pub struct PlaceConflict;

/// Claims compared per document (pairs are quadratic; news has a handful).
const MAX_CLAIMS: usize = 80;
/// The opening paragraphs, where an article tells its main event and where it happened.
const OPENING_PARAGRAPHS: usize = 2;

impl Check for PlaceConflict {
    fn id(&self) -> &'static str {
        "place-conflict"
    }

    fn description(&self) -> &'static str {
        "The same event is put in two different places."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let claims: Vec<&Claim> = ctx
            .facts
            .iter()
            .filter(|c| c.attribute == Attribute::Place && c.plain())
            .take(MAX_CLAIMS)
            .collect();
        if claims.len() < 2 {
            return Vec::new();
        }
        let input = Input {
            doc: ctx.doc,
            people: ctx.people,
            entities: ctx.entities,
            quotes: ctx.quotes,
            times: ctx.times,
        };
        let pairs = places::containment(&input, ctx.facts);
        let salient = events::salient(ctx.doc);
        let opening_end = ctx
            .doc
            .paragraphs
            .get(OPENING_PARAGRAPHS - 1)
            .or(ctx.doc.paragraphs.last())
            .map_or(0, |p| p.end);
        let text = ctx.doc.text;
        // The article's main located event: the first claim of the opening paragraphs
        // whose event is named by a noun ("The final was played at …"). The people
        // present at "the" event ("the crowd at Porirua Park") are read as present at it.
        let main = claims.iter().position(|c| {
            let Subject::Event(e) = &c.subject;
            c.evidence.end <= opening_end && e.words.iter().any(|w| !w.starts_with(['+', '~', '@']))
        });
        for (j, b) in claims.iter().enumerate() {
            let (Subject::Event(eb), Some(pb)) = (&b.subject, b.value.place()) else {
                continue;
            };
            if eb.definite.is_empty() {
                continue;
            }
            let attendance = eb.definite.iter().any(|w| w == events::ATTENDANCE);
            if !attendance && iterated(&eb.definite, ctx.facts, &pairs) {
                continue;
            }
            for (ai, a) in claims[..j].iter().enumerate() {
                if attendance && Some(ai) != main {
                    continue;
                }
                let (Subject::Event(ea), Some(pa)) = (&a.subject, a.value.place()) else {
                    continue;
                };
                if a.sentence == b.sentence {
                    continue;
                }
                let linked = if attendance {
                    Some(format!(
                        "“{}” read as present at the event the article opens with (“{}”)",
                        eb.span.text(text).trim(),
                        ea.span.text(text).trim()
                    ))
                } else {
                    same_event(ea, eb, a, opening_end, &salient, text)
                };
                let Some(event_link) = linked else {
                    continue;
                };
                let Some((level, x, y)) = incompatible(pa, pb, &pairs) else {
                    continue;
                };
                let mut links = vec![event_link];
                links.extend(pa.town_link.iter().chain(pb.town_link.iter()).cloned());
                let confidence = if links.len() == 1 { 0.6 } else { 0.5 };
                return vec![Flag {
                    kind: self.id().into(),
                    message: format!(
                        "The same event is placed at {x} in one passage and at {y} in another."
                    ),
                    reason: format!(
                        "both passages say where “{}” happened; {x} and {y} are two different {level}s and the article does not put one inside the other",
                        eb.span.text(text).trim()
                    ),
                    confidence,
                    evidence: vec![pa.span, pb.span],
                    fact: None,
                    links,
                }];
            }
        }
        Vec::new()
    }
}

/// Places an event kind may have in one article before it is read as recurring (a
/// campaign across states, a series of attacks) rather than one event told twice.
const MAX_PLACES_OF_ONE_KIND: usize = 2;

/// Whether the article places events of this kind (any claim, qualified or not) in more
/// than [`MAX_PLACES_OF_ONE_KIND`] places that do not nest: then "the Iowa campaign" picks
/// one of several, and two places are no conflict.
fn iterated(kind: &[String], facts: &[Claim], pairs: &[(String, String)]) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    for c in facts {
        let (Subject::Event(e), Some(p)) = (&c.subject, c.value.place()) else {
            continue;
        };
        if !events::related(kind, &e.words) {
            continue;
        }
        let Some(name) = names(p).last().copied() else {
            continue;
        };
        if !seen.iter().any(|s| nested(s, name, pairs)) {
            seen.push(name);
        }
    }
    seen.len() > MAX_PLACES_OF_ONE_KIND
}

/// Whether `eb` (definite, later) refers to the event of claim `a`; the link in words.
fn same_event(
    ea: &EventRef,
    eb: &EventRef,
    a: &Claim,
    opening_end: usize,
    salient: &Salient,
    text: &str,
) -> Option<String> {
    let later = eb.span.text(text).trim();
    let earlier = ea.span.text(text).trim();
    if eb.restrictive {
        // "the Kuala Lumpur signing" after "signed the agreement at …": only the same word.
        return events::same_word(&eb.definite, &ea.words).then(|| {
            format!("“{later}” read as the event told earlier (“{earlier}”), by the same word")
        });
    }
    if events::related(&eb.definite, &ea.words) {
        return Some(format!(
            "“{later}” read as the event told earlier (“{earlier}”)"
        ));
    }
    let told_in_opening =
        a.evidence.end <= opening_end && events::related(&ea.words, &salient.words);
    if told_in_opening && events::related(&eb.definite, &salient.words) {
        let named = salient.named.as_deref().unwrap_or("event");
        let mut link =
            format!("“{later}” and “{earlier}” read as the {named} the article opens with");
        if !salient.aliases.is_empty() {
            link.push_str(&format!(
                " (“the {}” has no antecedent of its own)",
                salient.aliases.join("”, “the ")
            ));
        }
        return Some(link);
    }
    None
}

fn norm(s: &str) -> String {
    s.to_lowercase()
}

/// Names that may be one place or one inside the other: equal, sharing a word, or nested
/// (directly or through one name between) by the article itself.
fn nested(a: &str, b: &str, pairs: &[(String, String)]) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a == b
        || a.split_whitespace()
            .any(|w| b.split_whitespace().any(|v| v == w))
    {
        return true;
    }
    let linked = |x: &str, y: &str| {
        pairs
            .iter()
            .any(|(p, q)| (p == x && q == y) || (p == y && q == x))
    };
    if linked(&a, &b) {
        return true;
    }
    pairs.iter().any(|(p, q)| {
        let mid = if *p == a {
            q
        } else if *q == a {
            p
        } else {
            return false;
        };
        linked(mid, &b)
    })
}

/// Every name of a place, most specific first.
fn names(p: &Place) -> Vec<&str> {
    [&p.venue, &p.area, &p.town]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect()
}

/// Two places that cannot both be where one event happened: (level, name, name).
fn incompatible(
    pa: &Place,
    pb: &Place,
    pairs: &[(String, String)],
) -> Option<(&'static str, String, String)> {
    // Any two names that may nest or coincide make the places compatible.
    for x in names(pa) {
        for y in names(pb) {
            if nested(x, y, pairs) {
                return None;
            }
        }
    }
    // One side names a district inside its town ("his apartment in the city's Almagro
    // district"); a name the other side gives, unknown to the lexicons but shown to be a
    // place, is then another town or another district: not that district either way.
    for (p, q) in [(pa, pb), (pb, pa)] {
        if let (Some(area), Some(tq)) = (&p.area, &q.town) {
            if p.venue.is_none() && q.evidenced && !is_known_place(tq) {
                return Some(("place", area.clone(), tq.clone()));
            }
        }
    }
    if let (Some(ta), Some(tb)) = (&pa.town, &pb.town) {
        let both_cities = is_city(ta) && is_city(tb);
        let both_unknown =
            !is_known_place(ta) && !is_known_place(tb) && pa.evidenced && pb.evidenced;
        return (both_cities || both_unknown).then(|| ("town", ta.clone(), tb.clone()));
    }
    if let (Some(va), Some(vb)) = (&pa.venue, &pb.venue) {
        return Some(("venue", va.clone(), vb.clone()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{evidence, run_on};

    fn flags(text: &str) -> Vec<Flag> {
        run_on(&PlaceConflict, text, &[], None)
    }

    #[test]
    fn a_signing_in_two_cities() {
        let t = "Two firms agreed on Wednesday to merge.\n\nThey signed the agreement at a hotel in Singapore's Marina Bay district.\n\nSpeaking after the Kuala Lumpur signing, Tan said more.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec![
                "at a hotel in Singapore's Marina Bay district",
                "the Kuala Lumpur signing"
            ]
        );
        assert!(f[0].links[0].contains("signing"));
    }

    #[test]
    fn the_salient_robbery_in_two_towns() {
        let t = "Police have arrested five men over a cash-in-transit robbery. In the attack, gunmen blew open a van at a filling station in Bela-Bela.\n\nWitnesses saw nine attackers.\n\nShopkeepers near the Modimolle filling station where Thursday's robbery took place said it had reopened.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].links[0].contains("robbery the article opens with"));
    }

    #[test]
    fn two_named_venues_for_one_final() {
        let t = "The final was played at the Memorial Domain.\n\nFans said the final was held at Porirua Stadium.";
        assert_eq!(flags(t).len(), 1);
    }

    #[test]
    fn a_death_in_a_district_and_final_days_in_another_town() {
        let t = "He played in the halls of Buenos Aires, and died on Saturday at his apartment in the city's Almagro district.\n\nBorn in Rosario, he moved to the capital.\n\nHis daughter thanked the staff of the Rosario hospital where he spent his final days.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].links.iter().any(|l| l.contains("Buenos Aires")));
    }

    #[test]
    fn the_crowd_at_another_venue() {
        let t = "The Rangers won the title on Saturday.\n\nThe final was played at the Memorial Domain.\n\nMany of the crowd at Porirua Park stayed long after the final whistle.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].links[0].contains("present at"));
    }

    #[test]
    fn near_miss_the_crowd_at_the_same_ground_or_in_its_town() {
        let t = "The final was played at the Memorial Domain in Otaki.\n\nMany of the crowd at the Memorial Domain stayed.\n\nThe crowd in Otaki cheered.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_a_wake_planned_in_the_citys_district() {
        let t = "He died on Saturday at his apartment in Rosario's Centro district.\n\nA wake would be held on Monday at a hall in the city's Sur district.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_one_kind_of_event_in_many_places() {
        let t = "He signed copies at a bookshop in Leeds.\n\nHe signed more at a bookshop in Hull and later in York.\n\nFans signed a card at a shop in Bath.\n\nAfter the Leeds signing, he rested.\n\nAfter the Ripon signing, he left.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_a_definite_noun_of_another_clause() {
        let t = "The merger was signed at a hotel in Bukit.\n\nHe defended the merger of the units at a rally in Kampar.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_an_event_named_by_its_place_is_another_of_its_kind() {
        let t = "Attackers killed 32 people in bombings at an airport in Zaventem.\n\nSupporters shared news of the Nice attack.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_a_venue_inside_its_city() {
        let t = "They signed the agreement at a hotel in Singapore's Marina Bay district.\n\nAfter the Singapore signing, Tan spoke.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_a_district_the_article_nests() {
        let t = "They signed the deal at a hotel in Mayfair, London.\n\nAfter the London signing, Tan spoke.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_two_indefinite_events_of_one_kind() {
        let t = "Gunmen carried out a robbery at a filling station in Bela-Bela.\n\nLast year gunmen carried out a robbery at a filling station in Modimolle.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_places_said_together_and_moves() {
        let t = "Gunmen carried out a robbery at a filling station in Bela-Bela.\n\nThe robbery trial was moved to a court in Modimolle.";
        assert!(flags(t).is_empty());
        let t = "They signed the agreement at a hotel in Singapore.\n\nThe signing was celebrated in Singapore and in Kuala Lumpur.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_quoted_or_hypothetical() {
        let t = "They signed the agreement at a hotel in Singapore.\n\nA second signing would be held at a hotel in Jakarta.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_a_different_event_elsewhere() {
        let t = "Born in Rosario, he died on Saturday at his apartment in Buenos Aires.\n\nThe arrests took place at houses in Polokwane.";
        assert!(flags(t).is_empty());
    }

    #[test]
    fn near_miss_a_known_country_may_hold_an_unknown_town() {
        let t = "They signed the agreement at a hotel in Malaysia.\n\nAfter the Sungai Buloh signing, Tan spoke.";
        assert!(flags(t).is_empty());
    }
}
