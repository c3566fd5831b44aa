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
    .chip .text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .chip button { font-size: 12px; padding: 0 4px; }
    .chip.error { border-color: #d99; color: #8a1f1f; }
    .panel {
      position: fixed; right: 12px; bottom: 44px; max-height: 60vh; overflow: auto; width: 20rem;
      background: #fffdf8; color: #1d1d1f; border: 1px solid #c9c2b3; border-radius: 8px; padding: 8px 10px;
      font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.18);
    }
    .panel h3 { font-size: 11px; margin: 6px 0 2px; text-transform: uppercase; color: #6b6456; }
    .panel ul { list-style: none; margin: 0; padding: 0; }
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

  /** Above this many ranges, only those near the viewport are registered (followViewport). */
  const LAZY_RANGES = 3000;

  class Overlay {
    /**
     * @param {{doc: Document, report: import("./messages.js").Report, map: any, text?: string,
     *          shown?: {people: boolean, quotes: boolean, times: boolean, flags: boolean}}} opts
     *   `text`: what the offsets index (defaults to report.text, then map.text)
     */
    constructor({ doc, report, map, text, shown }) {
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
      this.supported = typeof CSS !== "undefined" && !!CSS.highlights && typeof Highlight === "function";
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
        if (lazy) yield* this.followViewport();
        this.applyVisibility();
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
              const h = this.highlights.get(it.name);
              if (!h) continue;
              if (e.isIntersecting) h.add(it.range);
              else h.delete(it.range);
            }
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
      if (!this.supported) return;
      for (const [kind, names] of Object.entries(KIND_HIGHLIGHTS)) {
        for (const name of names) {
          const h = this.highlights.get(name);
          if (h && this.shown[kind] && !this.allHidden) CSS.highlights.set(name, h);
          else CSS.highlights.delete(name);
        }
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
      if (this.supported) for (const name of this.highlights.keys()) CSS.highlights.delete(name);
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
      if (this.host) this.host.remove();
      this.host = this.shadow = this.chip = this.card = this.panel = null;
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
        if (!this.supported) parts.push("this browser cannot draw highlights");
        else parts.push(`${plural(this.report.people.length, "person", "people")}, ${plural(this.report.quotes.length, "quote")}, ${plural(this.report.flags.length, "flag")}`);
        if (opts.note) parts.push(opts.note);
      }
      chip.append(el(doc, "span", { class: "text", text: parts.join(" · ") }));
      if (!opts.error && !opts.quiet) {
        const list = el(doc, "button", { type: "button", "aria-expanded": "false", "aria-label": "List people and flags", text: "☰" });
        list.addEventListener("click", () => (this.panel ? this.closePanel() : this.openPanel(list)));
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

    openPanel(opener) {
      const doc = this.doc;
      const shadow = this.ensureHost();
      this.closePanel();
      const panel = el(doc, "div", { class: "panel", role: "region", "aria-label": "Lede: people and flags" });
      const section = (title, entries) => {
        if (!entries.length) return;
        panel.append(el(doc, "h3", { text: title }));
        const ul = el(doc, "ul");
        for (const [label, open] of entries) {
          const b = el(doc, "button", { type: "button", text: label });
          b.addEventListener("click", open);
          ul.append(el(doc, "li", {}, [b]));
        }
        panel.append(ul);
      };
      const r = this.report;
      section("People", r.people.map((p, i) => [p.name + (p.roles.length ? ` — ${p.roles[0]}` : ""), () => this.openCard("person", i, null)]));
      section("Flags", r.flags.map((f, i) => [f.message, () => this.openCard("flag", i, null)]));
      if (!r.people.length && !r.flags.length) panel.append(el(doc, "p", { text: "Nothing found yet." }));
      shadow.append(panel);
      this.panel = panel;
      this.panelOpener = opener;
      opener.setAttribute("aria-expanded", "true");
      const first = panel.querySelector("button");
      if (first) first.focus();
    }

    closePanel() {
      if (!this.panel) return;
      this.panel.remove();
      this.panel = null;
      if (this.panelOpener) this.panelOpener.setAttribute("aria-expanded", "false");
    }

    // ── hit-testing ───────────────────────────────────────────────────────────

    /**
     * The item under the point (x, y) in viewport coordinates, highest priority first,
     * or null. Uses `CSS.highlights.highlightsFromPoint` where the browser has it,
     * else the caret position under the point compared with every Range.
     */
    itemAt(x, y) {
      if (this.allHidden || !this.supported) return null;
      const visible = (name) => CSS.highlights.get(name) === this.highlights.get(name);
      const reg = CSS.highlights;
      if (typeof reg.highlightsFromPoint === "function") {
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
      const names = [...this.highlights.keys()].filter(visible).sort((a, b) => (PRIORITY[b] || 0) - (PRIORITY[a] || 0));
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
      if (item) {
        this.openCard(item.kind, item.index, item.range);
      } else {
        this.closeCard();
        this.closePanel();
      }
    }

    onKey(ev) {
      if (ev.key === "Escape" && (this.card || this.panel)) {
        const hadCard = !!this.card;
        this.closeCard();
        if (!hadCard) {
          const opener = this.panelOpener;
          this.closePanel();
          if (opener) opener.focus();
        }
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
        const kind = { "lede-person": "people", "lede-person-mentioned": "people", "lede-quote": "quotes", "lede-time": "times", "lede-flag": "flags" }[name];
        if (kind && !this.shown[kind]) continue;
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
      const node = item.range.startContainer;
      const target = node.nodeType === 1 ? node : node.parentElement;
      if (target && target.scrollIntoView) target.scrollIntoView({ block: "center" });
      this.openCard(item.kind, item.index, item.range);
      if (this.supported) {
        CSS.highlights.set("lede-focus", new Highlight(item.range));
        this.win.clearTimeout(this.focusTimer);
        this.focusTimer = this.win.setTimeout(() => CSS.highlights.delete("lede-focus"), 2000);
      }
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

    /** Scrolls to [start, end) and flashes it with the `lede-focus` highlight. */
    jumpTo(span) {
      const ranges = Array.isArray(span) ? this.map.ranges(span[0], span[1]) : [];
      if (!ranges.length) return false;
      const node = ranges[0].startContainer;
      const target = node.nodeType === 1 ? node : node.parentElement;
      if (target && target.scrollIntoView) target.scrollIntoView({ block: "center", behavior: "smooth" });
      if (this.supported) {
        CSS.highlights.set("lede-focus", new Highlight(...ranges));
        this.win.clearTimeout(this.focusTimer);
        this.focusTimer = this.win.setTimeout(() => CSS.highlights.delete("lede-focus"), 2000);
      }
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
      const hadFocus = this.card ? this.returnFocus : doc.activeElement;
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
  Overlay.HOST_TAG = HOST_TAG;
  Overlay.countWords = countWords;
  Lede.Overlay = Overlay;
})();
