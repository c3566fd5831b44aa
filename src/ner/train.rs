//! Training the tagger: an averaged perceptron, greedy left to right, over documents
//! with character-offset entity spans (the CoNLL-2003 JSON Lines of `../shared/eval/ner`).
//!
//! Input: [`Labeled`] documents. Output: the quantised table ([`quantise`]) that
//! [`super::Model::from_bytes`] reads. The perceptron keeps full-precision weights while it
//! learns; only the averaged result is scaled to signed bytes, and bytes of magnitude
//! `prune` or less are set to zero so the shipped table compresses well.

use super::features::{dynamic, static_features};
use super::model::argmax;
use super::{Class, CLASSES};
use crate::span::Span;
use crate::text::Document;

/// One training or evaluation document: its text and its entity spans (bytes, with class).
pub struct Labeled {
    pub text: String,
    pub entities: Vec<(Span, Class)>,
}

/// The gold class of every token of `doc`: the class of the entity span it lies inside.
pub fn token_classes(doc: &Document, entities: &[(Span, Class)]) -> Vec<u8> {
    let mut sorted: Vec<&(Span, Class)> = entities.iter().collect();
    sorted.sort_by_key(|(s, _)| s.start);
    let mut out = vec![Class::O as u8; doc.tokens.len()];
    let mut j = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        while j < sorted.len() && sorted[j].0.end <= t.span.start {
            j += 1;
        }
        if let Some((s, c)) = sorted.get(j) {
            if s.start <= t.span.start && t.span.end <= s.end {
                out[i] = *c as u8;
            }
        }
    }
    out
}

/// Full-precision averaged perceptron over `1 << bits` buckets.
pub struct Perceptron {
    bits: u8,
    w: Vec<f32>,
    /// Sum of (update step × update), for the lazy average.
    u: Vec<f32>,
    step: f32,
}

impl Perceptron {
    pub fn new(bits: u8) -> Perceptron {
        let n = CLASSES << bits;
        Perceptron {
            bits,
            w: vec![0.0; n],
            u: vec![0.0; n],
            step: 1.0,
        }
    }

    fn row(&self, f: u32) -> usize {
        ((f as usize) & ((1usize << self.bits) - 1)) * CLASSES
    }

    fn scores(&self, feats: &[u32], dynf: &[u32]) -> [f32; CLASSES] {
        let mut s = [0.0f32; CLASSES];
        for &f in feats.iter().chain(dynf) {
            let r = self.row(f);
            for (c, x) in s.iter_mut().enumerate() {
                *x += self.w[r + c];
            }
        }
        s
    }

    fn update(&mut self, feats: &[u32], dynf: &[u32], gold: usize, guess: usize) {
        for &f in feats.iter().chain(dynf) {
            let r = self.row(f);
            self.w[r + gold] += 1.0;
            self.w[r + guess] -= 1.0;
            self.u[r + gold] += self.step;
            self.u[r + guess] -= self.step;
        }
    }

    /// One pass over a document; returns (tokens, errors).
    pub fn learn(&mut self, doc: &Document, gold: &[u8]) -> (usize, usize) {
        let feats = static_features(doc);
        let mut errors = 0;
        let mut dynf = [0u32; 3];
        for r in &doc.sentence_tokens {
            let (mut prev, mut prev2) = (CLASSES as u8, CLASSES as u8);
            for i in r.clone() {
                dynamic(prev, prev2, feats[i][1], &mut dynf);
                let guess = argmax(&self.scores(&feats[i], &dynf));
                let g = usize::from(gold[i]);
                if guess != g {
                    self.update(&feats[i], &dynf, g, guess);
                    errors += 1;
                }
                self.step += 1.0;
                prev2 = prev;
                // Condition on the gold history while learning (the decoder sees its own).
                prev = gold[i];
            }
        }
        (doc.tokens.len(), errors)
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.step)
            .collect()
    }

    pub fn bits(&self) -> u8 {
        self.bits
    }
}

/// Scales weights to signed bytes: the largest magnitude (after clipping the top
/// `clip` fraction) maps to 127; bytes of magnitude `prune` or less become 0.
pub fn quantise(w: &[f32], clip: f64, prune: i8) -> (f32, Vec<i8>) {
    let mut mags: Vec<f32> = w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    mags.sort_by(|a, b| a.total_cmp(b));
    let top = if mags.is_empty() {
        1.0
    } else {
        let k = ((mags.len() as f64) * (1.0 - clip)) as usize;
        mags[k.min(mags.len() - 1)].max(f32::MIN_POSITIVE)
    };
    let scale = 127.0 / top;
    let q = w
        .iter()
        .map(|&x| {
            let v = (x * scale).round().clamp(-127.0, 127.0) as i8;
            if v.abs() <= prune {
                0
            } else {
                v
            }
        })
        .collect();
    (scale, q)
}

/// Person spans as the tagger alone finds them: maximal runs of person tokens (between
/// them only name-internal punctuation such as the dot of an initial or a hyphen).
pub fn person_spans(doc: &Document, classes: &[Class]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for (t, &c) in doc.tokens.iter().zip(classes) {
        if c == Class::Per {
            open = Some(match open {
                Some(s) => Span::new(s.start, t.span.end),
                None => t.span,
            });
        } else if let Some(s) = open.take() {
            out.push(s);
        }
    }
    out.extend(open);
    out
}

/// Exact-span precision, recall, F1 of `pred` against `gold`.
pub fn prf(pred: &[Span], gold: &[Span]) -> (usize, usize, usize) {
    let g: std::collections::HashSet<&Span> = gold.iter().collect();
    let tp = pred.iter().filter(|s| g.contains(s)).count();
    (tp, pred.len(), gold.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_tiny_set() {
        let text = "Ana Ruiz met Tom Hale in Lisbon . Hale said Ruiz left Lisbon .";
        let ents = vec![
            (Span::new(0, 8), Class::Per),
            (Span::new(13, 21), Class::Per),
            (Span::new(25, 31), Class::Loc),
        ];
        let d = Document::new(text);
        let gold = token_classes(&d, &ents);
        assert_eq!(gold[0], Class::Per as u8);
        assert_eq!(gold[2], Class::O as u8);
        let mut p = Perceptron::new(10);
        for _ in 0..5 {
            p.learn(&d, &gold);
        }
        let (scale, q) = quantise(&p.averaged(), 0.0, 0);
        let m = super::super::Model::from_bytes(&super::super::Model::to_bytes(10, scale, &q))
            .expect("table");
        let tags = m.tag(&d);
        assert_eq!(tags[0].class, Class::Per);
        assert_eq!(tags[6].class, Class::Loc);
    }
}
