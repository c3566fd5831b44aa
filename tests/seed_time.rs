//! Seed acceptance for the time module: reads the shared seed article at run time
//! (never copied into the project) and checks the values `expected.md` lists.
//! Skips with a message when the shared directory is absent.

use lede::{analyze, Options, TimeType};

mod common;

fn seed() -> Option<String> {
    common::shared_text("seed/article.txt")
}

/// The expression that covers the first occurrence of `needle` after `after`.
fn expr_at<'a>(
    text: &str,
    a: &'a lede::Analysis,
    after: &str,
    needle: &str,
) -> Option<&'a lede::TimeExpr> {
    let base = text.find(after)?;
    let at = base + text[base..].find(needle)?;
    a.times
        .iter()
        .find(|t| t.span.start <= at && at < t.span.end)
}

#[test]
fn seed_time_expressions() {
    let Some(text) = seed() else {
        return;
    };
    let opts = Options::with_published("2025-05-12", "test").unwrap();
    let a = analyze(&text, &opts).unwrap();
    // (context to start searching from, the expression's key word, type, value)
    let checks: &[(&str, &str, TimeType, &str)] = &[
        ("", "this Thursday", TimeType::Date, "2025-05-15"),
        ("", "late Sunday", TimeType::Date, "2025-05-11"),
        ("", "Monday", TimeType::Date, "2025-05-12"),
        ("waiting", "Thursday", TimeType::Date, "2025-05-15"),
        ("", "Saturday", TimeType::Date, "2025-05-10"),
        ("Kyiv on", "Saturday", TimeType::Date, "2025-05-10"),
        ("", "tomorrow", TimeType::Date, "2025-05-12"),
        ("", "2024", TimeType::Date, "2024"),
        ("", "March 2022", TimeType::Date, "2022-03"),
        ("", "30-day", TimeType::Duration, "P30D"),
        ("unconditional", "30-day", TimeType::Duration, "P30D"),
        ("", "two-year-long", TimeType::Duration, "P2Y"),
        ("", "more than three years", TimeType::Duration, "P3Y"),
        ("March 2022", "weeks", TimeType::Duration, "PXW"),
        ("Peskov", "late Sunday", TimeType::Date, "2025-05-11"),
    ];
    let mut failures = Vec::new();
    for (after, needle, kind, value) in checks {
        match expr_at(&text, &a, after, needle) {
            Some(t) if t.kind == *kind && t.value.as_deref() == Some(*value) => {}
            other => failures.push(format!(
                "{needle:?} (after {after:?}): expected {} {value}, got {:?}",
                kind.as_str(),
                other.map(|t| (&text[t.span.start..t.span.end], t.kind, &t.value, &t.basis))
            )),
        }
    }
    let late_sunday = expr_at(&text, &a, "", "late Sunday").unwrap();
    assert_eq!(
        late_sunday.label.as_deref(),
        Some("Sunday 11 May 2025, evening")
    );
    let more = expr_at(&text, &a, "", "more than three years").unwrap();
    assert_eq!(more.modifier.as_deref(), Some("MORE_THAN"));
    let tomorrow = expr_at(&text, &a, "", "tomorrow").unwrap();
    assert_eq!(
        tomorrow.basis.as_deref(),
        Some("relative to the statement of Sunday 11 May 2025")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Without a publication date, weekdays stay weekdays and "tomorrow" stays relative.
    let b = analyze(&text, &Options::default()).unwrap();
    assert_eq!(
        expr_at(&text, &b, "", "late Sunday").and_then(|t| t.value.as_deref()),
        Some("XXXX-WXX-7")
    );
    assert_eq!(
        expr_at(&text, &b, "", "this Thursday").and_then(|t| t.value.as_deref()),
        Some("XXXX-WXX-4")
    );
    assert!(expr_at(&text, &b, "", "tomorrow").is_some());
    assert_eq!(
        expr_at(&text, &b, "", "March 2022").and_then(|t| t.value.as_deref()),
        Some("2022-03")
    );
}

/// The timeline of the seed: every resolved date once, in date order, with its sentence;
/// without a publication date the weekdays drop out (they have no place on a calendar).
#[test]
fn seed_timeline_in_date_order() {
    let Some(text) = seed() else {
        return;
    };
    let opts = Options::with_published("2025-05-12", "test").unwrap();
    let a = analyze(&text, &opts).unwrap();
    let dated = a
        .times
        .iter()
        .filter(|t| matches!(t.kind, TimeType::Date | TimeType::Time))
        .filter(|t| {
            t.value
                .as_deref()
                .is_some_and(|v| !v.contains('X') && v.starts_with(|c: char| c.is_ascii_digit()))
        })
        .count();
    assert_eq!(
        a.timeline.len(),
        dated,
        "every resolved date is on the timeline"
    );
    assert!(a.timeline.windows(2).all(|w| w[0].from <= w[1].from));
    let first = &a.times[a.timeline[0].time];
    assert_eq!(
        first.value.as_deref(),
        Some("2022-03"),
        "the oldest date comes first"
    );
    for e in &a.timeline {
        let t = &a.times[e.time];
        assert!(e.sentence.start <= t.span.start && t.span.end <= e.sentence.end);
    }
    let bare = analyze(&text, &Options::default()).unwrap();
    assert!(bare.timeline.iter().all(|e| bare.times[e.time]
        .value
        .as_deref()
        .is_some_and(|v| !v.starts_with("XXXX"))));
    assert!(
        bare.timeline.len() < a.timeline.len(),
        "weekdays leave the timeline"
    );
}
