/**
 * The options page: which overlays are shown (the same setting the popup's boxes
 * change, so "on by default" for every page), the sites that run automatically, and
 * "Forget all settings", which clears `chrome.storage.sync`, gives back every site
 * permission Lede was granted and unregisters the auto-run content scripts.
 *
 * Settings shape and key: messages.js.
 */
import { DEFAULT_SETTINGS, Kind, SETTINGS_KEY } from "./messages.js";

const $ = (sel) => document.querySelector(sel);

async function readSettings() {
  const got = await chrome.storage.sync.get(SETTINGS_KEY);
  const s = got[SETTINGS_KEY] || {};
  return { show: { ...DEFAULT_SETTINGS.show, ...(s.show || {}) }, autoOrigins: s.autoOrigins || [] };
}

async function writeShow(kind, on) {
  const s = await readSettings();
  await chrome.storage.sync.set({ [SETTINGS_KEY]: { ...s, show: { ...s.show, [kind]: on } } });
}

function say(text) {
  $("#status").textContent = text;
}

async function showSettings() {
  const s = await readSettings();
  for (const box of document.querySelectorAll("fieldset input[type=checkbox]")) box.checked = s.show[box.name] !== false;
  const list = $("#sites");
  list.replaceChildren();
  for (const origin of s.autoOrigins) {
    const li = document.createElement("li");
    li.textContent = origin;
    list.append(li);
  }
  if (!s.autoOrigins.length) {
    const li = document.createElement("li");
    li.textContent = "none";
    list.append(li);
  }
}

async function forgetAll() {
  const { autoOrigins } = await readSettings();
  await chrome.storage.sync.clear();
  // Host permissions granted for "run automatically" go back too (declared ones cannot).
  const origins = autoOrigins.map((o) => `${new URL(o).protocol}//${new URL(o).hostname}/*`);
  if (origins.length) await chrome.permissions.remove({ origins }).catch(() => false);
  await chrome.runtime.sendMessage({ kind: Kind.SET_AUTO });
  await showSettings();
  say("All settings forgotten: every overlay is on, no site runs automatically.");
}

async function main() {
  await showSettings();
  for (const box of document.querySelectorAll("fieldset input[type=checkbox]")) {
    box.addEventListener("change", () => writeShow(box.name, box.checked).catch((e) => say(`Lede: ${e.message}`)));
  }
  $("#forget").addEventListener("click", () => forgetAll().catch((e) => say(`Lede: ${e.message}`)));
}

main().catch((e) => say(`Lede: ${e.message}`));
