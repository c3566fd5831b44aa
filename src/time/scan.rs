//! Fine-grained tokens for the time grammar.
//!
//! Stage: first step of [`super::find`]. Input: the document text. Output: [`Tokens`]
//! — runs of letters/digits and single punctuation marks, with byte spans, a
//! lower-case form and whether whitespace precedes them. Unlike the document tokens,
//! hyphens, slashes, colons and dots are separate tokens, so "30-day" is
//! `30` `-` `day` and "10:30" is `10` `:` `30`. Digit groups ("1,500", "2.5") stay whole.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters only.
    Word,
    /// ASCII digits only (possibly with thousands commas or a decimal point).
    Num,
    /// Letters and digits mixed ("3pm", "1990s", "12th", "q3").
    Mixed,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the text start) precedes the token.
    pub space_before: bool,
    /// First character is upper-case.
    pub cap: bool,
    /// The digit token holds a thousands comma or a decimal point.
    pub grouped: bool,
    /// Every letter is upper-case and there are at least two ("TODAY", "GMT").
    pub all_caps: bool,
}

/// The tokens of one text plus its ASCII-lower-cased copy (same byte offsets).
pub struct Tokens {
    pub toks: Vec<Tok>,
    lower: String,
}

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        Tokens {
            toks: tokenize(text),
            lower: text.to_ascii_lowercase(),
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Lower-case text of token `i` ("" past the end).
    pub fn w(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// All letters upper-case ("TODAY"): headline or label case, not a name's.
    pub fn all_caps(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.all_caps)
    }

    /// True when token `i` directly follows token `i - 1` without a space.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// The lower-cased text between token `i - 1` and token `i` (from the text start
    /// for the first token): where line breaks and spaces show.
    pub fn gap_before(&self, i: usize) -> &str {
        let Some(t) = self.toks.get(i) else {
            return "";
        };
        let from = i
            .checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .map_or(0, |p| p.end);
        self.lower.get(from..t.start).unwrap_or("")
    }

    /// The lower-cased text (same byte offsets as the original).
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Integer value of a plain digit token.
    pub fn int(&self, i: usize) -> Option<i64> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.grouped {
            return None;
        }
        self.w(i).parse().ok()
    }

    /// Number of digits of a plain digit token.
    pub fn digits(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Num && !t.grouped => t.end - t.start,
            _ => 0,
        }
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let bytes = text.as_bytes();
    let mut it = text.char_indices().peekable();
    let mut space = true;
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut letters = c.is_alphabetic();
            let mut digits = c.is_ascii_digit();
            let mut grouped = false;
            let mut lower_seen = c.is_lowercase();
            let mut letter_count = usize::from(c.is_alphabetic());
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    lower_seen |= d.is_lowercase();
                    letter_count += usize::from(d.is_alphabetic());
                    letters |= d.is_alphabetic();
                    digits |= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                } else if (d == ',' || d == '.') && digits && !letters {
                    // "1,500" and "2.5" stay one number; "2025." does not.
                    let after = &bytes[j + 1..];
                    let run = after.iter().take_while(|b| b.is_ascii_digit()).count();
                    let ok = if d == ',' { run == 3 } else { run > 0 };
                    if !ok {
                        break;
                    }
                    it.next();
                    for _ in 0..run {
                        it.next();
                    }
                    end = j + 1 + run;
                    grouped = true;
                } else {
                    break;
                }
            }
            let kind = match (letters, digits) {
                (true, true) => Kind::Mixed,
                (true, false) => Kind::Word,
                _ => Kind::Num,
            };
            out.push(Tok {
                start: i,
                end,
                kind,
                space_before: space,
                cap: c.is_uppercase(),
                grouped,
                all_caps: !lower_seen && letter_count >= 2,
            });
        } else {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct,
                space_before: space,
                cap: false,
                grouped: false,
                all_caps: false,
            });
        }
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_hyphens_and_keeps_groups() {
        let t = Tokens::new("A 30-day truce, 1,500 men, 10:30 GMT’s");
        let words: Vec<&str> = (0..t.len()).map(|i| t.w(i)).collect();
        assert_eq!(
            words,
            vec![
                "a", "30", "-", "day", "truce", ",", "1,500", "men", ",", "10", ":", "30", "gmt",
                "’", "s"
            ]
        );
        assert!(t.glued(2) && t.glued(3) && !t.glued(4));
        assert_eq!(t.int(1), Some(30));
        assert_eq!(t.int(6), None);
        assert!(t.cap(0));
    }
}
