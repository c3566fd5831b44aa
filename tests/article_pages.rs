//! Regression check on Mozilla Readability's news test pages (read at run time from
//! `../shared/eval/pages`; skipped with a message when absent). The full measurement
//! is `cargo run --release --example pages_eval`.

use lede::article::{extract, html::page_from_html};
use std::path::PathBuf;

mod common;

fn pages_dir() -> Option<PathBuf> {
    common::shared_path("eval/pages/news_index.json").and_then(|p| p.parent().map(PathBuf::from))
}

#[test]
fn news_pages_dates_match_expected_metadata() {
    let Some(root) = pages_dir() else {
        return;
    };
    let index: serde_json::Value = std::fs::read_to_string(root.join("news_index.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in index.as_array().into_iter().flatten() {
        let id = entry["id"].as_str().unwrap_or("");
        let Some(expected) = entry["date"].as_str() else {
            continue;
        };
        let Ok(html) = std::fs::read_to_string(root.join(id).join("source.html")) else {
            continue;
        };
        let ex = extract(&page_from_html(&html, None));
        let found = ex.published.map(|p| p.date.to_string()).unwrap_or_default();
        if expected.get(..10) != Some(found.as_str()) {
            failures.push(format!("{id}: expected {expected}, found {found:?}"));
        }
        checked += 1;
    }
    eprintln!("checked {checked} dated news pages");
    assert!(checked > 0, "no dated page was read");
    assert!(failures.is_empty(), "{failures:#?}");
}
