//! Block quotations: a page's `<blockquote>` paragraphs, quoted without marks.
//!
//! Input: the [`Attributor`] after the direct and indirect quotes, and the prose
//! paragraphs of each block quotation ([`crate::article::block_quotes`]). Output: one
//! direct quote per paragraph, spoken by whoever the paragraph just before the quotation
//! quotes last: the paragraph that introduces a block quotation says who is speaking
//! ("Zuckerberg said at the trial." ¶ `<blockquote>` "I've been building …"; "One
//! commenter, Ana Ruiz, noted that …:" ¶ `<blockquote>` "…").
//!
//! A block quotation whose introducing paragraph quotes no one is left alone (a quoted
//! email, a code sample, a poem with no speaker in the text), and so is a paragraph that
//! is mostly a quotation in marks already (the marks finder attributed it). Quotes the
//! earlier steps found inside a block quotation without a speaker (a clause read as
//! indirect speech, a scare quote) are dropped: they are part of the quotation.

use super::attribution::Attributor;
use crate::model::Quote;
use crate::span::Span;

impl Attributor<'_> {
    /// Adds the block quotations' paragraphs as direct quotes of the introducing speaker.
    pub fn block_quotes(&mut self, groups: &[Vec<Span>]) {
        let doc = self.f.doc;
        let paragraph_of = |at: usize| {
            doc.paragraphs
                .partition_point(|p| p.end <= at)
                .min(doc.paragraphs.len())
        };
        // The quotes found so far, ordered by where they start, for a binary search.
        let mut order: Vec<usize> = (0..self.quotes.len()).collect();
        order.sort_by_key(|&i| self.quotes[i].span.start);
        let mut added = Vec::new();
        for group in groups {
            let Some(first) = group.first() else {
                continue;
            };
            let pi = paragraph_of(first.start);
            let Some(intro) = pi.checked_sub(1).and_then(|i| doc.paragraphs.get(i)) else {
                continue;
            };
            // The last attributed quote that starts in the introducing paragraph.
            let upto = order.partition_point(|&i| self.quotes[i].span.start < intro.end);
            let from = order.partition_point(|&i| self.quotes[i].span.start < intro.start);
            let speaker = order[from..upto]
                .iter()
                .rev()
                .map(|&i| &self.quotes[i])
                .find(|q| {
                    q.span.end <= intro.end && (q.speaker.is_some() || q.speaker_text.is_some())
                });
            let Some(speaker) = speaker.cloned() else {
                continue;
            };
            for &para in group {
                // Spans past a cut text (an over-long page is analysed up to its limit).
                let Some(raw) = doc.text.get(para.start..para.end) else {
                    continue;
                };
                if raw.trim().is_empty() {
                    continue;
                }
                let lead = raw.len() - raw.trim_start().len();
                let span = Span::new(para.start + lead, para.start + raw.trim_end().len());
                // A paragraph set in marks as well was attributed by the marks finder.
                let at = order.partition_point(|&i| self.quotes[i].span.start < span.start);
                let marked: usize = order[at..]
                    .iter()
                    .map(|&i| &self.quotes[i])
                    .take_while(|q| q.span.start < span.end)
                    .filter(|q| q.direct)
                    .map(|q| q.span.end.min(span.end) - q.span.start)
                    .sum();
                if 2 * marked >= span.end - span.start {
                    continue;
                }
                added.push(Quote {
                    span,
                    speaker: speaker.speaker,
                    speaker_text: speaker.speaker_text.clone(),
                    speaker_span: speaker.speaker_span,
                    cue_span: None,
                    direct: true,
                });
            }
        }
        // What the earlier steps read inside a block quotation without a speaker (a
        // clause taken for indirect speech, a scare quote) is part of the quotation.
        if !added.is_empty() {
            let blocks: Vec<Span> = added.iter().map(|q: &Quote| q.span).collect();
            let inside = |s: Span| {
                let k = blocks.partition_point(|b| b.end < s.end);
                blocks
                    .get(k)
                    .is_some_and(|b| b.start <= s.start && s.end <= b.end)
            };
            self.quotes
                .retain(|q| q.speaker.is_some() || q.speaker_span.is_some() || !inside(q.span));
        }
        self.quotes.extend(added);
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, Span};

    /// The text, and its paragraphs from `first` on as one block quotation.
    fn quoted(text: &str, first: usize) -> Vec<(Option<String>, String)> {
        let mut spans = Vec::new();
        let mut at = 0;
        for (i, p) in text.split('\n').enumerate() {
            if i >= first {
                spans.push(Span::new(at, at + p.len()));
            }
            at += p.len() + 1;
        }
        let options = Options {
            block_quotes: vec![spans],
            ..Options::default()
        };
        let a = analyze(text, &options).expect("analyses");
        a.quotes
            .iter()
            .filter(|q| q.direct)
            .map(|q| {
                (
                    q.speaker_text.clone(),
                    text[q.span.start..q.span.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_block_quotation_takes_the_speaker_its_paragraph_introduces() {
        let text = "Ana Ruiz, the mayor, said the library would stay open all winter.\n\
                    We owe the readers of this town a warm room and a long evening.";
        let q = quoted(text, 1);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0.as_deref(), Some("Ana Ruiz"));
        assert!(q[0].1.starts_with("We owe"));
    }

    #[test]
    fn a_block_quotation_introduced_by_no_speaker_is_not_a_quote() {
        let text = "The library opened in 1904 and has been rebuilt twice since then.\n\
                    We owe the readers of this town a warm room and a long evening.";
        assert!(quoted(text, 1).is_empty());
    }
}
