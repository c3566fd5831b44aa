//! Event nouns grouped by meaning: "the inquiry" and "the investigation", "the walkout" and
//! "the strike", "the closure" and "the shutdown" can name one event.
//!
//! Input: `data/event_synonyms.tsv` (generated from WordNet 3.1 by
//! `scripts/event-synonyms.mjs`; one group per line, words separated by spaces, `#` comments).
//! Output: [`groups`] (word → the ids of its groups) and [`related`] (two words share a group
//! or are the same word). Example: `related("outage", "blackout")` is true,
//! `related("trial", "strike")` is false. Verbs derived from the nouns are held with a `+`
//! before them ("+evacuate"), so a noun lookup never finds a verb. [`lemma`] maps a plural
//! to the listed noun ("closures" → "closure"), [`verb_lemma`] an inflected verb to its `+`
//! entry ("evacuated" → "+evacuate").

use std::collections::HashMap;
use std::sync::LazyLock;

static GROUPS: LazyLock<HashMap<&'static str, Vec<u32>>> =
    LazyLock::new(|| parse(crate::lexicon::EVENT_SYNONYMS));

/// word → group ids (the line's index among the group lines).
fn parse(src: crate::lexicon::Source) -> HashMap<&'static str, Vec<u32>> {
    let mut map: HashMap<&str, Vec<u32>> = HashMap::new();
    for (id, row) in src.ok_rows().enumerate() {
        for w in row.words() {
            let ids = map.entry(w).or_default();
            if ids.last() != Some(&(id as u32)) {
                ids.push(id as u32);
            }
        }
    }
    map
}

/// The groups a word (already lower-case and lemmatised) belongs to.
pub fn groups(word: &str) -> &'static [u32] {
    GROUPS.get(word).map_or(&[], |v| v.as_slice())
}

/// Whether the word is in any group.
pub fn known(word: &str) -> bool {
    GROUPS.contains_key(word)
}

/// Two lower-case words name the same kind of event: equal, or sharing a group.
pub fn related(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ga, gb) = (groups(a), groups(b));
    ga.iter().any(|g| gb.contains(g))
}

/// The form of `w` (lower-case) that the groups hold: the word itself when listed, else a
/// regular inflection undone ("evacuated" → "evacuate", "landed" → "land", "strikes" →
/// "strike", "closing" → "close"). `None` when no form is listed.
pub fn lemma(w: &str) -> Option<String> {
    inflected(&w.to_lowercase(), "")
}

/// The `+verb` entry of an inflected verb ("landed" → "+land"), if any.
pub fn verb_lemma(w: &str) -> Option<String> {
    inflected(&w.to_lowercase(), "+")
}

fn inflected(w: &str, mark: &str) -> Option<String> {
    let known = |c: &str| known(&format!("{mark}{c}"));
    if known(w) {
        return Some(format!("{mark}{w}"));
    }
    let mut cands: Vec<String> = Vec::new();
    for suf in ["ies", "ied", "es", "s", "ed", "d", "ing"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.len() < 2 {
                continue;
            }
            match suf {
                "ies" | "ied" => cands.push(format!("{stem}y")),
                "ing" | "ed" => {
                    cands.push(stem.to_string());
                    cands.push(format!("{stem}e"));
                    // "stopped" → "stop": a doubled final letter. Compared as characters,
                    // not bytes: two equal bytes can end one multi-byte character.
                    let mut last = stem.chars().rev();
                    if let (Some(a), Some(b)) = (last.next(), last.next()) {
                        if a == b && stem.chars().nth(2).is_some() {
                            cands.push(stem[..stem.len() - a.len_utf8()].to_string());
                        }
                    }
                }
                _ => cands.push(stem.to_string()),
            }
        }
    }
    cands
        .into_iter()
        .find(|c| known(c))
        .map(|c| format!("{mark}{c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undoes_a_doubled_letter_and_never_cuts_a_character() {
        assert_eq!(lemma("stopped").as_deref(), lemma("stop").as_deref());
        // '၁' is three bytes of which the last two are equal: no panic, no cut character.
        assert_eq!(lemma("sאingع中's၁ing"), None);
        assert_eq!(lemma("x၁၁ed"), None);
    }

    #[test]
    fn parses_groups_and_skips_comments() {
        let m = parse(crate::lexicon::Source::new(
            "test.tsv",
            "# header\n\nalpha beta\nbeta gamma\n",
            crate::lexicon::Format::LINES,
        ));
        assert_eq!(m.get("alpha"), Some(&vec![0]));
        assert_eq!(m.get("beta"), Some(&vec![0, 1]));
        assert_eq!(m.get("gamma"), Some(&vec![1]));
        assert!(!m.contains_key("#"));
    }

    #[test]
    fn news_synonyms_are_related() {
        for (a, b) in [
            ("inquiry", "investigation"),
            ("walkout", "strike"),
            ("closure", "shutdown"),
            ("outage", "blackout"),
            ("hearing", "trial"),
            ("evacuation", "+evacuate"),
            ("election", "+elect"),
        ] {
            assert!(related(a, b), "{a} ~ {b}");
        }
        for (a, b) in [
            ("trial", "strike"),
            ("war", "election"),
            ("flight", "recount"),
        ] {
            assert!(!related(a, b), "{a} !~ {b}");
        }
    }

    #[test]
    fn lemmas() {
        assert_eq!(verb_lemma("Evacuated").as_deref(), Some("+evacuate"));
        assert_eq!(lemma("strikes").as_deref(), Some("strike"));
        assert_eq!(verb_lemma("buried").as_deref(), Some("+bury"));
        assert_eq!(lemma("inquiries").as_deref(), Some("inquiry"));
        assert_eq!(verb_lemma("elected").as_deref(), Some("+elect"));
        assert_eq!(lemma("elected"), None);
        assert_eq!(lemma("xqzv"), None);
        assert_eq!(lemma("é"), None);
    }
}
