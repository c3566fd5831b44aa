/**
 * The options page: which overlays are shown (the same setting the popup's boxes
 * change, so "on by default" for every page), the colour palette, the sites that run
 * automatically and those where the shortcuts never start Lede (each removable), and
 * "Forget all settings", which clears `chrome.storage.sync`, gives back every site
 * permission Lede was granted and unregisters the auto-run content scripts.
 *
 * Settings shape and key: messages.js.
 */
import { Kind } from "./messages.js";
import { readSettings, writeSettings } from "./settings.js";

/** @param {string} sel */
const $ = (sel) => /** @type {HTMLInputElement} */ (document.querySelector(sel));

/**
 * @param {string} kind
 * @param {boolean} on
 */
function writeShow(kind, on) {
  return writeSettings((s) => ({ ...s, show: { ...s.show, [kind]: on } }));
}

const sitePattern = (/** @type {string} */ o) => `${new URL(o).protocol}//${new URL(o).hostname}/*`;

/**
 * Takes one site off a list (and, for auto-run, gives its permission back).
 * @param {"autoOrigins"|"neverOrigins"} list
 * @param {string} origin
 */
async function removeSite(list, origin) {
  await writeSettings((s) => ({ ...s, [list]: s[list].filter((/** @type {string} */ o) => o !== origin) }));
  if (list === "autoOrigins") {
    await chrome.permissions.remove({ origins: [sitePattern(origin)] }).catch(() => false);
    await chrome.runtime.sendMessage({ kind: Kind.SET_AUTO });
  }
  await showSettings();
  say(`${new URL(origin).hostname} removed.`);
}

/**
 * @param {HTMLElement} ul
 * @param {"autoOrigins"|"neverOrigins"} list
 * @param {string[]} origins
 */
function fillSites(ul, list, origins) {
  ul.replaceChildren();
  for (const origin of origins) {
    const li = document.createElement("li");
    li.append(origin);
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = "Remove";
    b.setAttribute("aria-label", `Remove ${origin}`);
    b.addEventListener("click", () => removeSite(list, origin).catch((e) => say(`Lede: ${(e instanceof Error ? e.message : String(e))}`)));
    li.append(b);
    ul.append(li);
  }
  if (!origins.length) {
    const li = document.createElement("li");
    li.textContent = "none";
    ul.append(li);
  }
}

/**
 * @param {string} text
 */
function say(text) {
  $("#status").textContent = text;
}

async function showSettings() {
  const s = await readSettings();
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll("fieldset input[type=checkbox]"))) box.checked = s.show[/** @type {keyof import("./settings.js").Shown} */ (box.name)] !== false;
  for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll("input[name=palette]"))) radio.checked = radio.value === s.palette;
  document.body.classList.toggle("contrast", s.palette === "contrast");
  const conf = /** @type {HTMLInputElement} */ ($("#min-confidence"));
  conf.value = String(Math.round(s.minFlagConfidence * 100));
  $("#min-confidence-value").textContent = `${conf.value}%`;
  fillSites($("#sites"), "autoOrigins", s.autoOrigins);
  fillSites($("#never"), "neverOrigins", s.neverOrigins);
}

async function forgetAll() {
  const { autoOrigins } = await readSettings();
  await chrome.storage.sync.clear();
  // The "not a conflict" dismissals go too (kept on this machine only).
  await chrome.storage.local.clear();
  // Host permissions granted for "run automatically" go back too (declared ones cannot).
  const origins = autoOrigins.map(sitePattern);
  if (origins.length) await chrome.permissions.remove({ origins }).catch(() => false);
  await chrome.runtime.sendMessage({ kind: Kind.SET_AUTO });
  await showSettings();
  say("All settings forgotten: every overlay is on, standard colours, no site listed.");
}

async function main() {
  await showSettings();
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll("fieldset input[type=checkbox]"))) {
    box.addEventListener("change", () => writeShow(box.name, box.checked).catch((e) => say(`Lede: ${(e instanceof Error ? e.message : String(e))}`)));
  }
  for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll("input[name=palette]"))) {
    radio.addEventListener("change", () => {
      document.body.classList.toggle("contrast", radio.value === "contrast");
      writeSettings((s) => ({ ...s, palette: radio.value === "contrast" ? "contrast" : "standard" })).catch((e) => say(`Lede: ${(e instanceof Error ? e.message : String(e))}`));
    });
  }
  const conf = /** @type {HTMLInputElement} */ ($("#min-confidence"));
  conf.addEventListener("input", () => ($("#min-confidence-value").textContent = `${conf.value}%`));
  conf.addEventListener("change", () => writeSettings((s) => ({ ...s, minFlagConfidence: Number(conf.value) / 100 })).catch((e) => say(`Lede: ${(e instanceof Error ? e.message : String(e))}`)));
  $("#forget").addEventListener("click", () => forgetAll().catch((e) => say(`Lede: ${(e instanceof Error ? e.message : String(e))}`)));
}

main().catch((e) => say(`Lede: ${(e instanceof Error ? e.message : String(e))}`));
