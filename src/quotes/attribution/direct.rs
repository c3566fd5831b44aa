//! Direct quotes: the strategies that find a marked passage's speaker, tried in order.
//!
//! Input: the marked passages (`Marked`), through the [`Attributor`]'s finder. Output: one
//! [`Quote`] per passage that is speech (names and scare quotes are dropped).
//!
//! Each strategy reads one [`Passage`] (what the marks and the sentences around them say,
//! computed once) and either finds a speaker phrase with its cue or passes:
//! 1. [`Attributor::after_close`]: the clause after the closing mark (`“…,” Ruiz said`,
//!    `“…,” said the mayor`, `“…” ― Ana Ruiz`, `“…,” as Reuters reported`, `“…,” according
//!    to the police`);
//! 2. [`Attributor::before_open`]: the nearest cue to the left in the opening sentence
//!    (`Ruiz said: “…”`, `Ruiz called on them to “act now”`);
//! 3. [`Attributor::colon_subject`]: after a colon, the subject of the clause before it
//!    (`Ruiz was blunter: “…”`);
//! 4. [`Attributor::closing_clause`]: a reporting clause that closes the sentence credits the
//!    quotations before it (`“…” in that law, Azzouz said.`).
//!
//! With no cue the passage may continue the previous attributed quote
//! ([`Attributor::continued`]); else a short passage is a name or a scare quote and is
//! dropped; else the person the sentence is about speaks ([`Attributor::subject_speaker`]),
//! or a definite group opening it ([`Attributor::opening_group`]).

use super::{Attributor, MAX_QUOTES_CROSSED, NAME_CUES, SHORT_SUBJECT_TOKENS};
use crate::model::Quote;
use crate::quotes::marks::Marked;
use crate::quotes::speakers::{Np, NpKind};
use crate::span::Span;
use crate::text::TokenKind;

/// A speaker phrase, its cue token and the sentence the cue is in.
type Found = (Np, usize, usize);
/// A quote's speaker as the report carries it: person, text, span of the phrase, cue span.
type Speaker = (Option<usize>, Option<String>, Option<Span>, Option<Span>);

/// What every strategy reads about one marked passage.
struct Passage {
    /// The first token of the opening mark, and of the closing mark when there is one.
    open_tok: usize,
    close_tok: Option<usize>,
    /// The sentence of the opening mark; after a colon that ends the sentence before
    /// ("Ruiz continued:¶“…”"), that sentence.
    si_open: Option<usize>,
    /// The sentence of the closing mark (the opening one when it has none).
    si_close: Option<usize>,
    /// Words inside the marks.
    words: usize,
    /// The passage ends like speech: a comma or an end mark before the closing marks.
    ends_like_speech: bool,
    /// The passage ends with "!", "?" or "…": it may close the sentence the splitter found.
    ends_sentence: bool,
    /// A colon stands right before the opening mark.
    colon_before: bool,
    paragraph: usize,
}

impl Attributor<'_> {
    /// Attributes every marked passage.
    pub fn direct(&mut self, marks: &[Marked]) {
        let mut prev: Option<(usize, usize)> = None; // (quote index, paragraph)
        for m in marks {
            let p = self.passage(m);
            // Names and scare quotes: "so-called “X”", "a group called “X”".
            let Some(modifier) = self.quoted_modifier(&p) else {
                continue;
            };
            let found = self
                .after_close(&p)
                .or_else(|| self.before_open(&p))
                .or_else(|| self.colon_subject(&p))
                .or_else(|| {
                    let (ct, si) = (p.close_tok?, p.si_close?);
                    self.closing_clause(si, ct + 1)
                        .map(|(np, cue)| (np, cue, si))
                });
            let q_index = self.quotes.len();
            let speaker: Speaker = match found {
                Some((np, cue, si)) => {
                    let (person, text, span) = self.take(&np, Some(si));
                    (person, text, span, Some(self.f.doc.tokens[cue].span))
                }
                None => match self.continued(&p, m, prev) {
                    Some(s) => s,
                    None if p.words <= 4 && !p.ends_like_speech || modifier => continue,
                    None => self
                        .subject_speaker(&p)
                        .or_else(|| self.opening_group(&p))
                        .unwrap_or((None, None, None, None)),
                },
            };
            let (speaker, speaker_text, speaker_span, cue_span) = speaker;
            self.quotes.push(Quote {
                span: m.inner,
                speaker,
                speaker_text,
                speaker_span,
                cue_span,
                direct: true,
            });
            prev = Some((q_index, m.paragraph));
        }
    }

    fn passage(&self, m: &Marked) -> Passage {
        let open_tok = self.first_token_at(m.open.start);
        let close_tok = m.close.map(|c| self.first_token_at(c.start));
        let si_open = self.f.doc.sentence_at(m.open.start);
        let si_close = m
            .close
            .and_then(|c| self.f.doc.sentence_at(c.start))
            .or(si_open);
        let inner = self.f.doc.slice(m.inner);
        // Through the closing marks of a quotation nested at its end ("… say, ‘Let’s try this.’").
        let bare = inner.trim_end_matches(['’', '\'', '”', '"', ')']);
        let colon_before = open_tok > 0 && self.f.tok(open_tok - 1) == ":";
        let si_open = if colon_before {
            self.f
                .doc
                .sentence_at(self.f.doc.tokens[open_tok - 1].span.start)
                .or(si_open)
        } else {
            si_open
        };
        Passage {
            open_tok,
            close_tok,
            si_open,
            si_close,
            words: inner.split_whitespace().count(),
            ends_like_speech: bare.ends_with([',', '.', '!', '?', '…', '—']),
            ends_sentence: bare.ends_with(['!', '?', '…']),
            colon_before,
            paragraph: m.paragraph,
        }
    }

    /// `None` for a quoted name ("a group called “X”", "known as “X”", anything after a
    /// name cue), which is no speech at all; else whether the passage is a quoted modifier
    /// between a determiner and its noun ("mocked the “miracle” cure"), which is dropped
    /// only when no cue attributes it.
    fn quoted_modifier(&self, p: &Passage) -> Option<bool> {
        let open_tok = p.open_tok;
        if open_tok == 0 {
            return Some(false);
        }
        let before = self.lower(open_tok - 1);
        let named = NAME_CUES.contains(&before.as_str())
            || before == "as" && open_tok >= 2 && self.lower(open_tok - 2) == "known"
            || before == "called"
                && open_tok >= 2
                && self.f.idx.mention_at[open_tok - 2].is_none()
                && !matches!(
                    self.lower(open_tok - 2).as_str(),
                    "he" | "she" | "they" | "it" | "i" | "we"
                );
        if named && p.words <= 6 {
            return None;
        }
        let det_before = matches!(
            before.as_str(),
            "the" | "a" | "an" | "this" | "that" | "their" | "its" | "his" | "her"
        );
        let noun_after = p.close_tok.is_some_and(|c| {
            self.f.doc.tokens.get(c + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && self
                        .f
                        .tok(c + 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            })
        });
        Some(det_before && noun_after && p.words <= 2)
    }

    /// Strategy 1: the clause after the closing mark.
    fn after_close(&self, p: &Passage) -> Option<Found> {
        let (ct, si) = (p.close_tok?, p.si_close?);
        let mut send = self.f.doc.sentence_tokens[si].end;
        let mut si = si;
        let mut t = ct + 1;
        // "“Who is she?” Ruiz recalls thinking.": a passage ending in "?", "!" or "…" may end
        // the sentence the splitter found, yet the clause after its closing mark still
        // attributes it; read on into the next sentence of the paragraph, for a cue within a
        // short subject.
        if t >= send && p.ends_sentence {
            if let Some(r) = self.f.doc.sentence_tokens.get(si + 1) {
                let same_para = self.f.doc.paragraphs.get(p.paragraph).is_some_and(|para| {
                    self.f
                        .doc
                        .tokens
                        .get(t)
                        .is_some_and(|x| x.span.end <= para.end)
                });
                if r.start == t && same_para {
                    si += 1;
                    send = r.end.min(t + SHORT_SUBJECT_TOKENS);
                }
            }
        }
        // Only a passage that ends its clause takes a speaker after it (“…,” she said);
        // "said “it hurts” every time" does not.
        let next = self.f.tok(t);
        let clause_end = p.ends_like_speech
            || matches!(next, "," | "―" | "—" | "–" | "-")
            || self.starts_sentence(p.open_tok)
            || next.chars().next().is_some_and(char::is_uppercase)
            || matches!(next, "he" | "she" | "they" | "said" | "says" | "the");
        if !clause_end {
            t = send;
        }
        if self.f.tok(t) == "," {
            t += 1;
        }
        // "“…” ― Ana Ruiz": a dash before the speaker's name.
        if matches!(self.f.tok(t), "―" | "—" | "–" | "-") {
            let pend = self.f.doc.paragraphs.get(p.paragraph).map_or(0, |x| x.end);
            let lim = self.first_token_at(pend);
            return self
                .f
                .np_after(t + 1, lim.min(t + 8))
                .filter(|np| np.kind == NpKind::Name)
                .map(|np| (np, t, si));
        }
        if t >= send || self.f.doc.tokens[t].kind == TokenKind::Punct {
            return None;
        }
        let cued = if self.cue_at(t) {
            self.f.np_after(t + 1, send).map(|np| (np, t, si))
        } else {
            // "” Rep. Ana Ruiz (D-Ore.) said", "” Ruiz, the mayor, said", "” the report
            // stated": the first cue after the passage, with the phrase that opens the clause
            // as its speaker. "“…,” as Reuters reported, “…”", "“…,” as Espinosa put it": a
            // comparative "as" clause names the source of the words before it.
            let as_clause = self.lower(t) == "as";
            let from = t + usize::from(as_clause);
            let limit = send.min(t + 20);
            (from + 1..limit)
                .take_while(|&c| !matches!(self.f.tok(c), "“" | "\"" | ";"))
                .find(|&c| {
                    self.cue_at(c)
                        || as_clause && self.lower(c) == "put" && self.lower(c + 1) == "it"
                })
                .and_then(|c| self.f.np_after(from, c).map(|np| (np, c, si)))
        };
        cued.or_else(|| {
            (self.lower(t) == "according" && self.lower(t + 1) == "to")
                .then(|| self.f.np_after(t + 2, send))
                .flatten()
                .map(|np| (np, t, si))
        })
    }

    /// Strategy 2: the nearest cue to the left in the opening sentence (or, after a colon
    /// that ends the previous paragraph, in that sentence).
    fn before_open(&mut self, p: &Passage) -> Option<Found> {
        let si = p.si_open?;
        let open_tok = p.open_tok;
        let sstart = self.window_start(si, open_tok);
        let mut k = open_tok;
        let mut tries = 0;
        let mut crossed = 0;
        while k > sstart {
            k -= 1;
            if self.f.idx.in_quote[k] {
                // Crossing an earlier quotation: "Ruiz said “a” and “b”" still finds the
                // cue, but a sentence of hundreds of quotations does not walk back through
                // all of them for each one.
                if !self.f.idx.in_quote[k + 1] {
                    crossed += 1;
                    if crossed > MAX_QUOTES_CROSSED {
                        return None;
                    }
                }
                continue;
            }
            if self.lower(k) == "according" && self.lower(k + 1) == "to" {
                return self.f.np_after(k + 2, open_tok).map(|np| (np, k, si));
            }
            if self.cue_at(k) {
                if let Some(np) = self.np_for_cue(k, sstart, si) {
                    return Some((np, k, si));
                }
                // "anybody who complains … “…”": keep looking further left.
                tries += 1;
                if tries >= 3 {
                    return None;
                }
            }
        }
        None
    }

    /// Strategy 3: "Ruiz was blunter: “…”": after a colon, the subject of the clause before it.
    fn colon_subject(&self, p: &Passage) -> Option<Found> {
        if !p.colon_before {
            return None;
        }
        let si = p.si_open?;
        let open_tok = p.open_tok;
        let sstart = self.window_start(si, open_tok);
        let k = (sstart..open_tok - 1)
            .find(|&k| !self.f.idx.in_quote[k] && self.f.idx.mention_at[k].is_some())?;
        self.f
            .np_after(k, open_tok - 1)
            .map(|np| (np, open_tok - 1, si))
    }

    /// No cue: a passage that forms its own sentences right after an attributed quote, or
    /// that the marks say reopens it, continues its speaker.
    fn continued(&self, p: &Passage, m: &Marked, prev: Option<(usize, usize)>) -> Option<Speaker> {
        let sentence_like = p.ends_like_speech && self.starts_sentence(p.open_tok);
        let (qi, _) = prev.filter(|&(qi, pp)| {
            (m.continues_prev || sentence_like && pp + 1 >= m.paragraph && p.words > 0)
                && (self.quotes[qi].speaker.is_some() || self.quotes[qi].speaker_span.is_some())
        })?;
        let q = &self.quotes[qi];
        Some((q.speaker, q.speaker_text.clone(), q.speaker_span, None))
    }

    /// No cue, inside a sentence: the person the sentence is about ("Ruiz has gone after
    /// the plan as “a waste of everyone’s money.”").
    fn subject_speaker(&mut self, p: &Passage) -> Option<Speaker> {
        let si = p.si_open.filter(|_| !self.starts_sentence(p.open_tok))?;
        let np = self.f.sentence_subject_np(si, p.open_tok)?;
        np.person?;
        let (person, text, span) = self.take(&np, Some(si));
        Some((person, text, span, None))
    }

    /// No cue, no person: a definite group opening the sentence ("The two governors
    /// introduced … “…”").
    fn opening_group(&mut self, p: &Passage) -> Option<Speaker> {
        let open_tok = p.open_tok;
        let si = p.si_open.filter(|_| !self.starts_sentence(open_tok))?;
        let mut a = self.f.doc.sentence_tokens[si].start;
        while a < open_tok && self.f.doc.tokens[a].kind == TokenKind::Punct {
            a += 1;
        }
        let np = self.f.np_after(a, open_tok)?;
        let first = self.f.tok(np.first);
        let definite = first == "The"
            || first.chars().next().is_some_and(char::is_uppercase)
                && !crate::people::lexicon::lexicon().is_not_name(first);
        // "Regardless of how …": an opening adverbial, not a group.
        let open_ended = matches!(
            self.lower(np.last).as_str(),
            "of" | "to"
                | "in"
                | "on"
                | "for"
                | "with"
                | "at"
                | "by"
                | "from"
                | "as"
                | "about"
                | "how"
                | "what"
        );
        if np.kind != NpKind::Group || !definite || open_ended || np.last + 1 >= open_tok {
            return None;
        }
        let (person, text, span) = self.take(&np, Some(si));
        Some((person, text, span, None))
    }
}

#[cfg(test)]
mod tests {
    /// (text, the speaker text of each quote in order): every strategy's firing cases and
    /// the passages it must leave alone. Our own sentences.
    const CASES: &[(&str, &[Option<&str>])] = &[
        // 1. After the closing mark.
        (
            "Ana Ruiz arrived. “We are ready,” Ruiz said.",
            &[Some("Ruiz")],
        ),
        (
            "Ana Ruiz arrived. “We are ready,” said Ruiz.",
            &[Some("Ruiz")],
        ),
        (
            "Ana Ruiz arrived. “We are ready.” ― Ana Ruiz",
            &[Some("Ana Ruiz")],
        ),
        (
            "Tomas Hale left. “It is over,” according to Hale.",
            &[Some("Hale")],
        ),
        ("Tomas Hale left. “Why now?” Hale asked.", &[Some("Hale")]),
        // 2. Before the opening mark.
        (
            "Ana Ruiz arrived. Ruiz said: “We are ready.”",
            &[Some("Ruiz")],
        ),
        (
            "Ana Ruiz arrived. Ruiz urged them to “act now” on the plan.",
            &[Some("Ruiz")],
        ),
        // 3. After a colon, the clause's subject.
        (
            "Tomas Hale left. Hale was blunt: “It is over.”",
            &[Some("Hale")],
        ),
        // Continuation of the previous attributed quote.
        (
            "Ana Ruiz arrived. “We are ready,” Ruiz said. “Let us begin.”",
            &[Some("Ruiz"), Some("Ruiz")],
        ),
        // Names and scare quotes are no speech.
        (
            "Ana Ruiz runs a group called “the river friends” in town.",
            &[],
        ),
        ("The so-called “reform” failed.", &[]),
    ];

    #[test]
    fn each_strategy_finds_its_speaker() {
        for (text, want) in CASES {
            let got: Vec<Option<String>> = crate::quotes::direct_quotes(text)
                .into_iter()
                .map(|q| q.speaker_text)
                .collect();
            let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_string)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
