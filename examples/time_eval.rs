//! Scores the time module on TimeBank/AQUAINT (TempEval-3 TBAQ) and MEANTIME.
//!
//! `cargo run --release --example time_eval [-- --verbose] [-- --corpus NAME]`
//! Reads `shared/eval/time/*.jsonl` (searched in `$LEDE_EVAL`, `../shared/eval`,
//! `../../shared/eval`, `/work/shared/eval`), runs `lede::analyze` with each
//! document's dct as the publication date and prints, per corpus: strict extraction
//! P/R/F1 (exact span), relaxed P/R/F1 (overlap, one-to-one), value F1 (relaxed match
//! with equal value) and type accuracy (on relaxed matches). MEANTIME is scored on
//! the part its annotators covered (title, date line, first five sentences). Gold offsets are code
//! points; Lede's spans are bytes and are converted here.

use serde_json::Value;
use std::path::PathBuf;
use std::time::Instant;

fn eval_dir() -> Option<PathBuf> {
    let mut c: Vec<PathBuf> = Vec::new();
    if let Ok(d) = std::env::var("LEDE_EVAL") {
        c.push(d.into());
    }
    for d in ["../shared/eval", "../../shared/eval", "/work/shared/eval"] {
        c.push(d.into());
    }
    c.into_iter().map(|d| d.join("time")).find(|d| d.is_dir())
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    strict: usize,
    relaxed: usize,
    value: usize,
    type_ok: usize,
    words: usize,
    secs: f64,
    time_secs: f64,
}

fn prf(hit: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        hit as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

struct Ex {
    s: usize,
    e: usize,
    kind: String,
    value: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let only = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1).cloned());
    let Some(dir) = eval_dir() else {
        println!("time_eval: no shared/eval/time directory found; nothing to score");
        return;
    };
    let files = [
        ("TimeBank", "timebank_1.2_tbaq.jsonl"),
        ("AQUAINT", "aquaint_tbaq.jsonl"),
        ("MEANTIME", "meantime_en_wikinews.jsonl"),
    ];
    let mut tbaq = Score::default();
    for (name, file) in files {
        if only
            .as_deref()
            .is_some_and(|o| !name.eq_ignore_ascii_case(o))
        {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            println!("{name}: {file} missing");
            continue;
        };
        let mut sc = Score::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(doc) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            // MEANTIME annotates the title, the date line and the first five sentences only.
            let limit = (name == "MEANTIME").then_some(7);
            score_doc(&doc, &mut sc, verbose, limit);
        }
        report(name, &sc);
        if name != "MEANTIME" {
            tbaq.gold += sc.gold;
            tbaq.pred += sc.pred;
            tbaq.strict += sc.strict;
            tbaq.relaxed += sc.relaxed;
            tbaq.value += sc.value;
            tbaq.type_ok += sc.type_ok;
            tbaq.words += sc.words;
            tbaq.secs += sc.secs;
            tbaq.time_secs += sc.time_secs;
        }
    }
    if only.is_none() {
        report("TimeBank+AQUAINT", &tbaq);
    }
}

fn report(name: &str, s: &Score) {
    let (sp, sr, sf) = prf(s.strict, s.pred, s.gold);
    let (rp, rr, rf) = prf(s.relaxed, s.pred, s.gold);
    let (_, _, vf) = prf(s.value, s.pred, s.gold);
    let ta = if s.relaxed == 0 {
        0.0
    } else {
        s.type_ok as f64 / s.relaxed as f64
    };
    let ms_per_kw = if s.words == 0 {
        0.0
    } else {
        s.secs * 1000.0 / (s.words as f64 / 1000.0)
    };
    let time_ms = if s.words == 0 {
        0.0
    } else {
        s.time_secs * 1000.0 / (s.words as f64 / 1000.0)
    };
    println!(
        "{name:18} gold {:4} pred {:4} | strict P {sp:.3} R {sr:.3} F1 {sf:.3} | relaxed P {rp:.3} R {rr:.3} F1 {rf:.3} | value F1 {vf:.3} | type acc {ta:.3} | {ms_per_kw:.2} ms/1k words analyze, {time_ms:.2} time::find",
        s.gold, s.pred
    );
}

fn score_doc(doc: &Value, sc: &mut Score, verbose: bool, sentence_limit: Option<usize>) {
    let text = doc["text"].as_str().unwrap_or("");
    let dct = doc["dct"].as_str().unwrap_or("");
    let id = doc["id"]
        .as_str()
        .or(doc["doc_name"].as_str())
        .unwrap_or("?")
        .to_string();
    let opts = lede::Options::with_published(dct, "eval").unwrap_or_default();
    let Ok(a) = lede::analyze(text, &opts) else {
        return;
    };
    // The machine is shared: the fastest of three runs is the cost of the code.
    let mut best = f64::MAX;
    let mut best_time = f64::MAX;
    for _ in 0..3 {
        let t0 = Instant::now();
        let _ = lede::analyze(text, &opts);
        best = best.min(t0.elapsed().as_secs_f64());
        let doc = lede::text::Document::new(text);
        let t1 = Instant::now();
        let _ = lede::time::find(&doc, opts.published.as_ref().map(|p| p.date));
        best_time = best_time.min(t1.elapsed().as_secs_f64());
    }
    sc.secs += best;
    sc.time_secs += best_time;
    sc.words += text.split_whitespace().count();
    // byte offset → code point index
    let mut cp = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, ch) in text.char_indices() {
        for k in 0..ch.len_utf8() {
            cp[b + k] = n;
        }
        n += 1;
    }
    cp[text.len()] = n;
    let cut = sentence_limit
        .and_then(|n| {
            let d = lede::text::Document::new(text);
            d.sentences.get(n - 1).map(|s| s.end)
        })
        .unwrap_or(text.len());
    let pred: Vec<Ex> = a
        .times
        .iter()
        .filter(|t| t.span.start < cut)
        .map(|t| Ex {
            s: cp[t.span.start],
            e: cp[t.span.end],
            kind: t.kind.as_str().to_string(),
            value: t.value.clone().unwrap_or_default(),
        })
        .collect();
    let gold: Vec<Ex> = doc["timex"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|g| {
                    Some(Ex {
                        s: g[0].as_u64()? as usize,
                        e: g[1].as_u64()? as usize,
                        kind: g[2].as_str()?.to_string(),
                        value: g[3].as_str().unwrap_or("").to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    sc.gold += gold.len();
    sc.pred += pred.len();
    let chars: Vec<char> = text.chars().collect();
    let show = |x: &Ex| -> String {
        let s: String = chars[x.s.min(chars.len())..x.e.min(chars.len())]
            .iter()
            .collect();
        let l = x.s.saturating_sub(30);
        let ctx: String = chars[l..x.s.min(chars.len())].iter().collect();
        format!(
            "{:?} {} {}   …{}",
            s,
            x.kind,
            x.value,
            ctx.replace('\n', " ")
        )
    };
    let mut used = vec![false; pred.len()];
    let mut lines = Vec::new();
    for g in &gold {
        if pred.iter().any(|p| p.s == g.s && p.e == g.e) {
            sc.strict += 1;
        }
        let m = pred
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.s < g.e && g.s < p.e)
            .map(|(i, _)| i);
        match m {
            Some(i) => {
                used[i] = true;
                sc.relaxed += 1;
                let p = &pred[i];
                if p.kind == g.kind {
                    sc.type_ok += 1;
                }
                if p.value == g.value {
                    sc.value += 1;
                } else if verbose {
                    lines.push(format!(
                        "  VALUE gold {}  | got {:?} {} {}",
                        show(g),
                        chars[p.s..p.e].iter().collect::<String>(),
                        p.kind,
                        p.value
                    ));
                }
                if verbose && (p.s != g.s || p.e != g.e) && p.value == g.value {
                    lines.push(format!(
                        "  SPAN  gold {}  | got {:?}",
                        show(g),
                        chars[p.s..p.e].iter().collect::<String>()
                    ));
                }
            }
            None => {
                if verbose {
                    lines.push(format!("  MISS  {}", show(g)));
                }
            }
        }
    }
    if verbose {
        for (i, p) in pred.iter().enumerate() {
            if !used[i] {
                lines.push(format!("  EXTRA {}", show(p)));
            }
        }
        if !lines.is_empty() {
            println!("# {id} (dct {dct})");
            for l in lines {
                println!("{l}");
            }
        }
    }
}
