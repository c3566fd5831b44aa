//! Quick scorer for quotes and speakers against PolNeAR (code-point offsets).
//!
//! `cargo run --release --example quote_eval [-- --verbose] [path]`: for gold quotes with
//! `quote_marks` = full / partial / none, recall (a predicted quote overlaps) and speaker
//! accuracy (the predicted speaker span overlaps the gold one, or the predicted person's name
//! matches the gold speaker text). `--show FILE` prints people and quotes for one text file.

use lede::text::Document;
use serde_json::Value;

/// (quote span, speaker span, speaker name, direct), in code points.
type Pred = ((usize, usize), Option<(usize, usize)>, Option<String>, bool);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--profile") {
        profile();
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--show") {
        let path = args.get(i + 1).cloned().unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        show(&text);
        return;
    }
    let verbose = args.iter().any(|a| a == "--verbose");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../../shared/eval/quotes/polnear_dev.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skip: {path} not found");
        return;
    };
    let kinds = ["full", "partial", "none"];
    let mut found = [0usize; 3];
    let mut right = [0usize; 3];
    let mut total = [0usize; 3];
    let (mut n_pred_direct, mut n_pred_direct_hit) = (0usize, 0usize);
    let (mut words, mut elapsed) = (0usize, std::time::Duration::ZERO);
    for line in data.lines() {
        let Ok(doc) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let text = doc["text"].as_str().unwrap_or("");
        let id = doc["id"].as_str().unwrap_or("");
        let mut cp = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, ch) in text.char_indices() {
            for k in 0..ch.len_utf8() {
                cp[b + k] = n;
            }
            n += 1;
        }
        cp[text.len()] = n;
        let chars: Vec<char> = text.chars().collect();
        let sl = |a: usize, b: usize| {
            chars[a.min(chars.len())..b.min(chars.len())]
                .iter()
                .collect::<String>()
                .replace('\n', " ")
        };
        let t0 = std::time::Instant::now();
        let d = Document::new(text);
        let mut people = lede::people::find(&d);
        let stage = lede::quotes::find(&d, &people);
        lede::quotes::add_mentions(&mut people, stage.mentions);
        let quotes = stage.quotes;
        elapsed += t0.elapsed();
        words += text.split_whitespace().count();
        let pred: Vec<Pred> = quotes
            .iter()
            .map(|q| {
                (
                    (cp[q.span.start], cp[q.span.end]),
                    q.speaker_span.map(|s| (cp[s.start], cp[s.end])),
                    q.speaker.map(|p| people[p].name.clone()),
                    q.direct,
                )
            })
            .collect();
        let ov = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let gold: Vec<&Value> = doc["quotes"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let gspan = |g: &Value| -> Option<(usize, usize)> {
            Some((
                g["quote"][0].as_u64()? as usize,
                g["quote"][1].as_u64()? as usize,
            ))
        };
        for p in pred.iter().filter(|p| p.3) {
            n_pred_direct += 1;
            if gold.iter().any(|g| gspan(g).is_some_and(|s| ov(s, p.0))) {
                n_pred_direct_hit += 1;
            }
        }
        for g in &gold {
            let Some(k) = kinds
                .iter()
                .position(|k| g["quote_marks"].as_str() == Some(k))
            else {
                continue;
            };
            let Some(gs) = gspan(g) else { continue };
            total[k] += 1;
            let gsp = g["speaker_span"]
                .as_array()
                .and_then(|a| Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize)));
            let gname = g["speaker"].as_str().unwrap_or("").to_lowercase();
            let matches: Vec<_> = pred.iter().filter(|p| ov(p.0, gs)).collect();
            if matches.is_empty() {
                if verbose {
                    println!(
                        "{id}\t{}\tMISSQ\t{}\t| {}",
                        kinds[k],
                        sl(gs.0, gs.1.min(gs.0 + 80)),
                        gname
                    );
                }
                continue;
            }
            found[k] += 1;
            let ok = matches.iter().any(|p| {
                p.1.is_some_and(|s| gsp.is_some_and(|g| ov(s, g)))
                    || p.2.as_ref().is_some_and(|name| {
                        let nl = name.to_lowercase();
                        !gname.is_empty()
                            && (gname.contains(&nl)
                                || nl
                                    .split_whitespace()
                                    .last()
                                    .is_some_and(|l| gname.split_whitespace().any(|w| w == l)))
                    })
            });
            if ok {
                right[k] += 1;
            } else if verbose {
                let p = matches[0];
                let pt = p.1.map(|s| sl(s.0, s.1)).unwrap_or_default();
                println!(
                    "{id}\t{}\tWRONGSPK\t[{}] {} [{}]\t| gold {} | pred {:?}/{:?}",
                    kinds[k],
                    sl(gs.0.saturating_sub(100), gs.0),
                    sl(gs.0, gs.1.min(gs.0 + 80)),
                    sl(gs.1, gs.1 + 60),
                    gname,
                    pt,
                    p.2
                );
            }
        }
    }
    for k in 0..3 {
        println!(
            "{:8} gold {:4}  recall {:.3}  speaker acc {:.3} (of found {:.3})",
            kinds[k],
            total[k],
            found[k] as f64 / total[k].max(1) as f64,
            right[k] as f64 / total[k].max(1) as f64,
            right[k] as f64 / found[k].max(1) as f64
        );
    }
    println!(
        "text+people+quotes: {:.3} ms per 1,000 words ({words} words)",
        elapsed.as_secs_f64() * 1000.0 / (words.max(1) as f64 / 1000.0)
    );
    println!(
        "direct quotes predicted {n_pred_direct}, overlapping any gold attribution {:.3}",
        n_pred_direct_hit as f64 / n_pred_direct.max(1) as f64
    );
}

fn show(text: &str) {
    let d = Document::new(text);
    let mut people = lede::people::find(&d);
    let stage = lede::quotes::find(&d, &people);
    lede::quotes::add_mentions(&mut people, stage.mentions);
    let quotes = stage.quotes;
    for p in &people {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.text.as_str()).collect();
        let ments: Vec<String> = p
            .mentions
            .iter()
            .map(|m| format!("{}:{:?}", d.slice(m.span), m.kind))
            .collect();
        println!(
            "PERSON {} {:?} roles={:?} mentions={:?}",
            p.name, p.honorifics, roles, ments
        );
    }
    for q in &quotes {
        let s = d.slice(q.span);
        let s: String = s.chars().take(70).collect();
        println!(
            "QUOTE direct={} speaker={:?} text={:?} cue={:?} | {}",
            q.direct,
            q.speaker.map(|p| people[p].name.clone()),
            q.speaker_text,
            q.cue_span.map(|c| d.slice(c)),
            s
        );
    }
}

/// Times each stage on the PolNeAR dev texts (`--profile`).
fn profile() {
    let data =
        std::fs::read_to_string("../../shared/eval/quotes/polnear_dev.jsonl").unwrap_or_default();
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|d| d["text"].as_str().map(str::to_string))
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let per_k = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / (words as f64 / 1000.0);
    let (mut td, mut tp, mut tq) = (
        std::time::Duration::ZERO,
        std::time::Duration::ZERO,
        std::time::Duration::ZERO,
    );
    for _ in 0..5 {
        for t in &texts {
            let t0 = std::time::Instant::now();
            let d = Document::new(t);
            let t1 = std::time::Instant::now();
            let people = lede::people::find(&d);
            let t2 = std::time::Instant::now();
            let _ = lede::quotes::find(&d, &people);
            let t3 = std::time::Instant::now();
            td += t1 - t0;
            tp += t2 - t1;
            tq += t3 - t2;
        }
    }
    println!(
        "ms per 1,000 words: document {:.3} people {:.3} quotes {:.3}",
        per_k(td) / 5.0,
        per_k(tp) / 5.0,
        per_k(tq) / 5.0
    );
    // Linearity: all texts as one document should cost about the same per word.
    let big = texts.join("\n\n");
    let t0 = std::time::Instant::now();
    let d = Document::new(&big);
    let people = lede::people::find(&d);
    let _ = lede::quotes::find(&d, &people);
    println!(
        "one {words}-word document: {:.3} ms per 1,000 words",
        per_k(t0.elapsed())
    );
}
