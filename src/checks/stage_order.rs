//! Check: a later stage of a proceeding dated before an earlier one ("the court dismissed
//! their petition in November 2023" … "agreed to hear the appeal in July 2023").
//!
//! Input: the time stage's dated expressions (`ctx.times`, resolved to the days they
//! cover), the direct quotations (only narration is read) and the stage table
//! `data/proceeding_stages.tsv` (a proceeding's stages in the order they must happen:
//! a decision, then the appeal against it). Output: a `date-order` flag naming both dated
//! passages, with the order the table assumes as the fact and the link between the two
//! stages on the card. Example: "A judge rejected the claim in May 2022." … "Her lawyers
//! filed an appeal in January 2022." is flagged; the appeal dated in June 2022 is not.
//!
//! A stage is read from the clause before a date (at most [`CLAUSE_WORDS`] words, back to
//! clause punctuation): its words name the stage ("dismissed", "appeal"). Precision: a
//! clause that tells an appellate outcome ("upheld", "overturned") or names two stages is
//! no stage; planned or conditional clauses are skipped; and the pair is compared only
//! when each of the two stages has exactly one date in the article (two dated decisions
//! may be two rounds of one case, and the appeal may challenge the first).

use super::dated::{self, View};
use super::folded::lower;
use super::narration::Narration;
use super::{Check, Context};
use crate::model::{Flag, TimeType};
use crate::span::Span;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

pub struct StageOrder;

/// Words read back from a date for the stage its clause names.
const CLAUSE_WORDS: usize = 10;
/// Dated expressions read per document (linear on hostile input).
const MAX_DATES: usize = 400;
crate::lexicon::word_set!(
    /// Words that make a clause planned or conditional: its date is no stage's date.
    HYPOTHETICAL,
    crate::lexicon::CHECK_GRAMMAR,
    "stage_hypothetical"
);

/// Rank marking the words of an appellate outcome in the table.
const OUTCOME: &str = "x";

/// word → (proceeding, rank) from the stage table.
static STAGES: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> =
    LazyLock::new(|| {
        let mut m = HashMap::new();
        for r in crate::lexicon::PROCEEDING_STAGES.ok_rows() {
            for w in r.col(2).split_whitespace() {
                m.insert(w, (r.col(0), r.col(1)));
            }
        }
        m
    });

/// One dated stage.
#[derive(Debug, Clone)]
struct Stage {
    proceeding: &'static str,
    rank: &'static str,
    word: String,
    first: NaiveDate,
    last: NaiveDate,
    /// From the clause's first word to the end of the date.
    span: Span,
}

/// The stage a clause names, if it names exactly one and no appellate outcome.
fn stage_of(words: &[dated::Word]) -> Option<(&'static str, &'static str, String)> {
    let mut found: Option<(&'static str, &'static str, String)> = None;
    for w in words {
        let low = w.low.trim_end_matches(['\'', '’']);
        if HYPOTHETICAL.contains(&low) {
            return None;
        }
        let Some(&(p, r)) = STAGES.get(low) else {
            continue;
        };
        if r == OUTCOME {
            return None;
        }
        match &found {
            Some((fp, fr, _)) if (*fp, *fr) != (p, r) => return None,
            Some(_) => {}
            None => found = Some((p, r, low.to_string())),
        }
    }
    found
}

fn stages(ctx: &Context) -> Vec<Stage> {
    let text = ctx.doc.text;
    let narration = Narration::new(ctx.quotes);
    let mut out = Vec::new();
    let mut cached: Option<(usize, String)> = None;
    for t in ctx
        .times
        .iter()
        .filter(|t| t.kind == TimeType::Date)
        .take(MAX_DATES)
    {
        let Some((first, last)) = t.value.as_deref().and_then(dated::interval) else {
            continue;
        };
        let Some(si) = ctx.doc.sentence_at(t.span.start) else {
            continue;
        };
        let Some(sent) = ctx.doc.sentences.get(si).copied() else {
            continue;
        };
        if cached.as_ref().is_none_or(|(i, _)| *i != si) {
            cached = Some((si, lower(&narration.text(text, sent)).into_owned()));
        }
        let Some((_, low)) = &cached else { continue };
        let view = View {
            low,
            base: sent.start,
        };
        if view.blank(t.span.start) {
            continue;
        }
        let words = view.before(sent, t.span.start, CLAUSE_WORDS);
        let Some((proceeding, rank, word)) = stage_of(&words) else {
            continue;
        };
        let Some(start) = words.first().map(|w| w.span.start) else {
            continue;
        };
        out.push(Stage {
            proceeding,
            rank,
            word,
            first,
            last,
            span: Span::new(start, t.span.end),
        });
    }
    out
}

impl Check for StageOrder {
    fn id(&self) -> &'static str {
        "stage-order"
    }

    fn description(&self) -> &'static str {
        "A later stage of a proceeding (an appeal) is dated before the stage it follows (the decision appealed)."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        // (proceeding, rank) → its dated stages; only a stage with one date is compared.
        let mut by: BTreeMap<(&str, &str), Vec<Stage>> = BTreeMap::new();
        for s in stages(ctx) {
            by.entry((s.proceeding, s.rank)).or_default().push(s);
        }
        let single: Vec<&Stage> = by
            .values()
            .filter(|v| {
                v.iter()
                    .all(|s| (s.first, s.last) == (v[0].first, v[0].last))
            })
            .map(|v| &v[0])
            .collect();
        let mut flags = Vec::new();
        for a in &single {
            for b in &single {
                if a.proceeding != b.proceeding || a.rank >= b.rank || b.last >= a.first {
                    continue;
                }
                let mut evidence = vec![a.span, b.span];
                evidence.sort();
                flags.push(Flag {
                    kind: "date-order".into(),
                    message: format!(
                        "“{}” is dated before “{}”, the stage it must follow.",
                        b.span.text(text),
                        a.span.text(text)
                    ),
                    reason: format!(
                        "the only dated “{}” and the only dated “{}” of the article, read as two stages of one {} proceeding",
                        b.word, a.word, a.proceeding
                    ),
                    confidence: 0.6,
                    evidence,
                    fact: Some(format!(
                        "in a {} proceeding, the {} follows the {} (stage table)",
                        a.proceeding, b.word, a.word
                    )),
                    links: vec![format!(
                        "“{}” read as the {} of the decision “{}”, the only one the article dates",
                        b.word,
                        b.word,
                        a.span.text(text)
                    )],
                });
            }
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Flag;

    fn flags(text: &str) -> Vec<Flag> {
        crate::checks::testing::analyzed_flags(text, "2024-05-02", "date-order")
    }

    #[test]
    fn fires_on_an_appeal_dated_before_the_decision() {
        let t = "A district judge rejected the union's claim in May 2022.\n\nThe union's lawyers filed an appeal in January 2022, officials said.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].evidence.len(), 2);
        assert_eq!(f[0].links.len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            // The right order.
            "A district judge rejected the union's claim in May 2022.\n\nThe union's lawyers filed an appeal in June 2022.",
            // The appeal's own outcome comes after it.
            "The union filed an appeal in January 2022.\n\nA higher court upheld the ruling in May 2022.",
            // Two dated decisions: the appeal may challenge the first.
            "A judge dismissed the case in March 2020 and a second judge dismissed it again in May 2022.\n\nThe union filed an appeal in January 2022.",
            // Planned.
            "A judge rejected the claim in May 2022.\n\nThe union said it would appeal in January 2022 if talks failed.",
        ] {
            assert!(flags(t).is_empty(), "{t}: {:?}", flags(t));
        }
    }
}
