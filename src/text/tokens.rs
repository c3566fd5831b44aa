//! Word tokens: runs of letters/digits (with inner apostrophes, hyphens and dots of
//! initials), and single punctuation characters. Whitespace is dropped.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }

    /// True when the first character is an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }
}

/// Marks that are invisible on the page and never split a word: soft hyphen, zero-width
/// space and non-joiner, word joiner, byte-order mark, combining grapheme joiner. Inside a
/// word they belong to the word's token (so offsets stay exact); between words they are
/// skipped like whitespace.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}' | '\u{034f}'
    )
}

/// `s` without its invisible marks ("Chris\u{ad}tian" → "Christian").
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_invisible) {
        std::borrow::Cow::Owned(s.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{200d}'
}

/// Characters that may join two word parts: "don't", "al-Assad", "U.S".
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || is_invisible(c) {
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        loop {
            match it.peek().copied() {
                Some((j, d)) if is_invisible(d) => {
                    // Part of the word only when the word goes on after it.
                    let rest = &text[j..];
                    let next = rest.chars().find(|&n| !is_invisible(n));
                    if !next.is_some_and(is_word_char) {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
                Some((j, d)) if is_word_char(d) => {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                }
                Some((j, d)) if is_joiner(d) || (all_digits && d == ',') => {
                    // A joiner counts only when a word character follows it directly.
                    let next = text[j + d.len_utf8()..].chars().next();
                    let joins = match next {
                        Some(n) if is_word_char(n) => {
                            // "1,000" joins digits; "U.S" joins single letters only.
                            if d == ',' {
                                n.is_ascii_digit()
                            } else if d == '.' {
                                all_digits && n.is_ascii_digit() || is_initial_run(&text[i..j])
                            } else {
                                true
                            }
                        }
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    it.next();
                    end = j + d.len_utf8();
                }
                _ => break,
            }
        }
        let word = &text[i..end];
        let kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token {
            span: Span::new(i, end),
            kind,
        });
    }
    out
}

/// "U" or "U.S" style: single letters separated by dots.
fn is_initial_run(s: &str) -> bool {
    s.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(|c| c.is_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            words("Zoë’s 1,000-strong U.S. al-Assad team, don't."),
            vec![
                "Zoë’s",
                "1,000-strong",
                "U.S",
                ".",
                "al-Assad",
                "team",
                ",",
                "don't",
                "."
            ]
        );
        assert_eq!(
            words("“Hi,” 3.5 🙂"),
            vec!["“", "Hi", ",", "”", "3.5", "🙂"]
        );
        assert_eq!(tokenize("1,020")[0].kind, TokenKind::Number);
    }

    #[test]
    fn invisible_marks_do_not_split_words() {
        let s = "Chris\u{ad}tian Fer\u{200b}nández\u{ad} left \u{feff}today.";
        assert_eq!(
            words(s),
            vec!["Chris\u{ad}tian", "Fer\u{200b}nández", "left", "today", "."]
        );
        assert_eq!(visible(words(s)[0]), "Christian");
        // Offsets index the text as given.
        let t = tokenize(s);
        assert_eq!(&s[t[1].span.start..t[1].span.end], "Fer\u{200b}nández");
    }
}
