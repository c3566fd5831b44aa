//! Names written in capitals: a headline or a table heading in ALL CAPS names the people
//! of the story the way the story does, only in capitals.
//!
//! Input: the document and the people already found (from text in normal case). Output:
//! extra Name/Alias mentions for runs of ALL-CAPS words that spell a person's full name
//! ("ANA RUIZ" → Ana Ruiz) or the surname of exactly one person ("RUIZ WINS" → Ana Ruiz).
//!
//! Why this is general: capitals carry no evidence of their own (the name finder never
//! starts a run on an ALL-CAPS word, since datelines and headlines capitalise everything),
//! so the only evidence is the document's: the same words written elsewhere in normal case
//! as a person's name. A capitalised word that matches no person, or a surname two people
//! share, stays unmatched; a dateline ("LISBON (Wire) -") is never read.
//!
//! Example: "TENNIS - HALE BEATS RUIZ IN LISBON. Tomas Hale beat Ana Ruiz 6-4 6-3." → "HALE"
//! is a mention of Tomas Hale, "RUIZ" of Ana Ruiz, "LISBON" of nobody.

use crate::model::{Mention, MentionKind, Person};
use crate::span::Span;
use crate::text::{Document, TokenKind};
use std::collections::HashMap;

/// A word token in capitals with at least two letters ("RUIZ", "O'BRIEN").
fn all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// Adds the ALL-CAPS mentions of `people` to their mention lists (kept in text order).
pub fn add_mentions(doc: &Document, people: &mut [Person]) {
    if people.is_empty() {
        return;
    }
    // Full names (lower-case words joined by a space) and surnames → person index; a
    // surname two people share maps to None.
    let mut full: HashMap<String, usize> = HashMap::new();
    let mut surname: HashMap<String, Option<usize>> = HashMap::new();
    for (pi, p) in people.iter().enumerate() {
        let words: Vec<String> = p.name.split_whitespace().map(str::to_lowercase).collect();
        if words.len() >= 2 {
            full.insert(words.join(" "), pi);
        }
        if let Some(last) = words.last() {
            if words.len() >= 2 && !last.ends_with('.') {
                surname
                    .entry(last.clone())
                    .and_modify(|e| {
                        if *e != Some(pi) {
                            *e = None
                        }
                    })
                    .or_insert(Some(pi));
            }
        }
    }
    // The longest full name bounds the runs read from each word (linear time on a
    // document written all in capitals).
    let longest = full.keys().map(|k| k.split(' ').count()).max().unwrap_or(0);
    // Tokens some mention already covers (a capitalised word the name finder took).
    let mut covered = vec![false; doc.tokens.len()];
    for m in people.iter().flat_map(|p| &p.mentions) {
        let mut t = doc.tokens.partition_point(|t| t.span.end <= m.span.start);
        while t < doc.tokens.len() && doc.tokens[t].span.start < m.span.end {
            covered[t] = true;
            t += 1;
        }
    }
    let text = doc.text;
    let mut added = vec![false; people.len()];
    for r in &doc.sentence_tokens {
        let mut i = r.start;
        while i < r.end {
            let is_caps = |k: usize| {
                let t = &doc.tokens[k];
                t.kind == TokenKind::Word && all_caps(t.text(text))
            };
            if !is_caps(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < r.end && is_caps(i) {
                i += 1;
            }
            // A dateline ("LISBON (Wire) -") names a place, not a person.
            if doc.tokens.get(i).is_some_and(|t| t.text(text) == "(") && start == r.start {
                continue;
            }
            let run: Vec<usize> = (start..i).collect();
            let mut k = 0;
            while k < run.len() {
                // The longest full name from here, else a lone surname.
                let mut hit: Option<(usize, usize, MentionKind)> = None;
                for len in (2..=(run.len() - k).min(longest)).rev() {
                    let key = run[k..k + len]
                        .iter()
                        .map(|&t| doc.tokens[t].text(text).to_lowercase())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if let Some(&pi) = full.get(&key) {
                        hit = Some((len, pi, MentionKind::Name));
                        break;
                    }
                }
                if hit.is_none() {
                    let w = doc.tokens[run[k]].text(text).to_lowercase();
                    if let Some(&Some(pi)) = surname.get(&w) {
                        hit = Some((1, pi, MentionKind::Alias));
                    }
                }
                let Some((len, pi, kind)) = hit else {
                    k += 1;
                    continue;
                };
                let span = Span::new(
                    doc.tokens[run[k]].span.start,
                    doc.tokens[run[k + len - 1]].span.end,
                );
                if !run[k..k + len].iter().any(|&t| covered[t]) {
                    people[pi].mentions.push(Mention { span, kind });
                    added[pi] = true;
                }
                k += len;
            }
        }
    }
    for (p, a) in people.iter_mut().zip(added) {
        if a {
            p.mentions.sort_by_key(|m| m.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps_mentions(s: &str) -> Vec<(String, String)> {
        let d = Document::new(s);
        let people = crate::people::find(&d);
        let mut out = Vec::new();
        for p in &people {
            for m in &p.mentions {
                let t = d.slice(m.span);
                if all_caps(t.split_whitespace().next().unwrap_or("")) {
                    out.push((p.name.clone(), t.to_string()));
                }
            }
        }
        out
    }

    #[test]
    fn headline_names_in_capitals_are_the_story_people() {
        let got = caps_mentions(
            "TENNIS - HALE BEATS ANA RUIZ IN LISBON.\nLISBON 1996-08-22\nTomas Hale beat Ana \
             Ruiz 6-4 6-3 on Monday, Hale said.",
        );
        assert!(
            got.contains(&("Tomas Hale".into(), "HALE".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("Ana Ruiz".into(), "ANA RUIZ".into())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, t)| t.contains("LISBON")), "{got:?}");
    }

    #[test]
    fn a_shared_surname_in_capitals_stays_unmatched() {
        let got = caps_mentions(
            "GOLF - HALE LEADS.\nTomas Hale and his brother Piet Hale led on Monday, Tomas \
             Hale said.",
        );
        assert!(!got.iter().any(|(_, t)| t == "HALE"), "{got:?}");
    }
}
