//! Roles the text gives a person, each with the span it came from.
//!
//! Input: a name candidate in its document. Output: [`Role`]s from three patterns:
//! - pre-modifier titles: "French President Ana Ruiz", "former US President Tom Hale",
//!   "Kremlin spokesperson Ivo Rask" (qualifiers like "former", "acting", "then-" are kept);
//! - appositives: "Ivo Rask, the ministry spokesperson, said";
//! - copular clauses: "Ana Ruiz is the party's leader", "Ruiz, who was the mayor, …".
//!
//! A role phrase must contain a role head word from `data/titles.txt`.

use super::lexicon::lexicon;
use super::names::NameCandidate;
use crate::model::Role;
use crate::span::Span;
use crate::text::{Document, Token, TokenKind};

crate::lexicon::word_set!(
    DETERMINERS,
    crate::lexicon::PEOPLE_GRAMMAR,
    "role_determiners"
);
crate::lexicon::word_set!(COPULAS, crate::lexicon::PEOPLE_GRAMMAR, "copulas");
const MAX_ROLE_TOKENS: usize = 10;

/// All roles stated around one mention.
pub fn roles_for(doc: &Document, c: &NameCandidate) -> Vec<Role> {
    let mut out = Vec::new();
    if let Some(r) = premodifier(doc, c) {
        out.push(r);
    }
    let Some(&last) = c.core.last() else {
        return out;
    };
    if let Some(r) = after_name(doc, last + 1) {
        out.push(r);
    }
    out
}

fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// A word that may sit in a title before a name.
fn roleish(t: &Token, text: &str) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let lex = lexicon();
    let s = t.text(text);
    let bare = super::names::strip_possessive(s).0;
    let cap = s.chars().next().is_some_and(char::is_uppercase);
    lex.is_role_head(s)
        || lex.is_role_mod(s)
        || lex.is_nationality(bare)
        || (cap && (lex.is_place(bare) || lex.is_org_word(bare) || is_acronym(bare)))
}

/// "former US President" before the name: the title words inside the run plus those before it.
fn premodifier(doc: &Document, c: &NameCandidate) -> Option<Role> {
    let text = doc.text;
    let lex = lexicon();
    let run_start = c
        .lead
        .first()
        .copied()
        .or(c.honorific)
        .or_else(|| c.core.first().copied())?;
    let sent = doc.sentence_tokens.get(c.sentence)?.clone();
    // Lead tokens of the run that are title words (a leading "Later" or "But" is not).
    let mut toks: Vec<usize> = Vec::new();
    for &t in c.lead.iter().rev() {
        let w = doc.tokens[t].text(text);
        // Inside the run, an unknown capitalised word qualifies the title ("Norlandic Prime Minister").
        let qualifier = !lex.is_not_name(w) && !lex.is_given(w);
        if roleish(&doc.tokens[t], text) || lex.is_title_abbr(w) || qualifier {
            toks.push(t);
        } else {
            break;
        }
    }
    let lead_all_roleish = toks.len() == c.lead.len();
    if lead_all_roleish {
        let mut j = run_start;
        while j > sent.start && toks.len() < MAX_ROLE_TOKENS {
            let prev = j - 1;
            let t = &doc.tokens[prev];
            // "U.S." arrives as "U.S" + "."
            if t.text(text) == "."
                && prev > sent.start
                && is_acronym(doc.tokens[prev - 1].text(text))
            {
                j = prev;
                continue;
            }
            if roleish(t, text) {
                toks.push(prev);
                j = prev;
            } else {
                break;
            }
        }
    }
    toks.reverse();
    // The phrase ends on its head word.
    while let Some(&l) = toks.last() {
        if lex.is_role_head(doc.tokens[l].text(text)) || lex.is_title_abbr(doc.tokens[l].text(text))
        {
            break;
        }
        toks.pop();
    }
    // It does not start on a bare possessive or a place that belongs to the sentence before.
    let (&first, &last) = (toks.first()?, toks.last()?);
    let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
    let role_text = doc.slice(span).to_string();
    // A lone abbreviated title ("Sen.") or courtesy word is not a role worth stating.
    if toks.len() == 1 && lex.is_title_abbr(&role_text) && !lex.is_role_head(&role_text) {
        return None;
    }
    Some(Role {
        text: role_text,
        span,
    })
}

/// Appositive ", the party leader," or copular "is the party's leader" after the name ending at token `i`.
fn after_name(doc: &Document, mut i: usize) -> Option<Role> {
    let text = doc.text;
    let tok = |k: usize| doc.tokens.get(k).map(|t| t.text(text)).unwrap_or("");
    let appositive = tok(i) == ",";
    if appositive {
        i += 1;
        if tok(i) == "who" && COPULAS.contains(&tok(i + 1)) {
            i += 2;
        }
    } else if COPULAS.contains(&tok(i)) {
        i += 1;
    } else if tok(i) == "has" && tok(i + 1) == "been" {
        i += 2;
    } else {
        return None;
    }
    let lex = lexicon();
    let det = tok(i).to_lowercase();
    let has_det = DETERMINERS.contains(&det.as_str());
    if has_det {
        i += 1;
    } else if appositive {
        // Without a determiner only a title-like word may open an appositive ("spokesman for …").
        let w = tok(i);
        if !(lex.is_role_head(w) || lex.is_role_mod(w) || lex.is_nationality(w)) {
            return None;
        }
    } else {
        return None;
    }
    let start = i;
    let mut head_at = None;
    let mut k = i;
    while k < doc.tokens.len() && k - start < MAX_ROLE_TOKENS {
        let t = &doc.tokens[k];
        let s = t.text(text);
        if t.kind == TokenKind::Punct && s != "-" && s != "’" && s != "'" {
            break;
        }
        let l = s.to_lowercase();
        if [
            "who", "which", "that", "and", "said", "says", "told", "but", "when", "after", "with",
            "since", "in", "on", "at", "for",
        ]
        .contains(&l.as_str())
        {
            break;
        }
        if lex.is_role_head(s) {
            head_at = Some(k);
        }
        k += 1;
    }
    let head = head_at?;
    // ", French President Ana Ruiz, …" is the next item of a list, not an appositive.
    if (head + 1..k).any(|x| super::names::is_cap_word(&doc.tokens[x], text)) {
        return None;
    }
    // An appositive must end at punctuation (", the mayor," not ", the mayor of a town who…").
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[head].span.end);
    // Keep "of the Russian league" after a head: extend to where the phrase stopped if it is short.
    let end_tok = if k > head + 1 && tok(head + 1) == "of" {
        k - 1
    } else {
        head
    };
    let span = span.cover(&doc.tokens[end_tok].span);
    Some(Role {
        text: doc.slice(span).to_string(),
        span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::names::candidates;

    fn roles(s: &str, name: &str) -> Vec<String> {
        let d = Document::new(s);
        let c = candidates(&d);
        let c = c.iter().find(|c| c.words.join(" ") == name).unwrap();
        roles_for(&d, c).into_iter().map(|r| r.text).collect()
    }

    #[test]
    fn titles_before_names() {
        assert_eq!(
            roles("We met French President Ana Ruiz.", "Ana Ruiz"),
            vec!["French President"]
        );
        assert_eq!(
            roles(
                "It came after former US President Tom Hale spoke.",
                "Tom Hale"
            ),
            vec!["former US President"]
        );
        assert_eq!(
            roles("Later Kremlin spokesperson Ivo Rask said so.", "Ivo Rask"),
            vec!["Kremlin spokesperson"]
        );
        assert_eq!(
            roles("She hosted Polish Prime Minister Sir Ian Dube.", "Ian Dube"),
            vec!["Polish Prime Minister"]
        );
        assert!(roles("Yesterday Ana Ruiz left.", "Ana Ruiz").is_empty());
    }

    #[test]
    fn appositive_and_copular() {
        assert_eq!(
            roles("Ivo Rask, the ministry spokesperson, said no.", "Ivo Rask"),
            vec!["ministry spokesperson"]
        );
        assert_eq!(
            roles("Ana Ruiz is the party's leader.", "Ana Ruiz"),
            vec!["party's leader"]
        );
        assert_eq!(
            roles("Ana Ruiz, who was the acting mayor, left.", "Ana Ruiz"),
            vec!["acting mayor"]
        );
    }
}
