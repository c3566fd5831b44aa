//! Which name candidates are people.
//!
//! Input: a [`NameCandidate`] and its document. Output: [`Verdict`]: a person on its own
//! evidence (honorific, title before it, known given name, initial, a plain multi-word name),
//! a single word that may be a known person's alias, or not a person (organisations,
//! places, nationalities, days, months, sentence-opening words, product names).
//! Example: "French President Ana Ruiz" → `Person`; "Kyiv" → `NotPerson`; "Ruiz" → `MaybeAlias`.

use super::lexicon::lexicon;
use super::names::{is_cap_word, NameCandidate};
use crate::text::{Document, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A person on the candidate's own evidence.
    Person,
    /// One word that is a person only if it names someone found elsewhere ("Ruiz").
    MaybeAlias,
    NotPerson,
}

/// Reporting verbs that, right after a lone capitalised word, make it a speaker ("Ortiz said").
const SPEECH_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "asked",
    "explained",
];

pub fn classify(doc: &Document, c: &NameCandidate) -> Verdict {
    let lex = lexicon();
    let text = doc.text;
    let w: Vec<&str> = c.words.iter().map(String::as_str).collect();
    let Some(&last) = w.last() else {
        return Verdict::NotPerson;
    };
    let first = w[0];
    // An organisation or place word at the end decides: "Grace Road", "Ortiz Foundation".
    if lex.is_org_word(last) || lex.is_place(last) && !(w.len() >= 2 && lex.is_given(first)) {
        return Verdict::NotPerson;
    }
    if w.len() == 1 && (lex.is_non_person_word(first) || lex.honorific(first).is_some()) {
        return Verdict::NotPerson;
    }
    if w.iter()
        .any(|x| lex.is_nationality(x) || lex.is_role_head(x) && !lex.is_given(x))
    {
        return Verdict::NotPerson;
    }
    let has_title = c.lead.iter().any(|&t| {
        let s = doc.tokens[t].text(text);
        lex.is_role_head(s) || lex.is_title_abbr(s)
    });
    if c.honorific.is_some() || has_title {
        return Verdict::Person;
    }
    if w.len() >= 2 {
        if c.initial_first || lex.is_given(first) {
            return Verdict::Person;
        }
        if c.headline {
            return Verdict::MaybeAlias;
        }
        // A plain multi-word name: no word may be a known non-name ("Secret Service").
        let plain = w
            .iter()
            .all(|x| !lex.is_non_person_word(x) && !lex.is_role_mod(x));
        if plain && !(c.sentence_initial && looks_like_common_word(first)) {
            return Verdict::Person;
        }
        return Verdict::NotPerson;
    }
    // One word: a lower-case role word right before it ("striker Ortiz", "spokesman Hale").
    let first_tok = c.core[0];
    if first_tok > 0 {
        let prev = &doc.tokens[first_tok - 1];
        if prev.kind == TokenKind::Word
            && !is_cap_word(prev, text)
            && lex.is_role_head(prev.text(text))
            && !c.headline
        {
            return Verdict::Person;
        }
    }
    // One word followed by a reporting verb: "Ortiz said".
    if let Some(next) = doc.tokens.get(first_tok + 1) {
        let n = next.text(text);
        // "the Ministry of Fisheries said" is an organisation speaking.
        let after_of = first_tok > 0
            && matches!(
                doc.tokens[first_tok - 1].text(text),
                "of" | "the" | "The" | "&" | "and" | "for"
            );
        if SPEECH_AFTER.contains(&n) && !looks_like_common_word(first) && !c.headline && !after_of {
            return Verdict::Person;
        }
    }
    Verdict::MaybeAlias
}

/// A capitalised ordinary word: adverbs, participles ("Trailing", "Reportedly").
fn looks_like_common_word(w: &str) -> bool {
    let l = w.to_lowercase();
    (l.ends_with("ly") || l.ends_with("ing") || l.ends_with("ed")) && l.len() > 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::names::candidates;

    fn verdicts(s: &str) -> Vec<(String, Verdict)> {
        let d = Document::new(s);
        candidates(&d)
            .iter()
            .map(|c| (c.words.join(" "), classify(&d, c)))
            .collect()
    }

    fn verdict_of(s: &str, name: &str) -> Verdict {
        verdicts(s)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .unwrap_or(Verdict::NotPerson)
    }

    #[test]
    fn people_on_their_own_evidence() {
        assert_eq!(
            verdict_of("We met French President Ana Ruiz.", "Ana Ruiz"),
            Verdict::Person
        );
        assert_eq!(verdict_of("He saw Dr. Ng there.", "Ng"), Verdict::Person);
        assert_eq!(
            verdict_of("He saw Tomasz Brzęczek there.", "Tomasz Brzęczek"),
            Verdict::Person
        );
        assert_eq!(
            verdict_of("Then J.D. Okafor left.", "J.D. Okafor"),
            Verdict::Person
        );
        assert_eq!(
            verdict_of("It is over, Okafor said.", "Okafor"),
            Verdict::Person
        );
    }

    #[test]
    fn places_orgs_days_are_not_people() {
        assert_eq!(
            verdict_of("They flew to Kyiv on Monday.", "Kyiv"),
            Verdict::NotPerson
        );
        assert_eq!(
            verdict_of("They flew on Monday.", "Monday"),
            Verdict::NotPerson
        );
        assert_eq!(
            verdict_of("He joined the Green Party.", "Green Party"),
            Verdict::NotPerson
        );
        assert_eq!(
            verdict_of("She met Polish officials.", "Polish"),
            Verdict::NotPerson
        );
        assert_eq!(
            verdict_of("The Secret Service came.", "Secret Service"),
            Verdict::NotPerson
        );
        assert_eq!(verdict_of("Ruiz left.", "Ruiz"), Verdict::MaybeAlias);
    }
}
