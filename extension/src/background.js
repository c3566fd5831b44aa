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
import init, { analyze_page } from "../pkg/lede.js";
import { CONTENT_CSS, CONTENT_SCRIPTS, DEFAULT_SETTINGS, Kind, SETTINGS_KEY } from "./messages.js";

const AUTO_ID = "lede-auto";
/** How long `runInTab` waits for the content script to report back. */
const RENDER_TIMEOUT_MS = 120_000;

// ── the engine ──────────────────────────────────────────────────────────────

/** @type {Promise<void> | null} */
let engine = null;
let instantiateMs = null;

/** Instantiates the wasm once per worker life (a restarted worker instantiates again). */
function loadEngine() {
  if (!engine) {
    const t = performance.now();
    engine = init({ module_or_path: chrome.runtime.getURL("pkg/lede_bg.wasm") }).then(() => {
      instantiateMs = performance.now() - t;
    });
    engine.catch(() => (engine = null)); // let the next request try again
  }
  return engine;
}
loadEngine().catch((e) => console.error("Lede: could not load the engine:", e));

/**
 * Analyses a page description.
 * @param {import("./messages.js").Page} page
 * @returns {Promise<import("./messages.js").AnalyzeResponse>}
 */
async function analyzePage(page) {
  await loadEngine();
  const t = performance.now();
  let report;
  try {
    // wasm-bindgen turns the engine's errors into thrown JS errors with a readable message.
    report = analyze_page(page);
  } catch (e) {
    // A Rust panic traps (wasm32 cannot unwind): the hook has logged the message. The
    // wasm-bindgen glue cannot instantiate a second copy, so the instance is kept; its
    // heap is intact and later calls normally work.
    if (e instanceof WebAssembly.RuntimeError) throw new Error(`the engine failed on this page (${e.message})`);
    throw e;
  }
  return { ok: true, report, timings: { instantiate_ms: instantiateMs, analyze_ms: performance.now() - t } };
}

// ── tabs ────────────────────────────────────────────────────────────────────

/** Last stats each tab's content script reported (for the popup and the tests). */
const tabStats = new Map();
/** Last report per tab (for the tests and debugging; dropped with the tab). */
const lastReports = new Map();
/** @type {Map<number, Array<(stats: object) => void>>} */
const waiters = new Map();

function waitForRender(tabId) {
  return new Promise((resolve) => {
    const list = waiters.get(tabId) || [];
    const timer = setTimeout(() => resolve({ error: "the page did not report back in time" }), RENDER_TIMEOUT_MS);
    list.push((stats) => {
      clearTimeout(timer);
      resolve(stats);
    });
    waiters.set(tabId, list);
  });
}

/**
 * What the popup's "Analyse this page" does: injects the content scripts into the tab
 * (or asks the ones already there to run again) and resolves with what they drew.
 * Needs activeTab (granted by opening the popup or pressing the shortcut) or a host permission.
 * @param {number} tabId
 */
async function runInTab(tabId) {
  const rendered = waitForRender(tabId);
  const [probe] = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => !!(globalThis.Lede && globalThis.Lede.content),
  });
  if (probe && probe.result) {
    await chrome.tabs.sendMessage(tabId, { kind: Kind.RUN });
  } else {
    await chrome.scripting.insertCSS({ target: { tabId }, files: CONTENT_CSS });
    await chrome.scripting.executeScript({ target: { tabId }, files: CONTENT_SCRIPTS });
  }
  return rendered;
}

async function readSettings() {
  const got = await chrome.storage.sync.get(SETTINGS_KEY);
  const s = got[SETTINGS_KEY] || {};
  return { show: { ...DEFAULT_SETTINGS.show, ...(s.show || {}) }, autoOrigins: s.autoOrigins || [], neverOrigins: s.neverOrigins || [] };
}

/** Has the reader said "never on this site" for the tab's page? (The shortcuts then do nothing.) */
async function isNeverSite(tabId) {
  const { neverOrigins } = await readSettings();
  if (!neverOrigins.length) return false;
  try {
    const tab = await chrome.tabs.get(tabId);
    return neverOrigins.includes(new URL(tab.url).origin);
  } catch {
    return false;
  }
}

/** `https://example.org` → the match pattern for every page of that site (any port). */
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
      { id: AUTO_ID, matches, js: CONTENT_SCRIPTS, css: CONTENT_CSS, runAt: "document_idle", persistAcrossSessions: true },
    ]);
  }
  return matches;
}

// ── messages ────────────────────────────────────────────────────────────────

/** One handler per message kind (messages.js lists the shapes). */
const handlers = {
  [Kind.ANALYZE]: async (msg, sender) => {
    const res = await analyzePage(msg.page);
    if (sender.tab && sender.tab.id !== undefined) lastReports.set(sender.tab.id, res.report);
    return res;
  },
  [Kind.RENDERED]: (msg, sender) => {
    const tabId = sender.tab && sender.tab.id;
    if (tabId === undefined) return { ok: false };
    tabStats.set(tabId, msg.stats);
    for (const resolve of waiters.get(tabId) || []) resolve(msg.stats);
    waiters.delete(tabId);
    return { ok: true };
  },
  [Kind.RUN]: (msg) => runInTab(msg.tabId),
  [Kind.SET_AUTO]: async () => ({ ok: true, matches: await syncAutoRun() }),
  [Kind.STATUS]: (msg) => ({ ok: true, stats: tabStats.get(msg.tabId) || null }),
};

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const handler = msg && handlers[msg.kind];
  if (!handler) return false;
  Promise.resolve()
    .then(() => handler(msg, sender))
    .then(sendResponse, (e) => sendResponse({ ok: false, error: e && e.message ? e.message : String(e) }));
  return true; // the answer is asynchronous
});

// The shortcut: hide/show everything in the tab; on a tab Lede has not run in yet,
// run it (pressing the shortcut grants activeTab, like opening the popup).
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
 * Alt+Shift+N: the tab's overlay opens the card of the next highlight. On a tab Lede has
 * not run in yet, run it first (the shortcut grants activeTab). Resolves with what opened.
 */
async function onNext(tabId, dir = 1) {
  if (await isNeverSite(tabId)) return null;
  try {
    return await chrome.tabs.sendMessage(tabId, { kind: Kind.NEXT, dir });
  } catch {
    await runInTab(tabId);
    return chrome.tabs.sendMessage(tabId, { kind: Kind.NEXT, dir });
  }
}
/**
 * Alt+Shift+P: open or close the side panel (people, quotes by speaker, timeline, flags).
 * On a tab Lede has not run in yet, run it first. Resolves true when the panel is open.
 */
async function onPanel(tabId) {
  if (await isNeverSite(tabId)) return false;
  try {
    return await chrome.tabs.sendMessage(tabId, { kind: Kind.PANEL });
  } catch {
    await runInTab(tabId);
    return chrome.tabs.sendMessage(tabId, { kind: Kind.PANEL });
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
  lastReports.delete(tabId);
});
chrome.runtime.onInstalled.addListener(() => syncAutoRun().catch((e) => console.warn("Lede:", e.message)));
chrome.permissions.onRemoved.addListener(() => syncAutoRun().catch((e) => console.warn("Lede:", e.message)));

// For the end-to-end tests (they evaluate in this worker) and for debugging.
self.lede = { runInTab, onShortcut, onNext, onPanel, analyzePage, syncAutoRun, tabStats, lastReports, timings: () => ({ instantiate_ms: instantiateMs }) };
