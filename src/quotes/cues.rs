//! Reporting cues: the verbs and phrases that attribute speech ("said", "told", "according to").
//!
//! Input: a word. Output: whether it is a reporting verb (from `data/reporting_verbs.txt`),
//! and whether it can take a reported clause ("said that …", "said Russia would …").
//! Example: `is_cue("warned")` is true; `takes_clause("called")` is false.

use crate::people::lexicon::{with_lower, FastSet};
use std::sync::LazyLock;

/// The reporting verbs; the `noun:` lines (cue nouns, not verbs) are left out.
static CUES: LazyLock<FastSet> = LazyLock::new(|| {
    crate::lexicon::REPORTING_VERBS
        .ok_rows()
        .filter(|r| r.prefix.is_none())
        .map(|r| r.text.to_lowercase())
        .collect()
});

crate::lexicon::word_set!(
    /// Verbs whose object is a reported clause; other cues ("called", "urged", "asked") take an
    /// object or an infinitive instead, so they only attribute quotation marks.
    CLAUSE_STEMS,
    crate::lexicon::QUOTE_GRAMMAR,
    "clause_stems"
);

crate::lexicon::word_set!(
    /// Verbs whose clause may follow without "that" ("said Russia would …").
    BARE_CLAUSE_STEMS,
    crate::lexicon::QUOTE_GRAMMAR,
    "bare_clause_stems"
);

/// A reporting verb whose reported clause may follow without "that".
pub fn takes_bare_clause(word: &str) -> bool {
    with_lower(word, |w| {
        cue_lower(w) && BARE_CLAUSE_STEMS.iter().any(|s| w.starts_with(s))
    })
}

/// Verbs whose object sits between the verb and its clause ("told"/"assured"): the
/// `object:` lines of `data/reporting_verbs.txt`.
static OBJECT_VERBS: LazyLock<FastSet> = LazyLock::new(|| {
    crate::lexicon::REPORTING_VERBS
        .ok_rows()
        .filter(|r| r.prefix == Some("object"))
        .map(|r| r.text.to_string())
        .collect()
});

/// A reporting verb that takes an object before its clause ("told", "assured"), as written
/// (lower case).
pub fn is_object_verb(word: &str) -> bool {
    OBJECT_VERBS.contains(word)
}

/// A reporting verb ("said", "warned", "posted").
pub fn is_cue(word: &str) -> bool {
    with_lower(word, cue_lower)
}

fn cue_lower(w: &str) -> bool {
    if CUES.contains(w) {
        return true;
    }
    // "-ing" forms from the listed base forms: saying, arguing, noting, telling, adding.
    match w.strip_suffix("ing") {
        Some(stem) if stem.chars().count() >= 2 => {
            CUES.contains(stem)
                || CUES.contains(&format!("{stem}e"))
                || undoubled(stem).is_some_and(|base| CUES.contains(base))
        }
        _ => false,
    }
}

/// The stem without its doubled last letter ("admitt" → "admit"), when the last two
/// characters are the same letter and at least one more comes before them. Compared by
/// `char`, so a stem ending in a multibyte character is never cut inside it.
fn undoubled(stem: &str) -> Option<&str> {
    let mut rev = stem.char_indices().rev();
    let (last_at, last) = rev.next()?;
    let (_, before) = rev.next()?;
    rev.next()?;
    (last == before).then(|| &stem[..last_at])
}

/// A reporting verb that takes a reported clause.
pub fn takes_clause(word: &str) -> bool {
    with_lower(word, |w| {
        cue_lower(w) && CLAUSE_STEMS.iter().any(|s| w.starts_with(s))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert!(is_cue("said") && is_cue("Told") && is_cue("warned") && is_cue("termed"));
        assert!(!is_cue("walked"));
        assert!(is_cue("saying") && is_cue("arguing") && is_cue("noting") && is_cue("admitting"));
        assert!(takes_clause("said") && takes_clause("denied") && !takes_clause("called"));
    }

    /// A multibyte character before "ing" (a Hangul syllable, a Greek letter) once cut a
    /// byte slice inside the character and panicked.
    #[test]
    fn multibyte_stems_do_not_panic() {
        for w in [
            "a\u{1041}ing",
            "\u{d55c}ing",
            "x\u{d55c}\u{d55c}ing",
            "\u{3b1}\u{3b1}\u{3b1}ing",
            "éing",
        ] {
            assert!(!is_cue(w), "{w}");
        }
        assert_eq!(undoubled("admitt"), Some("admit"));
        assert_eq!(undoubled("\u{d55c}\u{d55c}"), None);
        assert_eq!(undoubled("x\u{d55c}\u{d55c}"), Some("x\u{d55c}"));
    }
}
