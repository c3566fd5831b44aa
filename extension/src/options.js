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

/** Stage names in a reader's words, in pipeline order (the keys of `stage_ms`, docs/json.md). */
const STAGE_LABELS = [
  ["text", "reading the text"],
  ["people", "people"],
  ["quotes", "quotes"],
  ["time", "dates and times"],
  ["checks", "inconsistency checks"],
  ["timeline", "timeline"],
];

/** @param {number|null|undefined} ms */
const msText = (ms) => (typeof ms === "number" ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : "not measured");

/**
 * Shows what the engine took: starting up, warming up and the latest analysis stage by
 * stage (the worker is stopped when idle, so after a pause these describe a fresh start).
 * @param {import("./messages.js").EngineTimings} t
 */
function showTimings(t) {
  const parts = [];
  if (t.instantiate_ms !== null) parts.push(`starting the engine took ${msText(t.instantiate_ms)}`);
  if (t.warm_up_ms !== null) parts.push(`warming it up ${msText(t.warm_up_ms)}`);
  if (t.last) parts.push(`the latest analysis ${msText(t.last.analyze_ms)} (${new Date(t.last.at).toLocaleTimeString()})`);
  if (parts.length) $("#timings").textContent = `Since the engine last started: ${parts.join(", ")}.`;
  const table = /** @type {HTMLTableElement} */ (/** @type {unknown} */ ($("#stage-times")));
  const body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
  body.replaceChildren();
  const stages = t.last && t.last.stage_ms;
  table.hidden = !stages;
  if (!stages) return;
  for (const [key, label] of STAGE_LABELS) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = label;
    const td = document.createElement("td");
    td.textContent = msText(stages[key]);
    tr.append(th, td);
    body.append(tr);
  }
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
  const timings = await chrome.runtime.sendMessage({ kind: Kind.TIMINGS }).catch(() => null);
  if (timings && timings.ok) showTimings(timings.timings);
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
