//! Shared vocabulary for the checks: number words, word lists from `data/`, and small
//! helpers on words.
//!
//! Input: strings. Output: parsed numbers (`"twenty-five"` → 25, `"1,020"` → 1020,
//! `"2.5"` → 2.5) and word-list lookups (`head_class("war")` → singleton).

use std::collections::HashMap;
use std::sync::LazyLock;

/// Cardinal words up to ninety, with their values.
const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("a", 1.0),
    ("an", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// Regex fragment matching a number written in digits or words ("30", "1,020", "2.5",
/// "two", "twenty-five", "a"). Use with `(?i)`.
///
/// ASCII digits and a separator written as an alternation, so that it also compiles inside
/// `(?-u)` patterns (whose classes cannot hold the non-breaking hyphen), which are much
/// cheaper to build than Unicode case-insensitive ones.
pub const NUMBER_RE: &str = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:(?:[- ]|‑)(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an|a dozen|a hundred|one hundred)";

/// Parses a number in digits or words; `None` when it is not one.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim().to_lowercase();
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return t.replace(',', "").parse().ok();
    }
    let mut total = 0.0;
    let mut any = false;
    for part in t.split(['-', '‑', ' ']) {
        if part.is_empty() {
            continue;
        }
        let v = UNITS.iter().find(|(w, _)| *w == part).map(|(_, v)| *v)?;
        if part == "hundred" || part == "dozen" {
            total = if any { total * v } else { v };
        } else if !(any && (part == "a" || part == "an")) {
            total += v;
        }
        any = true;
    }
    any.then_some(total)
}

/// Ordinals first..twentieth as numbers ("fourth" → 4, "3rd" → 3).
pub fn parse_ordinal(s: &str) -> Option<f64> {
    const ORD: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let t = s.trim().to_lowercase();
    if let Some(i) = ORD.iter().position(|o| *o == t) {
        return Some(i as f64 + 1.0);
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &t[digits.len()..];
    if !digits.is_empty() && matches!(rest, "st" | "nd" | "rd" | "th") {
        return digits.parse().ok();
    }
    None
}

/// How a head noun is used in an article: `Singleton` heads usually name one thing per
/// article ("the war"); `Instance` heads often name several ("a ten-year sentence" for
/// each defendant) and are compared only when the later mention points back with a
/// definite determiner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadClass {
    Singleton,
    Instance,
}

/// Head nouns whose length the duration check compares (`data/duration_heads.tsv`).
static DURATION_HEADS: LazyLock<HashMap<String, HeadClass>> =
    LazyLock::new(|| load_heads(crate::lexicon::DURATION_HEADS));

/// Head nouns whose amount the number check compares (`data/quantity_heads.tsv`).
static QUANTITY_HEADS: LazyLock<HashMap<String, HeadClass>> =
    LazyLock::new(|| load_heads(crate::lexicon::QUANTITY_HEADS));

/// word → class; the `follow` rows are read by [`FOLLOWERS`].
fn load_heads(src: crate::lexicon::Source) -> HashMap<String, HeadClass> {
    let mut m = HashMap::new();
    for row in src.ok_rows() {
        let class = match row.col(1) {
            "singleton" => HeadClass::Singleton,
            "instance" => HeadClass::Instance,
            _ => continue,
        };
        m.insert(row.col(0).to_lowercase(), class);
    }
    m
}

/// Nouns that turn a preceding head into a different thing ("ceasefire extension").
static FOLLOWERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::lexicon::DURATION_HEADS
        .ok_rows()
        .filter(|r| r.col(1) == "follow")
        .map(|r| r.col(0).to_lowercase())
        .collect()
});

/// True when `word` after a head noun makes a compound naming something else.
pub fn is_compound_follower(word: &str) -> bool {
    let w = word.to_lowercase();
    FOLLOWERS.contains(&w)
}

/// The class of a duration head noun (singular or plural), if it is one.
pub fn duration_head(word: &str) -> Option<HeadClass> {
    lookup(&DURATION_HEADS, word)
}

/// The class of a quantity head noun, if it is one.
pub fn quantity_head(word: &str) -> Option<HeadClass> {
    lookup(&QUANTITY_HEADS, word)
}

fn lookup(m: &HashMap<String, HeadClass>, word: &str) -> Option<HeadClass> {
    let w = word.to_lowercase();
    m.get(&w)
        .or_else(|| w.strip_suffix('s').and_then(|s| m.get(s)))
        .copied()
}

/// Determiners that point back to something already introduced.
pub fn is_definite(det: &str) -> bool {
    matches!(
        det.to_lowercase().as_str(),
        "the" | "this" | "that" | "its" | "his" | "her" | "their" | "our" | "these" | "those"
    )
}

/// Folds the accents the office-holder data and news texts commonly differ in.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ğ' => 'g',
            'ş' => 's',
            'ñ' => 'n',
            'Á' | 'À' | 'Â' | 'Ä' => 'A',
            'É' | 'È' => 'E',
            'Í' | 'İ' => 'I',
            'Ó' | 'Ö' => 'O',
            'Ú' | 'Ü' => 'U',
            'Ç' => 'C',
            'Ş' => 'S',
            '’' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(parse_number("30"), Some(30.0));
        assert_eq!(parse_number("1,020"), Some(1020.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("two"), Some(2.0));
        assert_eq!(parse_number("Twenty-five"), Some(25.0));
        assert_eq!(parse_number("a"), Some(1.0));
        assert_eq!(parse_number("a dozen"), Some(12.0));
        assert_eq!(parse_number("war"), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(parse_ordinal("fourth"), Some(4.0));
        assert_eq!(parse_ordinal("3rd"), Some(3.0));
        assert_eq!(parse_ordinal("third-party"), None);
    }

    #[test]
    fn head_lists_load() {
        assert_eq!(duration_head("war"), Some(HeadClass::Singleton));
        assert_eq!(duration_head("sentences"), Some(HeadClass::Instance));
        assert_eq!(duration_head("table"), None);
        assert!(quantity_head("deal").is_some());
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Türkiye Erdoğan António"), "Turkiye Erdogan Antonio");
    }
}
