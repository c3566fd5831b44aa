//! Tense of the clause around a time expression, from nearby verb forms.
//!
//! Stage: used by [`super::find`] before [`super::resolve`]. Input: the sentence's
//! tokens and the expression's token range. Output: [`Tense`]. The nearest tense
//! marker wins (the left side preferred: a marker on the right must be less than half
//! as far): modals of the future ("will", "'ll",
//! "going to", "would", "plans to", "scheduled"), past forms ("was", "had", words
//! in -ed, common irregular pasts), present forms ("is", "says"). Words are read with
//! their neighbours: a participle takes its auxiliary's tense and is skipped after
//! "be" ("will be named" is future); "plans", "set", "about" announce the future
//! only before "to" + verb ("vacation plans" does not); "is to resume" and "as soon
//! as" point forward, "had been due to" and "since" back. Example: in
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

crate::lexicon::word_set!(FUTURE, crate::lexicon::TENSE_CUES, "future");

crate::lexicon::word_set!(PAST, crate::lexicon::TENSE_CUES, "past");

crate::lexicon::word_set!(PRESENT, crate::lexicon::TENSE_CUES, "present");

crate::lexicon::word_set!(
    /// Words in -ed that are not past forms.
    NOT_ED,
    crate::lexicon::TENSE_CUES,
    "not_past_ed"
);

crate::lexicon::word_set!(
    /// Words that announce a plan when "to" and a verb follow ("plans to", "set to",
    /// "is poised to"); alone they are nouns or other verbs ("vacation plans", "set aside").
    PLAN,
    crate::lexicon::TENSE_CUES,
    "plan"
);

crate::lexicon::word_set!(
    /// Participles that keep a plan's future even after "was" ("was scheduled to …"),
    /// unless a past perfect frames them ("had been due to expire Friday").
    SCHEDULED,
    crate::lexicon::TENSE_CUES,
    "scheduled"
);

crate::lexicon::word_set!(
    /// Words of commitment before "to" + verb: the thing committed to lies ahead.
    COMMIT,
    crate::lexicon::TENSE_CUES,
    "commit"
);

crate::lexicon::word_set!(
    /// Verbs of putting off: "postponed until Tuesday" points after the postponing.
    DEFER,
    crate::lexicon::TENSE_CUES,
    "defer"
);

/// Auxiliaries whose tense a following participle takes: "is held" is present;
/// "was held", "had held" and the present perfect "has fluctuated" (an event
/// before the time of writing) are past.
fn aux_tense(w: &str) -> Option<Tense> {
    match w {
        "is" | "are" | "am" => Some(Tense::Present),
        "has" | "have" | "had" | "was" | "were" => Some(Tense::Past),
        _ => None,
    }
}

/// Adverbs that may stand between an auxiliary and its verb ("has already paid").
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "not" | "already" | "still" | "also" | "just" | "never" | "now" | "since"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// The auxiliary before the participle at `k`, looking past adverbs and "been".
fn aux_before(t: &Tokens, k: usize) -> Option<&str> {
    let mut j = k;
    for _ in 0..4 {
        j = j.checked_sub(1)?;
        let w = t.w(j);
        if matches!(w, "be" | "being") || aux_tense(w).is_some() {
            return Some(w);
        }
        if w != "been" && !is_adverb(w) {
            return None;
        }
    }
    None
}

/// Is the word at `k` an adjective after a determiner ("the proposed merger", "a
/// still unspecified date")?
fn determiner_before(t: &Tokens, k: usize) -> bool {
    let mut j = k;
    for _ in 0..3 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        j = p;
        let w = t.w(j);
        if matches!(
            w,
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
        ) {
            return true;
        }
        if !is_adverb(w) {
            return false;
        }
    }
    false
}

/// Does a plan follow token `k` ("to" + a bare verb, "to be")?
fn plan_follows(t: &Tokens, k: usize) -> bool {
    t.w(k + 1) == "to" && (t.w(k + 2) == "be" || is_bare_verb_like(t, k + 2))
}

/// The tense token `k` marks, judged with its neighbours.
fn marker_at(t: &Tokens, k: usize) -> Option<Tense> {
    if t.kind(k) != Some(Kind::Word) {
        return None;
    }
    let w = t.w(k);
    // "had been due to expire Friday", "had been scheduled for Friday": a past plan.
    if SCHEDULED.contains(&w) && t.w(k.wrapping_sub(1)) == "been" && t.w(k.wrapping_sub(2)) == "had"
    {
        return Some(Tense::Past);
    }
    if PLAN.contains(&w) {
        if plan_follows(t, k) {
            // "was about to leave" is imminent only in the past.
            if w == "about" && matches!(t.w(k.wrapping_sub(1)), "was" | "were") {
                return Some(Tense::Past);
            }
            return Some(Tense::Future);
        }
        // "is planned for Friday", "was set for Monday".
        if matches!(w, "planned" | "set") && aux_before(t, k).is_some() {
            return Some(Tense::Future);
        }
        if matches!(
            w,
            "plan" | "plans" | "planning" | "going" | "about" | "set" | "poised"
        ) {
            return None;
        }
    }
    // "is to resume trading Tuesday", "are due to", "were planning to …".
    if matches!(w, "is" | "are" | "was" | "were") {
        let next = t.w(k + 1);
        if matches!(w, "is" | "are") && plan_follows(t, k) {
            return Some(Tense::Future);
        }
        let past_imminent = matches!(w, "was" | "were") && next == "about";
        if (PLAN.contains(&next) && plan_follows(t, k + 1) && !past_imminent)
            || SCHEDULED.contains(&next)
        {
            return Some(Tense::Future);
        }
    }
    // "as soon as Tuesday", "as early as next week".
    if w == "as"
        && matches!(t.w(k.wrapping_sub(1)), "soon" | "early")
        && t.w(k.wrapping_sub(2)) == "as"
    {
        return Some(Tense::Future);
    }
    if FUTURE.contains(&w) {
        return Some(Tense::Future);
    }
    let participle = PAST.contains(&w)
        && !matches!(
            w,
            "was" | "were" | "had" | "did" | "ago" | "yesterday" | "last" | "since"
        )
        || (w.len() > 4 && w.ends_with("ed") && !NOT_ED.contains(&w));
    if participle {
        // After an article it is an adjective ("a still unspecified date").
        if determiner_before(t, k) {
            return None;
        }
        // A participle takes its auxiliary's tense; after "be"/"been" it is passive and
        // the auxiliary further left decides ("will be named", "would be paid").
        return match aux_before(t, k) {
            Some("be" | "being") => None,
            Some(aux) => aux_tense(aux),
            None => Some(Tense::Past),
        };
    }
    if PAST.contains(&w) {
        return Some(Tense::Past);
    }
    if PRESENT.contains(&w) {
        return Some(Tense::Present);
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
/// The nearest finite marker decides; one on the right must be less than half as far
/// as the one on the left, since English puts the verb before its time adverbial
/// ("will double its flights by August in markets untouched by …"). An infinitive ("to meet …
/// Thursday") reads as future only when no finite verb is found: in "extended the
/// offer to buy the firm Friday" the date belongs to "extended". A possessive
/// weekday ("Wednesday's ruling") names something that has happened.
/// With "this" ("agreed to meet this Thursday") the infinitive wins. After "until"
/// or "through" a verb of putting off points forward ("postponed until Tuesday",
/// "has extended the loans through January"); "effective"
/// points forward, "since" back.
/// The search reaches at most [`REACH`] tokens either way.
pub fn tense_at(t: &Tokens, s_start: usize, s_end: usize, start: usize, end: usize) -> Tense {
    if matches!(t.w(end), "'" | "’") && t.w(end + 1) == "s" {
        return Tense::Past;
    }
    let s_start = s_start.max(start.saturating_sub(REACH));
    let s_end = s_end.min(end.saturating_add(REACH));
    let before = |n: usize| {
        if start >= s_start + n {
            t.w(start - n)
        } else {
            ""
        }
    };
    if before(1) == "effective" {
        return Tense::Future;
    }
    let until = |w: &str| matches!(w, "until" | "till" | "through");
    let until = until(before(1)) || until(before(2));
    let mut finite: Option<(usize, Tense)> = None;
    let mut infinitive = false;
    for k in (s_start..start).rev() {
        let w = t.w(k);
        if w == "since" && start - k <= 4 {
            finite = Some((start - k, Tense::Past));
            break;
        }
        if until && DEFER.contains(&w) {
            finite = Some((start - k, Tense::Future));
            break;
        }
        if let Some(tense) = marker_at(t, k) {
            finite = Some((start - k, tense));
            break;
        }
        if w == "to" && is_bare_verb_like(t, k + 1) {
            // "agreed to buy the line in February": what was agreed comes later.
            if COMMIT.contains(&t.w(k.wrapping_sub(1))) {
                finite = Some((start - k, Tense::Future));
                break;
            }
            infinitive = true;
        }
    }
    for k in end..s_end {
        let w = t.w(k);
        let dist = k + 1 - end;
        if finite.is_some_and(|(d, _)| 2 * dist >= d) {
            break;
        }
        if let Some(tense) = marker_at(t, k) {
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
    crate::lexicon::word_set!(NOT, crate::lexicon::TENSE_CUES, "not_infinitive");
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

    #[test]
    fn participles_take_their_auxiliary() {
        // Passive after "be": the modal further left decides.
        assert_eq!(
            tense_of("The award will be presented in June.", "June"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The award was presented in June.", "June"),
            Tense::Past
        );
        // A plan framed by the past perfect is over.
        assert_eq!(
            tense_of("The offer had been scheduled to expire Friday.", "Friday"),
            Tense::Past
        );
    }

    #[test]
    fn plans_need_to_and_a_verb() {
        assert_eq!(
            tense_of("Orla Finn cancelled her holiday plans Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("The union plans to strike Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Talks are to resume Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("He was about to leave the airport Friday.", "Friday"),
            Tense::Past
        );
    }

    #[test]
    fn the_verb_before_wins() {
        assert_eq!(
            tense_of(
                "The airline will add four flights by August to markets untouched by the slump.",
                "August"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of(
                "A dividend would be paid on a still unspecified date in January.",
                "January"
            ),
            Tense::Future
        );
    }

    #[test]
    fn commitments_look_ahead() {
        assert_eq!(
            tense_of("The co-op agreed to buy the mill in February.", "February"),
            Tense::Future
        );
        // A plain noun before "to" keeps the finite verb's tense.
        assert_eq!(
            tense_of("They raised the offer to buy the mill Friday.", "Friday"),
            Tense::Past
        );
    }

    #[test]
    fn small_words_that_point() {
        assert_eq!(
            tense_of("The ban was lifted, effective March 3.", "March 3"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The court adjourned until Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The guests stayed until Monday.", "Monday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("Nobody has seen him since March 3.", "March 3"),
            Tense::Past
        );
    }
}
