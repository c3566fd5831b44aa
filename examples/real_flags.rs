//! Runs the checks over the real news texts in ../shared/eval/news/*.jsonl and prints every
//! flag with its evidence, for reading and judging false flags by hand.
//!
//! `cargo run --release --example real_flags [DIR]` (DIR defaults to ../shared/eval/news, or
//! /work/shared/eval/news). PolNeAR records carry `date` (used as the publication date);
//! BBC records have none. Prints per-file counts: articles, flags, flags per article.

use serde_json::Value;
use std::io::BufRead;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        let rel = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/eval/news");
        if std::path::Path::new(rel).exists() {
            rel.to_string()
        } else {
            "/work/shared/eval/news".to_string()
        }
    });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {dir} not found");
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for path in files {
        let Ok(f) = std::fs::File::open(&path) else {
            continue;
        };
        let (mut docs, mut flags) = (0usize, 0usize);
        let mut by_kind: std::collections::BTreeMap<String, usize> = Default::default();
        for line in std::io::BufReader::new(f).lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            let Some(text) = v["text"].as_str() else {
                continue;
            };
            let opts = v["date"]
                .as_str()
                .and_then(|d| lede::Options::with_published(d, "eval").ok())
                .unwrap_or_default();
            let Ok(a) = lede::analyze(text, &opts) else {
                continue;
            };
            docs += 1;
            for fl in &a.flags {
                flags += 1;
                *by_kind.entry(fl.kind.clone()).or_default() += 1;
                println!(
                    "== {} [{}] {:.2} {}",
                    v["id"].as_str().unwrap_or("?"),
                    fl.kind,
                    fl.confidence,
                    fl.message
                );
                for e in &fl.evidence {
                    let s = e.text(text);
                    println!("   > {}", s.chars().take(200).collect::<String>());
                }
            }
        }
        println!(
            "## {}: {docs} articles, {flags} flags ({:.3} per article) {by_kind:?}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            flags as f64 / docs.max(1) as f64
        );
    }
}
