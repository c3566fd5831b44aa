// WCAG 2.x contrast of everything Lede paints, on light and dark pages, and agreement
// between the three places that spell the highlight colours (content.css for the
// Highlight API, overlay.js's fallback boxes, the popup's swatches).
//
// Rules applied (WCAG 2.2): text ≥ 4.5:1 (1.4.3 AA); marks that carry meaning, here the
// underlines, ≥ 3:1 against what they sit on (1.4.11 non-text contrast).
// Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (p) => readFileSync(join(ROOT, p), "utf8");

// ── colour arithmetic ─────────────────────────────────────────────────────────
function parseColour(s) {
  s = s.trim();
  let m = s.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (m) {
    const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1);
  }
  m = s.match(/^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  throw new Error(`cannot read colour ${s}`);
}
const over = (fg, bg) => fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3])).concat(1);
function luminance([r, g, b]) {
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function ratio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// Pages: background and a typical body-text colour.
const LIGHT = [["#ffffff", "#222222"], ["#f7f4ee", "#2b2b2b"]].map(([bg, fg]) => ({ bg: parseColour(bg), fg: parseColour(fg), name: `light ${bg}` }));
const DARK = [["#000000", "#e6e6e6"], ["#121212", "#dddddd"], ["#1e1e1e", "#e0e0e0"]].map(([bg, fg]) => ({ bg: parseColour(bg), fg: parseColour(fg), name: `dark ${bg}` }));
const PAGES = [...LIGHT, ...DARK];

// ── the stylesheets ───────────────────────────────────────────────────────────
/** ::highlight(name) → {background-color, text-decoration-color, color, …} */
function highlightRules(css) {
  const rules = {};
  for (const m of css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)) {
    rules[m[1]] = Object.fromEntries([...m[2].matchAll(/([\w-]+)\s*:\s*([^;]+);/g)].map((d) => [d[1], d[2].replace(/!important\s*$/, "").trim()]));
  }
  return rules;
}
/** selector → declarations, for simple one-line rules ("sel { a: b; c: d; }"). */
function plainRules(css) {
  const rules = {};
  for (const m of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const decls = Object.fromEntries([...m[2].matchAll(/([\w-]+)\s*:\s*([^;]+);?/g)].map((d) => [d[1], d[2].trim()]));
    for (const sel of m[1].split(",")) rules[sel.trim()] = { ...(rules[sel.trim()] || {}), ...decls };
  }
  return rules;
}
const { SHADOW_CSS } = await import("../../extension/src/overlay/styles.js");
const shadowCss = () => SHADOW_CSS;

const hl = highlightRules(read("extension/src/content.css"));
const KINDS = ["person", "person-mentioned", "quote", "time", "flag"];

test("standard palette: underlines ≥ 3:1 against the page and their own tint; page text on a tint ≥ 4.5:1", () => {
  for (const kind of KINDS) {
    const r = hl[`lede-${kind}`];
    assert.ok(r, `content.css has ::highlight(lede-${kind})`);
    const tint = parseColour(r["background-color"]);
    const line = parseColour(r["text-decoration-color"]);
    for (const page of PAGES) {
      const under = over(tint, page.bg);
      assert.ok(ratio(line, page.bg) >= 3, `${kind} underline on ${page.name}: ${ratio(line, page.bg).toFixed(2)}`);
      assert.ok(ratio(line, under) >= 3, `${kind} underline on its tint, ${page.name}: ${ratio(line, under).toFixed(2)}`);
      assert.ok(ratio(page.fg, under) >= 4.5, `page text on ${kind} tint, ${page.name}: ${ratio(page.fg, under).toFixed(2)}`);
    }
  }
});

test("high-contrast palette: black text ≥ 7:1 and underlines ≥ 3:1 on opaque backgrounds, whatever the page", () => {
  for (const kind of KINDS) {
    const r = hl[`lede-hc-${kind}`];
    assert.ok(r, `content.css has ::highlight(lede-hc-${kind})`);
    const bg = parseColour(r["background-color"]);
    assert.equal(bg[3], 1, `${kind}: opaque background`);
    const text = parseColour(r.color);
    assert.ok(ratio(text, bg) >= 7, `${kind} text: ${ratio(text, bg).toFixed(2)}`);
    assert.ok(ratio(parseColour(r["text-decoration-color"]), bg) >= 3, `${kind} underline`);
  }
});

test("every kind has its own underline style in both palettes (no information by colour alone)", () => {
  for (const prefix of ["lede-", "lede-hc-"]) {
    const styles = KINDS.map((k) => hl[prefix + k]["text-decoration-style"]);
    assert.equal(new Set(styles).size, KINDS.length, `${prefix}: ${styles.join(", ")}`);
  }
});

test("the jump-to flash keeps its text readable on any page", () => {
  const r = hl["lede-focus"];
  for (const page of PAGES) {
    const bg = over(parseColour(r["background-color"]), page.bg);
    assert.ok(ratio(parseColour(r.color), bg) >= 4.5, `${page.name}: ${ratio(parseColour(r.color), bg).toFixed(2)}`);
  }
});

test("cards, chip and side panel text ≥ 4.5:1 and focus rings ≥ 3:1 on their own backgrounds", () => {
  const css = plainRules(shadowCss());
  const card = parseColour(css[".card"].background);
  const panel = parseColour(css[".panel"].background);
  const pairs = [
    [".card", card], [".card h3", card], [".card .kind", card], [".card .muted", card], [".card button", card], [".card .close", card],
    [".panel", panel], [".panel h3", panel], [".panel .entry .label", panel], [".panel .entry .detail", panel], [".panel .muted", panel],
  ];
  for (const [sel, bg] of pairs) {
    assert.ok(css[sel] && css[sel].color, `${sel} has a colour`);
    const c = ratio(parseColour(css[sel].color), bg);
    assert.ok(c >= 4.5, `${sel}: ${c.toFixed(2)}`);
  }
  // The chip's background is translucent: check it over light and dark pages.
  for (const sel of [".chip", ".chip.error"]) {
    for (const page of PAGES) {
      const bg = over(parseColour(css[".chip"].background), page.bg);
      const c = ratio(parseColour(css[sel].color), bg);
      assert.ok(c >= 4.5, `${sel} on ${page.name}: ${c.toFixed(2)}`);
    }
  }
  const ring = parseColour(css[".card:focus-visible"].outline.match(/#[0-9a-f]{3,6}/i)[0]);
  assert.ok(ratio(ring, card) >= 3, `focus ring: ${ratio(ring, card).toFixed(2)}`);
});

test("fallback boxes and popup swatches use content.css's colours", () => {
  const css = plainRules(shadowCss());
  const popup = plainRules(read("extension/src/popup.css"));
  const norm = (s) => parseColour(s).map((v, i) => (i === 3 ? Math.round(v * 100) : v)).join(",");
  for (const kind of KINDS) {
    const std = hl[`lede-${kind}`];
    const box = css[`.box.lede-${kind}`];
    assert.ok(box, `.box.lede-${kind}`);
    assert.equal(norm(box.background), norm(std["background-color"]), `${kind} box background`);
    assert.equal(norm(box["border-bottom"].match(/#[0-9a-f]{3,6}/i)[0]), norm(std["text-decoration-color"]), `${kind} box line`);
    const hc = hl[`lede-hc-${kind}`];
    const hbox = css[`.contrast .box.lede-${kind}`];
    assert.equal(norm(hbox.background), norm(hc["background-color"]), `${kind} contrast box background`);
  }
  for (const [swatch, kind] of [["person", "person"], ["quote", "quote"], ["time", "time"], ["flag", "flag"]]) {
    const s = popup[`.swatch.${swatch}`];
    assert.equal(norm(s.background), norm(hl[`lede-${kind}`]["background-color"]), `popup ${swatch} swatch`);
    assert.equal(norm(s["text-decoration-color"]), norm(hl[`lede-${kind}`]["text-decoration-color"]), `popup ${swatch} line`);
  }
});
