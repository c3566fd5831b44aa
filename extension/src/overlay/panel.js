/**
 * The side panel: the article at a glance (people, quotes by speaker, the timeline,
 * the flags), every entry a button that scrolls to its passage and opens its card.
 */
import { el, plural } from "./common.js";
import { Cards } from "./cards.js";

export class Panel extends Cards {
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
    /**
     * @param {string} label
     * @param {() => void} onClick
     * @param {string} [detail]
     */
    const entry = (label, onClick, detail) => {
      const b = el(doc, "button", { type: "button", class: "entry" }, [el(doc, "span", { class: "label", text: label })]);
      if (detail) b.append(el(doc, "span", { class: "detail", text: detail }));
      b.addEventListener("click", onClick);
      return el(doc, "li", {}, [b]);
    };
    /**
     * @param {string} id
     * @param {string} title
     * @param {number} count
     * @param {(sec: HTMLElement) => void} fill
     */
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
        ul.append(entry(p.name, () => this.reveal("person", i, p.mention_items[0]?.span), detail));
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
      /** @type {HTMLElement} */
      let group = el(doc, "ul");
      for (const e of timeline) {
        const t = r.times[e.time];
        const key = `${e.from}/${e.to}`;
        if (key !== lastKey) {
          group = el(doc, "ul");
          ol.append(el(doc, "li", { class: "when" }, [el(doc, "span", { class: "date", text: e.heading }), group]));
          lastKey = key;
        }
        group.append(entry(this.excerpt(e.sentence, 140), () => this.reveal("time", e.time, t.span), `“${this.excerpt(t.span, 40)}”`));
      }
      sec.append(ol);
    });

    section("flags", "Possible inconsistencies", r.flags.filter((_, i) => this.flagShown(i)).length, (sec) => {
      const ul = el(doc, "ul");
      r.flags.forEach((f, i) => this.flagShown(i) && ul.append(entry(f.message, () => this.reveal("flag", i, f.evidence[0]), `${plural(f.evidence.length, "passage")} · confidence ${Math.round((f.confidence || 0) * 100)}%`)));
      sec.append(ul);
    });

    // Arrow keys move between the entries (Tab works too); Home/End jump to the ends.
    panel.addEventListener("keydown", (ev) => {
      const stops = [...panel.querySelectorAll("button")];
      const at = stops.indexOf(/** @type {HTMLButtonElement} */ (shadow.activeElement));
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: stops.length - 1 }[ev.key];
      if (to === undefined || !stops.length) return;
      ev.preventDefault();
      stops[Math.max(0, Math.min(stops.length - 1, to))].focus();
    });
    shadow.append(panel);
    this.state.panel = panel;
    if (this.chip) this.chip.classList.add("beside-panel");
    this.state.panelOpener = opener;
    if (opener) opener.setAttribute("aria-expanded", "true");
    // Focus goes to the first entry, so Enter opens it and Tab walks on from there.
    const first = /** @type {HTMLElement} */ (panel.querySelector(".entry") || panel);
    first.focus({ preventScroll: true });
    return panel;
  }

  /**
   * Opens the panel, or closes it when open.
   * @param {HTMLElement|null} [opener]
   */
  togglePanel(opener = null) {
    if (this.panel) this.closePanel(true);
    else this.openPanel(opener || (this.chip && this.chip.querySelector("button[data-role=panel]")));
    return !!this.panel;
  }

  /** @param {boolean} [restore]  give focus back to the control that opened the panel */
  closePanel(restore = false) {
    if (!this.panel) return;
    this.panel.remove();
    this.state.panel = null;
    if (this.chip) this.chip.classList.remove("beside-panel");
    const opener = this.panelOpener;
    this.state.panelOpener = null;
    if (opener) opener.setAttribute("aria-expanded", "false");
    if (restore && opener && opener.isConnected) opener.focus({ preventScroll: true });
  }

  /**
   * Escape closes the card, or else the panel.
   * @param {KeyboardEvent} ev
   */
  onKey(ev) {
    if (ev.key === "Escape" && (this.card || this.panel)) {
      if (this.card) this.closeCard();
      else this.closePanel(true);
      ev.stopPropagation();
    }
  }
}
