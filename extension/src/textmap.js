/**
 * From offsets in the engine's article text back to the page: the `TextMap` turns
 * [start, end) in the report's `text` (the selected blocks joined with "\n") into DOM
 * Ranges, using where the walk (extract.js) found each character of each block.
 *
 * Example:
 *   const map = TextMap.forReport(extract(document), report);
 *   map.ranges(10, 24);   // [Range] over "Rhona Talbridge", one per block it touches
 */

/**
 * Where the characters of one block's text come from. `ni[k]` is the index into
 * `nodes` of the text node holding UTF-16 unit k (-1 for the space a `<br>` stands
 * for), `no[k]` the unit's offset in that node. A collapsed whitespace run maps to
 * its first character. `crossesTrees`: the nodes lie in more than one tree (a block
 * whose text runs from a shadow tree into slotted light DOM), so one Range per tree.
 * @typedef {{nodes: Text[], ni: Int32Array, no: Int32Array, el?: Element, crossesTrees?: boolean}} BlockSource
 */

/**
 * Turns offsets into the article text the engine returns (selected blocks joined
 * with "\n") back into DOM Ranges, one per block a span touches, so a quote that
 * runs over two paragraphs never paints the advert between them.
 */
export class TextMap {
  /**
   * @param {Document} doc  where the Ranges are made
   * @param {string} text  the joined article text (Report.text)
   * @param {Array<{start: number, length: number, source: BlockSource}>} parts  in text order
   */
  constructor(doc, text, parts) {
    this.doc = doc;
    this.text = text;
    this.parts = parts;
    /** Blocks of the report whose text did not match the page (left out). */
    this.mismatches = 0;
  }

  /**
   * Index of the last part starting at or before `offset`, or -1.
   * @param {number} offset
   */
  partAt(offset) {
    let lo = 0;
    let hi = this.parts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.parts[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * The Ranges covering [start, end) in the joined text (empty when nothing maps).
   * @param {number} start
   * @param {number} end
   * @returns {Range[]}
   */
  ranges(start, end) {
    /** @type {Range[]} */
    const out = [];
    if (!(end > start)) return out;
    let i = Math.max(0, this.partAt(start));
    for (; i < this.parts.length && this.parts[i].start < end; i++) {
      const p = this.parts[i];
      const ls = Math.max(start, p.start) - p.start;
      const le = Math.min(end, p.start + p.length) - p.start;
      if (le <= ls) continue;
      if (p.source.crossesTrees) out.push(...this.treeRanges(p.source, ls, le));
      else {
        const r = this.localRange(p.source, ls, le);
        if (r) out.push(r);
      }
    }
    return out;
  }

  /**
   * @param {BlockSource} src
   * @param {number} ls
   * @param {number} le
   * @returns {Range|null}
   */
  localRange(src, ls, le) {
    let a = ls;
    while (a < le && src.ni[a] < 0) a++;
    let b = le - 1;
    while (b >= a && src.ni[b] < 0) b--;
    if (b < a) return null;
    const startNode = src.nodes[src.ni[a]];
    const endNode = src.nodes[src.ni[b]];
    // The page may have replaced or shortened a node since the walk; skip rather than throw.
    if (!startNode.isConnected || !endNode.isConnected) return null;
    try {
      const r = this.doc.createRange();
      r.setStart(startNode, src.no[a]);
      r.setEnd(endNode, src.no[b] + 1);
      return r;
    } catch {
      return null;
    }
  }

  /**
   * `localRange` for a block whose text lies in several trees (shadow text around
   * slotted light text): one Range per stretch of units in the same tree, since a
   * Range whose ends lie in different trees collapses.
   * @param {BlockSource} src
   * @param {number} ls
   * @param {number} le
   * @returns {Range[]}
   */
  treeRanges(src, ls, le) {
    /** @type {Range[]} */
    const out = [];
    let from = -1;
    /** @type {Node|null} */
    let root = null;
    let lastNode = -1;
    for (let k = ls; k <= le; k++) {
      let r = null;
      if (k < le) {
        if (src.ni[k] < 0) continue;
        if (src.ni[k] === lastNode) continue;
        lastNode = src.ni[k];
        r = src.nodes[lastNode].getRootNode();
        if (r === root) continue;
      }
      if (from >= 0) {
        const range = this.localRange(src, from, k);
        if (range) out.push(range);
      }
      from = k;
      root = r;
    }
    return out;
  }

  /**
   * The map for an engine report on an extracted page. Blocks whose text the report
   * does not reproduce exactly are left out (their highlights would land wrong).
   * @param {{page: {blocks: Array<{text: string}>}, sources: BlockSource[], doc: Document}} extracted
   * @param {{text: string, blocks: Array<[number, number]>}} report
   */
  static forReport(extracted, report) {
    const parts = [];
    let mismatches = 0;
    for (const [index, start] of report.blocks || []) {
      const block = extracted.page.blocks[index];
      const source = extracted.sources[index];
      if (!block || !source) continue;
      if (report.text.substr(start, block.text.length) !== block.text) {
        mismatches++;
        continue;
      }
      parts.push({ start, length: block.text.length, source });
    }
    const map = new TextMap(extracted.doc, report.text, parts);
    map.mismatches = mismatches;
    return map;
  }

  /**
   * The map for text we rendered ourselves: `nodes[i]` holds the text starting at
   * `starts[i]`, character for character (the demo page).
   * @param {Document} doc
   * @param {string} text
   * @param {Array<{node: Text, start: number}>} pieces
   */
  static identity(doc, text, pieces) {
    const parts = pieces.map(({ node, start }) => {
      const n = node.data.length;
      const no = new Int32Array(n);
      for (let k = 0; k < n; k++) no[k] = k;
      return { start, length: n, source: { nodes: [node], ni: new Int32Array(n), no } };
    });
    return new TextMap(doc, text, parts);
  }
}
