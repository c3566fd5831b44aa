/**
 * The reader's settings: one reader and one merge with the defaults, for every part
 * (service worker, popup, options page, content script). Stored in `chrome.storage.sync`
 * under {@link SETTINGS_KEY}; every part listens to `storage.onChanged` instead of messages.
 *
 * Example:
 *   const s = await readSettings();          // always complete, whatever is stored
 *   await writeSettings((s) => ({ ...s, palette: "contrast" }));
 */

/** `chrome.storage.sync` key of the {@link Settings}. */
export const SETTINGS_KEY = "lede.settings";

/**
 * @typedef {object} Shown
 * @property {boolean} people
 * @property {boolean} quotes
 * @property {boolean} times
 * @property {boolean} flags
 */

/**
 * @typedef {object} Settings
 * @property {Shown} show  which overlays are drawn
 * @property {string[]} autoOrigins  origins ("https://example.org") where Lede runs on its own
 * @property {string[]} neverOrigins  origins where the shortcuts do not start Lede (the popup's button still does)
 * @property {"standard"|"contrast"} palette  highlight colours (content.css)
 * @property {number} minFlagConfidence  flags below this confidence (0..1) are not drawn
 */

/** @type {Readonly<{show: Readonly<Shown>, autoOrigins: readonly string[], neverOrigins: readonly string[], palette: "standard"|"contrast", minFlagConfidence: number}>} */
export const DEFAULT_SETTINGS = Object.freeze({
  show: Object.freeze({ people: true, quotes: true, times: true, flags: true }),
  autoOrigins: Object.freeze([]),
  neverOrigins: Object.freeze([]),
  palette: "standard",
  minFlagConfidence: 0,
});

const PALETTES = ["standard", "contrast"];

/** @param {unknown} v */
function origins(v) {
  return Array.isArray(v) ? v.filter((o) => typeof o === "string") : [];
}

/**
 * Whatever is stored (nothing, an old shape, a hand-edited value) → a complete
 * {@link Settings}: unknown keys dropped, wrong types replaced by the default.
 * @param {unknown} stored
 * @returns {Settings}
 */
export function mergeSettings(stored) {
  const s = stored && typeof stored === "object" ? /** @type {Record<string, any>} */ (stored) : {};
  const show = s.show && typeof s.show === "object" ? s.show : {};
  /** @type {Shown} */
  const merged = { ...DEFAULT_SETTINGS.show };
  for (const k of /** @type {Array<keyof Shown>} */ (Object.keys(merged))) if (typeof show[k] === "boolean") merged[k] = show[k];
  const conf = Number(s.minFlagConfidence);
  return {
    show: merged,
    autoOrigins: origins(s.autoOrigins),
    neverOrigins: origins(s.neverOrigins),
    palette: PALETTES.includes(s.palette) ? s.palette : DEFAULT_SETTINGS.palette,
    minFlagConfidence: Number.isFinite(conf) ? Math.min(1, Math.max(0, conf)) : 0,
  };
}

/**
 * The settings as stored, merged with the defaults (the defaults when storage fails).
 * @returns {Promise<Settings>}
 */
export async function readSettings() {
  try {
    const got = await chrome.storage.sync.get(SETTINGS_KEY);
    return mergeSettings(got[SETTINGS_KEY]);
  } catch {
    return mergeSettings(null);
  }
}

/**
 * Reads, changes and writes the settings.
 * @param {(s: Settings) => Settings} change
 */
export async function writeSettings(change) {
  const next = mergeSettings(change(await readSettings()));
  await chrome.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Key of the per-article "not a conflict" dismissals in `chrome.storage.local` (never synced). */
export const DISMISSED_KEY = "lede.dismissed";
/** How many articles keep their dismissals (the oldest go first). */
const DISMISSED_ARTICLES = 200;

/**
 * The flags the reader dismissed on one article ("not a conflict"), by flag key.
 * @param {string} article  the article's URL without its query and fragment
 * @returns {Promise<Set<string>>}
 */
export async function readDismissed(article) {
  try {
    /** @type {any} */
    const got = (await chrome.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
    const list = got && typeof got === "object" && Array.isArray(got[article]) ? got[article] : [];
    return new Set(list.filter((/** @type {unknown} */ k) => typeof k === "string"));
  } catch {
    return new Set();
  }
}

/**
 * Stores one dismissal locally.
 * @param {string} article
 * @param {string} flagKey
 */
export async function addDismissed(article, flagKey) {
  const got = (await chrome.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
  /** @type {Record<string, string[]>} */
  const all = got && typeof got === "object" ? { ...got } : {};
  const list = new Set(Array.isArray(all[article]) ? all[article] : []);
  list.add(flagKey);
  delete all[article];
  all[article] = [...list];
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - DISMISSED_ARTICLES))) delete all[k];
  await chrome.storage.local.set({ [DISMISSED_KEY]: all });
}
