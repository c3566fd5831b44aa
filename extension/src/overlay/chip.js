/**
 * The status chip in the corner: the publication date and its source, the byline when
 * the engine found one, what was analysed, and the button that opens the side panel.
 */
import { bylineWords, countWords, el, plural } from "./common.js";
import { Panel } from "./panel.js";

/** What each stage the engine may skip finds, as the chip names it. @type {Record<string, string>} */
const STAGE_WORDS = { quotes: "quotes", time: "dates and times", checks: "the checks", timeline: "the timeline" };

export class Chip extends Panel {
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
      // The source in a reader's words when the engine gives them ("the dateline opening
      // the story"), else its id.
      parts.push(pub ? `published ${pub.value} (${pub.source_label || pub.source})` : "no publication date found");
      // Who wrote it, when the engine found a byline (absent: nothing is said).
      const by = bylineWords(this.report.byline);
      if (by) parts.push(by);
      if (this.report.truncated_at !== undefined && this.report.truncated_at !== null) {
        parts.push(`analysed the first ${countWords(this.text.slice(0, this.report.truncated_at))} words`);
      }
      // The engine stopped at its time budget: say which stages did not run.
      const inc = this.report.incomplete;
      if (inc && inc.stopped_before) parts.push(`stopped before ${STAGE_WORDS[inc.stopped_before] || inc.stopped_before} (over the ${Math.round(inc.budget_ms / 100) / 10} s budget)`);
      parts.push(`${plural(this.report.people.length, "person", "people")}, ${plural(this.report.quotes.length, "quote")}, ${plural(this.report.flags.filter((_, i) => this.flagShown(i)).length, "flag")}`);
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
    this.state.chip = chip;
  }
}
