//! Trains the name tagger (`lede::ner`) and writes its table.
//!
//! usage: train_ner --train TRAIN.jsonl --dev DEV.jsonl --out data/ner.bin [--bits 16]
//!        [--epochs 8] [--prune 1] [--words /usr/share/dict/american-english]
//!
//! Input: JSON Lines with `text` and `entities` ([start, end, LABEL, …], offsets in
//! characters), as in `../shared/eval/ner/conll2003_*.jsonl`. Output: the table, and on
//! stderr the tagger's own dev figures (token accuracy, PERSON exact-span P/R/F1) after
//! each epoch and for the quantised table. The data is only read, never copied.

use lede::ner::train::{person_spans, prf, quantise, token_classes, Labeled, Perceptron};
use lede::ner::{Class, Model};
use lede::span::Span;
use lede::text::Document;
use std::process::ExitCode;

fn read(path: &str) -> Result<Vec<Labeled>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let text = v["text"].as_str().unwrap_or("").to_string();
        // Character offsets → byte offsets.
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        let at = |c: &serde_json::Value| c.as_u64().and_then(|c| bytes.get(c as usize).copied());
        let mut entities = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            if let (Some(s), Some(t), Some(l)) = (at(&e[0]), at(&e[1]), e[2].as_str()) {
                if s < t {
                    entities.push((Span::new(s, t), Class::from_label(l)));
                }
            }
        }
        for e in v["persons"].as_array().into_iter().flatten() {
            if let (Some(s), Some(t)) = (at(&e[0]), at(&e[1])) {
                if s < t && !entities.iter().any(|(x, _)| x.start == s) {
                    entities.push((Span::new(s, t), Class::Per));
                }
            }
        }
        out.push(Labeled { text, entities });
    }
    Ok(out)
}

fn evaluate(m: &Model, dev: &[Labeled]) -> (f64, f64, f64, f64) {
    let (mut ok, mut n) = (0usize, 0usize);
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for d in dev {
        let doc = Document::new(&d.text);
        let gold = token_classes(&doc, &d.entities);
        let tags = m.tag(&doc);
        let classes: Vec<Class> = tags.iter().map(|t| t.class).collect();
        ok += classes
            .iter()
            .zip(&gold)
            .filter(|(c, g)| **c as u8 == **g)
            .count();
        n += gold.len();
        let gold_per: Vec<Span> = d
            .entities
            .iter()
            .filter(|(_, c)| *c == Class::Per)
            .map(|(s, _)| *s)
            .collect();
        let (a, b, c) = prf(&person_spans(&doc, &classes), &gold_per);
        tp += a;
        np += b;
        ng += c;
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (ok as f64 / n.max(1) as f64, p, r, f)
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (Some(train), Some(dev), Some(out)) = (get("--train"), get("--dev"), get("--out")) else {
        return Err("usage: train_ner --train TRAIN.jsonl --dev DEV.jsonl --out FILE [--bits 16] [--epochs 8] [--prune 1]".into());
    };
    let num = |k: &str, d: u64| -> Result<u64, String> {
        get(k).map_or(Ok(d), |v| {
            v.parse().map_err(|_| format!("{k}: not a number: {v}"))
        })
    };
    let bits = num("--bits", 16)?.clamp(8, 24) as u8;
    let epochs = num("--epochs", 8)?;
    let prune = num("--prune", 1)?.min(100) as i8;
    let train = read(&train)?;
    let dev = read(&dev)?;
    eprintln!("train: {} documents, dev: {}", train.len(), dev.len());
    let prepared: Vec<(Document, Vec<u8>)> = train
        .iter()
        .map(|d| {
            let doc = Document::new(&d.text);
            let gold = token_classes(&doc, &d.entities);
            (doc, gold)
        })
        .collect();
    let mut p = Perceptron::new(bits);
    // A fixed shuffle per epoch (linear congruential), so training is reproducible.
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut seed: u64 = 0x5eed;
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        let (mut n, mut e) = (0, 0);
        for &i in &order {
            let (a, b) = p.learn(&prepared[i].0, &prepared[i].1);
            n += a;
            e += b;
        }
        let (scale, q) = quantise(&p.averaged(), 1e-4, prune);
        let m = Model::from_bytes(&Model::to_bytes(bits, scale, &q)).ok_or("bad table")?;
        let (acc, pp, rr, ff) = evaluate(&m, &dev);
        eprintln!(
            "epoch {epoch}: train errors {:.4}; dev token acc {acc:.4}, PERSON P {pp:.4} R {rr:.4} F1 {ff:.4}",
            e as f64 / n.max(1) as f64
        );
    }
    let (scale, q) = quantise(&p.averaged(), 1e-4, prune);
    let nonzero = q.iter().filter(|&&x| x != 0).count();
    let mut common = common_words(&prepared);
    if let Some(path) = get("--words") {
        // A general English word list (one word per line; capitalised entries are proper
        // names and skipped): its lower-case words join the corpus's own.
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        common.extend(
            raw.lines()
                .map(str::trim)
                .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase()))
                .map(str::to_string),
        );
        common.sort();
        common.dedup();
    }
    eprintln!("{} common words", common.len());
    let bytes = Model::to_bytes_with_words(
        p.bits(),
        scale,
        &q,
        COMMON_BITS,
        common.iter().map(String::as_str),
    );
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {out}: {} bytes, {nonzero} non-zero weights of {}",
        bytes.len(),
        q.len()
    );
    Ok(())
}

/// Size of the common-word set (bits, as a power of two): 2^19 bits = 64 kB.
const COMMON_BITS: u8 = 19;

/// Words the training text writes in lower case at least twice and more often than
/// capitalised away from a sentence start (counted per token, case-folded).
fn common_words(docs: &[(Document, Vec<u8>)]) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, (u32, u32)> = Default::default();
    for (doc, _) in docs {
        for r in &doc.sentence_tokens {
            for i in r.start + 1..r.end {
                let w = doc.tokens[i].text(doc.text);
                let Some(c) = w.chars().next() else { continue };
                if !c.is_alphabetic() {
                    continue;
                }
                let e = counts.entry(w.to_lowercase()).or_default();
                if c.is_lowercase() {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    let mut out: Vec<String> = counts
        .into_iter()
        .filter(|(_, (lo, cap))| *lo >= 2 && lo > cap)
        .map(|(w, _)| w)
        .collect();
    out.sort();
    out
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_ner: {e}");
            ExitCode::from(2)
        }
    }
}
