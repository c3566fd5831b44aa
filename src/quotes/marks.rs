//! Quotation marks: where quoted passages open and close.
//!
//! Input: a [`Document`]. Output: [`Marked`] passages in text order, outermost only (a
//! ‘nested’ quote stays inside its “outer” one). Straight ("…", '…'), curly (“…”, ‘…’), low
//! (‚ „…“) and guillemet («…») marks are handled; an apostrophe inside a word ("Putin’s",
//! "don't") is never a mark. A passage may span several sentences. A passage still open at
//! the end of a paragraph ends there, and the next paragraph's passage is marked as its
//! continuation when that paragraph opens with a quotation mark (the newspaper convention).
//! Example: `“We stay. We fight,” she said.` → one passage `We stay. We fight,`.

use crate::span::Span;
use crate::text::Document;

#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    /// The quoted words, without the marks and surrounding spaces.
    pub inner: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the paragraph ended first.
    pub close: Option<Span>,
    pub paragraph: usize,
    /// The passage reopens one left open at the end of the previous paragraph.
    pub continues_prev: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Double,
    Single,
    Guillemet,
}

fn letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds the outermost quoted passages of every paragraph.
pub fn find(doc: &Document) -> Vec<Marked> {
    let mut out: Vec<Marked> = Vec::new();
    let mut prev_open_at_end = false;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let ptext = doc.slice(*p);
        let base = p.start;
        let chars: Vec<(usize, char)> = ptext.char_indices().collect();
        // Stack of open marks: (kind, byte offset, mark length).
        let mut stack: Vec<(Kind, usize, usize)> = Vec::new();
        let mut first_in_para = true;
        let opens_para = chars
            .first()
            .is_some_and(|&(_, c)| matches!(c, '“' | '"' | '«' | '„' | '‘'));
        for (k, &(i, c)) in chars.iter().enumerate() {
            let before = if k > 0 { Some(chars[k - 1].1) } else { None };
            let after = chars.get(k + 1).map(|x| x.1);
            let at_open_pos = before.is_none_or(|b| {
                b.is_whitespace()
                    || matches!(b, '(' | '[' | '—' | '–' | '-' | '“' | '"' | '‘' | ':' | '/')
            });
            let top = stack.last().map(|s| s.0);
            let action = match c {
                '“' if top == Some(Kind::Double) && !at_open_pos => Some((Kind::Double, false)),
                '“' | '„' => Some((Kind::Double, true)),
                '”' => Some((Kind::Double, false)),
                '«' => Some((Kind::Guillemet, true)),
                '»' => Some((Kind::Guillemet, false)),
                '"' => {
                    if top == Some(Kind::Double) || stack.iter().any(|s| s.0 == Kind::Double) {
                        Some((Kind::Double, false))
                    } else {
                        Some((Kind::Double, true))
                    }
                }
                '‘' | '\'' | '‚' if at_open_pos && (letter(after) || c == '‘') => {
                    Some((Kind::Single, true))
                }
                '’' | '\'' if stack.iter().any(|s| s.0 == Kind::Single) && !letter(after) => {
                    // "leaders’ views" could be a plural possessive; only close when the
                    // single quote was opened.
                    Some((Kind::Single, false))
                }
                _ => None,
            };
            let Some((kind, is_open)) = action else {
                continue;
            };
            let pos = base + i;
            let len = c.len_utf8();
            if is_open {
                stack.push((kind, pos, len));
                continue;
            }
            // Close the innermost open mark of this kind; only outermost passages are kept.
            let Some(idx) = stack.iter().rposition(|s| s.0 == kind) else {
                continue;
            };
            let (_, open_at, open_len) = stack[idx];
            stack.truncate(idx);
            if idx == 0 {
                push(
                    doc,
                    &mut out,
                    pos_span(open_at, open_len),
                    Some(pos_span(pos, len)),
                    pi,
                    first_in_para && prev_open_at_end && opens_para,
                );
                first_in_para = false;
            }
        }
        prev_open_at_end = false;
        // A double quote left open runs to the end of the paragraph.
        if let Some(&(kind, open_at, open_len)) = stack.first() {
            if kind != Kind::Single {
                push(
                    doc,
                    &mut out,
                    pos_span(open_at, open_len),
                    None,
                    pi,
                    first_in_para && prev_open_at_end && opens_para,
                );
                prev_open_at_end = true;
            }
        }
    }
    out
}

fn pos_span(at: usize, len: usize) -> Span {
    Span::new(at, at + len)
}

fn push(
    doc: &Document,
    out: &mut Vec<Marked>,
    open: Span,
    close: Option<Span>,
    pi: usize,
    cont: bool,
) {
    let end = close.map_or(doc.paragraphs[pi].end, |c| c.start);
    if end <= open.end {
        return;
    }
    let raw = Span::new(open.end, end);
    let s = doc.slice(raw);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    out.push(Marked {
        inner: Span::new(raw.start + lead, raw.end - trail),
        open,
        close,
        paragraph: pi,
        continues_prev: cont,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(s: &str) -> Vec<String> {
        let d = Document::new(s);
        find(&d)
            .iter()
            .map(|m| d.slice(m.inner).to_string())
            .collect()
    }

    #[test]
    fn curly_straight_single_guillemets() {
        assert_eq!(
            inner("“We stay. We fight,” she said."),
            vec!["We stay. We fight,"]
        );
        assert_eq!(inner("He said \"no\" twice."), vec!["no"]);
        assert_eq!(
            inner("She said ‘never again’ and left."),
            vec!["never again"]
        );
        assert_eq!(inner("Il a dit « non » hier."), vec!["non"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            inner("Ruiz’s aide said “the mayor’s plan works” today."),
            vec!["the mayor’s plan works"]
        );
        assert_eq!(inner("It's Ana's."), Vec::<String>::new());
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            inner("“They called it ‘a farce’, which hurt,” he said."),
            vec!["They called it ‘a farce’, which hurt,"]
        );
    }

    #[test]
    fn open_at_paragraph_end_continues() {
        let d = Document::new("“First part of it.\n“Second part,” she said.");
        let m = find(&d);
        assert_eq!(m.len(), 2);
        assert!(m[0].close.is_none());
        assert!(m[1].continues_prev);
        assert_eq!(d.slice(m[1].inner), "Second part,");
    }
}
