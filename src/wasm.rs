//! The wasm binding: the only file that names wasm-bindgen. It deserialises the
//! input, calls the core, converts byte offsets to UTF-16 code units (once, here)
//! and serialises the JSON contract. No analysis logic lives here.
//!
//! A panic in wasm32 traps (it cannot unwind): the hook logs the message to the
//! console and the call throws a `RuntimeError` in JS. The wasm-bindgen glue cannot
//! instantiate a second module in the same worker, so the service worker keeps the
//! instance and answers that request with a readable error; the core is written and
//! fuzzed so that this does not happen.

use crate::article::Page;
use crate::report::{OffsetMap, Report, Unit};
use crate::{analyze, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The most time one analysis may take in the worker before it stops at the next stage
/// boundary and answers with what it has (`incomplete` in the result): the worker serves
/// every tab, so one hard page must not hold the others up for long.
const WORKER_BUDGET_MS: f64 = 2_500.0;

#[wasm_bindgen]
extern "C" {
    /// The global `performance.now()`: a worker, a page and Node all have it.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// The worker's clock for the budget and the stage times (milliseconds; only differences
/// are used). `performance.now()` rather than `Date.now()`: stage times of a short article
/// are fractions of a millisecond, and `Date` counts whole ones.
fn worker_clock() -> f64 {
    performance_now()
}

/// Both page exports: the page from JS, then the core's page pipeline under the worker's
/// time budget.
fn page_pipeline(page: JsValue, published: Option<String>) -> Result<crate::PageAnalysis, JsError> {
    let page: Page = serde_wasm_bindgen::from_value(page)
        .map_err(|e| JsError::new(&format!("expected a page {{url, blocks, meta}}: {e}")))?;
    let given = published.as_deref().filter(|s| !s.is_empty());
    let budget = crate::budget::Budget::new(WORKER_BUDGET_MS, worker_clock);
    crate::analyze_page_within(&page, given, Some(budget)).map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The engine version, for the extension's about box and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[derive(Deserialize)]
struct TextInput {
    text: String,
    #[serde(default)]
    published: Option<String>,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not return the result: {e}")))
}

/// `analyze_text({text, published: "YYYY-MM-DD" | null})` → the JSON contract with
/// UTF-16 offsets into `text`.
#[wasm_bindgen]
pub fn analyze_text(input: JsValue) -> Result<JsValue, JsError> {
    let input: TextInput = serde_wasm_bindgen::from_value(input)
        .map_err(|e| JsError::new(&format!("expected {{text, published}}: {e}")))?;
    let given = input.published.as_deref().filter(|s| !s.is_empty());
    let options = Options::given_or(given, None)
        .map_err(|e| JsError::new(&e.to_string()))?
        .with_budget(WORKER_BUDGET_MS, worker_clock);
    let analysis = analyze(&input.text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Report::new(&analysis, &input.text, Unit::Utf16))
}

/// What `analyze_page` returns: the contract plus where each selected block starts.
#[derive(Serialize)]
struct PageResult {
    #[serde(flatten)]
    report: Report,
    /// `[block index in page.blocks, UTF-16 offset where it starts in text]`.
    blocks: Vec<[usize; 2]>,
    title: Option<String>,
}

/// `analyze_page(page)` with the page shape of `docs/page.md` → the contract (with
/// `text`, the article body the offsets index), `blocks` and `title`. The page's own
/// publication date is used unless `page.published` (`YYYY-MM-DD`) overrides it.
#[wasm_bindgen]
pub fn analyze_page(page: JsValue, published: Option<String>) -> Result<JsValue, JsError> {
    let crate::PageAnalysis {
        extracted,
        analysis,
    } = page_pipeline(page, published)?;
    let map = OffsetMap::new(&extracted.text, Unit::Utf16);
    let mut report = Report::with_offsets(&analysis, &map);
    let blocks = extracted
        .blocks
        .iter()
        .map(|&(i, start)| [i, map.get(start)])
        .collect();
    report.text = Some(extracted.text);
    report.byline = extracted.byline;
    to_js(&PageResult {
        report,
        blocks,
        title: extracted.title,
    })
}

/// What `analyze_article_page` returns: the contract with `text`, `byline` and (for a page
/// that is not an article) `not_article`, plus the page-level results of the core's page
/// pipeline.
#[derive(Serialize)]
struct ArticlePageResult {
    #[serde(flatten)]
    report: Report,
    /// `[block index in page.blocks, UTF-16 offset where it starts in text]`.
    blocks: Vec<[usize; 2]>,
    title: Option<String>,
    /// Whether the page is a news article, decided before the analysis.
    article: bool,
    /// Why ("article markup", "prose", "mostly links", …).
    article_reason: String,
    /// UTF-16 spans of `text` that are bylines, credits, bios: shown, never people.
    asides: Vec<[usize; 2]>,
}

/// `analyze_article_page(page, published)`: the core's one page pipeline
/// ([`crate::analyze_page`]): article finding, the "is this an article?" verdict, then the
/// analysis (empty for a page that is not an article). Same page shape as `analyze_page`.
#[wasm_bindgen]
pub fn analyze_article_page(page: JsValue, published: Option<String>) -> Result<JsValue, JsError> {
    let crate::PageAnalysis {
        extracted,
        analysis,
    } = page_pipeline(page, published)?;
    let map = OffsetMap::new(&extracted.text, Unit::Utf16);
    let mut report = Report::with_offsets(&analysis, &map);
    let blocks = extracted
        .blocks
        .iter()
        .map(|&(i, start)| [i, map.get(start)])
        .collect();
    let asides = extracted
        .asides
        .iter()
        .map(|s| [map.get(s.start), map.get(s.end)])
        .collect();
    report.text = Some(extracted.text);
    report.byline = extracted.byline;
    report.not_article = (!extracted.verdict.article).then(|| extracted.verdict.reason.clone());
    to_js(&ArticlePageResult {
        report,
        blocks,
        title: extracted.title,
        article: extracted.verdict.article,
        article_reason: extracted.verdict.reason,
        asides,
    })
}
