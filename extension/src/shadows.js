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
 * Input: a `Lede.TextMap` (its parts know the text nodes of every analysed block).
 * Output: the shadow roots it touched (the overlay passes them to hit-testing).
 *
 * Example:
 *   const roots = Lede.shadowStyles.rootsOf(map); // [ShadowRoot of <news-story>]
 *   Lede.shadowStyles.adopt(roots);                // now painted in Firefox too
 *
 * A classic script (content scripts cannot be ES modules): it adds to `globalThis.Lede`.
 */
(() => {
  "use strict";
  const Lede = (globalThis.Lede = globalThis.Lede || {});
  if (Lede.shadowStyles) return;

  /**
   * The rules of content.css, without its comments, written here by
   * `node scripts/sync-highlight-css.mjs`. A constructed sheet needs the text, and a
   * content script cannot read its own CSS file without a network API; the end-to-end
   * test checks that both carry exactly the same rules.
   */
  const HIGHLIGHT_CSS = `
::highlight(lede-person) {
  background-color: rgba(255, 190, 60, 0.14);
  text-decoration-line: underline;
  text-decoration-style: solid;
  text-decoration-color: #c36f00;
  text-decoration-thickness: 2px;
}
::highlight(lede-person-mentioned) {
  background-color: rgba(255, 190, 60, 0.07);
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: #c36f00;
  text-decoration-thickness: 2px;
}
::highlight(lede-quote) {
  background-color: rgba(70, 130, 235, 0.14);
  text-decoration-line: underline;
  text-decoration-style: double;
  text-decoration-color: #4b79d4;
  text-decoration-thickness: 1px;
}
::highlight(lede-time) {
  background-color: rgba(50, 170, 90, 0.14);
  text-decoration-line: underline;
  text-decoration-style: dashed;
  text-decoration-color: #248f48;
  text-decoration-thickness: 2px;
}
::highlight(lede-flag) {
  background-color: rgba(230, 60, 60, 0.14);
  text-decoration-line: underline;
  text-decoration-style: wavy;
  text-decoration-color: #d64646;
  text-decoration-thickness: 1.5px;
}
::highlight(lede-focus) {
  background-color: rgba(255, 230, 0, 0.75);
  color: #000;
}
::highlight(lede-hc-person) {
  background-color: #ffd766;
  color: #000;
  text-decoration-line: underline;
  text-decoration-style: solid;
  text-decoration-color: #000;
  text-decoration-thickness: 3px;
}
::highlight(lede-hc-person-mentioned) {
  background-color: #fff0c2;
  color: #000;
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: #000;
  text-decoration-thickness: 3px;
}
::highlight(lede-hc-quote) {
  background-color: #cfe0ff;
  color: #000;
  text-decoration-line: underline;
  text-decoration-style: double;
  text-decoration-color: #000;
  text-decoration-thickness: 2px;
}
::highlight(lede-hc-time) {
  background-color: #c8f0d2;
  color: #000;
  text-decoration-line: underline;
  text-decoration-style: dashed;
  text-decoration-color: #000;
  text-decoration-thickness: 3px;
}
::highlight(lede-hc-flag) {
  background-color: #ffc9c9;
  color: #000;
  text-decoration-line: underline;
  text-decoration-style: wavy;
  text-decoration-color: #000;
  text-decoration-thickness: 2px;
}
`;

  /** Roots that have our sheet (a sheet seen through two wrappers need not compare equal in Firefox). */
  const adopted = new WeakSet();

  /** One sheet per document (a constructed sheet can only be adopted in its own document). */
  const sheets = new WeakMap();

  function sheetFor(doc) {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new (doc.defaultView || globalThis).CSSStyleSheet();
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
        for (let r = node.getRootNode(); r && r.host; r = r.host.getRootNode()) roots.add(r);
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
        const view = root.wrappedJSObject || root;
        // push, not assignment: the page's sheets stay where they are, ours comes last.
        view.adoptedStyleSheets.push(sheet);
        adopted.add(root);
        n++;
      } catch (e) {
        console.warn("Lede: could not style highlights in a shadow root:", e && e.message);
      }
    }
    return n;
  }

  Lede.shadowStyles = { HIGHLIGHT_CSS, rootsOf, adopt };
})();
