/**
 * Drawing a report over a page, shared by the extension's content script and the
 * demo page (`www/`), so both show exactly the same thing.
 *
 * Input: a Report (UTF-16 offsets into `text`) and a `Lede.TextMap` from offsets to
 * DOM Ranges. Output: entries in `CSS.highlights` and one host element appended to
 * `document.documentElement`, whose shadow root holds the cards and the status chip.
 * Nothing else in the page changes: no text node is split, wrapped or rewritten
 * (the Custom Highlight API paints Ranges without touching the DOM), and every
 * string from the page or the report is inserted with `textContent`.
 *
 * Highlights (styled by `content.css`): `lede-person` (people who are quoted),
 * `lede-person-mentioned` (people never quoted), `lede-quote`, `lede-time`,
 * `lede-flag`, and `lede-focus` (a short flash after "jump to").
 *
 * Example:
 *   const map = Lede.TextMap.forReport(Lede.extract(document), report);
 *   const overlay = new Lede.Overlay({ doc: document, report, map });
 *   overlay.render();
 *   overlay.setShown("quotes", false);
 *
 * A classic script: it adds `Lede.Overlay` to `globalThis.Lede`.
 */
(() => {
  "use strict";
  const Lede = (globalThis.Lede = globalThis.Lede || {});
  if (Lede.Overlay) return;

  /** Highlight names per overlay kind (the popup's toggles). */
  const KIND_HIGHLIGHTS = Object.freeze({
    people: ["lede-person", "lede-person-mentioned"],
    quotes: ["lede-quote"],
    times: ["lede-time"],
    flags: ["lede-flag"],
  });
  /** When highlights overlap, the click goes to the higher one: a flag says most. */
  const PRIORITY = { "lede-flag": 4, "lede-person": 3, "lede-person-mentioned": 3, "lede-time": 2, "lede-quote": 1 };
  /** Pronouns are resolved (they count as mentions) but not painted: "he" everywhere is noise. */
  const PAINTED_MENTIONS = new Set(["name", "alias", "description"]);
  const HOST_TAG = "lede-overlay";
  /** The overlay kind of each highlight name. */
  const NAME_KIND = Object.freeze({ "lede-person": "people", "lede-person-mentioned": "people", "lede-quote": "quotes", "lede-time": "times", "lede-flag": "flags" });
  /** Colour palettes (content.css): the registered name is the palette's prefix + the kind. */
  const PALETTES = Object.freeze({ standard: "lede-", contrast: "lede-hc-" });
  /** How long the "jump to" flash stays. */
  const FLASH_MS = 2000;

  const SHADOW_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .card {
      /* A fixed width: the host is 0×0, so shrink-to-fit would make every card its minimum. */
      position: absolute; width: min(24rem, calc(100vw - 16px));
      background: #fffdf8; color: #1d1d1f; border: 1px solid #c9c2b3; border-radius: 8px;
      box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px 10px;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left;
    }
    .card:focus-visible { outline: 2px solid #3b6fd8; outline-offset: 2px; }
    .card h2 { font-size: 16px; line-height: 1.3; margin: 0 28px 4px 0; font-weight: 650; }
    .card-flag h2 { font-size: 15px; }
    .card h3 { font-size: 12px; margin: 10px 0 2px; text-transform: uppercase; letter-spacing: .04em; color: #6b6456; font-weight: 600; }
    .card p { margin: 2px 0; }
    .card ul, .card ol { margin: 2px 0; padding-left: 1.2em; }
    .card li { margin: 3px 0; }
    .card .kind { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #7a7262; }
    .card .muted { color: #6b6456; }
    .card q { quotes: "\\201C" "\\201D"; font-style: italic; }
    .card button, .chip button, .panel button {
      font: inherit; font-size: 13px; color: #1f4fae; background: none; border: 1px solid transparent;
      border-radius: 4px; padding: 1px 4px; cursor: pointer; text-align: left;
    }
    .card button:hover, .panel button:hover { background: #eef2fb; }
    .card button:focus-visible, .chip button:focus-visible, .panel button:focus-visible { outline: 2px solid #3b6fd8; }
    .card .close { position: absolute; top: 6px; right: 6px; font-size: 18px; line-height: 1; color: #6b6456; padding: 2px 6px; }
    .card .actions { margin-top: 8px; }
    .chip {
      position: fixed; right: 12px; bottom: 12px; display: flex; align-items: center; gap: 4px;
      background: rgba(255,253,248,.94); color: #3d3a33; border: 1px solid #d8d1c2; border-radius: 999px;
      padding: 3px 6px 3px 10px; font: 12px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.12);
      max-width: calc(100vw - 24px);
    }
    .chip.beside-panel { right: calc(min(22rem, 100vw - 24px) + 12px); }
    .chip .text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .chip button { font-size: 12px; padding: 0 4px; }
    .chip.error { border-color: #d99; color: #8a1f1f; }
    .panel {
      position: fixed; top: 0; right: 0; bottom: 0; width: min(22rem, calc(100vw - 24px)); overflow: auto;
      background: #fffdf8; color: #1d1d1f; border-left: 1px solid #c9c2b3; padding: 0 12px 56px;
      font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; box-shadow: -4px 0 24px rgba(0,0,0,.16);
      text-align: left;
    }
    .panel:focus-visible { outline: 2px solid #3b6fd8; outline-offset: -2px; }
    .panel-head { position: sticky; top: 0; background: #fffdf8; display: flex; align-items: center; padding: 10px 0 6px; border-bottom: 1px solid #e4ddcf; }
    .panel-head h2 { font-size: 15px; margin: 0; flex: 1; font-weight: 650; }
    .panel-head .close { font-size: 18px; line-height: 1; color: #6b6456; padding: 2px 6px; }
    .panel h3 { font-size: 11px; margin: 14px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #6b6456; font-weight: 600; }
    .panel h4 { font-size: 12px; margin: 8px 0 2px; font-weight: 600; }
    .panel ul, .panel ol { list-style: none; margin: 0; padding: 0; }
    .panel .entry { display: block; width: 100%; padding: 3px 4px; color: #1d1d1f; }
    .panel .entry .label { display: block; color: #1f4fae; }
    .panel .entry .detail { display: block; font-size: 12px; color: #6b6456; }
    .panel .when { margin: 6px 0 0; }
    .panel .when > .date { display: block; font-weight: 600; font-size: 12px; padding-left: 4px; border-left: 3px solid #248f48; }
    .panel .when ul { margin-left: 7px; }
    .panel .muted { color: #6b6456; margin: 2px 4px; }
    /* Fallback drawing where the Highlight API is missing: boxes over the text, never over a click. */
    .layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
    .box { position: absolute; pointer-events: none; border-radius: 1px; }
    .box.lede-person { background: rgba(255,190,60,.14); border-bottom: 2px solid #c36f00; }
    .box.lede-person-mentioned { background: rgba(255,190,60,.07); border-bottom: 2px dotted #c36f00; }
    .box.lede-quote { background: rgba(70,130,235,.14); border-bottom: 3px double #4b79d4; }
    .box.lede-time { background: rgba(50,170,90,.14); border-bottom: 2px dashed #248f48; }
    .box.lede-flag { background: rgba(230,60,60,.14); border-bottom: 2px solid #d64646; outline: 1px dashed #d64646; }
    .contrast .box.lede-person { background: #ffd766; border-bottom: 3px solid #000; mix-blend-mode: multiply; }
    .contrast .box.lede-person-mentioned { background: #fff0c2; border-bottom: 3px dotted #000; mix-blend-mode: multiply; }
    .contrast .box.lede-quote { background: #cfe0ff; border-bottom: 3px double #000; mix-blend-mode: multiply; }
    .contrast .box.lede-time { background: #c8f0d2; border-bottom: 3px dashed #000; mix-blend-mode: multiply; }
    .contrast .box.lede-flag { background: #ffc9c9; border-bottom: 3px solid #000; outline: 1px dashed #000; mix-blend-mode: multiply; }
    .box.lede-focus { background: rgba(255,230,0,.55); }
    [hidden] { display: none !important; }
  `;

  function el(doc, tag, props = {}, children = []) {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function plural(n, one, many = one + "s") {
    return `${n} ${n === 1 ? one : many}`;
  }

  function rectContains(r, x, y) {
    return x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;
  }

  /** Words in a string, the way a reader counts them. */
  function countWords(s) {
    const m = s.match(/\S+/g);
    return m ? m.length : 0;
  }

  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  /** "11 May 2025", "May 2025", "2024", "1990–1999", "12–18 May 2025" from a timeline entry's days. */
  function dateHeading(e, t) {
    const [fy, fm, fd] = e.from.split("-").map(Number);
    const [ty, tm, td] = e.to.split("-").map(Number);
    const day = (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`;
    if (e.from === e.to) return t && t.label && /\d{4}/.test(t.label) ? t.label.replace(/,.*$/, "") : day(fy, fm, fd);
    if (fm === 1 && fd === 1 && tm === 12 && td === 31) return fy === ty ? String(fy) : `${fy}–${ty}`;
    const lastOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
    if (fd === 1 && td === lastOfMonth) {
      if (fy === ty && fm === tm) return `${MONTHS[fm - 1]} ${fy}`;
      return fy === ty ? `${MONTHS[fm - 1]}–${MONTHS[tm - 1]} ${fy}` : `${MONTHS[fm - 1]} ${fy} – ${MONTHS[tm - 1]} ${ty}`;
    }
    return `${day(fy, fm, fd)} – ${day(ty, tm, td)}`;
  }

  /** Above this many ranges, only those near the viewport are registered (followViewport). */
  const LAZY_RANGES = 3000;

  class Overlay {
    /**
     * @param {{doc: Document, report: import("./messages.js").Report, map: any, text?: string,
     *          shown?: {people: boolean, quotes: boolean, times: boolean, flags: boolean}}} opts
     *   `text`: what the offsets index (defaults to report.text, then map.text)
     */
    constructor({ doc, report, map, text, shown, palette }) {
      this.doc = doc;
      this.win = doc.defaultView || globalThis;
      this.report = report;
      this.map = map;
      this.text = text ?? report.text ?? map.text ?? "";
      this.shown = { people: true, quotes: true, times: true, flags: true, ...(shown || {}) };
      this.allHidden = false;
      /** @type {Map<string, Array<{range: Range, kind: string, index: number, span: number[]}>>} */
      this.items = new Map();
      /** @type {Map<string, Highlight>} */
      this.highlights = new Map();
      this.rangeItem = new Map();
      this.card = null;
      this.returnFocus = null;
      this.focusTimer = 0;
      this.palette = PALETTES[palette] ? palette : "standard";
      // Where the Custom Highlight API is missing, the same marks are drawn as boxes in
      // our shadow root (`paintBoxes`); the page's DOM is never touched either way.
      this.supported = typeof CSS !== "undefined" && !!CSS.highlights && typeof Highlight === "function";
      /** Items whose element is near the viewport (huge pages only; null = all). */
      this.near = null;
      this.paintQueued = 0;
      /** Resolves once the highlights are registered (on huge pages: after the first fill). */
      this.ready = new Promise((ok) => (this.markReady = ok));
      this.onClick = this.onClick.bind(this);
      this.onKey = this.onKey.bind(this);
    }

    /** Builds the Ranges, registers the highlights and listens for clicks. Returns counts per kind. */
    render() {
      const job = this.renderSteps();
      for (let step = job.next(); ; step = job.next()) if (step.done) return step.value;
    }

    /**
     * The same as `render`, giving the main thread back whenever a slice has run for
     * `budgetMs` (a huge article has tens of thousands of spans to turn into Ranges).
     * @param {number} [budgetMs]
     * @param {() => Promise<void>} [pause]  how to give the thread back
     */
    async renderSliced(budgetMs = 20, pause = () => new Promise((ok) => setTimeout(ok, 0))) {
      const job = this.renderSteps();
      let sliceStart = performance.now();
      for (;;) {
        const step = job.next();
        if (step.done) return step.value;
        if (performance.now() - sliceStart > budgetMs) {
          await pause();
          sliceStart = performance.now();
        }
      }
    }

    /** `render`'s work, yielding (nothing) every few hundred spans. */
    *renderSteps() {
      this.clearHighlights();
      const r = this.report;
      const speakers = new Set(r.quotes.map((q) => q.speaker).filter((s) => s !== null && s !== undefined));
      const spans = [];
      r.people.forEach((p, i) => {
        const name = speakers.has(i) ? "lede-person" : "lede-person-mentioned";
        p.mentions.forEach((m, k) => {
          const mk = (p.mention_kinds || [])[k] || "name";
          if (PAINTED_MENTIONS.has(mk)) spans.push([name, "person", i, m]);
        });
      });
      r.quotes.forEach((q, i) => spans.push(["lede-quote", "quote", i, q.span]));
      r.times.forEach((t, i) => spans.push(["lede-time", "time", i, t.span]));
      r.flags.forEach((f, i) => f.evidence.forEach((e) => spans.push(["lede-flag", "flag", i, e])));
      yield;
      for (let n = 0; n < spans.length; n++) {
        const [name, kind, index, span] = spans[n];
        if (n % 200 === 199) yield;
        if (!Array.isArray(span)) continue;
        for (const range of this.map.ranges(span[0], span[1])) {
          const item = { range, kind, index, span, name };
          if (!this.items.has(name)) this.items.set(name, []);
          this.items.get(name).push(item);
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
          this.near = new Set();
          yield* this.followViewport();
        }
        this.startBoxes();
        this.markReady();
      }
      this.doc.addEventListener("click", this.onClick, true);
      this.doc.addEventListener("keydown", this.onKey, true);
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
      /** @type {Map<Element, Array<{range: Range, name: string}>>} */
      const byElement = new Map();
      for (const items of this.items.values()) {
        for (const it of items) {
          const n = it.range.startContainer;
          const el = n.nodeType === 1 ? n : n.parentElement;
          if (!el) continue;
          if (!byElement.has(el)) byElement.set(el, []);
          byElement.get(el).push(it);
        }
      }
      yield;
      this.viewport = new this.win.IntersectionObserver(
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
            this.filled = true;
            this.applyVisibility();
            this.markReady();
          }
        },
        { rootMargin: "100% 0px 100% 0px" },
      );
      let n = 0;
      for (const el of byElement.keys()) {
        this.viewport.observe(el);
        if (++n % 500 === 0) yield;
      }
    }

    /** Highlighted ranges per popup kind. */
    counts() {
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
            if (h && palette === this.palette && this.shown[kind] && !this.allHidden) CSS.highlights.set(reg, h);
            else CSS.highlights.delete(reg);
          }
        }
      }
    }

    /** The name a highlight is registered under in a palette ("lede-time" → "lede-hc-time"). */
    registeredName(name, palette = this.palette) {
      return PALETTES[palette] + name.slice("lede-".length);
    }

    /** Is the highlight `name` drawn now (its kind shown, nothing hidden by the shortcut)? */
    nameVisible(name) {
      const kind = NAME_KIND[name];
      return !this.allHidden && !!kind && this.shown[kind] && (!this.supported || this.highlights.has(name));
    }

    /** Switches the colour palette ("standard" or "contrast"). */
    setPalette(palette) {
      if (!PALETTES[palette] || palette === this.palette) return;
      this.palette = palette;
      if (this.layer) this.layer.classList.toggle("contrast", palette === "contrast");
      this.applyVisibility();
    }

    // ── fallback drawing (no Highlight API) ───────────────────────────────────

    startBoxes() {
      const shadow = this.ensureHost();
      if (!this.layer) {
        this.layer = el(this.doc, "div", { class: "layer", "aria-hidden": "true" });
        this.focusLayer = el(this.doc, "div", { class: "layer", "aria-hidden": "true" });
        shadow.prepend(this.layer, this.focusLayer);
      }
      this.layer.classList.toggle("contrast", this.palette === "contrast");
      if (!this.onLayout) {
        this.onLayout = () => this.schedulePaint();
        this.win.addEventListener("scroll", this.onLayout, { capture: true, passive: true });
        this.win.addEventListener("resize", this.onLayout, { passive: true });
        if (typeof this.win.ResizeObserver === "function") {
          this.resizeWatch = new this.win.ResizeObserver(this.onLayout);
          this.resizeWatch.observe(this.doc.documentElement);
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
      this.onLayout = this.resizeWatch = null;
      this.paintQueued = 0;
      if (this.layer) this.layer.replaceChildren();
      if (this.focusLayer) this.focusLayer.replaceChildren();
    }

    /** One repaint per frame, whatever asked for it (scroll, resize, a toggle). */
    schedulePaint() {
      if (this.supported || !this.layer || this.paintQueued) return;
      this.paintQueued = this.win.requestAnimationFrame(() => {
        this.paintQueued = 0;
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

    box(name, rect) {
      const b = this.doc.createElement("div");
      b.className = `box ${name}`;
      b.style.left = `${rect.left + this.win.scrollX}px`;
      b.style.top = `${rect.top + this.win.scrollY}px`;
      b.style.width = `${rect.width}px`;
      b.style.height = `${rect.height}px`;
      return b;
    }

    /** The short "here it is" flash over `ranges`. */
    flash(ranges) {
      this.win.clearTimeout(this.focusTimer);
      if (this.supported) {
        CSS.highlights.set("lede-focus", new Highlight(...ranges));
        this.focusTimer = this.win.setTimeout(() => CSS.highlights.delete("lede-focus"), FLASH_MS);
      } else if (this.focusLayer) {
        const boxes = [];
        for (const r of ranges) for (const rect of r.getClientRects()) boxes.push(this.box("lede-focus", rect));
        this.focusLayer.replaceChildren(...boxes);
        this.focusTimer = this.win.setTimeout(() => this.focusLayer && this.focusLayer.replaceChildren(), FLASH_MS);
      }
    }

    /** Shows or hides one kind ("people", "quotes", "times", "flags"). */
    setShown(kind, on) {
      if (!(kind in KIND_HIGHLIGHTS)) return;
      this.shown[kind] = !!on;
      if (this.card && !this.kindVisible(this.card.itemKind)) this.closeCard();
      this.applyVisibility();
    }

    kindVisible(itemKind) {
      const kind = { person: "people", quote: "quotes", time: "times", flag: "flags" }[itemKind];
      return !this.allHidden && (!kind || this.shown[kind]);
    }

    /** The keyboard shortcut: hide everything Lede draws in this tab, or bring it back. */
    toggleAll() {
      this.allHidden = !this.allHidden;
      this.closeCard();
      this.closePanel();
      if (this.chip) this.chip.hidden = this.allHidden;
      this.applyVisibility();
      return !this.allHidden;
    }

    clearHighlights() {
      if (this.viewport) this.viewport.disconnect();
      this.viewport = null;
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
      this.near = null;
      this.highlights.clear();
      this.items.clear();
      this.rangeItem.clear();
    }

    /** Removes everything this overlay added. */
    destroy() {
      this.clearHighlights();
      if (this.supported) CSS.highlights.delete("lede-focus");
      this.doc.removeEventListener("click", this.onClick, true);
      this.doc.removeEventListener("keydown", this.onKey, true);
      this.win.clearTimeout(this.focusTimer);
      // A newer overlay's ensureHost has already replaced our host when it drew first.
      if (this.host) this.host.remove();
      this.host = this.shadow = this.chip = this.card = this.panel = this.layer = this.focusLayer = null;
    }

    // ── the host and its shadow root ──────────────────────────────────────────

    ensureHost() {
      if (this.host && this.host.isConnected) return this.shadow;
      const doc = this.doc;
      // A host left by an earlier copy of the extension (reloaded or updated while the
      // tab stayed open) belongs to a script that can no longer answer: replace it.
      for (const stale of doc.querySelectorAll(HOST_TAG)) stale.remove();
      const host = doc.createElement(HOST_TAG);
      // Inline !important styles: a page rule on `*` must not move or hide our host.
      // (Set through the CSSOM, which a page's style-src CSP does not block.)
      for (const [k, v] of [["position", "absolute"], ["top", "0"], ["left", "0"], ["width", "0"],
        ["height", "0"], ["z-index", "2147483647"], ["display", "block"], ["overflow", "visible"]]) {
        host.style.setProperty(k, v, "important");
      }
      const shadow = host.attachShadow({ mode: "open" });
      // A constructed stylesheet, not a <style>: pages with `style-src 'none'` block the latter.
      try {
        const sheet = new this.win.CSSStyleSheet();
        sheet.replaceSync(SHADOW_CSS);
        shadow.adoptedStyleSheets = [sheet];
      } catch {
        shadow.append(el(doc, "style", { text: SHADOW_CSS }));
      }
      doc.documentElement.append(host);
      this.host = host;
      this.shadow = shadow;
      return shadow;
    }

    /**
     * The small chip in the corner: publication date and its source, what was analysed,
     * and a button opening a keyboard-reachable list of people and flags.
     * @param {{error?: string, note?: string, quiet?: string}} [opts]
     *   `quiet`: the only thing to say (e.g. no article on this page): no counts, no list
     */
    showStatus(opts = {}) {
      const shadow = this.ensureHost();
      const doc = this.doc;
      if (this.chip) this.chip.remove();
      const chip = el(doc, "div", { class: "chip" + (opts.error ? " error" : ""), role: "status", "aria-label": "Lede" });
      const parts = ["Lede"];
      if (opts.error) parts.push(opts.error);
      else if (opts.quiet) parts.push(opts.quiet);
      else {
        const pub = this.report.published;
        parts.push(pub ? `published ${pub.value} (${pub.source})` : "no publication date found");
        if (this.report.truncated_at !== undefined && this.report.truncated_at !== null) {
          parts.push(`analysed the first ${countWords(this.text.slice(0, this.report.truncated_at))} words`);
        }
        parts.push(`${plural(this.report.people.length, "person", "people")}, ${plural(this.report.quotes.length, "quote")}, ${plural(this.report.flags.length, "flag")}`);
        if (opts.note) parts.push(opts.note);
      }
      chip.append(el(doc, "span", { class: "text", text: parts.join(" · ") }));
      if (!opts.error && !opts.quiet) {
        const list = el(doc, "button", { type: "button", "aria-expanded": "false", "aria-label": "Side panel: people, quotes, timeline, flags", "data-role": "panel", text: "☰" });
        list.addEventListener("click", () => this.togglePanel(list));
        chip.append(list);
      }
      const hide = el(doc, "button", { type: "button", "aria-label": "Hide the Lede status", text: "×" });
      hide.addEventListener("click", () => {
        this.closePanel();
        chip.hidden = true;
      });
      chip.append(hide);
      chip.hidden = this.allHidden;
      shadow.append(chip);
      this.chip = chip;
    }

    /**
     * The side panel: the article at a glance, every entry a button that scrolls to its
     * passage and opens its card. Sections: people (roles, quote counts), quotes grouped
     * by speaker, the timeline (dated expressions in date order, with their sentences),
     * and the flags. Keyboard: Tab/Shift+Tab through the entries, Escape closes and
     * gives focus back to what opened it.
     * @param {HTMLElement|null} [opener]  the control that opened it (gets focus back)
     */
    openPanel(opener = null) {
      const doc = this.doc;
      const shadow = this.ensureHost();
      this.closePanel();
      const r = this.report;
      const panel = el(doc, "aside", { class: "panel", role: "complementary", "aria-label": "Lede side panel", tabindex: "-1" });
      const head = el(doc, "div", { class: "panel-head" });
      head.append(el(doc, "h2", { text: "In this article" }));
      const close = el(doc, "button", { type: "button", class: "close", "aria-label": "Close the side panel", text: "×" });
      close.addEventListener("click", () => this.closePanel(true));
      head.append(close);
      panel.append(head);
      const entry = (label, onClick, detail) => {
        const b = el(doc, "button", { type: "button", class: "entry" }, [el(doc, "span", { class: "label", text: label })]);
        if (detail) b.append(el(doc, "span", { class: "detail", text: detail }));
        b.addEventListener("click", onClick);
        return el(doc, "li", {}, [b]);
      };
      const section = (id, title, count, fill) => {
        const sec = el(doc, "section", { "aria-labelledby": `lede-panel-${id}` });
        sec.dataset.section = id;
        sec.append(el(doc, "h3", { id: `lede-panel-${id}`, text: `${title} (${count})` }));
        if (!count) sec.append(el(doc, "p", { class: "muted", text: "None found." }));
        else fill(sec);
        panel.append(sec);
      };

      const quoteCount = new Map();
      for (const q of r.quotes) if (q.speaker !== null && q.speaker !== undefined) quoteCount.set(q.speaker, (quoteCount.get(q.speaker) || 0) + 1);
      section("people", "People", r.people.length, (sec) => {
        const ul = el(doc, "ul");
        r.people.forEach((p, i) => {
          const n = quoteCount.get(i) || 0;
          const detail = [p.roles.length ? p.roles.join("; ") : "", n ? plural(n, "quote") : "not quoted"].filter(Boolean).join(" · ");
          ul.append(entry(p.name, () => this.reveal("person", i, p.mentions[0]), detail));
        });
        sec.append(ul);
      });

      section("quotes", "Quotes by speaker", r.quotes.length, (sec) => {
        const groups = new Map();
        r.quotes.forEach((q, i) => {
          const who = q.speaker !== null && q.speaker !== undefined && r.people[q.speaker] ? r.people[q.speaker].name : q.speaker_text || "Speaker not found";
          if (!groups.has(who)) groups.set(who, []);
          groups.get(who).push(i);
        });
        for (const [who, list] of groups) {
          sec.append(el(doc, "h4", { text: `${who} (${list.length})` }));
          const ul = el(doc, "ul");
          for (const i of list) ul.append(entry(this.excerpt(r.quotes[i].span, 120), () => this.reveal("quote", i, r.quotes[i].span), r.quotes[i].direct ? "" : "reported"));
          sec.append(ul);
        }
      });

      const timeline = (r.timeline || []).filter((e) => r.times[e.time]);
      section("timeline", "Timeline", timeline.length, (sec) => {
        const ol = el(doc, "ol", { class: "timeline" });
        let lastKey = null;
        let group = null;
        for (const e of timeline) {
          const t = r.times[e.time];
          const key = `${e.from}/${e.to}`;
          if (key !== lastKey) {
            group = el(doc, "ul");
            ol.append(el(doc, "li", { class: "when" }, [el(doc, "span", { class: "date", text: dateHeading(e, t) }), group]));
            lastKey = key;
          }
          group.append(entry(this.excerpt(e.sentence, 140), () => this.reveal("time", e.time, t.span), `“${this.excerpt(t.span, 40)}”`));
        }
        sec.append(ol);
      });

      section("flags", "Possible inconsistencies", r.flags.length, (sec) => {
        const ul = el(doc, "ul");
        r.flags.forEach((f, i) => ul.append(entry(f.message, () => this.reveal("flag", i, f.evidence[0]), `${plural(f.evidence.length, "passage")} · confidence ${Math.round((f.confidence || 0) * 100)}%`)));
        sec.append(ul);
      });

      // Arrow keys move between the entries (Tab works too); Home/End jump to the ends.
      panel.addEventListener("keydown", (ev) => {
        const stops = [...panel.querySelectorAll("button")];
        const at = stops.indexOf(shadow.activeElement);
        const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: stops.length - 1 }[ev.key];
        if (to === undefined || !stops.length) return;
        ev.preventDefault();
        stops[Math.max(0, Math.min(stops.length - 1, to))].focus();
      });
      shadow.append(panel);
      this.panel = panel;
      if (this.chip) this.chip.classList.add("beside-panel");
      this.panelOpener = opener;
      if (opener) opener.setAttribute("aria-expanded", "true");
      // Focus goes to the first entry, so Enter opens it and Tab walks on from there.
      const first = panel.querySelector(".entry") || panel;
      first.focus({ preventScroll: true });
      return panel;
    }

    /** Opens the panel, or closes it when open. */
    togglePanel(opener = null) {
      if (this.panel) this.closePanel(true);
      else this.openPanel(opener || (this.chip && this.chip.querySelector("button[data-role=panel]")));
      return !!this.panel;
    }

    /** @param {boolean} [restore]  give focus back to the control that opened the panel */
    closePanel(restore = false) {
      if (!this.panel) return;
      this.panel.remove();
      this.panel = null;
      if (this.chip) this.chip.classList.remove("beside-panel");
      const opener = this.panelOpener;
      this.panelOpener = null;
      if (opener) opener.setAttribute("aria-expanded", "false");
      if (restore && opener && opener.isConnected) opener.focus({ preventScroll: true });
    }

    /**
     * Scrolls to an item's passage, flashes it and opens its card beside it (the panel's
     * and the cards' "go there" action).
     */
    reveal(kind, index, span) {
      const ranges = Array.isArray(span) ? this.map.ranges(span[0], span[1]) : [];
      if (!ranges.length) return this.openCard(kind, index, null);
      this.show(ranges, "auto");
      return this.openCard(kind, index, ranges[0]);
    }

    // ── hit-testing ───────────────────────────────────────────────────────────

    /**
     * The item under the point (x, y) in viewport coordinates, highest priority first,
     * or null. Uses `CSS.highlights.highlightsFromPoint` where the browser has it,
     * else the caret position under the point compared with every Range.
     */
    itemAt(x, y) {
      if (this.allHidden) return null;
      const visible = (name) => this.nameVisible(name);
      const reg = this.supported ? CSS.highlights : null;
      if (reg && typeof reg.highlightsFromPoint === "function") {
        try {
          // Ranges in the page's shadow trees are only reported for the roots named here.
          const hits = reg.highlightsFromPoint(x, y, { shadowRoots: this.shadowRoots || [] });
          // Current spec: {highlight, ranges}; early drafts returned the Highlight alone
          // (then the caret test below finds the range).
          if (hits.every((h) => h && h.ranges)) {
            let best = null;
            for (const hit of hits) {
              for (const range of hit.ranges) {
                const item = this.rangeItem.get(range);
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

    onClick(ev) {
      if (ev.button !== 0 || ev.defaultPrevented) return;
      const path = ev.composedPath ? ev.composedPath() : [];
      if (this.host && path.includes(this.host)) return; // inside our own cards
      const sel = this.win.getSelection && this.win.getSelection();
      if (sel && !sel.isCollapsed && String(sel).trim()) return; // the reader is selecting text
      // Links and controls keep their own meaning.
      const target = path[0] || ev.target; // inside an open shadow root, not its host
      const interactive = target && target.closest && target.closest("a[href], button, input, select, textarea, label, summary");
      const item = interactive ? null : this.itemAt(ev.clientX, ev.clientY);
      // The side panel stays open while the reader reads; only the card closes.
      if (item) this.openCard(item.kind, item.index, item.range);
      else this.closeCard();
    }

    onKey(ev) {
      if (ev.key === "Escape" && (this.card || this.panel)) {
        if (this.card) this.closeCard();
        else this.closePanel(true);
        ev.stopPropagation();
      }
    }

    /**
     * The "next highlight" shortcut: opens the card of the next (or, with dir -1, the
     * previous) visible highlight in reading order after the last one visited, wrapping
     * round, and scrolls it into view. Returns what it opened, or null when nothing is shown.
     * @param {1|-1} [dir]
     */
    next(dir = 1) {
      if (this.allHidden) return null;
      const all = [];
      for (const [name, items] of this.items) {
        if (!this.nameVisible(name)) continue;
        for (const it of items) all.push(it);
      }
      if (!all.length) return null;
      // Reading order; at one position, the higher-priority highlight first (as a click would open).
      const key = (it) => [this.spanOf(it), -(PRIORITY[it.name] || 0)];
      all.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
      let at;
      if (this.cursor === undefined) at = dir > 0 ? 0 : all.length - 1;
      else {
        const i = all.indexOf(this.cursor);
        at = i < 0 ? 0 : (i + dir + all.length) % all.length;
      }
      const item = all[at];
      this.cursor = item;
      this.show([item.range], "auto");
      this.openCard(item.kind, item.index, item.range);
      return { kind: item.kind, index: item.index, text: item.range.toString() };
    }

    /** Where an item's range starts in the analysed text (its span, or the part of it this range covers). */
    spanOf(it) {
      return Array.isArray(it.span) ? it.span[0] : 0;
    }

    // ── cards ─────────────────────────────────────────────────────────────────

    excerpt(span, max = 220) {
      if (!Array.isArray(span)) return "";
      const s = this.text.slice(span[0], span[1]).replace(/\s+/g, " ").trim();
      return s.length > max ? s.slice(0, max - 1) + "…" : s;
    }

    /**
     * Scrolls the first of `ranges` to the middle of the screen and flashes them all.
     * "auto" (the page's own scroll behaviour) where a card opens beside them next.
     * @param {Range[]} ranges
     * @param {"smooth"|"auto"} behavior
     */
    show(ranges, behavior) {
      const node = ranges[0].startContainer;
      const target = node.nodeType === 1 ? node : node.parentElement;
      if (target && target.scrollIntoView) target.scrollIntoView({ block: "center", behavior });
      this.flash(ranges);
    }

    /** Scrolls to [start, end) and flashes it with the `lede-focus` highlight. */
    jumpTo(span) {
      const ranges = Array.isArray(span) ? this.map.ranges(span[0], span[1]) : [];
      if (!ranges.length) return false;
      this.show(ranges, "smooth");
      return true;
    }

    jumpButton(label, span, ariaLabel) {
      const b = el(this.doc, "button", { type: "button", text: label });
      if (ariaLabel) b.setAttribute("aria-label", ariaLabel);
      b.addEventListener("click", () => this.jumpTo(span));
      return b;
    }

    /**
     * Opens the card of one item, next to `anchor` (a Range) or, without one, beside the chip.
     * @param {"person"|"quote"|"time"|"flag"} kind
     * @param {number} index  into the report's list of that kind
     * @param {Range|null} anchor
     */
    openCard(kind, index, anchor) {
      const doc = this.doc;
      const shadow = this.ensureHost();
      // Inside our shadow root the document only sees the host as focused: ask the root.
      const active = (this.shadow && this.shadow.activeElement) || doc.activeElement;
      const hadFocus = this.card ? this.returnFocus : active;
      this.closeCard(false);
      const build = { person: this.personCard, quote: this.quoteCard, time: this.timeCard, flag: this.flagCard }[kind];
      if (!build) return null;
      const headingId = `lede-card-h-${kind}-${index}`;
      const card = el(doc, "div", { class: `card card-${kind}`, role: "dialog", "aria-modal": "false", "aria-labelledby": headingId, tabindex: "-1" });
      card.dataset.kind = kind;
      card.itemKind = kind;
      const close = el(doc, "button", { type: "button", class: "close", "aria-label": "Close", text: "×" });
      close.addEventListener("click", () => this.closeCard());
      card.append(close);
      build.call(this, card, index, headingId);
      shadow.append(card);
      this.place(card, anchor);
      this.card = card;
      this.returnFocus = hadFocus;
      // Focus moves into the card so Tab reaches its buttons; the ring only shows when
      // the card was opened from the keyboard (the chip's list), not by a click.
      card.focus({ preventScroll: true, focusVisible: !anchor });
      return card;
    }

    place(card, anchor) {
      const vw = this.doc.documentElement.clientWidth || this.win.innerWidth;
      const vh = this.win.innerHeight;
      const sx = this.win.scrollX;
      const sy = this.win.scrollY;
      const cw = card.offsetWidth;
      const ch = card.offsetHeight;
      let left;
      let top;
      if (anchor) {
        const rects = anchor.getClientRects();
        const r = rects.length ? rects[0] : anchor.getBoundingClientRect();
        left = Math.min(Math.max(8, r.left), vw - cw - 8);
        top = r.bottom + 6 + ch > vh && r.top - 6 - ch > 0 ? r.top - 6 - ch : r.bottom + 6;
      } else {
        left = vw - cw - 12;
        top = Math.max(8, vh - ch - 52);
      }
      card.style.left = `${Math.max(8, left) + sx}px`;
      card.style.top = `${top + sy}px`;
    }

    closeCard(restore = true) {
      if (!this.card) return;
      this.card.remove();
      this.card = null;
      const back = this.returnFocus;
      this.returnFocus = null;
      if (restore && back && back.isConnected && typeof back.focus === "function" && back !== this.doc.body) {
        back.focus({ preventScroll: true });
      }
    }

    personCard(card, i, headingId) {
      const doc = this.doc;
      const p = this.report.people[i];
      card.append(el(doc, "div", { class: "kind", text: "Person" }));
      const title = [...(p.honorifics || []), p.name].join(" ");
      card.append(el(doc, "h2", { id: headingId, text: title }));
      card.append(el(doc, "h3", { text: "Roles, as the article states them" }));
      if (p.roles.length) {
        const ul = el(doc, "ul", { class: "roles" });
        p.roles.forEach((role) => ul.append(el(doc, "li", { text: role })));
        card.append(ul);
      } else card.append(el(doc, "p", { class: "muted", text: "No role stated." }));
      const kinds = {};
      (p.mention_kinds || []).forEach((k) => (kinds[k] = (kinds[k] || 0) + 1));
      const detail = Object.entries(kinds).map(([k, n]) => `${n} by ${k}`).join(", ");
      card.append(el(doc, "p", { class: "mentions", text: `Mentioned ${plural(p.mentions.length, "time")}${detail ? ` (${detail})` : ""}.` }));
      const quotes = this.report.quotes.filter((q) => q.speaker === i);
      card.append(el(doc, "h3", { text: `Quotes attributed (${quotes.length})` }));
      if (quotes.length) {
        const ol = el(doc, "ol", { class: "quotes" });
        for (const q of quotes) {
          const li = el(doc, "li");
          li.append(el(doc, "q", { text: this.excerpt(q.span, 160) }), " ");
          li.append(this.jumpButton("jump", q.span, "Jump to this quote"));
          ol.append(li);
        }
        card.append(ol);
      } else card.append(el(doc, "p", { class: "muted", text: "Not quoted in this article." }));
      const actions = el(doc, "div", { class: "actions" });
      if (p.mentions.length) actions.append(this.jumpButton("Jump to first mention", p.mentions[0]));
      card.append(actions);
    }

    quoteCard(card, i, headingId) {
      const doc = this.doc;
      const q = this.report.quotes[i];
      card.append(el(doc, "div", { class: "kind", text: q.direct ? "Direct quote" : "Reported speech" }));
      const who = q.speaker !== null && q.speaker !== undefined ? this.report.people[q.speaker] : null;
      const name = who ? who.name : q.speaker_text || "Speaker not found";
      card.append(el(doc, "h2", { id: headingId, text: name }));
      card.append(el(doc, "p", {}, [el(doc, "q", { text: this.excerpt(q.span) })]));
      if (q.speaker_text && who && q.speaker_text !== who.name) {
        card.append(el(doc, "p", { class: "muted", text: `Attributed to “${q.speaker_text}” in the text.` }));
      }
      if (q.cue_span) card.append(el(doc, "p", { class: "muted", text: `Cue: ${this.excerpt(q.cue_span, 40)}` }));
      const actions = el(doc, "div", { class: "actions" });
      if (who) {
        const b = el(doc, "button", { type: "button", text: `About ${who.name}` });
        b.addEventListener("click", () => this.openCard("person", q.speaker, null));
        actions.append(b, " ");
      }
      if (q.speaker_span) actions.append(this.jumpButton("Jump to the attribution", q.speaker_span));
      card.append(actions);
    }

    timeCard(card, i, headingId) {
      const doc = this.doc;
      const t = this.report.times[i];
      card.append(el(doc, "div", { class: "kind", text: `Time · ${String(t.type || "").toLowerCase()}` }));
      card.append(el(doc, "h2", { id: headingId, text: t.label || t.value || "Not resolved" }));
      card.append(el(doc, "p", { class: "muted", text: `In the text: “${this.excerpt(t.span, 80)}”` }));
      const dl = el(doc, "p", { class: "value", text: `Value: ${t.value ?? "unknown"}${t.mod ? ` (${t.mod.toLowerCase().replace(/_/g, " ")})` : ""}` });
      card.append(dl);
      const basis = t.basis || "";
      const stated = /^stated\b/i.test(basis);
      card.append(el(doc, "h3", { text: stated ? "Stated" : "Inferred" }));
      card.append(el(doc, "p", { class: "basis", text: basis || "No basis given." }));
    }

    flagCard(card, i, headingId) {
      const doc = this.doc;
      const f = this.report.flags[i];
      card.append(el(doc, "div", { class: "kind", text: "Possible inconsistency" }));
      card.append(el(doc, "h2", { id: headingId, text: f.message }));
      if (f.reason) card.append(el(doc, "p", { class: "reason", text: f.reason }));
      card.append(el(doc, "h3", { text: `Passages (${f.evidence.length})` }));
      const ol = el(doc, "ol", { class: "passages" });
      f.evidence.forEach((span, k) => {
        const li = el(doc, "li");
        li.append(el(doc, "q", { text: this.excerpt(span, 200) }), " ");
        li.append(this.jumpButton("jump", span, `Jump to passage ${k + 1}`));
        ol.append(li);
      });
      card.append(ol);
      if (f.fact) card.append(el(doc, "p", { class: "muted fact", text: `Rests on: ${f.fact}` }));
      card.append(el(doc, "p", { class: "muted confidence", text: `Confidence: ${Math.round((f.confidence || 0) * 100)}%` }));
    }
  }

  Overlay.KIND_HIGHLIGHTS = KIND_HIGHLIGHTS;
  Overlay.PALETTES = PALETTES;
  Overlay.SHADOW_CSS = SHADOW_CSS;
  Overlay.HOST_TAG = HOST_TAG;
  Overlay.countWords = countWords;
  Lede.Overlay = Overlay;
})();
