//! Role claims: a person named with the office the text gives them ("former US President
//! Ana Ortiz"), for the office-holder and role checks.
//!
//! Input: the document and the people stage's `Person`s (their `roles`). Output:
//! [`RoleClaim`]s with the office words, the country or body named before them, and a
//! qualifier ("former", "then-", "acting"). The text is also read directly for
//! "[qualifier] [country] OFFICE Firstname Lastname", so the checks work before (or
//! without) the people stage. Example: "German opposition leader Lena Vogt" →
//! office "opposition leader", country Germany, name "Lena Vogt".

use super::lexicon::fold;
use crate::model::Person;
use crate::span::Span;
use crate::text::Document;
use crate::text::Pattern;
use std::sync::LazyLock;

/// One person-with-role passage.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleClaim {
    /// The name as written, without honorifics ("Lena Vogt").
    pub name: String,
    /// The role words ("former US President").
    pub role_span: Span,
    /// Role and name together.
    pub passage: Span,
    /// "former", "then", "acting"… lower-case, without hyphen.
    pub qualifier: Option<String>,
    /// Canonical country or body ("United States"), when named.
    pub country: Option<String>,
    /// The office words, lower-case ("president", "prime minister", "opposition leader").
    pub office: String,
    pub sentence: usize,
    /// The passage itself writes the full name (not only a surname the people stage resolved).
    pub name_written: bool,
}

impl RoleClaim {
    /// True when the role says the person holds it now (no "former", "then-", "-elect"…).
    pub fn is_current(&self) -> bool {
        self.qualifier.is_none()
    }
}

/// Countries and bodies with the words used for them (`data/country_names.tsv`).
pub static COUNTRIES: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    crate::lexicon::COUNTRY_NAMES
        .ok_rows()
        .map(|r| (r.col(0), r.col(1)))
        .map(|(c, ws)| {
            (
                c.to_string(),
                ws.split(',').map(|w| w.trim().to_string()).collect(),
            )
        })
        .collect()
});

/// The canonical country for a word ("U.S." → "United States").
pub fn country_of(word: &str) -> Option<String> {
    COUNTRIES
        .iter()
        .find(|(_, ws)| {
            ws.iter()
                .any(|w| w.eq_ignore_ascii_case(word) || fold(w) == fold(word))
        })
        .map(|(c, _)| c.clone())
}

const OFFICES: &str = r"(?:Vice[- ]|Deputy )?(?:President|Prime Minister|Premier|Chancellor)|Foreign Minister|Finance Minister|Defen[cs]e Minister|Interior Minister|Justice Minister|Health Minister|Economy Minister|Foreign Secretary|Home Secretary|Defen[cs]e Secretary|Secretary of State|Treasury Secretary|Secretary-General|Secretary General|Governor|Senator|Mayor|King|Queen|Emperor|(?i:opposition leader)|(?i:leader of the opposition)";

fn prefix_re() -> String {
    let mut words: Vec<String> = COUNTRIES
        .iter()
        .flat_map(|(_, ws)| ws.iter().map(|w| regex::escape(w)))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    format!(
        r"(?:(?P<q>(?i:former|ex-|then-|then|late|outgoing|incoming|acting|interim))\s*)?(?:(?P<c>{})\s+)?(?P<o>{OFFICES})",
        words.join("|")
    )
}

/// Role words immediately followed by a name of two or more capitalised words.
static CLAIM_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b){}\s+(?:(?:Sir|Dame|Dr\.?|Lord|Lady)\s+)?(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zA-Zß-öø-ÿÀ-ÖØ-ÞĀ-ɏḀ-ỿ'’-]+(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ]\.(?:\s?[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ]\.)*|[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zA-Zß-öø-ÿÀ-ÖØ-ÞĀ-ɏḀ-ỿ'’-]+|von der|von|van|de la|de|da|der|bin|al-[a-zA-Zß-öø-ÿÀ-ÖØ-ÞĀ-ɏḀ-ỿ]+)){{1,4}})",
        prefix_re()
    )
});

/// A role text alone, for the people stage's roles ("former US President").
static ROLE_RE: Pattern = Pattern::new(|| format!(r"^(?:the\s+)?{}$", prefix_re()));

/// Capitalised words that, right before an office, make it another body's office
/// ("Party President", "Bank Governor") unless they name a country.
fn foreign_prefix(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if !word
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        || word.ends_with('.') && country_of(word).is_none()
    {
        return false;
    }
    word.starts_with(|c: char| c.is_uppercase())
        && country_of(word).is_none()
        && !before.ends_with(['.', ':', '“', '"'])
}

/// Finds every role claim in the text and among the people's roles.
pub fn find(doc: &Document, people: &[Person]) -> Vec<RoleClaim> {
    let text = doc.text;
    let mut out: Vec<RoleClaim> = Vec::new();
    for c in CLAIM_RE.captures_iter(text) {
        let (Some(m), Some(o), Some(name)) = (c.get(0), c.name("o"), c.name("name")) else {
            continue;
        };
        let Some(sentence) = doc.sentence_at(m.start()) else {
            continue;
        };
        // A sentence-initial capital is not another body's name.
        let sent_start = doc.sentences[sentence].start;
        if m.start() > sent_start && foreign_prefix(text, m.start()) {
            continue;
        }
        // The name must stay in the sentence.
        if name.end() > doc.sentences[sentence].end {
            continue;
        }
        // "President Ana Ortiz's plan": the possessive is not part of the name.
        let written = name.as_str();
        let written = match written.find("'s ").or_else(|| written.find("’s ")) {
            Some(i) => &written[..i + if written[i..].starts_with('\'') { 2 } else { 4 }],
            None => written,
        };
        let bare = written
            .strip_suffix("'s")
            .or_else(|| written.strip_suffix("’s"))
            .unwrap_or(written);
        let bare = bare.trim_end_matches(['\'', '’']);
        out.push(RoleClaim {
            name: bare.to_string(),
            role_span: Span::new(m.start(), o.end()),
            passage: Span::new(m.start(), name.start() + bare.len()),
            qualifier: c
                .name("q")
                .map(|q| q.as_str().trim_end_matches('-').to_lowercase()),
            country: c.name("c").and_then(|w| country_of(w.as_str())),
            office: normalise_office(o.as_str()),
            sentence,
            name_written: true,
        });
    }
    for p in people {
        for r in &p.roles {
            if out.iter().any(|c| c.role_span.overlaps(&r.span)) {
                continue;
            }
            let Some(c) = ROLE_RE.captures(r.text.trim()) else {
                continue;
            };
            let (Some(o), Some(sentence)) = (c.name("o"), doc.sentence_at(r.span.start)) else {
                continue;
            };
            let name_end = p
                .mentions
                .iter()
                .find(|m| m.span.start >= r.span.end)
                .map(|m| m.span.end)
                .unwrap_or(r.span.end);
            let passage = Span::new(r.span.start, name_end.max(r.span.end));
            out.push(RoleClaim {
                name_written: fold(passage.text(doc.text)).contains(&fold(&p.name)),
                name: p.name.clone(),
                role_span: r.span,
                passage,
                qualifier: c
                    .name("q")
                    .map(|q| q.as_str().trim_end_matches('-').to_lowercase()),
                country: c.name("c").and_then(|w| country_of(w.as_str())),
                office: normalise_office(o.as_str()),
                sentence,
            });
        }
    }
    out.sort_by_key(|c| c.passage.start);
    out
}

fn normalise_office(o: &str) -> String {
    let o = o.to_lowercase().replace('-', " ");
    match o.as_str() {
        "leader of the opposition" => "opposition leader".into(),
        "defense minister" => "defence minister".into(),
        "defense secretary" => "defence secretary".into(),
        "secretary general" => "secretary general".into(),
        _ => o,
    }
}

/// Name tokens without initials and particles, folded: "George W. Bush" → [george, bush].
pub fn name_tokens(name: &str) -> Vec<String> {
    fold(name)
        .split_whitespace()
        .filter(|t| !t.ends_with('.'))
        .map(|t| t.to_lowercase())
        .collect()
}

/// Whether a name as written can be this full name: same first and last word, and any
/// middle words written must belong to the full name.
pub fn same_person(written: &str, full: &str) -> bool {
    let w = name_tokens(written);
    let f = name_tokens(full);
    let (Some(wf), Some(wl), Some(ff), Some(fl)) = (w.first(), w.last(), f.first(), f.last())
    else {
        return false;
    };
    if w.len() < 2 || wf != ff || wl != fl {
        return false;
    }
    let initials = |s: &str| -> Vec<String> {
        fold(s)
            .split_whitespace()
            .filter(|t| t.ends_with('.'))
            .map(|t| t.to_lowercase())
            .collect()
    };
    let (wi, fi) = (initials(written), initials(full));
    // Initials must agree when the full name has them ("George W. Bush" is not "George H. W. Bush").
    w[1..w.len() - 1].iter().all(|t| f.contains(t)) && (wi.is_empty() || fi.is_empty() || wi == fi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mention, MentionKind, Role};

    #[test]
    fn claims_in_text() {
        let t = "Talks drew former US President Ana Ortiz, German opposition leader Lena Vogt and Party President Tom Hale.";
        let doc = Document::new(t);
        let c = find(&doc, &[]);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].name, "Ana Ortiz");
        assert_eq!(c[0].qualifier.as_deref(), Some("former"));
        assert_eq!(c[0].country.as_deref(), Some("United States"));
        assert_eq!(c[0].office, "president");
        assert_eq!(c[1].office, "opposition leader");
        assert_eq!(c[1].passage.text(t), "German opposition leader Lena Vogt");
    }

    #[test]
    fn possessive_is_not_part_of_the_name() {
        let t = "They read Prime Minister Ana Ortiz's plan.";
        let c = find(&Document::new(t), &[]);
        assert_eq!(c[0].name, "Ana Ortiz");
        let t = "They read Prime Minister Ana Ortiz’s Budget Plan.";
        let c = find(&Document::new(t), &[]);
        assert_eq!(c[0].name, "Ana Ortiz");
        assert_eq!(c[0].passage.text(t), "Prime Minister Ana Ortiz");
    }

    #[test]
    fn claims_from_people() {
        let t = "The French leader, Prime Minister, spoke. Ruiz left.";
        let doc = Document::new(t);
        let at = t.find("Prime").unwrap();
        let p = Person {
            name: "Marta Ruiz".into(),
            honorifics: vec![],
            roles: vec![Role {
                text: "Prime Minister".into(),
                span: Span::new(at, at + 14),
            }],
            mentions: vec![Mention {
                span: Span::new(t.find("Ruiz").unwrap(), t.len() - 6),
                kind: MentionKind::Alias,
            }],
        };
        let c = find(&doc, &[p]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name, "Marta Ruiz");
        assert_eq!(c[0].office, "prime minister");
    }

    #[test]
    fn name_matching() {
        assert!(same_person("George W. Bush", "George W. Bush"));
        assert!(!same_person("George W. Bush", "George H. W. Bush"));
        assert!(same_person("Donald J. Trump", "Donald Trump"));
        assert!(same_person("George Bush", "George H. W. Bush"));
        assert!(same_person("Antonio Guterres", "António Guterres"));
        assert!(!same_person("Guterres", "António Guterres"));
        assert!(same_person(
            "Luiz Inacio Lula da Silva",
            "Luiz Inácio Lula da Silva"
        ));
    }
}
