//! Reporting cues: the verbs and phrases that attribute speech ("said", "told", "according to").
//!
//! Input: a word. Output: whether it is a reporting verb (from `data/reporting_verbs.txt`),
//! and whether it can take a reported clause ("said that …", "said Russia would …").
//! Example: `is_cue("warned")` is true; `takes_clause("called")` is false.

use std::collections::HashSet;
use std::sync::LazyLock;

static CUES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../data/reporting_verbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("noun:"))
        .map(str::to_lowercase)
        .collect()
});

/// Verbs whose object is a reported clause; other cues ("called", "urged", "asked") take an
/// object or an infinitive instead, so they only attribute quotation marks.
const CLAUSE_STEMS: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "state",
    "add",
    "write",
    "wrote",
    "post",
    "tweet",
    "announce",
    "declare",
    "claim",
    "insist",
    "argue",
    "assert",
    "warn",
    "note",
    "explain",
    "repl",
    "respond",
    "recall",
    "admit",
    "acknowledg",
    "conced",
    "confirm",
    "den",
    "suggest",
    "predict",
    "believ",
    "think",
    "thought",
    "contend",
    "maintain",
    "report",
    "reveal",
    "disclos",
    "complain",
    "alleg",
    "boast",
    "stress",
    "emphasi",
    "observ",
    "indicat",
    "signal",
    "agree",
    "testif",
    "estimat",
    "reiterat",
    "conclud",
    "assur",
    "remind",
    "inform",
    "promis",
    "vow",
    "pledg",
    "caution",
    "hint",
    "speculat",
    "wonder",
    "learn",
    "rul",
    "found",
    "show",
];

/// Objects of "told"/"assured" that sit between the verb and its clause.
pub const OBJECT_VERBS: &[&str] = &[
    "told", "tell", "tells", "telling", "assured", "assures", "reminded", "reminds", "informed",
    "informs", "warned", "warns", "promised", "promises", "wrote", "writes",
];

/// A reporting verb ("said", "warned", "posted").
pub fn is_cue(word: &str) -> bool {
    CUES.contains(&word.to_lowercase())
}

/// A reporting verb that takes a reported clause.
pub fn takes_clause(word: &str) -> bool {
    let w = word.to_lowercase();
    is_cue(&w) && CLAUSE_STEMS.iter().any(|s| w.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert!(is_cue("said") && is_cue("Told") && is_cue("warned") && is_cue("termed"));
        assert!(!is_cue("walked"));
        assert!(takes_clause("said") && takes_clause("denied") && !takes_clause("called"));
    }
}
