//! Stage 1: the text as the other stages see it: paragraphs, sentences and word tokens.
//!
//! Input: the article text (`&str`). Output: [`Document`], which only stores byte
//! spans into that text. Example: `Document::new("He left. She came.")` has two
//! sentences and five tokens (words and the two full stops).

mod patterns;
mod sentences;
mod tokens;

pub use patterns::{CapturesAt, Pattern};
pub use sentences::split_sentences;
pub use tokens::{is_invisible, tokenize, visible, Token, TokenKind};

use crate::span::Span;

/// The analysed text with its structure.
#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    /// Paragraph spans (split on line breaks), without surrounding whitespace.
    pub paragraphs: Vec<Span>,
    /// Sentence spans in text order; a sentence never crosses a paragraph.
    pub sentences: Vec<Span>,
    /// All tokens in text order.
    pub tokens: Vec<Token>,
    /// For each sentence, the range of indices into `tokens`.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let paragraphs = paragraphs(text);
        let mut sentences = Vec::new();
        for p in &paragraphs {
            sentences.extend(split_sentences(text, *p));
        }
        let tokens = tokenize(text);
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        let mut i = 0;
        for s in &sentences {
            while i < tokens.len() && tokens[i].span.start < s.start {
                i += 1;
            }
            let begin = i;
            while i < tokens.len() && tokens[i].span.end <= s.end {
                i += 1;
            }
            sentence_tokens.push(begin..i);
        }
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            sentence_tokens,
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// Index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// Index of the paragraph containing byte offset `at`, if any.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= at).then_some(i)
    }

    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentence_tokens
            .get(i)
            .map(|r| &self.tokens[r.clone()])
            .unwrap_or(&[])
    }
}

/// Paragraphs are separated by one or more line breaks (extracted pages give one block per line).
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{2029}' {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_sentences() {
        let d = Document::new("First one. Second one.\n\n  Third — with “quotes.” Done.\n");
        assert_eq!(d.paragraphs.len(), 2);
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(*s)).collect();
        assert_eq!(
            s,
            vec![
                "First one.",
                "Second one.",
                "Third — with “quotes.”",
                "Done."
            ]
        );
        assert_eq!(d.sentence_at(d.text.find("Done").unwrap()), Some(3));
        assert_eq!(d.sentence_tokens(1).len(), 3);
    }

    #[test]
    fn empty_text() {
        let d = Document::new("");
        assert!(d.sentences.is_empty() && d.tokens.is_empty());
    }
}
