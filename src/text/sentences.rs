//! Sentence splitting inside one paragraph.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
//! whitespace and a character that can start a sentence, unless the word before the
//! full stop is a known abbreviation ("Mr.", "Gen.") or a single initial ("J.").

use crate::span::Span;

crate::lexicon::word_set!(
    /// Abbreviations after which a full stop does not end the sentence.
    ABBREVIATIONS,
    crate::lexicon::ABBREVIATIONS,
    "period"
);

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Splits `para` (a span of `text`) into sentence spans, trimmed of whitespace.
pub fn split_sentences(text: &str, para: Span) -> Vec<Span> {
    let p = para.text(text);
    let base = para.start;
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut e = k + 1;
            while e < chars.len()
                && (matches!(chars[e].1, '.' | '!' | '?') || is_closer(chars[e].1))
            {
                e += 1;
            }
            let end_byte = chars.get(e).map_or(p.len(), |x| x.0);
            let followed_by_space = e < chars.len() && chars[e].1.is_whitespace();
            if followed_by_space && c == '.' && is_abbreviation(&p[start..i]) {
                k = e;
                continue;
            }
            if followed_by_space {
                let mut n = e;
                while n < chars.len() && chars[n].1.is_whitespace() {
                    n += 1;
                }
                let starts_sentence = chars.get(n).is_some_and(|&(_, nc)| {
                    nc.is_uppercase()
                        || nc.is_ascii_digit()
                        || matches!(nc, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '-')
                });
                if starts_sentence {
                    push(p, base, start, end_byte, &mut out);
                    start = chars.get(n).map_or(p.len(), |x| x.0);
                    k = n;
                    continue;
                }
            }
            k = e;
            continue;
        }
        let _ = i;
        k += 1;
    }
    push(p, base, start, p.len(), &mut out);
    out
}

/// Whether the text before a full stop ends with an abbreviation or a single initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: "J. Smith"
    }
    ABBREVIATIONS.contains(&lower.as_str())
        || (lower.contains('.') && lower.split('.').all(|s| s.chars().count() <= 1))
}

fn push(p: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, Span::new(0, s.len()))
            .iter()
            .map(|sp| sp.text(s))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Hale met Gen. J. D. Ortiz in the U.S. capital. They talked."),
            vec![
                "Mr. Hale met Gen. J. D. Ortiz in the U.S. capital.",
                "They talked."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“We will stay,” she said. “Always.” Then she left!"),
            vec!["“We will stay,” she said.", "“Always.”", "Then she left!"]
        );
    }

    #[test]
    fn lower_case_after_stop_does_not_split() {
        assert_eq!(
            split("It cost 3.5m. and more"),
            vec!["It cost 3.5m. and more"]
        );
    }
}
