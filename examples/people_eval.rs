//! Quick scorer for person mentions against CoNLL-2003 dev (PERSON spans, code points).
//!
//! `cargo run --release --example people_eval [-- --verbose] [path]`
//! Prints precision / recall / F1 for exact and overlap matching; `--verbose` lists the
//! misses and extras of each document. Reads the third-party file at run time only.

use lede::model::MentionKind;
use lede::text::Document;
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../../shared/eval/ner/conll2003_dev.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skip: {path} not found");
        return;
    };
    let (mut tp_exact, mut tp_overlap_pred, mut tp_overlap_gold, mut n_pred, mut n_gold) =
        (0, 0, 0, 0, 0);
    for line in data.lines() {
        let Ok(doc) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let text = doc["text"].as_str().unwrap_or("");
        let id = doc["id"].as_str().unwrap_or("");
        // Byte offset → code point index.
        let mut cp = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, ch) in text.char_indices() {
            for k in 0..ch.len_utf8() {
                cp[b + k] = n;
            }
            n += 1;
        }
        cp[text.len()] = n;
        let gold: Vec<(usize, usize)> = doc["persons"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| Some((p[0].as_u64()? as usize, p[1].as_u64()? as usize)))
                    .collect()
            })
            .unwrap_or_default();
        let d = Document::new(text);
        let people = lede::people::find(&d);
        let mut pred: Vec<(usize, usize)> = people
            .iter()
            .flat_map(|p| p.mentions.iter())
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Alias))
            .map(|m| (cp[m.span.start], cp[m.span.end]))
            .collect();
        pred.sort();
        pred.dedup();
        n_pred += pred.len();
        n_gold += gold.len();
        let ov = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
        tp_exact += pred.iter().filter(|p| gold.contains(p)).count();
        tp_overlap_pred += pred
            .iter()
            .filter(|p| gold.iter().any(|g| ov(p, g)))
            .count();
        tp_overlap_gold += gold
            .iter()
            .filter(|g| pred.iter().any(|p| ov(p, g)))
            .count();
        if verbose {
            let chars: Vec<char> = text.chars().collect();
            let s = |a: &(usize, usize)| chars[a.0..a.1].iter().collect::<String>();
            let ctx = |a: &(usize, usize)| {
                let l = a.0.saturating_sub(30);
                let r = (a.1 + 30).min(chars.len());
                chars[l..r].iter().collect::<String>().replace('\n', " ")
            };
            for g in gold.iter().filter(|g| !pred.contains(g)) {
                println!("{id}\tMISS\t{}\t{}", s(g), ctx(g));
            }
            for p in pred.iter().filter(|p| !gold.contains(p)) {
                println!("{id}\tEXTRA\t{}\t{}", s(p), ctx(p));
            }
        }
    }
    let f = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let pe = tp_exact as f64 / n_pred.max(1) as f64;
    let re = tp_exact as f64 / n_gold.max(1) as f64;
    let po = tp_overlap_pred as f64 / n_pred.max(1) as f64;
    let ro = tp_overlap_gold as f64 / n_gold.max(1) as f64;
    println!("gold {n_gold} predicted {n_pred}");
    println!("exact   P {pe:.3} R {re:.3} F1 {:.3}", f(pe, re));
    println!("overlap P {po:.3} R {ro:.3} F1 {:.3}", f(po, ro));
}
