//! Tense of the clause around a time expression, from nearby verb forms.
//!
//! Stage: used by [`super::find`] before [`super::resolve`]. Input: the sentence's
//! tokens and the expression's token range. Output: [`Tense`]. The nearest tense
//! marker wins (left side preferred on ties): modals of the future ("will", "'ll",
//! "going to", "would", "plans to", "scheduled"), past forms ("was", "had", words
//! in -ed, common irregular pasts), present forms ("is", "says"). Example: in
//! "She said late Sunday that …" the expression "late Sunday" is in the past tense;
//! in "I will be there on Thursday" it is in the future.

use super::scan::{Kind, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// No verb found near the expression.
    Unknown,
}

impl Tense {
    pub fn as_str(&self) -> &'static str {
        match self {
            Tense::Past => "past tense",
            Tense::Present => "present tense",
            Tense::Future => "future tense",
            Tense::Unknown => "no tense",
        }
    }
}

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "would",
    "scheduled",
    "expected",
    "plans",
    "plan",
    "planned",
    "due",
    "upcoming",
    "intends",
    "aims",
    "tomorrow",
    "starting",
];

const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "went",
    "came",
    "took",
    "gave",
    "made",
    "held",
    "left",
    "began",
    "saw",
    "got",
    "became",
    "fell",
    "rose",
    "won",
    "lost",
    "spoke",
    "wrote",
    "sent",
    "brought",
    "bought",
    "thought",
    "found",
    "ran",
    "paid",
    "sold",
    "kept",
    "felt",
    "knew",
    "grew",
    "drew",
    "threw",
    "flew",
    "broke",
    "chose",
    "stood",
    "struck",
    "led",
    "meant",
    "heard",
    "built",
    "spent",
    "fought",
    "caught",
    "taught",
    "sought",
    "ago",
    "yesterday",
    "last",
];

const PRESENT: &[&str] = &[
    "has",
    "have",
    "is",
    "are",
    "am",
    "says",
    "does",
    "do",
    "remains",
    "continues",
    "appears",
    "seems",
];

/// Words in -ed that are not past forms.
const NOT_ED: &[&str] = &[
    "need",
    "speed",
    "feed",
    "seed",
    "indeed",
    "red",
    "bed",
    "shed",
    "hundred",
    "proceed",
    "exceed",
    "succeed",
    "breed",
    "greed",
    "weed",
    "creed",
    "embed",
    "united",
    "limited",
    "based",
    "related",
    "armed",
    "advanced",
    "proposed",
    "so-called",
    "detailed",
    "renewed",
    "unprecedented",
    "interested",
    "concerned",
    "expected",
];

fn marker(w: &str, kind: Kind) -> Option<Tense> {
    if kind != Kind::Word {
        return None;
    }
    if FUTURE.contains(&w) {
        return Some(Tense::Future);
    }
    if PAST.contains(&w) {
        return Some(Tense::Past);
    }
    if PRESENT.contains(&w) {
        return Some(Tense::Present);
    }
    if w.len() > 4 && w.ends_with("ed") && !NOT_ED.contains(&w) {
        return Some(Tense::Past);
    }
    None
}

/// How far (tokens) the tense search looks on each side of an expression. A verb
/// further away is not this expression's; and without a bound, a sentence of
/// thousands of dates and no verb (hostile input) was scanned once per date:
/// quadratic (src/bin/linear_time.rs).
const REACH: usize = 60;

/// Tense for the expression at tokens `[start, end)` of the sentence `[s_start, s_end)`.
///
/// The nearest finite marker on either side decides. An infinitive ("to meet …
/// Thursday") reads as future only when no finite verb is found: in "extended the
/// offer to buy the firm Friday" the date belongs to "extended". A possessive
/// weekday ("Wednesday's ruling") names something that has happened.
/// With "this" ("agreed to meet this Thursday") the infinitive wins.
/// The search reaches at most [`REACH`] tokens either way.
pub fn tense_at(t: &Tokens, s_start: usize, s_end: usize, start: usize, end: usize) -> Tense {
    if matches!(t.w(end), "'" | "’") && t.w(end + 1) == "s" {
        return Tense::Past;
    }
    let s_start = s_start.max(start.saturating_sub(REACH));
    let s_end = s_end.min(end.saturating_add(REACH));
    let mut finite: Option<(usize, Tense)> = None;
    let mut infinitive = false;
    for k in (s_start..start).rev() {
        let w = t.w(k);
        if w == "going" && t.w(k + 1) == "to" {
            finite = Some((start - k, Tense::Future));
            break;
        }
        if let Some(tense) = t.kind(k).and_then(|kind| marker(w, kind)) {
            finite = Some((start - k, tense));
            break;
        }
        if w == "to" && is_bare_verb_like(t, k + 1) {
            infinitive = true;
        }
    }
    for k in end..s_end {
        let w = t.w(k);
        let dist = k + 1 - end;
        if finite.is_some_and(|(d, _)| dist >= d) {
            break;
        }
        if let Some(tense) = t.kind(k).and_then(|kind| marker(w, kind)) {
            // Time words after the expression ("last", "tomorrow") are not its verb.
            if !matches!(w, "last" | "tomorrow" | "yesterday") {
                finite = Some((dist, tense));
                break;
            }
        }
    }
    // "agreed to meet this Thursday": with "this", the infinitive's plan wins.
    let this = matches!(t.w(start), "this" | "coming");
    match (finite, infinitive) {
        (Some(_), true) if this => Tense::Future,
        (Some((_, tense)), _) => tense,
        (None, true) => Tense::Future,
        (None, false) => Tense::Unknown,
    }
}

/// A lower-case word after "to" that looks like an infinitive ("to meet"), not a
/// noun phrase ("to the meeting", "to Kyiv", "to talks").
fn is_bare_verb_like(t: &Tokens, k: usize) -> bool {
    const NOT: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
        "these", "those", "be", "date", "power", "office", "court", "war", "peace",
    ];
    let w = t.w(k);
    t.kind(k) == Some(Kind::Word)
        && !t.cap(k)
        && !NOT.contains(&w)
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with('s')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, expr: &str) -> Tense {
        let t = Tokens::new(text);
        let at = text.find(expr).unwrap();
        let start = t.toks.iter().position(|x| x.start == at).unwrap();
        let end = t
            .toks
            .iter()
            .position(|x| x.end == at + expr.len())
            .unwrap()
            + 1;
        tense_at(&t, 0, t.len(), start, end)
    }

    #[test]
    fn a_verb_beyond_the_reach_is_not_the_expressions() {
        let filler = "harbour ".repeat(REACH + 5);
        let far = format!("They met {filler} on Friday.");
        assert_eq!(tense_of(&far, "Friday"), Tense::Unknown);
        let near = format!("{filler} they met on Friday.");
        assert_eq!(tense_of(&near, "Friday"), Tense::Past);
    }

    #[test]
    fn nearest_marker_decides() {
        assert_eq!(
            tense_of("She said late Sunday that it was over.", "late Sunday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("I will be waiting for them on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            tense_of(
                "They agreed to meet in Oslo this Thursday.",
                "this Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("The talks are on Friday.", "Friday"),
            Tense::Present
        );
        assert_eq!(tense_of("Friday.", "Friday"), Tense::Unknown);
        assert_eq!(
            tense_of("They raised the offer to buy the mill Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("Relatives will fight Wednesday's ruling.", "Wednesday"),
            Tense::Past
        );
    }
}
