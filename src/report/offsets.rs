//! Byte offsets → code points or UTF-16 code units, in O(1) per lookup.

/// The unit a consumer indexes strings with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values (Python `str`, the evaluation data, the CLI).
    CodePoint,
    /// UTF-16 code units (JavaScript strings, DOM Ranges).
    Utf16,
}

/// A table from every byte offset of a text to its offset in `unit`.
pub struct OffsetMap {
    table: Vec<u32>,
}

impl OffsetMap {
    pub fn new(text: &str, unit: Unit) -> OffsetMap {
        let mut table = vec![0u32; text.len() + 1];
        let mut n: u32 = 0;
        for (i, c) in text.char_indices() {
            for b in 0..c.len_utf8() {
                // A byte inside a character maps to the character's start.
                table[i + b] = n;
            }
            n += match unit {
                Unit::CodePoint => 1,
                Unit::Utf16 => c.len_utf16() as u32,
            };
        }
        table[text.len()] = n;
        OffsetMap { table }
    }

    /// The offset of byte `b` (clamped to the end of the text).
    pub fn get(&self, b: usize) -> usize {
        let last = self.table.len() - 1;
        self.table[b.min(last)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_and_utf16() {
        let s = "a“é”🙂b";
        let b = s.find('b').unwrap();
        assert_eq!(OffsetMap::new(s, Unit::CodePoint).get(b), 5);
        assert_eq!(OffsetMap::new(s, Unit::Utf16).get(b), 6);
        assert_eq!(OffsetMap::new(s, Unit::Utf16).get(s.len()), 7);
        assert_eq!(OffsetMap::new("", Unit::Utf16).get(0), 0);
    }
}
