/**
 * The messages Lede's parts exchange, in one place.
 *
 * Who talks to whom:
 *   content script ──{kind:"analyze"}──► service worker ──► {ok, report} | {ok:false, error}
 *   content script ──{kind:"rendered"}─► service worker (counts and timings, for the popup and the tests)
 *   content script ──{kind:"styles"}───► service worker ──► inserts content.css into the sender's frame (user origin)
 *   popup          ──{kind:"run"}──────► service worker ──► injects the content scripts, or re-runs them
 *   popup          ──{kind:"set-auto"}─► service worker ──► (un)registers the auto-run content scripts
 *   popup          ──{kind:"status"}───► service worker ──► the last {@link RenderedStats} of a tab
 *   service worker ──{kind:"toggle-all"}► content script (the keyboard shortcut)
 *   service worker ──{kind:"next-highlight", dir}► content script (Alt+Shift+N: open the next highlight's card)
 *   service worker ──{kind:"run"}──────► content script (analyse again, when already injected)
 *   service worker ──{kind:"frame-article"}► the top frame's content script (a frame of the page
 *                                        drew an article: drop the "no article found" chip)
 *   service worker ──{kind:"engine", key, page}► offscreen document (Chromium: the engine workers) ──► AnalyzeResponse
 *   service worker ──{kind:"engine-status"}► offscreen document ──► what the workers are doing
 *
 * Overlay toggles do not travel as messages: the popup writes them to `chrome.storage.sync`
 * (settings.js) and every content script listens to `storage.onChanged`.
 *
 * Every receiver checks what it got with {@link isMessage} before switching on `kind`;
 * every sender builds one of the {@link Message} shapes. The worker also checks who sent
 * it (`fromExtensionPage`): `run`, `status` and `set-auto` come from the popup or the
 * options page only, and a content script only ever talks about its own tab.
 *
 * An ES module: the service worker and the popup load it as it is, the content scripts
 * through the bundle (scripts/build-extension.mjs).
 */

/** Message kinds. Switched on in one place per receiver. */
export const Kind = Object.freeze({
  ANALYZE: "analyze",
  RENDERED: "rendered",
  STYLES: "styles",
  RUN: "run",
  SET_AUTO: "set-auto",
  STATUS: "status",
  TOGGLE_ALL: "toggle-all",
  NEXT: "next-highlight",
  FRAME_ARTICLE: "frame-article",
  PANEL: "toggle-panel",
  ENGINE: "engine",
  ENGINE_STATUS: "engine-status",
  TIMINGS: "timings",
});

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
 * @property {number[]} [ids]  document-order numbers of the elements on the path
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
 * @property {boolean} [article]  whether the page is a news article (the core's verdict, decided before the analysis; from analyze_article_page)
 * @property {string} [article_reason]  why ("article markup", "prose", "mostly links", …)
 * @property {string} [not_article]  the reason, only on a page that is not an article (then the analysis is empty)
 * @property {{value: string, source: string, modified?: string, source_label?: string, confidence?: number, local?: string}|null} published
 * @property {Person[]} people
 * @property {Quote[]} quotes
 * @property {Time[]} times
 * @property {Flag[]} flags
 * @property {TimelineEvent[]} timeline  dated expressions in date order
 * @property {number} [truncated_at]  where the analysis stopped, when the text was cut
 * @property {{stopped_before: string, elapsed_ms: number, budget_ms: number}} [incomplete]  the engine's time budget ran out before this stage
 * @property {Record<string, number>} [stage_ms]  milliseconds per stage (text, people, quotes, time, checks, timeline), by the worker's clock
 * @property {string|{name?: string, text?: string}|Array<string|{name?: string}>|null} [byline]  who wrote it, when the engine found it
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
 * @property {Array<{span: Span, kind: "name"|"alias"|"pronoun"|"description"}>} mention_items  one object per mention (read these)
 * @property {Array<{text: string, span: Span}>} role_items  one object per role
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
 * @property {string|null} value  TIMEX3 value (never shown: the label and basis say it in words)
 * @property {string} [mod]  TIMEX3 modifier (never shown)
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
 * @property {Array<string|{text?: string, sentence?: string, message?: string}>} [links]  the assumed links the flag rests on, one sentence each
 */

/**
 * @typedef {object} TimelineEvent
 * @property {number} time  index into times
 * @property {string} from  first day covered, YYYY-MM-DD
 * @property {string} to    last day covered, YYYY-MM-DD
 * @property {string} heading  the stretch in a reader's words ("11 May 2025", "May 2025"), from the engine
 * @property {Span} sentence  the sentence the expression is in
 */

/** @typedef {{kind: "analyze", page: Page}} AnalyzeRequest */
/**
 * @typedef {{ok: true, report: Report, timings: {instantiate_ms: number|null, analyze_ms: number, warm_up_ms?: number|null}}
 *   | {ok: false, error: string, replaced?: boolean}} AnalyzeResponse
 *   `replaced`: a newer request from the same frame took this one's place in the queue
 */

/**
 * @typedef {object} RenderedStats
 * @property {string} url
 * @property {string} [error]  why nothing was drawn
 * @property {string} [no_article]  why the page is not an article
 * @property {boolean} [in_frame]
 * @property {{people?: number, quotes?: number, times?: number, flags?: number}} [counts]  highlighted ranges per kind
 * @property {{people: number, quotes: number, times: number, flags: number}} [found]  items in the report
 * @property {number} [first_highlight_ms]  from the content script's start to the first highlight
 * @property {number} [extract_ms]
 * @property {number} [render_ms]
 * @property {number|null} [analyze_ms]  inside the service worker
 * @property {number} [answered_ms]  from sending the page to the worker's answer (the queue's wait included)
 * @property {number} [started_at]  when this run started, on the page's clock (performance.now())
 * @property {number} [drawn_at]  when the highlights were up, on the page's clock
 * @property {boolean} [reused]  the text was unchanged: the last report was drawn again
 * @property {number} [words]  words in the analysed text
 * @property {boolean} [truncated]
 * @property {{value: string, source: string}|null} [published]
 * @property {number} [blocks]  blocks extracted
 * @property {number} [selected]  blocks the engine picked
 * @property {number} [mismatches]  picked blocks whose text did not match the page
 * @property {number} [frameId]  added by the worker
 */

/** @typedef {{kind: "rendered", stats: RenderedStats}} RenderedMessage */
/** @typedef {{kind: "styles"}} StylesRequest  content → worker: insert the highlight styles here */
/** @typedef {{kind: "run", tabId: number}} RunRequest  popup → worker */
/** @typedef {{kind: "run"}} RerunMessage  worker → content */
/** @typedef {{kind: "set-auto"}} SetAutoRequest  popup, options → worker: re-register the auto-run scripts */
/** @typedef {{kind: "status", tabId: number}} StatusRequest */
/** @typedef {{kind: "timings"}} TimingsRequest  options → worker: the engine's last timings */
/**
 * @typedef {{instantiate_ms: number|null, warm_up_ms: number|null,
 *   last: null | {analyze_ms: number, stage_ms: Record<string, number>|null, at: number}}} EngineTimings
 *   `last`: the latest analysis, with the engine's own time per stage (`stage_ms`, docs/json.md)
 *   and when it ran (`Date.now()`)
 */
/** @typedef {{kind: "toggle-all"}} ToggleAllMessage */
/** @typedef {{kind: "toggle-panel"}} PanelMessage */
/** @typedef {{kind: "next-highlight", dir?: 1|-1}} NextMessage */
/** @typedef {{kind: "frame-article"}} FrameArticleMessage */

/** @typedef {{kind: "engine", key: string, page: Page}} EngineRequest  worker → offscreen document */
/** @typedef {{kind: "engine-status"}} EngineStatusRequest  worker → offscreen document */

/** @typedef {AnalyzeRequest | RenderedMessage | StylesRequest | RunRequest | SetAutoRequest | StatusRequest | TimingsRequest} ToWorker */
/** @typedef {EngineRequest | EngineStatusRequest} ToOffscreen */
/** @typedef {RerunMessage | ToggleAllMessage | PanelMessage | NextMessage | FrameArticleMessage} ToContent */
/** @typedef {ToWorker | ToContent | ToOffscreen} Message */

/** @param {unknown} v */
const isObject = (v) => !!v && typeof v === "object";
/** @param {unknown} v */
const isTabId = (v) => Number.isInteger(v) && /** @type {number} */ (v) >= 0;

/** @param {unknown} v */
function isPage(v) {
  const page = /** @type {Record<string, unknown>} */ (v);
  return isObject(page) && Array.isArray(page.blocks) && Array.isArray(page.meta) && (page.url === null || typeof page.url === "string");
}

/**
 * Is `m` one of the {@link Message} shapes? Checks what the receiver reads, so a
 * handler never meets a missing field or a wrong type.
 * @param {unknown} m
 * @returns {m is Message}
 */
export function isMessage(m) {
  if (!isObject(m)) return false;
  const msg = /** @type {Record<string, unknown>} */ (m);
  switch (msg.kind) {
    case Kind.ANALYZE:
      return isPage(msg.page);
    case Kind.ENGINE:
      return typeof msg.key === "string" && isPage(msg.page);
    case Kind.RENDERED:
      return isObject(msg.stats);
    case Kind.RUN:
      // From the popup with the tab to run in; to a content script without one.
      return msg.tabId === undefined || isTabId(msg.tabId);
    case Kind.STATUS:
      return isTabId(msg.tabId);
    case Kind.NEXT:
      return msg.dir === undefined || msg.dir === 1 || msg.dir === -1;
    case Kind.STYLES:
    case Kind.SET_AUTO:
    case Kind.TOGGLE_ALL:
    case Kind.PANEL:
    case Kind.FRAME_ARTICLE:
    case Kind.ENGINE_STATUS:
    case Kind.TIMINGS:
      return true;
    default:
      return false;
  }
}

/** Kinds only the extension's own pages (popup, options) may send to the worker. */
export const PAGE_ONLY = Object.freeze(new Set([Kind.RUN, Kind.STATUS, Kind.SET_AUTO, Kind.TIMINGS]));

/** The content script bundle (scripts/build-extension.mjs); it keeps its state in its own scope. */
export const CONTENT_SCRIPTS = ["build/content.js"];
/** The highlight styles, inserted with the user origin so that page rules cannot override them. */
export const CONTENT_CSS = ["src/content.css"];
