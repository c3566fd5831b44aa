//! Check: a person said not to comment (or not to have spoken publicly) who is then quoted.
//!
//! Input: the text, the people (their name and surname mentions) and the quotes stage's
//! quotes with their speakers. Output: a `no-comment-quoted` flag when the subject of
//! "declined to comment", "refused to comment", "would not comment", "has not spoken
//! publicly" or "has not commented publicly" is a person, and a later direct quotation, with
//! a speech verb and the person named as its speaker (not a pronoun), is credited to that
//! person. Example: "Ana Ortiz declined to comment on the talks." … “The talks are over,”
//! Ortiz said. is flagged; "A spokesman for Ana Ortiz declined to comment." is not (the
//! subject is the spokesman), nor a quotation given to "she".

use super::folded::lower;
use super::{Check, Context};
use crate::model::{Flag, MentionKind, Person};
use crate::span::Span;
use crate::text::Pattern;

pub struct NoCommentQuoted;

/// The refusal, and the topic clause after it ("on the state of negotiations").
static REFUSAL_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:(?:declined|refused|would not|wouldn't) to comment|would not comment|(?:has|had|have) not (?:spoken|commented) publicly|(?:has|had) not publicly (?:spoken|commented))(?:\s+(?:on|about)\s+[^,.;:!?“”\x22\n]{1,80})?".into()
});

crate::lexicon::word_set!(
    /// Words that may stand between the subject and the refusal ("Ortiz also declined").
    BETWEEN,
    crate::lexicon::CHECK_GRAMMAR,
    "refusal_between"
);

/// Most words of an apposition between the subject and the refusal ("Ana Ortiz, the
/// union's secretary, declined").
const APPOSITION_WORDS: usize = 10;

/// The most refusals read in one document, and quotations compared with one refusal.
const MAX_REFUSALS: usize = 64;
const MAX_QUOTES: usize = 16;

/// The quotation must have at least this many words to count as speaking on the topic.
const MIN_QUOTE_WORDS: usize = 4;

/// The person whose name or surname mention is the subject of the refusal at `at`.
fn subject(ctx: &Context, sentence: Span, at: usize) -> Option<usize> {
    let text = ctx.doc.text;
    // The nearest person mention before the refusal in its sentence.
    let mut best: Option<(usize, Span)> = None;
    for (i, p) in ctx.people.iter().enumerate() {
        let k = p.mentions.partition_point(|m| m.span.end <= at);
        let Some(m) = p.mentions[..k].iter().rev().find(|m| {
            matches!(m.kind, MentionKind::Name | MentionKind::Alias)
                && m.span.start >= sentence.start
        }) else {
            continue;
        };
        if best.is_none_or(|(_, s)| m.span.end > s.end) {
            best = Some((i, m.span));
        }
    }
    let (i, m) = best?;
    let gap = text.get(m.end..at)?;
    // "Ortiz's spokesman declined": the possessed noun is the subject.
    if gap.starts_with(['\'', '’']) {
        return None;
    }
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let plain = words
        .iter()
        .all(|w| BETWEEN.contains(&w.to_lowercase().as_str()));
    // An apposition between commas: ", the union's general secretary,".
    let trimmed = gap.trim();
    let apposition = trimmed.starts_with(',')
        && (trimmed.ends_with(',') || trimmed.ends_with(", who"))
        && words.len() <= APPOSITION_WORDS
        && !gap.contains(['“', '”', '"', '(', ')']);
    if !(plain || apposition) {
        return None;
    }
    // "A spokesman for Ana Ortiz", "a lawyer representing Ortiz": someone else speaks.
    let before = text.get(sentence.start..m.start)?.trim_end().to_lowercase();
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if matches!(
        last,
        "for" | "of" | "to" | "representing" | "with" | "and" | "or"
    ) {
        return None;
    }
    Some(i)
}

crate::lexicon::word_set!(
    /// Words too common to say two passages share a topic.
    COMMON,
    crate::lexicon::CHECK_GRAMMAR,
    "topic_common_words"
);

/// The content words of a lower-case passage (five letters or more, not in [`COMMON`]), cut
/// to their first five letters so "negotiating" meets "negotiations".
fn topic_stems(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5 && !COMMON.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

fn words(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// The speaker span is one of the person's name or surname mentions, not a possessive
/// ("a source familiar with Ortiz's thinking").
fn is_name_of(text: &str, p: &Person, span: Span) -> bool {
    let written = span.text(text);
    let after = text.get(span.end..).unwrap_or("");
    if after.starts_with(['\'', '’']) || written.contains(['\'', '’']) {
        return false;
    }
    p.mentions
        .iter()
        .any(|m| matches!(m.kind, MentionKind::Name | MentionKind::Alias) && m.span == span)
        || written == p.name
        || p.name.split_whitespace().last() == Some(written)
}

/// Words that put a quotation on an earlier occasion ("at the time", "last year").
static EARLIER_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:at the time|previously|in the past|last (?:year|month)|earlier this (?:year|month)|in (?:19|20)[0-9][0-9]|years? ago|months? ago)(?-u:\b)".into()
});

/// True when the quotation's sentence dates it to another occasion than the refusal: a
/// date that is not day-precise ("in March"), a day more than a week before publication,
/// or words such as "at the time" or "last year".
fn earlier_occasion(ctx: &Context, q: &crate::model::Quote) -> bool {
    let Some(si) = ctx.doc.sentence_at(q.span.start) else {
        return true;
    };
    let sentence = ctx.doc.sentences[si].cover(&q.span);
    if EARLIER_RE.is_match(&lower(sentence.text(ctx.doc.text))) {
        return true;
    }
    ctx.times
        .iter()
        .filter(|t| sentence.contains(&t.span))
        .any(|t| {
            if t.kind != crate::model::TimeType::Date {
                return false;
            }
            let Some(v) = t.value.as_deref() else {
                return false;
            };
            match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(d) => ctx
                    .published
                    .is_some_and(|p| (p - d).num_days() > DAYS_BEFORE),
                // "XXXX-WXX-1" (a weekday) is this week; a month or a year is another occasion.
                Err(_) => !v.contains('W') && v != "PRESENT_REF",
            }
        })
}

/// A quotation dated more than this many days before publication is another occasion.
const DAYS_BEFORE: i64 = 7;

impl Check for NoCommentQuoted {
    fn id(&self) -> &'static str {
        "no-comment-quoted"
    }

    fn description(&self) -> &'static str {
        "A person said not to comment, or not to have spoken publicly, is then quoted."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let low = lower(text);
        let mut flags = Vec::new();
        // One flag per person: the first refusal and the first quotation after it.
        let mut flagged: Vec<usize> = Vec::new();
        // Bounded work: at most MAX_REFUSALS refusals, each compared with at most
        // MAX_QUOTES quotations of its person.
        for m in REFUSAL_RE.find_iter(&low).take(MAX_REFUSALS) {
            let Some(si) = ctx.doc.sentence_at(m.start()) else {
                continue;
            };
            let Some(i) = subject(ctx, ctx.doc.sentences[si], m.start()) else {
                continue;
            };
            if flagged.contains(&i) {
                continue;
            }
            let Some(p) = ctx.people.get(i) else {
                continue;
            };
            let refusal = Span::new(m.start(), m.end());
            // "declined to comment" with no topic, or "for this article": a refusal to this
            // outlet, which words said elsewhere do not contradict.
            let topical = m.as_str().contains("publicly")
                || m.as_str().contains(" on ")
                || m.as_str().contains(" about ");
            if !topical {
                continue;
            }
            // A refusal to comment on one matter is contradicted only by words on that
            // matter: the quotation's paragraph must share a content word with the topic.
            let public = m.as_str().contains("publicly");
            let topic = topic_stems(m.as_str());
            let on_topic = |q: &crate::model::Quote| {
                public || {
                    let para = ctx
                        .doc
                        .paragraph_at(q.span.start)
                        .and_then(|i| ctx.doc.paragraphs.get(i))
                        .map_or("", |p| p.text(text));
                    topic_stems(&lower(para)).iter().any(|w| topic.contains(w))
                }
            };
            let paragraph = ctx.doc.paragraph_at(refusal.start);
            let Some(q) = ctx
                .quotes
                .iter()
                .filter(|q| q.direct && q.speaker == Some(i) && q.span.start > refusal.end)
                .take(MAX_QUOTES)
                .find(|q| {
                    // The refusal's own paragraph often quotes the words of the refusal itself.
                    ctx.doc.paragraph_at(q.span.start) != paragraph
                        && !earlier_occasion(ctx, q)
                        && on_topic(q)
                        && words(q.span.text(text)) >= MIN_QUOTE_WORDS
                        && q.cue_span
                            .is_some_and(|c| c.text(text).chars().any(char::is_alphabetic))
                        && q.speaker_span.is_some_and(|s| is_name_of(text, p, s))
                })
            else {
                continue;
            };
            let Some(sp) = q.speaker_span else {
                continue;
            };
            flagged.push(i);
            let refusal_text = refusal.text(text).trim_end();
            flags.push(Flag {
                kind: self.id().into(),
                message: format!(
                    "{} is said to have “{}”, yet is quoted later.",
                    p.name, refusal_text
                ),
                reason: "the refusal and the quotation name the same person".into(),
                confidence: 0.6,
                evidence: vec![
                    Span::new(refusal.start, refusal.start + refusal_text.len()),
                    q.span,
                    sp,
                ],
                fact: None,
                links: vec![format!(
                    "‘{}’ read as {}, the person who {}",
                    sp.text(text),
                    p.name,
                    refusal_text
                )],
            });
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mention, Quote};
    use crate::text::Document;

    fn span(t: &str, s: &str, nth: usize) -> Span {
        let i = t.match_indices(s).nth(nth).unwrap().0;
        Span::new(i, i + s.len())
    }

    fn run(t: &str, people: &[Person], quotes: &[Quote]) -> Vec<Flag> {
        let doc = Document::new(t);
        let ctx = Context {
            doc: &doc,
            people,
            entities: &[],
            quotes,
            times: &[],
            published: None,
            facts: &[],
        };
        NoCommentQuoted.run(&ctx)
    }

    fn person(t: &str, name: &str, surname: &str) -> Person {
        let mut mentions = vec![Mention {
            span: span(t, name, 0),
            kind: MentionKind::Name,
        }];
        for (i, _) in t.match_indices(surname) {
            if !mentions[0].span.overlaps(&Span::new(i, i + surname.len())) {
                mentions.push(Mention {
                    span: Span::new(i, i + surname.len()),
                    kind: MentionKind::Alias,
                });
            }
        }
        Person {
            name: name.into(),
            honorifics: vec![],
            roles: vec![],
            mentions,
        }
    }

    fn quote(t: &str, q: &str, who: &str, nth: usize) -> Quote {
        Quote {
            span: span(t, q, 0),
            speaker: Some(0),
            speaker_text: Some(who.into()),
            speaker_span: Some(span(t, who, nth)),
            cue_span: Some(span(t, "said", 0)),
            direct: true,
        }
    }

    #[test]
    fn fires_when_the_silent_person_is_quoted() {
        let t = "The ferry union's leader, Ana Ortiz, declined to comment on the fare talks.\n\nLater “The fare talks are over for now,” Ortiz said.";
        let p = person(t, "Ana Ortiz", "Ortiz");
        let q = quote(t, "The fare talks are over for now,", "Ortiz", 1);
        let f = run(t, &[p], &[q]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].evidence[0].text(t),
            "declined to comment on the fare talks"
        );
    }

    #[test]
    fn near_misses_stay_silent() {
        // The spokesman declined, not Ortiz.
        let t = "A spokesman for Ana Ortiz declined to comment.\n\n“The fare talks are over for now,” Ortiz said.";
        let p = person(t, "Ana Ortiz", "Ortiz");
        let q = quote(t, "The fare talks are over for now,", "Ortiz", 1);
        assert!(run(t, &[p], &[q]).is_empty());
        // Quoted only through a pronoun.
        let t = "Ana Ortiz declined to comment.\n\n“The fare talks are over for now,” she said.";
        let p = person(t, "Ana Ortiz", "Ortiz");
        let q = quote(t, "The fare talks are over for now,", "she", 0);
        assert!(run(t, &[p], &[q]).is_empty());
        // Ortiz's aide declined.
        let t = "Ana Ortiz's aide declined to comment.\n\n“The fare talks are over for now,” Ortiz said.";
        let p = person(t, "Ana Ortiz", "Ortiz");
        let q = quote(t, "The fare talks are over for now,", "Ortiz", 1);
        assert!(run(t, &[p], &[q]).is_empty());
    }
}
