//! Fuzzes the whole text pipeline: `analyze` must never panic, must return spans on
//! character boundaries inside the text, and the report must convert every offset.
#![no_main]

use lede::report::{Report, Unit};
use lede::{analyze, Options, Span};
use libfuzzer_sys::fuzz_target;

fn on_boundaries(text: &str, s: &Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fuzz_target!(|data: &[u8]| {
    // The first byte chooses whether a publication date is known.
    let (with_date, rest) = match data.split_first() {
        Some((b, rest)) => (b % 2 == 0, rest),
        None => (false, data),
    };
    let text = String::from_utf8_lossy(rest);
    let options = if with_date {
        Options::with_published("2025-05-12", "fuzz").expect("valid date")
    } else {
        Options::default()
    };
    let a = analyze(&text, &options).expect("analyze accepts any text under the limit");
    for p in &a.people {
        assert!(p.mentions.iter().all(|m| on_boundaries(&text, &m.span)));
        assert!(p.roles.iter().all(|r| on_boundaries(&text, &r.span)));
    }
    for q in &a.quotes {
        assert!(on_boundaries(&text, &q.span));
        assert!(q.speaker.is_none_or(|i| i < a.people.len()));
    }
    assert!(a.times.iter().all(|t| on_boundaries(&text, &t.span)));
    assert!(a.flags.iter().all(|f| f.evidence.iter().all(|e| on_boundaries(&text, e))));
    let _ = Report::new(&a, &text, Unit::Utf16);
});
