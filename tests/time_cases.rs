//! Table-driven checks of the time module: `tests/data/time_cases.tsv` lists
//! sentences (our own), a publication date, an expression and its TIMEX3 type/value.

use lede::{analyze, Options};

const CASES: &str = include_str!("data/time_cases.tsv");

#[test]
fn time_cases() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (line_no, line) in CASES.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [text, published, expr, kind, value] = cols[..] else {
            failures.push(format!("line {}: expected 5 columns", line_no + 1));
            continue;
        };
        n += 1;
        let opts = if published == "-" {
            Options::default()
        } else {
            Options::with_published(published, "test").expect("valid date in the table")
        };
        let a = analyze(text, &opts).expect("analysis succeeds");
        let found: Vec<(&str, &str, &str)> = a
            .times
            .iter()
            .map(|t| {
                (
                    &text[t.span.start..t.span.end],
                    t.kind.as_str(),
                    t.value.as_deref().unwrap_or(""),
                )
            })
            .collect();
        if kind == "NONE" {
            let at = text.find(expr).unwrap_or(0);
            let covered = a
                .times
                .iter()
                .any(|t| t.span.start <= at && at < t.span.end);
            if covered {
                failures.push(format!(
                    "line {}: {expr:?} must not be a time expression; got {found:?}",
                    line_no + 1
                ));
            }
            continue;
        }
        match found.iter().find(|(s, _, _)| *s == expr) {
            Some((_, k, v)) if *k == kind && *v == value => {}
            _ => failures.push(format!(
                "line {}: {text:?} ({published}): expected {expr:?} {kind} {value}; got {found:?}",
                line_no + 1
            )),
        }
    }
    assert!(n > 40, "the table should hold the cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
