//! Measures article finding on Mozilla Readability's test pages
//! (`../shared/eval/pages`, read at run time, never copied):
//! publication date against `expected-metadata.json` (`publishedTime`, date part) for
//! the pages listed in `news_index.json`, and body overlap (bag-of-words precision,
//! recall, F1) of our text against `expected.html` for every page.
//!
//! `cargo run --release --example pages_eval [-- --verbose] [-- PAGE]`

use lede::article::{extract, html::page_from_html};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn pages_dir() -> Option<PathBuf> {
    [
        "../shared/eval/pages",
        "../../shared/eval/pages",
        "/work/shared/eval/pages",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.join("news_index.json").exists())
}

/// Lower-cased alphanumeric words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Multiset overlap: (common, ours, expected).
fn overlap(ours: &[String], expected: &[String]) -> (usize, usize, usize) {
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for w in expected {
        *bag.entry(w.as_str()).or_default() += 1;
    }
    let mut common = 0;
    for w in ours {
        if let Some(n) = bag.get_mut(w.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    (common, ours.len(), expected.len())
}

fn prf(c: usize, o: usize, e: usize) -> (f64, f64, f64) {
    let p = if o == 0 { 0.0 } else { c as f64 / o as f64 };
    let r = if e == 0 { 0.0 } else { c as f64 / e as f64 };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

struct Body {
    common: usize,
    ours: usize,
    expected: usize,
}

fn body_overlap(dir: &Path, verbose: bool) -> Option<(Body, lede::article::Extracted)> {
    let src = std::fs::read_to_string(dir.join("source.html")).ok()?;
    let exp = std::fs::read_to_string(dir.join("expected.html")).ok()?;
    let page = page_from_html(&src, None);
    let ex = extract(&page);
    let exp_page = page_from_html(&exp, None);
    let exp_text: Vec<&str> = exp_page.blocks.iter().map(|b| b.text.as_str()).collect();
    let (c, o, e) = overlap(&words(&ex.text), &words(&exp_text.join("\n")));
    if verbose {
        for &(i, _) in &ex.blocks {
            let b = &page.blocks[i];
            let t: String = b.text.chars().take(90).collect();
            println!(
                "   [{i}] <{}> {t}   ({})",
                b.tag,
                b.path
                    .split(' ')
                    .rev()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" < ")
            );
        }
    }
    Some((
        Body {
            common: c,
            ours: o,
            expected: e,
        },
        ex,
    ))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let only: Option<&String> = args.iter().find(|a| !a.starts_with("--"));
    let Some(root) = pages_dir() else {
        println!("pages_eval: ../shared/eval/pages not found; nothing to measure");
        return;
    };
    let index: serde_json::Value = match std::fs::read_to_string(root.join("news_index.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
    {
        Some(v) => v,
        None => {
            println!("pages_eval: cannot read news_index.json");
            return;
        }
    };
    let news = index.as_array().cloned().unwrap_or_default();

    println!("== publication date and body on the news pages ==");
    println!(
        "{:<18} {:>4} {:<11} {:<11} {:<28} {:>5} {:>5} {:>5}",
        "page", "tier", "expected", "found", "source", "P", "R", "F1"
    );
    let (mut d_exp, mut d_ok, mut d_wrong, mut d_missed, mut d_extra) = (0, 0, 0, 0, 0);
    let mut extra_list = Vec::new();
    let (mut nc, mut no, mut ne) = (0, 0, 0);
    let mut news_f1 = Vec::new();
    // Tiers 1-2 are the English news reports; tier 3 is other languages.
    let (mut ec, mut eo, mut ee, mut en) = (0, 0, 0, 0);
    for entry in &news {
        let id = entry["id"].as_str().unwrap_or("");
        if only.is_some_and(|o| o != id) {
            continue;
        }
        let tier = entry["tier"].as_u64().unwrap_or(0);
        let dir = root.join(id);
        let meta: serde_json::Value = std::fs::read_to_string(dir.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let expected = meta["publishedTime"]
            .as_str()
            .map(|s| s.chars().take(10).collect::<String>());
        // The index's own reading of the source HTML, for pages whose expected
        // metadata has no date (a second opinion, not ground truth).
        let in_source = entry["date_from_source_html"]
            .as_str()
            .and_then(lede::article::dates::parse_machine)
            .map(|d| d.to_string());
        let Some((body, ex)) = body_overlap(&dir, verbose) else {
            continue;
        };
        let found = ex.published.as_ref().map(|p| p.date.to_string());
        let source = ex
            .published
            .as_ref()
            .map(|p| p.source.clone())
            .unwrap_or_default();
        let verdict = match (&expected, &found) {
            (Some(e), Some(f)) if e == f => {
                d_exp += 1;
                d_ok += 1;
                "ok"
            }
            (Some(_), Some(_)) => {
                d_exp += 1;
                d_wrong += 1;
                "WRONG"
            }
            (Some(_), None) => {
                d_exp += 1;
                d_missed += 1;
                "MISSED"
            }
            (None, Some(f)) => {
                d_extra += 1;
                let agree = match &in_source {
                    Some(s) if s == f => "agrees with the index's source-html date",
                    Some(_) => "DIFFERS from the index's source-html date",
                    None => "no date in the index",
                };
                extra_list.push(format!("{id} {f} ({source}): {agree}"));
                "(no expected date)"
            }
            (None, None) => "",
        };
        let (p, r, f) = prf(body.common, body.ours, body.expected);
        if tier <= 2 {
            ec += body.common;
            eo += body.ours;
            ee += body.expected;
            en += 1;
        }
        nc += body.common;
        no += body.ours;
        ne += body.expected;
        news_f1.push(f);
        println!(
            "{:<18} {:>4} {:<11} {:<11} {:<28} {:>5.3} {:>5.3} {:>5.3} {}",
            id,
            tier,
            expected.as_deref().unwrap_or("-"),
            found.as_deref().unwrap_or("-"),
            source,
            p,
            r,
            f,
            verdict
        );
    }
    println!(
        "dates: {d_ok}/{d_exp} correct where expected ({d_wrong} wrong, {d_missed} missed); {d_extra} found where none expected:"
    );
    for e in &extra_list {
        println!("   {e}");
    }
    let (p, r, f) = prf(nc, no, ne);
    let macro_f1 = news_f1.iter().sum::<f64>() / news_f1.len().max(1) as f64;
    println!(
        "news body (micro): P {p:.3} R {r:.3} F1 {f:.3}; macro F1 {macro_f1:.3} over {} pages",
        news_f1.len()
    );

    let (p, r, f) = prf(ec, eo, ee);
    println!("tiers 1-2 body (micro): P {p:.3} R {r:.3} F1 {f:.3} over {en} pages");

    if only.is_some() {
        return;
    }
    println!("\n== body overlap on all pages ==");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let (mut c, mut o, mut e) = (0, 0, 0);
    let mut f1s = Vec::new();
    let mut worst = Vec::new();
    for d in &dirs {
        let Some((body, _)) = body_overlap(d, false) else {
            continue;
        };
        c += body.common;
        o += body.ours;
        e += body.expected;
        let (bp, br, bf) = prf(body.common, body.ours, body.expected);
        f1s.push(bf);
        worst.push((
            bf,
            bp,
            br,
            d.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
        ));
    }
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("worst pages:");
    for (f, p, r, n) in worst.iter().take(15) {
        println!("   {n:<40} P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let (p, r, f) = prf(c, o, e);
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    let good = f1s.iter().filter(|&&x| x >= 0.9).count();
    println!(
        "all pages body (micro): P {p:.3} R {r:.3} F1 {f:.3}; macro F1 {macro_f1:.3}; F1>=0.9 on {good}/{} pages",
        f1s.len()
    );
}
