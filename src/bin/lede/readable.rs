//! The readable report `lede analyze` prints by default.

use lede::{Analysis, Span};
use std::fmt::Write;

/// Shortens a passage for one line of the report.
fn clip(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

pub fn render(a: &Analysis, text: &str) -> String {
    let t = |s: &Span| s.text(text);
    let mut o = String::new();
    match &a.published {
        Some(p) => {
            let _ = writeln!(
                o,
                "Published: {} (from {}; {}, confidence {:.2})",
                p.date,
                p.source_label(),
                p.source,
                p.confidence
            );
        }
        None => {
            let _ = writeln!(o, "Published: unknown (relative dates stay unresolved)");
        }
    }
    if let Some(cut) = a.truncated_at {
        let _ = writeln!(o, "Note: only the first {cut} bytes were analysed.");
    }
    let _ = writeln!(o, "\nPEOPLE ({})", a.people.len());
    for (i, p) in a.people.iter().enumerate() {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.text.as_str()).collect();
        let _ = writeln!(
            o,
            "  {}{}: {} mention(s){}",
            if p.honorifics.is_empty() {
                String::new()
            } else {
                format!("{} ", p.honorifics.join(" "))
            },
            p.name,
            p.mentions.len(),
            if roles.is_empty() {
                String::new()
            } else {
                format!("; roles: {}", roles.join("; "))
            }
        );
        for q in a.quotes.iter().filter(|q| q.speaker == Some(i)) {
            let _ = writeln!(o, "      says: {}", clip(t(&q.span), 90));
        }
    }
    let _ = writeln!(o, "\nQUOTES ({})", a.quotes.len());
    for q in &a.quotes {
        let who = match (q.speaker, &q.speaker_text) {
            (Some(i), _) => a.people.get(i).map(|p| p.name.clone()).unwrap_or_default(),
            (None, Some(s)) => format!("{s} (not a person)"),
            (None, None) => "unattributed".to_string(),
        };
        let _ = writeln!(
            o,
            "  [{}] {} — {}",
            if q.direct { "direct" } else { "indirect" },
            clip(t(&q.span), 90),
            who
        );
    }
    let _ = writeln!(o, "\nTIMES ({})", a.times.len());
    for x in &a.times {
        let _ = writeln!(
            o,
            "  {:<28} {:<9} {:<14} {}",
            clip(t(&x.span), 28),
            x.kind.as_str(),
            x.value.as_deref().unwrap_or("?"),
            x.label.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(o, "\nFLAGS ({})", a.flags.len());
    for f in &a.flags {
        let _ = writeln!(o, "  [{} {:.2}] {}", f.kind, f.confidence, f.message);
        if !f.reason.is_empty() {
            let _ = writeln!(o, "      why: {}", f.reason);
        }
        for e in &f.evidence {
            let _ = writeln!(o, "      > {}", clip(t(e), 100));
        }
        if let Some(fact) = &f.fact {
            let _ = writeln!(o, "      fact: {fact}");
        }
    }
    o
}
