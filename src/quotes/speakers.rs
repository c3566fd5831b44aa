//! Noun phrases that can be speakers, and what they refer to.
//!
//! Input: the document, the people found so far, and a token position next to a cue.
//! Output: [`Np`]: the phrase's span and text and, when it names a person, which one:
//! a name or alias mention directly ("Ruiz"), a pronoun resolved to the most plausible
//! recent person ("he" → the subject of the sentence before, gender permitting), or a
//! description resolved through the roles people were given ("the Ukrainian leader" →
//! the person whose role is "Ukrainian President"). Other phrases ("The European
//! leaders", "the ministry") are groups: text and span, no person.

use crate::model::{Entity, EntityKind, Person};
use crate::people::lexicon::lexicon;
use crate::people::{gender, Gender};
use crate::span::Span;
use crate::text::{Document, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    Name,
    Pronoun,
    Description,
    Group,
}

#[derive(Debug, Clone)]
pub struct Np {
    pub span: Span,
    pub first: usize,
    pub last: usize,
    pub kind: NpKind,
    pub person: Option<usize>,
}

crate::lexicon::word_set!(
    /// Words skipped between a subject and its verb ("Ruiz has also said").
    pub SKIP_ADVERBS,
    crate::lexicon::QUOTE_GRAMMAR,
    "skip_adverbs"
);

crate::lexicon::word_set!(
    /// Words that end a noun phrase when gathering it leftwards or rightwards.
    NP_STOP,
    crate::lexicon::QUOTE_GRAMMAR,
    "np_stop"
);

crate::lexicon::word_set!(DETERMINERS, crate::lexicon::QUOTE_GRAMMAR, "determiners");

crate::lexicon::word_set!(
    pub PRONOUNS,
    crate::lexicon::QUOTE_GRAMMAR,
    "pronouns"
);

/// Per-token facts the speaker search needs.
pub struct Index {
    /// The person a Name/Alias mention covering this token names.
    pub mention_at: Vec<Option<usize>>,
    /// Byte span of that mention.
    pub mention_span: Vec<Option<Span>>,
    /// Tokens inside quotation marks.
    pub in_quote: Vec<bool>,
    /// For each sentence, the person it is about when we know it (speaker or subject).
    pub sentence_subject: Vec<Option<usize>>,
}

impl Index {
    pub fn new(doc: &Document, people: &[Person], quoted: &[Span]) -> Index {
        let n = doc.tokens.len();
        let mut mention_at = vec![None; n];
        let mut mention_span = vec![None; n];
        for (pi, p) in people.iter().enumerate() {
            for m in &p.mentions {
                let mut k = doc.tokens.partition_point(|t| t.span.start < m.span.start);
                while k < n && doc.tokens[k].span.start < m.span.end {
                    mention_at[k] = Some(pi);
                    mention_span[k] = Some(m.span);
                    k += 1;
                }
            }
        }
        let mut in_quote = vec![false; n];
        for q in quoted {
            let mut k = doc.tokens.partition_point(|t| t.span.start < q.start);
            while k < n && doc.tokens[k].span.end <= q.end {
                in_quote[k] = true;
                k += 1;
            }
        }
        Index {
            mention_at,
            mention_span,
            in_quote,
            sentence_subject: vec![None; doc.sentences.len()],
        }
    }
}

pub struct Finder<'a> {
    pub doc: &'a Document<'a>,
    pub people: &'a [Person],
    pub idx: Index,
    genders: Vec<Gender>,
    /// Mentions of organisations the people stage found, `(start, name)`, in text order:
    /// what "it" or "they" may stand for when no person fits.
    orgs: Vec<(usize, &'a str)>,
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

impl<'a> Finder<'a> {
    pub fn new(doc: &'a Document<'a>, people: &'a [Person], idx: Index) -> Self {
        let genders = people.iter().map(gender).collect();
        Finder {
            doc,
            people,
            idx,
            genders,
            orgs: Vec::new(),
        }
    }

    /// The same finder, with the article's organisations for "it said" / "they said".
    pub fn with_entities(mut self, entities: &'a [Entity]) -> Self {
        self.orgs = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organisation)
            .flat_map(|e| e.mentions.iter().map(move |m| (m.start, e.name.as_str())))
            .collect();
        self.orgs.sort_by_key(|o| o.0);
        self
    }

    /// "it"/"they" with no person behind it: the organisation mentioned last before `at`,
    /// in this sentence or the two before it (and outside quotation marks).
    pub fn organisation_before(&self, at: usize) -> Option<&'a str> {
        let si = self.doc.sentence_at(at)?;
        let from = self.doc.sentences[si.saturating_sub(2)].start;
        let i = self.orgs.partition_point(|o| o.0 < at);
        let (start, name) = *self.orgs.get(i.checked_sub(1)?)?;
        (start >= from).then_some(name)
    }

    pub fn tok(&self, k: usize) -> &'a str {
        self.doc
            .tokens
            .get(k)
            .map(|t| t.text(self.doc.text))
            .unwrap_or("")
    }

    fn is_punct(&self, k: usize) -> bool {
        self.doc
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.doc.tokens[a].span.start, self.doc.tokens[b].span.end)
    }

    /// A person mention covering token `k`: (person, first token, last token).
    fn mention(&self, k: usize) -> Option<(usize, usize, usize)> {
        let p = self.idx.mention_at.get(k).copied().flatten()?;
        let sp = self.idx.mention_span[k]?;
        let mut a = k;
        while a > 0 && self.idx.mention_span[a - 1] == Some(sp) {
            a -= 1;
        }
        let mut b = k;
        while b + 1 < self.doc.tokens.len() && self.idx.mention_span[b + 1] == Some(sp) {
            b += 1;
        }
        Some((p, a, b))
    }

    /// The speaker phrase that ends right before token `end` (a cue), not before `lo`.
    pub fn np_before(&self, end: usize, lo: usize) -> Option<Np> {
        let mut j = end;
        while j > lo
            && (SKIP_ADVERBS.contains(&lower(self.tok(j - 1)).as_str())
                || is_ly_adverb(self.tok(j - 1)))
        {
            j -= 1;
        }
        // "Ruiz on Monday said", "Ruiz late Sunday said".
        if j >= lo + 2
            && is_day(self.tok(j - 1))
            && matches!(
                lower(self.tok(j - 2)).as_str(),
                "on" | "late" | "early" | "last"
            )
        {
            j -= 2;
        }
        // "Lisa Madigan (D) asserted": step over a short bracket.
        if j > lo + 1 && self.tok(j - 1) == ")" {
            if let Some(o) = (j.saturating_sub(8).max(lo)..j - 1)
                .rev()
                .find(|&k| self.tok(k) == "(")
            {
                j = o;
            }
        }
        if j <= lo {
            return None;
        }
        let t = j - 1;
        // "Ruiz, in a long speech on Sunday, said": step over one parenthetical.
        if self.tok(t) == "," {
            let mut k = t;
            let stop = t.saturating_sub(20).max(lo);
            while k > stop {
                k -= 1;
                if self.tok(k) == "," {
                    if k > lo {
                        // "her mother, Fiona, said": a name in apposition names the speaker.
                        if let Some((p, a, b)) = self.mention(t - 1) {
                            if a == k + 1 && b == t - 1 {
                                let a = self.extend_title_left(a, lo);
                                return Some(Np {
                                    span: self.span(a, b),
                                    first: a,
                                    last: b,
                                    kind: NpKind::Name,
                                    person: Some(p),
                                });
                            }
                        }
                        if let Some(np) = self.np_ending_at(k - 1, lo) {
                            // A group counts when it is a proper name opening the clause
                            // ("China, its only ally, said").
                            let proper_group = np.kind == NpKind::Group
                                && is_capitalized(self.tok(np.last))
                                && !lexicon().is_not_name(self.tok(np.last))
                                && !is_ly_adverb(&lower(self.tok(np.last)))
                                && (np.first == lo || self.is_punct(np.first - 1));
                            if proper_group
                                || matches!(
                                    np.kind,
                                    NpKind::Name | NpKind::Pronoun | NpKind::Description
                                )
                            {
                                return Some(np);
                            }
                        }
                    }
                    break;
                }
            }
            return None;
        }
        self.np_ending_at(t, lo)
    }

    /// The noun phrase whose last token is `t`.
    fn np_ending_at(&self, t: usize, lo: usize) -> Option<Np> {
        if let Some((p, a, b)) = self.mention(t) {
            let a = self.extend_title_left(a, lo);
            return Some(Np {
                span: self.span(a, b),
                first: a,
                last: b,
                kind: NpKind::Name,
                person: Some(p),
            });
        }
        let w = lower(self.tok(t));
        if PRONOUNS.contains(&w.as_str()) || PRONOUNS.contains(&contraction_base(&w)) {
            return Some(self.pronoun(t));
        }
        // Gather leftwards: words, possessives, a quoted name ("the so-called “friends”").
        let mut k = t;
        let mut words = 0;
        loop {
            let s = self.tok(k);
            let l = lower(s);
            if self.is_punct(k) {
                if matches!(s, "”" | "\"") && k > lo {
                    // Step over a quoted name to its opening mark ("the so-called “friends”").
                    let stop = k.saturating_sub(10).max(lo);
                    let found = (stop..k).rev().find(|&m| matches!(self.tok(m), "“" | "\""));
                    if let Some(m) = found.filter(|&m| m > lo) {
                        k = m - 1;
                        words += 1;
                        continue;
                    }
                }
                k += 1;
                break;
            }
            if NP_STOP.contains(&l.as_str())
                || (words > 0 && crate::quotes::cues::is_cue(&l) && !is_capitalized(s))
            {
                k += 1;
                break;
            }
            words += 1;
            if DETERMINERS.contains(&l.as_str()) || words >= 8 || k == lo {
                break;
            }
            k -= 1;
        }
        if k > t || words == 0 {
            return None;
        }
        // A lone determiner or number is not a speaker.
        if k == t
            && (DETERMINERS.contains(&lower(self.tok(t)).as_str())
                || !self.tok(t).chars().any(char::is_alphabetic))
        {
            return None;
        }
        Some(self.classify_np(k, t))
    }

    /// Title words before a mention belong to the speaker phrase ("Kremlin spokesperson Ivo Rask").
    fn extend_title_left(&self, mut a: usize, lo: usize) -> usize {
        let lex = lexicon();
        while a > lo {
            let s = self.tok(a - 1);
            if lex.is_role_head(s)
                || lex.is_role_mod(s)
                || lex.is_nationality(s)
                || lex.honorific(s).is_some()
                || lex.is_title_abbr(s)
                || s == "." && a >= 2 && lex.is_title_abbr(self.tok(a - 2))
            {
                a -= 1;
            } else {
                break;
            }
        }
        a
    }

    /// The speaker phrase starting at token `start` ("Ruiz said", "the mayor said", "said Ruiz").
    pub fn np_after(&self, start: usize, hi: usize) -> Option<Np> {
        if start >= hi
            || matches!(self.tok(start), "of" | "per" | "than")
            || is_ly_adverb(self.tok(start))
        {
            return None;
        }
        let lex = lexicon();
        // Title words leading into a mention.
        let mut k = start;
        while k < hi && k < start + 6 && self.idx.mention_at[k].is_none() {
            let s = self.tok(k);
            if lex.is_role_head(s)
                || lex.is_role_mod(s)
                || lex.is_nationality(s)
                || lex.honorific(s).is_some()
                || lex.is_title_abbr(s)
                || s == "."
                || lex.is_place(s)
                || lex.is_org_word(s)
            {
                k += 1;
            } else {
                break;
            }
        }
        if k < hi {
            if let Some((mut p, _, mut b)) = self.mention(k) {
                // "Huckabee spokeswoman Alice Stewart": the person after the title speaks.
                let mut j = b + 1;
                while j < hi
                    && j < b + 4
                    && (lex.is_role_head(self.tok(j)) || lex.is_role_mod(self.tok(j)))
                {
                    j += 1;
                }
                if j > b + 1 && j < hi {
                    if let Some((p2, _, b2)) = self.mention(j) {
                        p = p2;
                        b = b2;
                    }
                }
                return Some(Np {
                    span: self.span(start, b),
                    first: start,
                    last: b,
                    kind: NpKind::Name,
                    person: Some(p),
                });
            }
        }
        let w = lower(self.tok(start));
        if PRONOUNS.contains(&w.as_str()) {
            return Some(self.pronoun(start));
        }
        let mut e = start;
        while e < hi && e < start + 8 {
            let s = self.tok(e);
            let l = lower(s);
            if self.is_punct(e) && s != "-" && s != "’" && s != "'" {
                break;
            }
            // A cue word right after a determiner is a noun ("the tweet", "a statement").
            let after_det = e > start && DETERMINERS.contains(&lower(self.tok(e - 1)).as_str());
            if NP_STOP.contains(&l.as_str())
                || crate::quotes::cues::is_cue(&l) && e > start && !is_capitalized(s) && !after_det
                || SKIP_ADVERBS.contains(&l.as_str()) && e > start
            {
                break;
            }
            e += 1;
        }
        if e == start {
            return None;
        }
        let np = self.classify_np(start, e - 1);
        // "her mother, Fiona, said": a name in apposition names the speaker.
        if np.person.is_none() && e + 1 < hi && self.tok(e) == "," {
            if let Some((p, a, b)) = self.mention(e + 1) {
                if a == e + 1 && b + 1 < hi && self.tok(b + 1) == "," {
                    return Some(Np {
                        span: self.span(a, b),
                        first: a,
                        last: b,
                        kind: NpKind::Name,
                        person: Some(p),
                    });
                }
            }
        }
        Some(np)
    }

    /// The subject at the start of sentence `si` ("Ruiz took the stage and called …"), skipping
    /// an opening adverbial that ends in a comma ("In a statement on Sunday, Ruiz …").
    pub fn sentence_subject_np(&self, si: usize, before: usize) -> Option<Np> {
        let a = self.subject_start(si, before)?;
        let ok = |np: &Np| {
            matches!(
                np.kind,
                NpKind::Name | NpKind::Pronoun | NpKind::Description
            )
        };
        if let Some(np) = self.np_after(a, before).filter(ok) {
            return Some(np);
        }
        // "On Monday they announced …": past a short opening phrase, the first person or
        // subject pronoun.
        (a..before.min(a + 8))
            .filter(|&k| !self.idx.in_quote[k])
            .find(|&k| {
                self.idx.mention_at[k].is_some()
                    || matches!(
                        lower(self.tok(k)).as_str(),
                        "he" | "she" | "they" | "we" | "i"
                    )
            })
            .and_then(|k| self.np_after(k, before))
            .filter(ok)
    }

    /// An organisation as the subject of sentence `si` ("In the midst of the fear, Uber
    /// stepped in and tweeted …"): a phrase of capitalised words, one of them an
    /// organisation word (`data/org_words.txt`), where the subject stands.
    pub fn sentence_subject_organisation(&self, si: usize, before: usize) -> Option<Np> {
        let a = self.subject_start(si, before)?;
        let lex = lexicon();
        let cap = |k: usize| {
            k < before
                && !self.is_punct(k)
                && is_capitalized(self.tok(k))
                && !crate::people::names::is_function_word(self.tok(k))
        };
        if !cap(a) {
            return None;
        }
        let mut b = a;
        while b - a < 6 && cap(b + 1) {
            b += 1;
        }
        let np = self.classify_np(a, b);
        (np.kind == NpKind::Group && (a..=b).any(|k| lex.is_org_word(self.tok(k)))).then_some(np)
    }

    /// Where the subject of sentence `si` starts: past leading punctuation and quotations,
    /// and past an opening adverbial that ends in a comma and names no one ("In a
    /// statement on Sunday, Ruiz …").
    fn subject_start(&self, si: usize, before: usize) -> Option<usize> {
        let range = self.doc.sentence_tokens.get(si)?.clone();
        let mut a = range.start;
        while a < before && (self.is_punct(a) || self.idx.in_quote[a]) {
            a += 1;
        }
        let first_comma = (a..before.min(a + 12)).find(|&k| self.tok(k) == ",");
        if let Some(c) = first_comma {
            if (a..c).all(|k| self.idx.mention_at[k].is_none())
                && !PRONOUNS.contains(&lower(self.tok(a)).as_str())
            {
                a = c + 1;
            }
        }
        (a < before).then_some(a)
    }

    fn pronoun(&self, t: usize) -> Np {
        let w = lower(self.tok(t));
        let person = match contraction_base(&w) {
            "he" => self.resolve_pronoun(t, Gender::Male),
            "she" => self.resolve_pronoun(t, Gender::Female),
            _ => None,
        };
        Np {
            span: self.doc.tokens[t].span,
            first: t,
            last: t,
            kind: NpKind::Pronoun,
            person,
        }
    }

    /// A phrase without a name mention: a description of someone with a role, or a group.
    fn classify_np(&self, a: usize, b: usize) -> Np {
        // A mention inside ("the ministry's Ivo Rask") names the person.
        for k in (a..=b).rev() {
            if let Some((p, _, _)) = self.mention(k) {
                return Np {
                    span: self.span(a, b),
                    first: a,
                    last: b,
                    kind: NpKind::Name,
                    person: Some(p),
                };
            }
        }
        let det = lower(self.tok(a));
        if det == "the" && b > a {
            if let Some(p) = self.resolve_description(a, b) {
                return Np {
                    span: self.span(a, b),
                    first: a,
                    last: b,
                    kind: NpKind::Description,
                    person: Some(p),
                };
            }
        }
        Np {
            span: self.span(a, b),
            first: a,
            last: b,
            kind: NpKind::Group,
            person: None,
        }
    }

    /// "the Ukrainian leader" → the most recently mentioned person with a matching role.
    fn resolve_description(&self, a: usize, b: usize) -> Option<usize> {
        let lex = lexicon();
        let head = lower(crate::people::names::strip_possessive(self.tok(b)).0);
        if !lex.is_role_head(&head) {
            return None;
        }
        let mods: Vec<String> = (a + 1..b)
            .map(|k| lower(self.tok(k)))
            .filter(|m| !DETERMINERS.contains(&m.as_str()))
            .collect();
        let pos = self.doc.tokens[a].span.start;
        let mut best: Option<(usize, usize)> = None;
        for (pi, p) in self.people.iter().enumerate() {
            let fits = p.roles.iter().any(|r| {
                let words: Vec<String> = r.text.split_whitespace().map(lower).collect();
                let Some(rhead) = words.last() else {
                    return false;
                };
                let head_ok = *rhead == head
                    || head == "leader" && lex.is_leader_head(rhead)
                    || head == "president" && rhead == "president";
                head_ok
                    && mods
                        .iter()
                        .all(|m| words.contains(m) || lex.is_role_mod(m) && m != "former")
            });
            if !fits {
                continue;
            }
            let last = p
                .mentions
                .iter()
                .take_while(|m| m.span.start < pos)
                .last()
                .map(|m| m.span.start);
            if let Some(l) = last {
                if best.is_none_or(|(bl, _)| l > bl) {
                    best = Some((l, pi));
                }
            }
        }
        best.map(|(_, pi)| pi)
    }

    fn compatible(&self, p: usize, g: Gender) -> bool {
        match (self.genders.get(p).copied().unwrap_or(Gender::Unknown), g) {
            (Gender::Unknown, _) | (_, Gender::Unknown) => true,
            (a, b) => a == b,
        }
    }

    /// "he"/"she": the subject of this sentence so far, else of the sentences before.
    pub fn resolve_pronoun(&self, t: usize, g: Gender) -> Option<usize> {
        let si = self.doc.sentence_at(self.doc.tokens[t].span.start)?;
        // This sentence, before the pronoun, outside quotes: its first fitting person.
        let range = self.doc.sentence_tokens[si].clone();
        for k in range.start..t {
            if self.idx.in_quote[k] {
                continue;
            }
            if let Some(p) = self.idx.mention_at[k] {
                if self.compatible(p, g) {
                    return Some(p);
                }
            }
        }
        // Up to four sentences back; sentences wholly inside quotation marks do not count.
        let mut counted = 0;
        for back in 1..=12 {
            let Some(s) = si.checked_sub(back) else { break };
            if self.doc.sentence_tokens[s]
                .clone()
                .all(|k| self.idx.in_quote[k] || self.is_punct(k))
            {
                continue;
            }
            counted += 1;
            if counted > 4 {
                break;
            }
            if let Some(p) = self.idx.sentence_subject[s] {
                if self.compatible(p, g) {
                    return Some(p);
                }
            }
            for k in self.doc.sentence_tokens[s].clone() {
                if self.idx.in_quote[k] {
                    continue;
                }
                if let Some(p) = self.idx.mention_at[k] {
                    if self.compatible(p, g) {
                        return Some(p);
                    }
                }
            }
        }
        None
    }
}

/// "he’s" → "he", "they're" → "they" (a pronoun with a contracted verb).
fn contraction_base(w: &str) -> &str {
    for suf in [
        "’s", "'s", "’re", "'re", "’d", "'d", "’ll", "'ll", "’ve", "'ve",
    ] {
        if let Some(b) = w.strip_suffix(suf) {
            return b;
        }
    }
    w
}

/// "forcefully", "egregiously": a manner adverb between a subject and its verb.
fn is_ly_adverb(s: &str) -> bool {
    s.len() > 5
        && s.ends_with("ly")
        && s.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            s,
            "family" | "italy" | "assembly" | "supply" | "rally" | "ally"
        )
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_day(s: &str) -> bool {
    crate::time::calendar::WEEKDAYS.contains(&s)
        || matches!(s, "night" | "evening" | "morning" | "afternoon")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronoun_skips_quoted_sentences_and_wrong_gender() {
        let t = "Coach Dario Bellini left. Rival coach Hana Mori was less kind.\nBellini said the defence held. “We suffered. We stayed calm. We won,” he said. “Next week matters more.”\n“It was luck,” she replied.";
        let d = Document::new(t);
        let people = crate::people::find(&d);
        let quoted: Vec<Span> = crate::quotes::marks::find(&d)
            .iter()
            .map(|m| m.inner)
            .collect();
        let f = Finder::new(&d, &people, Index::new(&d, &people, &quoted));
        let she = d.tokens.iter().position(|x| x.text(t) == "she").unwrap();
        let mori = people.iter().position(|p| p.name == "Hana Mori");
        assert_eq!(people.len(), 2);
        assert_eq!(f.resolve_pronoun(she, Gender::Female), mori);
    }
}
