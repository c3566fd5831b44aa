//! Check: one person's name spelt two ways.
//!
//! Input: the people (their names and mentions), the entities and the text. Output: a
//! `name-variant` flag in two cases.
//!
//! * A surname written alone that is no person's or entity's name but is a near spelling
//!   of exactly one person's surname: "Laurent Brissac" … "Brissot said". News style names
//!   a person in full before using the surname alone, so a bare surname that was never
//!   introduced, close to one that was, is that person misspelt. "Near" is a shared
//!   beginning of four letters or more and at most two letters changed (accents folded), or
//!   the other gender's form of a Slavic surname ("Dvořáková" / "Dvořák").
//! * A second full name with the same surname and a near first name ("Marcos Albuquerque" …
//!   "Márcio Albuquerque"), where both are given the same role words and neither sentence
//!   speaks of family.
//!
//! Not flagged: possessives and plurals ("the Brissacs"), a near name written as part of a
//! longer capitalised name ("Brissot Street"), a near name that also occurs in lower case (a
//! common word), relatives named in full (a different first name, or a sentence with "his
//! brother", "wife", "not related"), and any near name that could be two people's.

use super::{Check, Context};
use crate::model::{Flag, MentionKind, Person};
use crate::people::lexicon::lexicon;
use crate::span::Span;
use std::collections::{HashMap, HashSet};

pub struct NameVariant;

/// Words that say two people of one surname are relatives (or expressly not): with one in
/// the variant's sentence the near name may be a relative's (`data/kin_words.txt`).
static KIN: std::sync::LazyLock<HashSet<&'static str>> =
    std::sync::LazyLock::new(|| crate::lexicon::KIN_WORDS.word_set(None));

/// The shortest surname (in letters) compared; shorter names differ by chance too often.
const MIN_LEN: usize = 5;
/// The shortest name (in letters) whose misspelling is compared: two letters changed in a
/// shorter name make a different name too often.
const MIN_LEN_CHANGED: usize = 7;
/// The longest name (in letters) compared: the edit distance costs the product of the lengths.
const MAX_LEN: usize = 40;
/// The shortest shared beginning of two near names.
const MIN_PREFIX: usize = 4;
/// The most people compared with one candidate (people sharing its first four letters).
const MAX_BUCKET: usize = 16;
/// The most distinct candidate words read in one document.
const MAX_CANDIDATES: usize = 256;

/// Lower-case with the Latin accents folded ("Dvořáková" → "dvorakova").
pub fn fold_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let f = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
            'ĥ' | 'ħ' => 'h',
            'í' | 'ì' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
            'ĵ' => 'j',
            'ķ' => 'k',
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
            'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
            'ŕ' | 'ŗ' | 'ř' => 'r',
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
            'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
            'ú' | 'ù' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
            'ŵ' => 'w',
            'ý' | 'ÿ' | 'ŷ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            '’' => '\'',
            c => c,
        };
        out.push(f);
    }
    out
}

/// Levenshtein distance over chars, giving up (None) above `max`.
fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return None;
        }
        prev = cur;
    }
    prev.last().copied().filter(|&d| d <= max)
}

fn shared_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// How two folded surnames are near, if they are: a misspelling or the other gender's form.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Near {
    Spelling,
    Gendered,
}

/// The feminine form of a Slavic surname adds "-ová" (Czech, Slovak) or "-ova"/"-a"
/// (Russian, Bulgarian) to the masculine one, dropping a final "a" ("Svoboda" → "Svobodová").
fn gendered(short: &str, long: &str) -> bool {
    let stem = short.strip_suffix('a').unwrap_or(short);
    long.strip_prefix(stem)
        .is_some_and(|rest| matches!(rest, "ova" | "ova'" | "eva"))
        || long.strip_prefix(short).is_some_and(|rest| rest == "a") && short.ends_with(['v', 'n'])
}

fn near(a: &str, b: &str) -> Option<Near> {
    if a == b {
        return None;
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.len().min(cb.len()) < MIN_LEN
        || ca.len().max(cb.len()) > MAX_LEN
        || shared_prefix(&ca, &cb) < MIN_PREFIX
    {
        return None;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // A plural or a possessive of the name is the name.
    if long
        .strip_prefix(short)
        .is_some_and(|r| matches!(r, "s" | "es" | "'s" | "'"))
    {
        return None;
    }
    if gendered(short, long) {
        return Some(Near::Gendered);
    }
    // One name running on into more letters ("Manafortin", a name and a word run together)
    // is not another spelling of it.
    if ca.len().min(cb.len()) < MIN_LEN_CHANGED || slip(&ca, &cb) || long.starts_with(short) {
        return None;
    }
    distance(&ca, &cb, 2)
        .filter(|&d| d == 2)
        .map(|_| Near::Spelling)
}

/// A typing slip rather than another name: one letter added, dropped or changed
/// ("Giuliani" / "Giulini"), or the same letters in another order ("Monteith" /
/// "Montieth"). Real news has such slips; they rarely leave the reader unsure who is meant,
/// while a changed ending ("Brissac" / "Brissot") reads as another person's name, so only
/// the second is flagged.
fn slip(a: &[char], b: &[char]) -> bool {
    let sorted = |s: &[char]| {
        let mut v = s.to_vec();
        v.sort_unstable();
        v
    };
    distance(a, b, 1).is_some() || sorted(a) == sorted(b)
}

fn surname(p: &Person) -> Option<String> {
    p.name.split_whitespace().last().map(fold_name)
}

fn is_name_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// The sentence around `at` speaks of family.
fn kin_near(ctx: &Context, at: usize) -> bool {
    let Some(si) = ctx.doc.sentence_at(at) else {
        return true;
    };
    ctx.doc.sentence_tokens(si).iter().any(|t| {
        let w = t.text(ctx.doc.text).to_lowercase();
        KIN.contains(w.as_str()) || w.strip_suffix('s').is_some_and(|k| KIN.contains(k))
    })
}

/// The first mention of a person that writes the full name, for the evidence.
fn first_name_mention(p: &Person) -> Option<Span> {
    p.mentions
        .iter()
        .find(|m| m.kind == MentionKind::Name)
        .or_else(|| p.mentions.first())
        .map(|m| m.span)
}

impl Check for NameVariant {
    fn id(&self) -> &'static str {
        "name-variant"
    }

    fn description(&self) -> &'static str {
        "One person's name is spelt two ways."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let mut flags = bare_surnames(self.id(), ctx);
        flags.extend(first_names(self.id(), ctx));
        flags.extend(full_surnames(self.id(), ctx));
        flags
    }
}

/// Every folded word of every person's and entity's name: forms the text has introduced.
fn known_forms(ctx: &Context) -> HashSet<String> {
    let mut known = HashSet::new();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-')
            .map(|w| {
                let w = fold_name(w);
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.strip_suffix("'s").unwrap_or(w).to_string()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    for p in ctx.people {
        // A person the people stage made of one bare word is the candidate itself, not a
        // form the text introduced.
        if p.name.split_whitespace().count() >= 2 {
            known.extend(words(&p.name));
        }
        for m in &p.mentions {
            if m.kind != MentionKind::Pronoun && m.kind != MentionKind::Description {
                let w = m.span.text(ctx.doc.text);
                if w.split_whitespace().count() >= 2 {
                    known.extend(words(w));
                }
            }
        }
    }
    for e in ctx.entities {
        known.extend(words(&e.name));
    }
    known
}

fn bare_surnames(id: &str, ctx: &Context) -> Vec<Flag> {
    let text = ctx.doc.text;
    let known = known_forms(ctx);
    // People with a full name, by the first letters of their folded surname.
    let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in ctx.people.iter().enumerate() {
        if p.name.split_whitespace().count() < 2 {
            continue;
        }
        let Some(s) = surname(p) else { continue };
        let key: String = s.chars().take(MIN_PREFIX).collect();
        let bucket = by_prefix.entry(key).or_default();
        if bucket.len() < MAX_BUCKET && !bucket.contains(&i) {
            bucket.push(i);
        }
    }
    // Every lower-case word of the text: a name that is also a common word is not compared.
    let lower_words: HashSet<String> = ctx
        .doc
        .tokens
        .iter()
        .map(|t| t.text(text))
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .map(fold_name)
        .collect();
    let toks = &ctx.doc.tokens;
    // Candidate words and their occurrences (token indices).
    let mut cands: HashMap<String, Vec<usize>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let w = t.text(text);
        if !is_name_word(w) {
            continue;
        }
        let f = fold_name(w);
        let f = f.strip_suffix("'s").unwrap_or(&f).to_string();
        if !cands.contains_key(&f) && order.len() >= MAX_CANDIDATES {
            continue;
        }
        if !cands.contains_key(&f) {
            order.push(f.clone());
        }
        cands.entry(f).or_default().push(k);
    }
    let lex = lexicon();
    let mut flags = Vec::new();
    for f in order {
        let Some(occ) = cands.get(&f) else { continue };
        if known.contains(&f) || lower_words.contains(&f) || f.chars().count() < MIN_LEN {
            continue;
        }
        // Written alone every time: not part of a longer capitalised name ("Brissot Street").
        let alone = occ.iter().all(|&k| {
            let w = toks[k].text(text);
            let neighbour_is_name = |j: Option<usize>| {
                j.and_then(|j| toks.get(j)).is_some_and(|t| {
                    let n = t.text(text);
                    is_name_word(n)
                        && !lex.is_not_name(n)
                        && same_sentence(ctx, toks[k].span, t.span)
                })
            };
            !lex.is_non_person_word(w)
                && !lex.is_given(w)
                && !neighbour_is_name(k.checked_sub(1))
                && !neighbour_is_name(Some(k + 1))
        });
        if !alone {
            continue;
        }
        let key: String = f.chars().take(MIN_PREFIX).collect();
        let Some(bucket) = by_prefix.get(&key) else {
            continue;
        };
        let matches: Vec<(usize, Near)> = bucket
            .iter()
            .filter_map(|&i| {
                let s = surname(&ctx.people[i])?;
                near(&f, &s).map(|n| (i, n))
            })
            .collect();
        // Exactly one person: with two near surnames the word could be either's.
        let [(i, how)] = matches.as_slice() else {
            continue;
        };
        let p = &ctx.people[*i];
        let Some(first) = first_name_mention(p) else {
            continue;
        };
        let Some(&k) = occ.first() else { continue };
        let at = toks[k].span;
        // A second reference: after the full name, never before it, and not about family.
        if at.start < first.end || occ.iter().any(|&k| kin_near(ctx, toks[k].span.start)) {
            continue;
        }
        let written = at.text(text);
        let written = written
            .strip_suffix("'s")
            .or_else(|| written.strip_suffix("’s"))
            .unwrap_or(written);
        let at = Span::new(at.start, at.start + written.len());
        let para = ctx.doc.paragraph_at(first.start).map_or(1, |n| n + 1);
        let kind_words = match how {
            Near::Spelling => "a near spelling of",
            Near::Gendered => "the other gender's form of",
        };
        flags.push(Flag {
            kind: id.into(),
            message: format!(
                "{} is later called “{}”, {} the surname, a name no one else in the article has.",
                p.name, written, kind_words
            ),
            reason: "the surname written alone was never introduced and is near one person's".into(),
            confidence: 0.6,
            evidence: vec![first, at],
            fact: None,
            links: vec![format!(
                "‘{written}’ read as {}, named in paragraph {para}, the only person with a near surname",
                p.name
            )],
        });
    }
    flags
}

fn same_sentence(ctx: &Context, a: Span, b: Span) -> bool {
    ctx.doc.sentence_at(a.start) == ctx.doc.sentence_at(b.start)
}

crate::lexicon::word_set!(
    /// Function words left out of the role words compared.
    STOP,
    crate::lexicon::CHECK_GRAMMAR,
    "role_stop_words"
);

/// The lower-case words of the six tokens before a mention in its sentence (its title or
/// the description it is apposed to): "the police chief leading the inquiry, Ana Ruiz".
fn role_words(ctx: &Context, span: Span) -> HashSet<String> {
    let text = ctx.doc.text;
    let Some(si) = ctx.doc.sentence_at(span.start) else {
        return HashSet::new();
    };
    let toks = ctx.doc.sentence_tokens(si);
    let k = toks.partition_point(|t| t.span.start < span.start);
    toks[k.saturating_sub(6)..k]
        .iter()
        .map(|t| t.text(text).to_lowercase())
        .filter(|w| {
            w.chars().all(char::is_alphabetic) && w.len() >= 3 && !STOP.contains(&w.as_str())
        })
        .collect()
}

/// The most mentions (names and surnames) of a full name read as a one-off misspelling.
const MAX_VARIANT_MENTIONS: usize = 2;

/// Two full names with the same first name and near surnames ("Ilse Marrowby" … "Ilse
/// Marrowen"), the second written at most twice and neither about family.
fn full_surnames(id: &str, ctx: &Context) -> Vec<Flag> {
    let text = ctx.doc.text;
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in ctx.people.iter().enumerate() {
        if p.name.split_whitespace().count() != 2 {
            continue;
        }
        let Some(f) = p.name.split_whitespace().next().map(fold_name) else {
            continue;
        };
        let bucket = by_first.entry(f).or_default();
        if bucket.len() < MAX_BUCKET {
            bucket.push(i);
        }
    }
    let named = |p: &Person| {
        p.mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Alias))
            .count()
    };
    let mut flags = Vec::new();
    let mut buckets: Vec<&Vec<usize>> = by_first.values().filter(|b| b.len() >= 2).collect();
    buckets.sort();
    for bucket in buckets {
        for (x, &i) in bucket.iter().enumerate() {
            for &j in &bucket[x + 1..] {
                let (a, b) = (&ctx.people[i], &ctx.people[j]);
                let (Some(sa), Some(sb)) = (surname(a), surname(b)) else {
                    continue;
                };
                let Some(how) = near(&sa, &sb) else { continue };
                let (Some(ma), Some(mb)) = (first_name_mention(a), first_name_mention(b)) else {
                    continue;
                };
                let (first, second, later) = if ma.start <= mb.start {
                    (ma, mb, b)
                } else {
                    (mb, ma, a)
                };
                if named(later) > MAX_VARIANT_MENTIONS
                    || kin_near(ctx, first.start)
                    || kin_near(ctx, second.start)
                {
                    continue;
                }
                let how = match how {
                    Near::Spelling => "a near spelling of the surname",
                    Near::Gendered => "the other gender's form of the surname",
                };
                flags.push(Flag {
                    kind: id.into(),
                    message: format!(
                        "“{}” is later written “{}”, {}.",
                        first.text(text),
                        second.text(text),
                        how
                    ),
                    reason: "the same first name with a near surname".into(),
                    confidence: 0.55,
                    evidence: vec![first, second],
                    fact: None,
                    links: vec![format!(
                        "‘{}’ read as ‘{}’, named before it",
                        second.text(text),
                        first.text(text)
                    )],
                });
            }
        }
    }
    flags
}

fn first_names(id: &str, ctx: &Context) -> Vec<Flag> {
    let text = ctx.doc.text;
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in ctx.people.iter().enumerate() {
        if p.name.split_whitespace().count() != 2 {
            continue;
        }
        let Some(s) = surname(p) else { continue };
        let bucket = by_surname.entry(s).or_default();
        if bucket.len() < MAX_BUCKET {
            bucket.push(i);
        }
    }
    let mut flags = Vec::new();
    let mut buckets: Vec<&Vec<usize>> = by_surname.values().filter(|b| b.len() >= 2).collect();
    buckets.sort();
    for bucket in buckets {
        for (x, &i) in bucket.iter().enumerate() {
            for &j in &bucket[x + 1..] {
                let (a, b) = (&ctx.people[i], &ctx.people[j]);
                let (Some(fa), Some(fb)) = (
                    a.name.split_whitespace().next().map(fold_name),
                    b.name.split_whitespace().next().map(fold_name),
                ) else {
                    continue;
                };
                // "Alex" / "Alexander": one first name shortening the other is a nickname.
                if fa.starts_with(&fb) || fb.starts_with(&fa) {
                    continue;
                }
                let (ca, cb): (Vec<char>, Vec<char>) = (fa.chars().collect(), fb.chars().collect());
                if ca.len().min(cb.len()) < 4
                    || ca.len().max(cb.len()) > MAX_LEN
                    || shared_prefix(&ca, &cb) < 3
                    || slip(&ca, &cb)
                    || distance(&ca, &cb, 2).is_none()
                {
                    continue;
                }
                let (Some(ma), Some(mb)) = (first_name_mention(a), first_name_mention(b)) else {
                    continue;
                };
                let (first, second) = if ma.start <= mb.start {
                    (ma, mb)
                } else {
                    (mb, ma)
                };
                // The same role words before both names, and no family in either sentence.
                let (ra, rb) = (role_words(ctx, first), role_words(ctx, second));
                let shared: Vec<&String> = ra.intersection(&rb).collect();
                if shared.is_empty() || kin_near(ctx, first.start) || kin_near(ctx, second.start) {
                    continue;
                }
                let mut shared: Vec<&str> = shared.iter().map(|s| s.as_str()).collect();
                shared.sort();
                flags.push(Flag {
                    kind: id.into(),
                    message: format!(
                        "“{}” and “{}” share a surname, a near first name and a role: one person named two ways.",
                        first.text(text),
                        second.text(text)
                    ),
                    reason: "both names are given the same role words".into(),
                    confidence: 0.55,
                    evidence: vec![first, second],
                    fact: None,
                    links: vec![format!(
                        "‘{}’ read as ‘{}’: both called “{}”",
                        second.text(text),
                        first.text(text),
                        shared.join(" ")
                    )],
                });
            }
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, person_with_surname as person, run_on};
    use super::*;

    #[test]
    fn near_spellings() {
        assert_eq!(near("marrowby", "marrowen"), Some(Near::Spelling));
        assert_eq!(near("marrowby", "marrowbe"), None, "a one-letter slip");
        assert_eq!(
            near("stephanopoulos", "stephanopolous"),
            None,
            "letters swapped"
        );
        assert_eq!(near("kovalenko", "kovalenko"), None);
        assert_eq!(near("novak", "novakova"), Some(Near::Gendered));
        assert_eq!(near("svoboda", "svobodova"), Some(Near::Gendered));
        assert_eq!(near("tallant", "tallants"), None);
        assert_eq!(near("pell", "pelle"), None, "too short");
        assert_eq!(near("dunmore", "munmore"), None, "different beginnings");
        assert_eq!(fold_name("Dvořáková"), "dvorakova");
    }

    #[test]
    fn fires_on_a_misspelt_surname() {
        let t = "The ferry pilot Ilse Marrowby spoke first.\n\nMarrowby said the crossing was safe.\n\nMarrowen said the crews would strike.";
        let people = [person(t, "Ilse Marrowby")];
        let f = run_on(&NameVariant, t, &people, None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(evidence(t, &f[0]), vec!["Ilse Marrowby", "Marrowen"]);
        let t =
            "The judge Olga Kirrowová opened the hearing.\n\nKirrow said the court would sit late.";
        let f = run_on(&NameVariant, t, &[person(t, "Olga Kirrowová")], None);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn fires_on_a_changed_surname_with_the_first_name() {
        let t = "The pilot Ilse Marrowby spoke.\n\nMarrowby sailed.\n\nLater Ilse Marrowen said the crews would strike.";
        let people = [person(t, "Ilse Marrowby"), person(t, "Ilse Marrowen")];
        let f = run_on(&NameVariant, t, &people, None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(evidence(t, &f[0]), vec!["Ilse Marrowby", "Ilse Marrowen"]);
        let t = "The pilot Ilse Marrowby spoke. Her sister Ilse Marrowen sailed.";
        let people = [person(t, "Ilse Marrowby"), person(t, "Ilse Marrowen")];
        assert!(run_on(&NameVariant, t, &people, None).is_empty());
    }

    #[test]
    fn fires_on_a_changed_first_name() {
        let t = "The harbour master, Tobias Wrenfield, closed the port.\n\nHarbour master Tobiel Wrenfield said it would reopen.";
        let people = [person(t, "Tobias Wrenfield"), person(t, "Tobiel Wrenfield")];
        let f = run_on(&NameVariant, t, &people, None);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn near_misses_stay_silent() {
        // Plural, possessive, a longer name, relatives.
        for t in [
            "The pilot Ilse Marrowby spoke. The Marrowbys left. Marrowby's boat sailed.",
            "The pilot Ilse Marrowby spoke. They met on Marrowen Street.",
            "The pilot Ilse Marrowby spoke. Marrowen said her brother would sail.",
            "The pilot Ilse Marrowby spoke. The marrowen is a fish. Marrowen said so.",
        ] {
            let people = [person(t, "Ilse Marrowby")];
            assert!(run_on(&NameVariant, t, &people, None).is_empty(), "{t}");
        }
        // Near two people's surnames: it could be either's.
        let t =
            "Ilse Castagnelli and Piet Castagnetti spoke. Castagneppi said the crews were ready.";
        let people = [person(t, "Ilse Castagnelli"), person(t, "Piet Castagnetti")];
        assert!(run_on(&NameVariant, t, &people, None).is_empty());
        // A brother named in full: a different first name is a different person.
        let t = "The rider Stijn Verhaegen won. His brother Stein Verhaegen was second.";
        let people = [person(t, "Stijn Verhaegen"), person(t, "Stein Verhaegen")];
        assert!(run_on(&NameVariant, t, &people, None).is_empty());
        // Near first names without a shared role.
        let t = "The pilot Tobias Wrenfield sailed. The baker Tobiel Wrenfield baked.";
        let people = [person(t, "Tobias Wrenfield"), person(t, "Tobiel Wrenfield")];
        assert!(run_on(&NameVariant, t, &people, None).is_empty());
    }
}
