//! Word lists for the people stage, loaded once from the data files in `data/`.
//!
//! Input: the lists of [`crate::lexicon`] (given names, honorifics, titles, places and
//! nationalities, organisation words, capitalised non-names). Output: [`Lexicon`], a set of
//! case-insensitive lookups. Example: `lexicon().given_gender("ana")` is `Some(Gender::Female)`.

use std::collections::{HashMap, HashSet};

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon as data;

/// A small multiplicative hasher (FxHash style): word lookups are on the hot path and need
/// no protection against adversarial keys.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, b) in chunk.iter().enumerate() {
                v |= (*b as u64) << (8 * i);
            }
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

pub type FastSet = HashSet<String, BuildHasherDefault<FastHasher>>;
pub type FastMap<V> = HashMap<String, V, BuildHasherDefault<FastHasher>>;

/// Calls `f` with the lower-cased `word` without allocating for short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if word.len() <= buf.len() && word.is_ascii() {
        for (d, b) in buf.iter_mut().zip(word.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        match std::str::from_utf8(&buf[..word.len()]) {
            Ok(s) => f(s),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&crate::text::visible(word).to_lowercase())
    }
}

/// The gender a given name or honorific suggests; only used to match pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

pub struct Lexicon {
    given: FastMap<Gender>,
    honorifics: FastMap<Gender>,
    role_heads: FastSet,
    role_mods: FastSet,
    title_abbr: FastSet,
    leader_heads: FastSet,
    nationalities: FastSet,
    places: FastSet,
    org_words: FastSet,
    not_names: FastSet,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Lower-cases and drops a trailing full stop ("Gen." → "gen").
pub fn norm(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut given = FastMap::default();
        for row in data::GIVEN_NAMES.ok_rows() {
            let gender = match row.section {
                Some("male") => Gender::Male,
                Some("female") => Gender::Female,
                _ => Gender::Unknown,
            };
            for w in row.words() {
                let key = w.to_lowercase();
                // A name listed under both genders is ambiguous.
                let g = match given.get(&key) {
                    Some(prev) if *prev != gender => Gender::Unknown,
                    _ => gender,
                };
                given.insert(key, g);
            }
        }
        let mut honorifics = FastMap::default();
        for row in data::HONORIFICS.ok_rows() {
            let g = match row.col(1) {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Unknown,
            };
            honorifics.insert(row.col(0).to_lowercase(), g);
        }
        let mut role_heads = FastSet::default();
        let mut role_mods = FastSet::default();
        let mut title_abbr = FastSet::default();
        let mut leader_heads = FastSet::default();
        for row in data::TITLES.ok_rows() {
            let l = row.text;
            match row.prefix {
                Some("mod") => drop(role_mods.insert(l.to_lowercase())),
                Some("abbr") => drop(title_abbr.insert(l.to_lowercase())),
                Some("leader") => {
                    let h = l.to_lowercase();
                    if let Some(last) = h.split_whitespace().last() {
                        leader_heads.insert(last.to_string());
                    }
                }
                _ => {
                    // "prime minister": the last word is the head, the others qualify it.
                    let words: Vec<String> = row.words().map(str::to_lowercase).collect();
                    if let Some((head, mods)) = words.split_last() {
                        role_heads.insert(head.clone());
                        for m in mods {
                            role_mods.insert(m.clone());
                        }
                    }
                }
            }
        }
        let mut nationalities = FastSet::default();
        let mut places = FastSet::default();
        for row in data::PLACES.ok_rows() {
            let set = match row.prefix {
                Some("nat") => &mut nationalities,
                _ => &mut places,
            };
            set.extend(row.words().map(str::to_lowercase));
        }
        let words =
            |src: data::Source| -> FastSet { src.ok_words().map(str::to_lowercase).collect() };
        Lexicon {
            given,
            honorifics,
            role_heads,
            role_mods,
            title_abbr,
            leader_heads,
            nationalities,
            places,
            org_words: words(data::ORG_WORDS),
            not_names: words(data::NOT_NAMES),
        }
    }

    /// Gender of a known given name (`None` when the word is not a given name).
    pub fn given_gender(&self, word: &str) -> Option<Gender> {
        with_lower(word, |w| self.given.get(w).copied())
    }

    pub fn is_given(&self, word: &str) -> bool {
        with_lower(word, |w| self.given.contains_key(w))
    }

    /// Gender of an honorific ("Mr" → male), `None` when not an honorific.
    pub fn honorific(&self, word: &str) -> Option<Gender> {
        with_lower(word.trim_end_matches('.'), |w| {
            self.honorifics.get(w).copied()
        })
    }

    /// A role head word ("president", "spokesperson").
    pub fn is_role_head(&self, word: &str) -> bool {
        let n = norm(word);
        let n = n
            .strip_prefix("then-")
            .or_else(|| n.strip_prefix("ex-"))
            .unwrap_or(&n);
        self.role_heads.contains(n)
    }

    /// A role qualifier ("former", "prime", "opposition").
    pub fn is_role_mod(&self, word: &str) -> bool {
        with_lower(word.trim_end_matches('.'), |n| {
            self.role_mods.contains(n) || n.starts_with("then-") || n.starts_with("ex-")
        })
    }

    /// An abbreviated title written before names ("Gen", "Rep").
    pub fn is_title_abbr(&self, word: &str) -> bool {
        with_lower(word.trim_end_matches('.'), |w| self.title_abbr.contains(w))
    }

    /// A role head that may be described as "leader".
    pub fn is_leader_head(&self, word: &str) -> bool {
        with_lower(word.trim_end_matches('.'), |w| {
            self.leader_heads.contains(w)
        })
    }

    pub fn is_nationality(&self, word: &str) -> bool {
        with_lower(word.trim_end_matches('.'), |w| {
            self.nationalities.contains(w)
        })
    }

    pub fn is_place(&self, word: &str) -> bool {
        with_lower(word.trim_end_matches('.'), |w| self.places.contains(w))
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        with_lower(word.trim_end_matches('.'), |w| self.org_words.contains(w))
    }

    pub fn is_not_name(&self, word: &str) -> bool {
        // "We’re", "I’m": the list spells contractions with a straight apostrophe.
        if word.contains('’') {
            return self.is_not_name(&word.replace('’', "'"));
        }
        with_lower(word, |w| self.not_names.contains(w))
    }

    /// Any list that says "this capitalised word is not (part of) a personal name".
    pub fn is_non_person_word(&self, word: &str) -> bool {
        self.is_not_name(word)
            || self.is_place(word)
            || self.is_nationality(word)
            || self.is_org_word(word)
            || self.is_role_head(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let l = lexicon();
        assert_eq!(l.given_gender("Ana"), Some(Gender::Female));
        assert_eq!(l.given_gender("keir"), Some(Gender::Male));
        assert_eq!(l.honorific("Mr."), Some(Gender::Male));
        assert!(l.is_role_head("spokesperson") && l.is_role_head("Minister"));
        assert!(l.is_role_mod("former") && l.is_role_mod("prime") && l.is_role_mod("then-senator"));
        assert!(l.is_title_abbr("Gen."));
        assert!(l.is_nationality("Ukrainian") && l.is_place("Kyiv"));
        assert!(l.is_org_word("Ministry") && l.is_not_name("Monday"));
        assert!(l.is_not_name("We’re") && l.is_not_name("I’m") && !l.is_not_name("O’Neill"));
        assert!(l.is_leader_head("President") && !l.is_leader_head("spokesperson"));
    }
}
