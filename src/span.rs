//! Byte spans into one analysed text.
//!
//! Every stage of the core speaks in byte offsets into the same `&str`; only the
//! report layer converts them to code points (CLI / JSON contract) or UTF-16 code
//! units (the wasm binding), once, at the boundary.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Creates a span.
    ///
    /// # Panics
    /// In debug builds, when `start > end` (a caller bug, never input-dependent).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or "" when it does not lie on char boundaries of `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_on_multibyte_boundaries() {
        let s = "“Ja,” sagte Zoë — 🙂";
        let start = s.find("Zoë").unwrap();
        let sp = Span::new(start, start + "Zoë".len());
        assert_eq!(sp.text(s), "Zoë");
        // A span cutting a character in half yields "" instead of panicking.
        assert_eq!(Span::new(1, 2).text(s), "");
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&Span::new(5, 6)));
        assert_eq!(a.cover(&b), Span::new(0, 9));
    }
}
