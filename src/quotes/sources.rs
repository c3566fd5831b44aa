//! Speakers that are not people: documents and their authors, and unnamed individuals.
//!
//! Input: a speaker phrase the attribution found that names no person. Output: what the
//! reader should be shown as its speaker.
//!
//! - A document ("the report", "the tweet from Vulture magazine": a head noun from
//!   `data/source_nouns.txt`) speaks for its author. The author is read from the phrase
//!   itself ("the tweet from Vulture magazine", "Stanford's report"), else, for a definite
//!   phrase ("the report", "this study"), from the last earlier mention of the same noun
//!   that names one ("a new report released on Monday by Stanford University's Center on
//!   Poverty and Inequality"). A person named as the author is the speaker. With no author
//!   in the text, the phrase as written stays the speaker.
//! - "the group", "the company" is the organisation named just before ("Energy Control’s
//!   service …, the group promised").
//! - A phrase choosing an anonymous member of a group ("one user", "another resident") or
//!   an indefinite pronoun ("someone") identifies no one: the quote has no speaker to show,
//!   though `speaker_span` still marks where it is attributed. "A petrol attendant" keeps
//!   its description as the speaker; so does an unnamed publication ("one trade publication").

use super::cues::is_cue;
use super::speakers::{Finder, Np};
use crate::people::lexicon::lexicon;
use crate::people::names::{is_function_word, strip_possessive};
use crate::span::Span;
use crate::text::TokenKind;
use std::collections::HashSet;
use std::sync::OnceLock;

/// How far after a document noun its author may be introduced ("report released on
/// Monday by X" is four tokens).
const AUTHOR_AFTER: usize = 6;
/// How many sentences back a definite document phrase looks for the mention that
/// introduced it. An article introduces its report once and refers to it for paragraphs.
const INTRO_SENTENCES: usize = 30;
/// Longest author name read, in tokens ("Stanford University's Center on Poverty and
/// Inequality" is 8 with its possessive).
const MAX_AUTHOR: usize = 10;

fn source_nouns() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::lexicon::SOURCE_NOUNS.word_set(None))
}

/// Is `w` (any case, possessive allowed) a document or message noun?
pub fn is_source_noun(w: &str) -> bool {
    source_nouns().contains(strip_possessive(w).0.to_lowercase().as_str())
}

/// Who a speaker phrase stands for when it names no person.
#[derive(Debug, Clone, PartialEq)]
pub enum Stands {
    /// Show this text (and this person, when the author is one).
    Author(String, Option<usize>),
    /// The phrase identifies no one: no speaker to show.
    Nobody,
    /// Keep the phrase as written.
    AsWritten,
}

crate::lexicon::word_set!(
    /// Words that make a phrase pick out someone the text does not name: the indefinite
    /// pronouns, and "one"/"another" choosing an anonymous member of a group ("one user",
    /// "another resident": one of the users). "A petrol attendant" is not here: the
    /// article introduces a speaker by what they are, and that description is worth showing.
    INDEFINITE,
    crate::lexicon::QUOTE_GRAMMAR,
    "indefinite"
);

/// What a group phrase (no person) spanning tokens `first..=last` stands for.
pub fn stands_for(f: &Finder, np: &Np) -> Stands {
    let first = f.tok(np.first).to_lowercase();
    let last = f.tok(np.last);
    let head_lower = last.chars().next().is_some_and(char::is_lowercase);
    // "one user", "someone": a person the text does not name, so no speaker. An
    // indefinite publication or document ("one trade publication", "another report") is
    // still a source the reader can weigh, so it is kept as written.
    let head_is_source = ORG_NOUNS.contains(&last.to_lowercase().as_str()) || is_source_noun(last);
    if INDEFINITE.contains(&first.as_str()) && head_lower && !head_is_source {
        return Stands::Nobody;
    }
    let definite = matches!(first.as_str(), "the" | "this" | "that" | "its");
    // "the group", "the company": the organisation named last before, in this sentence or
    // the two before it.
    if definite && np.last == np.first + 1 && ORG_NOUNS.contains(&last.to_lowercase().as_str()) {
        if let Some(name) = organisation_named_before(f, np.first) {
            return Stands::Author(name, None);
        }
        return Stands::AsWritten;
    }
    // The document noun: the phrase's head, or the noun before "from"/"by" inside it.
    let Some(noun) = (np.first..=np.last).find(|&k| is_source_noun(f.tok(k))) else {
        return Stands::AsWritten;
    };
    if let Some(a) = author_near(f, noun) {
        return a;
    }
    if !definite {
        return Stands::AsWritten;
    }
    intro_author(f, noun).unwrap_or(Stands::AsWritten)
}

crate::lexicon::word_set!(
    /// Nouns that refer back to an organisation ("the group said").
    ORG_NOUNS,
    crate::lexicon::QUOTE_GRAMMAR,
    "org_nouns"
);

/// How many sentences back "the group" looks for the organisation it refers to.
const ORG_SENTENCES: usize = 2;

/// The last organisation named before token `at`, outside quotation marks, in its
/// sentence or the [`ORG_SENTENCES`] before: one the people stage found, or a run of
/// capitalised words with an organisation word in it ("Energy Control’s service").
fn organisation_named_before(f: &Finder, at: usize) -> Option<String> {
    let start = f.doc.tokens.get(at)?.span.start;
    let si = f.doc.sentence_at(start)?;
    let lo = f.doc.sentence_tokens[si.saturating_sub(ORG_SENTENCES)].start;
    let from_entities = f.organisation_before(start).map(str::to_string);
    let lex = lexicon();
    let mut k = at;
    while k > lo {
        k -= 1;
        if !is_name_word(f, k) || f.idx.mention_at[k].is_some() {
            continue;
        }
        let b = k;
        let mut a = k;
        while a > lo && is_name_word(f, a - 1) && f.idx.mention_at[a - 1].is_none() {
            a -= 1;
        }
        // A lone capital opening its sentence proves nothing.
        let opens = f.doc.sentence_tokens.iter().any(|r| r.start == a);
        if (a..=b).any(|x| lex.is_org_word(strip_possessive(f.tok(x)).0)) && !(opens && a == b) {
            let found = author(f, a, b);
            if let Stands::Author(text, _) = found {
                // The entity list knows better where a name mentioned later starts.
                return match from_entities {
                    Some(e) if f.doc.text[f.doc.tokens[b].span.end..start].contains(&e) => Some(e),
                    _ => Some(text),
                };
            }
        }
        k = a;
    }
    from_entities
}

/// The author named at document noun `noun`: "X's report", "a report by X", "the report
/// released Monday by X". Reading after the noun stops at punctuation or a reporting verb,
/// so "the report said by Friday" names no author.
fn author_near(f: &Finder, noun: usize) -> Option<Stands> {
    // "Stanford's report", "the Stanford report": a capitalised name right before the noun.
    if noun > 0 {
        let b = noun - 1;
        let w = f.tok(b);
        if is_name_word(f, b) && (has_possessive(w) || !lexicon().is_not_name(w)) {
            let mut a = b;
            while a > 0 && noun - a < MAX_AUTHOR && is_name_word(f, a - 1) {
                a -= 1;
            }
            return Some(author(f, a, b));
        }
    }
    let n = f.doc.tokens.len();
    for k in noun + 1..(noun + 1 + AUTHOR_AFTER).min(n) {
        if f.doc.tokens[k].kind == TokenKind::Punct || f.idx.in_quote[k] || is_cue(f.tok(k)) {
            return None;
        }
        if matches!(f.tok(k), "by" | "from") {
            let a = k + 1;
            if a < n && is_name_word(f, a) {
                return Some(author(f, a, author_end(f, a)));
            }
            return None;
        }
    }
    None
}

/// The last earlier mention of the same document noun that names its author.
fn intro_author(f: &Finder, noun: usize) -> Option<Stands> {
    let want = strip_possessive(f.tok(noun)).0.to_lowercase();
    let start = f.doc.tokens[noun].span.start;
    let si = f.doc.sentence_at(start)?;
    let lo = f.doc.sentence_tokens[si.saturating_sub(INTRO_SENTENCES)].start;
    (lo..noun)
        .rev()
        .filter(|&k| !f.idx.in_quote[k])
        .filter(|&k| strip_possessive(f.tok(k)).0.to_lowercase() == want)
        .find_map(|k| author_near(f, k))
}

/// A capitalised word outside quotation marks that is not grammar ("The", "From").
fn is_name_word(f: &Finder, k: usize) -> bool {
    let w = f.tok(k);
    f.doc
        .tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && !f.idx.in_quote[k]
        && w.chars().next().is_some_and(char::is_uppercase)
        && !is_function_word(strip_possessive(w).0)
}

fn has_possessive(w: &str) -> bool {
    strip_possessive(w).1
}

/// Where an author's name that starts at `a` ends: capitalised words, joined by the
/// lower-case words of institution names ("Center on Poverty and Inequality"), then an
/// organisation noun written in lower case ("Vulture magazine").
fn author_end(f: &Finder, a: usize) -> usize {
    let mut b = a;
    let mut k = a + 1;
    while k < f.doc.tokens.len() && k - a < MAX_AUTHOR {
        if is_name_word(f, k) {
            b = k;
        } else if !matches!(
            f.tok(k),
            "of" | "on" | "and" | "for" | "the" | "&" | "'s" | "’s"
        ) {
            break;
        }
        k += 1;
    }
    if b + 1 < f.doc.tokens.len() && lexicon().is_org_word(&capitalised(f.tok(b + 1))) {
        b += 1;
    }
    b
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|x| x.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The author spanning tokens `a..=b`: its text, and the person a mention inside names.
fn author(f: &Finder, a: usize, b: usize) -> Stands {
    let person = (a..=b).find_map(|k| f.idx.mention_at[k]);
    let end = strip_possessive(f.tok(b)).0.len();
    let span = Span::new(f.doc.tokens[a].span.start, f.doc.tokens[b].span.start + end);
    let text = f.doc.slice(span);
    let text = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text);
    Stands::Author(text.to_string(), person)
}

#[cfg(test)]
mod tests {
    fn speakers(text: &str) -> Vec<Option<String>> {
        crate::quotes::direct_quotes(text)
            .into_iter()
            .map(|q| q.speaker_text)
            .collect()
    }

    #[test]
    fn a_definite_report_speaks_for_the_author_that_introduced_it() {
        let s = speakers(
            "A new report released on Monday by Stanford University's Center on Poverty and \
             Inequality calls that into question. The report assessed poverty levels. \
             As the report states: \"The birth lottery matters more here than elsewhere.\"",
        );
        assert_eq!(
            s,
            vec![Some(
                "Stanford University's Center on Poverty and Inequality".into()
            )]
        );
    }

    #[test]
    fn a_document_with_its_author_inside_the_phrase() {
        let s = speakers("The tweet from Vulture magazine reads, “Show interrupted by fans.”");
        assert_eq!(s, vec![Some("Vulture magazine".into())]);
    }

    #[test]
    fn a_report_no_one_is_named_for_stays_as_written() {
        let s = speakers("The report said: “Costs rose by half over the decade.”");
        assert_eq!(s, vec![Some("The report".into())]);
    }

    #[test]
    fn the_group_is_the_organisation_named_before() {
        let s = speakers(
            "In the post announcing Energy Control’s service, the group promised that \
             “All profits of this service are set aside.”",
        );
        assert_eq!(s, vec![Some("Energy Control".into())]);
    }

    #[test]
    fn an_organisation_subject_speaks_through_a_coordinated_verb() {
        let s = speakers(
            "In the midst of the fear, Uber stepped in and tweeted this announcement: \
             “We are all concerned with events in the city.”",
        );
        assert_eq!(s, vec![Some("Uber".into())]);
    }

    #[test]
    fn an_indefinite_speaker_is_no_one_to_show() {
        let s = speakers("“He is a gift to this community,” one user wrote on the forum.");
        assert_eq!(s, vec![None]);
    }
}
