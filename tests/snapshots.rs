//! Snapshots of whole analyses of our own fixture articles (`tests/data/articles/`, written
//! for the project with invented people and places), so any behaviour change shows up as a
//! readable diff in review: every person with roles and mention texts, every quote with its
//! speaker, every time with its value and label, every flag with its evidence texts.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test snapshots`, then read
//! the diff of `tests/snapshots/*.snap` before committing it.

use lede::{analyze, Analysis, Options};
use std::fmt::Write;

/// The analysis as plain lines, each span shown by its text.
fn render(text: &str, a: &Analysis) -> String {
    let mut out = String::new();
    let t = |s: &lede::Span| s.text(text).replace('\n', " ");
    let _ = writeln!(
        out,
        "published: {}",
        a.published
            .as_ref()
            .map(|p| format!("{} ({})", p.date, p.source))
            .unwrap_or_else(|| "none".into())
    );
    let _ = writeln!(out, "people:");
    for p in &a.people {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.text.as_str()).collect();
        let mentions: Vec<String> = p
            .mentions
            .iter()
            .map(|m| format!("{}:{:?}", t(&m.span), m.kind))
            .collect();
        let _ = writeln!(
            out,
            "  {} | roles [{}] | {}",
            p.name,
            roles.join("; "),
            mentions.join(", ")
        );
    }
    let _ = writeln!(out, "entities:");
    for e in &a.entities {
        let _ = writeln!(
            out,
            "  {} ({}) x{}",
            e.name,
            e.kind.as_str(),
            e.mentions.len()
        );
    }
    let _ = writeln!(out, "quotes:");
    for q in &a.quotes {
        let speaker = q
            .speaker
            .and_then(|i| a.people.get(i))
            .map(|p| p.name.clone())
            .or_else(|| q.speaker_text.clone())
            .unwrap_or_else(|| "-".into());
        let _ = writeln!(
            out,
            "  [{}] {} <- {}",
            if q.direct { "direct" } else { "indirect" },
            t(&q.span),
            speaker
        );
    }
    let _ = writeln!(out, "times:");
    for x in &a.times {
        let _ = writeln!(
            out,
            "  {} | {} {} | {}",
            t(&x.span),
            x.kind.as_str(),
            x.value.as_deref().unwrap_or("-"),
            x.label.as_deref().unwrap_or("-")
        );
    }
    let _ = writeln!(out, "flags:");
    for f in &a.flags {
        let ev: Vec<String> = f.evidence.iter().map(|e| format!("“{}”", t(e))).collect();
        let _ = writeln!(out, "  {} ({:.2}) {}", f.kind, f.confidence, ev.join(" / "));
    }
    out
}

fn snapshot(name: &str, published: &str) -> String {
    let path = format!(
        "{}/tests/data/articles/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let a = analyze(&text, &Options::with_published(published, "test").unwrap()).unwrap();
    render(&text, &a)
}

#[test]
fn ferry_strike() {
    insta::assert_snapshot!(snapshot("ferry-strike", "2025-03-05"));
}

#[test]
fn court_ruling() {
    insta::assert_snapshot!(snapshot("court-ruling", "2025-03-07"));
}

#[test]
fn science_probe() {
    insta::assert_snapshot!(snapshot("science-probe", "2025-04-14"));
}
