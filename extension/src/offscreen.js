/**
 * Chromium's home for the engine workers (pool.js): the service worker cannot start a
 * Worker, an offscreen document can. It answers the service worker's
 * `{kind: "engine", key, page}` with the analysis, and nothing else; it never sees a
 * page, only the `Page` the service worker forwards.
 */
import { Kind, isMessage } from "./messages.js";
import { EnginePool } from "./pool.js";

const pool = new EnginePool(chrome.runtime.getURL("src/engine-worker.js"));

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only the service worker (no tab, the extension's own script) talks to this page.
  if (sender.id !== chrome.runtime.id || sender.tab || !isMessage(msg)) return false;
  if (msg.kind === Kind.ENGINE) {
    pool.analyze(msg.key, msg.page).then(sendResponse);
    return true;
  }
  if (msg.kind === Kind.ENGINE_STATUS) {
    sendResponse(pool.status());
    return false;
  }
  return false;
});
