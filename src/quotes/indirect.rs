//! Indirect speech: a clause-taking cue outside quotation marks with a speaker gives a
//! quote with `direct: false` whose span is the reported clause.
//!
//! Input: the [`Attributor`] after [`Attributor::direct`] (so the reported clauses can skip
//! what direct quotes already cover). Output: more [`crate::model::Quote`]s on it.
//! Examples: `Ruiz said (that) the plan failed`, `The plan failed, Ruiz said.`,
//! `The plan failed, according to Ruiz.`

use super::attribution::Attributor;
use super::cues::{is_cue, is_object_verb, takes_clause};
use super::speakers::{Np, SKIP_ADVERBS};
use crate::model::Quote;
use crate::span::Span;
use crate::text::TokenKind;

crate::lexicon::word_set!(
    /// Finite verbs and auxiliaries that show a reported clause has its own verb.
    FINITE,
    crate::lexicon::QUOTE_GRAMMAR,
    "finite"
);
crate::lexicon::word_set!(
    PRONOUN_LIKE,
    crate::lexicon::QUOTE_GRAMMAR,
    "pronoun_prefixes"
);

impl Attributor<'_> {
    /// Indirect speech around every clause-taking cue outside quotation marks.
    pub fn indirect(&mut self) {
        let doc = self.f.doc;
        for si in 0..doc.sentences.len() {
            let range = doc.sentence_tokens[si].clone();
            let (sstart, send) = (range.start, range.end);
            if sstart == send {
                continue;
            }
            for k in range.clone() {
                if self.f.tok(k).eq_ignore_ascii_case("according")
                    && self.f.tok(k + 1) == "to"
                    && !self.f.idx.in_quote[k]
                {
                    self.according_to(k, si);
                    continue;
                }
                if !self.cue_at(k) || !takes_clause(self.f.tok(k)) {
                    continue;
                }
                // Forward: "Ruiz said (that) …".
                if let Some(clause) = self.clause_after(k, send) {
                    if let Some(np) = self.np_for_cue(k, sstart, si) {
                        self.push_indirect(clause, &np, k, si);
                        continue;
                    }
                }
                // Backward: "…, Ruiz said." / "…, said Ruiz."
                if let Some((clause, np)) = self.clause_before(k, sstart, send) {
                    self.push_indirect(clause, &np, k, si);
                }
            }
        }
    }

    fn push_indirect(&mut self, clause: Span, np: &Np, cue: usize, si: usize) {
        // A clause that is itself a quotation already has its direct quote.
        // Direct quotes come first and in text order: look only at those starting inside.
        let direct = self.quotes.partition_point(|q| q.direct);
        let from = self.quotes[..direct].partition_point(|q| q.span.start < clause.start);
        if self.quotes[from..direct]
            .iter()
            .take_while(|q| q.span.start < clause.end)
            .any(|q| clause.contains(&q.span) && q.span.len() * 10 >= clause.len() * 8)
        {
            return;
        }
        let (speaker, speaker_text, speaker_span) = self.take(np, Some(si));
        self.quotes.push(Quote {
            span: clause,
            speaker,
            speaker_text,
            speaker_span,
            cue_span: Some(self.f.doc.tokens[cue].span),
            direct: false,
        });
    }

    /// The reported clause after cue `k`, if the cue introduces one.
    fn clause_after(&self, k: usize, send: usize) -> Option<Span> {
        let mut j = k + 1;
        let w = self.lower(k);
        // "said (on Monday / late Sunday / in a statement) that …": a short gap before "that".
        let mut that_at = None;
        let mut g = j;
        while g < send && g < j + 9 {
            let l = self.lower(g);
            if l == "that" {
                that_at = Some(g);
                break;
            }
            if self.f.doc.tokens[g].kind == TokenKind::Punct
                && !matches!(self.f.tok(g), "’" | "'" | "-")
            {
                break;
            }
            if is_cue(&l) && g > j {
                break;
            }
            g += 1;
        }
        if let Some(t) = that_at {
            j = t + 1;
        } else if is_object_verb(w.as_str()) {
            return None; // "told reporters" without "that": the clause is not marked
        } else {
            // "said Russia would …": a clause starts right after the verb.
            let s = self.f.tok(j);
            let l = self.lower(j);
            if !super::cues::takes_bare_clause(&w) {
                return None;
            }
            let clause_start = matches!(
                l.as_str(),
                "he" | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "the"
                    | "there"
                    | "this"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "a"
                    | "an"
                    | "no"
                    | "all"
                    | "some"
                    | "many"
                    | "most"
            ) || s.chars().next().is_some_and(char::is_uppercase)
                && self.f.doc.tokens[j].kind == TokenKind::Word;
            if !clause_start || j >= send {
                return None;
            }
            // Without "that", the clause must have a verb early on ("said Russia would …");
            // "suggested the possibility of a truce" is an object, not a clause.
            let has_verb = (j..send.min(j + 8)).any(|v| {
                let l = self.lower(v);
                FINITE.contains(&l.as_str())
                    || l.ends_with("n't")
                    || l.ends_with("’t")
                    || ["’s", "'s", "’re", "'re", "’ll", "'ll", "’d", "'d"]
                        .iter()
                        .any(|c| l.ends_with(c))
                        && PRONOUN_LIKE.iter().any(|p| l.starts_with(p))
                    || v > j
                        && l.len() > 3
                        && (l.ends_with("ed") || l.ends_with("es"))
                        && self.f.idx.mention_at[v].is_none()
            });
            // "said", "says", "argued", "insisted" are followed by clauses far more often than
            // by objects; other verbs need the evidence.
            let say_like = matches!(
                w.as_str(),
                "said"
                    | "says"
                    | "say"
                    | "saying"
                    | "added"
                    | "adds"
                    | "argued"
                    | "argues"
                    | "insisted"
                    | "insists"
                    | "claimed"
                    | "claims"
                    | "believes"
                    | "believe"
                    | "thinks"
                    | "think"
                    | "wrote"
                    | "writes"
                    | "warned"
                    | "warns"
                    | "told"
            );
            if !has_verb && !say_like {
                return None;
            }
        }
        if j >= send {
            return None;
        }
        let mut e = send;
        while e > j
            && self.f.doc.tokens[e - 1].kind == TokenKind::Punct
            && !matches!(self.f.tok(e - 1), "”" | "\"" | "’" | ")")
        {
            e -= 1;
        }
        // Two words at least.
        if e < j + 2 {
            return None;
        }
        if matches!(self.f.tok(j), "“" | "\"") {
            return None; // a quotation follows: it is direct speech
        }
        Some(Span::new(
            self.f.doc.tokens[j].span.start,
            self.f.doc.tokens[e - 1].span.end,
        ))
    }

    /// "The plan failed, Ruiz said." / "…, said Ruiz on Monday."
    fn clause_before(&self, k: usize, sstart: usize, send: usize) -> Option<(Span, Np)> {
        // What follows the cue must be short: an adverbial at most ("on Monday").
        // Counting stops past 6 words (the most either branch allows): without the bound,
        // a long comma-less sentence full of cues was scanned to its end once per cue.
        let mut rest = 0;
        let mut t = k + 1;
        while t < send && rest <= 6 && self.f.tok(t) != "," && self.f.tok(t) != ";" {
            if self.f.doc.tokens[t].kind == TokenKind::Word {
                rest += 1;
            }
            t += 1;
        }
        let (np, comma) = if k > sstart && self.f.tok(k - 1) == "," {
            // Inverted: ", said Ruiz".
            if rest == 0 || rest > 6 {
                return None;
            }
            (self.f.np_after(k + 1, send)?, k - 1)
        } else {
            if rest > 4 {
                return None;
            }
            let np = self.f.np_before(k, sstart)?;
            let mut c = np.first;
            while c > sstart && SKIP_ADVERBS.contains(&self.lower(c - 1).as_str()) {
                c -= 1;
            }
            if c == sstart || self.f.tok(c - 1) != "," {
                return None;
            }
            (np, c - 1)
        };
        let mut a = sstart;
        while a < comma
            && self.f.doc.tokens[a].kind == TokenKind::Punct
            && !matches!(self.f.tok(a), "“" | "\"")
        {
            a += 1;
        }
        if comma < a + 3 {
            return None;
        }
        Some((
            Span::new(
                self.f.doc.tokens[a].span.start,
                self.f.doc.tokens[comma - 1].span.end,
            ),
            np,
        ))
    }

    /// "The plan failed, according to Ruiz." / "According to Ruiz, the plan failed."
    fn according_to(&mut self, k: usize, si: usize) {
        let range = self.f.doc.sentence_tokens[si].clone();
        let Some(np) = self.f.np_after(k + 2, range.end) else {
            return;
        };
        let clause = if k > range.start && self.f.tok(k - 1) == "," {
            if k - 1 < range.start + 3 {
                return;
            }
            Span::new(
                self.f.doc.tokens[range.start].span.start,
                self.f.doc.tokens[k - 2].span.end,
            )
        } else if np.last + 1 < range.end && self.f.tok(np.last + 1) == "," {
            let a = np.last + 2;
            let mut e = range.end;
            while e > a && self.f.doc.tokens[e - 1].kind == TokenKind::Punct {
                e -= 1;
            }
            if e < a + 3 {
                return;
            }
            Span::new(
                self.f.doc.tokens[a].span.start,
                self.f.doc.tokens[e - 1].span.end,
            )
        } else {
            return;
        };
        self.push_indirect(clause, &np, k, si);
    }
}
