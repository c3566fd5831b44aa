//! Coreference of names: which candidates name the same person.
//!
//! Input: name candidates with their verdicts. Output: [`Cluster`]s, one per person, with the
//! candidate indices that mention them. Full names come first ("Ana Ruiz", "J.D. Vance");
//! then shorter forms join the right one: a surname ("Ruiz", "Mr Ruiz"), a name tail
//! ("Van Moer" → "Ana Van Moer"), a given name with or without honorific ("Sir Keir").
//! A given name shared by two people ("Ana Ruiz", "Ana Soto") joins neither; a surname
//! shared by two people joins the one mentioned last. Lookups go through hash indexes
//! keyed by surname and given name, so the cost is linear in the number of candidates.

use super::filter::Verdict;
use super::names::NameCandidate;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Cluster {
    /// Words of the canonical full name.
    pub words: Vec<String>,
    /// Candidate indices, in text order once finished.
    pub members: Vec<usize>,
    /// Which members are aliases (shorter forms).
    pub alias: Vec<bool>,
}

/// A name word as compared: full stop, case and a joined prefix ("al-") ignored.
fn key(w: &str) -> String {
    super::names::without_name_prefix(w.trim_end_matches('.')).to_lowercase()
}

/// Groups candidates into people. `verdicts[i]` belongs to `cands[i]`.
pub fn cluster(cands: &[NameCandidate], verdicts: &[Verdict]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    // (first, last) of full names → cluster; surname → clusters; given name → clusters.
    let mut by_first_last: HashMap<(String, String), usize> = HashMap::new();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_given: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_tail: HashMap<String, usize> = HashMap::new();

    // Pass 1: multi-word names on their own evidence.
    let mut pending: Vec<usize> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if verdicts[i] == Verdict::NotPerson {
            continue;
        }
        if c.words.len() < 2 || verdicts[i] != Verdict::Person {
            pending.push(i);
            continue;
        }
        let first = key(&c.words[0]);
        let last = key(c.words.last().map(String::as_str).unwrap_or(""));
        if let Some(&ci) = by_first_last.get(&(first.clone(), last.clone())) {
            clusters[ci].members.push(i);
            clusters[ci].alias.push(false);
            continue;
        }
        // "Van Moer" after "Ana Van Moer": a tail of a known full name.
        let joined = c.words.iter().map(|w| key(w)).collect::<Vec<_>>().join(" ");
        if let Some(&ci) = by_tail.get(&joined) {
            clusters[ci].members.push(i);
            clusters[ci].alias.push(true);
            continue;
        }
        let ci = clusters.len();
        clusters.push(Cluster {
            words: c.words.clone(),
            members: vec![i],
            alias: vec![false],
        });
        by_first_last.insert((first.clone(), last.clone()), ci);
        by_surname.entry(last).or_default().push(ci);
        if !c.initial_first {
            by_given.entry(first).or_default().push(ci);
        }
        for k in 1..c.words.len().saturating_sub(1) {
            let tail = c.words[k..]
                .iter()
                .map(|w| key(w))
                .collect::<Vec<_>>()
                .join(" ");
            by_tail.entry(tail).or_insert(ci);
        }
    }

    // Pass 2: shorter forms, in text order. A surname shared by two people goes to the one
    // mentioned most recently *before* it ("Kenji Morimoto … Morimoto … Sachiko Morimoto":
    // the middle one is Kenji), or, when neither has been named yet, to the one named next.
    // Full-name positions per cluster, sorted, for "the latest mention before here".
    let mut full_pos: Vec<Vec<usize>> = clusters
        .iter()
        .map(|c| c.members.iter().map(|&m| cands[m].span.start).collect())
        .collect();
    for p in &mut full_pos {
        p.sort_unstable();
    }
    let mut alias_last: Vec<Option<usize>> = vec![None; clusters.len()];
    let recency = |ci: usize, at: usize, full_pos: &[Vec<usize>], alias_last: &[Option<usize>]| {
        let full = full_pos.get(ci).and_then(|p| {
            let k = p.partition_point(|&x| x < at);
            k.checked_sub(1).map(|k| p[k])
        });
        full.max(alias_last.get(ci).copied().flatten())
    };
    let mut singles: HashMap<String, usize> = HashMap::new();
    for &i in &pending {
        let c = &cands[i];
        let joined = c.words.iter().map(|w| key(w)).collect::<Vec<_>>().join(" ");
        let last = key(c.words.last().map(String::as_str).unwrap_or(""));
        let at = c.span.start;
        let pick = |ids: &[usize], full_pos: &[Vec<usize>], alias_last: &[Option<usize>]| {
            // Of two bearers, one the writer keeps naming in full (two full mentions so far,
            // never the bare surname) while the other already goes by the bare surname: the
            // writer reserves the bare form for that other one ("Tara Bell … Bell …
            // Desmond Bell said … Desmond Bell added … Bell won": the last is Tara).
            let full_before = |ci: usize| {
                full_pos
                    .get(ci)
                    .map_or(0, |p| p.partition_point(|&x| x < at))
            };
            let reserved = |ci: usize| {
                ids.len() == 2
                    && full_before(ci) >= 2
                    && alias_last.get(ci).copied().flatten().is_none()
                    && ids
                        .iter()
                        .any(|&o| o != ci && alias_last.get(o).copied().flatten().is_some())
            };
            let before = ids
                .iter()
                .copied()
                .filter(|&ci| !reserved(ci))
                .filter_map(|ci| recency(ci, at, full_pos, alias_last).map(|r| (ci, r)))
                .max_by_key(|&(_, r)| r)
                .map(|(ci, _)| ci);
            before.or_else(|| {
                ids.iter()
                    .copied()
                    .min_by_key(|&ci| full_pos.get(ci).and_then(|p| p.first().copied()))
            })
        };
        let found = if verdicts[i] == Verdict::SurnameOnly {
            // Only the surname of someone named in full can turn a place word into a person.
            by_surname
                .get(&last)
                .and_then(|ids| pick(ids, &full_pos, &alias_last))
        } else if let Some(&ci) = by_tail.get(&joined) {
            Some(ci)
        } else if let Some(ids) = by_surname.get(&last).filter(|_| c.words.len() == 1) {
            pick(ids, &full_pos, &alias_last)
        } else if let Some(ids) = by_given.get(&joined).filter(|_| c.words.len() == 1) {
            // A given name shared by two people names neither of them.
            (ids.len() == 1).then(|| ids[0])
        } else {
            singles.get(&joined).copied()
        };
        match found {
            Some(ci) => {
                clusters[ci].members.push(i);
                clusters[ci].alias.push(true);
                if let Some(a) = alias_last.get_mut(ci) {
                    *a = Some(c.span.start);
                }
            }
            None if verdicts[i] == Verdict::Person => {
                let ci = clusters.len();
                clusters.push(Cluster {
                    words: c.words.clone(),
                    members: vec![i],
                    alias: vec![false],
                });
                full_pos.push(vec![c.span.start]);
                alias_last.push(None);
                singles.insert(joined, ci);
            }
            None => {}
        }
    }
    for cl in &mut clusters {
        let mut pairs: Vec<(usize, bool)> = cl
            .members
            .iter()
            .copied()
            .zip(cl.alias.iter().copied())
            .collect();
        pairs.sort_by_key(|&(m, _)| cands[m].span.start);
        cl.members = pairs.iter().map(|p| p.0).collect();
        cl.alias = pairs.iter().map(|p| p.1).collect();
    }
    clusters.sort_by_key(|c| {
        c.members
            .first()
            .map_or(usize::MAX, |&m| cands[m].span.start)
    });
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::filter::classify;
    use crate::people::names::candidates;
    use crate::text::Document;

    fn people(s: &str) -> Vec<(String, usize)> {
        let d = Document::new(s);
        let c = candidates(&d);
        let v: Vec<Verdict> = c.iter().map(|x| classify(&d, x)).collect();
        cluster(&c, &v)
            .into_iter()
            .map(|cl| (cl.words.join(" "), cl.members.len()))
            .collect()
    }

    #[test]
    fn a_shared_surname_goes_to_the_person_named_before_it() {
        // The second "Pardo" comes before Lucia Pardo is named: it is still Marco.
        let p = people(
            "Marco Pardo found the skull. Pardo said it was old. Pardo kept digging. Later Lucia Pardo joined him and Pardo thanked her.",
        );
        assert_eq!(
            p,
            vec![("Marco Pardo".into(), 3), ("Lucia Pardo".into(), 2)]
        );
    }

    #[test]
    fn a_surname_kept_for_one_bearer_while_the_other_is_named_in_full() {
        // Lucia is named in full twice and never by surname alone: the bare "Pardo" after
        // her is Marco, who has gone by it all along.
        let p = people(
            "Marco Pardo found the skull. Pardo said it was old. His sister Lucia Pardo helped. Lucia Pardo said so. Later Pardo kept digging.",
        );
        assert_eq!(
            p,
            vec![("Marco Pardo".into(), 3), ("Lucia Pardo".into(), 2)]
        );
    }

    #[test]
    fn a_prefixed_surname_joins_its_bare_form() {
        let p =
            people("Sudan's president, Omar Hassan al-Bashir, left. Mr. Bashir did not return.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    #[test]
    fn surnames_and_given_names_join() {
        let p = people("Ana Ruiz met Tom Hale. Later Ruiz said Tom was right. Mr Hale agreed.");
        assert_eq!(p, vec![("Ana Ruiz".into(), 2), ("Tom Hale".into(), 3)]);
    }

    #[test]
    fn shared_given_name_stays_apart() {
        let p = people("Ana Ruiz met Ana Soto. Ana smiled. Ruiz left.");
        assert_eq!(p, vec![("Ana Ruiz".into(), 2), ("Ana Soto".into(), 1)]);
    }

    #[test]
    fn honorific_with_given_name() {
        let p = people("Sir Tobias Wren spoke. Later Sir Tobias left.");
        assert_eq!(p, vec![("Tobias Wren".into(), 2)]);
    }
}
