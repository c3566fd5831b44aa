/**
 * The messages Lede's parts exchange, in one place.
 *
 * Who talks to whom:
 *   content script ──{kind:"analyze"}──► service worker ──► {ok, report} | {ok:false, error}
 *   content script ──{kind:"rendered"}─► service worker (counts and timings, for the popup and the tests)
 *   popup          ──{kind:"run"}──────► service worker ──► injects the content scripts, or re-runs them
 *   popup          ──{kind:"set-auto"}─► service worker ──► (un)registers the auto-run content scripts
 *   popup          ──{kind:"status"}───► service worker ──► the last {@link RenderedStats} of a tab
 *   service worker ──{kind:"toggle-all"}► content script (the keyboard shortcut)
 *   service worker ──{kind:"next-highlight", dir}► content script (Alt+Shift+N: open the next highlight's card)
 *   service worker ──{kind:"run"}──────► content script (analyse again, when already injected)
 *
 * Overlay toggles do not travel as messages: the popup writes them to `chrome.storage.sync`
 * (key {@link SETTINGS_KEY}) and every content script listens to `storage.onChanged`.
 *
 * This file is loaded as an ES module by the service worker and the popup, and its
 * typedefs document the shapes the classic content scripts send (they cannot import).
 */

/** Message kinds. Switched on in one place per receiver. */
export const Kind = Object.freeze({
  ANALYZE: "analyze",
  RENDERED: "rendered",
  RUN: "run",
  SET_AUTO: "set-auto",
  STATUS: "status",
  TOGGLE_ALL: "toggle-all",
  NEXT: "next-highlight",
  PANEL: "toggle-panel",
});

/** `chrome.storage.sync` key of the {@link Settings}. */
export const SETTINGS_KEY = "lede.settings";

/** @type {Settings} */
export const DEFAULT_SETTINGS = Object.freeze({
  show: Object.freeze({ people: true, quotes: true, times: true, flags: true }),
  autoOrigins: Object.freeze([]),
  neverOrigins: Object.freeze([]),
  palette: "standard",
});

/**
 * @typedef {object} Settings
 * @property {{people: boolean, quotes: boolean, times: boolean, flags: boolean}} show  which overlays are drawn
 * @property {string[]} autoOrigins  origins ("https://example.org") where Lede runs on its own
 * @property {string[]} neverOrigins  origins where the shortcuts do not start Lede (the popup's button still does)
 * @property {"standard"|"contrast"} palette  highlight colours (content.css)
 */

/**
 * The page as the content script describes it; the shape `src/article/mod.rs` reads.
 * @typedef {object} Page
 * @property {string|null} url
 * @property {Block[]} blocks
 * @property {MetaItem[]} meta
 */

/**
 * @typedef {object} Block
 * @property {string} text  the element's own text, whitespace runs collapsed to one space, trimmed
 * @property {string} tag   lower-case tag name
 * @property {string} path  ancestors from the root down, `tag.class#id[itemprop=…][role=…]`, space-separated
 * @property {number} link_chars  UTF-16 code units of `text` inside links
 */

/**
 * @typedef {{kind: "meta", name: string, content: string}
 *   | {kind: "json_ld", text: string}
 *   | {kind: "time", datetime: string, text: string, in_header: boolean}} MetaItem
 */

/**
 * The JSON contract of `src/report/mod.rs`. Every offset is in UTF-16 code units into `text`.
 * @typedef {object} Report
 * @property {string} [text]  the article text (selected blocks joined with "\n"); only from analyze_page
 * @property {Array<[number, number]>} [blocks]  [index into Page.blocks, start offset in text] per selected block
 * @property {string} [title]
 * @property {{value: string, source: string, modified?: string}|null} published
 * @property {Person[]} people
 * @property {Quote[]} quotes
 * @property {Time[]} times
 * @property {Flag[]} flags
 * @property {TimelineEvent[]} timeline  dated expressions in date order
 * @property {number} [truncated_at]  where the analysis stopped, when the text was cut
 */

/** @typedef {[number, number]} Span  end-exclusive UTF-16 offsets */

/**
 * @typedef {object} Person
 * @property {string} name
 * @property {string[]} roles
 * @property {Span[]} role_spans
 * @property {Span[]} mentions
 * @property {Array<"name"|"alias"|"pronoun"|"description">} mention_kinds
 * @property {string[]} honorifics
 */

/**
 * @typedef {object} Quote
 * @property {Span} span
 * @property {number|null} speaker  index into people
 * @property {string|null} speaker_text
 * @property {Span|null} speaker_span
 * @property {Span|null} cue_span
 * @property {boolean} direct
 */

/**
 * @typedef {object} Time
 * @property {Span} span
 * @property {"DATE"|"TIME"|"DURATION"|"SET"} type
 * @property {string|null} value  TIMEX3 value
 * @property {string} [mod]
 * @property {string|null} label  the value in words
 * @property {string|null} basis  "stated", or what it was resolved from
 */

/**
 * @typedef {object} Flag
 * @property {string} kind
 * @property {string} message
 * @property {string} reason
 * @property {number} confidence  0..1
 * @property {Span[]} evidence
 * @property {string|null} fact
 */

/**
 * @typedef {object} TimelineEvent
 * @property {number} time  index into times
 * @property {string} from  first day covered, YYYY-MM-DD
 * @property {string} to    last day covered, YYYY-MM-DD
 * @property {Span} sentence  the sentence the expression is in
 */

/** @typedef {{kind: "analyze", page: Page}} AnalyzeRequest */
/** @typedef {{ok: true, report: Report, timings: {instantiate_ms: number, analyze_ms: number}} | {ok: false, error: string}} AnalyzeResponse */

/**
 * @typedef {object} RenderedStats
 * @property {string} url
 * @property {{people: number, quotes: number, times: number, flags: number}} counts  highlighted ranges per kind
 * @property {number} first_highlight_ms  from the content script's start to the first highlight
 * @property {number} extract_ms
 * @property {number} analyze_ms  inside the service worker
 * @property {number} words  words in the analysed text
 * @property {boolean} truncated
 * @property {{value: string, source: string}|null} published
 */

/** @typedef {{kind: "rendered", stats: RenderedStats}} RenderedMessage */
/** @typedef {{kind: "run", tabId: number}} RunRequest  popup → worker */
/** @typedef {{kind: "run"}} RerunMessage  worker → content */
/** @typedef {{kind: "set-auto", origin: string, enabled: boolean}} SetAutoRequest */
/** @typedef {{kind: "status", tabId: number}} StatusRequest */
/** @typedef {{kind: "toggle-all"}} ToggleAllMessage */

/** @typedef {AnalyzeRequest | RenderedMessage | RunRequest | SetAutoRequest | StatusRequest} ToWorker */
/** @typedef {RerunMessage | ToggleAllMessage} ToContent */

/** The content scripts, in load order; they share the `globalThis.Lede` namespace. */
export const CONTENT_SCRIPTS = ["src/extract.js", "src/overlay.js", "src/content.js"];
export const CONTENT_CSS = ["src/content.css"];
