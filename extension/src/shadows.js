/**
 * Highlight styles inside the page's own shadow trees.
 *
 * Why: `content.css` (the `::highlight()` rules) is a document stylesheet. Firefox
 * (140) applies a tree's `::highlight()` rules only to text of that tree, so text
 * in a custom element's shadow root gets no paint at all; Chromium (148) paints it
 * through highlight inheritance from the host, unless the shadow tree styles that
 * pseudo-element itself. So every shadow root that holds highlighted text adopts a
 * constructed stylesheet with the same rules. `adoptedStyleSheets` is not the DOM
 * (no node is added, no MutationObserver fires) and the root's own sheets stay:
 * ours is appended, once.
 *
 * The rules are content.css's, turned into a module by scripts/build-extension.mjs at
 * build time (a content script cannot read its own CSS file without a network API), so
 * the document and the shadow roots get one sheet, written once.
 *
 * Input: a TextMap (extract.js; its parts know the text nodes of every analysed block).
 * Output: the shadow roots it touched (the overlay passes them to hit-testing).
 *
 * Example:
 *   const roots = rootsOf(map); // [ShadowRoot of <news-story>]
 *   adopt(roots);               // now painted in Firefox too
 */
import { HIGHLIGHT_CSS } from "../build/highlight-css.js";

export const { rootsOf, adopt } = (() => {

  /** Roots that have our sheet (a sheet seen through two wrappers need not compare equal in Firefox). */
  const adopted = new WeakSet();

  /** One sheet per document (a constructed sheet can only be adopted in its own document). */
  const sheets = new WeakMap();

  /** @param {Document} doc @returns {CSSStyleSheet} */
  function sheetFor(doc) {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new (/** @type {any} */ (doc.defaultView || globalThis).CSSStyleSheet)();
      sheet.replaceSync(HIGHLIGHT_CSS);
      sheets.set(doc, sheet);
    }
    return sheet;
  }

  /**
   * The shadow roots holding text of the map's blocks, outermost first.
   * @param {{parts: Array<{source: {nodes: Node[]}}>}} map
   * @returns {ShadowRoot[]}
   */
  function rootsOf(map) {
    const roots = new Set();
    for (const part of map.parts || []) {
      let last = null;
      for (const node of part.source.nodes) {
        // Consecutive text nodes of one block nearly always share a parent: skip the walk up.
        if (node.parentNode === last) continue;
        last = node.parentNode;
        // Every shadow root up the chain: a nested one's text inherits nothing from the outer tree's sheets either.
        for (let r = /** @type {any} */ (node.getRootNode()); r && r.host; r = r.host.getRootNode()) roots.add(r);
      }
    }
    return [...roots];
  }

  /**
   * Appends the highlight sheet to each root that does not have it yet.
   * @param {ShadowRoot[]} roots
   * @returns {number} how many roots adopted it now
   */
  function adopt(roots) {
    let n = 0;
    for (const root of roots) {
      try {
        const sheet = sheetFor(root.ownerDocument);
        if (adopted.has(root)) continue;
        // Firefox: a content script's (Xray) view of the page's ObservableArray is neither
        // iterable nor pushable, so go through the page's own view of the root.
        const view = /** @type {any} */ (root).wrappedJSObject || root;
        // push, not assignment: the page's sheets stay where they are, ours comes last.
        view.adoptedStyleSheets.push(sheet);
        adopted.add(root);
        n++;
      } catch (e) {
        console.warn("Lede: could not style highlights in a shadow root:", e instanceof Error ? e.message : e);
      }
    }
    return n;
  }

  return { rootsOf, adopt };
})();
