//! Planted-conflict evaluation of the inconsistency checks.
//!
//! `cargo run --release --example plant_eval [DIR]` takes the real articles in
//! ../shared/eval/news/*.jsonl, plants ONE conflict of one kind into a copy of an article
//! by editing its text, records where, runs `lede::analyze` (with the article's date when
//! it has one) and reports, per kind: how many plants, recall (a flag of that kind whose
//! evidence touches the planted passage), and precision on the planted set (new flags, not
//! present on the original text, that touch the plant / all new flags).
//!
//! Plants (the planter's own patterns, not the checks' code):
//! - duration-conflict: an "N-unit war/sentence/…" phrase; a later sentence restates the
//!   thing's length with an incompatible value;
//! - age-conflict: "Name, 45," / "45-year-old Name"; a later sentence restates the age + 3;
//! - number-conflict: a death toll or a deal's value; the next sentence restates it differently;
//! - weekday-date: a dated weekday ("Tuesday, March 1, 2016") gets another weekday;
//! - role-conflict: "President/Prime Minister Name"; a later sentence gives the other office;
//! - office-holder: "President Name" for the holder on the article's date becomes "former …";
//! - timeframe: a future-tense clause about a year two years before the publication date;
//! - quote-speaker-conflict: a quote of 6+ words; a later sentence gives it to another speaker.
//!
//! The restating sentences are templates in our own words; recall therefore measures how
//! the checks handle real surrounding text, not how they read every phrasing.

use lede::checks::holders;
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::BufRead;

const PER_KIND: usize = 150;

struct Doc {
    text: String,
    date: Option<String>,
}

struct Plant {
    text: String,
    /// Byte span of the edited or inserted passage in `text`.
    at: (usize, usize),
}

fn num(s: &str) -> Option<u32> {
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    s.parse().ok().or_else(|| {
        words
            .iter()
            .position(|w| w.eq_ignore_ascii_case(s))
            .map(|i| i as u32)
    })
}

/// End of the sentence containing byte `at` (after its full stop), or of the paragraph.
fn sentence_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let para = rest.find('\n').unwrap_or(rest.len());
    at + rest[..para].find(". ").map(|i| i + 1).unwrap_or(para)
}

/// End of the paragraph after the one containing `at` (or of the text).
fn later_paragraph_end(text: &str, at: usize) -> usize {
    let trimmed = text.trim_end().len();
    let Some(nl) = text[at..].find('\n').map(|i| at + i) else {
        return trimmed;
    };
    let mut p = nl;
    while p < trimmed && text[p..].starts_with('\n') {
        p += 1;
    }
    text[p..trimmed]
        .find('\n')
        .map(|i| p + i)
        .unwrap_or(trimmed)
}

fn insert(text: &str, at: usize, sentence: &str) -> Plant {
    let mut t = String::with_capacity(text.len() + sentence.len() + 1);
    t.push_str(&text[..at]);
    t.push(' ');
    let start = t.len();
    t.push_str(sentence);
    let end = t.len();
    t.push_str(&text[at..]);
    Plant {
        text: t,
        at: (start, end),
    }
}

fn replace(text: &str, span: (usize, usize), with: &str) -> Plant {
    let t = format!("{}{}{}", &text[..span.0], with, &text[span.1..]);
    Plant {
        text: t,
        at: (span.0, span.0 + with.len()),
    }
}

fn plant_duration(d: &Doc, _k: usize) -> Option<Plant> {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)[- ](year|month|week|day)(?:-long)? (?:[a-z]+ )?(war|conflict|siege|ceasefire|truce|sentence|contract|deal|ban|suspension|marriage|career|strike|term|investigation|lease|loan|moratorium|freeze|hiatus|tenure|reign|occupation|drought|recession|crisis|dispute)\b").unwrap()
    });
    let c = RE.captures(&d.text)?;
    let n = num(c.get(1)?.as_str())?;
    let (unit, head) = (c.get(2)?.as_str(), c.get(3)?.as_str());
    let m = n * 2 + 2;
    if matches!(
        head,
        "war"
            | "conflict"
            | "siege"
            | "occupation"
            | "drought"
            | "recession"
            | "crisis"
            | "dispute"
    ) {
        let at = later_paragraph_end(&d.text, c.get(0)?.end());
        Some(insert(
            &d.text,
            at,
            &format!("By then the {head} had lasted more than {m} {unit}s."),
        ))
    } else {
        let at = sentence_end(&d.text, c.get(0)?.end());
        Some(insert(
            &d.text,
            at,
            &format!("The {m}-{unit} {head} was questioned by critics."),
        ))
    }
}

fn plant_age(d: &Doc, k: usize) -> Option<Plant> {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"(?:^|[a-z,;] )(?:([A-Z][a-z]+ [A-Z][a-z]+), (\d{2}),|(\d{2})-year-old ([A-Z][a-z]+ [A-Z][a-z]+)\b[^A-Z])").unwrap()
    });
    // A name the text uses for a person (also alone as a surname), not "White House".
    let c = RE.captures_iter(&d.text).find(|c| {
        c.get(1).or(c.get(4)).is_some_and(|n| {
            let surname = n.as_str().rsplit(' ').next().unwrap_or("");
            d.text.matches(surname).count() >= 2 && !d.text.contains(&format!("the {}", n.as_str()))
        })
    })?;
    let name = c.get(1).or(c.get(4))?.as_str();
    let age: u32 = c.get(2).or(c.get(3))?.as_str().parse().ok()?;
    let at = later_paragraph_end(&d.text, c.get(0)?.end());
    let s = if k.is_multiple_of(2) {
        format!(
            "{name}, {}, did not respond to a request for comment.",
            age + 3
        )
    } else {
        format!(
            "The {}-year-old {name} did not respond to a request for comment.",
            age + 3
        )
    };
    Some(insert(&d.text, at, &s))
}

fn plant_number(d: &Doc, _k: usize) -> Option<Plant> {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"\b(?:killed (?:at least )?(\d+) people|(\d+) people (?:were|have been) killed|\$(\d+(?:\.\d+)?)(bn|m| billion| million) (deal|bid|takeover|fine|settlement|package|loan|budget|contract|investment|acquisition|bailout|merger|salary|fee|payout)|(\d+(?:\.\d+)?)% (stake))\b").unwrap()
    });
    let c = RE.captures(&d.text)?;
    let at = sentence_end(&d.text, c.get(0)?.end());
    let s = if let Some(n) = c.get(1).or(c.get(2)) {
        let n: u32 = n.as_str().parse().ok()?;
        format!("Officials said {} people were killed.", n * 2 + 7)
    } else if let Some(p) = c.get(6) {
        let v: f64 = p.as_str().parse().ok()?;
        format!(
            "The {}% {} was criticised by analysts.",
            v * 2.0 + 1.0,
            c.get(7)?.as_str()
        )
    } else {
        let v: f64 = c.get(3)?.as_str().parse().ok()?;
        format!(
            "The ${}{} {} was criticised by analysts.",
            v * 2.0 + 1.0,
            c.get(4)?.as_str(),
            c.get(5)?.as_str()
        )
    };
    Some(insert(&d.text, at, &s))
}

fn plant_weekday(d: &Doc, _k: usize) -> Option<Plant> {
    use chrono::{Datelike, NaiveDate};
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \(?(?:(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})|(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December))(?:,? (\d{4}))?\b").unwrap()
    });
    const DAYS: [&str; 7] = lede::time::calendar::WEEKDAYS;
    for c in RE.captures_iter(&d.text) {
        let month = lede::time::calendar::MONTHS
            .iter()
            .position(|m| Some(*m) == c.get(2).map(|x| x.as_str()))? as u32
            + 1;
        let day: u32 = c.get(3).or(c.get(4))?.as_str().parse().ok()?;
        let year: i32 = match c.get(6) {
            Some(y) => y.as_str().parse().ok()?,
            None => d.date.as_deref()?.get(..4)?.parse().ok()?,
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        let wrong = DAYS[(date.weekday().num_days_from_monday() as usize + 3) % 7];
        let w = c.get(1)?;
        return Some(replace(&d.text, (w.start(), w.end()), wrong));
    }
    None
}

/// Office + two-word name, not part of a longer title ("Deputy Prime Minister", "Party President").
fn office_mentions(text: &str) -> Vec<(usize, usize, String, String)> {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"\b(President|Prime Minister|Chancellor) ([A-Z][a-z]+ [A-Z][a-z]+)\b").unwrap()
    });
    RE.captures_iter(text)
        .filter(|c| {
            let after = &text[c.get(0).map_or(0, |m| m.end())..];
            // A longer name ("Recep Tayyip Erdogan") or a past role ("former President") is not planted on.
            !after.starts_with(' ') || !after[1..].starts_with(|ch: char| ch.is_uppercase())
        })
        .filter(|c| {
            let before = text[..c.get(0).map_or(0, |m| m.start())].trim_end();
            let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
            !matches!(
                last.to_lowercase().as_str(),
                "former" | "ex-" | "then" | "late" | "then-"
            ) && (before.is_empty()
                || before.ends_with(['.', ',', '\n'])
                || !last.starts_with(|ch: char| ch.is_uppercase()))
        })
        .filter_map(|c| {
            Some((
                c.get(0)?.start(),
                c.get(0)?.end(),
                c[1].to_string(),
                c[2].to_string(),
            ))
        })
        .collect()
}

fn plant_role(d: &Doc, _k: usize) -> Option<Plant> {
    let (_, end, office, name) = office_mentions(&d.text)
        .into_iter()
        .find(|m| m.2 != "Chancellor")?;
    let other = if office == "President" {
        "Prime Minister"
    } else {
        "President"
    };
    let at = later_paragraph_end(&d.text, end);
    Some(insert(
        &d.text,
        at,
        &format!("{other} {name} did not comment."),
    ))
}

fn plant_office(d: &Doc, _k: usize) -> Option<Plant> {
    let date = chrono::NaiveDate::parse_from_str(d.date.as_deref()?.get(..10)?, "%Y-%m-%d").ok()?;
    let (start, end, _, _) = office_mentions(&d.text)
        .into_iter()
        .find(|(_, _, _, name)| {
            holders()
                .iter()
                .any(|t| t.person == *name && t.holds_on(date))
        })?;
    Some(replace(
        &d.text,
        (start, end),
        &format!("former {}", &d.text[start..end]),
    ))
}

fn plant_timeframe(d: &Doc, k: usize) -> Option<Plant> {
    let y: i32 = d.date.as_deref()?.get(..4)?.parse().ok()?;
    let y = y - 2;
    let s = match k % 3 {
        0 => format!("The group will meet again in {y}."),
        1 => format!("Its leader is expected to contest the {y} election."),
        _ => format!("The company is set to open a new plant in {y}."),
    };
    let at = later_paragraph_end(&d.text, 0);
    Some(insert(&d.text, at, &s))
}

fn plant_quote(d: &Doc, k: usize) -> Option<Plant> {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r#"(“([^“”]{30,300}?),?”|"([^"]{30,300}?),?"),? ([A-Z][a-z]+ [A-Z][a-z]+) said"#)
            .unwrap()
    });
    let c = RE.captures(&d.text)?;
    let (open, close, q) = match (c.get(2), c.get(3)) {
        (Some(q), _) => ("“", "”", q.as_str()),
        (_, Some(q)) => ("\"", "\"", q.as_str()),
        _ => return None,
    };
    let q = q.trim_end_matches([',', '.']);
    let names = ["Marta Kowalczyk", "Tobias Ferreira", "Ines Vandermeer"];
    let at = later_paragraph_end(&d.text, c.get(0)?.end());
    Some(insert(
        &d.text,
        at,
        &format!("{open}{q},{close} {} said.", names[k % 3]),
    ))
}

type Planter = fn(&Doc, usize) -> Option<Plant>;

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
    let mut docs = Vec::new();
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for p in files {
        let Ok(f) = std::fs::File::open(&p) else {
            continue;
        };
        for line in std::io::BufReader::new(f).lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            if let Some(t) = v["text"].as_str() {
                docs.push(Doc {
                    text: t.to_string(),
                    date: v["date"].as_str().map(String::from),
                });
            }
        }
    }
    let kinds: [(&str, Planter); 8] = [
        ("age-conflict", plant_age),
        ("duration-conflict", plant_duration),
        ("number-conflict", plant_number),
        ("office-holder", plant_office),
        ("quote-speaker-conflict", plant_quote),
        ("role-conflict", plant_role),
        ("timeframe", plant_timeframe),
        ("weekday-date", plant_weekday),
    ];
    let verbose = std::env::var("PLANT_VERBOSE").is_ok();
    let mut original_flags: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
    println!("kind\tplanted\trecall\tprecision");
    for (kind, planter) in kinds {
        let (mut n, mut hit, mut tp, mut fp) = (0usize, 0usize, 0usize, 0usize);
        // Spread the plants over the corpus: every article is a candidate, in a fixed order.
        for (i, d) in docs.iter().enumerate() {
            if n >= PER_KIND {
                break;
            }
            let Some(p) = planter(d, n) else { continue };
            let opts = d
                .date
                .as_deref()
                .and_then(|x| lede::Options::with_published(x, "eval").ok())
                .unwrap_or_default();
            let before = original_flags.entry(i).or_insert_with(|| {
                lede::analyze(&d.text, &opts)
                    .map(|a| {
                        a.flags
                            .iter()
                            .map(|f| {
                                (
                                    f.kind.clone(),
                                    f.evidence
                                        .iter()
                                        .map(|e| e.text(&d.text))
                                        .collect::<Vec<_>>()
                                        .join("|"),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            });
            let Ok(a) = lede::analyze(&p.text, &opts) else {
                continue;
            };
            n += 1;
            let touches = |f: &lede::Flag| {
                f.evidence
                    .iter()
                    .any(|e| e.start < p.at.1 && p.at.0 < e.end)
            };
            let mut found = false;
            for f in &a.flags {
                let key = (
                    f.kind.clone(),
                    f.evidence
                        .iter()
                        .map(|e| e.text(&p.text))
                        .collect::<Vec<_>>()
                        .join("|"),
                );
                if before.contains(&key) {
                    continue;
                }
                if touches(f) {
                    tp += 1;
                    if f.kind == kind {
                        found = true;
                    }
                } else {
                    fp += 1;
                    if verbose {
                        println!("  FP [{}] {}", f.kind, f.message);
                    }
                }
            }
            if found {
                hit += 1;
            } else if verbose {
                println!("  MISS {kind}: {}", &p.text[p.at.0..p.at.1]);
                let lo = p.text.floor_char_boundary(p.at.0.saturating_sub(150));
                let hi = p.text.ceil_char_boundary((p.at.1 + 100).min(p.text.len()));
                println!("     context: {}", p.text[lo..hi].replace('\n', " / "));
            }
        }
        println!(
            "{kind}\t{n}\t{:.3}\t{:.3}",
            hit as f64 / n.max(1) as f64,
            tp as f64 / (tp + fp).max(1) as f64
        );
    }
}
