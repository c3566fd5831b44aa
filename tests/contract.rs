//! The JSON contract (docs/json.md) holds for real results: every offset is in range
//! and ordered, speaker indices point at people, enumerations are respected; and the
//! core never panics on arbitrary input (property tests).

use lede::report::{Report, Unit};
use lede::{analyze, Options};
use proptest::prelude::*;
use serde_json::Value;

/// Our own fixture: curly quotes, accents, an em-dash and an emoji before the offsets.
const STORY: &str =
    "🙂 Harbour master Zoë Ferrand said on Tuesday that the pier would close for two weeks.\n\
“We have no choice — the storm damaged it badly,” Ferrand told reporters. \
The city’s mayor, Tomas Ellery, said repairs began in March 2029 and would last about 30 days.\n\
Ellery added: “It will reopen before the summer.”";

fn check_span(v: &Value, len: usize, what: &str) {
    let a = v
        .as_array()
        .unwrap_or_else(|| panic!("{what}: span is not an array: {v}"));
    assert_eq!(a.len(), 2, "{what}: span has two numbers");
    let (s, e) = (
        a[0].as_u64().unwrap() as usize,
        a[1].as_u64().unwrap() as usize,
    );
    assert!(s <= e && e <= len, "{what}: span {s}..{e} out of 0..{len}");
}

fn check_report(v: &Value, len: usize) {
    let people = v["people"].as_array().expect("people");
    for p in people {
        assert!(p["name"].is_string());
        assert!(p["roles"].is_array());
        for m in p["mentions"].as_array().expect("mentions") {
            check_span(m, len, "mention");
        }
        assert_eq!(
            p["mention_kinds"].as_array().map(|a| a.len()),
            p["mentions"].as_array().map(|a| a.len())
        );
        // The one-object-per-mention/role fields say what the paired arrays say.
        let items = p["mention_items"].as_array().expect("mention_items");
        for (k, m) in items.iter().enumerate() {
            assert_eq!(m["span"], p["mentions"][k], "mention_items[{k}].span");
            assert_eq!(m["kind"], p["mention_kinds"][k], "mention_items[{k}].kind");
        }
        assert_eq!(items.len(), p["mentions"].as_array().map_or(0, |a| a.len()));
        let roles = p["role_items"].as_array().expect("role_items");
        for (k, r) in roles.iter().enumerate() {
            assert_eq!(r["text"], p["roles"][k], "role_items[{k}].text");
            assert_eq!(r["span"], p["role_spans"][k], "role_items[{k}].span");
        }
        assert_eq!(roles.len(), p["roles"].as_array().map_or(0, |a| a.len()));
    }
    for q in v["quotes"].as_array().expect("quotes") {
        check_span(&q["span"], len, "quote");
        if let Some(i) = q["speaker"].as_u64() {
            assert!((i as usize) < people.len(), "speaker index in range");
        }
        for k in ["speaker_span", "cue_span"] {
            if !q[k].is_null() {
                check_span(&q[k], len, k);
            }
        }
        assert!(q["direct"].is_boolean());
    }
    for t in v["times"].as_array().expect("times") {
        check_span(&t["span"], len, "time");
        assert!(["DATE", "TIME", "DURATION", "SET"].contains(&t["type"].as_str().unwrap()));
        assert!(t["value"].is_string() || t["value"].is_null());
    }
    let times = v["times"].as_array().expect("times");
    let mut last_from = String::new();
    for e in v["timeline"].as_array().expect("timeline") {
        let t = e["time"].as_u64().expect("time index") as usize;
        assert!(t < times.len(), "timeline time index in range");
        assert!(["DATE", "TIME"].contains(&times[t]["type"].as_str().unwrap()));
        let (from, to) = (e["from"].as_str().unwrap(), e["to"].as_str().unwrap());
        assert!(from <= to, "timeline {from}..{to} ordered");
        assert!(last_from.as_str() <= from, "timeline in date order");
        last_from = from.to_string();
        check_span(&e["sentence"], len, "timeline sentence");
    }
    for f in v["flags"].as_array().expect("flags") {
        let c = f["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
        assert!(!f["message"].as_str().unwrap().is_empty());
        for e in f["evidence"].as_array().unwrap() {
            check_span(e, len, "evidence");
        }
    }
}

#[test]
fn fixture_report_follows_the_contract_in_both_units() {
    let options = Options::with_published("2029-06-12", "given").unwrap();
    let a = analyze(STORY, &options).unwrap();
    let cp = serde_json::to_value(Report::new(&a, STORY, Unit::CodePoint)).unwrap();
    check_report(&cp, STORY.chars().count());
    let u16 = serde_json::to_value(Report::new(&a, STORY, Unit::Utf16)).unwrap();
    check_report(&u16, STORY.encode_utf16().count());
    assert_eq!(cp["published"]["value"], "2029-06-12");
}

#[test]
fn empty_and_whitespace_input() {
    for text in ["", " ", "\n\n\n", "\u{feff}", "“", "”Said."] {
        let a = analyze(text, &Options::default()).unwrap();
        let v = serde_json::to_value(Report::new(&a, text, Unit::CodePoint)).unwrap();
        check_report(&v, text.chars().count());
    }
}

/// A spent budget stops the pipeline before its next stage and says which: the people
/// found so far are kept, the skipped stages' arrays are empty, and the JSON says so.
#[test]
fn a_spent_time_budget_stops_before_the_next_stage_and_says_so() {
    fn frozen_late() -> f64 {
        1e12
    }
    let text = "“We will win,” Ana Ortiz said on Monday.";
    let options = Options::default().with_budget(0.0, frozen_late);
    let a = analyze(text, &options).unwrap();
    let inc = a.incomplete.as_ref().expect("incomplete");
    assert_eq!(inc.stopped_before, "quotes");
    assert!(!a.people.is_empty() && a.quotes.is_empty() && a.times.is_empty());
    let v = serde_json::to_value(Report::new(&a, text, Unit::Utf16)).unwrap();
    assert_eq!(v["incomplete"]["stopped_before"], "quotes");
    let full = analyze(
        text,
        &Options::default().with_budget(60_000.0, lede::budget::native_clock),
    )
    .unwrap();
    assert!(full.incomplete.is_none() && !full.quotes.is_empty() && !full.times.is_empty());
}

/// With a clock (a budget), the result times each stage; without one (the CLI), it has no
/// `stage_ms`, so its JSON is the same on every run.
#[test]
fn stage_times_come_with_a_clock_and_only_then() {
    // A clock that moves 2 ms per reading: every stage reads it once, so each takes 2 ms.
    fn ticking() -> f64 {
        use std::sync::atomic::{AtomicU64, Ordering};
        static T: AtomicU64 = AtomicU64::new(0);
        T.fetch_add(2, Ordering::SeqCst) as f64
    }
    let text = "“We will win,” Ana Ortiz said on Monday.";
    let timed = analyze(text, &Options::default().with_budget(1e9, ticking)).unwrap();
    let t = timed.stage_ms.expect("stage times with a clock");
    for (stage, ms) in [
        ("text", t.text),
        ("people", t.people),
        ("quotes", t.quotes),
        ("time", t.time),
        ("checks", t.checks),
        ("timeline", t.timeline),
    ] {
        assert!(
            ms > 0.0,
            "{stage} took {ms} ms on a clock that always moves"
        );
    }
    let v = serde_json::to_value(Report::new(&timed, text, Unit::Utf16)).unwrap();
    assert!(v["stage_ms"]["checks"].as_f64().unwrap() > 0.0);
    let plain = analyze(text, &Options::default()).unwrap();
    assert!(plain.stage_ms.is_none());
    let v = serde_json::to_value(Report::new(&plain, text, Unit::Utf16)).unwrap();
    assert!(v.get("stage_ms").is_none());
}

#[test]
fn huge_input_is_cut_and_reported() {
    let para = "Officials said the talks on Monday went well. “We made progress,” one said.\n";
    let text = para.repeat(lede::MAX_TEXT_BYTES / para.len() + 10);
    let a = analyze(&text, &Options::default()).unwrap();
    let cut = a.truncated_at.expect("cut reported");
    assert!(cut <= lede::MAX_TEXT_BYTES && text.is_char_boundary(cut));
}

fn spans_ok(text: &str, a: &lede::Analysis) -> bool {
    let ok = |s: &lede::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    a.people
        .iter()
        .all(|p| p.mentions.iter().all(|m| ok(&m.span)) && p.roles.iter().all(|r| ok(&r.span)))
        && a.quotes.iter().all(|q| {
            ok(&q.span)
                && q.speaker_span.as_ref().is_none_or(ok)
                && q.cue_span.as_ref().is_none_or(ok)
                && q.speaker.is_none_or(|i| i < a.people.len())
        })
        && a.times.iter().all(|t| ok(&t.span))
        && a.flags.iter().all(|f| f.evidence.iter().all(ok))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_stay_on_char_boundaries(text in "\\PC{0,400}") {
        let a = analyze(&text, &Options::default()).unwrap();
        prop_assert!(spans_ok(&text, &a));
    }

    #[test]
    fn news_like_input_with_dates(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Said"), Just("“"), Just("”"), Just("\""), Just("Mr."), Just("Ana"),
                Just("Ruiz"), Just("on"), Just("Monday"), Just("May"), Just("12,"), Just("2025"),
                Just("two-year-long"), Just("war"), Just("he"), Just("said"), Just("."), Just("\n"),
                Just("former"), Just("President"), Just("—"), Just("é"), Just("🙂"), Just("told"),
            ],
            0..120,
        ),
        published in proptest::option::of(Just("2025-05-12")),
    ) {
        let text = words.join(" ");
        let options = match published {
            Some(d) => Options::with_published(d, "given").unwrap(),
            None => Options::default(),
        };
        let a = analyze(&text, &options).unwrap();
        prop_assert!(spans_ok(&text, &a));
    }

    /// Multibyte characters glued to the English suffixes and marks the rules cut at (the
    /// 7-byte crash of issue 11 was a Myanmar letter before "ing").
    #[test]
    fn multibyte_glued_to_suffixes(
        pieces in proptest::collection::vec(
            prop_oneof![
                Just("ing"), Just("ed"), Just("s"), Just("'s"), Just("’s"), Just("said"),
                Just("Mr"), Just("-year-old"), Just("“"), Just("”"), Just("\u{ad}"),
                Just("\u{200b}"), Just("\u{a0}"), Just("\u{1041}"), Just("\u{d55c}"),
                Just("α"), Just("é"), Just("中"), Just("😀"), Just("ع"), Just("א"), Just("क"),
                Just(" "), Just("."), Just("\n"), Just("A"), Just("tt"), Just("12"),
            ],
            0..80,
        ),
    ) {
        let text: String = pieces.concat();
        let a = analyze(&text, &Options::default()).unwrap();
        prop_assert!(spans_ok(&text, &a));
    }
}
