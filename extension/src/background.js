/**
 * The service worker: the only place the wasm engine runs.
 *
 * Why here: a page's Content-Security-Policy applies to WebAssembly compiled by its
 * content scripts, and most news sites do not allow 'wasm-unsafe-eval'. The
 * extension's own pages and worker use the manifest's CSP, which does. So content
 * scripts send the `Page` they extracted, and this worker answers with the report.
 *
 * It also injects the content scripts when the popup (or the shortcut) asks, keeps
 * the auto-run registration in step with the sites the reader enabled, and relays
 * the shortcut to the tab. Message shapes: messages.js.
 */
import { Engine, EngineTrap } from "./engine.js";
import { CONTENT_CSS, CONTENT_SCRIPTS, Kind, PAGE_ONLY, isMessage } from "./messages.js";
import { EnginePool } from "./pool.js";
import { TabQueue } from "./queue.js";
import { readSettings } from "./settings.js";

const AUTO_ID = "lede-auto";
/** How long `runInTab` waits for the content script to report back. */
const RENDER_TIMEOUT_MS = 120_000;

// ── the engine ──────────────────────────────────────────────────────────────

/** The engine worker (pool.js runs a few; a Chromium service worker reaches them through offscreen.js). */
const ENGINE_WORKER = chrome.runtime.getURL("src/engine-worker.js");
/** Timings of the engine and of its last analysis (the options page, the tests). @type {import("./messages.js").EngineTimings} */
const lastTimings = { instantiate_ms: null, warm_up_ms: null, last: null };

/** Firefox: the background page starts the workers itself. @type {EnginePool|null} */
let pool = null;
/** @type {Promise<void>|null} */
let offscreenReady = null;

/** Chromium: the offscreen document that holds the workers, made once (and again if it was closed). */
async function ensureOffscreen() {
  const off = chrome.offscreen;
  if (await off.hasDocument()) return;
  offscreenReady ||= off
    .createDocument({ url: "src/offscreen.html", reasons: [off.Reason.WORKERS], justification: "runs the analysis engine in workers, so that one slow page does not hold up other tabs" })
    .finally(() => (offscreenReady = null));
  await offscreenReady;
}

/** Where there is neither a Worker nor an offscreen document: one engine here, frames taking turns. */
const inProcess = {
  /** @type {Engine|null} */
  engine: null,
  /** @type {TabQueue<import("./messages.js").Page, import("./messages.js").AnalyzeResponse>|null} */
  queue: null,
  /**
   * @param {string} key
   * @param {import("./messages.js").Page} page
   */
  analyze(key, page) {
    const engine = (this.engine ||= new Engine(chrome.runtime.getURL("pkg/lede_bg.wasm")));
    this.queue ||= new TabQueue(async (/** @type {import("./messages.js").Page} */ p) => {
      await engine.load();
      const t = performance.now();
      try {
        const report = await engine.call((e) => e.analyze_article_page(p));
        return { ok: true, report, timings: { instantiate_ms: engine.instantiateMs, analyze_ms: performance.now() - t } };
      } catch (e) {
        if (e instanceof EngineTrap) return { ok: false, error: e.message };
        throw e;
      }
    });
    return this.queue.submit(key, page);
  },
};

/**
 * Analyses a page description off the worker's own thread: each frame keeps only its
 * newest request, a slow page never holds up another tab, a trap or an analysis past
 * the time budget is answered with a readable error.
 * @param {string} key  "tabId:frameId" of the frame asking
 * @param {import("./messages.js").Page} page
 * @returns {Promise<import("./messages.js").AnalyzeResponse>}
 */
async function analyzePage(key, page) {
  /** @type {import("./messages.js").AnalyzeResponse} */
  let res;
  if (typeof Worker === "function") res = await (pool ||= new EnginePool(ENGINE_WORKER)).analyze(key, page);
  else if (chrome.offscreen) {
    await ensureOffscreen();
    /** @type {import("./messages.js").EngineRequest} */
    const msg = { kind: Kind.ENGINE, key, page };
    res = await chrome.runtime.sendMessage(msg);
  } else res = await inProcess.analyze(key, page);
  if (!res) return { ok: false, error: "the engine did not answer" };
  if (res.ok) {
    lastTimings.instantiate_ms = res.timings.instantiate_ms;
    lastTimings.warm_up_ms = /** @type {any} */ (res.timings).warm_up_ms ?? lastTimings.warm_up_ms;
    lastTimings.last = { analyze_ms: res.timings.analyze_ms, stage_ms: res.report.stage_ms ?? null, at: Date.now() };
  }
  return res;
}

/** What the engine workers are doing (for the tests). */
async function engineStatus() {
  if (pool) return pool.status();
  if (chrome.offscreen && (await chrome.offscreen.hasDocument())) return chrome.runtime.sendMessage({ kind: Kind.ENGINE_STATUS });
  return { workers: 0, running: [], waiting: [], stopped: 0 };
}

// Start the workers now: the wasm compiles while the first page is still being read.
if (typeof Worker === "function") pool = new EnginePool(ENGINE_WORKER);
else if (chrome.offscreen) ensureOffscreen().catch((e) => console.warn("Lede: could not start the engine:", e instanceof Error ? e.message : e));

// ── tabs ────────────────────────────────────────────────────────────────────

/** Last stats each tab's content script reported (for the popup and the tests). */
const tabStats = new Map();
/** Last report per tab (for the tests and debugging; dropped with the tab). */
const lastReports = new Map();
/** Tabs where a frame drew an article, with the tab's URL then (the top page then says nothing). */
const framedArticles = new Map();
/** Who waits for a frame's report, by "tabId:frameId". @type {Map<string, Array<(stats: object) => void>>} */
const waiters = new Map();

/**
 * @param {number} tabId
 */
function waitForRender(tabId, frameId = 0) {
  const key = `${tabId}:${frameId}`;
  return new Promise((resolve) => {
    const list = waiters.get(key) || [];
    const timer = setTimeout(() => resolve({ error: "the page did not report back in time" }), RENDER_TIMEOUT_MS);
    list.push((stats) => {
      clearTimeout(timer);
      resolve(stats);
    });
    waiters.set(key, list);
  });
}

/**
 * What the popup's "Analyse this page" does: injects the content scripts into the tab
 * (or asks the ones already there to run again) and resolves with what they drew.
 * When the top page holds no article, the frames of the page are tried (an article
 * in a same-origin iframe): the one with the most paragraph text is analysed, and its
 * report returned when it holds an article.
 * Needs activeTab (granted by opening the popup or pressing the shortcut) or a host
 * permission; activeTab reaches the frames of the tab's own origin only.
 * @param {number} tabId
 */
async function runInTab(tabId) {
  const stats = await runInFrame(tabId, 0);
  if (!stats || !stats.no_article) return stats;
  const framed = await runInBestFrame(tabId).catch(() => null);
  return framed || stats;
}

/**
 * Injects the content scripts into one frame, or re-runs the copy already there; resolves with its report.
 * @param {number} tabId
 * @param {number} frameId
 */
async function runInFrame(tabId, frameId) {
  const rendered = waitForRender(tabId, frameId);
  const target = { tabId, frameIds: [frameId] };
  // The bundle keeps its state under a symbol of its own world: a page's elements (named
  // properties such as <form id="Lede">) cannot stand in for it.
  const [probe] = await chrome.scripting.executeScript({
    target,
    func: () => typeof (/** @type {any} */ (globalThis)[Symbol.for("lede.content")]) === "object",
  });
  if (probe && probe.result === true) {
    await chrome.tabs.sendMessage(tabId, { kind: Kind.RUN }, { frameId });
  } else {
    // The bundle asks for its styles itself ("styles"), as auto-run copies do.
    await chrome.scripting.executeScript({ target, files: CONTENT_SCRIPTS });
  }
  return rendered;
}

/**
 * The highlight styles, in the user origin: a page's own rules, `!important` ones
 * included, cannot restyle or hide Lede's highlights (user `!important` beats author
 * `!important` in the cascade). Once per frame and document.
 * @param {{tabId: number, frameIds: number[]}} target
 */
function insertStyles(target) {
  return chrome.scripting.insertCSS({ target, files: CONTENT_CSS, origin: "USER" });
}

/** Words of paragraph text in a frame (runs in each frame; a cheap guess before a full analysis). */
function paragraphWords() {
  let n = 0;
  for (const p of document.querySelectorAll("p")) n += (p.textContent.match(/\S+/g) || []).length;
  return n;
}

/** Least paragraph text for a frame to be worth analysing (the article verdict's 40 words). */
const FRAME_MIN_WORDS = 40;

/**
 * The top page has no article: analyse the frame with the most paragraph text, if any
 * frame has enough. Frames the extension may not read (other origins under activeTab)
 * are not injected into, and so never counted.
 * @param {number} tabId
 */
async function runInBestFrame(tabId) {
  const found = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, func: paragraphWords });
  const words = (/** @type {{result?: unknown}} */ r) => (typeof r.result === "number" ? r.result : 0);
  const best = found.filter((r) => r.frameId !== 0 && words(r) >= FRAME_MIN_WORDS).sort((a, b) => words(b) - words(a))[0];
  if (!best) return null;
  const stats = await runInFrame(tabId, best.frameId);
  return stats && !stats.no_article && !stats.error ? stats : null;
}

/**
 * Has the reader said "never on this site" for the tab's page? (The shortcuts then do nothing.)
 * @param {number} tabId
 */
async function isNeverSite(tabId) {
  const { neverOrigins } = await readSettings();
  if (!neverOrigins.length) return false;
  try {
    const tab = await chrome.tabs.get(tabId);
    return !!tab.url && neverOrigins.includes(new URL(tab.url).origin);
  } catch {
    return false;
  }
}

/**
 * `https://example.org` → the match pattern for every page of that site (any port).
 * @param {string} origin
 */
function originPattern(origin) {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Registers the content scripts for every site the reader enabled and still grants
 * access to; unregisters them when none is left.
 */
async function syncAutoRun() {
  const { autoOrigins } = await readSettings();
  const matches = [];
  for (const origin of autoOrigins) {
    const pattern = originPattern(origin);
    if (await chrome.permissions.contains({ origins: [pattern] })) matches.push(pattern);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [AUTO_ID] });
  if (matches.length) {
    await chrome.scripting.registerContentScripts([
      // allFrames: an article in a same-site iframe is read too (a frame without one stays silent).
      // No css here: a registered sheet has the author origin; the bundle asks for the user-origin one ("styles").
      { id: AUTO_ID, matches, js: CONTENT_SCRIPTS, runAt: "document_idle", allFrames: true, persistAcrossSessions: true },
    ]);
  }
  return matches;
}

// ── messages ────────────────────────────────────────────────────────────────

/**
 * Was it sent by one of the extension's own pages (popup, options), not a content script?
 * @param {chrome.runtime.MessageSender} sender
 */
function fromExtensionPage(sender) {
  return sender.id === chrome.runtime.id && typeof sender.url === "string" && sender.url.startsWith(chrome.runtime.getURL(""));
}

/**
 * The sender's tab and frame, when a content script sent it.
 * @param {chrome.runtime.MessageSender} sender
 */
function senderFrame(sender) {
  const tabId = sender.tab && sender.tab.id;
  if (tabId === undefined || fromExtensionPage(sender)) return null;
  return { tabId, frameId: sender.frameId || 0, url: sender.tab ? sender.tab.url : undefined };
}

/**
 * One handler per message kind (messages.js lists the shapes). Content scripts only
 * ever name their own frame: the worker takes it from `sender`, never from the message.
 * @type {Record<string, (msg: any, sender: chrome.runtime.MessageSender) => unknown>}
 */
const handlers = {
  [Kind.ANALYZE]: async (msg, sender) => {
    const from = senderFrame(sender);
    const res = await analyzePage(from ? `${from.tabId}:${from.frameId}` : `page:${sender.url}`, msg.page);
    if (from && res.ok) lastReports.set(from.tabId, res.report);
    return res;
  },
  [Kind.STYLES]: async (_msg, sender) => {
    const from = senderFrame(sender);
    if (!from) return { ok: false };
    await insertStyles({ tabId: from.tabId, frameIds: [from.frameId] });
    return { ok: true };
  },
  [Kind.RENDERED]: (msg, sender) => {
    const from = senderFrame(sender);
    if (!from) return { ok: false };
    const { tabId, frameId } = from;
    const stats = { ...msg.stats, frameId };
    const inFrame = frameId !== 0;
    // A frame without an article says nothing; a frame with one stands for the tab, and
    // the top page drops its "no article found".
    if (!inFrame || !stats.no_article) tabStats.set(tabId, stats);
    if (inFrame && !stats.no_article && !stats.error) framedArticles.set(tabId, from.url);
    // Whichever of the two reports comes second (auto-run runs both at once).
    const framed = framedArticles.get(tabId) === from.url && (inFrame ? !stats.no_article && !stats.error : !!stats.no_article);
    if (framed) chrome.tabs.sendMessage(tabId, { kind: Kind.FRAME_ARTICLE }, { frameId: 0 }).catch(() => {});
    const key = `${tabId}:${frameId}`;
    for (const resolve of waiters.get(key) || []) resolve(stats);
    waiters.delete(key);
    return { ok: true };
  },
  [Kind.RUN]: (msg) => runInTab(msg.tabId),
  [Kind.SET_AUTO]: async () => ({ ok: true, matches: await syncAutoRun() }),
  [Kind.STATUS]: (msg) => ({ ok: true, stats: tabStats.get(msg.tabId) || null }),
  [Kind.TIMINGS]: () => ({ ok: true, timings: lastTimings }),
};

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!isMessage(msg) || sender.id !== chrome.runtime.id) return false;
  const handler = handlers[msg.kind];
  if (!handler) return false;
  // Running Lede in a tab, reading a tab's status and changing the auto-run sites are
  // the popup's and the options page's: a content script (whatever the page did to
  // it) gets a refusal, not another tab's URL.
  if (/** @type {Set<string>} */ (PAGE_ONLY).has(msg.kind) && !fromExtensionPage(sender)) {
    sendResponse({ ok: false, error: `"${msg.kind}" is accepted from the extension's own pages only` });
    return false;
  }
  Promise.resolve()
    .then(() => handler(msg, sender))
    .then(sendResponse, (e) => sendResponse({ ok: false, error: e && e.message ? e.message : String(e) }));
  return true; // the answer is asynchronous
});

// The shortcut: hide/show everything in the tab; on a tab Lede has not run in yet,
// run it (pressing the shortcut grants activeTab, like opening the popup).
/**
 * @param {number} tabId
 */
async function onShortcut(tabId) {
  if (await isNeverSite(tabId)) return "never";
  try {
    await chrome.tabs.sendMessage(tabId, { kind: Kind.TOGGLE_ALL });
    return "toggled";
  } catch {
    // No content script answered: Lede has not run in this tab yet.
    await runInTab(tabId);
    return "ran";
  }
}
/**
 * Where a message about the tab's article goes: the frame that drew it (the top page, or the iframe holding it).
 * @param {number} tabId
 */
function articleFrame(tabId) {
  return { frameId: (tabStats.get(tabId) || {}).frameId || 0 };
}

/**
 * Alt+Shift+N: the tab's overlay opens the card of the next highlight. On a tab Lede has
 * not run in yet, run it first (the shortcut grants activeTab). Resolves with what opened.
 * @param {number} tabId
 */
async function onNext(tabId, dir = 1) {
  if (await isNeverSite(tabId)) return null;
  try {
    return await chrome.tabs.sendMessage(tabId, { kind: Kind.NEXT, dir }, articleFrame(tabId));
  } catch {
    await runInTab(tabId);
    return chrome.tabs.sendMessage(tabId, { kind: Kind.NEXT, dir }, articleFrame(tabId));
  }
}
/**
 * Alt+Shift+P: open or close the side panel (people, quotes by speaker, timeline, flags).
 * On a tab Lede has not run in yet, run it first. Resolves true when the panel is open.
 * @param {number} tabId
 */
async function onPanel(tabId) {
  if (await isNeverSite(tabId)) return false;
  try {
    return await chrome.tabs.sendMessage(tabId, { kind: Kind.PANEL }, articleFrame(tabId));
  } catch {
    await runInTab(tabId);
    return chrome.tabs.sendMessage(tabId, { kind: Kind.PANEL }, articleFrame(tabId));
  }
}
chrome.commands.onCommand.addListener((command, tab) => {
  if (!tab || tab.id === undefined) return;
  if (command === "toggle-overlays") onShortcut(tab.id).catch((e) => console.warn("Lede: cannot run in this tab:", e.message));
  else if (command === "next-highlight") onNext(tab.id).catch((e) => console.warn("Lede: cannot run in this tab:", e.message));
  else if (command === "toggle-panel") onPanel(tab.id).catch((e) => console.warn("Lede: cannot run in this tab:", e.message));
});

chrome.tabs.onRemoved.addListener((tabId) => {
  tabStats.delete(tabId);
  framedArticles.delete(tabId);
  lastReports.delete(tabId);
});
chrome.runtime.onInstalled.addListener(() => syncAutoRun().catch((e) => console.warn("Lede:", e.message)));
chrome.permissions.onRemoved.addListener(() => syncAutoRun().catch((e) => console.warn("Lede:", e.message)));

// For the end-to-end tests (they evaluate in this worker) and for debugging.
/** @type {any} */ (self).lede = {
  runInTab, onShortcut, onNext, onPanel, analyzePage, syncAutoRun, tabStats, lastReports, engineStatus, Engine,
  timings: () => ({ ...lastTimings }),
};
