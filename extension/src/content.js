/**
 * The content script's entry point: extract → ask the service worker → draw. Nothing else.
 *
 * Why the engine is not here: news sites' Content-Security-Policy usually forbids
 * WebAssembly compilation in the page (no 'wasm-unsafe-eval'), and content scripts
 * share the page's CSP for that in Chromium. So the wasm runs in the service worker
 * (whose CSP is the extension's), and this script only walks the DOM, sends the
 * `Page`, and paints the answer through overlay.js.
 *
 * Loaded after extract.js, overlay.js and shadows.js, as a classic script (content scripts cannot
 * be ES modules). Injected again into a tab that already has it, it analyses again
 * instead of installing a second copy.
 *
 * Message kinds and the settings key are spelled as in messages.js (which a classic
 * script cannot import): "analyze", "rendered", "run", "toggle-all", "next-highlight",
 * "toggle-panel", "frame-article", "lede.settings".
 *
 * In a frame (not the top page) it draws only when the frame holds an article, and says
 * nothing otherwise: the service worker tries frames when the top page has no article.
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
  const MARKS = ["lede:start", "lede:extracted", "lede:answered", "lede:drawn"];
  const DEFAULT_SHOW = { people: true, quotes: true, times: true, flags: true };

  /** @type {InstanceType<typeof Lede.Overlay> | null} */
  let overlay = null;
  let running = null;
  let firstRun = true;
  /** The overlay only says "no article found" (dropped when a frame of this page holds one). */
  let quietOverlay = false;
  /** In a frame, not the top page: stay silent unless the frame holds an article. */
  const IN_FRAME = window !== window.top;

  /** The overlays shown and the palette, from the settings (defaults when storage fails). */
  async function readLook() {
    try {
      const got = (await chrome.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] || {};
      return { shown: { ...DEFAULT_SHOW, ...(got.show || {}) }, palette: got.palette || "standard" };
    } catch {
      return { shown: { ...DEFAULT_SHOW }, palette: "standard" };
    }
  }

  function report(stats) {
    chrome.runtime.sendMessage({ kind: "rendered", stats }).catch(() => {});
  }

  /** What the last analysis read (the URL and the text of every block) and its answer. */
  let lastRead = null;

  /** @param {{ifChanged?: boolean}} [opts]  ifChanged (the automatic re-runs): reuse the last report when the text is unchanged */
  async function analyse(opts = {}) {
    // The first run counts from the moment the script started; a re-run from its request.
    const t0 = firstRun ? startedAt : performance.now();
    firstRun = false;
    // Marks in the page's performance timeline, so that a test (or a curious reader in
    // the devtools) can tell Lede's main-thread work from the page's.
    for (const m of MARKS) performance.clearMarks(m);
    performance.mark("lede:start");
    // Sliced: a huge page's walk gives the main thread back every few milliseconds.
    const extracted = await Lede.extractSliced(document);
    const read = location.href + "\u0000" + extracted.page.blocks.map((b) => b.text).join("\n");
    const tExtract = performance.now();
    performance.mark("lede:extracted");
    const look = readLook();
    let res;
    // A page that re-renders the same text (a framework re-mounting a paragraph) gets
    // the last report drawn again over its new nodes: a walk, not a new analysis.
    const reused = !!(opts.ifChanged && lastRead && read === lastRead.read);
    if (reused) res = lastRead.res;
    else {
      try {
        res = await chrome.runtime.sendMessage({ kind: "analyze", page: extracted.page });
      } catch (e) {
        res = { ok: false, error: `the extension did not answer (${e && e.message ? e.message : e})` };
      }
      lastRead = res && res.ok ? { read, res } : null;
    }
    // The old drawing stays until the new one is up (no frame without highlights while a
    // live page is re-analysed); it is removed here only when nothing new will be drawn.
    const previous = overlay;
    const dropPrevious = () => {
      if (previous) previous.destroy();
    };
    overlay = null;
    quietOverlay = false;
    if (!res || !res.ok) {
      dropPrevious();
      const error = (res && res.error) || "no answer from the engine";
      const failed = new Lede.Overlay({ doc: document, report: emptyReport(), map: { ranges: () => [], text: "" } });
      failed.showStatus({ error: `could not analyse this page: ${error}` });
      overlay = failed;
      report({ url: location.href, error });
      return;
    }
    const rep = res.report;
    watch(extracted, rep);
    const verdict = articleVerdict(extracted.page, rep);
    if (!verdict.article) {
      dropPrevious();
      const stats = { url: location.href, no_article: verdict.reason, in_frame: IN_FRAME, counts: {}, found: { people: 0, quotes: 0, times: 0, flags: 0 }, selected: (rep.blocks || []).length, blocks: extracted.page.blocks.length, mismatches: 0 };
      // In a frame (an advert, a widget, a comment box), say nothing at all: the top page speaks.
      if (IN_FRAME) return report(stats);
      // Not a news article (a results list, a form, a front page): say so quietly, draw nothing.
      const quiet = new Lede.Overlay({ doc: document, report: emptyReport(), map: { ranges: () => [], text: "" } });
      quiet.showStatus({ quiet: "no article found on this page" });
      overlay = quiet;
      quietOverlay = true;
      report(stats);
      return;
    }
    const tAnswer = performance.now();
    performance.mark("lede:answered");
    const map = Lede.TextMap.forReport(extracted, rep);
    const { shown, palette } = await look;
    overlay = new Lede.Overlay({ doc: document, report: rep, map, shown, palette });
    if (extracted.sawShadow) {
      // Text in the page's shadow trees: style the highlights there, and let clicks find them.
      const roots = Lede.shadowStyles.rootsOf(map);
      Lede.shadowStyles.adopt(roots);
      overlay.shadowRoots = roots;
    }
    const counts = await overlay.renderSliced(20, Lede.yieldToPage);
    // On a huge page the new highlights are registered on the viewport observer's first
    // callback; the old drawing goes then (or after a second at most).
    await Promise.race([overlay.ready, new Promise((ok) => setTimeout(ok, 1000))]);
    dropPrevious();
    const tRender = performance.now();
    const firstHighlight = performance.now() - t0;
    if (map.mismatches) console.warn(`Lede: ${map.mismatches} block(s) of the report did not match the page text`);
    overlay.showStatus();
    performance.mark("lede:drawn");
    report({
      url: location.href,
      in_frame: IN_FRAME,
      counts,
      found: { people: rep.people.length, quotes: rep.quotes.length, times: rep.times.length, flags: rep.flags.length },
      first_highlight_ms: firstHighlight,
      extract_ms: tExtract - t0,
      reused,
      render_ms: tRender - tAnswer,
      analyze_ms: res.timings ? res.timings.analyze_ms : null,
      words: Lede.Overlay.countWords(rep.truncated_at != null ? rep.text.slice(0, rep.truncated_at) : rep.text || ""),
      truncated: rep.truncated_at != null,
      published: rep.published,
      blocks: extracted.page.blocks.length,
      selected: (rep.blocks || []).length,
      mismatches: map.mismatches || 0,
    });
  }

  /**
   * Is the text the engine picked a news article? The engine always picks *some*
   * blocks; on a login form or a list of search results that choice is noise, and
   * highlighting it would be wrong. Signals, all from the page's own structure:
   *   - article markup (an <article>/<main> or articleBody around the picked text, a
   *     JSON-LD *Article, og:type=article) with at least 40 words of text;
   *   - without it: at least 150 words, in at least 3 blocks of 12+ words, less than a
   *     third of the characters in links, and most of the text outside list items and
   *     table cells (a results list is a list).
   * @returns {{article: boolean, reason: string}}
   */
  function articleVerdict(page, rep) {
    const words = (s) => (s.match(/\S+/g) || []).length;
    const picked = (rep.blocks || []).map(([i]) => page.blocks[i]).filter(Boolean);
    const total = picked.reduce((n, b) => n + words(b.text), 0);
    const markup =
      picked.some((b) => / (article|main)\b|\[itemprop=articleBody\]|\[role=main\]/.test(` ${b.path}`)) ||
      page.meta.some((m) => (m.kind === "json_ld" && /"@type"\s*:\s*\[?\s*"(News|Blog|Report|Scholarly)?Article"/.test(m.text)) || (m.kind === "meta" && m.name === "og:type" && /article/i.test(m.content)));
    if (markup && total >= 40) return { article: true, reason: "article markup" };
    if (total < 150) return { article: false, reason: `only ${total} words of text` };
    const chars = picked.reduce((n, b) => n + b.text.length, 0);
    const links = picked.reduce((n, b) => n + b.link_chars, 0);
    if (links * 3 > chars) return { article: false, reason: "mostly links" };
    const inList = picked.filter((b) => / (li|td|th|dd)(\W|$)/.test(` ${b.path}`)).reduce((n, b) => n + b.text.length, 0);
    if (inList * 2 > chars) return { article: false, reason: "a list, not prose" };
    const prose = picked.filter((b) => words(b.text) >= 12).length;
    if (prose < 3) return { article: false, reason: "no paragraphs of prose" };
    return { article: true, reason: "prose" };
  }

  // ── live pages ─────────────────────────────────────────────────────────────
  // The article's text may change after the analysis (a live blog adds an entry, a
  // single-page site swaps the story). Watch the article root only (not the whole
  // page: adverts and clocks change all the time), and the URL; re-run, debounced.

  const DEBOUNCE_MS = 500;
  let observer = null;
  let rerunTimer = 0;
  let lastUrl = location.href;

  function scheduleRerun() {
    clearTimeout(rerunTimer);
    rerunTimer = setTimeout(() => {
      lastUrl = location.href;
      run({ ifChanged: true });
    }, DEBOUNCE_MS);
  }

  /** The parent in the flat tree: through a shadow root to its host. */
  function composedParent(node) {
    if (node.parentElement) return node.parentElement;
    const p = node.parentNode;
    return p && p.host ? p.host : null;
  }

  /** `a.contains(b)` across shadow boundaries. */
  function composedContains(a, b) {
    for (let n = b; n; n = composedParent(n)) if (n === a) return true;
    return false;
  }

  /** The nearest element holding every picked block (its parent when only one block was picked), across shadow roots. */
  function articleRoot(extracted, rep) {
    let root = null;
    for (const [i] of rep.blocks || []) {
      const el = extracted.sources[i] && extracted.sources[i].el;
      if (!el || !el.isConnected) continue;
      if (!root) root = el;
      while (root && !composedContains(root, el)) root = composedParent(root);
    }
    if (root && (rep.blocks || []).length <= 1 && composedParent(root)) root = composedParent(root);
    return root || document.body;
  }

  /** The shadow roots between the picked blocks and the document (a MutationObserver does not cross them). */
  function shadowRootsOfBlocks(extracted, rep) {
    const roots = new Set();
    for (const [i] of rep.blocks || []) {
      const el = extracted.sources[i] && extracted.sources[i].el;
      for (let r = el && el.getRootNode(); r && r.host; r = r.host.getRootNode()) roots.add(r);
    }
    return roots;
  }

  function isOurs(node) {
    const host = overlay && overlay.host;
    return !!node && (node.localName === "lede-overlay" || (host && host.contains(node)));
  }

  function watch(extracted, rep) {
    if (observer) observer.disconnect();
    const root = articleRoot(extracted, rep);
    if (!root) return;
    observer = new MutationObserver((records) => {
      const relevant = records.some((r) => {
        if (isOurs(r.target)) return false;
        if (r.type === "childList") return [...r.addedNodes, ...r.removedNodes].some((n) => !isOurs(n));
        return true;
      });
      if (relevant) scheduleRerun();
    });
    const opts = { childList: true, subtree: true, characterData: true };
    observer.observe(root, opts);
    if (extracted.sawShadow) for (const r of shadowRootsOfBlocks(extracted, rep)) observer.observe(r, opts);
  }

  // Single-page navigation: the Navigation API sees the page's pushState from this
  // isolated world; where it is missing (Firefox), a cheap URL check once a second.
  function onMaybeNavigated() {
    if (location.href !== lastUrl) scheduleRerun();
  }
  if (globalThis.navigation && typeof globalThis.navigation.addEventListener === "function") {
    globalThis.navigation.addEventListener("navigatesuccess", onMaybeNavigated);
    globalThis.navigation.addEventListener("navigate", () => setTimeout(onMaybeNavigated, 0));
  } else {
    setInterval(onMaybeNavigated, 1000);
  }
  addEventListener("popstate", onMaybeNavigated);

  function emptyReport() {
    return { people: [], quotes: [], times: [], flags: [], published: null, text: "" };
  }

  /** One analysis at a time; a request during one runs once it ends. */
  function run(opts) {
    if (running) return running.then(() => run(opts));
    running = analyse(opts).finally(() => (running = null));
    return running;
  }

  chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    switch (msg && msg.kind) {
      case "toggle-all":
        if (overlay) overlay.toggleAll();
        break;
      case "toggle-panel":
        // Answered once any analysis under way has drawn; true when the panel is now open.
        Promise.resolve(running)
          .then(() => (overlay && typeof overlay.togglePanel === "function" ? overlay.togglePanel() : false))
          .then(sendResponse, () => sendResponse(false));
        return true;
      case "next-highlight":
        // Answered once any analysis under way has drawn, so the first press works too.
        Promise.resolve(running)
          .then(() => (overlay && typeof overlay.next === "function" ? overlay.next(msg.dir === -1 ? -1 : 1) : null))
          .then(sendResponse, () => sendResponse(null));
        return true;
      case "run":
        run();
        break;
      case "frame-article":
        // A frame of this page holds the article and drew it: drop "no article found".
        if (quietOverlay && overlay) {
          overlay.destroy();
          overlay = null;
          quietOverlay = false;
        }
        break;
      default:
        break;
    }
    return false;
  });

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "sync" || !changes[SETTINGS_KEY] || !overlay) return;
    const next = changes[SETTINGS_KEY].newValue || {};
    const show = { ...DEFAULT_SHOW, ...(next.show || {}) };
    for (const [kind, on] of Object.entries(show)) overlay.setShown(kind, on);
    if (typeof overlay.setPalette === "function") overlay.setPalette(next.palette || "standard");
  });

  Lede.content = { run, overlay: () => overlay };
  run();
})();
