/**
 * The content script's entry point: extract → ask the service worker → draw. Nothing else.
 *
 * Why the engine is not here: news sites' Content-Security-Policy usually forbids
 * WebAssembly compilation in the page (no 'wasm-unsafe-eval'), and content scripts
 * share the page's CSP for that in Chromium. So the wasm runs in the service worker
 * (whose CSP is the extension's), and this script only walks the DOM, sends the
 * `Page`, and paints the answer through overlay.js.
 *
 * Loaded after extract.js and overlay.js, as a classic script (content scripts cannot
 * be ES modules). Injected again into a tab that already has it, it analyses again
 * instead of installing a second copy.
 *
 * Message kinds and the settings key are spelled as in messages.js (which a classic
 * script cannot import): "analyze", "rendered", "run", "toggle-all", "lede.settings".
 */
(() => {
  "use strict";
  const Lede = globalThis.Lede;
  const startedAt = performance.now();
  if (Lede.content) {
    Lede.content.run();
    return;
  }

  const SETTINGS_KEY = "lede.settings";
  const DEFAULT_SHOW = { people: true, quotes: true, times: true, flags: true };

  /** @type {InstanceType<typeof Lede.Overlay> | null} */
  let overlay = null;
  let running = null;
  let firstRun = true;

  async function readShown() {
    try {
      const got = await chrome.storage.sync.get(SETTINGS_KEY);
      return { ...DEFAULT_SHOW, ...((got[SETTINGS_KEY] || {}).show || {}) };
    } catch {
      return { ...DEFAULT_SHOW };
    }
  }

  function report(stats) {
    chrome.runtime.sendMessage({ kind: "rendered", stats }).catch(() => {});
  }

  async function analyse() {
    // The first run counts from the moment the script started; a re-run from its request.
    const t0 = firstRun ? startedAt : performance.now();
    firstRun = false;
    const extracted = Lede.extract(document);
    const tExtract = performance.now();
    const shown = readShown();
    let res;
    try {
      res = await chrome.runtime.sendMessage({ kind: "analyze", page: extracted.page });
    } catch (e) {
      res = { ok: false, error: `the extension did not answer (${e && e.message ? e.message : e})` };
    }
    if (overlay) overlay.destroy();
    overlay = null;
    if (!res || !res.ok) {
      const error = (res && res.error) || "no answer from the engine";
      const failed = new Lede.Overlay({ doc: document, report: emptyReport(), map: { ranges: () => [], text: "" } });
      failed.showStatus({ error: `could not analyse this page: ${error}` });
      overlay = failed;
      report({ url: location.href, error });
      return;
    }
    const rep = res.report;
    const map = Lede.TextMap.forReport(extracted, rep);
    overlay = new Lede.Overlay({ doc: document, report: rep, map, shown: await shown });
    const counts = overlay.render();
    const firstHighlight = performance.now() - t0;
    if (map.mismatches) console.warn(`Lede: ${map.mismatches} block(s) of the report did not match the page text`);
    overlay.showStatus();
    report({
      url: location.href,
      counts,
      found: { people: rep.people.length, quotes: rep.quotes.length, times: rep.times.length, flags: rep.flags.length },
      first_highlight_ms: firstHighlight,
      extract_ms: tExtract - t0,
      analyze_ms: res.timings ? res.timings.analyze_ms : null,
      words: Lede.Overlay.countWords(rep.truncated_at != null ? rep.text.slice(0, rep.truncated_at) : rep.text || ""),
      truncated: rep.truncated_at != null,
      published: rep.published,
      blocks: extracted.page.blocks.length,
      selected: (rep.blocks || []).length,
      mismatches: map.mismatches || 0,
    });
  }

  function emptyReport() {
    return { people: [], quotes: [], times: [], flags: [], published: null, text: "" };
  }

  /** One analysis at a time; a request during one runs once it ends. */
  function run() {
    if (running) return running.then(run);
    running = analyse().finally(() => (running = null));
    return running;
  }

  chrome.runtime.onMessage.addListener((msg) => {
    switch (msg && msg.kind) {
      case "toggle-all":
        if (overlay) overlay.toggleAll();
        break;
      case "run":
        run();
        break;
      default:
        break;
    }
    return false;
  });

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "sync" || !changes[SETTINGS_KEY] || !overlay) return;
    const show = { ...DEFAULT_SHOW, ...((changes[SETTINGS_KEY].newValue || {}).show || {}) };
    for (const [kind, on] of Object.entries(show)) overlay.setShown(kind, on);
  });

  Lede.content = { run, overlay: () => overlay };
  run();
})();
