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
use crate::text::Pattern;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub struct QuoteSpeakerConflict;

const MIN_WORDS: usize = 6;
/// The most earlier quotes of the same words one quote is compared with.
const MAX_SAME: usize = 8;
/// One quotation inside another counts when the shorter has this many words or more.
const SHINGLE: usize = 8;
/// The most word runs indexed for one quotation (QUOTE_CHARS already bounds its length).
const MAX_RUNS: usize = 120;
const NAME: &str =
    r"[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+){1,3}";
const CUE: &str = r"said|says|added|wrote|told reporters|told the [A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ_]+|declared|insisted";

/// Quoted words shorter or longer than this (in characters) are not compared.
const QUOTE_CHARS: std::ops::RangeInclusive<usize> = 20..=600;

static QUOTE_RES: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
    .map(|r| Pattern::from_text(r.as_str()))
    .collect()
});

struct Said {
    words: String,
    /// The speaker: a person index ("#3") or the folded surname.
    speaker: String,
    speaker_name: String,
    quote: Span,
    speaker_span: Span,
    /// How a pronoun speaker was read, for the flag's links.
    link: Option<String>,
}

/// He/him/his against she/her/hers; None for other words.
fn pronoun_gender(w: &str) -> Option<bool> {
    match w.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(true),
        "she" | "her" | "hers" | "herself" => Some(false),
        _ => None,
    }
}

/// False when the person's pronoun mentions are of both genders: the coreference that
/// gave them is unreliable, so a pronoun cannot be trusted to name this person.
fn pronouns_agree(text: &str, p: &crate::model::Person) -> bool {
    let genders: Vec<bool> = p
        .mentions
        .iter()
        .filter(|m| m.kind == crate::model::MentionKind::Pronoun)
        .filter_map(|m| pronoun_gender(m.span.text(text)))
        .collect();
    genders.windows(2).all(|w| w[0] == w[1])
}

crate::lexicon::word_set!(
    /// Words that say a quotation is a repetition by the same speaker.
    AGAIN,
    crate::lexicon::CHECK_GRAMMAR,
    "repetition_words"
);

/// True when the words around the cue ("she said again", "he repeated") mark a repetition.
fn said_again(text: &str, q: &crate::model::Quote) -> bool {
    let Some(cue) = q.cue_span else {
        return false;
    };
    let from = cue.start.min(q.speaker_span.map_or(cue.start, |s| s.start));
    let window = text.get(from..cue.end.saturating_add(12).min(text.len()));
    let window = window.or_else(|| text.get(from..cue.end)).unwrap_or("");
    window
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| AGAIN.contains(&w))
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
        let spoken = |q: &crate::model::Quote| {
            q.cue_span
                .is_some_and(|c| c.text(text).chars().any(char::is_alphabetic))
        };
        for (k, q) in ctx.quotes.iter().enumerate() {
            // The second part of a quotation broken by its attribution (“…,” she said. “…”)
            // has no cue of its own: it takes the cue of the part before it, in the same
            // paragraph and with the same speaker.
            let continues = k
                .checked_sub(1)
                .and_then(|p| ctx.quotes.get(p))
                .is_some_and(|p| {
                    spoken(p)
                        && p.speaker == q.speaker
                        && p.speaker_text == q.speaker_text
                        && ctx.doc.paragraph_at(p.span.start) == ctx.doc.paragraph_at(q.span.start)
                        && q.cue_span.is_none()
                });
            if !(q.direct && in_marks(text, q.span) && (spoken(q) || continues)) {
                continue;
            }
            let Some(st) = q.speaker_text.as_deref() else {
                continue;
            };
            // A pronoun counts only when the quotes stage resolved it to a person whose own
            // pronouns agree with it, and the attribution does not say the words are said
            // again ("she said again", "he repeated"): then the speaker is that person.
            // "a campaign surrogate", "one official": an unnamed speaker may be anyone.
            let first = st.split_whitespace().next().unwrap_or("").to_lowercase();
            if matches!(first.as_str(), "a" | "an" | "one" | "another" | "some") {
                continue;
            }
            let mut link = None;
            if is_pronoun(st) {
                // A fragment woven into the narration (he said voters should “stop …”) is
                // often an echo of someone else's words: only a quoted sentence counts.
                if !opens_sentence(text, q.span) {
                    continue;
                }
                let Some(p) = q.speaker.and_then(|i| ctx.people.get(i)) else {
                    continue;
                };
                if !pronouns_agree(text, p) || said_again(text, q) {
                    continue;
                }
                link = Some(format!(
                    "‘{st}’ read as {}, the speaker named before it",
                    p.name
                ));
            }
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
                link,
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
                link: None,
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

/// The quoted words begin with a capital: a sentence, not a fragment of one.
fn opens_sentence(text: &str, quote: Span) -> bool {
    quote
        .text(text)
        .trim_start_matches(['“', '"', '‘', '\'', '«'])
        .starts_with(|c: char| c.is_uppercase())
}

/// The sentence holding `quote` names `speaker` (their surname, as a word).
fn names_in_sentence(ctx: &Context, quote: Span, speaker: &str) -> bool {
    let last = surname(speaker);
    if last.chars().count() < 3 {
        return false;
    }
    let Some(si) = ctx.doc.sentence_at(quote.start) else {
        return false;
    };
    ctx.doc
        .sentence_tokens(si)
        .iter()
        .filter(|t| !quote.contains(&t.span))
        .any(|t| {
            let w = fold(t.text(ctx.doc.text)).to_lowercase();
            w.trim_end_matches("'s") == last
        })
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
        let text = ctx.doc.text;
        let mut flags = Vec::new();
        // Quotes by their words, and by their runs of SHINGLE words (every run, and the
        // first run alone): each new quote is compared with at most MAX_SAME earlier quotes
        // per key, and words already flagged are not flagged again, so the work stays linear
        // in the number of quoted words.
        let mut by_words: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_run: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_first_run: HashMap<String, Vec<usize>> = HashMap::new();
        let mut done: HashSet<&str> = HashSet::new();
        let differ = |a: &Said, b: &Said| {
            a.speaker != b.speaker
                && surname(&a.speaker_name) != surname(&b.speaker_name)
                // "Lind repeated Ortiz's words": a sentence that names the other speaker
                // credits the words to them.
                && !names_in_sentence(ctx, b.quote, &a.speaker_name)
                && !names_in_sentence(ctx, a.quote, &b.speaker_name)
        };
        for (j, b) in all.iter().enumerate() {
            let words: Vec<&str> = b.words.split(' ').collect();
            if words.len() < MIN_WORDS || done.contains(b.words.as_str()) {
                continue;
            }
            let runs: Vec<String> = words
                .windows(SHINGLE)
                .take(MAX_RUNS)
                .map(|w| w.join(" "))
                .collect();
            let earlier = by_words.entry(b.words.as_str()).or_default();
            let mut found = earlier.iter().map(|&i| &all[i]).find(|a| differ(a, b));
            if earlier.len() < MAX_SAME {
                earlier.push(j);
            }
            // One quotation inside the other ("… and then they left," she said / “Then they
            // left,” he said), when the shorter has SHINGLE words or more.
            if found.is_none() {
                // Only between two people the quotes stage named, and only a contained
                // quotation that is a sentence of its own: fragments woven into narration
                // ("the candidate labeled “a leader who …”") echo others' words too often.
                let contains = |long: &Said, short: &Said| {
                    long.speaker.starts_with('#')
                        && short.speaker.starts_with('#')
                        && opens_sentence(text, short.quote)
                        && format!(" {} ", long.words).contains(&format!(" {} ", short.words))
                };
                let inside = runs.first().and_then(|r| by_run.get(r)).and_then(|c| {
                    c.iter()
                        .map(|&i| &all[i])
                        .find(|a| contains(a, b) && differ(a, b))
                });
                let around = || {
                    runs.iter()
                        .filter_map(|r| by_first_run.get(r))
                        .flatten()
                        .map(|&i| &all[i])
                        .find(|a| contains(b, a) && differ(a, b))
                };
                found = inside.or_else(around);
            }
            for r in &runs {
                let e = by_run.entry(r.clone()).or_default();
                if e.len() < MAX_SAME && !e.contains(&j) {
                    e.push(j);
                }
            }
            if let Some(r) = runs.first() {
                let e = by_first_run.entry(r.clone()).or_default();
                if e.len() < MAX_SAME {
                    e.push(j);
                }
            }
            let Some(a) = found else {
                continue;
            };
            done.insert(&b.words);
            let mut evidence = vec![a.quote, a.speaker_span, b.quote, b.speaker_span];
            evidence.sort();
            evidence.dedup();
            flags.push(Flag {
                links: a.link.iter().chain(&b.link).cloned().collect(),
                kind: self.id().into(),
                message: format!(
                    "The same words are quoted once as {}'s and once as {}'s.",
                    a.speaker_name, b.speaker_name
                ),
                reason: "the quoted words are the same, word for word".into(),
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
            facts: &[],
        };
        assert!(QuoteSpeakerConflict.run(&ctx).is_empty());
    }

    /// (words, which occurrence of them, speaker text, person index, cue).
    type TestQuote<'a> = (&'a str, usize, &'a str, Option<usize>, Option<&'a str>);

    /// A context with hand-built people and quotes: `quotes` are (words, speaker text,
    /// person index, cue) with every string found in `t`.
    fn run_quotes(t: &str, people: &[crate::model::Person], quotes: &[TestQuote]) -> Vec<Flag> {
        use crate::model::Quote;
        let doc = crate::text::Document::new(t);
        let at = |s: &str, nth: usize| {
            let i = t.match_indices(s).nth(nth).unwrap().0;
            Span::new(i, i + s.len())
        };
        let quotes: Vec<Quote> = quotes
            .iter()
            .map(|&(q, nth, who, speaker, cue)| Quote {
                span: at(q, nth),
                speaker,
                speaker_text: Some(who.into()),
                speaker_span: Some(at(who, 0)),
                cue_span: cue.map(|c| at(c, 0)),
                direct: true,
            })
            .collect();
        let ctx = Context {
            doc: &doc,
            people,
            entities: &[],
            quotes: &quotes,
            times: &[],
            published: None,
            facts: &[],
        };
        QuoteSpeakerConflict.run(&ctx)
    }

    fn person(t: &str, name: &str, pronouns: &[&str]) -> crate::model::Person {
        use crate::model::{Mention, MentionKind};
        let i = t.find(name).unwrap();
        let mut mentions = vec![Mention {
            span: Span::new(i, i + name.len()),
            kind: MentionKind::Name,
        }];
        for p in pronouns {
            let j = t.find(&format!(" {p} ")).unwrap() + 1;
            mentions.push(Mention {
                span: Span::new(j, j + p.len()),
                kind: MentionKind::Pronoun,
            });
        }
        crate::model::Person {
            name: name.into(),
            honorifics: vec![],
            roles: vec![],
            mentions,
        }
    }

    #[test]
    fn a_resolved_pronoun_is_a_speaker() {
        let w = "Rivers do not wait for committees to agree.";
        let t = format!(
            "Ana Ortiz spoke first. “{w}” Ortiz said.\n\nTom Hale spoke next. “{w}” he said."
        );
        let people = [
            person(&t, "Ana Ortiz", &[]),
            person(&t, "Tom Hale", &["he"]),
        ];
        let f = run_quotes(
            &t,
            &people,
            &[
                (w, 0, "Ortiz", Some(0), Some("said")),
                (w, 1, "he", Some(1), Some("said")),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].links,
            vec!["‘he’ read as Tom Hale, the speaker named before it"]
        );
    }

    #[test]
    fn unreliable_pronouns_stay_silent() {
        let w = "Rivers do not wait for committees to agree.";
        // "said again": the words repeated by their speaker.
        let t = format!(
            "Ana Ortiz spoke first. “{w}” Ortiz said.\n\nTom Hale nodded. “{w}” he said again."
        );
        let people = [
            person(&t, "Ana Ortiz", &[]),
            person(&t, "Tom Hale", &["he"]),
        ];
        let quotes = [
            (w, 0, "Ortiz", Some(0), Some("said")),
            (w, 1, "he", Some(1), Some("said again")),
        ];
        assert!(run_quotes(&t, &people, &quotes).is_empty());
        // A person given both "he" and "she": the coreference is not to be trusted.
        let t = format!("Ana Ortiz spoke first. “{w}” Ortiz said.\n\nTom Hale nodded as she left. “{w}” he said.");
        let people = [
            person(&t, "Ana Ortiz", &[]),
            person(&t, "Tom Hale", &["she", "he"]),
        ];
        let quotes = [
            (w, 0, "Ortiz", Some(0), Some("said")),
            (w, 1, "he", Some(1), Some("said")),
        ];
        assert!(run_quotes(&t, &people, &quotes).is_empty());
        // An indefinite speaker may be the person named later.
        let t = format!(
            "An aide spoke first. “{w}” an aide said.\n\nTom Hale spoke next. “{w}” Hale said."
        );
        let people = [person(&t, "Tom Hale", &[])];
        let quotes = [
            (w, 0, "an aide", None, Some("said")),
            (w, 1, "Hale", Some(0), Some("said")),
        ];
        assert!(run_quotes(&t, &people, &quotes).is_empty());
    }

    #[test]
    fn fires_on_one_quote_inside_another() {
        let long = "The pier will open in May and the ferry will sail every hour,";
        let run = |t: &str, short: &str| {
            let people = [person(t, "Ana Ortiz", &[]), person(t, "Eva Lind", &[])];
            run_quotes(
                t,
                &people,
                &[
                    (long, 0, "Ana Ortiz", Some(0), Some("said")),
                    (short, 0, "Lind", Some(1), Some("said")),
                ],
            )
        };
        let t = format!("“{long}” Ana Ortiz said.\nLater Eva Lind was there. “The pier will open in May and the ferry will sail,” Lind said.");
        assert_eq!(
            run(&t, "The pier will open in May and the ferry will sail,").len(),
            1
        );
        // Six shared words only; a fragment; a sentence naming the first speaker.
        let t = format!("“{long}” Ana Ortiz said.\nLater Eva Lind was there. “The ferry will sail every hour,” Lind said.");
        assert!(run(&t, "The ferry will sail every hour,").is_empty());
        let t = format!("“{long}” Ana Ortiz said.\nLater Eva Lind was there. She said “the pier will open in May and the ferry will sail,” Lind said.");
        assert!(run(&t, "the pier will open in May and the ferry will sail,").is_empty());
        let t = format!("“{long}” Ana Ortiz said.\nLater Eva Lind was there. Quoting Ortiz, “The pier will open in May and the ferry will sail,” Lind said.");
        assert!(run(&t, "The pier will open in May and the ferry will sail,").is_empty());
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
