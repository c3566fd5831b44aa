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
use std::collections::HashSet;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A person on the candidate's own evidence.
    Person,
    /// One word that is a person only if it names someone found elsewhere ("Ruiz").
    MaybeAlias,
    /// One word that is usually a place or an organisation, but may be the surname of a
    /// person the text names in full ("Washington" after "Kim Washington").
    SurnameOnly,
    NotPerson,
}

/// Lower-case nouns that turn the name before them into the name of a thing ("… airport"):
/// `data/named_after.txt`.
static NAMED_AFTER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::NAMED_AFTER.word_set(None));

crate::lexicon::word_set!(
    /// Reporting verbs that, right after a lone capitalised word, make it a speaker ("Ortiz said").
    SPEECH_AFTER,
    crate::lexicon::PEOPLE_GRAMMAR,
    "speech_after"
);

pub fn classify(doc: &Document, c: &NameCandidate) -> Verdict {
    let lex = lexicon();
    let text = doc.text;
    let w: Vec<&str> = c.words.iter().map(String::as_str).collect();
    let Some(&last) = w.last() else {
        return Verdict::NotPerson;
    };
    let first = w[0];
    // "Ontario-based", "Ana Ruiz-led": a modifier, not a name.
    if w.iter().any(|x| {
        let l = x.to_lowercase();
        l.ends_with("-based")
            || l.ends_with("-led")
            || l.ends_with("-owned")
            || l.ends_with("-born")
            || l.ends_with("-era")
    }) {
        return Verdict::NotPerson;
    }
    // "Charles de Gaulle airport": a name used to name a place or a thing.
    if let Some(next) = c.core.last().and_then(|&l| doc.tokens.get(l + 1)) {
        if NAMED_AFTER.contains(next.text(text)) {
            return Verdict::NotPerson;
        }
    }
    if w.len() == 1 && lex.is_not_name(first) {
        return Verdict::NotPerson;
    }
    if w.len() == 1 && (lex.is_non_person_word(first) || lex.honorific(first).is_some()) {
        return Verdict::SurnameOnly;
    }
    // An organisation or place word at the end decides: "Grace Road", "Ortiz Foundation".
    if lex.is_org_word(last) || lex.is_place(last) && !(w.len() >= 2 && lex.is_given(first)) {
        return Verdict::NotPerson;
    }
    // "Michael Green": after a known given name, a word that is also a colour, a party or a
    // nationality is a surname.
    let given_first = w.len() >= 2 && lex.is_given(first);
    if w.iter().enumerate().any(|(i, x)| {
        !(given_first && i > 0)
            && (lex.is_nationality(x) || lex.is_role_head(x) && !lex.is_given(x))
    }) {
        return Verdict::NotPerson;
    }
    // The title must sit right before the name ("Major League Baseball" has none).
    let has_title = c.lead.last().is_some_and(|&t| {
        let s = doc.tokens[t].text(text);
        lex.is_role_head(s) || lex.is_title_abbr(s)
    });
    if c.honorific.is_some() || has_title {
        return Verdict::Person;
    }
    // "Someone named Man Haron Monis": the text gives it as a name, ordinary words and all.
    if c.named && w.len() >= 2 {
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
            && !super::evidence::role_word_is_verb(doc, first_tok)
        {
            return Verdict::Person;
        }
    }
    // Sports scorecards: "c Ortiz b Hale", bowling figures "Hale 8-0-39-3".
    if first_tok > 0 && !c.headline {
        let prev = doc.tokens[first_tok - 1].text(text);
        if matches!(prev, "b" | "c" | "st" | "lbw") {
            return Verdict::Person;
        }
    }
    if let Some(next) = doc.tokens.get(first_tok + 1) {
        let n = next.text(text);
        if n.split('-').count() == 4
            && n.split('-')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
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

/// Whether a multi-word name the rules rejected only for one of its words (a place or a role
/// word: "Billie Jean King", "Kim Washington") is a person after all because this mention
/// takes context only people take ("captain Billie Jean King said"). Organisation words,
/// "-based" modifiers and "… airport" stay decisive: they say what the whole name is.
pub fn rescued_by_context(doc: &Document, c: &NameCandidate) -> bool {
    let lex = lexicon();
    let (Some(last), true) = (c.words.last(), c.words.len() >= 2) else {
        return false;
    };
    if lex.is_org_word(last) || c.headline || c.words.iter().any(|x| x.contains('-')) {
        return false;
    }
    let next = c.core.last().and_then(|&l| doc.tokens.get(l + 1));
    if next.is_some_and(|n| NAMED_AFTER.contains(n.text(doc.text))) {
        return false;
    }
    super::evidence::person_context(doc, c)
}

/// A lone word the rules reject outright ("King", a title; "Justice") that ends a name the
/// text gives a person in full ("Billie Jean King") may be that person's surname: it
/// becomes [`Verdict::SurnameOnly`], which only the surname of someone named in full turns
/// into a person (the alias stage decides which one, by recency).
pub fn surnames_of_people(cands: &[NameCandidate], verdicts: &mut [Verdict]) {
    let surnames: HashSet<&str> = cands
        .iter()
        .zip(verdicts.iter())
        .filter(|(c, v)| **v == Verdict::Person && c.words.len() >= 2)
        .filter_map(|(c, _)| c.words.last().map(String::as_str))
        .collect();
    for (c, v) in cands.iter().zip(verdicts.iter_mut()) {
        if *v == Verdict::NotPerson
            && c.words.len() == 1
            && !c.headline
            && surnames.contains(c.words[0].as_str())
            // A weekday or a month after a name is a date glued to it, not its surname.
            && c.words[0].parse::<chrono::Weekday>().is_err()
            && c.words[0].parse::<chrono::Month>().is_err()
        {
            *v = Verdict::SurnameOnly;
        }
    }
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
            Verdict::SurnameOnly
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
            Verdict::SurnameOnly
        );
        assert_eq!(
            verdict_of("Ortiz c Hale b Moss 12", "Moss"),
            Verdict::Person
        );
        assert_eq!(
            verdict_of("Bowling : Moss 8-0-39-3", "Moss"),
            Verdict::Person
        );
        assert_eq!(
            verdict_of("The Secret Service came.", "Secret Service"),
            Verdict::NotPerson
        );
        assert_eq!(verdict_of("Ruiz left.", "Ruiz"), Verdict::MaybeAlias);
    }
}
