/**
 * Elements as the walk (extract.js) names and judges them: the path segment
 * `tag.class#id[itemprop=…][role=…]` with its class caps, the lazily built path of an
 * element on the walk's stack, and the attribute rules for hidden elements and editors.
 * The same caps and rules as `src/article/html.rs` (docs/page.md).
 */

/**
 * Class tokens kept per path segment, and characters kept per token: a page may put a
 * megabyte in one `class` attribute, and every block below it repeats the path.
 * The same caps as `src/article/html.rs` (MAX_CLASSES, MAX_CLASS_CHARS).
 */
export const MAX_CLASSES = 16;
export const MAX_CLASS_CHARS = 64;

/**
 * @param {Element} el
 */
export function tagOf(el) {
  return (el.localName || el.nodeName || "").toLowerCase();
}

/**
 * Is this element an editor (`contenteditable` other than "false")? Its text is the
 * reader's draft, not the article.
 * @param {Element} el
 */
export function isEditor(el) {
  const ce = el.getAttribute("contenteditable");
  return ce !== null && ce.trim().toLowerCase() !== "false";
}

/**
 * @param {Element} el
 */
export function isHidden(el) {
  if (el.hasAttribute("hidden")) return true;
  const aria = el.getAttribute("aria-hidden");
  if (aria && aria.trim().toLowerCase() === "true") return true;
  const style = el.getAttribute("style");
  if (style) {
    const s = style.replace(/\s+/g, "").toLowerCase();
    if (s.includes("display:none") || s.includes("visibility:hidden")) return true;
  }
  return false;
}

/**
 * `tag.class1.class2#id[itemprop=x][role=y]`, never containing a space.
 * @param {Element} el
 */
export function segment(el) {
  let s = tagOf(el);
  const cls = el.getAttribute("class");
  // One per class token, in attribute order (docs/page.md), at most MAX_CLASSES of them,
  // each cut to MAX_CLASS_CHARS characters (code points). The split stops early: the
  // rest of a huge attribute is never copied.
  if (cls) {
    let n = 0;
    for (const m of cls.matchAll(/[^\t\n\f\r ]+/g)) {
      if (n++ >= MAX_CLASSES) break;
      const c = m[0];
      s += "." + (c.length > MAX_CLASS_CHARS ? [...c.slice(0, 2 * MAX_CLASS_CHARS)].slice(0, MAX_CLASS_CHARS).join("") : c);
    }
  }
  const id = (el.getAttribute("id") || "").trim().replace(/\s/g, "_");
  if (id) s += "#" + id;
  for (const attr of ["itemprop", "role"]) {
    const v = el.getAttribute(attr);
    if (v) for (const tok of v.split(/\s+/).filter(Boolean)) s += `[${attr}=${tok}]`;
  }
  return s;
}

/**
 * One element on the walk's stack. Its path and ids are built only when a block
 * inside it has text: most elements of a page never need theirs, and building
 * every element's path string eagerly was most of the walk's time on large pages.
 */
export class Frame {
  /**
   * @param {Frame|null} parent
   * @param {Element} el
   * @param {number} id
   */
  constructor(parent, el, id) {
    this.parent = parent;
    this.el = el;
    this.id = id;
    /** @type {string|null} */
    this._path = null;
    /** @type {number[]|null} */
    this._ids = null;
  }
  /** @returns {string} */
  get path() {
    if (this._path === null) this._path = this.parent ? `${this.parent.path} ${segment(this.el)}` : segment(this.el);
    return this._path;
  }
  /** @returns {number[]} */
  get ids() {
    if (this._ids === null) this._ids = this.parent ? this.parent.ids.concat(this.id) : [this.id];
    return this._ids;
  }
}
