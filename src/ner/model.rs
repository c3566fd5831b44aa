//! The weight table and greedy tagging.
//!
//! File format (`data/ner.bin`, little-endian): the magic `LNER`, a version byte (1), the
//! table's size as a power of two (`bits`), the class count, a reserved byte, the scale
//! (f32: weight = byte / scale), then `classes << bits` signed bytes, bucket-major. A table
//! of 2^16 buckets × 5 classes is 320 kB raw; most bytes are zero after pruning, so it
//! gzips to a fraction of that.
//!
//! Version 2 appends a word set: a byte `set_bits`, then `1 << set_bits` bits (bytes,
//! least significant bit first) of FNV-1a hashes of the lower-case words that the training
//! text writes in lower case more often than capitalised away from a sentence start (the
//! corpus's common words: "killer", "dark", "boot"), and of a general word list's lower-case
//! words when training is given one; each word sets two bits. [`Model::is_common_word`].

use super::features::{dynamic, static_features};
use super::{Class, CLASSES};
use crate::text::Document;

const MAGIC: &[u8; 4] = b"LNER";
const HEADER: usize = 12;

/// A loaded table.
#[derive(Debug, Clone)]
pub struct Model {
    bits: u8,
    scale: f32,
    weights: Vec<i8>,
    /// The common-word bit set (empty in version 1 tables).
    common: Vec<u8>,
    common_bits: u8,
}

/// The scores of every class for one token (higher is likelier), and the chosen class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TokenTag {
    pub class: Class,
    pub scores: [f32; CLASSES],
}

impl TokenTag {
    /// How far the person score is above the best other class (negative: not a person).
    pub fn person_margin(&self) -> f32 {
        let per = self.scores[Class::Per as usize];
        let other = self
            .scores
            .iter()
            .enumerate()
            .filter(|&(c, _)| c != Class::Per as usize)
            .map(|(_, &s)| s)
            .fold(f32::MIN, f32::max);
        per - other
    }
}

impl Model {
    /// Reads a table; `None` when the bytes are not a table of this version.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < HEADER
            || &b[..4] != MAGIC
            || !(1..=2).contains(&b[4])
            || usize::from(b[6]) != CLASSES
        {
            return None;
        }
        let version = b[4];
        let bits = b[5];
        if !(8..=24).contains(&bits) {
            return None;
        }
        let scale = f32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        let n = CLASSES << bits;
        if b.len() < HEADER + n || !(scale.is_finite() && scale > 0.0) {
            return None;
        }
        let weights = b[HEADER..HEADER + n].iter().map(|&x| x as i8).collect();
        let rest = &b[HEADER + n..];
        let (common_bits, common) = match (version, rest.split_first()) {
            (1, None) => (0, Vec::new()),
            (2, Some((&cb, set))) if (3..=24).contains(&cb) && set.len() == (1usize << cb) / 8 => {
                (cb, set.to_vec())
            }
            _ => return None,
        };
        Some(Model {
            bits,
            scale,
            weights,
            common,
            common_bits,
        })
    }

    /// Writes the table in the format [`Model::from_bytes`] reads (version 1).
    pub fn to_bytes(bits: u8, scale: f32, weights: &[i8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[1, bits, CLASSES as u8, 0]);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend(weights.iter().map(|&w| w as u8));
        out
    }

    /// Version 2: the table and the common-word set of `1 << set_bits` bits.
    pub fn to_bytes_with_words<'w>(
        bits: u8,
        scale: f32,
        weights: &[i8],
        set_bits: u8,
        words: impl IntoIterator<Item = &'w str>,
    ) -> Vec<u8> {
        let mut out = Model::to_bytes(bits, scale, weights);
        out[4] = 2;
        out.push(set_bits);
        let mut set = vec![0u8; (1usize << set_bits) / 8];
        for w in words {
            for h in word_bits(w, set_bits) {
                set[h / 8] |= 1 << (h % 8);
            }
        }
        out.extend_from_slice(&set);
        out
    }

    /// Whether `word` (any case) is a common lower-case word: one the training text mostly
    /// writes in lower case, or one of the general word list given to training. A Bloom
    /// filter with two hashes: a rare word passes by chance about one time in twenty at the
    /// shipped size (64,331 words in 2^19 bits), a common word always does.
    pub fn is_common_word(&self, word: &str) -> bool {
        // Initials and one- or two-letter words say nothing.
        if self.common.is_empty() || word.ends_with('.') || word.chars().count() < 3 {
            return false;
        }
        word_bits(&crate::text::visible(word).to_lowercase(), self.common_bits)
            .iter()
            .all(|&h| self.common[h / 8] & (1 << (h % 8)) != 0)
    }

    fn add(&self, feature: u32, scores: &mut [i32; CLASSES]) {
        let b = (feature as usize) & ((1usize << self.bits) - 1);
        let row = &self.weights[b * CLASSES..(b + 1) * CLASSES];
        for (s, &w) in scores.iter_mut().zip(row) {
            *s += i32::from(w);
        }
    }

    /// Tags every token of `doc`, left to right within each sentence.
    pub fn tag(&self, doc: &Document) -> Vec<TokenTag> {
        let feats = static_features(doc);
        let mut out = vec![
            TokenTag {
                class: Class::O,
                scores: [0.0; CLASSES],
            };
            doc.tokens.len()
        ];
        let mut dynf = [0u32; 3];
        for r in &doc.sentence_tokens {
            let (mut prev, mut prev2) = (CLASSES as u8, CLASSES as u8);
            for i in r.clone() {
                let mut s = [0i32; CLASSES];
                for &f in &feats[i] {
                    self.add(f, &mut s);
                }
                dynamic(prev, prev2, feats[i][1], &mut dynf);
                for &f in &dynf {
                    self.add(f, &mut s);
                }
                let best = argmax(&s);
                out[i] = TokenTag {
                    class: Class::from_index(best),
                    scores: s.map(|x| x as f32 / self.scale),
                };
                prev2 = prev;
                prev = best as u8;
            }
        }
        out
    }
}

/// The two bits of a word in the set (a Bloom filter with two hashes).
fn word_bits(lower: &str, set_bits: u8) -> [usize; 2] {
    let mask = (1usize << set_bits) - 1;
    [
        (super::features::hash("common", lower) as usize) & mask,
        (super::features::hash("common2", lower) as usize) & mask,
    ]
}

/// The index of the highest score (the first on ties, so O wins a tie).
pub fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
    let mut best = 0;
    for (i, &x) in s.iter().enumerate() {
        if x > s[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_bad_bytes() {
        let w = vec![1i8; CLASSES << 8];
        let b = Model::to_bytes(8, 10.0, &w);
        let m = Model::from_bytes(&b).expect("valid table");
        assert_eq!(m.weights.len(), w.len());
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_none());
        assert!(Model::from_bytes(b"LNER").is_none());
        assert!(Model::from_bytes(&[]).is_none());
        let b = Model::to_bytes_with_words(8, 10.0, &w, 10, ["killer", "dark", "n"]);
        let m = Model::from_bytes(&b).expect("version 2");
        assert!(m.is_common_word("Killer") && m.is_common_word("dark"));
        assert!(!m.is_common_word("ruiz") && !m.is_common_word("N."));
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_none());
    }
}
