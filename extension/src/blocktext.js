/**
 * A block's text as the walk gathers it (extract.js): whitespace runs collapsed the way
 * Rust's `char::is_whitespace` sees them, lone surrogates made U+FFFD, and for every
 * UTF-16 unit the text node and offset it came from (textmap.js turns those back into
 * Ranges). The rules are docs/page.md's, as `src/article/html.rs` implements them.
 */

/**
 * Rust's `char::is_whitespace` (the Unicode White_Space property); all of it is in the BMP.
 * @param {number} c
 */
export function isWs(c) {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

/**
 * @param {string} s
 * @param {number} from
 * @param {number} to
 */
export function codePoints(s, from, to) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    // A low surrogate after a high one is the second half of one code point.
    if (c >= 0xdc00 && c <= 0xdfff && i > from && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    n++;
  }
  return n;
}

/**
 * `s` with every lone surrogate replaced by U+FFFD, the same length in UTF-16 units.
 * The engine receives UTF-8, where a lone surrogate cannot exist (the binding turns it
 * into U+FFFD); replacing it here keeps the block's text equal to the report's, so its
 * highlights are drawn.
 * @param {string} s
 */
export function wellFormed(s) {
  const str = /** @type {any} */ (s);
  if (typeof str.isWellFormed === "function") return str.isWellFormed() ? s : str.toWellFormed();
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** The text gathered for one block element between nested blocks. */
export class Run {
  /** @type {string[]} text pieces, joined when the block is emitted */
  chunks = [];
  /** UTF-16 units gathered */
  len = 0;
  lastSpace = false;
  /** code points inside links */
  linkChars = 0;
  /** `<br>`s in a row (two end the run) */
  brs = 0;
  /** @type {Text[]} the text nodes the units come from */
  nodes = [];
  /** @type {number[]} per unit: index into `nodes` (-1: the space a `<br>` stands for) */
  ni = [];
  /** @type {number[]} per unit: offset in its node */
  no = [];

  /**
   * @param {string} tag
   * @param {import("./paths.js").Frame} frame
   */
  constructor(tag, frame) {
    this.tag = tag;
    this.frame = frame;
  }

  /** Empties the run (after its block was emitted): every field as a new run has it. */
  reset() {
    Object.assign(this, new Run(this.tag, this.frame));
  }
  /**
   * Appends a text node's data (or a virtual space when `node` is null), collapsing whitespace.
   * @param {Text|null} node
   * @param {string} raw
   * @param {boolean} inLink
   */
  push(node, raw, inLink) {
    let nodeIdx = -1;
    if (node) {
      nodeIdx = this.nodes.length;
      this.nodes.push(node);
    }
    const n = raw.length;
    let i = 0;
    while (i < n) {
      if (isWs(raw.charCodeAt(i))) {
        if (this.len > 0 && !this.lastSpace) {
          this.chunks.push(" ");
          this.ni.push(nodeIdx);
          this.no.push(i);
          this.len++;
          this.lastSpace = true;
        }
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isWs(raw.charCodeAt(j))) j++;
      this.chunks.push(raw.slice(i, j));
      for (let k = i; k < j; k++) {
        this.ni.push(nodeIdx);
        this.no.push(k);
      }
      if (inLink) this.linkChars += codePoints(raw, i, j);
      this.len += j - i;
      this.lastSpace = false;
      this.brs = 0;
      i = j;
    }
  }
}
