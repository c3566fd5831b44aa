//! Check: the same quoted words attributed to two different speakers.
//!
//! Input: the quotes stage's quotes with their speakers; when that stage found none, the
//! text itself for the plain patterns “…,” Name said / Name said: “…”. Output: a
//! `quote-speaker-conflict` flag. Only quotes of six words or more count (short phrases
//! such as “fake news” are echoed by many). Example: “We will rebuild every school in the
//! valley,” Ana Ortiz said … “We will rebuild every school in the valley,” Eva Lind said
//! is flagged; the same words said by "she" are not compared.

use super::bounded::captures_where;
use super::lexicon::fold;
use super::{Check, Context};
use crate::model::Flag;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct QuoteSpeakerConflict;

const MIN_WORDS: usize = 6;
const NAME: &str =
    r"[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+){1,3}";
const CUE: &str = r"said|says|added|wrote|told reporters|told the [A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ_]+|declared|insisted";

/// Quoted words shorter or longer than this (in characters) are not compared.
const QUOTE_CHARS: std::ops::RangeInclusive<usize> = 20..=600;

static QUOTE_RES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    // Curly quotes, then straight ones (which cannot tell opening from closing, so the
    // quoted words may not contain one). The length bound (QUOTE_CHARS) is checked by
    // `bounded::captures_where`: a counted repetition `{20,600}` of a Unicode class
    // compiled into 600 copies of it and cost ~70 ms natively on the first analysis.
    [
        format!(r"“(?P<q>[^“”]+)”,?\s+(?P<sp>{NAME})\s+(?:{CUE})"),
        format!(r"“(?P<q>[^“”]+)”,?\s+(?:{CUE})\s+(?P<sp>{NAME})"),
        format!(r"(?P<sp>{NAME})\s+(?:{CUE})(?:\s+that)?[:,]?\s+“(?P<q>[^“”]+)”"),
        format!(r#""(?P<q>[^"\n]+)",?\s+(?P<sp>{NAME})\s+(?:{CUE})"#),
        format!(r#""(?P<q>[^"\n]+)",?\s+(?:{CUE})\s+(?P<sp>{NAME})"#),
        format!(r#"(?P<sp>{NAME})\s+(?:{CUE})(?:\s+that)?[:,]?\s+"(?P<q>[^"\n]+)""#),
    ]
    .iter()
    .map(|r| Regex::new(r).expect("quote regex"))
    .collect()
});

struct Said {
    words: String,
    /// The speaker: a person index ("#3") or the folded surname.
    speaker: String,
    speaker_name: String,
    quote: Span,
    speaker_span: Span,
}

fn normalise(q: &str) -> String {
    fold(q)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "his" | "her"
    )
}

fn said(ctx: &Context) -> Vec<Said> {
    let text = ctx.doc.text;
    let mut out = Vec::new();
    // The quotes stage first; the plain patterns below add what it did not attribute.
    {
        // Only quotes attributed by a speech verb: a headline's "Name: ‘…’" (a colon cue) is
        // too loose to contradict anything.
        for q in ctx.quotes.iter().filter(|q| {
            q.direct
                && in_marks(text, q.span)
                && q.cue_span
                    .is_some_and(|c| c.text(text).chars().any(char::is_alphabetic))
        }) {
            let Some(st) = q.speaker_text.as_deref().filter(|s| !is_pronoun(s)) else {
                continue;
            };
            let speaker = match q.speaker {
                Some(i) => format!("#{i}"),
                None => surname(st),
            };
            out.push(Said {
                words: normalise(q.span.text(text)),
                speaker,
                speaker_name: q
                    .speaker
                    .and_then(|i| ctx.people.get(i))
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| st.to_string()),
                quote: q.span,
                speaker_span: q.speaker_span.unwrap_or(q.span),
            });
        }
    }
    for re in QUOTE_RES.iter() {
        let sized = |c: &regex::Captures| {
            c.name("q")
                .is_some_and(|q| QUOTE_CHARS.contains(&q.as_str().chars().count()))
        };
        for c in captures_where(re, text, sized) {
            let (Some(q), Some(sp)) = (c.name("q"), c.name("sp")) else {
                continue;
            };
            let quote = Span::new(q.start(), q.end());
            if out.iter().any(|s: &Said| s.quote.overlaps(&quote)) {
                continue;
            }
            out.push(Said {
                words: normalise(q.as_str()),
                speaker: surname(sp.as_str()),
                speaker_name: sp.as_str().to_string(),
                quote,
                speaker_span: Span::new(sp.start(), sp.end()),
            });
        }
    }
    out.sort_by_key(|s| s.quote.start);
    out
}

/// True when the span sits inside quotation marks in the text (a headline's words are not a quote).
fn in_marks(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let inner = span.text(text);
    before.ends_with(['“', '"', '‘', '\'', '«']) || inner.starts_with(['“', '"', '‘', '«'])
}

fn surname(name: &str) -> String {
    fold(name.split_whitespace().last().unwrap_or(name)).to_lowercase()
}

impl Check for QuoteSpeakerConflict {
    fn id(&self) -> &'static str {
        "quote-speaker-conflict"
    }

    fn description(&self) -> &'static str {
        "The same quoted words are attributed to two different speakers."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let all = said(ctx);
        let mut flags = Vec::new();
        let mut done: Vec<&str> = Vec::new();
        for (j, b) in all.iter().enumerate() {
            if b.words.split(' ').count() < MIN_WORDS || done.contains(&b.words.as_str()) {
                continue;
            }
            let Some(a) = all[..j].iter().find(|a| {
                a.words == b.words
                    && a.speaker != b.speaker
                    && surname(&a.speaker_name) != surname(&b.speaker_name)
            }) else {
                continue;
            };
            done.push(&b.words);
            let mut evidence = vec![a.quote, a.speaker_span, b.quote, b.speaker_span];
            evidence.sort();
            evidence.dedup();
            flags.push(Flag {
                links: Vec::new(),
                kind: self.id().into(),
                message: format!(
                    "The same words are quoted once as {}'s and once as {}'s.",
                    a.speaker_name, b.speaker_name
                ),
                reason: "the two quotations are word for word the same".into(),
                confidence: 0.7,
                evidence,
                fact: None,
            });
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run_on;
    use super::*;

    #[test]
    fn fires_on_one_quote_two_speakers() {
        let t = "“We will rebuild every school in the valley,” Ana Ortiz said on Monday.\nLater Eva Lind said: “We will rebuild every school in the valley.”";
        let f = run_on(&QuoteSpeakerConflict, t, &[], None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].evidence.len(), 4);
    }

    #[test]
    fn headline_colon_cue_is_not_an_attribution() {
        use crate::model::Quote;
        let t = "Mayor On Ortiz: ‘We Will Rebuild Every School In The Valley.’\n“We will rebuild every school in the valley,” Lind said.";
        let doc = crate::text::Document::new(t);
        let span = |s: &str| {
            let i = t.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let quote = |q: &str, who: &str, cue: &str| Quote {
            span: span(q),
            speaker: None,
            speaker_text: Some(who.into()),
            speaker_span: Some(span(who)),
            cue_span: Some(span(cue)),
            direct: true,
        };
        let quotes = [
            quote("We Will Rebuild Every School In The Valley.", "Ortiz", ":"),
            quote(
                "We will rebuild every school in the valley,",
                "Lind",
                "said",
            ),
        ];
        let ctx = Context {
            doc: &doc,
            people: &[],
            entities: &[],
            quotes: &quotes,
            times: &[],
            published: None,
        };
        assert!(QuoteSpeakerConflict.run(&ctx).is_empty());
    }

    #[test]
    fn fires_with_straight_quotes() {
        let t = "\"We will rebuild every school in the valley,\" Ana Ortiz said.\nAnd then: \"We will rebuild every school in the valley,\" Eva Lind said.";
        assert_eq!(run_on(&QuoteSpeakerConflict, t, &[], None).len(), 1);
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            "“We will rebuild every school in the valley,” Ana Ortiz said.\n“We will rebuild every school in the valley,” Ana Ortiz added.",
            "“Fake news everywhere,” Ana Ortiz said. “Fake news everywhere,” Eva Lind said.",
            "“We will rebuild every school in the valley,” Ana Ortiz said. “We will rebuild every road in the valley,” Eva Lind said.",
        ] {
            assert!(run_on(&QuoteSpeakerConflict, t, &[], None).is_empty(), "{t}");
        }
    }
}
