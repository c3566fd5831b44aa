//! Attribution: who said each quoted passage, and indirect speech.
//!
//! Input: the marked passages, the document and the people. Output: [`Quote`]s and the
//! pronoun/description mentions resolved on the way.
//!
//! Direct quotes are attributed by the strategies of the child module [`direct`], each with
//! its cases beside it: after the closing mark (`“…,” Ruiz said`), before the opening mark
//! (`Ruiz said: “…”`), after a colon, a closing reporting clause, a continuation of the
//! previous quote, the sentence's subject. Short quoted noun phrases with no cue ("a group
//! called “the river friends”", anything "so-called") are names or scare quotes, not
//! speech, and are dropped. This module holds what the strategies share: cue tests, the
//! speaker phrase a cue governs, and recording a speaker.
//!
//! Indirect speech (`Ruiz said the plan failed`) is read by the same [`Attributor`] in the
//! sibling module `indirect`, after the direct quotes.

mod direct;

use super::cues::is_cue;
use super::sources::{self, Stands};
use super::speakers::{Finder, Np, NpKind, SKIP_ADVERBS};
use crate::model::{MentionKind, Quote};
use crate::span::Span;
use crate::text::TokenKind;

/// How far back (in tokens) a quote looks for its cue. A reporting clause that opens a
/// quotation sits within a sentence's first few dozen words; 120 tokens is longer than
/// any sentence in the evaluation sets' attributions while keeping hostile sentences
/// (thousands of quotations) linear.
const MAX_WALK_TOKENS: usize = 120;
/// How far (in tokens) the clause after a passage that ended its sentence ("“Why?” Ruiz
/// asked.") is read for its cue.
const SHORT_SUBJECT_TOKENS: usize = 8;
/// How many earlier quotations the backward walk may step over ("Ruiz said “a”, “b” and “c”").
const MAX_QUOTES_CROSSED: usize = 4;

/// A resolved mention to add to a person.
pub struct NewMention {
    pub person: usize,
    pub span: Span,
    pub kind: MentionKind,
}

crate::lexicon::word_set!(NAME_CUES, crate::lexicon::QUOTE_GRAMMAR, "name_cues");
crate::lexicon::word_set!(
    BASE_FORM_OK_BEFORE,
    crate::lexicon::QUOTE_GRAMMAR,
    "base_form_ok_before"
);

pub struct Attributor<'a> {
    pub f: Finder<'a>,
    pub quotes: Vec<Quote>,
    pub mentions: Vec<NewMention>,
}

impl<'a> Attributor<'a> {
    pub fn new(f: Finder<'a>) -> Self {
        Attributor {
            f,
            quotes: Vec::new(),
            mentions: Vec::new(),
        }
    }

    pub(super) fn lower(&self, k: usize) -> String {
        self.f.tok(k).to_lowercase()
    }

    fn first_token_at(&self, pos: usize) -> usize {
        self.f.doc.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Is token `k` a reporting verb used as a verb here (not "the ceasefire demand")?
    pub fn cue_at(&self, k: usize) -> bool {
        if self
            .f
            .doc
            .tokens
            .get(k)
            .is_none_or(|t| t.kind != TokenKind::Word)
            || self.f.idx.in_quote.get(k).copied().unwrap_or(true)
            || !is_cue(self.f.tok(k))
        {
            return false;
        }
        let w = self.lower(k);
        if self.f.tok(k).chars().next().is_some_and(char::is_uppercase) {
            // "Continued Stone: “…”" opens its sentence with the verb.
            let opens = self
                .f
                .doc
                .sentence_at(self.f.doc.tokens[k].span.start)
                .is_some_and(|si| self.f.doc.sentence_tokens[si].start == k);
            return opens
                && self
                    .f
                    .idx
                    .mention_at
                    .get(k + 1)
                    .copied()
                    .flatten()
                    .is_some();
        }
        let prev = if k > 0 {
            self.lower(k - 1)
        } else {
            String::new()
        };
        if matches!(
            prev.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
        ) || prev.ends_with("'s")
            || prev.ends_with("’s")
        {
            return false;
        }
        // Base forms ("demand", "call", "warn") are nouns as often as verbs.
        let base = !(w.ends_with("ed")
            || w.ends_with('s')
            || w.ends_with("ing")
            || matches!(
                w.as_str(),
                "said" | "told" | "wrote" | "thought" | "written" | "pled"
            ));
        if base {
            // "officials say", "Police say": a plural or proper-noun subject also takes a base form.
            let prev_raw = if k > 0 { self.f.tok(k - 1) } else { "" };
            let plural_subject = prev.len() > 3 && prev.ends_with('s') && !prev.ends_with("ss")
                || prev_raw.chars().next().is_some_and(char::is_uppercase);
            return BASE_FORM_OK_BEFORE.contains(&prev.as_str())
                || plural_subject
                    && matches!(
                        w.as_str(),
                        "say"
                            | "think"
                            | "believe"
                            | "argue"
                            | "claim"
                            | "insist"
                            | "warn"
                            | "predict"
                            | "agree"
                            | "contend"
                            | "note"
                            | "report"
                            | "suggest"
                            | "estimate"
                            | "expect"
                            | "fear"
                            | "hope"
                    );
        }
        true
    }

    /// Record an NP as the speaker; returns (person, text, span).
    pub(super) fn take(
        &mut self,
        np: &Np,
        si: Option<usize>,
    ) -> (Option<usize>, Option<String>, Option<Span>) {
        if np.person.is_none() && np.kind == NpKind::Group {
            match sources::stands_for(&self.f, np) {
                Stands::Author(text, person) => return (person, Some(text), Some(np.span)),
                Stands::Nobody => return (None, None, Some(np.span)),
                Stands::AsWritten => {}
            }
        }
        let text = self.speaker_text(np);
        if let Some(p) = np.person {
            match np.kind {
                NpKind::Pronoun => self.mentions.push(NewMention {
                    person: p,
                    span: np.span,
                    kind: MentionKind::Pronoun,
                }),
                NpKind::Description => self.mentions.push(NewMention {
                    person: p,
                    span: np.span,
                    kind: MentionKind::Description,
                }),
                _ => {}
            }
            if let Some(si) = si {
                if self.f.idx.sentence_subject[si].is_none() {
                    self.f.idx.sentence_subject[si] = Some(p);
                }
            }
        }
        (np.person, text, Some(np.span))
    }

    /// The speaker as the text names it, or `None` when the phrase names no one: an
    /// unresolved pronoun ("it", "they") stands for the organisation mentioned just before
    /// it, if any, else for nobody the reader can be shown; a lone determiner or a
    /// capitalised common word ("The", "Working") is never a name.
    fn speaker_text(&self, np: &Np) -> Option<String> {
        let written = self.f.doc.slice(np.span);
        if np.person.is_some() {
            return Some(written.to_string());
        }
        match np.kind {
            NpKind::Pronoun => {
                let w = written.to_lowercase();
                if matches!(w.as_str(), "it" | "they") {
                    return self
                        .f
                        .organisation_before(np.span.start)
                        .map(str::to_string);
                }
                None
            }
            _ if np.first == np.last && !plausible_lone_speaker(written) => None,
            _ => Some(written.to_string()),
        }
    }

    /// A reporting clause after the last comma of sentence `si`, at or after token `after`,
    /// that ends the sentence: ", Ruiz said.", ", Ruiz told me.", ", said the mayor.". Its
    /// speaker and cue token. Nothing quoted may sit inside the clause, and the object
    /// after the verb is at most a few words, so "…, Ruiz said the plan would fail." (a
    /// reported clause of its own) is not one.
    fn closing_clause(&self, si: usize, after: usize) -> Option<(Np, usize)> {
        /// Words a closing clause holds after its verb ("told reporters on Monday").
        const MAX_OBJECT: usize = 4;
        /// The whole clause after the comma, in tokens.
        const MAX_CLAUSE: usize = 12;
        let range = self.f.doc.sentence_tokens.get(si)?.clone();
        let mut end = range.end;
        // Closing punctuation and marks: a few tokens, capped so a sentence of thousands of
        // "!" after thousands of quotations stays linear.
        while end > after
            && end + 8 > range.end
            && self.f.doc.tokens[end - 1].kind == TokenKind::Punct
        {
            end -= 1;
        }
        if end <= after || (end..range.end).any(|k| self.f.idx.in_quote[k]) {
            return None;
        }
        let lo = after.max(end.saturating_sub(MAX_CLAUSE));
        let comma = (lo..end).rev().find(|&k| self.f.tok(k) == ",")?;
        if (comma + 1..end).any(|k| self.f.idx.in_quote[k]) {
            return None;
        }
        let cue = (comma + 1..end).find(|&k| self.cue_at(k))?;
        if cue == comma + 1 {
            // ", said the mayor."
            let np = self.f.np_after(cue + 1, end)?;
            return (np.last + 1 == end).then_some((np, cue));
        }
        let np = self.f.np_after(comma + 1, cue)?;
        let adverbs_only =
            (np.last + 1..cue).all(|k| SKIP_ADVERBS.contains(&self.lower(k).as_str()));
        (adverbs_only && end - cue - 1 <= MAX_OBJECT).then_some((np, cue))
    }

    /// The passage opens its sentence (only punctuation before it).
    fn starts_sentence(&self, open_tok: usize) -> bool {
        let Some(si) = self
            .f
            .doc
            .sentence_at(self.f.doc.tokens.get(open_tok).map_or(0, |t| t.span.start))
        else {
            return false;
        };
        let s = self.f.doc.sentence_tokens[si].start;
        (s..open_tok).all(|k| self.f.doc.tokens[k].kind == TokenKind::Punct)
    }

    /// The subject of cue `k`; after ", but added" / "and said" it is the sentence's last speaker.
    /// Where a backward search for a quote's speaker starts: the sentence start, but never
    /// more than [`MAX_WALK_TOKENS`] before the quote, so the work per quote is bounded and
    /// many quotations in one sentence cost linear time.
    fn window_start(&self, si: usize, open_tok: usize) -> usize {
        self.f.doc.sentence_tokens[si]
            .start
            .max(open_tok.saturating_sub(MAX_WALK_TOKENS))
    }

    pub(super) fn np_for_cue(&mut self, k: usize, sstart: usize, si: usize) -> Option<Np> {
        // "the department, which reported …": the relative pronoun's antecedent speaks.
        if k > sstart + 1 && matches!(self.lower(k - 1).as_str(), "which" | "who") {
            let mut a = k - 1;
            if a > sstart && self.f.tok(a - 1) == "," {
                a -= 1;
            }
            if let Some(np) = self.f.np_before(a, sstart) {
                return Some(np);
            }
        }
        if let Some(np) = self.f.np_before(k, sstart) {
            // "Ruiz in her speech called …", "The town released a statement Wednesday
            // saying …": a phrase inside a prepositional phrase or the object of a
            // participle is not the speaker; the clause's subject is.
            let in_pp = np.first > sstart
                && matches!(
                    self.lower(np.first - 1).as_str(),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "with"
                        | "after"
                        | "before"
                        | "by"
                        | "from"
                        | "for"
                        | "of"
                        | "to"
                        | "over"
                        | "under"
                        | "via"
                        | "through"
                        | "since"
                );
            let participle = self.lower(k).ends_with("ing");
            if np.kind == NpKind::Group && (in_pp || participle) {
                if let Some(subj) = self.f.sentence_subject_np(si, np.first) {
                    return Some(subj);
                }
                if in_pp {
                    return None;
                }
            }
            return Some(np);
        }
        let mut j = k;
        while j > sstart && SKIP_ADVERBS.contains(&self.lower(j - 1).as_str()) {
            j -= 1;
        }
        // "…, saying", "was quick to add", "took the stage and called": the clause's subject.
        let w = self.lower(k);
        let prev = if j > sstart {
            self.lower(j - 1)
        } else {
            String::new()
        };
        let participle = w.ends_with("ing")
            && (prev == ","
                || j == sstart
                || matches!(
                    prev.as_str(),
                    "by" | "after" | "before" | "while" | "when" | "in" | "since"
                ));
        if participle || prev == "to" || k == sstart {
            if k == sstart {
                return self.f.np_after(k + 1, self.f.doc.sentence_tokens[si].end);
            }
            return self.f.sentence_subject_np(si, j);
        }
        if j > sstart && matches!(prev.as_str(), "and" | "but") {
            if let Some(np) = self.f.sentence_subject_np(si, j) {
                return Some(np);
            }
            if let Some(np) = self.f.sentence_subject_organisation(si, j) {
                return Some(np);
            }
            let p = self.f.idx.sentence_subject[si]?;
            let last = self.quotes.iter().rev().take(16).find(|q| {
                q.speaker == Some(p)
                    && q.speaker_span
                        .is_some_and(|s| self.f.doc.sentence_at(s.start) == Some(si))
            });
            let span = last.and_then(|q| q.speaker_span)?;
            let a = self.first_token_at(span.start);
            return Some(Np {
                span,
                first: a,
                last: a,
                kind: NpKind::Name,
                person: Some(p),
            });
        }
        None
    }
}

/// A one-word speaker phrase that may name someone: not a determiner or pronoun, not a
/// word that is only capitalised because it starts a sentence ("Working", "Reportedly").
fn plausible_lone_speaker(w: &str) -> bool {
    let l = w.to_lowercase();
    let function_word = matches!(
        l.as_str(),
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "there"
            | "here"
            | "who"
            | "which"
    );
    let common = (l.ends_with("ing") || l.ends_with("ly") || l.ends_with("ed")) && l.len() > 4;
    !(function_word || common || crate::people::lexicon::lexicon().is_not_name(w))
}

#[cfg(test)]
mod tests {
    use crate::model::{Entity, EntityKind};
    use crate::text::Document;

    fn speakers(text: &str) -> Vec<(Option<String>, Option<usize>)> {
        crate::quotes::direct_quotes(text)
            .into_iter()
            .map(|q| (q.speaker_text, q.speaker))
            .collect()
    }

    #[test]
    fn lone_speaker_words() {
        assert!(!super::plausible_lone_speaker("The"));
        assert!(!super::plausible_lone_speaker("Working"));
        assert!(super::plausible_lone_speaker("Ruiz"));
    }

    #[test]
    fn a_question_closing_its_sentence_keeps_the_speaker_after_it() {
        let s = speakers(
            "Ana Ruiz spoke first. She said she was “stunned” by it.\n“Who … is she?” Tomas \
             Hale recalls thinking. “It was odd … but fine!” Tomas Hale said.",
        );
        let hale: Vec<_> = s
            .iter()
            .filter(|(t, _)| t.as_deref() == Some("Tomas Hale"))
            .collect();
        assert_eq!(hale.len(), 2, "{s:?}");
        // A new paragraph after the question is not its attribution.
        let s = speakers("Ana Ruiz spoke. “Who is she?”\nTomas Hale said the plan failed.");
        assert_ne!(s[0].0.as_deref(), Some("Tomas Hale"), "{s:?}");
    }

    #[test]
    fn apposition_names_the_speaker() {
        let s = speakers(
            "Fiona Hale runs a bakery. “It was a shock,” her mother, Fiona, said on Monday.",
        );
        assert_eq!(s, vec![(Some("Fiona".to_string()), Some(0))]);
    }

    #[test]
    fn it_said_is_the_organisation_or_no_one() {
        let d = Document::new("The Norvik Holdings board met. “We will grow,” it said.");
        let people = Vec::new();
        let entities = vec![Entity {
            name: "Norvik Holdings".into(),
            kind: EntityKind::Organisation,
            mentions: vec![crate::Span::new(4, 19)],
        }];
        let q = crate::quotes::find_with(&d, &people, &entities).quotes;
        assert_eq!(q[0].speaker_text.as_deref(), Some("Norvik Holdings"));
        assert!(q[0].speaker_span.is_some());
        let s = speakers("The weather turned. “We will win,” they said.");
        assert_eq!(s, vec![(None, None)]);
    }

    #[test]
    fn a_closing_reporting_clause_credits_the_quotes_before_it() {
        let who = |text: &str| -> Vec<Option<String>> {
            speakers(text).into_iter().map(|(t, _)| t).collect()
        };
        let text = "Tomas Hale sat down. “We must read what is written” in the bill, Hale said.";
        assert_eq!(who(text), vec![Some("Hale".to_string())]);
        let text = "Ana Ruiz sat down. The work is “more gratifying” than before, Ruiz told me.";
        assert_eq!(who(text), vec![Some("Ruiz".to_string())]);
        // A reported clause of its own after the verb is not a closing clause.
        let text = "Ana Ruiz sat down. The plan was “a mistake” at first, Ruiz said the council \
                    would review it again next year.";
        assert_ne!(who(text), vec![Some("Ruiz".to_string())]);
    }

    #[test]
    fn a_quote_ending_in_a_nested_quotation_continues_the_speaker() {
        let text = "Ana Ruiz sat down. “He knew it,” Ruiz said. “He would say, ‘Try this.’”";
        let s = speakers(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].0.as_deref(), Some("Ruiz"));
    }
}
