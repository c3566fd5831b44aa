/**
 * The content script's entry point: extract → ask the service worker → draw. Nothing else.
 *
 * Why the engine is not here: news sites' Content-Security-Policy usually forbids
 * WebAssembly compilation in the page (no 'wasm-unsafe-eval'), and content scripts
 * share the page's CSP for that in Chromium. So the wasm runs in the service worker
 * (whose CSP is the extension's), and this script only walks the DOM, sends the
 * `Page`, and paints the answer through overlay.js.
 *
 * Bundled with extract.js, overlay/ and shadows.js into one classic script,
 * extension/build/content.js (scripts/build-extension.mjs): nothing is put on the
 * page's or the world's global object under a name a page element could clobber. Its
 * state lives under a symbol of the extension's own world, so that injected again into
 * a tab that already has it, it analyses again instead of installing a second copy.
 *
 * In a frame (not the top page) it draws only when the frame holds an article, and says
 * nothing otherwise: the service worker tries frames when the top page has no article.
 */
import { extractSliced, TextMap, yieldToPage } from "./extract.js";
import { Kind, isMessage } from "./messages.js";
import { Overlay } from "./overlay.js";
import { SETTINGS_KEY, addDismissed, mergeSettings, readDismissed, readSettings } from "./settings.js";
import { adopt, rootsOf } from "./shadows.js";

/** Where this world keeps the running copy (a symbol: no element id or name can stand in for it). */
const CONTENT_KEY = Symbol.for("lede.content");

(() => {
  "use strict";
  const world = /** @type {any} */ (globalThis);
  const startedAt = performance.now();
  const existing = world[CONTENT_KEY];
  if (existing && typeof existing.run === "function") {
    existing.run();
    return;
  }

  /** @type {Overlay | null} */
  let overlay = null;
  /** @type {Promise<void>|null} */
  let running = null;
  let firstRun = true;
  /** The overlay only says "no article found" (dropped when a frame of this page holds one). */
  let quietOverlay = false;
  /** In a frame, not the top page: stay silent unless the frame holds an article. */
  const IN_FRAME = window !== window.top;

  /** The article, as dismissals are keyed: its URL without the query and the fragment. */
  const articleKey = () => location.origin + location.pathname;

  /** What the overlay needs from the settings and local storage (defaults when storage fails). */
  async function readLook() {
    const [s, dismissed] = await Promise.all([readSettings(), readDismissed(articleKey())]);
    return { shown: s.show, palette: s.palette, minFlagConfidence: s.minFlagConfidence, dismissed };
  }

  /** @param {import("./messages.js").RenderedStats} stats */
  function report(stats) {
    /** @type {import("./messages.js").RenderedMessage} */
    const msg = { kind: Kind.RENDERED, stats };
    chrome.runtime.sendMessage(msg).catch(() => {});
  }

  /** What the last analysis read (the URL and the text of every block) and its answer. @type {{read: string, res: any}|null} */
  let lastRead = null;

  /** @param {{ifChanged?: boolean}} [opts]  ifChanged (the automatic re-runs): reuse the last report when the text is unchanged */
  async function analyse(opts = {}) {
    // The first run counts from the moment the script started; a re-run from its request.
    const t0 = firstRun ? startedAt : performance.now();
    firstRun = false;
    // No marks in the page's performance timeline (the page could read them): the times
    // go to the worker in the stats instead (`started_at`, `drawn_at`, page clock).
    const startedRun = performance.now();
    // Sliced: a huge page's walk gives the main thread back every few milliseconds.
    const extracted = await extractSliced(document);
    const read = location.href + "\u0000" + extracted.page.blocks.map((b) => b.text).join("\n");
    const tExtract = performance.now();
    const look = readLook();
    let res;
    // A page that re-renders the same text (a framework re-mounting a paragraph) gets
    // the last report drawn again over its new nodes: a walk, not a new analysis.
    const reused = !!(opts.ifChanged && lastRead && read === lastRead.read);
    /** From sending the page to the worker's answer (queue wait included). */
    let answeredMs = 0;
    if (reused && lastRead) res = lastRead.res;
    else {
      try {
        /** @type {import("./messages.js").AnalyzeRequest} */
        const msg = { kind: Kind.ANALYZE, page: extracted.page };
        const asked = performance.now();
        res = await chrome.runtime.sendMessage(msg);
        answeredMs = performance.now() - asked;
      } catch (e) {
        res = { ok: false, error: `the extension did not answer (${e instanceof Error ? e.message : e})` };
      }
      lastRead = res && res.ok ? { read, res } : null;
      // A newer request from this page took this one's place: that one draws.
      if (res && res.replaced) return;
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
      const failed = new Overlay({ doc: document, report: emptyReport(), map: { ranges: () => [], text: "" } });
      failed.showStatus({ error: `could not analyse this page: ${error}` });
      overlay = failed;
      report({ url: location.href, error });
      return;
    }
    const rep = res.report;
    watch(extracted, rep);
    // The core decides before it analyses (src/article/verdict.rs): one verdict for the
    // extension, www and the CLI.
    const verdict = rep.article === false ? { article: false, reason: rep.not_article || rep.article_reason || "not an article" } : { article: true, reason: rep.article_reason || "article" };
    if (!verdict.article) {
      dropPrevious();
      const stats = { url: location.href, no_article: verdict.reason, in_frame: IN_FRAME, counts: {}, found: { people: 0, quotes: 0, times: 0, flags: 0 }, selected: (rep.blocks || []).length, blocks: extracted.page.blocks.length, mismatches: 0 };
      // In a frame (an advert, a widget, a comment box), say nothing at all: the top page speaks.
      if (IN_FRAME) return report(stats);
      // Not a news article (a results list, a form, a front page): say so quietly, draw nothing.
      const quiet = new Overlay({ doc: document, report: emptyReport(), map: { ranges: () => [], text: "" } });
      quiet.showStatus({ quiet: "no article found on this page" });
      overlay = quiet;
      quietOverlay = true;
      report(stats);
      return;
    }
    const tAnswer = performance.now();
    const map = TextMap.forReport(extracted, rep);
    const { shown, palette, minFlagConfidence, dismissed } = await look;
    const article = articleKey();
    overlay = new Overlay({ doc: document, report: rep, map, shown, palette, minFlagConfidence, dismissed, onDismiss: (key) => addDismissed(article, key).catch(() => {}) });
    if (extracted.sawShadow) {
      // Text in the page's shadow trees: style the highlights there, and let clicks find them.
      const roots = rootsOf(map);
      adopt(roots);
      overlay.shadowRoots = roots;
    }
    const counts = await overlay.renderSliced(20, yieldToPage);
    // On a huge page the new highlights are registered on the viewport observer's first
    // callback; the old drawing goes then (or after a second at most).
    await Promise.race([overlay.ready, new Promise((ok) => setTimeout(ok, 1000))]);
    dropPrevious();
    const tRender = performance.now();
    const firstHighlight = performance.now() - t0;
    if (map.mismatches) console.warn(`Lede: ${map.mismatches} block(s) of the report did not match the page text`);
    overlay.showStatus();
    report({
      started_at: startedRun,
      drawn_at: performance.now(),
      url: location.href,
      in_frame: IN_FRAME,
      counts,
      found: { people: rep.people.length, quotes: rep.quotes.length, times: rep.times.length, flags: rep.flags.length },
      first_highlight_ms: firstHighlight,
      extract_ms: tExtract - t0,
      reused,
      render_ms: tRender - tAnswer,
      analyze_ms: res.timings ? res.timings.analyze_ms : null,
      answered_ms: answeredMs,
      words: Overlay.countWords(rep.truncated_at != null ? rep.text.slice(0, rep.truncated_at) : rep.text || ""),
      truncated: rep.truncated_at != null,
      published: rep.published,
      blocks: extracted.page.blocks.length,
      selected: (rep.blocks || []).length,
      mismatches: map.mismatches || 0,
    });
  }

  // ── live pages ─────────────────────────────────────────────────────────────
  // The article's text may change after the analysis (a live blog adds an entry, a
  // single-page site swaps the story). Watch the article root only (not the whole
  // page: adverts and clocks change all the time), and the URL; re-run, debounced.

  const DEBOUNCE_MS = 500;
  /** @type {MutationObserver|null} */
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

  /**
   * The parent in the flat tree: through a shadow root to its host.
   * @param {Node} node
   * @returns {Element|null}
   */
  function composedParent(node) {
    if (node.parentElement) return node.parentElement;
    const p = /** @type {ShadowRoot|null} */ (node.parentNode);
    return p && p.host ? p.host : null;
  }

  /**
   * `a.contains(b)` across shadow boundaries.
   * @param {Node} a
   * @param {Node} b
   */
  function composedContains(a, b) {
    for (let n = /** @type {Node|null} */ (b); n; n = composedParent(n)) if (n === a) return true;
    return false;
  }

  /**
   * The nearest element holding every picked block (its parent when only one block was picked), across shadow roots.
   * @param {import("./extract.js").Extracted} extracted
   * @param {import("./messages.js").Report} rep
   */
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

  /**
   * The shadow roots between the picked blocks and the document (a MutationObserver does not cross them).
   * @param {import("./extract.js").Extracted} extracted
   * @param {import("./messages.js").Report} rep
   */
  function shadowRootsOfBlocks(extracted, rep) {
    const roots = new Set();
    for (const [i] of rep.blocks || []) {
      const el = extracted.sources[i] && extracted.sources[i].el;
      for (let r = /** @type {any} */ (el && el.getRootNode()); r && r.host; r = r.host.getRootNode()) roots.add(r);
    }
    return roots;
  }

  /**
   * Our own host (the mutations it causes are not the article changing).
   * @param {Node} node
   */
  function isOurs(node) {
    const host = overlay && overlay.host;
    return !!node && !!host && (node === host || host.contains(node));
  }

  /**
   * @param {import("./extract.js").Extracted} extracted
   * @param {import("./messages.js").Report} rep
   */
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

  /** @returns {import("./messages.js").Report} */
  function emptyReport() {
    return { people: [], quotes: [], times: [], flags: [], timeline: [], published: null, text: "" };
  }

  /**
   * One analysis at a time; a request during one runs once it ends.
   * @param {{ifChanged?: boolean}} [opts]
   * @returns {Promise<void>}
   */
  function run(opts) {
    if (running) return running.then(() => run(opts));
    running = analyse(opts).finally(() => (running = null));
    return running;
  }

  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    // Only the worker talks to this script (a page cannot reach runtime.onMessage).
    if (!isMessage(msg) || sender.id !== chrome.runtime.id) return false;
    switch (msg.kind) {
      case Kind.TOGGLE_ALL:
        if (overlay) overlay.toggleAll();
        break;
      case Kind.PANEL:
        // Answered once any analysis under way has drawn; true when the panel is now open.
        Promise.resolve(running)
          .then(() => (overlay ? overlay.togglePanel() : false))
          .then(sendResponse, () => sendResponse(false));
        return true;
      case Kind.NEXT: {
        // Answered once any analysis under way has drawn, so the first press works too.
        const dir = msg.dir === -1 ? -1 : 1;
        Promise.resolve(running)
          .then(() => (overlay ? overlay.next(dir) : null))
          .then(sendResponse, () => sendResponse(null));
        return true;
      }
      case Kind.RUN:
        run();
        break;
      case Kind.FRAME_ARTICLE:
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
    if (!overlay) return;
    if (area === "sync" && changes[SETTINGS_KEY]) {
      const next = mergeSettings(changes[SETTINGS_KEY].newValue);
      for (const [kind, on] of Object.entries(next.show)) overlay.setShown(kind, on);
      overlay.setPalette(next.palette);
      // A new flag threshold changes which flags are drawn: draw again from the same report.
      if (next.minFlagConfidence !== overlay.minFlagConfidence) run({ ifChanged: true });
    }
  });

  // The highlight styles, in the user origin (page rules cannot override them): the
  // worker inserts them into this frame. Auto-run pages get them only this way.
  chrome.runtime.sendMessage({ kind: Kind.STYLES }).catch(() => {});

  world[CONTENT_KEY] = Object.freeze({ run, overlay: () => overlay });
  run();
})();
