/**
 * Stage 0 in the browser: a read-only walk of the DOM → the `Page` the wasm reads
 * (`src/article/mod.rs`), plus, for every block, where each character of its text
 * sits in the page's text nodes, so the overlay can turn the engine's offsets back
 * into DOM Ranges without touching a single text node.
 *
 * The block rules are the ones `docs/page.md` specifies and `src/article/html.rs`
 * implements for the CLI; keep the three in step, or the CLI and the extension pick
 * different article bodies (the end-to-end test compares the two on saved pages):
 *   - a block element's text is its own text, excluding nested block elements; the
 *     text before and after a nested block become separate blocks ("runs");
 *   - every whitespace run (Rust's `char::is_whitespace`) becomes one space, and the
 *     block text is trimmed; `<br>` counts as whitespace, two in a row end the run;
 *   - skipped with their content: SKIP_TAGS, `hidden`, `aria-hidden="true"`, inline
 *     `display:none` / `visibility:hidden` (attributes only, so that the CLI, which
 *     has no style engine, sees the same page);
 *   - `path` is every element from `html` down to the block, `tag.class#id[itemprop=x][role=y]`;
 *     `ids` their document-order numbers; `link_chars` counts code points inside `<a>`.
 *
 * Input: a Document (live, or detached from DOMParser). Output: {@link Extracted}.
 *
 * Editors are the reader's: `textarea`, `input` and `contenteditable` elements (and a
 * document in design mode) are never read, so an unsaved draft never reaches the engine.
 *
 * Example:
 *   const {page, sources} = extract(document);
 *   // page.blocks[3].text === "It rained a lot."; sources[3] locates each of its characters
 *
 * An ES module (bundled into the content script by scripts/build-extension.mjs).
 */
import { Run, codePoints, isWs, wellFormed } from "./blocktext.js";
import { Frame, isEditor, isHidden, segment, tagOf } from "./paths.js";
import { runSliced, runToEnd, yieldToPage } from "./slices.js";
import { TextMap } from "./textmap.js";

/**
 * @typedef {object} Extracted
 * @property {import("./messages.js").Page} page  what is sent to the engine
 * @property {import("./textmap.js").BlockSource[]} sources  parallel to page.blocks; stays in this world
 * @property {Document} doc
 * @property {boolean} sawShadow  the walk entered a shadow root or a slot
 */

export const { extract, extractSliced } = (() => {
  "use strict";

  /** Elements that start a block; text inside any other element belongs to the nearest one. */
  const BLOCK_TAGS = new Set([
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt",
    "figcaption", "div", "section", "article",
    "html", "body", "main", "header", "footer", "nav", "aside", "ul", "ol", "dl", "table",
    "thead", "tbody", "tfoot", "tr", "caption", "form", "fieldset", "legend", "figure",
    "address", "details", "summary", "hgroup", "menu", "center", "dialog",
  ]);

  /** Elements skipped with everything inside them (never prose, or the reader's own editors). */
  const SKIP_TAGS = new Set([
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "select", "option", "textarea", "button", "input",
    "img", "picture", "source", "map", "link", "meta", "title",
  ]);

  /** Nesting past this depth is read as the plain text of the element at the cap (as in the CLI). */
  const MAX_DEPTH = 160;

  /** Nodes visited between two chances to pause the walk (about 1 ms of work on a laptop). */
  const STEP = 400;

  const ITEMPROP_META = new Set(["datepublished", "datemodified", "datecreated", "headline"]);
  const HEADER_HINTS = [
    "byline", "dateline", "article-meta", "post-meta", "entry-meta", "article-header",
    "post-header", "entry-header", "posted-on", "published",
  ];

  class Walker {
    constructor() {
      /** @type {import("./messages.js").Block[]} */
      this.blocks = [];
      /** @type {import("./textmap.js").BlockSource[]} */
      this.sources = [];
      this.nextId = 0;
      this.steps = 0;
      /** Whether the walk entered a shadow root or a slot (only then can a block span two trees). */
      this.sawShadow = false;
    }

    /**
     * Emits the run as a block when it holds text, then empties it.
     * @param {Run} run
     */
    flush(run) {
      let text = run.chunks.join("");
      let len = text.length;
      if (run.lastSpace && len > 0) len--; // the only whitespace trim() can find
      if (len > 0) {
        text = wellFormed(text.slice(0, len));
        this.blocks.push({
          text,
          tag: run.tag,
          path: run.frame.path,
          link_chars: Math.min(run.linkChars, codePoints(text, 0, text.length)),
          ids: run.frame.ids,
        });
        const ni = Int32Array.from(run.ni);
        const no = Int32Array.from(run.no);
        this.sources.push({ nodes: run.nodes, ni: ni.subarray(0, len), no: no.subarray(0, len), el: run.frame.el, crossesTrees: this.sawShadow && spansTrees(run.nodes) });
      }
      run.reset();
    }

    /**
     * A generator so that the content script can pause the walk (see `extractSliced`):
     * it yields (nothing) every STEP nodes; `extract` simply runs it to the end.
     * @param {Element} el
     * @param {Frame} frame
     * @param {Run} run
     * @param {boolean} inLink
     * @param {number} depth
     * @param {string} [tag]
     * @returns {Generator<undefined, void>}
     */
    *walk(el, frame, run, inLink, depth, tag = tagOf(el)) {
      if (depth >= MAX_DEPTH) {
        const doc = el.ownerDocument;
        const tw = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
        for (let t = /** @type {Text|null} */ (tw.nextNode()); t; t = /** @type {Text|null} */ (tw.nextNode())) {
          run.push(t, t.data, inLink);
          if (++this.steps % STEP === 0) yield;
        }
        return;
      }
      // Composed (rendered) order: a shadow host's children are its open shadow root's,
      // a <slot> stands for the light nodes assigned to it. `list` is null on the plain path.
      const list = composedChildren(el, tag);
      if (list) this.sawShadow = true;
      let i = 0;
      for (let child = list ? list[0] : el.firstChild; child; child = list ? list[++i] : child.nextSibling) {
        if (++this.steps % STEP === 0) yield;
        const type = child.nodeType;
        if (type === 3 /* TEXT_NODE */) {
          const text = /** @type {Text} */ (child);
          run.push(text, text.data, inLink);
          continue;
        }
        if (type !== 1 /* ELEMENT_NODE */) continue;
        const childEl = /** @type {Element} */ (child);
        const tag = tagOf(childEl);
        if (tag === "br") {
          run.brs++;
          if (run.brs >= 2) this.flush(run);
          else run.push(null, " ", false);
          continue;
        }
        if (SKIP_TAGS.has(tag) || isHidden(childEl) || isEditor(childEl)) continue;
        const childFrame = new Frame(frame, childEl, this.nextId++);
        const link = inLink || tag === "a";
        if (BLOCK_TAGS.has(tag)) {
          this.flush(run);
          const inner = new Run(tag, childFrame);
          yield* this.walk(childEl, childFrame, inner, link, depth + 1, tag);
          this.flush(inner);
        } else {
          yield* this.walk(childEl, childFrame, run, link, depth + 1, tag);
        }
      }
    }
  }

  /** @type {Node[]} */
  const NO_CHILDREN = [];

  /**
   * The children of `el` in the flat tree, when they differ from its DOM children:
   * an element with an open shadow root shows that root's children (its own light
   * children appear only where a <slot> takes them); a <slot> inside a shadow tree
   * shows its assigned nodes, or its own children (the fallback) when none is
   * assigned. Null for every other element (the caller walks firstChild/nextSibling).
   * Closed shadow roots are out of reach of a content script and stay unread.
   * @param {Element} el
   * @param {string} tag
   * @returns {Node[]|null}
   */
  function composedChildren(el, tag) {
    const root = el.shadowRoot;
    if (root) return root.firstChild ? [...root.childNodes] : NO_CHILDREN;
    const slot = /** @type {HTMLSlotElement} */ (el);
    if (tag === "slot" && typeof slot.assignedNodes === "function" && el.getRootNode() !== el.ownerDocument) {
      const assigned = slot.assignedNodes();
      if (assigned.length) return assigned;
    }
    return null;
  }

  /**
   * Whether the text nodes lie in more than one tree (document, shadow roots): a Range cannot span two.
   * @param {Node[]} nodes
   */
  function spansTrees(nodes) {
    if (nodes.length < 2) return false;
    const first = nodes[0].getRootNode();
    return nodes.some((n) => n.getRootNode() !== first);
  }

  /**
   * The parent in the flat tree: through a shadow root to its host.
   * @param {Node} node
   * @returns {Element|null}
   */
  function composedParent(node) {
    if (node.parentElement) return node.parentElement;
    const p = /** @type {ShadowRoot|null} */ (node.parentNode);
    return p && p.host ? p.host : null;
  }

  /**
   * Every element of the document, shadow trees' elements right after their host.
   * @param {ParentNode} root
   * @param {Element[]} out
   */
  function allElements(root, out = []) {
    for (const el of root.querySelectorAll("*")) {
      out.push(el);
      if (el.shadowRoot) allElements(el.shadowRoot, out);
    }
    return out;
  }

  /**
   * @param {Element} el
   */
  function isArticleContainer(el) {
    const n = tagOf(el);
    if (n === "article" || n === "main") return true;
    if ((el.getAttribute("role") || "").toLowerCase() === "main") return true;
    return (el.getAttribute("itemprop") || "").split(/\s+/).includes("articleBody");
  }

  /**
   * @param {Element} el
   */
  function textsJoined(el) {
    const parts = [];
    const tw = el.ownerDocument.createTreeWalker(el, 4);
    for (let t = tw.nextNode(); t; t = tw.nextNode()) parts.push(/** @type {Text} */ (t).data);
    return parts.join(" ").split(/\s+/).filter(Boolean).join(" ");
  }

  /**
   * Metas, JSON-LD scripts and `<time>` elements in document order, hidden ones too.
   * @param {Document} doc
   */
  function collectMeta(doc) {
    /** @type {import("./messages.js").MetaItem[]} */
    const out = [];
    const passedFirstP = new Set();
    // Linear in the size of the DOM, not in elements × depth (a page nested 2,000 deep was
    // one 704 ms task): ancestors already walked up from an earlier <p> are not walked
    // again, and a <time>'s ancestors are summed up once per element (memo below).
    const walkedUp = new WeakSet();
    /** @typedef {{header: boolean, container: Element|null}} Above */
    /** @type {WeakMap<Element, Above>} */
    const memo = new WeakMap();
    /**
     * For `a` and its ancestors: is one a header (tag or hint), and the innermost article container.
     * @param {Element|null} a
     * @returns {Above}
     */
    const above = (a) => {
      if (!a) return { header: false, container: null };
      const m = memo.get(a);
      if (m) return m;
      /** @type {Element[]} */
      const chain = [];
      for (let x = /** @type {Element|null} */ (a); x && !memo.has(x); x = composedParent(x)) chain.push(x);
      const top = composedParent(chain[chain.length - 1]);
      let up = (top && memo.get(top)) || { header: false, container: null };
      for (let i = chain.length - 1; i >= 0; i--) {
        const x = chain[i];
        const label = `${x.getAttribute("class") || ""} ${x.getAttribute("id") || ""}`.toLowerCase();
        up = { header: up.header || tagOf(x) === "header" || HEADER_HINTS.some((h) => label.includes(h)), container: isArticleContainer(x) ? x : up.container };
        memo.set(x, up);
      }
      return up;
    };
    for (const el of allElements(doc)) {
      const name = tagOf(el);
      if (name === "meta") {
        const key = el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop");
        const content = el.getAttribute("content");
        if (key !== null && content !== null) out.push({ kind: "meta", name: key.trim(), content: content.trim() });
        continue;
      }
      if (name === "script") {
        if ((el.getAttribute("type") || "").trim().toLowerCase() === "application/ld+json") {
          out.push({ kind: "json_ld", text: el.textContent || "" });
        }
        continue;
      }
      if (name === "p") {
        if ((el.textContent || "").trim()) {
          for (let a = composedParent(el); a && !walkedUp.has(a); a = composedParent(a)) {
            walkedUp.add(a);
            if (isArticleContainer(a)) passedFirstP.add(a);
          }
        }
      } else if (name === "time") {
        // In a header, or in an article container no <p> with text has been passed in yet.
        // Containers nest: once the innermost one has seen a <p>, every outer one has too.
        const up = above(composedParent(el));
        const inHeader = up.header || (!!up.container && !passedFirstP.has(up.container));
        out.push({
          kind: "time",
          datetime: (el.getAttribute("datetime") || "").trim(),
          text: textsJoined(el),
          in_header: inHeader,
        });
      }
      const ip = el.getAttribute("itemprop");
      if (ip) {
        for (const tok of ip.split(/\s+/).filter(Boolean)) {
          if (!ITEMPROP_META.has(tok.toLowerCase())) continue;
          const c = el.getAttribute("content") ?? el.getAttribute("datetime");
          if (c !== null) out.push({ kind: "meta", name: tok, content: c.trim() });
        }
      }
    }
    return out;
  }

  /**
   * Walks `doc` (never modifying it).
   * @param {Document} doc
   * @param {{url?: string|null}} [opts]
   * @returns {Extracted}
   */
  function extract(doc, opts = {}) {
    return runToEnd(extractJob(doc, opts));
  }

  /**
   * The same walk, giving the main thread back whenever a slice has run for
   * `budgetMs`, so that a huge page does not freeze while Lede reads it.
   * @param {Document} doc
   * @param {{url?: string|null, budgetMs?: number}} [opts]
   * @returns {Promise<Extracted>}
   */
  function extractSliced(doc, opts = {}) {
    return runSliced(extractJob(doc, opts), opts.budgetMs ?? 20, yieldToPage);
  }

  /**
   * @param {Document} doc
   * @param {{url?: string|null}} opts
   * @returns {Generator<undefined, Extracted>}
   */
  function* extractJob(doc, opts) {
    const root = doc.documentElement;
    const w = new Walker();
    // A document in design mode is one editor: nothing in it is read.
    if (root && doc.designMode !== "on") {
      const frame = new Frame(null, root, 0);
      const run = new Run(tagOf(root), frame);
      w.nextId = 1;
      yield* w.walk(root, frame, run, false, 0);
      w.flush(run);
    }
    yield;
    const url = opts.url !== undefined ? opts.url : doc.location ? doc.location.href : null;
    return {
      page: { url, blocks: w.blocks, meta: collectMeta(doc) },
      sources: w.sources,
      doc,
      sawShadow: w.sawShadow,
    };
  }

  return { extract, extractSliced };
})();

export { TextMap, yieldToPage, segment, wellFormed, isWs as isWhitespaceCode };
