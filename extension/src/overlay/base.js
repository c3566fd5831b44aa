/**
 * The overlay's state and its host: the one element Lede adds to a page.
 *
 * The host is a plain `<div>` (no custom-element name a page could define first) with a
 * CLOSED shadow root, so page scripts can neither read the cards nor rewrite the chip.
 * Its inline style is `all: initial` plus position and visibility, every one
 * `!important`: inline important declarations beat any page rule, `!important` ones
 * included, and a page script that edits the style attribute gets it put back. Only
 * hosts this copy of Lede made are ever removed: a page's own elements, whatever their
 * name, are not touched.
 */
import { CARD_KIND, NAME_KIND, PALETTES, flagKey } from "./common.js";
import { SHADOW_CSS } from "./styles.js";

/** Every host made in this world (a content script injected again finds the earlier ones). */
const HOSTS_KEY = Symbol.for("lede.hosts");
/** @returns {Set<HTMLElement>} */
function hostsMade() {
  const g = /** @type {any} */ (globalThis);
  return (g[HOSTS_KEY] ||= new Set());
}

/** The host's inline style, each declaration `!important` (set through the CSSOM, which a page's style-src CSP does not block). */
const HOST_STYLE = [
  ["all", "initial"], ["position", "absolute"], ["top", "0"], ["left", "0"], ["width", "0"], ["height", "0"],
  ["z-index", "2147483647"], ["display", "block"], ["overflow", "visible"], ["visibility", "visible"],
  ["opacity", "1"], ["transform", "none"], ["filter", "none"], ["clip-path", "none"], ["pointer-events", "auto"],
  ["contain", "none"], ["mix-blend-mode", "normal"],
];

/** @param {HTMLElement} host */
function styleHost(host) {
  for (const [k, v] of HOST_STYLE) host.style.setProperty(k, v, "important");
}

/**
 * @typedef {object} OverlayOptions
 * @property {Document} doc
 * @property {import("../messages.js").Report} report
 * @property {{ranges: (start: number, end: number) => Range[], text?: string, parts?: any[], mismatches?: number}} map  offsets → Ranges (extract.js TextMap)
 * @property {string} [text]  what the offsets index (defaults to report.text, then map.text)
 * @property {Partial<import("../settings.js").Shown>} [shown]
 * @property {string} [palette]
 * @property {number} [minFlagConfidence]
 * @property {Set<string>} [dismissed]
 * @property {((key: string) => void) | null} [onDismiss]
 */

/**
 * One highlighted range: what it belongs to (kind and index into the report's list),
 * the span it paints and the highlight name it is registered under.
 * @typedef {{range: Range, kind: string, index: number, span: number[], name: string}} Item
 */

export class OverlayBase {
  /**
   * @param {OverlayOptions} opts
   */
  constructor({ doc, report, map, text, shown, palette, minFlagConfidence, dismissed, onDismiss }) {
    this.doc = doc;
    this.win = doc.defaultView || globalThis;
    this.report = report;
    this.map = map;
    this.text = text ?? report.text ?? map.text ?? "";
    this.shown = { people: true, quotes: true, times: true, flags: true, ...(shown || {}) };
    this.allHidden = false;
    /** @type {Map<string, Item[]>} */
    this.items = new Map();
    /** @type {Map<string, Highlight>} */
    this.highlights = new Map();
    /** @type {Map<Range, Item>} */
    this.rangeItem = new Map();
    /** @type {(HTMLElement & {itemKind?: string})|null} the open card */
    this.card = null;
    /** @type {HTMLElement|Element|null} where the focus goes back when the card closes */
    this.returnFocus = null;
    this.focusTimer = 0;
    this.palette = palette && PALETTES[palette] ? palette : "standard";
    // Where the Custom Highlight API is missing, the same marks are drawn as boxes in
    // our shadow root (`paintBoxes`); the page's DOM is never touched either way.
    this.supported = typeof CSS !== "undefined" && !!CSS.highlights && typeof Highlight === "function";
    /** Items whose element is near the viewport (huge pages only; null = all). @type {Set<Item>|null} */
    this.near = null;
    this.paintQueued = 0;
    /** Resolves once the highlights are registered (on huge pages: after the first fill). */
    /** @type {() => void} */
    this.markReady = () => {};
    this.ready = new Promise((ok) => (this.markReady = () => ok(undefined)));
    /** Flags below this confidence are not drawn (the options page's threshold). */
    this.minFlagConfidence = Number(minFlagConfidence) || 0;
    /** Keys of the flags the reader dismissed on this article (common.js `flagKey`). */
    this.dismissed = dismissed || new Set();
    /** Called with a flag's key when the reader says "not a conflict" (stores it). */
    this.onDismiss = onDismiss || null;
    /** @type {HTMLElement|null} */
    this.host = null;
    /** @type {ShadowRoot|null} */
    this.shadow = null;
    /** @type {MutationObserver|null} */
    this.hostWatch = null;
    this.hostStyle = "";
    /** @type {HTMLElement|null} */
    this.chip = null;
    /** @type {HTMLElement|null} */
    this.panel = null;
    /** @type {HTMLElement|null} */
    this.layer = null;
    /** @type {HTMLElement|null} */
    this.focusLayer = null;
    /** The page's shadow roots holding analysed text (for hit-testing). @type {ShadowRoot[]} */
    this.shadowRoots = [];
    /** The item the "next highlight" shortcut visited last. @type {Item|undefined} */
    this.cursor = undefined;
    /** Huge pages: the viewport observer has filled the highlights once. */
    this.filled = false;
    /** @type {IntersectionObserver|null} */
    this.viewport = null;
    /** @type {(() => void)|null} the fallback boxes' repaint on scroll and resize */
    this.onLayout = null;
    /** @type {ResizeObserver|null} */
    this.resizeWatch = null;
    /** @type {HTMLElement|null} the control that opened the side panel */
    this.panelOpener = null;
    /** The document's click and key listeners (set by Overlay). @type {(ev: MouseEvent) => void} */
    this.handleClick = () => {};
    /** @type {(ev: KeyboardEvent) => void} */
    this.handleKey = () => {};
  }

  /**
   * The overlay's shared state, for the parts (highlights, cards, panel, chip) to write:
   * typed as the base class, where every field is declared (an assignment in a subclass
   * would otherwise declare the field again for the type checker).
   * @returns {OverlayBase}
   */
  get state() {
    return this;
  }

  /**
   * Is flag `i` drawn: above the reader's confidence threshold and not dismissed?
   * @param {number} i
   */
  flagShown(i) {
    const f = this.report.flags[i];
    return !!f && (f.confidence ?? 1) >= this.minFlagConfidence && !this.dismissed.has(flagKey(f, this.text));
  }

  /**
   * The name a highlight is registered under in a palette ("lede-time" → "lede-hc-time").
   * @param {string} name
   * @param {string} [palette]
   */
  registeredName(name, palette = this.palette) {
    return (PALETTES[palette] || "lede-") + name.slice("lede-".length);
  }

  /**
   * Is the highlight `name` drawn now (its kind shown, nothing hidden by the shortcut)?
   * @param {string} name
   */
  nameVisible(name) {
    const kind = NAME_KIND[name];
    return !this.allHidden && !!kind && this.shown[kind] && (!this.supported || this.highlights.has(name));
  }

  /** @param {string} itemKind  "person", "quote", "time" or "flag" */
  kindVisible(itemKind) {
    const kind = CARD_KIND[itemKind];
    return !this.allHidden && (!kind || this.shown[kind]);
  }

  /** The shadow root the cards, chip and panel live in (made on first use). */
  ensureHost() {
    if (this.host && this.host.isConnected && this.shadow) return this.shadow;
    const doc = this.doc;
    // A host left by an earlier run of this copy (the overlay it belonged to is gone).
    for (const stale of hostsMade()) if (stale !== this.host && stale.ownerDocument === doc && !liveHosts.has(stale)) dropHost(stale);
    const host = doc.createElement("div");
    styleHost(host);
    const shadow = host.attachShadow({ mode: "closed" });
    // A constructed stylesheet, not a <style>: pages with `style-src 'none'` block the latter.
    try {
      const sheet = new (/** @type {any} */ (this.win).CSSStyleSheet)();
      sheet.replaceSync(SHADOW_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = doc.createElement("style");
      style.textContent = SHADOW_CSS;
      shadow.append(style);
    }
    doc.documentElement.append(host);
    // A page script that rewrites the host's style (to hide it) or marks it hidden or
    // inert gets it put back (one reset, then the observer sees our own style and stops).
    this.hostWatch = new MutationObserver(() => {
      for (const a of ["hidden", "popover", "inert"]) if (host.hasAttribute(a)) host.removeAttribute(a);
      if (host.style.cssText !== this.hostStyle) {
        host.style.cssText = "";
        styleHost(host);
      }
    });
    this.hostStyle = host.style.cssText;
    this.hostWatch.observe(host, { attributes: true, attributeFilter: ["style", "hidden", "popover", "inert"] });
    hostsMade().add(host);
    liveHosts.add(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }

  /** Removes the host (only ours) and forgets the elements in it. */
  removeHost() {
    if (this.hostWatch) this.hostWatch.disconnect();
    this.hostWatch = null;
    if (this.host) dropHost(this.host);
    this.host = this.shadow = this.chip = this.card = this.panel = this.layer = this.focusLayer = null;
  }
}

/** Hosts whose overlay is alive (not destroyed). */
const liveHosts = new WeakSet();

/** @param {HTMLElement} host */
function dropHost(host) {
  liveHosts.delete(host);
  hostsMade().delete(host);
  host.remove();
}
