//! Context that makes a capitalised name the name of a thing: a company, a work, a product, a
//! place, a species or a character, rather than of a person.
//!
//! Input: a [`NameCandidate`] and its document. Output: [`ThingVotes`] for that one mention:
//! how strongly its context says "thing", and whether a description there says "person".
//! The people stage adds the votes of every mention of a name and weighs them against the
//! person-only contexts of [`super::evidence`], so one "shares of X" or "X, a utility"
//! outweighs a stray "X said" anywhere in the article.
//!
//! Rule families, each a section of `data/thing_cues.txt`:
//! - a company's legal form right after the name ("Norvik LLC"), or "shares of X";
//! - a noun phrase describing the name, as an appositive ("X, a mid-sized utility,") or a
//!   predicate ("X is a coming-of-age comedy"), or a class it belongs to ("films such as X"),
//!   whose head noun names a kind of thing (or, in `person_head`, a kind of person);
//! - a thing's noun right after the name ("X shares", "the X trademark"), or after its
//!   possessive ("X's board"); a verb only things take ("X premiered"), "X was founded";
//! - weak: a relative "which" ("X, which has since been sold"), the name right after "the"
//!   ("the Leviathan crashed"), or alone inside quotation marks
//!   as a title is ("“Rez Infinite”");
//! - an actor's role: "playing the chaos theorist X".
//!
//! Strong cues count [`STRONG`], weak ones (a determiner, quotation marks, a modifier noun)
//! count 1. Every look-around is bounded (at most [`DESCRIPTION_WINDOW`] tokens), so the cost
//! is linear in the number of mentions.
//!
//! Example: "Nordvik Kraft, a mid-sized Norwegian utility, said" → 2 thing votes;
//! "Ana Ruiz, a Finnish astrophysicist, said" → a person description.

use super::lexicon::lexicon;
use super::names::{is_cap_word, strip_possessive, NameCandidate};
use crate::text::{Document, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Votes a strong cue (a legal form, a describing noun, "shares of") gives.
pub const STRONG: u32 = 2;
/// How many tokens a description is read for its head noun.
pub const DESCRIPTION_WINDOW: usize = 12;
/// How many tokens a quoted title may hold besides the name.
const QUOTED_TITLE_EXTRA: usize = 4;

/// The sections of `data/thing_cues.txt`.
struct Cues {
    sections: HashMap<&'static str, HashSet<&'static str>>,
}

impl Cues {
    fn has(&self, section: &str, w: &str) -> bool {
        self.sections.get(section).is_some_and(|s| s.contains(w))
    }
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut sections: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
        for row in crate::lexicon::THING_CUES.ok_rows() {
            let Some(section) = row.section.filter(|s| !s.is_empty()) else {
                continue;
            };
            sections.entry(section).or_default().extend(row.words());
        }
        Cues { sections }
    })
}

/// Kinship and relation nouns, shared with [`super::evidence`].
fn is_relation_noun(w: &str) -> bool {
    super::evidence::relation_noun(w)
}

/// What one mention's context says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ThingVotes {
    /// Votes for "a thing, not a person".
    pub thing: u32,
    /// A description there names a kind of person ("X, a Finnish astrophysicist").
    pub person: bool,
    /// "the X": a determiner right before the name (weak; the people stage counts it once
    /// per name, since a person's name modifies nouns too: "the Ruiz email matter").
    pub determiner: bool,
}

/// The kind a describing noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Thing,
    Person,
}

/// A lower-case word's kind as the head of a description (plural -s stripped).
fn head_kind(w: &str) -> Option<Kind> {
    let c = cues();
    let lw = w.to_lowercase();
    let singular = lw
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| lw.strip_suffix('s').map(str::to_string));
    let forms = std::iter::once(lw.as_str()).chain(singular.as_deref());
    for f in forms {
        if c.has("person_head", f) || is_relation_noun(f) || lexicon().is_role_head(f) {
            return Some(Kind::Person);
        }
        if c.has("head", f) {
            return Some(Kind::Thing);
        }
    }
    None
}

crate::lexicon::word_set!(
    /// Words that end a description before its head noun is passed.
    DESCRIPTION_STOP,
    crate::lexicon::PEOPLE_GRAMMAR,
    "description_stop"
);

crate::lexicon::word_set!(
    /// Finite verbs that, right after an appositive's noun phrase, make it a clause's subject.
    CLAUSE_VERBS,
    crate::lexicon::PEOPLE_GRAMMAR,
    "clause_verbs"
);

crate::lexicon::word_set!(
    /// Determiners that open a describing noun phrase.
    DESCRIPTION_DET,
    crate::lexicon::PEOPLE_GRAMMAR,
    "description_det"
);

crate::lexicon::word_set!(
    /// Adverbs allowed between a copula and its predicate ("is currently a …").
    COPULA_ADVERBS,
    crate::lexicon::PEOPLE_GRAMMAR,
    "copula_adverbs"
);

struct Ctx<'d, 'a> {
    doc: &'d Document<'a>,
}

impl Ctx<'_, '_> {
    fn tok(&self, i: usize) -> Option<&str> {
        self.doc.tokens.get(i).map(|t| t.text(self.doc.text))
    }

    fn lower_word(&self, i: usize) -> Option<&str> {
        let t = self.doc.tokens.get(i)?;
        let s = t.text(self.doc.text);
        (t.kind == TokenKind::Word && s.chars().next().is_some_and(char::is_lowercase)).then_some(s)
    }

    fn is_quote_mark(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|s| matches!(s, "“" | "”" | "\"" | "‘" | "’" | "«" | "»"))
    }

    /// The kind the noun phrase opening at token `j` (its determiner) names, read to its head.
    /// An appositive (`appositive`) must not run into a verb: "For Ruiz, the format was not
    /// ideal" opens a new clause.
    fn description_at(&self, j: usize, appositive: bool) -> Option<Kind> {
        let det = self.tok(j)?.to_lowercase();
        if !DESCRIPTION_DET.contains(&det.as_str()) {
            return None;
        }
        // "one of the best films": the head is after "of"; leave such phrases alone.
        let mut head: Option<&str> = None;
        let mut seen = 0;
        for k in j + 1..(j + 1 + DESCRIPTION_WINDOW).min(self.doc.tokens.len()) {
            let t = &self.doc.tokens[k];
            let s = t.text(self.doc.text);
            if t.kind != TokenKind::Word {
                if s == "," && head.is_some_and(|h| head_kind(h).is_none()) {
                    continue;
                }
                if s == "-" {
                    continue;
                }
                break;
            }
            let lw = s.to_lowercase();
            // "Wang, the New York-based group Rights Watch said": the phrase is the subject of
            // an inverted reporting clause, not a description of the name before it.
            if matches!(lw.as_str(), "said" | "says" | "told" | "added" | "reported") {
                return None;
            }
            if DESCRIPTION_STOP.contains(&lw.as_str()) {
                if appositive && CLAUSE_VERBS.contains(&lw.as_str()) {
                    return None;
                }
                break;
            }
            if head.is_some_and(|h| head_kind(h).is_some())
                && s.chars().next().is_some_and(char::is_uppercase)
            {
                return None;
            }
            if seen > 0 && lw.ends_with("ing") && head.is_some_and(|h| head_kind(h).is_some()) {
                break;
            }
            seen += 1;
            if s.chars().next().is_some_and(char::is_lowercase) {
                head = Some(s);
            } else if s.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
        }
        head.and_then(head_kind)
    }
}

/// The thing votes of one mention.
pub fn votes(doc: &Document, c: &NameCandidate) -> ThingVotes {
    let (Some(&first), Some(&last)) = (c.core.first(), c.core.last()) else {
        return ThingVotes::default();
    };
    let x = Ctx { doc };
    let cu = cues();
    let mut v = ThingVotes::default();
    let strong = |v: &mut ThingVotes| v.thing += STRONG;
    let last_text = x.tok(last).unwrap_or("");
    let possessive =
        strip_possessive(last_text).1 || x.tok(last + 1).is_some_and(|n| matches!(n, "'s" | "’s"));
    let after = if x.tok(last + 1).is_some_and(|n| matches!(n, "'s" | "’s")) {
        last + 2
    } else {
        last + 1
    };
    let next = x.tok(after);
    let prev = first.checked_sub(1).and_then(|p| x.tok(p));
    let prev_lower = prev.map(str::to_lowercase);

    // "Norvik LLC", "Kessler GmbH": a company's legal form.
    if !possessive && next.is_some_and(|n| cu.has("suffix", n)) {
        strong(&mut v);
    }
    // "shares of X", "a stake in X".
    if matches!(prev_lower.as_deref(), Some("of" | "in"))
        && first >= 2
        && x.tok(first - 2)
            .map(str::to_lowercase)
            .is_some_and(|w| matches!(w.as_str(), "shares" | "stake" | "stock"))
    {
        strong(&mut v);
    }
    if possessive {
        // "X's board", "X's shareholders".
        if x.lower_word(after).is_some_and(|n| cu.has("possessed", n)) {
            strong(&mut v);
        }
    } else if let Some(n) = x.lower_word(after) {
        // "X shares", "the X trademark": the name modifies a thing's noun.
        if cu.has("modifier", n) {
            v.thing += 1;
        }
        // "X premiered in May", "X is streaming on": used without an object ("X premiered
        // his film" is a person's doing), verbs only things take.
        let intransitive = |k: usize| {
            !x.lower_word(k + 1)
                .is_some_and(|o| DESCRIPTION_DET.contains(&o) || o == "this" || o == "these")
        };
        if cu.has("after", n) && intransitive(after) {
            strong(&mut v);
        }
        // "X will air on PBS": a modal, then the base form of such a verb.
        if matches!(n, "will" | "would" | "could" | "may" | "might" | "should")
            && x.lower_word(after + 1)
                .is_some_and(|w| cu.has("after_modal", w))
            && intransitive(after + 1)
        {
            strong(&mut v);
        }
        let mut k = after;
        let mut aux = 0;
        while aux < 3
            && x.lower_word(k).is_some_and(|w| {
                matches!(w, "was" | "is" | "has" | "had" | "been" | "were" | "are")
                    || COPULA_ADVERBS.contains(&w)
            })
        {
            k += 1;
            aux += 1;
        }
        if aux > 0
            && x.lower_word(k)
                .is_some_and(|w| cu.has("founded", w) || cu.has("after", w))
            && intransitive(k)
        {
            strong(&mut v);
        }
        // "X is a coming-of-age comedy", "X was the rare movie that …".
        if matches!(n, "is" | "was" | "remains" | "are" | "were") {
            let mut k = after + 1;
            while x.lower_word(k).is_some_and(|w| COPULA_ADVERBS.contains(&w)) {
                k += 1;
            }
            match x.description_at(k, false) {
                Some(Kind::Thing) => strong(&mut v),
                Some(Kind::Person) => v.person = true,
                None => {}
            }
        }
    } else if next == Some(",") {
        // "X, which has since been sold".
        // Weak: "announced by Premier Ana Ruiz, which offers loans" (the plan offers them).
        if x.lower_word(after + 1) == Some("which") {
            v.thing += 1;
        }
        // "X, a mid-sized utility," / "X, a Finnish astrophysicist,".
        match x.description_at(after + 1, true) {
            Some(Kind::Thing) => strong(&mut v),
            Some(Kind::Person) => v.person = true,
            None => {}
        }
    }
    // "the Leviathan crashed": a determiner right before the name (not before a title).
    if c.lead.is_empty()
        && c.honorific.is_none()
        && matches!(prev, Some("the" | "The"))
        && !x
            .lower_word(after)
            .is_some_and(|n| cu.has("person_modifier", &strip_possessive(n).0.to_lowercase()))
    {
        v.determiner = true;
    }
    // "“Rez Infinite”": a name alone inside quotation marks, as titles are written.
    if c.honorific.is_none() && first > 0 && x.is_quote_mark(first - 1) {
        let mut k = last + 1;
        let mut extra = 0;
        while extra <= QUOTED_TITLE_EXTRA {
            match doc.tokens.get(k) {
                Some(t) if x.is_quote_mark(k) => {
                    let _ = t;
                    v.thing += 1;
                    break;
                }
                Some(t)
                    if t.kind == TokenKind::Word
                        && (is_cap_word(t, doc.text)
                            || t.text(doc.text).chars().all(|c| c.is_alphanumeric())
                                && t.text(doc.text).chars().any(|c| c.is_ascii_digit())
                            || t.text(doc.text).chars().all(char::is_uppercase)) => {}
                Some(t) if matches!(t.text(doc.text), "," | "." | "!" | "?" | ":") => {}
                _ => break,
            }
            k += 1;
            extra += 1;
        }
    }
    // "films such as X", "games like X", "films including X": the class it belongs to.
    let class_noun = class_noun_before(&x, list_start(&x, first));
    if let Some(k) = class_noun {
        if let Some(w) = x.lower_word(k).filter(|w| w.ends_with('s')) {
            match head_kind(w) {
                Some(Kind::Thing) => strong(&mut v),
                Some(Kind::Person) => v.person = true,
                None => {}
            }
        }
    }
    // "playing the chaos theorist X": an actor's role.
    if c.honorific.is_none() {
        let mut k = first;
        let mut words = 0;
        while k > 0 && words < 4 && x.lower_word(k - 1).is_some() {
            k -= 1;
            words += 1;
            let w = x.lower_word(k).unwrap_or("");
            if DESCRIPTION_DET.contains(&w)
                && k > 0
                && x.lower_word(k - 1).is_some_and(|p| cu.has("plays", p))
            {
                strong(&mut v);
                break;
            }
        }
    }
    v
}

/// How many tokens of a list of names ("The Wise Kids and X") are read back to its opener.
const LIST_WINDOW: usize = 12;

/// Where the list that ends at `first` starts: "films such as A, B and X" read from X goes
/// back over the earlier names (capitalised words, "the", "of", possessives) and their
/// separators to A; a name outside such a list starts at itself.
fn list_start(x: &Ctx, first: usize) -> usize {
    let sep = |k: usize| matches!(x.tok(k), Some("," | "and" | "or"));
    if first == 0 || !sep(first - 1) {
        return first;
    }
    let mut k = first;
    let mut start = first;
    while k > 0 && first - k < LIST_WINDOW {
        let t = &x.doc.tokens[k - 1];
        let s = t.text(x.doc.text);
        let in_list = sep(k - 1)
            || is_cap_word(t, x.doc.text)
            || matches!(s, "the" | "of" | "'s" | "’s" | "a" | "an");
        if !in_list {
            break;
        }
        k -= 1;
        if is_cap_word(t, x.doc.text) {
            start = k;
        }
    }
    start
}

/// The class noun before a name (or the list it ends) introduced by "like", "including",
/// "such as": the token index of "films" in "films such as X".
fn class_noun_before(x: &Ctx, first: usize) -> Option<usize> {
    let prev = first
        .checked_sub(1)
        .and_then(|p| x.tok(p))
        .map(str::to_lowercase);
    match prev.as_deref() {
        Some("like" | "including") => first.checked_sub(2),
        Some("as") if first >= 2 && x.lower_word(first - 2) == Some("such") => first.checked_sub(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::names::candidates;

    fn votes_of(s: &str, name: &str) -> ThingVotes {
        let d = Document::new(s);
        let c = candidates(&d)
            .into_iter()
            .find(|c| c.words.join(" ") == name)
            .unwrap_or_else(|| panic!("no candidate {name} in {s}"));
        votes(&d, &c)
    }

    #[test]
    fn companies_by_legal_form_shares_and_parts() {
        assert_eq!(votes_of("Then Norvik LLC sued.", "Norvik").thing, STRONG);
        assert!(votes_of("Shares of Vanta Sound rose.", "Vanta Sound").thing >= STRONG);
        assert!(votes_of("He said Vanta's board agreed.", "Vanta").thing >= STRONG);
        assert_eq!(
            votes_of("Then Vanta Sound shares fell.", "Vanta Sound").thing,
            1
        );
        assert!(
            votes_of("He said Kessler Gear was founded in 1952.", "Kessler Gear").thing >= STRONG
        );
        assert_eq!(
            votes_of(
                "Then Kessler Gear, which makes pumps, left.",
                "Kessler Gear"
            )
            .thing,
            1
        );
    }

    #[test]
    fn descriptions_name_a_kind() {
        assert_eq!(
            votes_of(
                "Then Nordvik Kraft, a mid-sized Norwegian utility, said no.",
                "Nordvik Kraft"
            )
            .thing,
            STRONG
        );
        assert_eq!(
            votes_of(
                "Then Sunny Days is a twisted and dark comedy.",
                "Sunny Days"
            )
            .thing,
            STRONG
        );
        assert!(
            votes_of(
                "Then Pale Harbour is his most accomplished film yet.",
                "Pale Harbour"
            )
            .thing
                >= STRONG
        );
        assert!(
            votes_of(
                "He loved films such as Pale Harbour and more.",
                "Pale Harbour"
            )
            .thing
                >= STRONG
        );
        let p = votes_of(
            "Then Ana Ruiz, a Finnish astrophysicist, said no.",
            "Ana Ruiz",
        );
        assert_eq!(p.thing, 0);
        assert!(p.person);
        // "a company director" is a person: the head is the last noun.
        let p = votes_of("Then Ana Ruiz, a company director, said no.", "Ana Ruiz");
        assert_eq!(p.thing, 0);
        assert!(p.person);
        // A fronted phrase before a new clause is no description.
        assert_eq!(
            votes_of("For Tomas Hale, the format was not ideal.", "Tomas Hale"),
            ThingVotes::default()
        );
        // A head we do not know decides nothing ("a bank robber").
        assert_eq!(
            votes_of("Then Tomas Hale, a bank robber, fled.", "Tomas Hale"),
            ThingVotes::default()
        );
    }

    #[test]
    fn titles_determiners_and_roles() {
        assert_eq!(
            votes_of("We played “Rez Infinite” for hours.", "Rez Infinite").thing,
            1
        );
        assert_eq!(
            votes_of("We played “Rez Infinite VR” a lot.", "Rez Infinite").thing,
            1
        );
        assert!(votes_of("Then the Leviathan crashed.", "Leviathan").determiner);
        assert!(votes_of("Then Pale Harbour premiered in May.", "Pale Harbour").thing >= STRONG);
        assert_eq!(
            votes_of("Then Tomas Hale premiered his film.", "Tomas Hale").thing,
            0
        );
        assert!(!votes_of("It recalled the Tomas Hale case.", "Tomas Hale").determiner);
        assert_eq!(
            votes_of(
                "Police held Tomas Hale, the Lisbon-based group Open Doors said.",
                "Tomas Hale"
            ),
            ThingVotes::default()
        );
        assert!(
            votes_of(
                "Goldblum, playing the chaos theorist Ian Malcolm, won.",
                "Ian Malcolm"
            )
            .thing
                >= STRONG
        );
    }

    #[test]
    fn people_contexts_give_no_thing_votes() {
        for (s, n) in [
            ("It is over, Tomas Hale said.", "Tomas Hale"),
            ("We met Tomas Hale, who was there.", "Tomas Hale"),
            ("The Hale family left.", "Hale"),
            ("Then Tomas Hale was born in 1952.", "Tomas Hale"),
            ("He said Tomas Hale's wife agreed.", "Tomas Hale"),
            ("Then Tomas Hale support grew.", "Tomas Hale"),
            (
                "The talks “with Tomas Hale went well”, he said.",
                "Tomas Hale",
            ),
            ("Fans of players like Tomas Hale cheered.", "Tomas Hale"),
        ] {
            let v = votes_of(s, n);
            assert!(v.thing <= 1, "{s}: {v:?}");
            if !s.contains("support") {
                assert_eq!(v.thing, 0, "{s}: {v:?}");
            }
        }
    }
}
