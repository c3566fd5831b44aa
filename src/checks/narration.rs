//! Helper: the narrator's words of a passage, with direct quotations blanked out.
//!
//! Input: a span of the document (usually one sentence) and the quotes stage's direct
//! quotations. Output: the passage's text with every character inside a direct quotation
//! replaced by a space (byte offsets are kept, so spans found in the result still point
//! into the document). Why: tense, "then", "former" or a year inside somebody's quoted
//! words describe what the speaker talks about, not when the narrator sets the sentence;
//! checks that judge the narration (office holders, tense against date) must read only
//! the narrator. Example: `He wrote to Premier Ana Ruiz that "it was then too late."`
//! → `He wrote to Premier Ana Ruiz that "                 ."`.
//!
//! Quotation marks are also paired inside the passage itself (straight `"` toggles,
//! curly “ opens and ” closes), so the helper works when the quotes stage missed a quote.
//! Linear in the passage length plus the number of quotes.

use crate::model::Quote;
use crate::span::Span;

/// The direct quotations of one document as sorted, disjoint byte ranges; build once per
/// check run, then ask for any number of passages (a binary search each, so no passage
/// walks every quote).
pub struct Narration {
    quoted: Vec<Span>,
}

impl Narration {
    pub fn new(quotes: &[Quote]) -> Self {
        let mut spans: Vec<Span> = quotes.iter().filter(|q| q.direct).map(|q| q.span).collect();
        spans.sort();
        let mut quoted: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match quoted.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => quoted.push(s),
            }
        }
        Narration { quoted }
    }

    /// The text of `span` with direct quotations (from the quotes stage and from the
    /// quotation marks inside `span`) blanked out, byte for byte.
    pub fn text(&self, text: &str, span: Span) -> String {
        let Some(passage) = text.get(span.start..span.end) else {
            return String::new();
        };
        let mut out = String::with_capacity(passage.len());
        let mut inside = false;
        // First stage quote that ends after the passage starts.
        let mut qi = self.quoted.partition_point(|q| q.end <= span.start);
        for (i, c) in passage.char_indices() {
            let at = span.start + i;
            while self.quoted.get(qi).is_some_and(|q| q.end <= at) {
                qi += 1;
            }
            let in_stage_quote = self.quoted.get(qi).is_some_and(|q| q.start <= at);
            let mark = matches!(c, '"' | '“' | '”');
            if mark {
                inside = match c {
                    '“' => true,
                    '”' => false,
                    _ => !inside,
                };
            }
            if (inside && !mark) || in_stage_quote {
                // Keep byte offsets: one space per byte of the blanked character.
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_marked_quotations_and_keeps_offsets() {
        let t = "She wrote to Premier Ana Ruiz that “it was then too late” and left.";
        let n = Narration::new(&[]).text(t, Span::new(0, t.len()));
        assert_eq!(n.len(), t.len());
        assert!(!n.contains("then"));
        assert!(n.contains("Premier Ana Ruiz"));
        assert!(n.ends_with("and left."));
        let t = "He said \"the old days\" were over, then left.";
        let n = Narration::new(&[]).text(t, Span::new(0, t.len()));
        assert!(!n.contains("old days"));
        assert!(n.contains("then left"));
    }

    #[test]
    fn blanks_stage_quotes_that_began_earlier() {
        let t = "years ago we tried, said Ola Berg of the council.";
        let q = Quote {
            span: Span::new(0, 18),
            speaker: None,
            speaker_text: None,
            speaker_span: None,
            cue_span: None,
            direct: true,
        };
        let n = Narration::new(&[q]).text(t, Span::new(0, t.len()));
        assert!(!n.contains("ago"));
        assert!(n.contains("said Ola Berg"));
        // A span that does not lie on char boundaries gives nothing, not a panic.
        assert_eq!(Narration::new(&[]).text("é", Span::new(1, 2)), "");
    }
}
