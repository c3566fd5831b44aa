//! Time vocabulary: the word lists of `data/time_words.tsv`, parsed once.
//!
//! Stage: shared by [`super::detect`]. Input: a lower-case word. Output: its value in
//! one class (month number, ISO weekday, cardinal, unit code…). Example:
//! `lexicon().month("sept") == Some(9)`.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::{Source, TIME_WORDS};

/// The time vocabulary, one map per word class.
#[derive(Default)]
pub struct Lexicon {
    classes: HashMap<&'static str, HashMap<&'static str, &'static str>>,
    /// Every word of every class, for the quick "can a time expression start here?" test.
    words: std::collections::HashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(TIME_WORDS));

/// The vocabulary, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    fn parse(src: Source) -> Lexicon {
        let mut lex = Lexicon::default();
        for row in src.ok_rows() {
            let (word, class, value) = (row.col(0), row.col(1), row.col(2));
            lex.classes.entry(class).or_default().insert(word, value);
            lex.words.insert(word);
        }
        lex
    }

    /// True when `word` belongs to any class.
    pub fn knows(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The raw value of `word` in `class`.
    pub fn get(&self, class: &str, word: &str) -> Option<&'static str> {
        self.classes.get(class)?.get(word).copied()
    }

    fn num(&self, class: &str, word: &str) -> Option<i64> {
        self.get(class, word)?.parse().ok()
    }

    pub fn month(&self, w: &str) -> Option<u32> {
        self.num("month", w).map(|m| m as u32)
    }
    pub fn weekday(&self, w: &str) -> Option<u32> {
        self.num("weekday", w).map(|d| d as u32)
    }
    pub fn weekday_plural(&self, w: &str) -> Option<u32> {
        w.strip_suffix('s').and_then(|s| self.weekday(s))
    }
    pub fn cardinal(&self, w: &str) -> Option<i64> {
        self.num("number", w)
    }
    pub fn ordinal(&self, w: &str) -> Option<i64> {
        self.num("ordinal", w)
    }
    pub fn unit(&self, w: &str) -> Option<&'static str> {
        self.get("unit", w)
    }
    pub fn season(&self, w: &str) -> Option<&'static str> {
        self.get("season", w)
    }
    pub fn part(&self, w: &str) -> Option<&'static str> {
        self.get("part", w)
    }
    pub fn zone(&self, w: &str) -> Option<&'static str> {
        self.get("zone", w)
    }
    pub fn reference(&self, w: &str) -> Option<&'static str> {
        self.get("ref", w)
    }
    pub fn set(&self, w: &str) -> Option<&'static str> {
        self.get("set", w)
    }
    pub fn holiday(&self, w: &str) -> Option<&'static str> {
        self.get("holiday", w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_separate() {
        let l = lexicon();
        assert_eq!(l.month("sept"), Some(9));
        assert_eq!(l.weekday("sunday"), Some(7));
        assert_eq!(l.weekday_plural("mondays"), Some(1));
        assert_eq!(l.ordinal("second"), Some(2));
        assert_eq!(l.unit("second"), Some("TS"));
        assert_eq!(l.cardinal("forty"), Some(40));
        assert_eq!(l.reference("now"), Some("PRESENT_REF"));
        assert_eq!(l.month("monday"), None);
    }
}
