/**
 * The highlights: turning the report's spans into Ranges, registering them with the
 * CSS Custom Highlight API (or drawing boxes in our shadow root where it is missing),
 * following the viewport on huge pages, and finding the highlight under a point.
 * No text node of the page is split, wrapped or rewritten.
 */
import { FLASH_MS, KIND_HIGHLIGHTS, LAZY_RANGES, PAINTED_MENTIONS, PALETTES, PRIORITY, el, rectContains } from "./common.js";
import { OverlayBase } from "./base.js";
import { runSliced, runToEnd, yieldToPage } from "../slices.js";

export class Highlights extends OverlayBase {
  /** Builds the Ranges, registers the highlights and listens for clicks. Returns counts per kind. */
  render() {
    return runToEnd(this.renderSteps());
  }

  /**
   * The same as `render`, giving the main thread back whenever a slice has run for
   * `budgetMs` (a huge article has tens of thousands of spans to turn into Ranges).
   * @param {number} [budgetMs]
   * @param {() => Promise<unknown>} [pause]  how to give the thread back
   */
  renderSliced(budgetMs = 20, pause = yieldToPage) {
    return runSliced(this.renderSteps(), budgetMs, pause);
  }

  /** `render`'s work, yielding (nothing) every few hundred spans. */
  *renderSteps() {
    this.clearHighlights();
    const r = this.report;
    const speakers = new Set(r.quotes.map((q) => q.speaker).filter((s) => s !== null && s !== undefined));
    /** @type {Array<[string, string, number, number[]]>} */
    const spans = [];
    r.people.forEach((p, i) => {
      const name = speakers.has(i) ? "lede-person" : "lede-person-mentioned";
      for (const m of p.mention_items) if (PAINTED_MENTIONS.has(m.kind)) spans.push([name, "person", i, m.span]);
    });
    r.quotes.forEach((q, i) => spans.push(["lede-quote", "quote", i, q.span]));
    r.times.forEach((t, i) => spans.push(["lede-time", "time", i, t.span]));
    // Flags under the reader's confidence threshold, or dismissed as "not a conflict", are not drawn.
    r.flags.forEach((f, i) => {
      if (this.flagShown(i)) f.evidence.forEach((e) => spans.push(["lede-flag", "flag", i, e]));
    });
    yield;
    for (let n = 0; n < spans.length; n++) {
      const [name, kind, index, span] = spans[n];
      if (n % 200 === 199) yield;
      if (!Array.isArray(span)) continue;
      for (const range of this.map.ranges(span[0], span[1])) {
        const item = { range, kind, index, span, name };
        let list = this.items.get(name);
        if (!list) this.items.set(name, (list = []));
        list.push(item);
        this.rangeItem.set(range, item);
      }
    }

    if (this.supported) {
      // One registration per highlight, once filled: filling registered highlights in
      // batches made every frame repaint all ranges so far (measured: worse in total).
      let total = 0;
      for (const items of this.items.values()) total += items.length;
      const lazy = total > LAZY_RANGES && typeof this.win.IntersectionObserver === "function";
      for (const [name, items] of this.items) {
        const h = new Highlight();
        if (!lazy) {
          for (let n = 0; n < items.length; n++) {
            h.add(items[n].range);
            if (n % 500 === 499) yield;
          }
        }
        h.priority = PRIORITY[name] || 0;
        this.highlights.set(name, h);
      }
      // Lazy: registered once the observer has filled them (its first callback), so
      // an older drawing stays visible until then instead of being replaced by empty ones.
      if (lazy) yield* this.followViewport();
      else {
        this.applyVisibility();
        this.markReady();
      }
    } else {
      let total = 0;
      for (const items of this.items.values()) total += items.length;
      if (total > LAZY_RANGES && typeof this.win.IntersectionObserver === "function") {
        this.state.near = new Set();
        yield* this.followViewport();
      }
      this.startBoxes();
      this.markReady();
    }
    this.doc.addEventListener("click", this.handleClick, true);
    this.doc.addEventListener("keydown", this.handleKey, true);
    return this.counts();
  }

  /**
   * On a page with more than LAZY_RANGES ranges, only the ranges whose element is
   * within a screen of the viewport sit in the registered highlights; an
   * IntersectionObserver adds and removes them as the reader scrolls. Why: the browser
   * paints the registered highlights' ranges in one task, and with ~30,000 of them that
   * task took 0.3–1.2 s. Clicks and the shortcut still know every range (`rangeItem`).
   */
  *followViewport() {
    /** @type {Map<Element, import("./base.js").Item[]>} */
    const byElement = new Map();
    for (const items of this.items.values()) {
      for (const it of items) {
        const n = it.range.startContainer;
        const el = n.nodeType === 1 ? /** @type {Element} */ (n) : n.parentElement;
        if (!el) continue;
        if (!byElement.has(el)) byElement.set(el, []);
        /** @type {import("./base.js").Item[]} */ (byElement.get(el)).push(it);
      }
    }
    yield;
    this.state.viewport = new this.win.IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          for (const it of byElement.get(e.target) || []) {
            if (this.near) {
              if (e.isIntersecting) this.near.add(it);
              else this.near.delete(it);
              continue;
            }
            const h = this.highlights.get(it.name);
            if (!h) continue;
            if (e.isIntersecting) h.add(it.range);
            else h.delete(it.range);
          }
        }
        if (this.near) this.schedulePaint();
        else if (!this.filled) {
          this.state.filled = true;
          this.applyVisibility();
          this.markReady();
        }
      },
      { rootMargin: "100% 0px 100% 0px" },
    );
    let n = 0;
    for (const el of byElement.keys()) {
      /** @type {IntersectionObserver} */ (this.viewport).observe(el);
      if (++n % 500 === 0) yield;
    }
  }

  /** Highlighted ranges per popup kind. */
  counts() {
    /**
     * @param {string} name
     */
    const n = (name) => (this.items.get(name) || []).length;
    return {
      people: n("lede-person") + n("lede-person-mentioned"),
      quotes: n("lede-quote"),
      times: n("lede-time"),
      flags: n("lede-flag"),
    };
  }

  applyVisibility() {
    if (!this.supported) {
      this.schedulePaint();
      return;
    }
    for (const [kind, names] of Object.entries(KIND_HIGHLIGHTS)) {
      for (const name of names) {
        const h = this.highlights.get(name);
        for (const palette of Object.keys(PALETTES)) {
          const reg = this.registeredName(name, palette);
          if (h && palette === this.palette && this.shown[/** @type {keyof import("../settings.js").Shown} */ (kind)] && !this.allHidden) CSS.highlights.set(reg, h);
          else CSS.highlights.delete(reg);
        }
      }
    }
  }

  /**
   * Switches the colour palette ("standard" or "contrast").
   * @param {string} palette
   */
  setPalette(palette) {
    if (!PALETTES[palette] || palette === this.palette) return;
    this.state.palette = palette;
    if (this.layer) this.layer.classList.toggle("contrast", palette === "contrast");
    this.applyVisibility();
  }

  startBoxes() {
    const shadow = this.ensureHost();
    let layer = this.layer;
    if (!layer) {
      layer = el(this.doc, "div", { class: "layer", "aria-hidden": "true" });
      const focusLayer = el(this.doc, "div", { class: "layer", "aria-hidden": "true" });
      this.state.layer = layer;
      this.state.focusLayer = focusLayer;
      shadow.prepend(layer, focusLayer);
    }
    layer.classList.toggle("contrast", this.palette === "contrast");
    if (!this.onLayout) {
      const onLayout = () => this.schedulePaint();
      this.state.onLayout = onLayout;
      this.win.addEventListener("scroll", onLayout, { capture: true, passive: true });
      this.win.addEventListener("resize", onLayout, { passive: true });
      if (typeof this.win.ResizeObserver === "function") {
        const watch = new this.win.ResizeObserver(onLayout);
        this.state.resizeWatch = watch;
        watch.observe(this.doc.documentElement);
      }
    }
    this.schedulePaint();
  }

  stopBoxes() {
    if (this.onLayout) {
      this.win.removeEventListener("scroll", this.onLayout, { capture: true });
      this.win.removeEventListener("resize", this.onLayout);
    }
    if (this.resizeWatch) this.resizeWatch.disconnect();
    if (this.paintQueued) this.win.cancelAnimationFrame(this.paintQueued);
    this.state.onLayout = this.state.resizeWatch = null;
    this.state.paintQueued = 0;
    if (this.layer) this.layer.replaceChildren();
    if (this.focusLayer) this.focusLayer.replaceChildren();
  }

  /** One repaint per frame, whatever asked for it (scroll, resize, a toggle). */
  schedulePaint() {
    if (this.supported || !this.layer || this.paintQueued) return;
    this.state.paintQueued = this.win.requestAnimationFrame(() => {
      this.state.paintQueued = 0;
      this.paintBoxes();
    });
  }

  /**
   * Draws a box per line of every visible range within a screen of the viewport, in
   * page coordinates (the host sits at the page's origin), lower priority first so a
   * flag paints over a name.
   */
  paintBoxes() {
    if (!this.layer) return;
    const boxes = [];
    const vh = this.win.innerHeight;
    const names = [...this.items.keys()].filter((n) => this.nameVisible(n)).sort((a, b) => (PRIORITY[a] || 0) - (PRIORITY[b] || 0));
    for (const name of names) {
      for (const it of this.items.get(name) || []) {
        if (this.near && !this.near.has(it)) continue;
        for (const rect of it.range.getClientRects()) {
          if (rect.bottom < -vh || rect.top > 2 * vh || rect.width < 1) continue;
          boxes.push(this.box(name, rect));
        }
      }
    }
    this.layer.replaceChildren(...boxes);
  }

  /**
   * @param {string} name
   * @param {DOMRect} rect
   */
  box(name, rect) {
    const b = this.doc.createElement("div");
    b.className = `box ${name}`;
    b.style.left = `${rect.left + this.win.scrollX}px`;
    b.style.top = `${rect.top + this.win.scrollY}px`;
    b.style.width = `${rect.width}px`;
    b.style.height = `${rect.height}px`;
    return b;
  }

  /**
   * The short "here it is" flash over `ranges`.
   * @param {Range[]} ranges
   */
  flash(ranges) {
    this.win.clearTimeout(this.focusTimer);
    if (this.supported) {
      CSS.highlights.set("lede-focus", new Highlight(...ranges));
      this.state.focusTimer = this.win.setTimeout(() => CSS.highlights.delete("lede-focus"), FLASH_MS);
    } else if (this.focusLayer) {
      const boxes = [];
      for (const r of ranges) for (const rect of r.getClientRects()) boxes.push(this.box("lede-focus", rect));
      this.focusLayer.replaceChildren(...boxes);
      this.state.focusTimer = this.win.setTimeout(() => this.focusLayer && this.focusLayer.replaceChildren(), FLASH_MS);
    }
  }

  /**
   * Scrolls the first of `ranges` to the middle of the screen and flashes them all.
   * "auto" (the page's own scroll behaviour) where a card opens beside them next.
   * @param {Range[]} ranges
   * @param {"smooth"|"auto"} behavior
   */
  show(ranges, behavior) {
    const node = ranges[0].startContainer;
    const target = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement;
    if (target && target.scrollIntoView) target.scrollIntoView({ block: "center", behavior });
    this.flash(ranges);
  }

  /**
   * Scrolls to [start, end) and flashes it with the `lede-focus` highlight.
   * @param {number[]|null|undefined} span
   */
  jumpTo(span) {
    const ranges = Array.isArray(span) ? this.map.ranges(span[0], span[1]) : [];
    if (!ranges.length) return false;
    this.show(ranges, "smooth");
    return true;
  }

  clearHighlights() {
    if (this.viewport) this.viewport.disconnect();
    this.state.viewport = null;
    if (this.supported) {
      // Only our own registrations: a newer overlay may already have drawn under these names.
      for (const [name, h] of this.highlights) {
        for (const palette of Object.keys(PALETTES)) {
          const reg = this.registeredName(name, palette);
          if (CSS.highlights.get(reg) === h) CSS.highlights.delete(reg);
        }
      }
    }
    this.stopBoxes();
    this.state.near = null;
    this.highlights.clear();
    this.items.clear();
    this.rangeItem.clear();
  }

  /**
   * The item under the point (x, y) in viewport coordinates, highest priority first,
   * or null. Uses `CSS.highlights.highlightsFromPoint` where the browser has it,
   * else the caret position under the point compared with every Range.
   * @param {number} x
   * @param {number} y
   */
  itemAt(x, y) {
    if (this.allHidden) return null;
    /**
     * @param {string} name
     */
    const visible = (name) => this.nameVisible(name);
    const reg = this.supported ? CSS.highlights : null;
    const fromPoint = reg && /** @type {any} */ (reg).highlightsFromPoint;
    if (reg && typeof fromPoint === "function") {
      try {
        // Ranges in the page's shadow trees are only reported for the roots named here.
        /** @type {Array<{highlight: Highlight, ranges: AbstractRange[]}>} */
        const hits = fromPoint.call(reg, x, y, { shadowRoots: this.shadowRoots || [] });
        // Current spec: {highlight, ranges}; early drafts returned the Highlight alone
        // (then the caret test below finds the range).
        if (hits.every((hit) => hit && hit.ranges)) {
          let best = null;
          for (const hit of hits) {
            for (const range of hit.ranges) {
              const item = this.rangeItem.get(/** @type {Range} */ (range));
              if (item && visible(item.name) && (!best || (PRIORITY[item.name] || 0) > (PRIORITY[best.name] || 0))) best = item;
            }
          }
          return best;
        }
      } catch {
        /* fall through to the caret test */
      }
    }
    const caret = this.caretAt(x, y);
    const names = [...this.items.keys()].filter(visible).sort((a, b) => (PRIORITY[b] || 0) - (PRIORITY[a] || 0));
    for (const name of names) {
      for (const item of this.items.get(name) || []) {
        const r = item.range;
        if (caret) {
          try {
            if (r.comparePoint(caret.node, caret.offset) !== 0) continue;
          } catch {
            continue; // a node in another tree
          }
        }
        for (const rect of r.getClientRects()) if (rectContains(rect, x, y)) return item;
      }
    }
    return null;
  }

  /**
   * @param {number} x
   * @param {number} y
   */
  caretAt(x, y) {
    const doc = this.doc;
    try {
      if (doc.caretPositionFromPoint) {
        const p = doc.caretPositionFromPoint(x, y, { shadowRoots: this.shadowRoots || [] });
        if (p) return { node: p.offsetNode, offset: p.offset };
      } else if (doc.caretRangeFromPoint) {
        const r = doc.caretRangeFromPoint(x, y);
        if (r) return { node: r.startContainer, offset: r.startOffset };
      }
    } catch {
      /* no caret here */
    }
    return null;
  }

  /**
   * Where an item's range starts in the analysed text (its span, or the part of it this range covers).
   * @param {import("./base.js").Item} it
   */
  spanOf(it) {
    return Array.isArray(it.span) ? it.span[0] : 0;
  }
}
