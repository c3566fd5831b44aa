/**
 * Drawing a report over a page, shared by the extension's content script and the
 * demo page (`www/`), so both show exactly the same thing.
 *
 * Input: a Report (UTF-16 offsets into `text`) and a TextMap (extract.js) from offsets
 * to DOM Ranges. Output: entries in `CSS.highlights` and one host element appended to
 * `document.documentElement`, whose closed shadow root holds the cards, the side panel
 * and the status chip. Nothing else in the page changes: no text node is split, wrapped
 * or rewritten (the Custom Highlight API paints Ranges without touching the DOM), and
 * every string from the page or the report is inserted with `textContent`.
 *
 * Highlights (styled by `content.css`): `lede-person` (people who are quoted),
 * `lede-person-mentioned` (people never quoted), `lede-quote`, `lede-time`,
 * `lede-flag`, and `lede-focus` (a short flash after "jump to").
 *
 * The parts, each in overlay/: base.js (state, the host), highlights.js (ranges,
 * painting, hit-testing), cards.js, panel.js (side panel), chip.js (status chip).
 *
 * Example:
 *   const map = TextMap.forReport(extract(document), report);
 *   const overlay = new Overlay({ doc: document, report, map });
 *   overlay.render();
 *   overlay.setShown("quotes", false);
 */
import { KIND_HIGHLIGHTS, PALETTES, countWords } from "./overlay/common.js";
import { Chip } from "./overlay/chip.js";
import { SHADOW_CSS } from "./overlay/styles.js";

export class Overlay extends Chip {
  /** @param {import("./overlay/base.js").OverlayOptions} opts */
  constructor(opts) {
    super(opts);
    this.state.handleClick = (ev) => this.onClick(ev);
    this.state.handleKey = (ev) => this.onKey(ev);
  }

  /** The keyboard shortcut: hide everything Lede draws in this tab, or bring it back. */
  toggleAll() {
    this.state.allHidden = !this.allHidden;
    this.closeCard();
    this.closePanel();
    if (this.chip) this.chip.hidden = this.allHidden;
    this.applyVisibility();
    return !this.allHidden;
  }

  /** Removes everything this overlay added. */
  destroy() {
    this.clearHighlights();
    if (this.supported) CSS.highlights.delete("lede-focus");
    this.doc.removeEventListener("click", this.handleClick, true);
    this.doc.removeEventListener("keydown", this.handleKey, true);
    this.win.clearTimeout(this.focusTimer);
    this.removeHost();
  }

  static KIND_HIGHLIGHTS = KIND_HIGHLIGHTS;
  static PALETTES = PALETTES;
  static SHADOW_CSS = SHADOW_CSS;
  static countWords = countWords;
}
