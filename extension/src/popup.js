/**
 * The toolbar popup: overlay toggles, "run automatically on this site", and
 * "Analyse this page". Opening it grants activeTab, so it analyses the page right
 * away when Lede has not run in the tab yet.
 *
 * The tab is the active one, or `?tab=<id>` (how the end-to-end tests open the popup
 * as a page of its own; harmless otherwise).
 */
import { Kind } from "./messages.js";
import { readSettings, writeSettings } from "./settings.js";

/** @param {string} sel */
const $ = (sel) => /** @type {HTMLInputElement} */ (document.querySelector(sel));
const statusEl = $("#status");
const runBtn = $("#run");
const autoBox = $("#auto");
const neverBox = $("#never");
const panelBtn = $("#panel");

async function currentTab() {
  const param = new URLSearchParams(location.search).get("tab");
  if (param) return chrome.tabs.get(Number(param));
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/**
 * @param {string} text
 */
function say(text, error = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", error);
}

/**
 * @param {import("./messages.js").RenderedStats} stats
 */
function describe(stats) {
  if (!stats) return "Not analysed yet.";
  if (stats.error) return `Could not analyse: ${stats.error}`;
  const f = stats.found || { people: 0, quotes: 0, times: 0, flags: 0 };
  const pub = stats.published ? `published ${stats.published.value} (${stats.published.source})` : "no publication date found";
  const words = `${stats.words} words${stats.truncated ? " (truncated)" : ""}`;
  return `${f.people ?? 0} people, ${f.quotes ?? 0} quotes, ${f.times ?? 0} times, ${f.flags ?? 0} flags · ${words} · ${pub}`;
}

/**
 * @param {chrome.tabs.Tab} tab
 */
async function run(tab) {
  runBtn.disabled = true;
  say("Analysing…");
  try {
    const res = await chrome.runtime.sendMessage({ kind: Kind.RUN, tabId: tab.id });
    if (res && res.ok === false) say(`Could not analyse: ${res.error}`, true);
    else say(describe(res), !!(res && res.error));
  } catch (e) {
    say(`Could not analyse: ${(e instanceof Error ? e.message : String(e))}`, true);
  } finally {
    runBtn.disabled = false;
  }
}

/** Shows the shortcut the reader actually has (they may have changed or removed it). */
async function showShortcut() {
  const commands = await chrome.commands.getAll();
  const cmd = commands.find((c) => c.name === "toggle-overlays");
  const kbd = $("#shortcut");
  if (cmd && cmd.shortcut) kbd.textContent = cmd.shortcut;
  else if (kbd.parentElement) kbd.parentElement.textContent = "Click a highlight for details. Set a shortcut to show or hide the overlays in chrome://extensions/shortcuts.";
}

async function main() {
  showShortcut().catch(() => {});
  const tab = await currentTab();
  const settings = await readSettings();
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll("fieldset input[type=checkbox]"))) {
    box.checked = settings.show[/** @type {keyof import("./settings.js").Shown} */ (box.name)] !== false;
    box.addEventListener("change", () =>
      writeSettings((s) => ({ ...s, show: { ...s.show, [box.name]: box.checked } })),
    );
  }

  let origin = null;
  try {
    const u = new URL(tab.url || "");
    if (u.protocol === "http:" || u.protocol === "https:") origin = u.origin;
  } catch {
    /* no URL: a page Lede cannot read */
  }
  if (origin) {
    for (const span of document.querySelectorAll(".site")) span.textContent = new URL(origin).hostname;
    autoBox.checked = settings.autoOrigins.includes(origin);
    neverBox.checked = settings.neverOrigins.includes(origin);
    neverBox.addEventListener("change", async () => {
      const never = neverBox.checked;
      if (never && autoBox.checked) {
        autoBox.checked = false;
        autoBox.dispatchEvent(new Event("change"));
      }
      await writeSettings((s) => ({ ...s, neverOrigins: never ? [...new Set([...s.neverOrigins, origin])] : s.neverOrigins.filter((o) => o !== origin) }));
    });
    autoBox.addEventListener("change", async () => {
      const pattern = `${new URL(origin).protocol}//${new URL(origin).hostname}/*`;
      if (autoBox.checked) {
        // Asked first, while the click still counts as a user gesture.
        const granted = await chrome.permissions.request({ origins: [pattern] });
        if (!granted) {
          autoBox.checked = false;
          return;
        }
        neverBox.checked = false;
        await writeSettings((s) => ({ ...s, autoOrigins: [...new Set([...s.autoOrigins, origin])], neverOrigins: s.neverOrigins.filter((o) => o !== origin) }));
      } else {
        await writeSettings((s) => ({ ...s, autoOrigins: s.autoOrigins.filter((o) => o !== origin) }));
        await chrome.permissions.remove({ origins: [pattern] }).catch(() => false);
      }
      await chrome.runtime.sendMessage({ kind: Kind.SET_AUTO });
    });
  } else {
    autoBox.disabled = true;
    neverBox.disabled = true;
    runBtn.disabled = true;
    panelBtn.disabled = true;
    say("Lede reads web pages (http and https) only.");
    return;
  }

  runBtn.addEventListener("click", () => run(tab));
  // The panel lives in the page (a shadow root beside the highlights): open it and close the popup.
  panelBtn.addEventListener("click", async () => {
    try {
      const open = await chrome.tabs.sendMessage(/** @type {number} */ (tab.id), { kind: Kind.PANEL });
      if (open) window.close();
    } catch {
      say("Analyse the page first.", true);
    }
  });
  const status = await chrome.runtime.sendMessage({ kind: Kind.STATUS, tabId: tab.id });
  if (status && status.stats) say(describe(status.stats), !!status.stats.error);
  else run(tab);
}

main().catch((e) => say(`Lede: ${(e instanceof Error ? e.message : String(e))}`, true));
