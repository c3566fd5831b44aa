/**
 * What the overlay's parts share: the highlight names and their kinds, and small DOM
 * and wording helpers. Every string is inserted with `textContent`, never as HTML.
 */

/** Highlight names per overlay kind (the popup's toggles). */
export const KIND_HIGHLIGHTS = Object.freeze({
  people: ["lede-person", "lede-person-mentioned"],
  quotes: ["lede-quote"],
  times: ["lede-time"],
  flags: ["lede-flag"],
});
/** When highlights overlap, the click goes to the higher one: a flag says most. @type {Record<string, number>} */
export const PRIORITY = { "lede-flag": 4, "lede-person": 3, "lede-person-mentioned": 3, "lede-time": 2, "lede-quote": 1 };
/** Pronouns are resolved (they count as mentions) but not painted: "he" everywhere is noise. */
export const PAINTED_MENTIONS = new Set(["name", "alias", "description"]);
/** The overlay kind of each highlight name. @type {Readonly<Record<string, "people"|"quotes"|"times"|"flags">>} */
export const NAME_KIND = Object.freeze({ "lede-person": "people", "lede-person-mentioned": "people", "lede-quote": "quotes", "lede-time": "times", "lede-flag": "flags" });
/** Colour palettes (content.css): the registered name is the palette's prefix + the kind. @type {Readonly<Record<string, string>>} */
export const PALETTES = Object.freeze({ standard: "lede-", contrast: "lede-hc-" });
/** The overlay kind of each card kind. @type {Readonly<Record<string, "people"|"quotes"|"times"|"flags">>} */
export const CARD_KIND = Object.freeze({ person: "people", quote: "quotes", time: "times", flag: "flags" });
/** How long the "jump to" flash stays. */
export const FLASH_MS = 2000;
/** Above this many ranges, only those near the viewport are registered (followViewport). */
export const LAZY_RANGES = 3000;

/**
 * A new element with text, class and attributes set as text (never parsed as HTML).
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, string>} [props]
 * @param {Array<Node|string|null|undefined|false>} [children]
 * @returns {HTMLElement & {itemKind?: string}}
 */
export function el(doc, tag, props = {}, children = []) {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

/**
 * @param {number} n
 * @param {string} one
 * @param {string} [many]
 */
export function plural(n, one, many = one + "s") {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * @param {DOMRect} r
 * @param {number} x
 * @param {number} y
 */
export function rectContains(r, x, y) {
  return x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;
}

/**
 * Words in a string, the way a reader counts them.
 * @param {string} s
 */
export function countWords(s) {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

/**
 * What a time expression means, in words only: its `label` and `basis`. The TIMEX codes
 * (`value` such as "P70Y" or "XXXX-WXX-2", `mod` such as "APPROX") are for programs and
 * are never shown; a time without a label says so plainly.
 * @param {{label?: string|null, basis?: string|null, type?: string}} t
 */
export function timeWords(t) {
  return { label: t.label || "Not resolved to a date", basis: t.basis || "" };
}

/**
 * A flag's assumed links, one sentence each ({@link import("../messages.js").Flag} `links`),
 * whatever shape the engine gives them: strings, or objects with a sentence. Empty when absent.
 * @param {unknown} links
 * @returns {string[]}
 */
export function linkSentences(links) {
  if (!Array.isArray(links)) return [];
  const out = [];
  for (const l of links) {
    const any = /** @type {any} */ (l);
    const s = typeof l === "string" ? l : any && typeof any === "object" ? any.sentence || any.text || any.message : null;
    if (typeof s === "string" && s.trim()) out.push(s.trim());
  }
  return out;
}

/**
 * The byline as the chip says it ("by Ana Ortiz and Tomas Ellery"), or "" when absent.
 * @param {unknown} byline  a string, an object with a name, or a list of either
 */
export function bylineWords(byline) {
  const one = (/** @type {any} */ b) => (typeof b === "string" ? b : b && typeof b === "object" ? b.name || b.text || "" : "");
  const names = (Array.isArray(byline) ? byline.map(one) : [one(byline)]).map((n) => String(n).trim()).filter(Boolean);
  if (!names.length) return "";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return /^by\b/i.test(list) ? list : `by ${list}`;
}

/**
 * A stable key for a flag within one article, for the reader's "not a conflict"
 * dismissals: its kind and the text of its passages (not its index, which a new engine
 * version may change).
 * @param {{kind: string, evidence: number[][]}} f
 * @param {string} text  the analysed text
 */
export function flagKey(f, text) {
  const passages = (f.evidence || []).map((e) => (Array.isArray(e) ? text.slice(e[0], e[1]).replace(/\s+/g, " ").trim() : ""));
  return `${f.kind}\u0000${passages.join("\u0001")}`;
}
