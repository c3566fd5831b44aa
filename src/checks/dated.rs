//! Helpers shared by the elapsed-time and date-order checks: clause words, the
//! content words that say what a clause is about, the stated dates of a sentence, and
//! the person a clause is about.
//!
//! Input: the document, the time stage's expressions, the people stage's mentions.
//! Output: [`Word`]s of a clause (stopping at clause punctuation, at most a fixed number
//! of words, so every look is bounded), [`key`] (the form two clauses are compared by:
//! a noun's lemma, a verb's `+lemma` from the WordNet groups), [`related`] (two key words
//! name the same thing), [`interval`] (the days a TIMEX3 date value covers) and
//! [`person_near`] (the person named nearest to an offset inside one sentence). Example:
//! in "Ana Ruiz joined the museum in 1990", the words before the year back to the clause
//! start are "Ana Ruiz joined the museum in", and the keys of "joined the museum" are
//! `+join` and `museum`.

use super::event_groups;
use crate::model::{Person, TimeExpr, TimeType};
use crate::span::Span;
use chrono::NaiveDate;

/// One word of a clause, lower-case, with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub low: String,
    pub span: Span,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '‑'
}

/// Clause punctuation: a clause window never crosses one.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '.' | '!' | '?' | '"' | '“' | '”'
    )
}

/// Up to `max` words of `text` ending at `at`, back to the clause start (never before
/// `limit`), in text order.
pub fn words_before(text: &str, limit: usize, at: usize, max: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let Some(s) = text.get(limit..at) else {
        return out;
    };
    let mut end = s.len();
    let mut cur_end: Option<usize> = None;
    for (i, c) in s.char_indices().rev() {
        if out.len() >= max {
            break;
        }
        if is_word_char(c) {
            if cur_end.is_none() {
                cur_end = Some(i + c.len_utf8());
            }
            end = i;
            continue;
        }
        if let Some(e) = cur_end.take() {
            push_word(&mut out, s, limit, end, e);
        }
        if is_clause_break(c) {
            break;
        }
    }
    if out.len() < max {
        if let Some(e) = cur_end {
            push_word(&mut out, s, limit, end, e);
        }
    }
    out.reverse();
    out
}

/// Up to `max` words of `text` from `at` to the clause end (never past `limit`).
pub fn words_after(text: &str, at: usize, limit: usize, max: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let Some(s) = text.get(at..limit) else {
        return out;
    };
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if out.len() >= max {
            return out;
        }
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(b) = start.take() {
            push_word(&mut out, s, at, b, i);
        }
        if is_clause_break(c) {
            return out;
        }
    }
    if out.len() < max {
        if let Some(b) = start {
            push_word(&mut out, s, at, b, s.len());
        }
    }
    out
}

fn push_word(out: &mut Vec<Word>, s: &str, base: usize, a: usize, b: usize) {
    let Some(w) = s.get(a..b) else { return };
    let w = w.trim_matches(|c: char| c == '\'' || c == '’' || c == '-' || c == '‑');
    if w.is_empty() {
        return;
    }
    out.push(Word {
        low: w.to_lowercase(),
        span: Span::new(base + a, base + b),
    });
}

crate::lexicon::word_set!(
    /// Words that say nothing about which event a clause is about: function words, and
    /// nouns of time or of very general meaning that any two clauses may share.
    NOT_KEYS,
    crate::lexicon::CHECK_GRAMMAR,
    "not_event_keys"
);

/// The form a word is compared by, or `None` for a word that says nothing about the event
/// ([`NOT_KEYS`], numbers, words under three letters). Nouns become their WordNet-group
/// lemma ("conglomerates" → "conglomerate"), verbs their `+lemma` ("joined" → "+join"); a
/// word the groups do not hold is kept as it is, with a plural "s" dropped.
pub fn key(w: &str) -> Option<String> {
    let w = w.to_lowercase();
    // A possessive is its noun ("the country's" → "country").
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .map_or(w.clone(), str::to_string);
    if w.chars().count() < 3
        || NOT_KEYS.contains(&w.as_str())
        || w.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    if let Some(l) = event_groups::lemma(&w).filter(|l| !l.starts_with('+')) {
        return Some(l);
    }
    // "married" → "+marry": the groups' inflections do not undo "-ied".
    if let Some(v) = w
        .strip_suffix("ied")
        .and_then(|stem| event_groups::verb_lemma(&format!("{stem}y")))
    {
        return Some(v);
    }
    if let Some(v) = event_groups::verb_lemma(&w) {
        return Some(v);
    }
    // "tunnelling", "tunnelled" → "tunnel": a verb formed from a noun the groups lack.
    for suf in ["lling", "lled", "ing", "ed", "s"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.chars().count() >= 4 {
                let stem = if suf.starts_with("ll") {
                    format!("{stem}l")
                } else {
                    stem.to_string()
                };
                return Some(stem);
            }
        }
    }
    Some(w)
}

/// Two keys name the same thing: equal, or a verb and a noun (or two verbs) of one
/// WordNet group ("+marry" and "marriage", "+elect" and "election"). Two nouns of one
/// group are not enough: the noun groups are wide ("floor" shares one with "start").
pub fn related(a: &str, b: &str) -> bool {
    a == b
        || ((a.starts_with('+') || b.starts_with('+'))
            && event_groups::groups(a)
                .iter()
                .any(|g| event_groups::groups(b).contains(g)))
}

/// A noun formed from a verb by a derivational ending ("resignation" from "+resign",
/// "approval" from "+approve", "departure" from "+depart"): WordNet's groups miss many.
pub fn derived(noun: &str, verb: &str) -> bool {
    const ENDINGS: &[&str] = &["ation", "tion", "sion", "ment", "al", "ure", "ing"];
    let Some(v) = verb.strip_prefix('+') else {
        return false;
    };
    let stem = v.strip_suffix('e').unwrap_or(v);
    stem.chars().count() >= 4
        && noun.len() > stem.len()
        && noun.len() <= stem.len() + 6
        && noun.starts_with(stem)
        && ENDINGS.iter().any(|e| noun.ends_with(e))
}

/// The keys of some words.
pub fn keys(words: &[Word]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().filter_map(|w| key(&w.low)).collect();
    out.dedup();
    out
}

/// Whether any key of `a` is related to any key of `b`; returns the shared one.
pub fn shared_key<'k>(a: &'k [String], b: &[String]) -> Option<&'k str> {
    a.iter()
        .find(|x| b.iter().any(|y| related(x, y)))
        .map(String::as_str)
}

/// The year a DATE expression states or resolves to ("1998", "2023-SP", "2024-03-05").
pub fn year_of(t: &TimeExpr) -> Option<i32> {
    if t.kind != TimeType::Date {
        return None;
    }
    let v = t.value.as_deref()?;
    let y = v.get(..4)?;
    if !y.bytes().all(|b| b.is_ascii_digit()) || v.get(4..5).is_some_and(|c| c != "-") {
        return None;
    }
    y.parse().ok()
}

/// Whether the expression's own words hold its year in digits ("in 1998", "March 2021"),
/// rather than resolving it from the publication date ("last spring").
pub fn states_year(text: &str, t: &TimeExpr) -> bool {
    let (Some(y), Some(s)) = (year_of(t), text.get(t.span.start..t.span.end)) else {
        return false;
    };
    s.contains(&y.to_string())
}

/// The first and last day a TIMEX3 date value covers (the timeline's reading of it).
pub fn interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    crate::time::timeline::calendar_range(value).map(|(a, b, _)| (a, b))
}

/// People mentions sorted by start, for [`person_near`].
pub fn mention_index(people: &[Person]) -> Vec<(Span, usize)> {
    let mut v: Vec<(Span, usize)> = people
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.span, i)))
        .collect();
    v.sort_by_key(|(s, _)| s.start);
    v
}

/// The person of the mention nearest before `at` inside `sentence`, else the first one
/// after it inside the sentence ("In 1979 he opened…"). `None` when the sentence names
/// nobody the people stage resolved.
pub fn person_near(index: &[(Span, usize)], sentence: Span, at: usize) -> Option<usize> {
    let i = index.partition_point(|(s, _)| s.start < at);
    if let Some((s, p)) = i.checked_sub(1).and_then(|j| index.get(j)) {
        if s.start >= sentence.start {
            return Some(*p);
        }
    }
    index
        .get(i)
        .filter(|(s, _)| s.end <= sentence.end)
        .map(|(_, p)| *p)
}

/// A sentence's lower-cased narration (quotations blanked), addressed by document
/// offsets: the clause windows of both checks are read through it.
pub struct View<'v> {
    pub low: &'v str,
    pub base: usize,
}

impl View<'_> {
    /// Whether the character at document offset `at` was blanked (inside a quotation).
    pub fn blank(&self, at: usize) -> bool {
        self.low
            .get(at.saturating_sub(self.base)..)
            .and_then(|s| s.chars().next())
            .is_none_or(|c| c == ' ')
    }

    /// Up to `max` clause words ending at document offset `at`, inside `sent`.
    pub fn before(&self, sent: Span, at: usize, max: usize) -> Vec<Word> {
        shift(
            words_before(self.low, 0, at.saturating_sub(self.base), max),
            self.base,
        )
        .into_iter()
        .filter(|w| w.span.start >= sent.start)
        .collect()
    }

    /// Up to `max` clause words from document offset `at`, inside `sent`.
    pub fn after(&self, sent: Span, at: usize, max: usize) -> Vec<Word> {
        shift(
            words_after(
                self.low,
                at.saturating_sub(self.base),
                sent.end - self.base,
                max,
            ),
            self.base,
        )
    }

    /// The lower-cased narration between two document offsets.
    pub fn get(&self, a: usize, b: usize) -> &str {
        self.low
            .get(a.saturating_sub(self.base)..b.saturating_sub(self.base))
            .unwrap_or("")
    }
}

/// Words read from a sentence's narration, moved to document offsets.
fn shift(words: Vec<Word>, by: usize) -> Vec<Word> {
    words
        .into_iter()
        .map(|w| Word {
            span: Span::new(w.span.start + by, w.span.end + by),
            low: w.low,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_windows_stop_at_punctuation_and_count() {
        let t = "Ruiz, a chemist, joined the museum as a guide in 1990.";
        let at = t.find("1990").unwrap();
        let w: Vec<String> = words_before(t, 0, at, 8)
            .into_iter()
            .map(|w| w.low)
            .collect();
        assert_eq!(w, ["joined", "the", "museum", "as", "a", "guide", "in"]);
        let w: Vec<String> = words_before(t, 0, at, 2)
            .into_iter()
            .map(|w| w.low)
            .collect();
        assert_eq!(w, ["guide", "in"]);
        let w: Vec<String> = words_after(t, 0, t.len(), 8)
            .into_iter()
            .map(|w| w.low)
            .collect();
        assert_eq!(w, ["ruiz"]);
        // Not a char boundary: nothing, no panic.
        assert!(words_before("é", 0, 1, 3).is_empty());
        assert!(words_after("é", 1, 2, 3).is_empty());
    }

    #[test]
    fn keys_and_relations() {
        assert_eq!(key("joined").as_deref(), Some("+join"));
        assert_eq!(key("conglomerates"), key("conglomerate"));
        assert_eq!(key("tunnelling").as_deref(), Some("tunnel"));
        assert_eq!(key("married").as_deref(), Some("+marry"));
        assert_eq!(key("the"), None);
        assert_eq!(key("1990"), None);
        assert!(related("+marry", "marriage"));
        assert!(related("election", "+elect"));
        assert!(!related("floor", "start"));
        assert!(derived("resignation", "+resign"));
        assert!(derived("approval", "+approve"));
        assert!(!derived("collapse", "+open"));
    }

    #[test]
    fn intervals() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(interval("2018"), Some((d("2018-01-01"), d("2018-12-31"))));
        assert_eq!(interval("2022-SU").map(|x| x.0), Some(d("2022-06-01")));
        assert_eq!(interval("PRESENT_REF"), None);
    }
}
