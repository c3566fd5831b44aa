//! Event words: which words of a passage name a happening, whether the reference is
//! definite, and the article's salient event.
//!
//! Input: word tokens and the WordNet event groups (`checks::event_groups`). Output:
//! lemmas in the groups' notation (nouns plain, verbs `+verb`) plus a bare stem `~stem`
//! for every -ed/-ing word, so "signed" and "the signing" meet even when WordNet lists
//! neither. Example: in "Thursday's robbery took place" the event word is "robbery",
//! definite (a possessive determines it); in "the final whistle" no event is named
//! ("final" modifies the noun after it).

use crate::checks::event_groups;
use crate::text::{Document, Token};
use std::collections::HashMap;
use std::sync::LazyLock;

crate::lexicon::word_set!(
    /// Words that may follow an event noun without making it a modifier of a noun after it
    /// ("the robbery took place", "the final was played"; but "the final whistle").
    pub AFTER_HEAD,
    crate::lexicon::FACT_GRAMMAR,
    "after_event_head"
);

crate::lexicon::word_set!(
    /// Words that make the noun after them a definite reference.
    DEFINITE,
    crate::lexicon::FACT_GRAMMAR,
    "definite_determiners"
);

/// The entry of an event phrase or attendance noun (`data/event_phrases.tsv`), keyed
/// by its words.
static PHRASES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    crate::lexicon::EVENT_PHRASES
        .ok_rows()
        .map(|r| (r.col(0), r.col(1)))
        .collect()
});

/// The entry for attendance nouns: the people present at the event the article tells.
pub const ATTENDANCE: &str = "@attendance";

/// The event a one- or two-word phrase names outright ("final days" → "+die", "crowd"
/// → [`ATTENDANCE`]).
pub fn phrase(words: &str) -> Option<&'static str> {
    PHRASES.get(words.to_lowercase().as_str()).copied()
}

/// The event lemmas one word names in context (`next` is the word after it, if a word).
pub fn words_of(w: &str, next: Option<&str>) -> Vec<String> {
    let lower = w.to_lowercase();
    let mut out = Vec::new();
    if let Some(e) = next.and_then(|n| phrase(&format!("{lower} {n}"))) {
        out.push(e.to_string());
        return out;
    }
    if let Some(e) = phrase(&lower) {
        out.push(e.to_string());
    }
    let modifier = next.is_some_and(|n| {
        // A participle or adverb after the noun starts its predicate or a reduced
        // relative ("a deal valued at", "the robbery reportedly"), not a compound.
        n.chars().next().is_some_and(|c| c.is_lowercase())
            && !AFTER_HEAD.contains(&n)
            && !n.ends_with("ed")
            && !n.ends_with("ly")
    });
    if lower.chars().count() >= 4 && !modifier {
        if let Some(l) = event_groups::lemma(&lower).filter(|l| !l.starts_with('+')) {
            out.push(l);
        }
    }
    if let Some(v) = event_groups::verb_lemma(&lower) {
        out.push(v);
    }
    if let Some(s) = stem(&lower) {
        out.push(format!("~{s}"));
    }
    out
}

/// The bare stem of an -ed/-ing word ("signing", "signed" → "sign"; "closed", "closing"
/// → "clos"), `None` for other words and short stems.
pub fn stem(lower: &str) -> Option<String> {
    let base = lower
        .strip_suffix("ing")
        .or_else(|| lower.strip_suffix("ed"))?;
    let base = base.strip_suffix('e').unwrap_or(base);
    let mut chars: Vec<char> = base.chars().collect();
    if chars.len() >= 4 && chars[chars.len() - 1] == chars[chars.len() - 2] {
        chars.pop();
    }
    (chars.len() >= 3 && chars.iter().all(|c| c.is_alphabetic()))
        .then(|| chars.into_iter().collect())
}

/// Two lemma lists name one kind of event: a shared WordNet group, an equal word, or an
/// equal bare stem.
pub fn related(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            if x.starts_with('@') || y.starts_with('@') {
                return x == y;
            }
            let (xs, ys) = (x.starts_with('~'), y.starts_with('~'));
            if xs || ys {
                xs && ys && x == y
            } else {
                event_groups::related(x, y)
            }
        })
    })
}

/// Two lemma lists share a word: the same noun, verb entry or bare stem (no WordNet
/// neighbour).
pub fn same_word(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// Whether the word before a noun makes it definite ("the", "its", "Thursday's").
pub fn determines(prev: &str) -> bool {
    DEFINITE.contains(&prev.to_lowercase().as_str()) || prev.ends_with("'s") || prev.ends_with("’s")
}

/// The article's salient event: the event nouns of its first sentence (the lede tells
/// what happened), and the definite event nouns of the first paragraph that nothing
/// earlier introduced ("… a cash-in-transit robbery. In the attack, gunmen …": "the
/// attack" has no antecedent of its own, so it is read as the robbery).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Salient {
    pub words: Vec<String>,
    /// The first sentence's event noun as written, for the flag's link ("robbery").
    pub named: Option<String>,
    /// Bridged definite nouns of the first paragraph, as written ("attack").
    pub aliases: Vec<String>,
}

pub fn salient(doc: &Document) -> Salient {
    let text = doc.text;
    let mut out = Salient::default();
    let Some(first_para) = doc.paragraphs.first() else {
        return out;
    };
    let mut seen: Vec<String> = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        if sent.start >= first_para.end {
            break;
        }
        let toks: &[Token] = doc.sentence_tokens(si);
        let word = |k: usize| {
            toks.get(k)
                .filter(|t| t.kind == crate::text::TokenKind::Word)
                .map(|t| t.text(text))
        };
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if t.kind != crate::text::TokenKind::Word
                || !w.chars().next().is_some_and(|c| c.is_lowercase())
            {
                continue;
            }
            let next = word(k + 1);
            let nouns: Vec<String> = words_of(w, next)
                .into_iter()
                .filter(|l| !l.starts_with(['+', '~', '@']))
                .collect();
            if nouns.is_empty() {
                continue;
            }
            let definite = k > 0 && word(k - 1).is_some_and(determines);
            if si == 0 {
                out.named.get_or_insert_with(|| w.to_string());
                out.words.extend(nouns.iter().cloned());
            } else if definite && !related(&nouns, &seen) && !out.words.is_empty() {
                out.aliases.push(w.to_string());
                out.words.extend(nouns.iter().cloned());
            }
            seen.extend(nouns);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_verb_and_gerund() {
        assert_eq!(stem("signing").as_deref(), Some("sign"));
        assert_eq!(stem("signed").as_deref(), Some("sign"));
        assert_eq!(stem("stopped").as_deref(), Some("stop"));
        assert_eq!(stem("red"), None);
        assert_eq!(stem("sing"), None);
    }

    #[test]
    fn a_noun_before_a_noun_is_a_modifier() {
        assert!(words_of("final", Some("whistle")).is_empty());
        assert!(words_of("final", Some("was")).contains(&"final".to_string()));
        assert!(words_of("robbery", Some("took")).contains(&"robbery".to_string()));
    }

    #[test]
    fn the_lede_names_the_salient_event_and_a_bridged_definite_joins_it() {
        let t = "Police arrested five men over a robbery on Monday. In the attack, gunmen blew open a van.\n\nThe hearing is next week.";
        let doc = Document::new(t);
        let s = salient(&doc);
        assert_eq!(s.named.as_deref(), Some("robbery"));
        assert_eq!(s.aliases, vec!["attack".to_string()]);
        assert!(!related(&s.words, &["hearing".to_string()]));
    }
}
