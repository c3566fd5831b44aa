/**
 * The demo page: paste text or open a local .txt/.html file, analyse it in the page
 * with the same wasm engine, and draw the result with the extension's own overlay.js
 * (and extract.js for .html files), imported as ES modules.
 *
 * Serve the repository root on 127.0.0.1 (`scripts/demo.sh`) and open /www/.
 * The engine must be built first (`make wasm` → extension/pkg/).
 */
import init, { analyze_page, analyze_text } from "../extension/pkg/lede.js";
import { extract, TextMap } from "../extension/src/extract.js";
import { Overlay } from "../extension/src/overlay.js";

/** @param {string} sel */
const $ = (sel) => /** @type {any} */ (document.querySelector(sel));
const textEl = $("#text");
const fileEl = $("#file");
const pubEl = $("#published");
const btn = $("#analyse");
const statusEl = $("#status");
const sourceEl = $("#source");
const article = $("#article");
const toggles = $("#toggles");

/** What Analyse reads: the textarea, or an HTML file opened (until the textarea is edited). */
/** @type {{kind: "text"} | {kind: "html", html: string, name: string}} */
let source = { kind: "text" };
/** @type {Overlay|null} */
let overlay = null;

/**
 * @param {string} text
 */
function say(text, error = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", error);
}

/**
 * Puts `text` into the article element as one paragraph per line, as text nodes
 * only, and returns where each node starts in `text`.
 * @param {string} text
 * @param {string} title
 */
function renderText(text, title) {
  article.replaceChildren();
  if (title) article.append(Object.assign(document.createElement("h2"), { textContent: title }));
  const pieces = [];
  let start = 0;
  for (const line of text.split("\n")) {
    if (line.length) {
      const p = document.createElement("p");
      const node = document.createTextNode(line);
      p.append(node);
      article.append(p);
      pieces.push({ node, start });
    }
    start += line.length + 1;
  }
  return TextMap.identity(document, text, pieces);
}

function shownKinds() {
  /** @type {Record<string, boolean>} */
  const shown = {};
  for (const box of toggles.querySelectorAll("input")) shown[box.name] = box.checked;
  return shown;
}

async function analyse() {
  if (overlay) overlay.destroy();
  overlay = null;
  const t0 = performance.now();
  let report;
  let text;
  try {
    if (source.kind === "html") {
      // A detached document: parsing never runs the file's scripts or loads its resources.
      const doc = new DOMParser().parseFromString(source.html, "text/html");
      const { page } = extract(doc, { url: null });
      // The date field, when set, overrides the date found in the page.
      report = analyze_page(page, pubEl.value || null);
      text = report.text;
    } else {
      text = textEl.value.replace(/\r\n?/g, "\n");
      report = analyze_text({ text, published: pubEl.value || null });
    }
  } catch (e) {
    say(`Could not analyse: ${e instanceof Error ? e.message : e}`, true);
    return;
  }
  const ms = performance.now() - t0;
  const map = renderText(text, source.kind === "html" ? report.title : null);
  overlay = new Overlay({ doc: document, report, map, text, shown: shownKinds() });
  overlay.render();
  overlay.showStatus();
  toggles.disabled = false;
  $("#json").textContent = JSON.stringify(report, null, 1);
  const pub = report.published ? `published ${report.published.value} (${report.published.source})` : "no publication date";
  say(
    `${report.people.length} people, ${report.quotes.length} quotes, ${report.times.length} times, ` +
      `${report.flags.length} flags · ${pub} · analysed in ${ms.toFixed(1)} ms. Click a highlight for details.`,
  );
}

fileEl.addEventListener("change", async () => {
  const file = fileEl.files && fileEl.files[0];
  if (!file) return;
  const body = await file.text();
  if (/\.html?$/i.test(file.name) || file.type === "text/html") {
    source = { kind: "html", html: body, name: file.name };
    textEl.value = "";
    sourceEl.textContent = `${file.name}: the page's article body and date will be found as the extension finds them.`;
  } else {
    source = { kind: "text" };
    textEl.value = body;
    sourceEl.textContent = `${file.name} loaded.`;
  }
});
textEl.addEventListener("input", () => {
  if (source.kind === "html") sourceEl.textContent = "";
  source = { kind: "text" };
});
$("#input").addEventListener("submit", (/** @type {Event} */ ev) => {
  ev.preventDefault();
  analyse();
});
toggles.addEventListener("change", (/** @type {Event} */ ev) => {
  const box = /** @type {HTMLInputElement} */ (ev.target);
  if (overlay && box.name) overlay.setShown(box.name, box.checked);
});

try {
  const t = performance.now();
  await init();
  say(`Engine ready (${(performance.now() - t).toFixed(0)} ms). Paste an article and press Analyse.`);
  btn.disabled = false;
} catch (e) {
  say(`The engine did not load (${e instanceof Error ? e.message : e}). Build it first: make wasm`, true);
}
