//! Stage 2: the people a text names, with honorifics, roles and every mention.
//!
//! Input: a [`Document`]. Output: `Vec<Person>` in order of first mention, each with its
//! canonical full name ("Keir Starmer"), honorifics ("Sir"), roles with spans ("UK Prime
//! Minister"), and Name/Alias mentions in text order (pronoun and description mentions are
//! added later by the quotes stage).
//!
//! Steps: [`names`] finds capitalised runs → [`filter`] keeps those that are people →
//! [`aliases`] groups full names and short forms → [`roles`] reads titles around each mention.
//!
//! Example: "French President Ana Ruiz spoke. Ruiz left." → one person "Ana Ruiz" with the
//! role "French President" and two mentions (Name, Alias).

pub mod aliases;
pub mod caps;
pub mod evidence;
pub mod filter;
pub mod lexicon;
pub mod merge;
pub mod names;
pub mod roles;
pub mod things;

pub use lexicon::Gender;

use crate::model::{Entity, Mention, MentionKind, Person, Role};
use crate::text::Document;

/// Finds the people the text names.
pub fn find(doc: &Document) -> Vec<Person> {
    find_all(doc, &[]).0
}

/// Finds the people the text names, and the named things that are not people
/// (organisations, places, products, works), from the same candidates. Names inside
/// `asides` (bylines, credits, bios: sorted, disjoint spans) are neither.
pub fn find_all(doc: &Document, asides: &[crate::Span]) -> (Vec<Person>, Vec<Entity>) {
    let mut cands = names::candidates(doc);
    cands.retain(|c| {
        let i = asides.partition_point(|a| a.end <= c.span.start);
        asides.get(i).is_none_or(|a| a.start > c.span.start)
    });
    let tags = crate::ner::tag(doc);
    let mut verdicts: Vec<filter::Verdict> =
        cands.iter().map(|c| filter::classify(doc, c)).collect();
    for (c, v) in cands.iter().zip(verdicts.iter_mut()) {
        if *v == filter::Verdict::NotPerson && filter::rescued_by_context(doc, c) {
            *v = filter::Verdict::Person;
        }
    }
    filter::surnames_of_people(&cands, &mut verdicts);
    evidence::promote(&tags, &cands, &mut verdicts);
    let clusters = aliases::cluster(&cands, &verdicts);
    let mut not_people: Vec<usize> = (0..cands.len())
        .filter(|&i| verdicts[i] == filter::Verdict::NotPerson)
        .collect();
    let clusters = evidence::keep_people(doc, &tags, &cands, clusters, &mut not_people);
    let entities = evidence::entities(doc, &tags, &cands, &not_people);
    let mut people = Vec::with_capacity(clusters.len());
    for cl in clusters {
        let mut honorifics: Vec<String> = Vec::new();
        let mut roles: Vec<Role> = Vec::new();
        let mut mentions = Vec::with_capacity(cl.members.len());
        let mut written_honorific: Option<String> = None;
        for (&m, &alias) in cl.members.iter().zip(cl.alias.iter()) {
            let c = &cands[m];
            if let Some(h) = c.honorific {
                if written_honorific.is_none() {
                    written_honorific = Some(honorific_as_written(doc, h));
                }
                let h = doc.tokens[h]
                    .text(doc.text)
                    .trim_end_matches('.')
                    .to_string();
                if !honorifics.contains(&h) {
                    honorifics.push(h);
                }
            }
            for r in roles::roles_for(doc, c) {
                if !roles.iter().any(|x| x.text.eq_ignore_ascii_case(&r.text)) {
                    roles.push(r);
                }
            }
            mentions.push(Mention {
                span: c.span,
                kind: if alias {
                    MentionKind::Alias
                } else {
                    MentionKind::Name
                },
            });
        }
        mentions.sort_by_key(|m| m.span);
        mentions.dedup_by_key(|m| m.span);
        people.push(Person {
            name: display_name(&cl.words, written_honorific.as_deref()),
            honorifics,
            roles,
            mentions,
        });
    }
    merge::merge(doc, &mut people);
    caps::add_mentions(doc, &mut people);
    (people, entities)
}

/// The name a person is shown by: the name's words, except that a one-word name that is an
/// ordinary lower-case word of the tagger's training text ("Feel", "Bean") and comes with an
/// honorific is a pseudonym the honorific belongs to ("Dr. Feel"), since the word alone names
/// no one.
fn display_name(words: &[String], honorific: Option<&str>) -> String {
    if let ([w], Some(h)) = (words, honorific) {
        if crate::ner::model().is_some_and(|m| m.is_common_word(w)) {
            return format!("{h} {w}");
        }
    }
    words.join(" ")
}

/// An honorific as the text writes it, with the full stop that follows it ("Dr.").
fn honorific_as_written(doc: &Document, h: usize) -> String {
    let t = &doc.tokens[h];
    let mut s = t.text(doc.text).to_string();
    if let Some(n) = doc.tokens.get(h + 1) {
        if n.span.start == t.span.end && n.text(doc.text) == "." && !s.ends_with('.') {
            s.push('.');
        }
    }
    s
}

/// The gender a person's honorifics or given name suggest (for pronoun matching).
pub fn gender(p: &Person) -> Gender {
    let lex = lexicon::lexicon();
    for h in &p.honorifics {
        match lex.honorific(h) {
            Some(Gender::Unknown) | None => {}
            Some(g) => return g,
        }
    }
    if p.name.split_whitespace().count() >= 2 {
        if let Some(first) = p.name.split_whitespace().next() {
            if let Some(g) = lex.given_gender(first) {
                return g;
            }
        }
    }
    Gender::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_roles_and_aliases() {
        let d = Document::new(
            "LISBON (Wire) - French President Ana Ruiz met Sir Tobias Wren in Lisbon on Monday. \
             Ruiz said the talks went well. Sir Tobias, the envoy, agreed.",
        );
        let p = find(&d);
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Ana Ruiz", "Tobias Wren"]);
        assert_eq!(p[0].roles[0].text, "French President");
        assert_eq!(p[0].mentions.len(), 2);
        assert_eq!(p[0].mentions[1].kind, MentionKind::Alias);
        assert_eq!(p[1].honorifics, vec!["Sir"]);
        assert!(p[1].roles.iter().any(|r| r.text == "envoy"));
        assert_eq!(gender(&p[0]), Gender::Female);
        assert_eq!(gender(&p[1]), Gender::Male);
    }

    #[test]
    fn an_honorific_before_an_ordinary_word_is_part_of_the_name() {
        let d = Document::new("“It hurt,” Dr. Cheerful wrote on the forum. Mr. Okafor agreed.");
        let names: Vec<String> = find(&d).into_iter().map(|p| p.name).collect();
        assert!(names.iter().any(|n| n == "Dr. Cheerful"), "{names:?}");
        assert!(names.iter().any(|n| n == "Okafor"), "{names:?}");
    }
}
