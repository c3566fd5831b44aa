//! Posts apposed to a person's name: "The town's mayor, Ana Ortiz,", "Ortiz, the regional
//! governor,", "Ortiz, who as the firm's finance director …", "Mayor Ana Ortiz".
//!
//! Input: the document, the people (their name and surname mentions) and the quotes (a
//! name inside a quotation is not read). Output: for each person, the [`Post`]s the text
//! gives them, read from the post vocabulary in `data/role_posts.tsv`. A phrase with a word
//! of time or change ("former", "then", "now", "acting", "deputy", "promoted") gives no post,
//! so the role-conflict check never compares a past or future role with a present one.
//! Example: "Ortiz, the state's finance commissioner," → a portfolio post with area
//! "finance".

use crate::model::{MentionKind, Person, Quote};
use crate::span::Span;
use crate::text::Document;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Gov,
    Portfolio,
    Exec,
    Founder,
    Court,
    Outside,
}

/// One post read from one phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub class: Class,
    /// The post words as listed ("commissioner", "chief executive").
    pub post: String,
    /// The function (exec, gov) or the area (portfolio): "finance", "local".
    pub function: String,
    /// A named organisation owning the post ("Atlas Sun's", "of Norvik"), folded to lower case.
    pub org: Option<String>,
    /// The post is at an organisation the phrase introduces ("at a brokerage").
    pub new_org: bool,
    /// The phrase with the name it is apposed to.
    pub passage: Span,
    /// The phrase alone.
    pub phrase: Span,
}

struct Table {
    posts: HashMap<String, (Class, String)>,
    areas: HashMap<String, String>,
    longest: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut posts = HashMap::new();
    let mut areas = HashMap::new();
    let mut longest = 1;
    for row in crate::lexicon::ROLE_POSTS.ok_rows() {
        let cols: Vec<&str> = row.cols().collect();
        if row.prefix == Some("area") {
            let Some(canon) = cols.first() else { continue };
            for w in &cols {
                areas.insert(w.to_string(), canon.to_string());
                longest = longest.max(w.split(' ').count());
            }
            continue;
        }
        let class = match cols.get(1).copied() {
            Some("gov") => Class::Gov,
            Some("portfolio") => Class::Portfolio,
            Some("exec") => Class::Exec,
            Some("founder") => Class::Founder,
            Some("court") => Class::Court,
            Some("outside") => Class::Outside,
            _ => continue,
        };
        let post = cols[0].to_string();
        longest = longest.max(post.split(' ').count());
        posts.insert(post, (class, cols.get(2).unwrap_or(&"").to_string()));
    }
    Table {
        posts,
        areas,
        longest,
    }
});

/// Words of time or change: a phrase with one says the post is past, future, temporary or
/// a step below ("former", "then", "now", "acting", "deputy", "promoted", "until"):
/// `data/post_change_words.txt`.
static CHANGE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::POST_CHANGE_WORDS.word_set(None));

crate::lexicon::word_set!(
    /// Honorifics that may stand between an apposition's comma and the name ("…, Dr. Ana Ortiz").
    HONORIFIC,
    crate::lexicon::CHECK_GRAMMAR,
    "apposition_honorifics"
);

crate::lexicon::word_set!(
    /// Words that end a phrase after the name ("Ortiz, the governor, said" / "who has").
    PHRASE_END,
    crate::lexicon::CHECK_GRAMMAR,
    "apposition_ends"
);

/// The most words of an apposed phrase.
const MAX_WORDS: usize = 12;
/// The most phrases read for one person.
pub const MAX_PHRASES: usize = 8;

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
                .replace('’', "'")
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The posts one phrase names ("the studio's co-founder and chief technology officer" →
/// founder, exec technology). None when the phrase marks time or change.
pub fn parse(phrase: &str) -> Option<Vec<(Class, String, String, bool)>> {
    let t = &*TABLE;
    let raw: Vec<&str> = phrase.split_whitespace().collect();
    let words = words_of(phrase);
    if words
        .iter()
        .any(|w| CHANGE.contains(w.as_str()) || w.ends_with("-elect"))
        || raw.iter().any(|w| w.to_lowercase().starts_with("ex-"))
    {
        return None;
    }
    // Possessive words ("studio's") read as their noun for the area lookup.
    let bare: Vec<String> = words
        .iter()
        .map(|w| w.strip_suffix("'s").unwrap_or(w).to_string())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bare.len() {
        let mut hit = None;
        for n in (1..=t.longest.min(bare.len() - i)).rev() {
            let cand = bare[i..i + n].join(" ");
            if let Some(p) = t.posts.get(&cand) {
                hit = Some((n, cand, p.clone()));
                break;
            }
        }
        let Some((n, post, (class, function))) = hit else {
            i += 1;
            continue;
        };
        // "at a brokerage", "with an outside firm": an organisation new to the text.
        let after: Vec<&str> = bare[i + n..].iter().map(String::as_str).collect();
        let new_org = matches!(after.as_slice(), ["at" | "with" | "for", "a" | "an", ..]);
        let function = if class == Class::Portfolio {
            let before = area_before(&bare[..i]);
            let after_area = match after.as_slice() {
                ["for" | "of", rest @ ..] => area_at(rest),
                _ => None,
            };
            match before.or(after_area) {
                Some(a) => a,
                None => {
                    i += n;
                    continue;
                }
            }
        } else {
            function
        };
        out.push((class, post, function, new_org));
        i += n;
    }
    Some(out)
}

fn area_at(words: &[&str]) -> Option<String> {
    let t = &*TABLE;
    (1..=t.longest.min(words.len()))
        .rev()
        .find_map(|n| t.areas.get(&words[..n].join(" ")).cloned())
}

fn area_before(words: &[String]) -> Option<String> {
    let t = &*TABLE;
    (1..=t.longest.min(words.len()))
        .rev()
        .find_map(|n| t.areas.get(&words[words.len() - n..].join(" ")).cloned())
}

/// The noun of a possessive word: "Sun's" → "Sun", "Ferries'" → "Ferries".
fn possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| {
            w.strip_suffix('\'')
                .or_else(|| w.strip_suffix('’'))
                .filter(|s| s.ends_with('s'))
        })
}

/// The named organisation of a phrase: a capitalised possessive ("Atlas Sun's") or
/// capitalised words after "of"/"at" ("of Norvik Holdings").
fn org_of(phrase: &str) -> Option<String> {
    let raw: Vec<&str> = phrase.split_whitespace().collect();
    let cap = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    for (k, w) in raw.iter().enumerate() {
        let w = w.trim_end_matches(',');
        if let Some(stem) = possessive(w) {
            if cap(stem) && !(k == 0 && stem == "The") {
                let mut name: Vec<&str> = raw[..k]
                    .iter()
                    .rev()
                    .take_while(|x| cap(x) && **x != "The")
                    .copied()
                    .collect();
                name.reverse();
                name.push(stem);
                return Some(name.join(" ").to_lowercase());
            }
        }
        if matches!(w, "of" | "at") {
            let name: Vec<&str> = raw[k + 1..]
                .iter()
                .skip_while(|x| **x == "the")
                .take_while(|x| cap(x))
                .copied()
                .collect();
            if !name.is_empty() {
                return Some(name.join(" ").to_lowercase());
            }
        }
    }
    None
}

/// The surname, folded to lower case, of a person with a full name.
fn surname(p: &Person) -> Option<String> {
    (p.name.split_whitespace().count() >= 2)
        .then(|| p.name.split_whitespace().last().map(|s| s.to_lowercase()))
        .flatten()
}

/// The posts apposed to each person's mentions, by person index. People who share a
/// surname with another person are left out: a surname alone could be either's.
pub fn find(doc: &Document, people: &[Person], quotes: &[Quote]) -> Vec<(usize, Vec<Post>)> {
    let text = doc.text;
    let mut surnames: HashMap<String, usize> = HashMap::new();
    for p in people {
        if let Some(s) = surname(p) {
            *surnames.entry(s).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let Some(s) = surname(p) else { continue };
        if surnames.get(&s).copied().unwrap_or(0) != 1 {
            continue;
        }
        let mut posts = Vec::new();
        let mut phrases = 0;
        for m in p
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Alias))
        {
            if phrases >= MAX_PHRASES {
                break;
            }
            if quotes.iter().any(|q| q.span.contains(&m.span)) {
                continue;
            }
            let Some(si) = doc.sentence_at(m.span.start) else {
                continue;
            };
            let sentence = doc.sentences[si];
            for phrase in [
                before(text, sentence, m.span),
                after(text, sentence, m.span),
            ]
            .into_iter()
            .flatten()
            {
                let Some(hits) = parse(phrase.text(text)) else {
                    continue;
                };
                if hits.is_empty() {
                    continue;
                }
                phrases += 1;
                let org = org_of(phrase.text(text));
                for (class, post, function, new_org) in hits {
                    posts.push(Post {
                        class,
                        post,
                        function,
                        org: org.clone(),
                        new_org,
                        passage: phrase.cover(&m.span),
                        phrase,
                    });
                }
            }
        }
        if !posts.is_empty() {
            out.push((i, posts));
        }
    }
    out
}

/// "The town's mayor, Ana Ortiz" / "The town's mayor, Dr. Ana Ortiz" / "Mayor Ana Ortiz".
fn before(text: &str, sentence: Span, name: Span) -> Option<Span> {
    let head = text.get(sentence.start..name.start)?;
    // Honorifics between the comma (or title) and the name.
    let mut end = head.len();
    loop {
        let trimmed = head.get(..end)?.trim_end();
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = trimmed
            .get(word_start..)?
            .trim_end_matches('.')
            .to_lowercase();
        if !word.is_empty() && HONORIFIC.contains(&word.as_str()) {
            end = word_start;
        } else {
            end = trimmed.len();
            break;
        }
    }
    let head = head.get(..end)?;
    if let Some(h) = head.strip_suffix(',') {
        // The apposition runs back to the previous clause mark.
        let from = h
            .rfind([',', ';', ':', '“', '”', '"', '(', '—'])
            .map_or(0, |k| {
                k + h
                    .get(k..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8)
            });
        let seg = h.get(from..)?.trim_start();
        let start = from + (h.len() - from - seg.len());
        let first = seg.split_whitespace().next().unwrap_or("");
        let definite = matches!(first, "The" | "the" | "Its" | "its") || named_possessive(seg);
        if !definite || seg.split_whitespace().count() > MAX_WORDS {
            return None;
        }
        return Some(Span::new(sentence.start + start, sentence.start + h.len()));
    }
    // A title right before the name: the last words up to a mark or a lower-case
    // function word ("said police chief Ana Ortiz" → "police chief").
    let words: Vec<(usize, &str)> = head
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - head.as_ptr() as usize, w))
        .collect();
    let mut from = head.len();
    for &(at, w) in words.iter().rev().take(4) {
        if w.ends_with([',', '.', ';', ':', '”', '"']) || w.starts_with(['“', '"', '(']) {
            break;
        }
        let lw = w.to_lowercase();
        if !TABLE.posts.keys().any(|p| p.split(' ').any(|x| x == lw)) {
            break;
        }
        from = at;
    }
    (from < head.len()).then(|| {
        Span::new(
            sentence.start + from,
            sentence.start + head.trim_end().len(),
        )
    })
}

/// The phrase opens with a capitalised name in the possessive ("Atlas Sun's …"), at most
/// four words long.
fn named_possessive(phrase: &str) -> bool {
    for w in phrase.split_whitespace().take(4) {
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if possessive(w).is_some() {
            return true;
        }
    }
    false
}

/// "Ana Ortiz, the regional governor," / "Ortiz, 45, the chief executive" / "Ortiz, who
/// as the firm's finance director".
fn after(text: &str, sentence: Span, name: Span) -> Option<Span> {
    let tail = text.get(name.end..sentence.end)?;
    let rest = tail.strip_prefix(',')?;
    let mut skip = tail.len() - rest.len();
    let mut rest = rest;
    // An age: ", 45,".
    let t = rest.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && t.get(digits..).is_some_and(|r| r.starts_with(',')) {
        let n = rest.len() - t.len() + digits + 1;
        skip += n;
        rest = rest.get(n..)?;
    }
    let t = rest.trim_start();
    let lead = rest.len() - t.len();
    let (t, lead) = match t.strip_prefix("who as ") {
        Some(r) => (r, lead + 7),
        None => (t, lead),
    };
    let first = t.split_whitespace().next().unwrap_or("");
    let starts = matches!(first, "the" | "a" | "an" | "its") || named_possessive(t);
    if !starts {
        return None;
    }
    // Up to a clause mark or a word that ends the phrase.
    let mut end = t.len();
    if let Some(k) = t.find([',', '.', ';', ':', '—', '(', '“', '"', '\n']) {
        end = end.min(k);
    }
    let mut count = 0;
    for (k, w) in t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
    {
        if k >= end {
            break;
        }
        count += 1;
        if count > MAX_WORDS || PHRASE_END.contains(&w) {
            end = end.min(k);
            break;
        }
    }
    let phrase = t.get(..end)?.trim_end();
    if phrase.is_empty() {
        return None;
    }
    let start = name.end + skip + lead;
    Some(Span::new(start, start + phrase.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_name_posts() {
        let p = parse("the state's finance commissioner").unwrap();
        assert_eq!(p[0].0, Class::Portfolio);
        assert_eq!(p[0].2, "finance");
        let p = parse("The state's commissioner for health").unwrap();
        assert_eq!(p[0].2, "health");
        let p = parse("the studio's co-founder and chief technology officer").unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!((p[1].0, p[1].2.as_str()), (Class::Exec, "technology"));
        let p = parse("an analyst at a Helsinki brokerage").unwrap();
        assert_eq!(p[0].0, Class::Outside);
        assert!(p[0].3);
        assert!(parse("the former mayor").is_none());
        assert!(parse("then the festival's head of programming").is_none());
        assert!(parse("the regional director").unwrap().is_empty());
    }

    #[test]
    fn organisations() {
        assert_eq!(
            org_of("Atlas Sun's chief executive").as_deref(),
            Some("atlas sun")
        );
        assert_eq!(org_of("the consortium's finance director"), None);
        assert_eq!(
            org_of("chief executive of Norvik Holdings").as_deref(),
            Some("norvik holdings")
        );
    }

    #[test]
    fn apposed_phrases() {
        let t = "The town's mayor, Dr. Ana Ortiz, spoke. Ortiz, 45, the regional governor, said so. Later Mayor Ana Ortiz left.";
        let s = |a: usize| {
            let d = Document::new(t);
            d.sentences[d.sentence_at(a).unwrap()]
        };
        let name = |n: &str, k: usize| {
            let i = t.match_indices(n).nth(k).unwrap().0;
            Span::new(i, i + n.len())
        };
        let m = name("Ana Ortiz", 0);
        assert_eq!(
            before(t, s(m.start), m).unwrap().text(t),
            "The town's mayor"
        );
        let m = name("Ortiz", 1);
        assert_eq!(
            after(t, s(m.start), m).unwrap().text(t),
            "the regional governor"
        );
        let m = name("Ana Ortiz", 1);
        assert_eq!(before(t, s(m.start), m).unwrap().text(t), "Mayor");
    }
}
