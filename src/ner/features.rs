//! The tagger's features: word identity, shape, affixes, context words, gazetteer hits and
//! document-level evidence, each hashed to a bucket of the weight table.
//!
//! Input: a [`Document`]. Output: for every token, the buckets of its static features
//! (those that do not depend on the tags already chosen); [`dynamic`] adds the features of
//! the previous tags during decoding. Training ([`super::train`]) and tagging share this
//! code, so a model always sees the features it was trained on.
//!
//! Example: "Ana" after "minister" fires `w=ana`, `sh=Xxx`, `gz=given`, `w-1=minister`, …

use crate::people::lexicon::lexicon;
use crate::text::{Document, TokenKind};
use std::collections::HashSet;

/// 32-bit FNV-1a over a template name and a value, so feature ids never collide by
/// concatenation ("w-1" + "x" vs "w" + "-1x").
pub fn hash(template: &str, value: &str) -> u32 {
    hash_parts(template, &[value])
}

/// [`hash`] of `template` and the concatenation of `parts`, without building the string.
pub fn hash_parts(template: &str, parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    template.bytes().for_each(&mut eat);
    eat(0x1f);
    for p in parts {
        p.bytes().for_each(&mut eat);
    }
    h
}

/// Which gazetteers a word is in (bit per list, in [`GAZETTEERS`] order).
fn gazetteer_bits(s: &str) -> u8 {
    let lex = lexicon();
    let hits = [
        lex.is_given(s),
        lex.is_org_word(s),
        lex.is_place(s),
        lex.is_nationality(s),
        lex.is_not_name(s),
        lex.honorific(s).is_some(),
        lex.is_role_head(s),
    ];
    hits.iter()
        .enumerate()
        .fold(0, |acc, (i, &h)| acc | (u8::from(h) << i))
}

/// Names of the gazetteer features, one per bit of [`gazetteer_bits`].
const GAZETTEERS: [&str; 7] = ["given", "org", "place", "nat", "notname", "hon", "role"];

const LENGTHS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// Combines a feature hash with a small number (a tag), for the dynamic features.
pub fn mix(h: u32, n: u32) -> u32 {
    let mut x = h ^ n.wrapping_mul(0x9e37_79b9);
    x ^= x >> 16;
    x = x.wrapping_mul(0x85eb_ca6b);
    x ^ (x >> 13)
}

/// A word's shape: upper → X, lower → x, digit → d, other characters kept; runs of the same
/// class beyond two collapse ("McDonald" → "XxXxx", "U.S." → "X.X.", "1996-08-22" → "dd-dd-dd").
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
        }
        if run <= 2 {
            out.push(k);
        }
        if out.len() > 12 {
            break;
        }
    }
    out
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Per-token inputs that later features read: lower-case text, shape, gazetteer hits.
struct Tok<'a> {
    text: &'a str,
    lower: String,
    shape: String,
    gazetteers: u8,
}

/// Static feature buckets for every token of `doc` (hashes, not yet reduced to the table).
pub fn static_features(doc: &Document) -> Vec<Vec<u32>> {
    let text = doc.text;
    let toks: Vec<Tok> = doc
        .tokens
        .iter()
        .map(|t| {
            let s = t.text(text);
            let v = crate::text::visible(s);
            Tok {
                text: s,
                lower: v.to_lowercase(),
                shape: shape(&v),
                gazetteers: gazetteer_bits(s),
            }
        })
        .collect();
    // Document-level evidence: a word also written in lower case somewhere is a common word;
    // one capitalised away from a sentence start is a name of some kind.
    let mut lower_seen: HashSet<&str> = HashSet::new();
    let mut cap_mid_seen: HashSet<&str> = HashSet::new();
    for r in &doc.sentence_tokens {
        for i in r.clone() {
            let t = &toks[i];
            let first = t.text.chars().next();
            if first.is_some_and(|c| c.is_lowercase()) {
                lower_seen.insert(t.lower.as_str());
            } else if i > r.start && first.is_some_and(|c| c.is_uppercase()) {
                cap_mid_seen.insert(t.lower.as_str());
            }
        }
    }
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); toks.len()];
    for r in &doc.sentence_tokens {
        let words = r.clone().filter(|&i| doc.tokens[i].kind == TokenKind::Word);
        let (n_words, n_caps) = words.fold((0usize, 0usize), |(n, c), i| {
            let s = toks[i].text;
            let all_caps = s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !s.chars().any(|c| c.is_lowercase());
            (n + 1, c + usize::from(all_caps))
        });
        // Headlines and datelines in capitals: capitals prove nothing there.
        let caps_sentence = n_words >= 2 && n_caps * 2 > n_words;
        let ctx = |j: isize| -> (&str, &str) {
            if j < r.start as isize {
                ("<s>", "<s>")
            } else if j >= r.end as isize {
                ("</s>", "</s>")
            } else {
                let t = &toks[j as usize];
                (t.lower.as_str(), t.shape.as_str())
            }
        };
        for i in r.clone() {
            let t = &toks[i];
            let ii = i as isize;
            let f = &mut out[i];
            let w = t.lower.as_str();
            let sh = t.shape.as_str();
            f.push(hash("b", ""));
            f.push(hash("w", w));
            f.push(hash("W", t.text));
            f.push(hash("sh", sh));
            for n in 2..=3 {
                f.push(hash(["p2", "p3"][n - 2], prefix(w, n)));
            }
            for n in 2..=4 {
                f.push(hash(["s2", "s3", "s4"][n - 2], suffix(w, n)));
            }
            let (p1, psh1) = ctx(ii - 1);
            let (p2, _) = ctx(ii - 2);
            let (n1, nsh1) = ctx(ii + 1);
            let (n2, _) = ctx(ii + 2);
            f.push(hash("w-1", p1));
            f.push(hash("w-2", p2));
            f.push(hash("w+1", n1));
            f.push(hash("w+2", n2));
            f.push(hash("sh-1", psh1));
            f.push(hash("sh+1", nsh1));
            f.push(hash_parts("w-1|sh", &[p1, "|", sh]));
            f.push(hash_parts("sh|w+1", &[sh, "|", n1]));
            f.push(hash_parts("sh-1|sh|sh+1", &[psh1, "|", sh, "|", nsh1]));
            f.push(hash_parts("w-1|w", &[p1, "|", w]));
            f.push(hash_parts("w|w+1", &[w, "|", n1]));
            if i == r.start {
                f.push(hash("init|sh", sh));
            }
            if caps_sentence {
                f.push(hash("caps|sh", sh));
            }
            f.push(hash("len", LENGTHS[t.text.chars().count().min(10)]));
            if t.text.chars().next().is_some_and(|c| c.is_uppercase()) {
                if lower_seen.contains(w) {
                    f.push(hash("doc", "lower"));
                }
                if cap_mid_seen.contains(w) {
                    f.push(hash("doc", "capmid"));
                }
            }
            // Gazetteers: the people stage's own lists, for the word and its neighbours.
            let gz = |bits: u8, tag: &str, f: &mut Vec<u32>| {
                for (i, name) in GAZETTEERS.iter().enumerate() {
                    if bits & (1 << i) != 0 {
                        f.push(hash(tag, name));
                    }
                }
            };
            gz(t.gazetteers, "gz", f);
            if ii > r.start as isize {
                gz(toks[i - 1].gazetteers, "gz-1", f);
            }
            if i + 1 < r.end {
                gz(toks[i + 1].gazetteers, "gz+1", f);
            }
        }
    }
    out
}

/// The features that read the tags already chosen for the two previous tokens.
pub fn dynamic(prev: u8, prev2: u8, word_feature: u32, out: &mut [u32; 3]) {
    out[0] = mix(0x7461_6731, u32::from(prev));
    out[1] = mix(0x7461_6732, u32::from(prev2) * 16 + u32::from(prev));
    out[2] = mix(word_feature, 0x100 + u32::from(prev));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_hash_like_the_joined_string() {
        assert_eq!(hash_parts("w-1|w", &["a", "|", "b"]), hash("w-1|w", "a|b"));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("McDonald"), "XxXxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "dd-dd-dd");
        assert_eq!(shape("Ana"), "Xxx");
    }

    #[test]
    fn affixes_respect_characters() {
        assert_eq!(prefix("łódź", 2), "łó");
        assert_eq!(suffix("łódź", 3), "ódź");
        assert_eq!(suffix("ab", 3), "ab");
    }

    #[test]
    fn every_token_gets_features() {
        let d = Document::new("Minister Ana Ruiz said so. Then she left.");
        let f = static_features(&d);
        assert_eq!(f.len(), d.tokens.len());
        assert!(f.iter().all(|x| x.len() > 15));
        assert!(f[1].contains(&hash("gz", "given")));
    }
}
