/**
 * One engine in a dedicated worker (pool.js starts these): answers `{id, page}` with
 * `{id, res}`, where `res` is an {@link import("./messages.js").AnalyzeResponse}.
 * Right after it starts, it analyses a short story of its own once (the first analysis
 * builds the engine's patterns), unless a real request got there first. A trap is
 * survived inside the worker (engine.js makes a fresh instance); a worker
 * stuck in a long analysis is terminated by the pool, which is what lets other tabs
 * go on meanwhile.
 */
import { Engine, EngineTrap } from "./engine.js";

const engine = new Engine(new URL("../pkg/lede_bg.wasm", import.meta.url).href);
const scope = /** @type {any} */ (self);
/** @type {number|null} */
let warmUpMs = null;
let analysedOnce = false;

/**
 * A short story of our own that reaches every stage and check. Analysed once right after
 * instantiation: the first analysis in a worker builds the engine's patterns and lets
 * the browser compile the code behind them. Run from a timer, it happens while the worker
 * waits for the tab (script injection, the content script reading the page) rather than
 * after the page asked. Skipped when a real analysis got there first. (The browser stops
 * an idle worker after about 30 s, so the next article after a pause pays this again.)
 */
/** @type {import("./messages.js").Page} */
const WARM_UP_PAGE = {
  url: null,
  meta: [],
  blocks: [
    "Harbour master Ana Ortiz, 45, said on Tuesday that the 30-day closure of the pier will end in 2027.",
    "“We have waited three years for this repair,” Ortiz told reporters, adding that two people died when the old crane fell last March.",
    "Former President Tomas Ellery, who was born in 1961, said the $5m contract rose by 12% and that the three-year project has lasted longer than planned.",
  ].map((text) => ({ text, tag: "p", path: "html body article p", link_chars: 0 })),
};

async function warmUp() {
  if (analysedOnce) return;
  analysedOnce = true;
  const w = performance.now();
  try {
    await engine.call((e) => e.analyze_article_page(WARM_UP_PAGE, "2025-01-15"));
    warmUpMs = performance.now() - w;
  } catch {
    /* a failed warm-up costs only the speed-up */
  }
}

scope.onmessage = async (/** @type {MessageEvent} */ ev) => {
  const { id, page } = ev.data || {};
  /** @type {import("./messages.js").AnalyzeResponse} */
  let res;
  analysedOnce = true;
  try {
    await engine.load();
    const t = performance.now();
    const report = await engine.call((e) => e.analyze_article_page(page));
    res = { ok: true, report, timings: { instantiate_ms: engine.instantiateMs, analyze_ms: performance.now() - t, warm_up_ms: warmUpMs } };
  } catch (e) {
    res = { ok: false, error: e instanceof EngineTrap || e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage({ id, res });
};
// Compile, instantiate and warm up now, while the first page is still being read.
engine.load().then(() => setTimeout(warmUp, 0), () => {});
