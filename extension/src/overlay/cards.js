/**
 * The cards: one per highlight kind (person, quote, time, flag), opened by a click on a
 * highlight, the "next highlight" shortcut or the side panel, placed beside the passage.
 * Clicks the page synthesised (`!isTrusted`) are ignored, and clicks inside the reader's
 * editors (contenteditable, textarea, input) never open a card or move the focus.
 */
import { KIND_HIGHLIGHTS, PRIORITY, el, flagKey, linkSentences, plural, timeWords } from "./common.js";
import { Highlights } from "./highlights.js";

/**
 * Is the event inside an editor (an element the reader types in)?
 * @param {Event} ev
 */
function inEditor(ev) {
  for (const n of ev.composedPath ? ev.composedPath() : []) {
    const e = /** @type {any} */ (n);
    if (e && e.nodeType === 1 && (e.isContentEditable || /^(input|textarea|select)$/i.test(e.localName || ""))) return true;
  }
  return false;
}

export class Cards extends Highlights {
  /**
   * @param {number[]|null|undefined} span
   */
  excerpt(span, max = 220) {
    if (!Array.isArray(span)) return "";
    const s = this.text.slice(span[0], span[1]).replace(/\s+/g, " ").trim();
    return s.length > max ? s.slice(0, max - 1) + "…" : s;
  }

  /**
   * @param {string} label
   * @param {number[]|null|undefined} span
   * @param {string} [ariaLabel]
   */
  jumpButton(label, span, ariaLabel) {
    const b = el(this.doc, "button", { type: "button", text: label });
    if (ariaLabel) b.setAttribute("aria-label", ariaLabel);
    b.addEventListener("click", () => this.jumpTo(span));
    return b;
  }

  /**
   * Opens the card of one item, next to `anchor` (a Range) or, without one, beside the chip.
   * @param {string} kind  "person", "quote", "time" or "flag"
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
    this.state.card = card;
    this.state.returnFocus = hadFocus;
    // Focus moves into the card so Tab reaches its buttons; the ring only shows when
    // the card was opened from the keyboard (the chip's list), not by a click.
    card.focus({ preventScroll: true, focusVisible: !anchor });
    return card;
  }

  /**
   * @param {HTMLElement & {itemKind?: string}} card
   * @param {Range|null} anchor
   */
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
    this.state.card = null;
    const back = /** @type {HTMLElement|null} */ (this.returnFocus);
    this.state.returnFocus = null;
    if (restore && back && back.isConnected && typeof back.focus === "function" && back !== this.doc.body) {
      back.focus({ preventScroll: true });
    }
  }

  /**
   * @param {HTMLElement & {itemKind?: string}} card
   * @param {number} i
   * @param {string} headingId
   */
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
    /** @type {Record<string, number>} */
    const kinds = {};
    for (const m of p.mention_items) kinds[m.kind] = (kinds[m.kind] || 0) + 1;
    const detail = Object.entries(kinds).map(([k, n]) => `${n} by ${k}`).join(", ");
    card.append(el(doc, "p", { class: "mentions", text: `Mentioned ${plural(p.mention_items.length, "time")}${detail ? ` (${detail})` : ""}.` }));
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
    if (p.mention_items.length) actions.append(this.jumpButton("Jump to first mention", p.mention_items[0].span));
    card.append(actions);
  }

  /**
   * @param {HTMLElement & {itemKind?: string}} card
   * @param {number} i
   * @param {string} headingId
   */
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
      b.addEventListener("click", () => this.openCard("person", /** @type {number} */ (q.speaker), null));
      actions.append(b, " ");
    }
    if (q.speaker_span) actions.append(this.jumpButton("Jump to the attribution", q.speaker_span));
    card.append(actions);
  }

  /**
   * @param {HTMLElement & {itemKind?: string}} card
   * @param {number} i
   * @param {string} headingId
   */
  timeCard(card, i, headingId) {
    const doc = this.doc;
    const t = this.report.times[i];
    const { label, basis } = timeWords(t);
    card.append(el(doc, "div", { class: "kind", text: `Time · ${String(t.type || "").toLowerCase()}` }));
    card.append(el(doc, "h2", { id: headingId, text: label }));
    card.append(el(doc, "p", { class: "muted", text: `In the text: “${this.excerpt(t.span, 80)}”` }));
    // The label and basis in words only: TIMEX codes (P70Y, PRESENT_REF, XXXX) are never shown.
    const stated = /^stated\b/i.test(basis);
    card.append(el(doc, "h3", { text: stated ? "Stated" : "Inferred" }));
    card.append(el(doc, "p", { class: "basis", text: basis || "No basis given." }));
  }

  /**
   * @param {HTMLElement & {itemKind?: string}} card
   * @param {number} i
   * @param {string} headingId
   */
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
    // The links the flag assumes (shown only when the engine gives them), one sentence each.
    const links = linkSentences(f.links);
    if (links.length) {
      card.append(el(doc, "h3", { text: "Assumes" }));
      const ul = el(doc, "ul", { class: "links" });
      for (const l of links) ul.append(el(doc, "li", { text: l }));
      card.append(ul);
    }
    if (f.fact) card.append(el(doc, "p", { class: "muted fact", text: `Rests on: ${f.fact}` }));
    card.append(el(doc, "p", { class: "muted confidence", text: `Confidence: ${Math.round((f.confidence || 0) * 100)}%` }));
    if (this.onDismiss) {
      const actions = el(doc, "div", { class: "actions" });
      const b = el(doc, "button", { type: "button", class: "dismiss", text: "Not a conflict" });
      b.setAttribute("aria-label", "Not a conflict: hide this flag on this article");
      b.addEventListener("click", () => this.dismissFlag(i));
      actions.append(b);
      card.append(actions);
    }
  }

  /**
   * The reader says flag `i` is not a conflict: it is hidden on this article and the
   * dismissal is stored locally (never synced, never sent anywhere).
   * @param {number} i
   */
  dismissFlag(i) {
    const f = this.report.flags[i];
    if (!f) return;
    const key = flagKey(f, this.text);
    this.dismissed.add(key);
    this.closeCard();
    const items = this.items.get("lede-flag") || [];
    const keep = items.filter((it) => it.index !== i);
    for (const it of items) if (it.index === i) this.rangeItem.delete(it.range);
    this.items.set("lede-flag", keep);
    const h = this.highlights.get("lede-flag");
    if (h) for (const it of items) if (it.index === i) h.delete(it.range);
    this.schedulePaint();
    if (this.onDismiss) this.onDismiss(key);
  }

  /**
   * Scrolls to an item's passage, flashes it and opens its card beside it (the panel's
   * and the cards' "go there" action).
   * @param {string} kind
   * @param {number} index
   * @param {number[]|null|undefined} span
   */
  reveal(kind, index, span) {
    const ranges = Array.isArray(span) ? this.map.ranges(span[0], span[1]) : [];
    if (!ranges.length) return this.openCard(kind, index, null);
    this.show(ranges, "auto");
    return this.openCard(kind, index, ranges[0]);
  }

  /** @param {MouseEvent} ev */
  onClick(ev) {
    // A click the page made up (element.click(), dispatchEvent) is not the reader's.
    if (!ev.isTrusted || ev.button !== 0 || ev.defaultPrevented) return;
    const path = ev.composedPath ? ev.composedPath() : [];
    // The reader's editors keep their focus, selection and keystrokes: nothing opens,
    // and a card that closes does not hand the focus back somewhere else.
    if (inEditor(ev)) return this.closeCard(false);
    if (this.host && path.includes(this.host)) return; // inside our own cards
    const sel = this.win.getSelection && this.win.getSelection();
    if (sel && !sel.isCollapsed && String(sel).trim()) return; // the reader is selecting text
    // Links and controls keep their own meaning.
    const target = path[0] || ev.target; // inside an open shadow root, not its host
    const t = /** @type {Element} */ (target);
    const interactive = t && t.closest && t.closest("a[href], button, input, select, textarea, label, summary");
    const item = interactive ? null : this.itemAt(ev.clientX, ev.clientY);
    // The side panel stays open while the reader reads; only the card closes.
    if (item) this.openCard(item.kind, item.index, item.range);
    else this.closeCard();
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
    /**
     * @param {import("./base.js").Item} it
     */
    const key = (it) => [this.spanOf(it), -(PRIORITY[it.name] || 0)];
    all.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
    let at;
    if (this.cursor === undefined) at = dir > 0 ? 0 : all.length - 1;
    else {
      const i = all.indexOf(this.cursor);
      at = i < 0 ? 0 : (i + dir + all.length) % all.length;
    }
    const item = all[at];
    this.state.cursor = item;
    this.show([item.range], "auto");
    this.openCard(item.kind, item.index, item.range);
    return { kind: item.kind, index: item.index, text: item.range.toString() };
  }

  /**
   * Shows or hides one kind ("people", "quotes", "times", "flags").
   * @param {string} kind
   * @param {boolean} on
   */
  setShown(kind, on) {
    if (!(kind in KIND_HIGHLIGHTS)) return;
    this.shown[/** @type {keyof import("../settings.js").Shown} */ (kind)] = !!on;
    if (this.card && !this.kindVisible(this.card.itemKind || "")) this.closeCard();
    this.applyVisibility();
  }
}
