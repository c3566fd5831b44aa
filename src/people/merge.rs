//! Two found people who are one: a married name and its birth name, a person's full name
//! used as a modifier of a thing, and a misspelt name.
//!
//! Input: the document and the people found (each with its mentions). Output: the same
//! people with such pairs merged into the one first named.
//!
//! - "Ana Hale, née Ruiz": the text states that Ana Hale was born Ana Ruiz, so "Ana Ruiz"
//!   elsewhere is the same woman (also "nee", "born" is not read: "born Ruiz in 1950" is rare
//!   and "born in" is common).
//! - "a Tomas Hale action figure": a person named in full elsewhere, then one more
//!   capitalised word and a lower-case noun: the run is the person's name modifying a
//!   product ("Lego minifigure", "Halloween mask"), not a longer name. The mention keeps only
//!   the person's name.
//!
//! - "Ana Ruiz" ten times and "Ana Ruitz" once: one letter apart in the surname, the rare
//!   form a misspelling of the frequent one.
//!
//! All read only the people's own mentions and a bounded look-around, so the cost is
//! linear in the number of mentions.

use crate::model::{MentionKind, Person};
use crate::span::Span;
use crate::text::{Document, TokenKind};
use std::collections::HashMap;

/// The index of the token that starts at byte `at`.
fn token_at(doc: &Document, at: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.start < at);
    (doc.tokens.get(i)?.span.start == at).then_some(i)
}

/// The index of the token that ends at byte `at`.
fn token_ending(doc: &Document, at: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end < at);
    (doc.tokens.get(i)?.span.end == at).then_some(i)
}

/// Merges `people[from]` into `people[into]`.
fn absorb(people: &mut [Person], into: usize, from: usize) {
    let moved = std::mem::take(&mut people[from].mentions);
    let target = &mut people[into];
    let had: std::collections::HashSet<Span> = target.mentions.iter().map(|m| m.span).collect();
    for mut m in moved {
        if m.kind == MentionKind::Name {
            m.kind = MentionKind::Alias;
        }
        if !had.contains(&m.span) {
            target.mentions.push(m);
        }
    }
    target.mentions.sort_by_key(|m| m.span);
    let roles = std::mem::take(&mut people[from].roles);
    for r in roles {
        if !people[into].roles.iter().any(|x| x.text == r.text) {
            people[into].roles.push(r);
        }
    }
}

/// Finds, for each person, the person their mention says they were born as or modify.
pub fn merge(doc: &Document, people: &mut Vec<Person>) {
    let text = doc.text;
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        index.entry(p.name.to_lowercase()).or_insert(i);
    }
    let by_name = |name: &str| index.get(&name.to_lowercase()).copied();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut trims: Vec<(usize, usize, Span)> = Vec::new();
    for (pi, p) in people.iter().enumerate() {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        for m in &p.mentions {
            if m.kind == MentionKind::Pronoun || m.kind == MentionKind::Description {
                continue;
            }
            let Some(end) = token_ending(doc, m.span.end) else {
                continue;
            };
            let tok = |k: usize| doc.tokens.get(k).map(|t| t.text(text));
            // "Ana Hale, née Ruiz".
            if tok(end + 1) == Some(",") && matches!(tok(end + 2), Some("née" | "nee" | "Née")) {
                if let Some(born) = tok(end + 3) {
                    let birth = format!("{} {born}", words[0]);
                    if let Some(qi) = by_name(&birth).filter(|&q| q != pi) {
                        pairs.push((pi.min(qi), pi.max(qi)));
                    }
                }
            }
        }
        // "a Tomas Hale action figure": this person is one mention long, a known person's
        // name and one more word, before a lower-case noun.
        if p.mentions.len() == 1 && words.len() >= 3 {
            let m = &p.mentions[0];
            let shorter = words[..words.len() - 1].join(" ");
            let Some(qi) = by_name(&shorter).filter(|&q| q != pi) else {
                continue;
            };
            let (Some(start), Some(end)) =
                (token_at(doc, m.span.start), token_ending(doc, m.span.end))
            else {
                continue;
            };
            let noun_after = doc.tokens.get(end + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.text(text).chars().next().is_some_and(char::is_lowercase)
            });
            if noun_after && end > start {
                trims.push((
                    pi,
                    qi,
                    Span::new(m.span.start, doc.tokens[end - 1].span.end),
                ));
            }
        }
    }
    // "Ana Ruiz" often and, once or twice, "Ana Ruitz": one letter apart in the surname,
    // the same given name: a misspelling, so the rare form joins the frequent one. Frequent
    // names are indexed by every one-letter deletion of their surname (two words one edit
    // apart share such a key), so each rare name is looked up, not compared with all.
    let mut frequent: HashMap<String, Vec<usize>> = HashMap::new();
    for (qi, q) in people.iter().enumerate() {
        if q.mentions.len() > RARE_FORM_MENTIONS {
            for k in deletion_keys(&q.name) {
                frequent.entry(k).or_default().push(qi);
            }
        }
    }
    for (pi, p) in people.iter().enumerate() {
        let n = p.mentions.len();
        if n == 0 || n > RARE_FORM_MENTIONS {
            continue;
        }
        let mut hits: Vec<usize> = deletion_keys(&p.name)
            .iter()
            .filter_map(|k| frequent.get(k))
            .flatten()
            .copied()
            .filter(|&qi| people[qi].mentions.len() >= 3 * n && misspelt(&p.name, &people[qi].name))
            .collect();
        hits.sort_unstable();
        hits.dedup();
        // Two frequent names it could misspell: neither.
        if let [qi] = hits[..] {
            pairs.push((qi, pi));
        }
    }
    let mut gone = vec![false; people.len()];
    for (pi, qi, span) in trims {
        if gone[pi] || gone[qi] {
            continue;
        }
        people[pi].mentions[0].span = span;
        absorb(people, qi, pi);
        gone[pi] = true;
    }
    for (a, b) in pairs {
        if gone[a] || gone[b] {
            continue;
        }
        absorb(people, a, b);
        gone[b] = true;
    }
    let mut i = 0;
    people.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
}

/// Shortest surname read as misspelt: short names differ by one letter legitimately
/// ("Lee", "Li").
const MIN_MISSPELT: usize = 4;
/// A misspelling is a rare form: at most this many mentions, and a third or less of the
/// mentions of the form it misspells (two people "Ana Kerr" and "Ana Kerry" are each named
/// about as often).
const RARE_FORM_MENTIONS: usize = 2;

/// Longest surname indexed for misspellings (a longer word is no name).
const MAX_MISSPELT: usize = 24;

/// The name with its surname whole and with each one letter of it deleted, lower-cased.
fn deletion_keys(name: &str) -> Vec<String> {
    let Some((head, last)) = name.rsplit_once(' ') else {
        return Vec::new();
    };
    let chars: Vec<char> = last.to_lowercase().chars().collect();
    if chars.len() < MIN_MISSPELT || chars.len() > MAX_MISSPELT {
        return Vec::new();
    }
    let head = head.to_lowercase();
    let mut out = vec![format!("{head} {}", chars.iter().collect::<String>())];
    for i in 0..chars.len() {
        let w: String = chars[..i].iter().chain(&chars[i + 1..]).collect();
        out.push(format!("{head} {w}"));
    }
    out
}

/// Two names of two words or more, equal except for one letter added, dropped or changed in
/// the last word, which has at least [`MIN_MISSPELT`] letters.
fn misspelt(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    if wa.len() < 2 || wa.len() != wb.len() || wa[..wa.len() - 1] != wb[..wb.len() - 1] {
        return false;
    }
    let x: Vec<char> = wa[wa.len() - 1].chars().collect();
    let y: Vec<char> = wb[wb.len() - 1].chars().collect();
    if x.len().min(y.len()) < MIN_MISSPELT || x == y || x.len().abs_diff(y.len()) > 1 {
        return false;
    }
    // One edit: skip the common prefix and suffix, at most one character is left on each side.
    let pre = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
    let suf = x[pre..]
        .iter()
        .rev()
        .zip(y[pre..].iter().rev())
        .take_while(|(p, q)| p == q)
        .count();
    x.len() - pre - suf <= 1 && y.len() - pre - suf <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people_of(s: &str) -> Vec<(String, usize)> {
        let d = Document::new(s);
        crate::people::find(&d)
            .into_iter()
            .map(|p| (p.name, p.mentions.len()))
            .collect()
    }

    #[test]
    fn one_letter_apart_is_a_misspelling() {
        assert!(misspelt("Ana Ruiz Moreno", "Ana Ruiz Morenno"));
        assert!(misspelt("Tomas Halden", "Tomas Haldan"));
        assert!(misspelt("Tomas Hale", "Tomas Halle"));
        assert!(!misspelt("Tomas Halden", "Piet Halden"));
        assert!(!misspelt("Ana Lee", "Ana Li"));
        assert!(!misspelt("Ana Lee", "Ana Leo"));
        assert!(!misspelt("Tomas Halden", "Tomas Halden"));
    }

    #[test]
    fn a_birth_name_is_the_same_person() {
        let got = people_of(
            "Ines Ruiz ran the program in 1962. Years later Ines Hale, née Ruiz, said she \
             remembered it well.",
        );
        // Ines Ruiz, Ines Hale and the "Ruiz" after "née".
        assert_eq!(got, vec![("Ines Ruiz".to_string(), 3)], "{got:?}");
    }

    #[test]
    fn a_name_modifying_a_product_is_the_person() {
        let got = people_of(
            "Tomas Hale founded the lab. In 2017 he got a Tomas Hale Vextor figurine, and \
             Tomas Hale said he loved it.",
        );
        assert_eq!(got, vec![("Tomas Hale".to_string(), 3)], "{got:?}");
    }
}
